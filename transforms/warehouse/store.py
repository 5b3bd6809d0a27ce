"""Hive-partitioned Parquet tables, written in atomic batches recorded in a manifest.

Layout: ``<warehouse>/parquet/<table>/month=YYYY-MM/part-<commit>-<id>.parquet`` for partitioned
tables and ``<warehouse>/parquet/<table>/part-<commit>-<id>.parquet`` otherwise, plus
``<warehouse>/parquet/_current.json``, the manifest of the committed snapshot
(:mod:`.manifest`). Files are never modified: a :class:`Batch` writes the rows it adds as new
files (under temporary names), rewrites the few files that held rows it replaces, renames its
files into place and then commits by replacing the manifest. Files the commit leaves out
(replaced rows) are deleted after it. A crash before the commit leaves files no manifest names;
:meth:`ParquetStore.cleanup` removes them (the next run calls it under the lock).

Idempotence: rows are replaced per document (``doc_id``) or per primary key, never appended
blindly, so writing the same rows twice leaves the same table; a batch that changes nothing
writes no file and no manifest.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from transforms.warehouse import contract, manifest
from transforms.warehouse.files import fsync_dir, write_temp
from transforms.warehouse.manifest import FileEntry, Manifest

#: a partition with more files than this is merged into one file by :meth:`Batch.compact`
COMPACT_ABOVE = 8


def conform(tbl: pa.Table, target: pa.Schema) -> pa.Table:
    """Cast ``tbl`` to ``target``: missing columns become nulls, extra columns are dropped."""
    arrays = []
    for f in target:
        if f.name in tbl.column_names:
            arrays.append(tbl.column(f.name).cast(f.type))
        else:
            arrays.append(pa.nulls(tbl.num_rows, type=f.type))
    return pa.Table.from_arrays(arrays, schema=target)


def read_files(name: str, paths: Iterable[Path], columns: list[str] | None = None) -> pa.Table:
    """Rows of ``name`` from Parquet files, conformed to the contract (``columns`` only, if given);
    a column an older file lacks is read as nulls."""
    target = contract.arrow_schema(name)
    if columns:
        target = pa.schema([f for f in target if f.name in columns])
    parts = []
    for path in paths:
        pf = pq.ParquetFile(path)
        have = set(pf.schema_arrow.names)
        parts.append(conform(pf.read(columns=[c for c in target.names if c in have]), target))
    return pa.concat_tables(parts) if parts else target.empty_table()


class ParquetStore:
    """The Parquet side of a warehouse directory."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self.parquet = self.root / "parquet"

    # ------------------------------------------------------------------ paths
    def table_dir(self, name: str) -> Path:
        return self.parquet / name

    def partition_dir(self, name: str, month: str | None) -> Path:
        t = contract.table(name)
        if t.partition:
            if not month:
                raise ValueError(f"{name} is partitioned by {t.partition}: a value is required")
            return self.table_dir(name) / f"{t.partition}={month}"
        return self.table_dir(name)

    def path(self, entry: FileEntry) -> Path:
        return self.parquet / entry.path

    # ------------------------------------------------------------------ the snapshot
    def snapshot(self) -> Manifest:
        """The committed snapshot (the files on disk when the warehouse has no readable manifest)."""
        try:
            current = manifest.load(self.parquet)
        except manifest.ManifestDamaged:
            current = None
        return current or manifest.adopt(self.parquet)

    def has_manifest(self) -> bool:
        return manifest.manifest_path(self.parquet).exists()

    def set_aside_damaged_manifest(self) -> Path | None:
        """Rename an unreadable manifest to ``_current.json.damaged`` (the snapshot is then the files
        on disk, and the next commit writes a new manifest); returns its new path, if any."""
        try:
            manifest.load(self.parquet)
            return None
        except manifest.ManifestDamaged:
            path = manifest.manifest_path(self.parquet)
            aside = path.with_name(path.name + ".damaged")
            os.replace(path, aside)
            return aside

    def files(self, name: str) -> list[Path]:
        return [self.path(e) for e in self.snapshot().files(name)]

    def partitions(self, name: str) -> list[str | None]:
        months = {e.month for e in self.snapshot().files(name)}
        return sorted(months, key=lambda m: m or "")

    # ------------------------------------------------------------------ reading
    def read_entries(self, name: str, entries: Iterable[FileEntry], columns: list[str] | None = None) -> pa.Table:
        return read_files(name, [self.path(e) for e in entries], columns)

    def read_partition(self, name: str, month: str | None) -> pa.Table:
        return self.read_entries(name, [e for e in self.snapshot().files(name) if e.month == month])

    def read(self, name: str, columns: list[str] | None = None) -> pa.Table:
        """Whole table (all partitions) of the committed snapshot, with the partition column added."""
        return Batch(self).read(name, columns)

    def document_index(self) -> dict[str, dict]:
        """doc_id -> {content_hash, pipeline_version, month, input_path, locator} of stored documents."""
        tbl = self.read("documents", ["doc_id", "content_hash", "pipeline_version", "input_path", "locator"])
        return {row["doc_id"]: row for row in tbl.to_pylist()}

    # ------------------------------------------------------------------ writing
    @contextlib.contextmanager
    def batch(self, after_commit: Callable[[Manifest], object] | None = None) -> Iterator[Batch]:
        """One atomic batch: committed when the block ends, abandoned (no trace) when it raises.

        ``after_commit(manifest)`` runs after the commit and before the files it replaced are
        deleted (the flow republishes ``dateline.duckdb`` there). The caller holds the lock.
        """
        b = Batch(self)
        try:
            yield b
        except BaseException:
            b.abort()
            raise
        committed = b.commit()
        if committed is not None and after_commit is not None:
            after_commit(committed)
        b.delete_retired()

    def replace_documents(self, name: str, rows: list[dict], doc_ids: Iterable[str],
                          old_months: Iterable[str] = ()) -> int:
        with self.batch() as b:
            return b.replace_documents(name, rows, doc_ids, old_months)

    def insert_new(self, name: str, rows: list[dict]) -> int:
        with self.batch() as b:
            return b.insert_new(name, rows)

    def replace_table(self, name: str, rows: list[dict]) -> int:
        with self.batch() as b:
            return b.replace_table(name, rows)

    def cleanup(self) -> int:
        """Remove what an interrupted write left: temporary files, files no manifest names (an
        uncommitted batch, or replaced files a crash kept), empty partition folders. Returns
        how many files were removed. Only a writer holding the lock may call it."""
        if not self.parquet.exists():
            return 0
        n = 0
        for p in self.parquet.rglob(".*.tmp"):
            p.unlink(missing_ok=True)
            n += 1
        if not self.has_manifest():
            return n  # adopted warehouse: every Parquet file on disk is part of the snapshot
        listed = {self.path(e) for es in self.snapshot().tables.values() for e in es}
        for name in contract.tables():
            d = self.table_dir(name)
            if not d.is_dir():
                continue
            for p in d.rglob("*.parquet"):
                if p not in listed and not p.name.startswith("."):
                    p.unlink(missing_ok=True)
                    n += 1
            for sub in d.iterdir():
                if sub.is_dir() and not any(sub.iterdir()):
                    with contextlib.suppress(OSError):
                        sub.rmdir()
        return n

    cleanup_temp = cleanup  # the name earlier callers use


class Batch:
    """The writes of one batch: new files are staged, the manifest is replaced on commit."""

    def __init__(self, store: ParquetStore):
        self.store = store
        self.base = store.snapshot()
        self.number = self.base.commit + 1
        self.tables: dict[str, list[FileEntry]] = {n: self.base.files(n) for n in contract.tables()}
        self.staged: dict[str, Path] = {}  # final relative path -> temporary file
        self.retired: list[FileEntry] = []
        self.awaiting = list(self.base.awaiting_inputs)
        self.planned_bytes = 0  # Arrow size of everything this batch wrote (reported on disk full)

    # ------------------------------------------------------------------ reading, as of this batch
    def entries(self, name: str, month: str | None = None, any_month: bool = False) -> list[FileEntry]:
        return [e for e in self.tables[name] if any_month or e.month == month]

    def read_partition(self, name: str, month: str | None) -> pa.Table:
        return self._read(name, self.entries(name, month))

    def read(self, name: str, columns: list[str] | None = None, months: Iterable[str | None] | None = None
             ) -> pa.Table:
        """Rows of ``name`` as of this batch (of ``months`` only, if given), partition column added."""
        t = contract.table(name)
        wanted = None if months is None else set(months)
        parts = []
        for e in self.tables[name]:
            if wanted is None or e.month in wanted:
                tbl = self._read(name, [e], columns)
                if t.partition:
                    tbl = tbl.append_column(t.partition, pa.array([e.month] * tbl.num_rows, pa.string()))
                parts.append(tbl)
        if parts:
            return pa.concat_tables(parts)
        empty = self._read(name, [], columns)
        return empty.append_column(t.partition, pa.array([], pa.string())) if t.partition else empty

    def _read(self, name: str, entries: list[FileEntry], columns: list[str] | None = None) -> pa.Table:
        paths = [self.staged.get(e.path) or self.store.path(e) for e in entries]
        return read_files(name, paths, columns)

    # ------------------------------------------------------------------ writing
    def _write(self, name: str, month: str | None, tbl: pa.Table) -> FileEntry | None:
        if tbl.num_rows == 0:
            return None
        key = list(contract.table(name).primary_key)
        tbl = tbl.sort_by([(k, "ascending") for k in key])
        final = self.store.partition_dir(name, month) / f"part-{self.number:06d}-{uuid.uuid4().hex[:8]}.parquet"
        self.planned_bytes += tbl.nbytes
        tmp = write_temp(final, lambda p: pq.write_table(tbl, p, compression="zstd"), self.planned_bytes)
        entry = FileEntry(final.relative_to(self.store.parquet).as_posix(), month, tbl.num_rows,
                          tmp.stat().st_size)
        self.staged[entry.path] = tmp
        self.tables[name].append(entry)
        return entry

    def drop(self, name: str, entry: FileEntry) -> None:
        """Take a file out of the snapshot (deleted after the commit, or now if this batch made it)."""
        self.tables[name].remove(entry)
        tmp = self.staged.pop(entry.path, None)
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        else:
            self.retired.append(entry)

    @staticmethod
    def _split_by_month(name: str, rows: list[dict]) -> dict[str | None, list[dict]]:
        t = contract.table(name)
        groups: dict[str | None, list[dict]] = {}
        for r in rows:
            groups.setdefault(r.get(t.partition) if t.partition else None, []).append(r)
        return groups

    def replace_documents(self, name: str, rows: list[dict], doc_ids: Iterable[str],
                          old_months: Iterable[str] = ()) -> int:
        """Replace every row of ``doc_ids`` in table ``name`` with ``rows``.

        The files of the months written (and of ``old_months``, partitions that may still hold
        older rows of these documents, e.g. the publication date changed) that hold rows of
        these documents are rewritten without them, together with the new rows.
        """
        drop = pa.array(sorted(set(doc_ids)), pa.string())
        groups = self._split_by_month(name, rows)
        months = set(groups) | set(old_months) if contract.table(name).partition else {None}
        for month in sorted(months, key=lambda m: m or ""):
            kept = []
            if len(drop):
                for e in self.entries(name, month):
                    ids = self._read(name, [e], ["doc_id"]).column("doc_id")
                    if pc.any(pc.is_in(ids, value_set=drop)).as_py():
                        old = self._read(name, [e])
                        kept.append(old.filter(pc.invert(pc.is_in(old.column("doc_id"), value_set=drop))))
                        self.drop(name, e)
            self._write(name, month, pa.concat_tables([*kept, contract.to_arrow(name, groups.get(month, []))]))
        if name == "documents" and rows:
            written = {r["doc_id"] for r in rows}
            self.awaiting = [a for a in self.awaiting if a["doc_id"] not in written]
        return len(rows)

    def insert_new(self, name: str, rows: list[dict]) -> int:
        """Insert rows whose primary key is not stored yet; existing keys are left as they are
        (so re-running over the same inputs writes no file). Returns rows inserted."""
        key = list(contract.table(name).primary_key)
        written = 0
        for month, group in self._split_by_month(name, rows).items():
            have: set[tuple] = set()
            for e in self.entries(name, month):
                old = self._read(name, [e], key)
                have |= set(zip(*(old.column(k).to_pylist() for k in key), strict=True))
            fresh, seen = [], set()
            for r in group:
                k = tuple(r[c] for c in key)
                if k not in have and k not in seen:
                    seen.add(k)
                    fresh.append(r)
            if fresh:
                self._write(name, month, contract.to_arrow(name, fresh))
                written += len(fresh)
        return written

    def replace_table(self, name: str, rows: list[dict]) -> int:
        """Replace a whole unpartitioned table."""
        if contract.table(name).partition:
            raise ValueError(f"{name} is partitioned: use replace_documents or insert_new")
        for e in self.entries(name, any_month=True):
            self.drop(name, e)
        self._write(name, None, contract.to_arrow(name, rows))
        return len(rows)

    def compact(self, above: int = COMPACT_ABOVE) -> int:
        """Merge every partition holding more than ``above`` files into one file; returns how many."""
        merged = 0
        for name in self.tables:
            for month in sorted({e.month for e in self.tables[name]}, key=lambda m: m or ""):
                entries = self.entries(name, month)
                if len(entries) > above:
                    tbl = self._read(name, entries)
                    for e in entries:
                        self.drop(name, e)
                    self._write(name, month, tbl)
                    merged += 1
        return merged

    def set_awaiting(self, items: list[dict]) -> None:
        self.awaiting = items

    @property
    def changed(self) -> bool:
        return bool(self.staged or self.retired or self.awaiting != self.base.awaiting_inputs
                    or self.base.adopted)

    # ------------------------------------------------------------------ commit
    def commit(self) -> Manifest | None:
        """Rename the staged files into place, then replace the manifest (the commit point)."""
        if not self.changed:
            return None
        folders = set()
        for rel, tmp in self.staged.items():
            final = self.store.parquet / rel
            os.replace(tmp, final)
            folders.add(final.parent)
        for folder in folders:
            fsync_dir(folder)
        new = Manifest(self.number, None, {n: es for n, es in self.tables.items() if es}, self.awaiting)
        try:
            manifest.save(self.store.parquet, new)
        except BaseException:
            for rel in self.staged:
                (self.store.parquet / rel).unlink(missing_ok=True)
            raise
        self.staged = {}
        return new

    def abort(self) -> None:
        """Forget the batch: its temporary files are removed, the snapshot is unchanged."""
        for tmp in self.staged.values():
            tmp.unlink(missing_ok=True)
        self.staged = {}
        self.retired = []

    def delete_retired(self) -> None:
        for e in self.retired:
            self.store.path(e).unlink(missing_ok=True)
        self.retired = []
