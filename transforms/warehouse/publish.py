"""The DuckDB side of a warehouse: a ``.duckdb`` file of views over the Parquet, marts, checks.

The file holds no data, only views. Views over Parquet use absolute paths, so the file works
from any working directory; every flow run (and ``dateline publish``) rebuilds it, and
:func:`connect` rebuilds it first when the warehouse folder has moved since it was built.
The new file is built beside the old one and renamed over it, so a reader holding the old
file open keeps a consistent snapshot and never sees a half-built file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

import duckdb

from transforms.settings import SQL_DIR, pipeline_version
from transforms.warehouse import contract
from transforms.warehouse.contract import sql_literal
from transforms.warehouse.store import ParquetStore

DB_NAME = "dateline.duckdb"



def table_view_sql(store: ParquetStore, name: str) -> str:
    """``CREATE VIEW`` over the Parquet files of ``name`` (a typed empty view when none exist)."""
    t = contract.table(name)
    if store.files(name):
        pattern = str(store.table_dir(name)) + ("/*/*.parquet" if t.partition else "/*.parquet")
        opts = "union_by_name = true"
        if t.partition:
            opts += f", hive_partitioning = true, hive_types = {{'{t.partition}': VARCHAR}}"
        return f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet({sql_literal(pattern)}, {opts})"
    cols = ", ".join(f"CAST(NULL AS {contract.duckdb_type(c)}) AS {c.name}" for c in t.columns)
    return f"CREATE OR REPLACE VIEW {name} AS SELECT {cols} WHERE false"


def mart_files() -> list[Path]:
    return sorted(SQL_DIR.glob("*.sql"))


def create_views(con: duckdb.DuckDBPyConnection, store: ParquetStore) -> None:
    for name in contract.tables():
        con.execute(table_view_sql(store, name))
    for path in mart_files():
        con.execute(path.read_text(encoding="utf-8"))


def publish(root: Path) -> Path:
    """Build ``<root>/dateline.duckdb`` beside the old one and swap it in atomically."""
    store = ParquetStore(root)
    root = store.root
    root.mkdir(parents=True, exist_ok=True)
    final = root / DB_NAME
    tmp = root / f".{DB_NAME}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        create_views(con, store)
        con.execute("CREATE OR REPLACE TABLE _dateline_meta (key VARCHAR, value VARCHAR)")
        con.executemany("INSERT INTO _dateline_meta VALUES (?, ?)", [
            ("warehouse_root", str(root)),
            ("built_at", dt.datetime.now(dt.UTC).isoformat()),
            ("pipeline_version", pipeline_version()),
        ])
        con.execute("CHECKPOINT")
    finally:
        con.close()
    Path(str(tmp) + ".wal").unlink(missing_ok=True)
    os.replace(tmp, final)
    return final


def built_for(root: Path) -> str | None:
    """The warehouse root the ``.duckdb`` file was built for (None if missing or unreadable)."""
    path = Path(root) / DB_NAME
    if not path.exists():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = con.execute("SELECT value FROM _dateline_meta WHERE key = 'warehouse_root'").fetchone()
        return row[0] if row else None
    except duckdb.Error:
        return None
    finally:
        con.close()


def connect(root: Path) -> duckdb.DuckDBPyConnection:
    """Read-only connection to the warehouse file, rebuilt first if missing or moved."""
    root = Path(root).resolve()
    if not (root / "parquet").exists() and not (root / DB_NAME).exists():
        raise FileNotFoundError(f"no Dateline warehouse at {root} (run `dateline run --warehouse {root}` first)")
    if built_for(root) != str(root):
        publish(root)
    return duckdb.connect(str(root / DB_NAME), read_only=True)


def query(root: Path, sql: str) -> tuple[list[str], list[tuple]]:
    con = connect(root)
    with contextlib.closing(con):
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, cur.fetchall()
