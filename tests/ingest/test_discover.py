"""Finding input files: folders in sorted order, hidden files and sidecars skipped."""

from __future__ import annotations

import pytest

from tests.ingest.common import (
    FIX,
)
from transforms.ingest import (
    discover_files,
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
