"""What every reader of a text format shares: reading the file, decoding it, its sidecar metadata.

:func:`text_reader` turns ``read(raw, text, meta, options, input_path)`` — a function of the
decoded file — into a registry reader; binary files, undecodable bytes and broken sidecars are
quarantined here, once for every format.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path

from transforms.ingest.decode import binary_reason, decode_bytes
from transforms.ingest.metadata import Meta, sidecar_meta
from transforms.ingest.options import IngestOptions
from transforms.ingest.quarantine import quarantine
from transforms.ingest.readers.registry import Item, Reader
from transforms.ingest.reject import Reject

TextRead = Callable[[bytes, str, Meta | None, IngestOptions, str], Iterator[Item]]


def file_text(path: Path) -> tuple[bytes, str, Meta | None]:
    """Raw bytes, decoded text and sidecar metadata of an input file.

    Raises :class:`Reject` for binary content, undecodable bytes or a broken sidecar; its
    ``excerpt`` is the decoded text when there is one (else the quarantine row keeps bytes)."""
    raw = path.read_bytes()
    try:
        why = binary_reason(raw)
        if why:
            raise Reject("binary content", why)
        text = decode_bytes(raw)[0]
    except Reject as exc:
        exc.excerpt = raw
        raise
    try:
        return raw, text, sidecar_meta(path)
    except Reject as exc:
        exc.excerpt = text
        raise


def text_reader(read: TextRead) -> Reader:
    """A registry reader of a text format: ``read`` gets the decoded file and its sidecar metadata."""
    @functools.wraps(read)
    def reader(path: Path, options: IngestOptions, ip: str) -> Iterator[Item]:
        try:
            raw, text, meta = file_text(path)
        except Reject as r:
            yield quarantine(ip, "", r.reason, r.detail, r.excerpt)
            return
        yield from read(raw, text, meta, options, ip)
    return reader
