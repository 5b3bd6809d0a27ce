import os

import duckdb

from transforms.warehouse import publish
from transforms.warehouse.store import ParquetStore


def _sentence(doc):
    return {"doc_id": doc, "sentence_index": 0, "start_char": 0, "end_char": 5, "text": "Text.",
            "duplicate_of": None, "pipeline_version": "v1", "month": "2025-06"}


def test_views_name_only_committed_files(tmp_path):
    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a")], {"a"})
    with store.batch(after_commit=lambda m: publish.publish(tmp_path, m)) as b:
        b.replace_documents("sentences", [_sentence("b")], {"b"})
        publish.publish(tmp_path)  # a publish while the batch is open: the batch is not in it
        con = duckdb.connect(str(tmp_path / publish.DB_NAME), read_only=True)
        assert con.execute("select list(doc_id) from sentences").fetchone()[0] == ["a"]
        con.close()
    con = duckdb.connect(str(tmp_path / publish.DB_NAME), read_only=True)
    assert sorted(con.execute("select list(doc_id) from sentences").fetchone()[0]) == ["a", "b"]
    assert con.execute("select value from _dateline_meta where key = 'commit'").fetchone()[0] == "2"
    con.close()


def test_connect_rebuilds_a_file_behind_the_committed_snapshot(tmp_path):
    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a")], {"a"})
    publish.publish(tmp_path)
    store.replace_documents("sentences", [_sentence("b")], {"b"})  # committed, not published (a stop)
    assert publish.query(tmp_path, "select count(*) from sentences")[1] == [(2,)]


def test_cleanup_removes_half_built_files_of_dead_processes_only(tmp_path):
    dead = tmp_path / f".{publish.DB_NAME}.4194303.tmp"  # above any pid this kernel hands out
    dead.write_bytes(b"half")
    (tmp_path / f".{publish.DB_NAME}.4194303.tmp.wal").write_bytes(b"wal")
    live = tmp_path / f".{publish.DB_NAME}.{os.getppid()}.tmp"  # a running process's build
    live.write_bytes(b"busy")
    assert publish.cleanup_temp(tmp_path) == 2
    assert [p.name for p in tmp_path.iterdir()] == [live.name]
