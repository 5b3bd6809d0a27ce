"""Document ids and content hashes: stable_id values, unchanged from the first warehouse rows."""

import hashlib

from transforms.core.ids import stable_id
from transforms.ingest.ids import content_hash, doc_id


def _sha32(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def test_doc_id_ignores_whitespace_layout_but_not_words():
    assert doc_id("Russia and  Ukraine\nmet.") == doc_id("Russia and Ukraine met.")
    assert doc_id("Russia and Ukraine met.") != doc_id("Russia and Ukraine did not meet.")
    assert len(doc_id("x")) == 32


def test_content_hash_changes_with_metadata():
    assert content_hash("t", {"published_at": "2025-05-30"}) != content_hash("t", {"published_at": "2025-05-31"})
    assert content_hash("t", {"a": 1, "b": 2}) == content_hash("t", {"b": 2, "a": 1})


def test_ids_are_the_hashes_stored_so_far():
    """The same values as before the ids went through stable_id (the pinned one was computed by the
    old transforms/text.py): stored documents keep their ids."""
    text = "  The port reopened on Tuesday,\n\nofficials said.  "
    assert doc_id(text) == _sha32("The port reopened on Tuesday, officials said.") == stable_id(
        "The port reopened on Tuesday, officials said.")
    meta = {"title": "Port reopens", "source": None, "published_at": "2025-06-03T00:00:00+00:00"}
    expected = _sha32("\x1f".join(["body", "published_at=2025-06-03T00:00:00+00:00", "source=", "title=Port reopens"]))
    assert content_hash("body", meta) == expected
    assert content_hash("body") == _sha32("body")
    assert doc_id("Officials said the talks would resume.") == "e7ffd2c735ef1ff9aeb7c28e3a43c2df"
