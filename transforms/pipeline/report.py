"""A run's summary as markdown: outcome, documents new / changed / unchanged, rows written per
table, quarantine reasons, checks passed and failed (the body of the Prefect run artifact)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from transforms.warehouse.checks import CheckResult


def _table(header: tuple[str, ...], rows: Sequence[tuple]) -> list[str]:
    def cell(v: object) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")

    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(cell(v) for v in r) + " |" for r in rows), ""]


def headline(run: dict, results: Sequence[CheckResult]) -> str:
    """One line: outcome and counts (the artifact's description)."""
    failed = sum(1 for r in results if not r.passed)
    return (f"{run['status']}: {run['documents_new']} new, {run['documents_changed']} changed, "
            f"{run['documents_unchanged']} unchanged, {run['quarantined']} quarantined; "
            f"checks {len(results) - failed} passed, {failed} failed")


def run_markdown(run: dict, reasons: dict[str, int], results: Sequence[CheckResult]) -> str:
    """Markdown for one run: ``run`` is its row in ``runs``, ``results`` its check results."""
    failed = [r for r in results if not r.passed]
    outcome = "completed" if not failed else f"failed ({len(failed)} check(s) failed)"
    lines = [f"# Dateline run: {outcome}", "",
             f"{run['items_seen']} input items from `{run['inputs']}`; pipeline version "
             f"`{run['pipeline_version']}`; run id `{run['run_id']}`.", "", "## Documents", ""]
    lines += _table(("new", "changed", "unchanged", "quarantined"),
                    [(run["documents_new"], run["documents_changed"], run["documents_unchanged"],
                      run["quarantined"])])
    written = sorted(json.loads(run["rows_written"]).items())
    lines += ["## Rows written", "", *_table(("table", "rows"), written or [("(none)", 0)])]
    if reasons:
        lines += ["## Quarantine reasons", "",
                  *_table(("reason", "items"), sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))]
    lines += ["## Checks", "", f"{len(results) - len(failed)} passed, {len(failed)} failed.", ""]
    if failed:
        lines += _table(("table", "check", "failing rows", "description"),
                        [(r.table, r.name, r.failures, r.description) for r in failed])
    return "\n".join(lines)
