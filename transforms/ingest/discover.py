"""Finding input files: folders walked recursively in sorted order, hidden files and sidecars skipped."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SIDECAR_SUFFIX = ".meta.json"  # NAME.meta.json beside NAME.ext holds the file's metadata


def _is_hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = (path.name,)
    return any(p.startswith(".") for p in parts)


def is_sidecar(path: Path) -> bool:
    """True for a ``NAME.meta.json`` metadata sidecar (never an input by itself)."""
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def discover_files(paths: Iterable[Path | str]) -> list[Path]:
    """Input files under ``paths`` (files and folders, recursively), absolute, sorted per folder.

    Hidden files and folders and ``*.meta.json`` sidecars are skipped. A path that does not
    exist raises ``FileNotFoundError`` (a user error).
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(os.path.abspath(raw))
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {raw}")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not _is_hidden(p, path))
        else:
            found = [path]
        for p in found:
            if is_sidecar(p) or p in seen:
                continue
            seen.add(p)
            out.append(p)
    return out


def file_suffix(path: Path, compound: Iterable[str] = ()) -> str:
    """The lower-cased suffix that picks a reader: one of ``compound`` (".warc.gz") when the name
    ends with it, else the last suffix (".txt"; "" for none)."""
    name = path.name.lower()
    for suffix in compound:
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()
