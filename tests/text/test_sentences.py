"""split_sentences and sentence_index_at: sentences, offsets, repeats."""

from hypothesis import given
from hypothesis import strategies as st

from transforms.text import normalise_text, sentence_index_at, split_sentences


def test_split_sentences_keeps_abbreviations_and_initials_together():
    text = "Mr. Smith met Gen. John F. Kennedy in the U.S. on Jan. 5. He left. “We agree,” she said."
    sents = [s.text for s in split_sentences(text)]
    assert sents == ["Mr. Smith met Gen. John F. Kennedy in the U.S. on Jan. 5.", "He left.", "“We agree,” she said."]


def test_line_breaks_end_sentences_and_offsets_point_into_text():
    text = "Headline without period\nFirst sentence here. Second one!"
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Headline without period", "First sentence here.", "Second one!"]
    for s in sents:
        assert text[s.start:s.end] == s.text
    assert sentence_index_at(sents, text.index("Second")) == 2
    assert sentence_index_at(sents, text.index("\n")) is None


def test_seed_first_line_is_marked_as_repeat_of_later_sentence(seed_text):
    sents = split_sentences(seed_text)
    first = sents[0]
    assert first.duplicate_of is not None
    kept = sents[first.duplicate_of]
    assert kept.index > 0 and kept.duplicate_of is None
    assert kept.text.startswith("The upcoming talks follow a significant hiatus")
    assert sum(1 for s in sents if s.duplicate_of is not None) == 1


@given(st.text(max_size=400))
def test_split_sentences_covers_text_in_order(text):
    text = normalise_text(text)
    sents = split_sentences(text)
    last = 0
    for s in sents:
        assert s.start >= last and s.end > s.start
        assert text[s.start:s.end] == s.text == s.text.strip()
        last = s.end
    covered = "".join(s.text for s in sents)
    assert "".join(covered.split()) == "".join(text.split())
