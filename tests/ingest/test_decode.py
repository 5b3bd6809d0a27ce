"""Bytes to text: code pages, and binary content shown as a bytes repr."""

from __future__ import annotations

from tests.ingest.common import (
    assert_document,
    one,
)


def test_latin1_file_is_decoded():
    item = one("latin1.txt")
    assert_document(item)
    assert "café owner in São Paulo" in item.text
    assert "naïve" in item.text


def test_binary_excerpt_is_a_bytes_repr():
    item = one("binary.txt")
    assert item.raw_excerpt.startswith("b'\\x89PNG")
    assert one("notes.md").raw_excerpt.startswith("# Notes")  # text stays readable
