"""Helpers for benchmarks: run a command and sample the RSS of its whole process tree."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def tree_rss_bytes(pid: int) -> int:
    """Sum of VmRSS over ``pid`` and all its descendants (Linux /proc)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
                    break
        except OSError:
            continue
        stack += _children(p)
    return total


def run_measured(cmd: list[str], env: dict | None = None, cwd: str | None = None, interval: float = 0.05) -> dict:
    """Run ``cmd``; return wall seconds, peak process-tree RSS (bytes), return code, output tail."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = {"rss": 0}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak["rss"] = max(peak["rss"], tree_rss_bytes(proc.pid))
            time.sleep(interval)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, _ = proc.communicate()
    stop.set()
    t.join()
    return {"seconds": time.perf_counter() - start, "peak_rss_bytes": peak["rss"], "returncode": proc.returncode,
            "output_tail": out[-2000:]}


def env_without_prefect_home(warehouse: Path) -> dict:
    env = dict(os.environ)
    env["PREFECT_HOME"] = str(warehouse / ".prefect")
    return env
