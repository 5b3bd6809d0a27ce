"""Issue #17.1 and #17.6: SIGTERM / SIGINT stop a run at once — one line, 143 / 130, no
traceback, no process left — even while a read blocks; the next run completes the work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from dateline.signals import STOP_MESSAGE, descendants
from tests.conftest import cli_env, dateline_cmd

pytestmark = pytest.mark.slow


def _gone(pid: int, wait: float = 3.0) -> bool:
    """The process has exited (a zombie waiting for its new parent to reap it counts as gone)."""
    end = time.monotonic() + wait
    while time.monotonic() < end:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def _wait_for_first_commit(wh: Path, proc: subprocess.Popen, workers: int, timeout: float = 180) -> None:
    current = wh / "parquet" / "_current.json"
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if current.exists() and len(descendants(proc.pid)) >= workers:  # a batch committed, workers up
            return
        time.sleep(0.05)
    raise AssertionError(f"no commit to stop after (exit {proc.poll()})")


def _documents_committed(wh: Path) -> int:
    tables = json.loads((wh / "parquet" / "_current.json").read_text())["tables"]
    return sum(e["rows"] for e in tables.get("documents", []))


def _ids(wh: Path) -> dict[str, set]:
    con = duckdb.connect(str(wh / "dateline.duckdb"), read_only=True)
    try:
        return {t: {r[0] for r in con.execute(f"select {k} from {t}").fetchall()}
                for t, k in (("documents", "doc_id"), ("events", "event_id"), ("time_expressions", "timex_id"),
                             ("event_clusters", "cluster_id"))}
    finally:
        con.close()


def _start_run(wire_reports: Path, wh: Path, api_url: str, err: Path, workers: int, **kw) -> subprocess.Popen:
    return subprocess.Popen(dateline_cmd("run", "--input", str(wire_reports), "--warehouse", str(wh),
                                         "--files-per-batch", "1", "--workers", str(workers)),
                            env=cli_env(api_url), stdout=subprocess.DEVNULL, stderr=open(err, "w"), **kw)


@pytest.mark.timeout(400)
def test_sigterm_mid_run_exits_143_at_once_and_the_next_run_completes(wire_reports, prefect_api_url,
                                                                      polled_wire_run, tmp_path):
    wh, err = tmp_path / "wh", tmp_path / "stderr.txt"
    proc = _start_run(wire_reports, wh, prefect_api_url, err, workers=1)
    try:
        _wait_for_first_commit(wh, proc, workers=0)
        children = descendants(proc.pid)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=5) == 143  # within 5 s
    finally:
        proc.kill()
        proc.wait()
    assert err.read_text().splitlines() == [STOP_MESSAGE.format(name="SIGTERM")]
    assert all(_gone(pid) for pid in children), "a worker or server process outlived the run"
    assert 0 < _documents_committed(wh) < 8, "the run was not stopped mid-way"
    done = subprocess.run(dateline_cmd("run", "--input", str(wire_reports), "--warehouse", str(wh),
                                       "--workers", "1", "--files-per-batch", "100"),
                          env=cli_env(prefect_api_url), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _ids(wh) == _ids(polled_wire_run.warehouse)  # the same rows as a clean run
    assert not list(wh.rglob("*.tmp"))


@pytest.mark.timeout(300)
def test_sigint_to_the_process_group_exits_130_and_leaves_no_process(wire_reports, prefect_api_url, tmp_path):
    """Ctrl-C reaches the run and its workers together; the run, not the workers, decides."""
    wh, err = tmp_path / "wh", tmp_path / "stderr.txt"
    proc = _start_run(wire_reports, wh, prefect_api_url, err, workers=2, start_new_session=True)
    try:
        _wait_for_first_commit(wh, proc, workers=2)
        children = descendants(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=5) == 130
    finally:
        proc.kill()
        proc.wait()
    assert err.read_text().splitlines() == [STOP_MESSAGE.format(name="SIGINT")]
    assert len(children) >= 2 and all(_gone(pid) for pid in children)


@pytest.mark.timeout(60)
def test_a_blocked_read_never_delays_the_stop(tmp_path):
    """The work blocks forever opening a FIFO nobody writes to, and holds a child process."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code = textwrap.dedent(f"""
        import subprocess, sys
        from dateline.signals import run_stoppable
        def work():
            subprocess.Popen(["sleep", "600"])
            print("blocking", flush=True)
            return open({str(fifo)!r}).read()
        run_stoppable(work)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], env=cli_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "blocking"
        time.sleep(0.2)
        children = descendants(proc.pid)
        assert children
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=5) == 143
    finally:
        proc.kill()
        proc.wait()
    assert proc.stderr.read().splitlines() == [STOP_MESSAGE.format(name="SIGTERM")]
    assert all(_gone(pid) for pid in children)
