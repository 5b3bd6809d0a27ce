"""How fast `dateline report` writes a big report, how big it is, and how fast Chromium opens it.

    python bench/bench_report.py WAREHOUSE [--build TML_DIR] [--runs 3]

WAREHOUSE is built first with `dateline run --input TML_DIR` when --build is given (for the
figures in the README: all 2,452 TE3-silver articles). The write time is the whole
`dateline report` command (Python start-up and imports included), best and median of --runs,
with its CPU time (user + system) and the machine's load average, since wall times on a shared
machine stretch with its load.
The open time is from navigation to every chart drawn (the page sets
data-state="ready"), in a headless Chromium already started, with the CPU time of all
Chromium's processes meanwhile, plus the same for the document view of the document with the
most events. Console errors and requests other than the file
itself are counted. Targets (issue #15): written in <= 10 s, <= 15 MB, open in <= 3 s.
Results go to bench/out/report.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from _measure import _children, env_without_prefect_home, run_measured  # noqa: E402

from tests.report.chromium import Browser  # noqa: E402

READY = "['ready', 'error'].includes(document.documentElement.dataset.state) && document.documentElement.dataset.state"


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and its descendants so far (Linux /proc)."""
    total, stack, seen, tick = 0.0, [pid], set(), os.sysconf("SC_CLK_TCK")
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            continue
        stack += _children(p)
    return total


def open_times(report: Path, runs: int) -> dict:
    """Seconds from navigation to all charts drawn, and for the busiest document's view."""
    overview, cpu, docview = [], [], []
    with Browser() as b:
        for _ in range(runs):
            cpu0 = tree_cpu_seconds(b.proc.pid)
            start = time.monotonic()
            b.open(report, timeout=120)
            state = b.wait_for(READY, timeout=120, every=0.01)
            overview.append(time.monotonic() - start)
            cpu.append(tree_cpu_seconds(b.proc.pid) - cpu0)
            if state != "ready":
                sys.exit(f"the report did not draw: {b.errors()}")
            doc = b.evaluate("JSON.parse(document.getElementById('dateline-data').textContent).documents"
                             ".reduce((a, d) => (d.events > a.events ? d : a)).doc_id")
            start = time.monotonic()
            b.evaluate(f"location.hash = '#doc/{doc}'")
            b.wait_for(f"document.documentElement.dataset.docview === '{doc}'", timeout=60, every=0.01)
            docview.append(time.monotonic() - start)
        errors = b.errors()
        requests = {u for u in b.requests if u != report.resolve().as_uri()}
        charts = b.evaluate("document.querySelectorAll('#overview .chart[data-drawn=true]').length")
    return {"open_seconds_best": round(min(overview), 2), "open_seconds_median": round(statistics.median(overview), 2),
            "open_cpu_seconds_median": round(statistics.median(cpu), 2),
            "document_view_seconds_median": round(statistics.median(docview), 2),
            "charts_drawn": charts, "console_errors": len(errors), "other_requests": sorted(requests)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("--build", type=Path, metavar="TML_DIR", help="first build the warehouse from these files")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    py = sys.executable
    if args.build:
        built = run_measured([py, "-m", "dateline.cli", "run", "--input", str(args.build),
                              "--warehouse", str(args.warehouse)], env=env_without_prefect_home(args.warehouse))
        if built["returncode"] != 0:
            sys.exit(f"dateline run failed:\n{built['output_tail']}")
    out = Path(tempfile.mkdtemp(prefix="dateline-report-")) / "report.html"
    writes = []
    for _ in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        r = run_measured([py, "-m", "dateline.cli", "report", "--warehouse", str(args.warehouse), "--out", str(out)])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if r["returncode"] != 0:
            sys.exit(f"dateline report failed:\n{r['output_tail']}")
        r["cpu_seconds"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        writes.append(r)
    counts = subprocess.run([py, "-m", "dateline.cli", "query", "--warehouse", str(args.warehouse), "--format", "json",
                             "select (select count(*) from documents) as documents, (select count(*) from events) as events,"
                             " (select count(*) from time_expressions) as time_expressions"],
                            capture_output=True, text=True, check=True).stdout
    result = {
        **json.loads(counts),
        "write_seconds_best": round(min(w["seconds"] for w in writes), 2),
        "write_seconds_median": round(statistics.median(w["seconds"] for w in writes), 2),
        "write_cpu_seconds_median": round(statistics.median(w["cpu_seconds"] for w in writes), 2),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "write_peak_mb": round(max(w["peak_rss_bytes"] for w in writes) / 2**20),
        "size_mb": round(out.stat().st_size / 1e6, 2),
        **open_times(out, args.runs),
    }
    result["targets_met"] = (result["write_seconds_median"] <= 10 and result["size_mb"] <= 15
                             and result["open_seconds_median"] <= 3 and not result["console_errors"]
                             and not result["other_requests"])
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "report.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
