import datetime as dt

from transforms.warehouse import integrity
from transforms.warehouse.store import ParquetStore


def _sentence(doc, i):
    return {"doc_id": doc, "sentence_index": i, "start_char": 0, "end_char": 5, "text": "Text.",
            "duplicate_of": None, "pipeline_version": "v1", "month": "2025-06"}


def _store(tmp_path):
    store = ParquetStore(tmp_path)
    store.replace_documents("sentences", [_sentence("a", 0), _sentence("a", 1)], {"a"})
    store.insert_new("quarantine", [{"quarantine_id": "q", "input_path": "/x", "reason": "empty text",
                                     "seen_at": dt.datetime(2025, 6, 1, tzinfo=dt.UTC), "pipeline_version": "v1"}])
    return store


def test_a_whole_warehouse_has_no_damage(tmp_path):
    assert integrity.scan(_store(tmp_path)) == []


def test_truncated_missing_and_replaced_files_are_found(tmp_path):
    store = _store(tmp_path)
    [sentences] = store.files("sentences")
    data = sentences.read_bytes()
    sentences.write_bytes(data[: len(data) // 2])
    [quarantine] = store.files("quarantine")
    quarantine.unlink()
    found = {(d.table, d.problem.split(":")[0]) for d in integrity.scan(store)}
    assert found == {("sentences", "truncated"), ("quarantine", "missing")}


def test_same_size_file_with_a_broken_footer_is_found(tmp_path):
    store = _store(tmp_path)
    [sentences] = store.files("sentences")
    data = bytearray(sentences.read_bytes())
    data[-8:-4] = b"\xff\xff\xff\x7f"  # footer length now points outside the file
    sentences.write_bytes(bytes(data))
    [d] = integrity.scan(store)
    assert d.table == "sentences" and d.entry.month == "2025-06" and "footer" in d.problem
