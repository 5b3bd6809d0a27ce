"""Hive-partitioned Parquet store with partition-level atomic replace.

Layout: ``<warehouse>/parquet/<table>/month=YYYY-MM/data.parquet`` for partitioned tables and
``<warehouse>/parquet/<table>/data.parquet`` otherwise. One file per partition: every write
reads the partition, drops the rows being replaced, adds the new rows, writes a temporary
file in the same directory and renames it over the old one (``os.replace`` is atomic), so a
reader sees the old partition or the new one, never a partial file, and a crash leaves at
most a stray ``.tmp`` file that the next run removes.

Idempotence: rows are replaced per document (``doc_id``) or per primary key, never appended
blindly, so writing the same rows twice leaves the same table.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from transforms.warehouse import contract

DATA_FILE = "data.parquet"


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def conform(tbl: pa.Table, target: pa.Schema) -> pa.Table:
    """Cast ``tbl`` to ``target``: missing columns become nulls, extra columns are dropped."""
    arrays = []
    for f in target:
        if f.name in tbl.column_names:
            arrays.append(tbl.column(f.name).cast(f.type))
        else:
            arrays.append(pa.nulls(tbl.num_rows, type=f.type))
    return pa.Table.from_arrays(arrays, schema=target)


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

    def files(self, name: str) -> list[Path]:
        d = self.table_dir(name)
        if not d.exists():
            return []
        return sorted(p for p in d.rglob("*.parquet") if not p.name.startswith("."))

    def cleanup_temp(self) -> int:
        """Remove temporary files left by an interrupted write; returns how many."""
        n = 0
        if self.parquet.exists():
            for p in self.parquet.rglob(".*.tmp"):
                p.unlink(missing_ok=True)
                n += 1
        return n

    # ------------------------------------------------------------------ reading
    def read_partition(self, name: str, month: str | None) -> pa.Table:
        path = self.partition_dir(name, month) / DATA_FILE
        target = contract.arrow_schema(name)
        if not path.exists():
            return target.empty_table()
        return conform(pq.read_table(path), target)

    def partitions(self, name: str) -> list[str | None]:
        t = contract.table(name)
        if not t.partition:
            return [None] if (self.table_dir(name) / DATA_FILE).exists() else []
        prefix = f"{t.partition}="
        d = self.table_dir(name)
        if not d.exists():
            return []
        months = sorted(p.name[len(prefix):] for p in d.iterdir()
                        if p.is_dir() and p.name.startswith(prefix) and (p / DATA_FILE).exists())
        return list[str | None](months)

    def read(self, name: str, columns: list[str] | None = None) -> pa.Table:
        """Whole table (all partitions), with the partition column added."""
        t = contract.table(name)
        parts = []
        for month in self.partitions(name):
            tbl = self.read_partition(name, month)
            if columns:
                tbl = tbl.select([c for c in columns if c in tbl.column_names])
            if t.partition:
                tbl = tbl.append_column(t.partition, pa.array([month] * tbl.num_rows, pa.string()))
            parts.append(tbl)
        if not parts:
            empty = contract.arrow_schema(name).empty_table()
            if columns:
                empty = empty.select([c for c in columns if c in empty.column_names])
            if t.partition:
                empty = empty.append_column(t.partition, pa.array([], pa.string()))
            return empty
        return pa.concat_tables(parts)

    def document_index(self) -> dict[str, dict]:
        """doc_id -> {content_hash, pipeline_version, month, input_path, locator} of stored documents."""
        tbl = self.read("documents", ["doc_id", "content_hash", "pipeline_version", "input_path", "locator"])
        out = {}
        for row in tbl.to_pylist():
            out[row["doc_id"]] = row
        return out

    # ------------------------------------------------------------------ writing
    def _write_partition(self, name: str, month: str | None, tbl: pa.Table) -> None:
        d = self.partition_dir(name, month)
        d.mkdir(parents=True, exist_ok=True)
        final = d / DATA_FILE
        if tbl.num_rows == 0:
            if final.exists():
                final.unlink()
                _fsync_dir(d)
            return
        key = list(contract.table(name).primary_key)
        tbl = tbl.sort_by([(k, "ascending") for k in key])
        tmp = d / f".{DATA_FILE}.{uuid.uuid4().hex}.tmp"
        pq.write_table(tbl, tmp, compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
        _fsync_dir(d)

    @staticmethod
    def _split_by_month(name: str, rows: list[dict]) -> dict[str | None, list[dict]]:
        t = contract.table(name)
        groups: dict[str | None, list[dict]] = {}
        for r in rows:
            month = r.get(t.partition) if t.partition else None
            groups.setdefault(month, []).append(r)
        return groups

    def replace_documents(self, name: str, rows: list[dict], doc_ids: Iterable[str],
                          old_months: Iterable[str] = ()) -> int:
        """Replace every row of ``doc_ids`` in table ``name`` with ``rows``.

        ``old_months`` are partitions that may still hold older rows of these documents
        (e.g. the publication date changed); they are rewritten too.
        """
        doc_ids = set(doc_ids)
        groups = self._split_by_month(name, rows)
        months = set(groups) | set(old_months)
        if not contract.table(name).partition:
            months = {None}
        drop = pa.array(sorted(doc_ids), pa.string())
        for month in sorted(months, key=lambda m: m or ""):
            old = self.read_partition(name, month)
            if old.num_rows and len(drop):
                old = old.filter(pc.invert(pc.is_in(old.column("doc_id"), value_set=drop)))
            new = contract.to_arrow(name, groups.get(month, []))
            self._write_partition(name, month, pa.concat_tables([old, new]))
        return len(rows)

    def insert_new(self, name: str, rows: list[dict]) -> int:
        """Insert rows whose primary key is not stored yet; existing keys are left as they are
        (so re-running over the same inputs rewrites no file). Returns rows inserted."""
        key = contract.table(name).primary_key
        written = 0
        for month, group in self._split_by_month(name, rows).items():
            old = self.read_partition(name, month)
            have = set(zip(*(old.column(k).to_pylist() for k in key), strict=True)) if old.num_rows else set()
            fresh, seen = [], set()
            for r in group:
                k = tuple(r[c] for c in key)
                if k not in have and k not in seen:
                    seen.add(k)
                    fresh.append(r)
            if fresh:
                self._write_partition(name, month, pa.concat_tables([old, contract.to_arrow(name, fresh)]))
                written += len(fresh)
        return written

    def replace_table(self, name: str, rows: list[dict]) -> int:
        """Replace a whole unpartitioned table (atomic file swap)."""
        if contract.table(name).partition:
            raise ValueError(f"{name} is partitioned: use replace_documents or upsert")
        self._write_partition(name, None, contract.to_arrow(name, rows))
        return len(rows)
