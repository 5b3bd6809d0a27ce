import datetime as dt
import os
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest

from transforms.warehouse import checks, publish
from transforms.warehouse.lock import LockTimeout, warehouse_lock
from transforms.warehouse.store import ParquetStore

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)


def _sentence(doc, i, month="2025-05", text="A sentence."):
    return {"doc_id": doc, "sentence_index": i, "start_char": 0, "end_char": len(text), "text": text,
            "duplicate_of": None, "pipeline_version": "v1", "month": month}


def test_replace_documents_is_idempotent_and_replaces_per_document(tmp_path):
    store = ParquetStore(tmp_path)
    rows = [_sentence("a", 0), _sentence("a", 1), _sentence("b", 0)]
    store.replace_documents("sentences", rows, {"a", "b"})
    store.replace_documents("sentences", rows, {"a", "b"})
    assert store.read("sentences").num_rows == 3
    # reprocessing "a" with one sentence replaces both of its old rows, leaves "b" alone
    store.replace_documents("sentences", [_sentence("a", 0, text="New.")], {"a"})
    got = sorted((r["doc_id"], r["sentence_index"], r["text"]) for r in store.read("sentences").to_pylist())
    assert got == [("a", 0, "New."), ("b", 0, "A sentence.")]


def test_moved_document_leaves_no_row_in_its_old_partition(tmp_path):
    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a", 0, month="2025-05")], {"a"})
    store.replace_documents("sentences", [_sentence("a", 0, month="2025-06")], {"a"}, old_months={"2025-05"})
    assert [(r["doc_id"], r["month"]) for r in store.read("sentences").to_pylist()] == [("a", "2025-06")]
    assert store.partitions("sentences") == ["2025-06"]


def test_insert_new_keeps_first_seen_and_rewrites_nothing_when_known(tmp_path):
    store = ParquetStore(tmp_path)
    row = {"quarantine_id": "q1", "input_path": "/x", "reason": "empty text", "seen_at": NOW,
           "pipeline_version": "v1"}
    assert store.insert_new("quarantine", [row, row]) == 1
    path = store.partition_dir("quarantine", None) / "data.parquet"
    before = path.stat().st_mtime_ns
    later = NOW + dt.timedelta(days=1)
    assert store.insert_new("quarantine", [{**row, "seen_at": later}]) == 0
    assert path.stat().st_mtime_ns == before
    rows = store.read("quarantine").to_pylist()
    assert len(rows) == 1 and rows[0]["seen_at"] == NOW


def test_stray_temp_files_are_invisible_and_cleaned(tmp_path):
    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a", 0)], {"a"})
    part = store.partition_dir("sentences", "2025-05")
    (part / ".data.parquet.dead.tmp").write_bytes(b"half a file")
    assert len(store.files("sentences")) == 1
    publish.publish(tmp_path)
    con = duckdb.connect(str(tmp_path / publish.DB_NAME), read_only=True)
    assert con.execute("select count(*) from sentences").fetchone()[0] == 1
    con.close()
    assert store.cleanup_temp() == 1


def test_published_duckdb_has_typed_empty_views_and_works_from_elsewhere(tmp_path, monkeypatch):
    store = ParquetStore(tmp_path / "wh")
    store.replace_documents("sentences", [_sentence("a", 0)], {"a"})
    db = publish.publish(tmp_path / "wh")
    monkeypatch.chdir(tmp_path)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from sentences").fetchone()[0] == 1
    assert con.execute("select count(*) from events").fetchone()[0] == 0
    typ = con.execute("select typeof(published_at) from documents").description
    assert typ is not None
    cols = [r[0] for r in con.execute("describe events").fetchall()]
    assert "source_actors" in cols and "month" in cols
    con.close()


def test_connect_rebuilds_views_after_the_folder_moves(tmp_path):
    store = ParquetStore(tmp_path / "a")
    store.replace_documents("sentences", [_sentence("a", 0)], {"a"})
    publish.publish(tmp_path / "a")
    (tmp_path / "a").rename(tmp_path / "b")
    cols, rows = publish.query(tmp_path / "b", "select count(*) from sentences")
    assert rows == [(1,)]
    assert publish.built_for(tmp_path / "b") == str((tmp_path / "b").resolve())


def test_lock_times_out_with_a_clear_message(tmp_path):
    code = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from transforms.warehouse.lock import warehouse_lock
        with warehouse_lock(Path({str(tmp_path)!r})):
            print("locked", flush=True)
            time.sleep(30)
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockTimeout, match="is locked by pid"):
            with warehouse_lock(tmp_path, timeout=0.5):
                pass
    finally:
        holder.kill()
        holder.wait()
    with warehouse_lock(tmp_path, timeout=5):  # released when the holder dies
        pass


def test_checks_report_table_check_and_examples(tmp_path):
    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a", 0), _sentence("a", 0)], {"a"})
    results = checks.run_checks(tmp_path)
    failed = [r for r in results if not r.passed]
    names = {(r.table, r.name) for r in failed}
    assert ("sentences", "primary_key_unique") in names
    assert ("sentences", "doc_exists") in names  # no documents row for "a"
    report = checks.format_failures(failed)
    assert "sentences.primary_key_unique" in report and "e.g." in report
    assert os.path.exists(tmp_path / "parquet")
    time.sleep(0)


def test_reader_holding_the_old_duckdb_file_survives_a_republish(tmp_path):
    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a", 0)], {"a"})
    db = publish.publish(tmp_path)
    reader = duckdb.connect(str(db), read_only=True)
    store.replace_documents("sentences", [_sentence("b", 0)], {"b"})
    publish.publish(tmp_path)  # built beside, renamed over the open file
    assert reader.execute("select count(*) from sentences").fetchone()[0] == 2  # views read current Parquet
    reader.close()
    fresh = duckdb.connect(str(db), read_only=True)
    assert fresh.execute("select count(*) from sentences").fetchone()[0] == 2
    fresh.close()
    assert not list(tmp_path.glob(".*.tmp"))
