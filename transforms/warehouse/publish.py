"""The DuckDB side of a warehouse: a ``.duckdb`` file of views over the committed snapshot, marts.

The file holds no data, only views. Each table's view names the Parquet files of the committed
snapshot (the manifest, :mod:`.manifest`) by absolute path, so the file works from any working
directory and never shows a file of a batch that is not committed. Every commit of a flow run
(and ``dateline publish``) rebuilds it; :func:`connect` rebuilds it first when the warehouse
folder has moved or a newer commit exists. The new file is built beside the old one and renamed
over it, so a reader never sees a half-built file; a connection keeps the snapshot it opened.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from pathlib import Path

import duckdb

from transforms.settings import SQL_DIR, pipeline_version
from transforms.warehouse import contract
from transforms.warehouse.contract import sql_literal
from transforms.warehouse.files import DiskFull, free_bytes, is_disk_full
from transforms.warehouse.manifest import Manifest
from transforms.warehouse.store import ParquetStore

DB_NAME = "dateline.duckdb"
_TMP_DB = re.compile(r"^\." + re.escape(DB_NAME) + r"\.(\d+)\.tmp(\.wal)?$")


def table_view_sql(store: ParquetStore, name: str, snapshot: Manifest | None = None) -> str:
    """``CREATE VIEW`` over the committed files of ``name``, with every column of the contract and
    its type even when a file lacks some (an older file, a restored one): a typed empty row set is
    unioned by name with the files."""
    t = contract.table(name)
    cols = ", ".join(f"CAST(NULL AS {contract.duckdb_type(c)}) AS {c.name}" for c in t.columns)
    typed = f"SELECT {cols} WHERE false"
    files = [store.path(e) for e in (snapshot or store.snapshot()).files(name)]
    if not files:
        return f"CREATE OR REPLACE VIEW {name} AS {typed}"
    listed = "[" + ", ".join(sql_literal(str(f)) for f in files) + "]"
    opts = "union_by_name = true"
    if t.partition:
        opts += f", hive_partitioning = true, hive_types = {{'{t.partition}': VARCHAR}}"
    return (f"CREATE OR REPLACE VIEW {name} AS {typed} "
            f"UNION ALL BY NAME SELECT * FROM read_parquet({listed}, {opts})")


def mart_files() -> list[Path]:
    return sorted(SQL_DIR.glob("*.sql"))


def create_views(con: duckdb.DuckDBPyConnection, store: ParquetStore, snapshot: Manifest | None = None) -> None:
    snapshot = snapshot or store.snapshot()
    for name in contract.tables():
        con.execute(table_view_sql(store, name, snapshot))
    for path in mart_files():
        con.execute(path.read_text(encoding="utf-8"))


def _build(tmp: Path, store: ParquetStore, snapshot: Manifest) -> None:
    con = duckdb.connect(str(tmp))
    try:
        create_views(con, store, snapshot)
        con.execute("CREATE OR REPLACE TABLE _dateline_meta (key VARCHAR, value VARCHAR)")
        con.executemany("INSERT INTO _dateline_meta VALUES (?, ?)", [
            ("warehouse_root", str(store.root)),
            ("commit", str(snapshot.commit)),
            ("built_at", dt.datetime.now(dt.UTC).isoformat()),
            ("pipeline_version", pipeline_version()),
        ])
        con.execute("CHECKPOINT")
    finally:
        con.close()


def publish(root: Path, snapshot: Manifest | None = None) -> Path:
    """Build ``<root>/dateline.duckdb`` for the committed snapshot beside the old one and swap it
    in atomically. A full disk removes the half-built file and raises :class:`DiskFull`."""
    store = ParquetStore(root)
    root = store.root
    root.mkdir(parents=True, exist_ok=True)
    final = root / DB_NAME
    tmp = root / f".{DB_NAME}.{os.getpid()}.tmp"
    wal = Path(str(tmp) + ".wal")
    tmp.unlink(missing_ok=True)
    try:
        _build(tmp, store, snapshot or store.snapshot())
        wal.unlink(missing_ok=True)
        os.replace(tmp, final)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        wal.unlink(missing_ok=True)
        if is_disk_full(exc) or "No space left" in str(exc):
            needed = final.stat().st_size if final.exists() else 1 << 20  # about the size of the last one
            raise DiskFull(str(root), needed, free_bytes(root)) from None
        raise
    return final


def cleanup_temp(root: Path) -> int:
    """Remove half-built ``.dateline.duckdb.<pid>.tmp`` files of processes that are gone."""
    n = 0
    for p in Path(root).glob(f".{DB_NAME}.*.tmp*"):
        m = _TMP_DB.match(p.name)
        if m and (int(m.group(1)) == os.getpid() or not _alive(int(m.group(1)))):
            p.unlink(missing_ok=True)
            n += 1
    return n


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _meta(root: Path) -> dict[str, str]:
    """The ``_dateline_meta`` rows of the ``.duckdb`` file ({} if missing or unreadable)."""
    path = Path(root) / DB_NAME
    if not path.exists():
        return {}
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return {}
    try:
        return dict(con.execute("SELECT key, value FROM _dateline_meta").fetchall())
    except duckdb.Error:
        return {}
    finally:
        con.close()


def built_for(root: Path) -> str | None:
    """The warehouse root the ``.duckdb`` file was built for (None if missing or unreadable)."""
    return _meta(root).get("warehouse_root")


def connect(root: Path) -> duckdb.DuckDBPyConnection:
    """Read-only connection to the warehouse file, rebuilt first if missing, moved or behind the
    committed snapshot (e.g. a run stopped between a commit and its publish)."""
    root = Path(root).resolve()
    if not (root / "parquet").exists() and not (root / DB_NAME).exists():
        raise FileNotFoundError(f"no Dateline warehouse at {root} (run `dateline run --warehouse {root}` first)")
    meta = _meta(root)
    snapshot = ParquetStore(root).snapshot()
    if meta.get("warehouse_root") != str(root) or meta.get("commit") != str(snapshot.commit):
        publish(root, snapshot)
    return duckdb.connect(str(root / DB_NAME), read_only=True)


def query(root: Path, sql: str) -> tuple[list[str], list[tuple]]:
    con = connect(root)
    with contextlib.closing(con):
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, cur.fetchall()
