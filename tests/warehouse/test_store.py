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
    [path] = store.files("quarantine")
    before = path.stat().st_mtime_ns
    later = NOW + dt.timedelta(days=1)
    assert store.insert_new("quarantine", [{**row, "seen_at": later}]) == 0
    assert path.stat().st_mtime_ns == before and store.files("quarantine") == [path]
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


def test_reader_holding_the_old_duckdb_file_keeps_its_snapshot(tmp_path):
    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a", 0)], {"a"})
    db = publish.publish(tmp_path)
    reader = duckdb.connect(str(db), read_only=True)
    store.replace_documents("sentences", [_sentence("b", 0)], {"b"})
    publish.publish(tmp_path)  # built beside, renamed over the open file
    assert reader.execute("select count(*) from sentences").fetchone()[0] == 1  # the snapshot it opened
    reader.close()
    fresh = duckdb.connect(str(db), read_only=True)
    assert fresh.execute("select count(*) from sentences").fetchone()[0] == 2
    fresh.close()
    assert not list(tmp_path.glob(".*.tmp"))


# ------------------------------------------------------------------ batches and the manifest

def test_a_batch_is_invisible_until_it_commits(tmp_path):
    store = ParquetStore(tmp_path)
    with store.batch() as b:
        b.replace_documents("sentences", [_sentence("a", 0)], {"a"})
        b.replace_documents("documents", [], {"a"})
        # staged under temporary names: no reader (manifest, glob of *.parquet) sees them
        assert ParquetStore(tmp_path).files("sentences") == []
        assert list((tmp_path / "parquet").rglob("*.parquet")) == []
        assert list((tmp_path / "parquet").rglob(".*.tmp"))
    assert [p.name.startswith("part-000001-") for p in store.files("sentences")] == [True]
    assert store.snapshot().commit == 1 and not list((tmp_path / "parquet").rglob(".*.tmp"))


def test_a_failed_batch_leaves_no_trace(tmp_path):
    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a", 0)], {"a"})
    before = store.snapshot()
    with pytest.raises(RuntimeError):
        with store.batch() as b:
            b.replace_documents("sentences", [_sentence("a", 0, text="Other.")], {"a"})
            raise RuntimeError("stopped mid-batch")
    assert store.snapshot().to_json() == before.to_json()
    assert [r["text"] for r in store.read("sentences").to_pylist()] == ["A sentence."]
    assert len(list((tmp_path / "parquet").rglob("*.parquet"))) == 1
    assert not list((tmp_path / "parquet").rglob(".*.tmp"))


def test_new_documents_add_files_and_replaced_rows_retire_theirs(tmp_path):
    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a", 0)], {"a"})
    [first] = store.files("sentences")
    store.replace_documents("sentences", [_sentence("b", 0)], {"b"})
    assert first in store.files("sentences") and len(store.files("sentences")) == 2  # nothing rewritten
    store.replace_documents("sentences", [_sentence("a", 0, text="New.")], {"a"})
    assert not first.exists()  # the file that held a's old row left the snapshot and the disk
    got = sorted((r["doc_id"], r["text"]) for r in store.read("sentences").to_pylist())
    assert got == [("a", "New."), ("b", "A sentence.")]
    on_disk = sorted((tmp_path / "parquet").rglob("*.parquet"))
    assert on_disk == sorted(store.files("sentences"))


def test_cleanup_removes_files_of_an_uncommitted_batch(tmp_path):
    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a", 0)], {"a"})
    part = store.partition_dir("sentences", "2025-05")
    [committed] = store.files("sentences")
    stray = part / "part-000002-deadbeef.parquet"  # renamed into place, but the manifest never came
    stray.write_bytes(committed.read_bytes())
    (part / ".part-000002-cafe.parquet.0123.tmp").write_bytes(b"half")
    assert store.read("sentences").num_rows == 1  # readers of the manifest never see it
    assert store.cleanup() == 2
    assert sorted(part.iterdir()) == [committed]


def test_compaction_merges_a_partition_of_many_files_into_one(tmp_path):
    store = ParquetStore(tmp_path)
    for i in range(5):
        store.replace_documents("sentences", [_sentence(f"d{i}", 0)], {f"d{i}"})
    assert len(store.files("sentences")) == 5
    with store.batch() as b:
        assert b.compact(above=3) == 1
    assert len(store.files("sentences")) == 1
    assert sorted(r["doc_id"] for r in store.read("sentences").to_pylist()) == [f"d{i}" for i in range(5)]
    assert len(list((tmp_path / "parquet").rglob("*.parquet"))) == 1


def test_a_warehouse_without_manifest_is_adopted_then_recorded(tmp_path):
    import pyarrow.parquet as pq

    from transforms.warehouse import contract

    old = tmp_path / "parquet" / "sentences" / "month=2025-05" / "data.parquet"  # the layout before manifests
    old.parent.mkdir(parents=True)
    pq.write_table(contract.to_arrow("sentences", [_sentence("a", 0)]), old)
    store = ParquetStore(tmp_path)
    assert store.snapshot().adopted and store.read("sentences").num_rows == 1
    assert store.cleanup() == 0  # nothing is an orphan before a manifest exists
    store.replace_documents("sentences", [_sentence("b", 0)], {"b"})
    snap = store.snapshot()
    assert not snap.adopted and "sentences/month=2025-05/data.parquet" in [e.path for e in snap.files("sentences")]
    assert store.read("sentences").num_rows == 2


def test_disk_full_abandons_the_batch_and_names_path_and_space(tmp_path, monkeypatch):
    import errno

    import pyarrow.parquet as pq

    from transforms.warehouse.files import DiskFull

    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a", 0)], {"a"})
    before = store.snapshot().to_json()
    real = pq.write_table

    def full_disk(table, where, **kw):  # the disk fills up halfway through the file
        real(table.slice(0, 0), where, **kw)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq, "write_table", full_disk)
    with pytest.raises(DiskFull) as exc:
        with store.batch() as b:
            b.replace_documents("sentences", [_sentence("b", 0, text="x" * 5000)], {"b"})
    message = str(exc.value)
    assert str(store.partition_dir("sentences", "2025-05")) in message
    assert "free" in message and "needed" in message and "\n" not in message
    assert exc.value.needed >= 5000
    assert store.snapshot().to_json() == before
    assert not list((tmp_path / "parquet").rglob(".*.tmp"))
