"""Shared test set-up: Prefect state in a temporary PREFECT_HOME, one harness per session."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

# Before anything imports prefect: its own home, quiet logs, no analytics.
_PREFECT_HOME = tempfile.mkdtemp(prefix="dateline-test-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_ARTICLES = REPO / "seeds" / "articles"


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (starting one takes ~8 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def seed_text() -> str:
    from transforms.text import normalise_text

    return normalise_text((SEED_ARTICLES / "istanbul-talks.txt").read_text(encoding="utf-8"))


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)
