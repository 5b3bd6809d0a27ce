"""Is every file of the committed snapshot whole? Presence, size, Parquet footer and row count.

Cheap enough for every run (one ``stat`` and one footer read per file, no data pages): a file
that is missing, shorter or longer than committed, has no readable footer, or whose footer
counts other rows than the manifest recorded is *damaged*. :mod:`transforms.pipeline.repair`
decides how each damaged file is rebuilt.
"""

from __future__ import annotations

from dataclasses import dataclass

from transforms.warehouse.files import human_bytes
from transforms.warehouse.manifest import FileEntry, Manifest, footer_rows
from transforms.warehouse.store import ParquetStore


@dataclass(frozen=True)
class Damage:
    """One damaged file of the snapshot."""

    table: str
    entry: FileEntry
    problem: str  # readable: "missing", "truncated: 1.2 KB of 2.5 KB", "footer unreadable", ...

    @property
    def where(self) -> str:
        return f"{self.table}" + (f" month={self.entry.month}" if self.entry.month else "")


def check_file(store: ParquetStore, entry: FileEntry) -> str | None:
    """What is wrong with one committed file (None when it is whole)."""
    path = store.path(entry)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    if entry.rows is not None and size != entry.bytes:
        state = "truncated" if size < entry.bytes else "changed size"
        return f"{state}: {human_bytes(size)} of {human_bytes(entry.bytes)}"
    rows = footer_rows(path)
    if rows is None:
        return "footer unreadable (not a whole Parquet file)"
    if entry.rows is not None and rows != entry.rows:
        return f"footer counts {rows} rows, {entry.rows} were committed"
    return None


def scan(store: ParquetStore, snapshot: Manifest | None = None) -> list[Damage]:
    """Every damaged file of the snapshot, table by table."""
    snapshot = snapshot or store.snapshot()
    out = []
    for table, entries in snapshot.tables.items():
        for e in entries:
            problem = check_file(store, e)
            if problem:
                out.append(Damage(table, e, problem))
    return out
