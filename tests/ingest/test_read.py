"""The entry points: every item lands in one place, size limits, bad files, the mixed folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.ingest.common import (
    EXPECTED_ITEMS,
    FIX,
    NOW,
    OPTS,
    assert_document,
    assert_quarantine,
    one,
    write_warc,
)
from transforms.core.records import Document, Quarantine
from transforms.ingest import (
    IngestOptions,
    read_inputs,
)


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "empty text"),
    ("binary.txt", "binary content"),
    ("nul-bytes.txt", "binary content"),
    ("undecodable.txt", "undecodable"),
    ("future.txt", "impossible publication date"),
    ("unparseable-date.txt", "unparseable publication date"),
    ("broken-sidecar.txt", "broken metadata"),
    ("notes.md", "unsupported format"),
    ("no-text.tml", "missing text"),
    ("not-a-feed.xml", "unsupported format"),
])
def test_bad_file_is_quarantined_with_reason(name, reason):
    item = one(name)
    assert_quarantine(item, reason)
    assert item.input_path == str(FIX / name)
    assert item.locator == ""


def test_file_over_max_bytes_is_not_read(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("word " * 50_000)
    opts = IngestOptions(now=NOW, max_bytes=10_000)
    reads = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or b"")
    item = one("big.txt", options=opts, base=tmp_path)
    assert_quarantine(item, "file too large")
    assert reads == []
    assert "250000 bytes" in item.detail


def test_sixty_megabyte_file_is_rejected_by_size_alone(tmp_path, monkeypatch):
    huge = tmp_path / "huge.jsonl"
    with open(huge, "wb") as fh:  # sparse: 60 MB on stat, nothing on disk
        fh.truncate(60 * 1024 * 1024)
    import transforms.ingest.read as read_module

    real = read_module.format_for

    def never_read(suffix):  # the size decides: the reader must not be handed the file
        fmt = real(suffix)

        def refuse(*args, **kwargs):
            raise AssertionError("a file over the size limit was handed to its reader")

        return dataclasses.replace(fmt, reader=refuse) if fmt else fmt

    monkeypatch.setattr(read_module, "format_for", never_read)
    item = one("huge.jsonl", options=IngestOptions(now=NOW), base=tmp_path)
    assert_quarantine(item, "file too large")
    assert str(60 * 1024 * 1024) in item.detail


def test_pathological_text_is_read_whole(tmp_path):
    (tmp_path / "digits.txt").write_text("7" * 600_000)
    (tmp_path / "digits.html").write_text("<html><body><p>" + "1234567890 " * 40_000 + "</p></body></html>")
    (tmp_path / "lines.jsonl").write_text(('{"text": "' + "9" * 300_000 + '"}\n') * 2)
    items = list(read_inputs([tmp_path], IngestOptions(now=NOW, assume_published=dt.date(2025, 6, 1))))
    assert len(items) == 4
    assert all(isinstance(i, Document) for i in items)
    assert sorted(len(i.text) for i in items) == [300_000, 300_000, 439_999, 600_000]


@pytest.mark.parametrize("name, content", [("e.jsonl", "\n \n"), ("e.csv", "")])
def test_empty_container_files_are_not_lost(tmp_path, name, content):
    (tmp_path / name).write_text(content)
    assert_quarantine(one(name, base=tmp_path), "empty text")


def test_every_arrival_is_yielded(tmp_path):
    text = "Officials said on Monday that the border crossing had reopened after a week.\n"
    (tmp_path / "a.txt").write_text("---\npublished: 2025-06-02\n---\n" + text)
    (tmp_path / "b.jsonl").write_text('{"published": "2025-06-02", "url": "https://e.org/b", "text": '
                                      + repr(text.strip()).replace("'", '"') + "}\n")
    items = list(read_inputs([tmp_path], OPTS))
    assert [type(i) for i in items] == [Document, Document]
    assert items[0].doc_id == items[1].doc_id
    assert {(i.input_path, i.locator, i.url) for i in items} == {
        (str(tmp_path / "a.txt"), "", None), (str(tmp_path / "b.jsonl"), "line:1", "https://e.org/b")}


def test_mixed_folder_accounts_for_every_item(tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(FIX, folder)
    (folder / "sub").mkdir()
    write_warc(folder / "sub" / "crawl.warc.gz")
    (folder / "sub" / "big.txt").write_text("x " * 40_000)
    (folder / "sub" / "digits.txt").write_text("1234567890" * 5_000)
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    opts = IngestOptions(now=NOW, max_bytes=60_000)
    items = list(read_inputs([folder], opts))

    per_file: dict[str, int] = {}
    seen = set()
    for item in items:
        rel = str(Path(item.input_path).relative_to(folder))
        per_file[rel] = per_file.get(rel, 0) + 1
        key = (rel, item.locator)
        assert key not in seen, key  # each item lands in exactly one place
        seen.add(key)
        if isinstance(item, Quarantine):
            assert item.reason and item.detail, item
        else:
            assert_document(item)
    assert per_file == EXPECTED_ITEMS
    docs = [i for i in items if isinstance(i, Document)]
    bad = [i for i in items if isinstance(i, Quarantine)]
    assert len(docs) + len(bad) == sum(EXPECTED_ITEMS.values())
    reasons = {i.reason for i in bad}
    assert reasons >= {"empty text", "binary content", "undecodable", "broken json", "missing text",
                       "unparseable publication date", "impossible publication date", "file too large",
                       "unsupported format", "no publication date"}
    assert "unsupported language" not in reasons
    big = next(i for i in bad if i.input_path.endswith("big.txt"))
    assert big.reason == "file too large"
    # deterministic: a second read gives the same items in the same order
    again = list(read_inputs([folder], opts))
    assert [(i.input_path, i.locator, type(i), getattr(i, "reason", None), getattr(i, "content_hash", None))
            for i in again] == \
        [(i.input_path, i.locator, type(i), getattr(i, "reason", None), getattr(i, "content_hash", None))
         for i in items]
