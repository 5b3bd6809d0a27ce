"""The reader registry: which reader reads which file suffix.

A reader is a function ``read(path, options, input_path) -> Iterator[Document | Quarantine]``
that yields one record per input item of the file. Each reader module declares its suffixes
where the reader is defined::

    @register(".jsonl", ".ndjson")
    def read_jsonl(path, options, input_path): ...

``streamed=True`` marks formats read record by record (web archives): the size limit then
applies to each record, not to the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from transforms.core.records import Document, Quarantine
from transforms.ingest.discover import file_suffix
from transforms.ingest.options import IngestOptions

Item = Document | Quarantine
Reader = Callable[[Path, IngestOptions, str], Iterator[Item]]


@dataclass(frozen=True)
class Format:
    """A registered reader and how its files are read."""

    reader: Reader
    streamed: bool = False


_FORMATS: dict[str, Format] = {}


def register(*suffixes: str, streamed: bool = False) -> Callable[[Reader], Reader]:
    """Register the decorated reader for ``suffixes`` (lower case, with the dot: ".warc.gz")."""
    def add(reader: Reader) -> Reader:
        for suffix in suffixes:
            if suffix in _FORMATS:
                raise ValueError(f"two readers for {suffix!r}")
            _FORMATS[suffix] = Format(reader, streamed)
        return reader
    return add


def suffix_of(path: Path) -> str:
    """The registry key of a file: a registered compound suffix (".warc.gz"), else its last suffix."""
    return file_suffix(path, (s for s in _FORMATS if s.count(".") > 1))


def format_for(suffix: str) -> Format | None:
    """The registered format of a suffix, ``None`` when no reader reads it."""
    return _FORMATS.get(suffix)


def supported_suffixes() -> list[str]:
    """Every registered suffix, sorted."""
    return sorted(_FORMATS)
