"""The run summary markdown (the body of the Prefect run artifact)."""

from __future__ import annotations

import json

from transforms.pipeline.report import headline, run_markdown
from transforms.warehouse.checks import CheckResult

RUN = {"run_id": "abc", "inputs": "/data/inbox", "items_seen": 7, "documents_new": 3, "documents_changed": 1,
       "documents_unchanged": 2, "quarantined": 1, "pipeline_version": "0.1.0+x", "status": "completed",
       "rows_written": json.dumps({"documents": 4, "events": 12, "quarantine": 1})}
PASSED = CheckResult("documents", "primary_key_unique", "doc_id is unique", 0, [])
FAILED = CheckResult("events", "date_order", "date_start <= date_end", 2, [{"event_id": "e1"}])


def _rows(md: str, heading: str) -> list[list[str]]:
    """The table rows (cells) under ``## heading``."""
    block = md.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in block.splitlines() if line.startswith("| ")]
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in lines[1:]]


def test_completed_run_lists_documents_rows_reasons_and_checks():
    md = run_markdown(RUN, {"no publication date": 1}, [PASSED])
    assert md.startswith("# Dateline run: completed")
    assert _rows(md, "Documents") == [["3", "1", "2", "1"]]
    assert _rows(md, "Rows written") == [["documents", "4"], ["events", "12"], ["quarantine", "1"]]
    assert _rows(md, "Quarantine reasons") == [["no publication date", "1"]]
    assert "1 passed, 0 failed." in md
    assert headline(RUN, [PASSED]) == "completed: 3 new, 1 changed, 2 unchanged, 1 quarantined; checks 1 passed, 0 failed"


def test_failed_run_names_the_failed_checks():
    run = {**RUN, "status": "failed", "rows_written": "{}"}
    md = run_markdown(run, {}, [PASSED, FAILED])
    assert md.startswith("# Dateline run: failed (1 check(s) failed)")
    assert "## Quarantine reasons" not in md
    assert _rows(md, "Rows written") == [["(none)", "0"]]
    assert _rows(md, "Checks") == [["events", "date_order", "2", "date_start <= date_end"]]
    assert headline(run, [PASSED, FAILED]).endswith("checks 1 passed, 1 failed")


def test_cells_cannot_break_the_table():
    md = run_markdown(RUN, {"bad | row\nnext": 2}, [])
    assert "| bad \\| row next | 2 |" in md
