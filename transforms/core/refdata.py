"""The one reader for reference data files under ``seeds/reference`` (TSV, word lists, YAML).

Files are located with :func:`transforms.settings.reference_path` and cached per process, so
every lexicon is read once per worker. Lines starting with ``#`` are comments in TSV and word
lists.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from transforms.settings import reference_path

# libyaml's loader when it is built in (several times faster on the reference files), else the pure-Python one
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _path(parts: tuple[str, ...]) -> Path:
    return reference_path(*parts)


@cache
def read_tsv(*parts: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated file with a header line (``#`` lines are comments)."""
    with open(_path(parts), encoding="utf-8") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def read_words(*parts: str) -> frozenset[str]:
    """A word list: one entry per line, blank lines and ``#`` comments skipped."""
    with open(_path(parts), encoding="utf-8") as f:
        return frozenset(ln.strip() for ln in f if ln.strip() and not ln.lstrip().startswith("#"))


@cache
def read_yaml(*parts: str) -> Any:
    """A YAML file (mappings, lists, cue sets)."""
    with open(_path(parts), encoding="utf-8") as f:
        return yaml.load(f, Loader=YAML_LOADER)  # noqa: S506 (a safe loader)


def read_mapping(*parts: str, key: str, value: str) -> dict[str, str]:
    """Two columns of a TSV file as a dict (later rows win)."""
    return {row[key]: row[value] for row in read_tsv(*parts)}
