"""Running the contract's checks on what is in the Parquet files, and reporting failures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from transforms.warehouse import contract
from transforms.warehouse.publish import table_view_sql
from transforms.warehouse.store import ParquetStore


@dataclass
class CheckResult:
    table: str
    name: str
    description: str
    failures: int
    examples: list[dict]

    @property
    def passed(self) -> bool:
        return self.failures == 0


def run_checks(root: Path, examples: int = 3) -> list[CheckResult]:
    """Run every contract check on what is in the Parquet files now."""
    store = ParquetStore(root)
    snapshot = store.snapshot()
    con = duckdb.connect()
    try:
        for name in contract.tables():
            con.execute(table_view_sql(store, name, snapshot))
        results = []
        for check in contract.checks():
            (n,) = con.execute(f"SELECT count(*) FROM ({check.sql})").fetchone() or (0,)
            ex = []
            if n:
                cur = con.execute(f"SELECT * FROM ({check.sql}) LIMIT {examples}")
                cols = [d[0] for d in cur.description]
                for row in cur.fetchall():
                    rec = dict(zip(cols, row, strict=True))
                    rec.pop("text", None)
                    ex.append({k: (str(v)[:80] if v is not None else None) for k, v in rec.items()})
            results.append(CheckResult(check.table, check.name, check.description, n, ex))
        return results
    finally:
        con.close()


def format_failures(results: list[CheckResult]) -> str:
    lines = []
    for r in results:
        if not r.passed:
            lines.append(f"check failed: {r.table}.{r.name} ({r.description}): {r.failures} row(s)")
            for ex in r.examples:
                lines.append(f"    e.g. {ex}")
    return "\n".join(lines)
