"""The committed snapshot of a warehouse: ``parquet/_current.json`` names every file of every table.

A batch writes its Parquet files under temporary names, renames them into place, and only then
replaces this manifest (atomically, last). So the manifest — and the ``dateline.duckdb`` views
built from it — name only files of committed batches: a reader sees a whole batch or none of it.
Each entry records the file's row count and size, which :mod:`.integrity` checks against the
file's footer. ``awaiting_inputs`` lists documents lost with a damaged ``documents`` partition
until a run reads their inputs again.

The file is plain JSON, meant to be read by other tools too::

    {"format": 1, "commit": 12, "committed_at": "2025-06-05T10:00:00+00:00",
     "tables": {"events": [{"path": "events/month=2025-06/part-000012-1a2b3c4d.parquet",
                            "month": "2025-06", "rows": 42, "bytes": 13544}, ...], ...},
     "awaiting_inputs": []}

Paths are relative to the ``parquet`` folder. A warehouse written before the manifest existed
(or whose manifest was lost) is *adopted*: its snapshot is the Parquet files found on disk, and
the next commit writes the manifest.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from transforms.warehouse import contract
from transforms.warehouse.files import write_text_atomic

MANIFEST_NAME = "_current.json"
FORMAT = 1


class ManifestDamaged(ValueError):
    """``_current.json`` exists but is not a readable manifest."""


@dataclass(frozen=True)
class FileEntry:
    """One committed Parquet file of a table."""

    path: str  # relative to the parquet folder, with forward slashes
    month: str | None  # partition value, None for an unpartitioned table
    rows: int | None  # None: adopted file whose footer could not be read
    bytes: int

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "month": self.month, "rows": self.rows, "bytes": self.bytes}


@dataclass
class Manifest:
    """The files of every table at one commit."""

    commit: int = 0
    committed_at: str | None = None
    tables: dict[str, list[FileEntry]] = field(default_factory=dict)
    awaiting_inputs: list[dict] = field(default_factory=list)
    adopted: bool = False  # built from the files on disk, not read from _current.json

    def files(self, table: str) -> list[FileEntry]:
        return list(self.tables.get(table, []))

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "commit": self.commit, "committed_at": self.committed_at,
                "tables": {t: [e.to_json() for e in sorted(es, key=lambda e: e.path)]
                           for t, es in self.tables.items()},
                "awaiting_inputs": self.awaiting_inputs}

    @classmethod
    def from_json(cls, data: Any) -> Manifest:
        try:
            if data.get("format") != FORMAT:
                raise ManifestDamaged(f"unknown manifest format {data.get('format')!r}")
            tables = {t: [FileEntry(e["path"], e.get("month"), e.get("rows"), int(e.get("bytes", 0)))
                          for e in entries] for t, entries in data["tables"].items()}
            return cls(int(data["commit"]), data.get("committed_at"), tables,
                       list(data.get("awaiting_inputs", [])))
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise ManifestDamaged(f"not a Dateline manifest: {exc}") from None


def manifest_path(parquet_dir: Path) -> Path:
    return parquet_dir / MANIFEST_NAME


def load(parquet_dir: Path) -> Manifest | None:
    """The committed manifest, or None when there is none yet."""
    path = manifest_path(parquet_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        return Manifest.from_json(json.loads(text))
    except json.JSONDecodeError as exc:
        raise ManifestDamaged(f"{path}: {exc}") from None


def save(parquet_dir: Path, manifest: Manifest) -> Path:
    """Replace the manifest atomically (the commit point of a batch)."""
    manifest.committed_at = dt.datetime.now(dt.UTC).isoformat()
    text = json.dumps(manifest.to_json(), indent=1, sort_keys=True) + "\n"
    return write_text_atomic(manifest_path(parquet_dir), text)


def footer_rows(path: Path) -> int | None:
    """Row count from a Parquet file's footer (None when the footer cannot be read)."""
    try:
        return pq.read_metadata(path).num_rows
    except Exception:  # OSError for a missing file, ArrowInvalid for a damaged one
        return None


def adopt(parquet_dir: Path) -> Manifest:
    """A snapshot of the Parquet files on disk, for a warehouse that has no manifest."""
    tables: dict[str, list[FileEntry]] = {}
    for name, table in contract.tables().items():
        base = parquet_dir / name
        entries = []
        if base.is_dir():
            for p in sorted(base.rglob("*.parquet")):
                if p.name.startswith(".") or not p.is_file():
                    continue
                month = None
                if table.partition:
                    prefix = f"{table.partition}="
                    if not p.parent.name.startswith(prefix) or p.parent.parent != base:
                        continue
                    month = p.parent.name[len(prefix):]
                elif p.parent != base:
                    continue
                entries.append(FileEntry(p.relative_to(parquet_dir).as_posix(), month, footer_rows(p),
                                         p.stat().st_size))
        if entries:
            tables[name] = entries
    return Manifest(tables=tables, adopted=True)
