"""Finding input files: folders walked in sorted order, symlinks followed, only regular files kept.

Every path met is accounted for in :attr:`Discovery.counts` (files, folders, sidecars, hidden,
duplicates, and each kind of rejected path). Symlinks to files and folders are followed; a
folder reached again through a link to one of its own ancestors is a loop and is not walked
again. What cannot be read becomes a quarantine record with its path, and is never opened:

* "not a regular file": a FIFO, socket or device (reading one could block forever);
* "symlink loop": a link that resolves to itself, or to a folder that contains it;
* "dangling link": a link whose target does not exist;
* "unreadable file": a folder the system refuses to list, or a path it refuses to stat.

The same file (device and inode) reached through two paths is read once. Hidden files and
folders (names starting with ``.``) and ``*.meta.json`` sidecars are not inputs themselves.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from transforms.core.records import Quarantine

SIDECAR_SUFFIX = ".meta.json"  # NAME.meta.json beside NAME.ext holds the file's metadata

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


@dataclass
class Discovery:
    """What a walk over the inputs found: files to read, rejected paths, and a count of every path."""

    files: list[Path] = field(default_factory=list)
    rejected: list[Quarantine] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    def reject(self, path: Path, reason: str, detail: str) -> None:
        self.rejected.append(Quarantine(input_path=str(path), reason=reason, detail=detail))
        self.counts[reason] += 1


def is_sidecar(path: Path) -> bool:
    """True for a ``NAME.meta.json`` metadata sidecar (never an input by itself)."""
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def special_kind(mode: int) -> str:
    """What a non-regular, non-folder file is ("a FIFO (named pipe)", "a socket", ...)."""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _stat(path: Path, found: Discovery) -> os.stat_result | None:
    """``stat`` following links; a dangling link, a loop or a refusal is rejected (returns None)."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        found.reject(path, "dangling link", f"symlink to {_link_target(path)}, which does not exist")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            found.reject(path, "symlink loop", f"symlink to {_link_target(path)} never reaches a file or folder")
        else:
            found.reject(path, "unreadable file", f"cannot stat: {exc.strerror or exc}")
    return None


def _children(folder: Path, found: Discovery) -> list[Path]:
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        found.reject(folder, "unreadable file", f"cannot list the folder: {exc.strerror or exc}")
        return []
    kept = []
    for name in names:
        if name.startswith("."):
            found.counts["hidden"] += 1
        else:
            kept.append(folder / name)
    return kept


def discover(paths: Iterable[Path | str]) -> Discovery:
    """Input files under ``paths`` (files and folders, recursively, sorted per folder), absolute.

    A path that does not exist raises ``FileNotFoundError`` (a user error).
    """
    found = Discovery()
    seen_files: set[tuple[int, int]] = set()
    walked: set[tuple[int, int]] = set()
    for raw in paths:
        top = Path(os.path.abspath(raw))
        if not os.path.lexists(top):
            raise FileNotFoundError(f"no such file or folder: {raw}")
        stack: list[tuple[Path, frozenset]] = [(top, frozenset())]
        while stack:
            path, ancestors = stack.pop()
            st = _stat(path, found)
            if st is None:
                continue
            key = (st.st_dev, st.st_ino)
            if stat.S_ISDIR(st.st_mode):
                if key in ancestors:
                    found.reject(path, "symlink loop", f"links back to {os.path.realpath(path)}, a folder that "
                                 "contains it; not walked again")
                elif key in walked:
                    found.counts["duplicates"] += 1  # the same folder through another path
                else:
                    walked.add(key)
                    found.counts["folders"] += 1
                    inner = ancestors | {key}
                    stack.extend((child, inner) for child in reversed(_children(path, found)))
            elif not stat.S_ISREG(st.st_mode):
                found.reject(path, "not a regular file", f"{special_kind(st.st_mode)}: only regular files are "
                             "read, and it was not opened")
            elif is_sidecar(path):
                found.counts["sidecars"] += 1
            elif key in seen_files:
                found.counts["duplicates"] += 1  # the same file through another path
            else:
                seen_files.add(key)
                found.files.append(path)
                found.counts["files"] += 1
    return found


def discover_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files :func:`discover` finds (without the rejected paths and counts)."""
    return discover(paths).files


def file_suffix(path: Path, compound: Iterable[str] = ()) -> str:
    """The lower-cased suffix that picks a reader: one of ``compound`` (".warc.gz") when the name
    ends with it, else the last suffix (".txt"; "" for none)."""
    name = path.name.lower()
    for suffix in compound:
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()
