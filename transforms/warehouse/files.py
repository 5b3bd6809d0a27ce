"""Durable file writes for the warehouse, and the one error they raise when the disk is full.

Every file the warehouse writes is first written under a temporary name in its own folder
(``.NAME.<random>.tmp``), flushed to disk, then renamed into place (``os.replace`` is atomic),
so a reader or a crash sees the old file or the new one, never half a file. When the disk
(or a quota) is full the temporary file is removed and :class:`DiskFull` names the folder,
the free space and the space the write needed, in one line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

_FULL = (errno.ENOSPC, errno.EDQUOT)


class DiskFull(Exception):
    """No space left for a warehouse write (the write was abandoned; nothing half-written stays)."""

    def __init__(self, path: str, needed: int, free: int):
        super().__init__(path, needed, free)
        self.path, self.needed, self.free = path, needed, free

    def __str__(self) -> str:
        return (f"disk full writing {self.path}: {human_bytes(self.free)} free, about "
                f"{human_bytes(self.needed)} needed; free some space and run again")


def human_bytes(n: int) -> str:
    value = float(max(n, 0))
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover - the loop always returns


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in _FULL


def free_bytes(path: Path) -> int:
    for p in (path, *path.parents):
        with contextlib.suppress(OSError):
            return shutil.disk_usage(p).free
    return 0


def fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def temp_path(final: Path) -> Path:
    """A temporary name beside ``final``: hidden and ending in ``.tmp``, so no reader's glob matches."""
    return final.with_name(f".{final.name}.{uuid.uuid4().hex[:12]}.tmp")


def write_temp(final: Path, write: Callable[[Path], object], needed: int) -> Path:
    """Write a file with ``write(tmp)`` under a temporary name beside ``final`` and flush it to
    disk; returns the temporary path (the caller renames it into place). ``needed`` is the
    space the whole write is expected to take (reported when the disk is full)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(final)
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if is_disk_full(exc):
            raise DiskFull(str(final.parent), needed, free_bytes(final.parent)) from None
        raise
    return tmp


def write_atomic(final: Path, write: Callable[[Path], object], needed: int = 0) -> Path:
    """Write ``final`` atomically and durably (temporary file, fsync, rename, fsync of the folder)."""
    tmp = write_temp(final, write, needed)
    os.replace(tmp, final)
    fsync_dir(final.parent)
    return final


def write_text_atomic(final: Path, text: str) -> Path:
    data = text.encode("utf-8")
    return write_atomic(final, lambda p: p.write_bytes(data), len(data))
