"""Shared test set-up: Prefect state in a temporary PREFECT_HOME, one harness per session."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
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


# Eight short wire reports, written for these tests (distinct texts, one per file).
_PLACES = [("Nairobi", "Kenyan", "Ethiopian"), ("Lima", "Peruvian", "Chilean"), ("Hanoi", "Vietnamese", "Thai"),
           ("Accra", "Ghanaian", "Togolese"), ("Oslo", "Norwegian", "Swedish"), ("Quito", "Ecuadorian", "Colombian")]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday"]


def write_wire_reports(folder: Path, n: int = 8) -> Path:
    """``n`` one-article ``.txt`` files with front matter dates (June 2025) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        city, a, b = _PLACES[i % len(_PLACES)]
        day = _DAYS[i % len(_DAYS)]
        text = (f"{city.upper()} - {a} and {b} officials met in {city} on {day} for talks on trade and border "
                f"crossings, the {a} foreign ministry said. Report {i + 1} said the delegations agreed to meet "
                f"again next month. Police arrested {i + 3} protesters outside the venue.")
        (folder / f"report-{i:02d}.txt").write_text(f"---\npublished: 2025-06-{i % 20 + 5:02d}\n---\n{text}\n",
                                                   encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def wire_reports(tmp_path_factory) -> Path:
    return write_wire_reports(tmp_path_factory.mktemp("wire") / "in")


@pytest.fixture(scope="session")
def prefect_api_url(prefect_harness) -> str:
    """The session's test API, for `dateline` subprocesses (no second server start)."""
    from prefect.settings import PREFECT_API_URL

    return str(PREFECT_API_URL.value())


def dateline_cmd(*args: str) -> list[str]:
    import sys

    return [sys.executable, "-m", "dateline.cli", *args]


def cli_env(api_url: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    if api_url:
        env["PREFECT_API_URL"] = api_url  # reuse the session's test API (no second server start)
    return env


@dataclass
class PolledRun:
    """A clean `dateline run` over the wire reports (one file per batch), watched by a reader."""

    warehouse: Path
    returncode: int
    stderr: str
    polls: list[dict]  # one per successful look: documents seen, orphan rows seen, how it was read


def _look(wh: Path) -> list[dict]:
    """Read the committed snapshot twice — through dateline.duckdb and through the manifest — and
    count documents and rows whose doc_id is not (yet) in documents."""
    import json

    import duckdb

    looks = []
    orphans = ("select (select count(*) from documents), "
               "(select count(*) from events where doc_id not in (select doc_id from documents)) + "
               "(select count(*) from sentences where doc_id not in (select doc_id from documents))")
    db = wh / "dateline.duckdb"
    if db.exists():
        con = duckdb.connect(str(db), read_only=True)
        try:
            n, bad = con.execute(orphans).fetchone()
            looks.append({"via": "duckdb", "documents": n, "orphans": bad})
        finally:
            con.close()
    current = wh / "parquet" / "_current.json"
    if current.exists():
        tables = json.loads(current.read_text())["tables"]
        con = duckdb.connect()
        try:
            for name in ("documents", "events", "sentences"):
                files = [str(wh / "parquet" / e["path"]) for e in tables.get(name, [])]
                if files:
                    con.execute(f"create view {name} as select * from read_parquet({files!r})")
                else:
                    con.execute(f"create view {name} as select '' as doc_id where false")
            n, bad = con.execute(orphans).fetchone()
            looks.append({"via": "manifest", "documents": n, "orphans": bad})
        finally:
            con.close()
    return looks


@pytest.fixture(scope="session")
def polled_wire_run(wire_reports, prefect_api_url, tmp_path_factory) -> PolledRun:
    import subprocess
    import time

    import duckdb

    wh = tmp_path_factory.mktemp("polled") / "wh"
    err = wh.parent / "stderr.txt"
    with open(err, "w") as fh:
        proc = subprocess.Popen(dateline_cmd("run", "--input", str(wire_reports), "--warehouse", str(wh),
                                             "--files-per-batch", "1", "--workers", "1"),
                                env=cli_env(prefect_api_url), stdout=subprocess.DEVNULL, stderr=fh)
        polls: list[dict] = []
        deadline = time.monotonic() + 240
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                polls += _look(wh)
            except (duckdb.Error, OSError, ValueError):
                pass  # a file replaced or removed between two reads: look again (documented)
            time.sleep(0.01)
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    polls += _look(wh)
    return PolledRun(wh, proc.returncode, err.read_text(), polls)
