"""Quarantine records: what an unusable input item becomes, with a readable excerpt."""

from __future__ import annotations

from pathlib import Path

from transforms.core.records import Quarantine
from transforms.ingest.decode import binary_reason
from transforms.ingest.options import EXCERPT_CHARS

MAX_CHAR_CUT = 4  # a byte slice may end inside a multi-byte character of up to 4 bytes


def excerpt(raw: str | bytes | bytearray | None) -> str:
    """The start of an item as text: its first characters, or a ``b'...'`` repr of binary bytes."""
    if raw is None:
        return ""
    if isinstance(raw, bytes | bytearray):
        head = bytes(raw[:EXCERPT_CHARS])
        if binary_reason(head) is None:
            for cut in range(MAX_CHAR_CUT):
                try:
                    return head[: len(head) - cut].decode("utf-8")
                except UnicodeDecodeError:
                    continue
        return repr(head)[:EXCERPT_CHARS]
    return str(raw)[:EXCERPT_CHARS]


def quarantine(input_path: str, locator: str, reason: str, detail: str,
               raw: str | bytes | bytearray | None) -> Quarantine:
    """A quarantine record for one item of ``input_path`` (``raw`` gives its excerpt)."""
    return Quarantine(input_path=input_path, locator=locator, reason=reason, detail=detail,
                      raw_excerpt=excerpt(raw))


def head_bytes(path: Path, n: int = EXCERPT_CHARS) -> bytes:
    """The first ``n`` bytes of a file (empty when it cannot be read): a whole-file excerpt."""
    try:
        with open(path, "rb") as fh:
            return fh.read(n)
    except OSError:
        return b""
