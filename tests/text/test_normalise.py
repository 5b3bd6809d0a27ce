"""normalise_text: the one form of a text that every offset refers to."""

from transforms.text import normalise_text


def test_normalise_text_unifies_line_endings_and_strips_controls():
    raw = "  Title\r\n\r\n\r\n\r\nBody\x00 text.\t \rMore  "
    assert normalise_text(raw) == "Title\n\nBody text.\nMore"


def test_normalise_text_composes_and_splits_unicode_line_separators():
    assert normalise_text("Cafe\u0301 one\u2028two\u2029three") == "Café one\ntwo\n\nthree"
