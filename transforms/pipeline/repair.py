"""Repairing a damaged warehouse: what a damaged file held is rebuilt from what is still whole.

:func:`repair` finds the damaged files of the committed snapshot
(:mod:`transforms.warehouse.integrity`: missing, truncated, footer or row count wrong), moves
them to ``<warehouse>/damaged/<time>/`` for inspection and, in one atomic batch (an unreadable
manifest is set aside first: the snapshot is then the Parquet files on disk):

* ``sentences``, ``time_expressions``, ``events`` of month M: the documents of month M are
  reprocessed from ``documents.text`` (the text is in the warehouse) and their rows of that
  table replaced;
* ``event_clusters``: rebuilt from ``events``;
* ``document_sources`` of month M: one arrival per document of month M, from its ``documents``
  row (further arrivals of the same text come back when their inputs are read again);
* ``documents`` of month M: the texts are gone. The documents that month's other tables name
  are *lost*: their rows leave every table (no row points at a missing document) and they are
  listed in the manifest's ``awaiting_inputs`` with the inputs they came from; the run that
  reads those inputs again rebuilds them and clears the list;
* ``quarantine``: its rows come back when their inputs are read again;
* ``runs``: the run history in the file cannot be rebuilt; the report says how many rows.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from transforms.core.ids import stable_id
from transforms.core.records import Document
from transforms.warehouse import clusters, integrity
from transforms.warehouse.integrity import Damage
from transforms.warehouse.manifest import Manifest
from transforms.warehouse.store import Batch, ParquetStore

Process = Callable[[list[Document]], dict[str, list[dict]]]

DERIVED = ("sentences", "time_expressions", "events")  # rebuilt by reprocessing documents.text
DOC_KEYED = ("sentences", "time_expressions", "events", "document_sources")
CHUNK = 200  # documents reprocessed per call of ``process``


@dataclass
class RepairReport:
    damaged: list[Damage] = field(default_factory=list)
    reprocessed: int = 0  # documents reprocessed from documents.text
    rebuilt: Counter = field(default_factory=Counter)  # table -> rows written
    lost: list[dict] = field(default_factory=list)  # documents awaiting their inputs, after this repair
    dropped: Counter = field(default_factory=Counter)  # table -> rows that cannot be rebuilt from the warehouse
    moved_to: Path | None = None
    manifest_aside: Path | None = None  # an unreadable _current.json, renamed

    def lines(self) -> list[str]:
        """What was found and rebuilt, one line each (empty when the warehouse was whole and
        nothing awaits its inputs)."""
        out = []
        if self.manifest_aside:
            out.append(f"damaged: parquet/_current.json is not a manifest (moved to {self.manifest_aside}); "
                       "the snapshot was rebuilt from the Parquet files on disk")
        out += [f"damaged: {d.where}: {d.entry.path} ({d.problem})" for d in self.damaged]
        if self.moved_to:
            out.append(f"damaged files moved to {self.moved_to}")
        if self.reprocessed:
            out.append(f"rebuilt: {self.reprocessed} documents reprocessed from documents.text")
        for table, n in sorted(self.rebuilt.items()):
            out.append(f"rebuilt: {table}: {n} rows")
        for table, n in sorted(self.dropped.items()):
            how = ("cannot be rebuilt (run history)" if table == "runs"
                   else "come back when their inputs are read again")
            out.append(f"lost: {table}: {n} rows {how}")
        line = awaiting_line(self.lost)
        return out + ([line] if line else [])


def awaiting_line(awaiting: list[dict]) -> str | None:
    """One line naming the inputs to read again for documents lost with a damaged partition."""
    if not awaiting:
        return None
    inputs = sorted({i["input_path"] for d in awaiting for i in d.get("inputs", [])})
    shown = ", ".join(inputs[:5]) + (f" and {len(inputs) - 5} more" if len(inputs) > 5 else "")
    return (f"awaiting inputs: {len(awaiting)} documents lost with a damaged documents partition; "
            f"run again with --input for: {shown or 'their inputs (not recorded)'}")


def _move_aside(store: ParquetStore, damaged: list[Damage]) -> Path | None:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = store.root / "damaged" / stamp
    moved = None
    for d in damaged:
        src = store.path(d.entry)
        if src.exists():
            dest = target / d.entry.path
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dest)
            moved = target
    return moved


def _document(row: dict) -> Document:
    return Document(doc_id=row["doc_id"], input_path=row["input_path"], text=row["text"],
                    published_at=row["published_at"], published_source=row["published_source"],
                    content_hash=row["content_hash"], locator=row.get("locator") or "", source=row.get("source"),
                    url=row.get("url"), title=row.get("title"), language=row.get("language"))


def _lose_documents(b: Batch, months: set[str], report: RepairReport) -> None:
    """Take the documents of damaged ``documents`` months out of every table; list them as awaiting."""
    known = set(b.read("documents", ["doc_id"]).column("doc_id").to_pylist())
    lost: dict[str, dict] = {}
    for table in DOC_KEYED:
        cols = ["doc_id", "input_path", "locator"] if table == "document_sources" else ["doc_id"]
        for row in b.read(table, cols, months=months).to_pylist():
            if row["doc_id"] in known:
                continue
            item = lost.setdefault(row["doc_id"], {"doc_id": row["doc_id"], "month": row["month"], "inputs": []})
            if table == "document_sources":
                item["inputs"].append({"input_path": row["input_path"], "locator": row["locator"] or ""})
    for table in DOC_KEYED:
        b.replace_documents(table, [], lost, old_months=months)
    already = {a["doc_id"] for a in b.awaiting}
    b.set_awaiting(b.awaiting + [v for k, v in sorted(lost.items()) if k not in already])


def _reprocess(b: Batch, tables_by_month: dict[str, set[str]], process: Process, report: RepairReport) -> None:
    for month, tables in sorted(tables_by_month.items()):
        docs = [_document(r) for r in b.read("documents", months=[month]).to_pylist()]
        for i in range(0, len(docs), CHUNK):
            chunk = docs[i:i + CHUNK]
            rows = process(chunk)
            ids = {d.doc_id for d in chunk}
            for table in sorted(tables):
                report.rebuilt[table] += b.replace_documents(table, rows.get(table, []), ids, old_months=[month])
            report.reprocessed += len(chunk)


def _rebuild_sources(b: Batch, months: set[str], report: RepairReport) -> None:
    rows = []
    for d in b.read("documents", ["doc_id", "input_path", "locator", "url", "ingested_at", "pipeline_version"],
                    months=months).to_pylist():
        rows.append({"source_id": stable_id(d["doc_id"], d["input_path"], d["locator"] or ""), "doc_id": d["doc_id"],
                     "input_path": d["input_path"], "locator": d["locator"], "url": d["url"],
                     "seen_at": d["ingested_at"], "pipeline_version": d["pipeline_version"], "month": d["month"]})
    report.rebuilt["document_sources"] += b.insert_new("document_sources", rows)


def repair(store: ParquetStore, process: Process,
           after_commit: Callable[[Manifest], object] | None = None) -> RepairReport:
    """Check every file of the snapshot and rebuild what damaged files held (one atomic batch)."""
    aside = store.set_aside_damaged_manifest()
    snapshot = store.snapshot()
    report = RepairReport(damaged=integrity.scan(store, snapshot), manifest_aside=aside)
    report.lost = list(snapshot.awaiting_inputs)
    if not report.damaged:
        if snapshot.adopted and any(snapshot.tables.values()):
            with store.batch(after_commit=after_commit):
                pass  # no manifest yet (or it was unreadable): record the files on disk as the snapshot
        return report
    report.moved_to = _move_aside(store, report.damaged)
    months: dict[str, set[str]] = {}
    with store.batch(after_commit=after_commit) as b:
        for d in report.damaged:
            b.drop(d.table, d.entry)
            months.setdefault(d.table, set()).add(d.entry.month or "")
            if d.table in ("quarantine", "runs"):
                report.dropped[d.table] += d.entry.rows or 0
        if "documents" in months:
            _lose_documents(b, months["documents"], report)
        derived: dict[str, set[str]] = {}
        for table in DERIVED:
            for month in months.get(table, set()) - months.get("documents", set()):
                derived.setdefault(month, set()).add(table)
        _reprocess(b, derived, process, report)
        if "document_sources" in months:
            _rebuild_sources(b, months["document_sources"] - months.get("documents", set()), report)
        if months.keys() & {"events", "documents", "event_clusters"}:
            report.rebuilt["event_clusters"] += clusters.rebuild_clusters(b)
        report.lost = list(b.awaiting)
    return report
