"""Crash safety over real articles: clean run vs kill -9 + re-run vs a further re-run.

    python bench/crash_consistency.py TML_DIR [--docs 300] [--kill-after-batches 2]

Runs `dateline run` on N TE3-silver articles into warehouse A (uninterrupted) and into
warehouse B, where the run is killed with SIGKILL once some batches are committed, then run
again to completion, then once more. Prints row counts of documents, time_expressions and
events for the three states and the set equality of ids; exits 1 if anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

TABLES = {"documents": "doc_id", "time_expressions": "timex_id", "events": "event_id"}


def snapshot(wh: Path) -> dict:
    con = duckdb.connect(str(wh / "dateline.duckdb"), read_only=True)
    try:
        return {t: sorted(r[0] for r in con.execute(f"select {k} from {t}").fetchall()) for t, k in TABLES.items()}
    finally:
        con.close()


def run(inputs: Path, wh: Path, env: dict, batch: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dateline.cli", "run", "--input", str(inputs), "--warehouse",
                             str(wh), "--files-per-batch", str(batch)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("tml_dir", type=Path)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--files-per-batch", type=int, default=50)
    ap.add_argument("--kill-after-batches", type=int, default=2)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dateline-crash-"))
    try:
        inputs = work / "in"
        inputs.mkdir()
        for f in sorted(args.tml_dir.glob("*.tml"))[: args.docs]:
            shutil.copy(f, inputs / f.name)
        env = dict(os.environ, PREFECT_HOME=str(work / ".prefect"))
        a, b = work / "A", work / "B"
        p = run(inputs, a, env, args.files_per_batch)
        _, err = p.communicate()
        assert p.returncode == 0, err
        clean = snapshot(a)

        p = run(inputs, b, env, args.files_per_batch)
        # wait until K batches have been committed (the manifest names the committed files)
        current = b / "parquet" / "_current.json"
        while p.poll() is None:
            n_docs = 0
            if current.exists():
                try:
                    n_docs = sum(e["rows"] for e in json.loads(current.read_text())["tables"].get("documents", []))
                except (ValueError, KeyError):
                    pass
            if n_docs >= args.kill_after_batches * args.files_per_batch:
                os.kill(p.pid, signal.SIGKILL)
                break
            time.sleep(0.05)
        p.wait()
        killed = p.returncode == -signal.SIGKILL
        stray = [str(x) for x in (b / "parquet").rglob("*.tmp")]
        p = run(inputs, b, env, args.files_per_batch)
        _, err = p.communicate()
        assert p.returncode == 0, err
        after_crash = snapshot(b)
        p = run(inputs, b, env, args.files_per_batch)
        _, err = p.communicate()
        assert p.returncode == 0, err
        again = snapshot(b)
        report = {
            "docs": args.docs, "killed": killed, "stray_tmp_files_after_kill": len(stray),
            "counts": {name: {t: len(v) for t, v in snap.items()}
                       for name, snap in (("clean", clean), ("killed+rerun", after_crash), ("rerun", again))},
            "ids_identical": clean == after_crash == again,
        }
        print(json.dumps(report, indent=2))
        out = Path(__file__).resolve().parent / "out"
        out.mkdir(exist_ok=True)
        (out / "crash_consistency.json").write_text(json.dumps(report, indent=2))
        return 0 if report["ids_identical"] and killed else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
