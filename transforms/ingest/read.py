"""The entry points: every input under some paths, file by file, as documents or quarantine records.

:func:`read_file` picks the file's reader from the registry, checks that the file is still a
regular file (it is never opened otherwise: a FIFO would block), applies the size limit (per
file, or per record for streamed formats) and turns an unreadable file or a reader's unexpected
error into a quarantine record, so one bad file never stops the others.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from transforms.ingest.discover import discover, special_kind
from transforms.ingest.options import IngestOptions
from transforms.ingest.quarantine import head_bytes, quarantine
from transforms.ingest.readers import Item, format_for, suffix_of, supported_suffixes

MAX_ERROR_CHARS = 300


def read_file(path: Path, options: IngestOptions) -> Iterator[Item]:
    """Items of one input file."""
    ip = os.path.abspath(path)
    try:
        st = path.stat()
    except OSError as exc:
        yield quarantine(ip, "", "unreadable file", str(exc), b"")
        return
    if not stat.S_ISREG(st.st_mode):  # never opened: reading a FIFO or a device could block
        yield quarantine(ip, "", "not a regular file", f"{special_kind(st.st_mode)}: only regular files are read, "
                         "and it was not opened", b"")
        return
    suffix = suffix_of(path)
    fmt = format_for(suffix)
    if fmt is None:
        yield quarantine(ip, "", "unsupported format",
                         f"no reader for {suffix or 'files without an extension'!r} "
                         f"(supported: {', '.join(supported_suffixes())})", head_bytes(path))
        return
    size = st.st_size
    if not fmt.streamed and size > options.max_bytes:
        yield quarantine(ip, "", "file too large", f"{size} bytes is over the limit of {options.max_bytes} bytes",
                         head_bytes(path))
        return
    count = 0
    try:
        for item in fmt.reader(path, options, ip):
            count += 1
            yield item
    except OSError as exc:
        yield quarantine(ip, "", "unreadable file", f"{type(exc).__name__}: {exc}", head_bytes(path))
    except Exception as exc:  # a reader bug or a malformed file must not stop the run
        yield quarantine(ip, "" if count == 0 else f"after:{count}", "reader error",
                         f"{type(exc).__name__}: {str(exc)[:MAX_ERROR_CHARS]}", head_bytes(path))


def read_inputs(paths: Iterable[Path | str], options: IngestOptions | None = None) -> Iterator[Item]:
    """Documents and quarantine records of every input under ``paths`` (files and folders)."""
    options = options or IngestOptions()
    found = discover([Path(p) for p in paths])
    yield from found.rejected
    for path in found.files:
        yield from read_file(path, options)
