"""`dateline serve` end to end: a real child Prefect server, scheduled runs, faults, shutdown.

Each test starts `dateline serve --every 10` as a subprocess on a temporary warehouse, reads the
`runs` table with DuckDB while it serves, and asks the child server's API what Prefect saw.
Every wait is bounded; nothing here asserts on timings.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import httpx
import pytest

from tests.conftest import SEED_ARTICLES

pytestmark = pytest.mark.slow

# Written for these tests: a report that arrives while `dateline serve` is running.
LATE_ARTICLE = """---
published: 2025-06-12
source: Test Wire
title: Ministers meet in Ankara
---
ANKARA - The foreign ministers of Turkey and Greece met in Ankara on Wednesday to discuss
shipping lanes in the Aegean, the Turkish foreign ministry said. The two ministers agreed to
meet again in Athens next month.
"""


def _env() -> dict[str, str]:
    """The user's environment without the test session's Prefect settings: serve uses the
    warehouse's Prefect home and starts its own server, as it does for a user."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}


class Serve:
    """One `dateline serve` subprocess, its output in files, and what it reports."""

    def __init__(self, tmp_path: Path, *args: str):
        self.inputs = tmp_path / "in"
        self.inputs.mkdir()
        for name in ("istanbul-talks.txt", "istanbul-talks.meta.json"):
            shutil.copy(SEED_ARTICLES / name, self.inputs / name)
        self.warehouse = tmp_path / "wh"  # may exist already (a test can prepare it)
        self.out, self.err = tmp_path / "serve.out", tmp_path / "serve.err"
        with open(self.out, "w") as out, open(self.err, "w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "dateline.cli", "serve", "--every", "10", "--input", str(self.inputs),
                 "--warehouse", str(self.warehouse), "--workers", "1", *args],
                env=_env(), cwd=tmp_path, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        self.server_pid, self.api_url = self._wait_serving()

    def _wait_serving(self) -> tuple[int, str]:
        line = wait_for(lambda: re.search(r"dateline: serving .*\(pid (\d+),.* at (http://\S+/api)",
                                          self.out.read_text()), 150, "the serving line", self)
        return int(line.group(1)), line.group(2)

    def runs(self) -> list[tuple]:
        """(status, documents_new, checks_failed, started_at) of each run, oldest first."""
        db = self.warehouse / "dateline.duckdb"
        if not db.exists():
            return []
        con = duckdb.connect(str(db), read_only=True)
        try:
            return con.execute("select status, documents_new, checks_failed, started_at from runs "
                               "order by started_at").fetchall()
        finally:
            con.close()

    def api(self, path: str, body: dict | None = None) -> list[dict]:
        return httpx.post(f"{self.api_url}/{path}", json=body or {}, timeout=30).raise_for_status().json()

    def flow_runs(self) -> list[dict]:
        return self.api("flow_runs/filter", {"sort": "EXPECTED_START_TIME_ASC"})

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 90) -> int:
        self.proc.send_signal(sig)
        return self.proc.wait(timeout=timeout)

    def kill(self) -> None:
        for pid in (self.proc.pid, self.server_pid if hasattr(self, "server_pid") else None):
            if pid and alive(pid):
                os.kill(pid, signal.SIGKILL)
        self.proc.wait(timeout=30)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def wait_for(check: Callable, timeout: float, what: str, serve: Serve | None = None):
    """Poll ``check`` until it returns something truthy; fail with the serve output after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        if serve is not None and serve.proc.poll() is not None:
            break
        time.sleep(0.5)
    detail = ""
    if serve is not None:
        detail = f"\nexit: {serve.proc.poll()}\nstdout:\n{serve.out.read_text()}\nstderr (end):\n" \
                 f"{serve.err.read_text()[-4000:]}"
    pytest.fail(f"waited {timeout:.0f}s for {what}{detail}")


@pytest.fixture
def serve(tmp_path):
    started: list[Serve] = []

    def start(*args: str) -> Serve:
        started.append(Serve(tmp_path, *args))
        return started[-1]

    yield start
    for s in started:
        if s.proc.poll() is None or alive(s.server_pid):
            s.kill()


def test_scheduled_runs_pick_up_new_articles_and_sigterm_stops_cleanly(serve):
    s = serve()
    first = wait_for(lambda: [r for r in s.runs() if r[0] == "completed"], 150, "a first completed run", s)
    assert first[0][1] == 1  # the seed article
    (s.inputs / "ankara-talks.txt").write_text(LATE_ARTICLE, encoding="utf-8")
    after = first[0][3]
    wait_for(lambda: [r for r in s.runs() if r[3] > after and r[0] == "completed" and r[1] == 1], 150,
             "a scheduled run that picks up the new article", s)
    later = [r for r in s.runs() if r[3] > after]
    assert sum(r[1] for r in later) == 1  # only the new article was new: the seed was not redone
    con = duckdb.connect(str(s.warehouse / "dateline.duckdb"), read_only=True)
    titles = {r[0] for r in con.execute("select title from documents").fetchall()}
    con.close()
    assert "Ministers meet in Ankara" in titles
    assert len(s.runs()) >= 2

    # what Prefect shows: completed scheduled runs, their summaries, named task runs, batch logs
    # (a run writes its `runs` row before it publishes and reports, so Prefect may lag a moment)
    def seen_by_prefect():
        summaries = s.api("artifacts/filter", {"artifacts": {"key": {"any_": ["dateline-run-summary"]}}})
        completed = [r["state_type"] for r in s.flow_runs()].count("COMPLETED")
        picked_up = any(a["description"].startswith("completed: 1 new, 0 changed, 1 unchanged") for a in summaries)
        return summaries if completed >= 2 and picked_up else None

    summaries = wait_for(seen_by_prefect, 60, "two COMPLETED flow runs and their summaries in Prefect", s)
    assert all("## Rows written" in a["data"] and "## Checks" in a["data"] for a in summaries)
    task_names = {t["name"] for t in s.api("task_runs/filter")}
    assert {"ingest-files [batch 1/1]", "write-tables [batch 1/1]"} <= task_names
    wait_for(lambda: any("batch 1/1: 1 files, 1 new" in log["message"] for log in s.api("logs/filter")),
             30, "the batch log line in the API", s)

    assert s.stop(signal.SIGTERM) == 0
    err = s.err.read_text()
    assert "Traceback" not in err, err[-4000:]
    assert s.out.read_text().rstrip().endswith("dateline: stopped")
    wait_for(lambda: not alive(s.server_pid), 10, "the child server to be gone")


def _damage(warehouse: Path) -> Path:
    """A stray Parquet file in the documents partition (say, left by a botched restore): a
    document row without its required columns, which the contract checks catch."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    stray = warehouse / "parquet" / "documents" / "month=2025-05" / "stray-restore.parquet"
    stray.parent.mkdir(parents=True)
    pq.write_table(pa.table({"doc_id": ["stray"]}), stray)
    return stray


def test_a_run_whose_checks_fail_is_marked_failed_and_the_schedule_goes_on(tmp_path, serve):
    stray = _damage(tmp_path / "wh")
    s = serve()
    failed = wait_for(lambda: [r for r in s.runs() if r[0] == "failed"], 150, "a failed run", s)
    assert failed[0][1] == 1 and failed[0][2] >= 1  # the seed article was written; checks failed
    prefect_failed = wait_for(lambda: [r for r in s.flow_runs() if r["state_type"] == "FAILED"], 30,
                              "a FAILED flow run in Prefect", s)
    assert prefect_failed[0]["state"]["message"].startswith("data checks failed: documents.")
    stray.unlink()  # repaired: the next scheduled run completes again
    after = failed[0][3]
    wait_for(lambda: [r for r in s.runs() if r[3] > after and r[0] == "completed"], 150,
             "a completed run after the failed one", s)
    assert s.stop(signal.SIGTERM) == 0
    err = s.err.read_text()
    assert "Traceback" not in err, err[-4000:]
    assert "ChecksFailed: check failed: documents." in err  # the engine's report, in one line


def test_server_child_that_dies_stops_serve_with_one_line(serve):
    s = serve()  # returns once serve says it is serving: the deployment is registered, the runner polls
    os.kill(s.server_pid, signal.SIGKILL)
    code = s.proc.wait(timeout=60)
    assert code != 0
    err = s.err.read_text()
    ours = [line for line in err.splitlines() if line.startswith("dateline:")]
    assert len(ours) == 1 and f"the Prefect server (pid {s.server_pid}) exited" in ours[0], err[-4000:]
    assert err.rstrip().endswith(ours[0])
    assert "Traceback" not in err, err[-4000:]
