import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.text import content_hash, doc_id, normalise_text, sentence_index_at, split_sentences


def test_normalise_text_unifies_line_endings_and_strips_controls():
    raw = "  Title\r\n\r\n\r\n\r\nBody\x00 text.\t \rMore  "
    assert normalise_text(raw) == "Title\n\nBody text.\nMore"


def test_doc_id_ignores_whitespace_layout_but_not_words():
    assert doc_id("Russia and  Ukraine\nmet.") == doc_id("Russia and Ukraine met.")
    assert doc_id("Russia and Ukraine met.") != doc_id("Russia and Ukraine did not meet.")
    assert len(doc_id("x")) == 32


def test_content_hash_changes_with_metadata():
    assert content_hash("t", {"published_at": "2025-05-30"}) != content_hash("t", {"published_at": "2025-05-31"})
    assert content_hash("t", {"a": 1, "b": 2}) == content_hash("t", {"b": 2, "a": 1})


def test_split_sentences_keeps_abbreviations_and_initials_together():
    text = "Mr. Smith met Gen. John F. Kennedy in the U.S. on Jan. 5. He left. “We agree,” she said."
    sents = [s["text"] for s in split_sentences(text)]
    assert sents == ["Mr. Smith met Gen. John F. Kennedy in the U.S. on Jan. 5.", "He left.", "“We agree,” she said."]


def test_line_breaks_end_sentences_and_offsets_point_into_text():
    text = "Headline without period\nFirst sentence here. Second one!"
    sents = split_sentences(text)
    assert [s["text"] for s in sents] == ["Headline without period", "First sentence here.", "Second one!"]
    for s in sents:
        assert text[s["start"]:s["end"]] == s["text"]
    assert sentence_index_at(sents, text.index("Second")) == 2
    assert sentence_index_at(sents, text.index("\n")) is None


def test_seed_first_line_is_marked_as_repeat_of_later_sentence(seed_text):
    sents = split_sentences(seed_text)
    first = sents[0]
    assert first["duplicate_of"] is not None
    kept = sents[first["duplicate_of"]]
    assert kept["index"] > 0 and kept["duplicate_of"] is None
    assert kept["text"].startswith("The upcoming talks follow a significant hiatus")
    assert sum(1 for s in sents if s["duplicate_of"] is not None) == 1


@given(st.text(max_size=400))
def test_split_sentences_covers_text_in_order(text):
    text = normalise_text(text)
    sents = split_sentences(text)
    last = 0
    for s in sents:
        assert s["start"] >= last and s["end"] > s["start"]
        assert text[s["start"]:s["end"]] == s["text"] == s["text"].strip()
        last = s["end"]
    covered = "".join(s["text"] for s in sents)
    assert "".join(covered.split()) == "".join(text.split())


@pytest.mark.parametrize("sentence, prefix", [
    ("ISTANBUL - Russian and Ukrainian delegations met on Monday.", "ISTANBUL - "),
    ("KYIV, May 30, 2025 (AP) — Russia launched drones.", "KYIV, May 30, 2025 (AP) — "),
    ("WASHINGTON (Reuters) - The US said.", "WASHINGTON (Reuters) - "),
    ("NEW YORK (AP) _ A man was arrested.", "NEW YORK (AP) _ "),
    ("US - China talks resumed.", ""),
    ("UN - backed forces advanced.", ""),
    ("Russia - Ukraine talks ended.", ""),
])
def test_dateline_prefix(sentence, prefix):
    from transforms.text import dateline_prefix_length

    assert sentence[:dateline_prefix_length(sentence)] == prefix
