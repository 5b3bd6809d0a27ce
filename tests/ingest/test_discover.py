"""Finding input files: folders in sorted order, hidden files and sidecars skipped, symlinks followed,
special files and link loops quarantined without being opened."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ingest.common import (
    FIX,
    OPTS,
)
from transforms.core.records import Document
from transforms.ingest import (
    discover_files,
    read_inputs,
)


def test_discover_skips_hidden_files_and_sidecars_and_sorts():
    files = discover_files([FIX])
    names = [p.name for p in files]
    assert names == sorted(names)
    assert ".hidden.txt" not in names
    assert not any(n.endswith(".meta.json") for n in names)
    assert all(p.is_absolute() for p in files)
    assert discover_files([FIX, FIX / "dateline.txt"]) == files  # no file twice


def test_missing_path_is_a_user_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        discover_files([tmp_path / "nope"])


# ------------------------------------------------------------------ issue #17.1, #17.5: special files, links

ARTICLE = "---\npublished: 2025-06-02\n---\nOfficials in Quito said on Monday that talks with Colombia on border " \
          "crossings would resume next week.\n"


def _articles(folder, n):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(ARTICLE.replace("next week", f"in {i + 2} weeks"))
    return folder


@pytest.mark.timeout(30)
def test_fifo_and_socket_are_quarantined_without_being_opened(tmp_path):
    import socket

    from transforms.ingest import discover

    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block: nobody writes
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "feed.xml"))
    try:
        found = discover([tmp_path, tmp_path / "pipe.txt"])
    finally:
        sock.close()
    assert found.files == []
    got = {(Path(q.input_path).name, q.reason) for q in found.rejected}
    assert got == {("pipe.txt", "not a regular file"), ("feed.xml", "not a regular file")}
    assert any("FIFO" in q.detail and "not opened" in q.detail for q in found.rejected)
    items = list(read_inputs([tmp_path / "pipe.txt"], OPTS))  # the reader path never opens it either
    assert [(i.reason, i.input_path) for i in items] == [("not a regular file", str(tmp_path / "pipe.txt"))]


def test_symlinked_folders_and_files_are_followed_and_loops_quarantined(tmp_path):
    from transforms.ingest import discover

    outside = _articles(tmp_path / "elsewhere", 5)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "linked").symlink_to(outside)  # a folder holding a link to five articles
    (inbox / "one.txt").symlink_to(outside / "a0.txt")  # also reached through the folder link
    (inbox / "linked-again").symlink_to(outside)  # the same folder twice
    (inbox / "sub").mkdir()
    (inbox / "sub" / "up").symlink_to(inbox)  # a loop back to an ancestor
    (inbox / "self.txt").symlink_to(inbox / "self.txt")  # resolves to itself
    (inbox / "gone.txt").symlink_to(tmp_path / "deleted.txt")  # dangling
    found = discover([inbox])
    assert sorted(p.name for p in found.files) == [f"a{i}.txt" for i in range(5)]
    reasons = {Path(q.input_path).relative_to(inbox).as_posix(): q.reason for q in found.rejected}
    assert reasons == {"sub/up": "symlink loop", "self.txt": "symlink loop", "gone.txt": "dangling link"}
    assert all(str(inbox) in q.input_path and q.detail for q in found.rejected)
    # every path met is counted: inbox, sub (folders), linked -> elsewhere (folder), 5 files, one.txt and
    # linked-again (reached twice), sub/up, self.txt, gone.txt (quarantined)
    assert dict(found.counts) == {"folders": 3, "files": 5, "duplicates": 2, "symlink loop": 2, "dangling link": 1}
    items = list(read_inputs([inbox], OPTS))
    assert sum(isinstance(i, Document) for i in items) == 5 and len(items) == 8


def test_a_file_replaced_by_a_fifo_after_discovery_is_not_opened(tmp_path):
    from transforms.ingest import discover, read_file

    path = tmp_path / "late.txt"
    path.write_text(ARTICLE)
    [found] = discover([tmp_path]).files
    path.unlink()
    os.mkfifo(path)
    [item] = list(read_file(found, OPTS))
    assert item.reason == "not a regular file"
