"""A run's counters (items, documents new/changed/unchanged, quarantine reasons, rows written)
and the ``runs`` row built from them."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field

from transforms.core.records import Quarantine
from transforms.pipeline.plan import Plan

DOC_COUNTS = ("new", "changed", "unchanged", "repeated_in_run")
_PATH_KINDS = {"files": "files read", "folders": "folders", "sidecars": "sidecars",
               "hidden": "hidden (skipped)", "duplicates": "reached twice (read once)"}


def paths_line(paths: dict[str, int]) -> str:
    """Every path the input walk met, by kind: ``14 paths: 10 files read, 1 folders, ...``;
    kinds that are quarantine reasons (not a regular file, symlink loop, ...) say so."""
    parts = [f"{paths[k]} {label}" for k, label in _PATH_KINDS.items() if paths.get(k)]
    parts += [f"{n} {k} (quarantined)" for k, n in sorted(paths.items()) if k not in _PATH_KINDS and n]
    return f"{sum(paths.values())} paths: " + ", ".join(parts)


@dataclass
class RunTotals:
    """Counters summed over a run's batches."""

    started_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    items_seen: int = 0
    quarantined: int = 0
    documents: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    written: Counter = field(default_factory=Counter)
    paths: Counter = field(default_factory=Counter)  # every path the input walk met, by kind

    def add_batch(self, plan: Plan, n_documents: int, bad: list[Quarantine], written: dict[str, int]) -> None:
        self.items_seen += n_documents + len(bad)
        self.quarantined += len(bad)
        self.documents.update({k: plan.stats[k] for k in DOC_COUNTS})
        self.reasons.update(q.reason for q in bad)
        self.written.update(written)

    def run_row(self, inputs: list[str], checks_passed: int, checks_failed: int, version: str) -> dict:
        """The ``runs`` row of this run."""
        return {
            "run_id": uuid.uuid4().hex, "started_at": self.started_at, "finished_at": dt.datetime.now(dt.UTC),
            "inputs": ";".join(inputs), "items_seen": self.items_seen,
            "documents_new": self.documents["new"], "documents_changed": self.documents["changed"],
            "documents_unchanged": self.documents["unchanged"], "quarantined": self.quarantined,
            "rows_written": json.dumps(dict(self.written), sort_keys=True),
            "checks_passed": checks_passed, "checks_failed": checks_failed,
            "status": "failed" if checks_failed else "completed", "pipeline_version": version,
        }

    def summary(self) -> dict:
        """What the flow returns and the CLI prints."""
        return {"items_seen": self.items_seen, "quarantined": self.quarantined,
                **{k: self.documents[k] for k in DOC_COUNTS},
                "written": dict(self.written), "quarantine_reasons": dict(self.reasons), "paths": dict(self.paths)}
