"""The reader registry: each format module declares its suffixes; read_file dispatches on them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ingest.common import OPTS, assert_document, assert_quarantine, one
from transforms.ingest import IngestOptions, read_inputs, register, supported_suffixes
from transforms.ingest.document import document_or_quarantine
from transforms.ingest.readers import Item, format_for, registry, suffix_of


def test_every_format_module_registers_its_suffixes():
    assert supported_suffixes() == sorted([".atom", ".csv", ".htm", ".html", ".jsonl", ".ndjson", ".rss", ".tml",
                                           ".txt", ".warc", ".warc.gz", ".xml"])
    assert format_for(".jsonl").reader.__module__ == "transforms.ingest.readers.jsonl"
    assert format_for(".warc.gz").reader is format_for(".warc").reader
    assert format_for(".warc").streamed and not format_for(".txt").streamed
    assert format_for(".md") is None


@pytest.mark.parametrize("name, suffix", [
    ("crawl.warc.gz", ".warc.gz"), ("CRAWL.WARC.GZ", ".warc.gz"), ("a.TXT", ".txt"), ("backup.tar.gz", ".gz"),
    ("README", ""), ("notes.v2.md", ".md"),
])
def test_suffix_of_knows_compound_suffixes(name, suffix):
    assert suffix_of(Path(name)) == suffix


def test_a_suffix_has_one_reader():
    with pytest.raises(ValueError, match="two readers"):
        register(".txt")(lambda path, options, ip: iter(()))


def test_unregistered_suffix_is_quarantined_with_the_supported_list(tmp_path):
    (tmp_path / "a.rtf").write_text("{\\rtf1 Officials said the talks went on.}")
    item = one("a.rtf", base=tmp_path)
    assert_quarantine(item, "unsupported format")
    assert item.detail.startswith("no reader for '.rtf' (supported: .atom, .csv, .htm, .html,")


def test_a_registered_reader_is_used_for_its_suffix(tmp_path, monkeypatch):
    """What docs/rules-ingest.md describes: a reader function, registered for a suffix."""
    monkeypatch.setattr(registry, "_FORMATS", dict(registry._FORMATS))  # the test's registration is undone

    @register(".notes")
    def read_notes(path: Path, options: IngestOptions, ip: str) -> Iterator[Item]:
        for n, para in enumerate(path.read_text(encoding="utf-8").split("\n\n"), 1):
            yield document_or_quarantine(para, {"published": "2025-06-01"}, options, ip, f"para:{n}", para)

    (tmp_path / "day.notes").write_text("The bridge reopened on Monday, officials said.\n\n   ")
    first, second = list(read_inputs([tmp_path / "day.notes"], OPTS))
    assert_document(first)
    assert first.locator == "para:1" and first.text.startswith("The bridge reopened")
    assert_quarantine(second, "empty text")
    assert second.locator == "para:2"
