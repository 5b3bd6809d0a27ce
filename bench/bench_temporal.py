"""Benchmark: our TimeML annotation vs dateparser.search_dates over a TimeML corpus.

    .venv/bin/python bench/bench_temporal.py [/work/shared/data/corpora/te3-silver] [--every 10] [--workers 2]

The headline figure is the whole ``dateline timeml annotate IN OUT`` command (a subprocess:
start-up, reads and writes included). Our side also runs ``transforms.temporal.timeml.annotate_text`` (parse the .tml, tag the TEXT, rebuild the
document: what ``annotate_dir`` does minus the file write) on every document, single process and
with a process pool. dateparser runs ``search_dates(text, languages=["en"],
settings={"RELATIVE_BASE": dct})`` on every N-th document (it is slow) on the same texts, in the
same run; the speed ratio is docs/s against docs/s. Peak RSS (ru_maxrss) is recorded after each
phase. Writes ``bench/out/bench_temporal.json``.

On a shared, loaded machine one timing of each side is noise: the command and dateparser run
``--repeat`` times, alternately, and the best (shortest) wall time of each is what the ratio uses
(the usual best-of-N of timeit); the CPU seconds of each side (the command's worker processes
included, ``RUSAGE_CHILDREN``) give a second ratio that load moves much less.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transforms.temporal import load as lexicon  # noqa: E402
from transforms.temporal.timeml import annotate_text, parse_tml  # noqa: E402

DEFAULT = "/work/shared/data/corpora/te3-silver"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _annotate(src: str) -> int:
    return len(annotate_text(src))


def _init() -> None:
    lexicon()


def _cli(tml_dir: str, workers: int) -> tuple[float, float]:
    """(wall s, CPU s of the process tree) of ``dateline timeml annotate`` as a user runs it
    (process start, file reads and writes included)."""
    with tempfile.TemporaryDirectory(prefix="timeml-bench-") as tmp:
        cpu0 = _children_cpu()
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dateline.cli", "timeml", "annotate", tml_dir, tmp,
                        "--workers", str(workers)], check=True, stdout=subprocess.DEVNULL,
                       cwd=Path(__file__).resolve().parent.parent)
        return time.perf_counter() - t0, _children_cpu() - cpu0


def _dateparser(sample: list) -> tuple[float, float, int]:
    """(wall s, CPU s, expressions found) of dateparser.search_dates over ``sample``."""
    import dateparser.search

    cpu0 = time.process_time()
    t0 = time.perf_counter()
    found = 0
    for d in sample:
        base = dt.datetime.combine(d.dct or dt.date(2000, 1, 1), dt.time())
        r = dateparser.search.search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": base})
        found += len(r or [])
    return time.perf_counter() - t0, time.process_time() - cpu0, found


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("tml_dir", nargs="?", default=DEFAULT)
    ap.add_argument("--every", type=int, default=10, help="dateparser on every N-th document")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--repeat", type=int, default=3, help="runs of the command and of dateparser (best of)")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "out" / "bench_temporal.json"))
    a = ap.parse_args()

    files = sorted(Path(a.tml_dir).glob("*.tml"))
    srcs = [p.read_text(encoding="utf-8") for p in files]
    n = len(srcs)
    chars = sum(len(parse_tml(s).text) for s in srcs)
    lexicon()  # compile the rules once, outside the timing
    rss0 = _rss_mb()

    t0 = time.perf_counter()
    for s in srcs:
        _annotate(s)
    single_s = time.perf_counter() - t0
    rss_ours = _rss_mb()

    t0 = time.perf_counter()
    with Pool(a.workers, initializer=_init) as pool:
        pool.map(_annotate, srcs, chunksize=16)
    multi_s = time.perf_counter() - t0

    import dateparser.search

    sample = [parse_tml(s) for s in srcs[:: a.every]]
    dateparser.search.search_dates("warm up on Friday", languages=["en"])
    cli_runs, dp_runs = [], []
    for _ in range(max(1, a.repeat)):  # alternately, so that both sides see the same load
        cli_runs.append(_cli(a.tml_dir, a.workers))
        dp_runs.append(_dateparser(sample))
    cli_s, cli_cpu = min(cli_runs)
    dp_s, dp_cpu, found = min(dp_runs)
    rss_dp = _rss_mb()

    ours_single = n / single_s
    ours_multi = n / multi_s
    dp = len(sample) / dp_s
    res = {
        "corpus": a.tml_dir,
        "documents": n,
        "text_chars": chars,
        "ours_single_process_s": round(single_s, 3),
        "ours_single_process_docs_per_s": round(ours_single, 1),
        "ours_workers": a.workers,
        "ours_pool_s": round(multi_s, 3),
        "ours_pool_docs_per_s": round(ours_multi, 1),
        "repeat": a.repeat,
        "cli_annotate_s": round(cli_s, 3),
        "cli_annotate_all_s": [round(x[0], 3) for x in cli_runs],
        "cli_annotate_cpu_s": round(cli_cpu, 3),
        "cli_annotate_cpu_all_s": [round(x[1], 3) for x in cli_runs],
        "ratio_cli_annotate_cpu": round((n / cli_cpu) / (len(sample) / dp_cpu), 1),
        "cli_annotate_docs_per_s": round(n / cli_s, 1),
        "ratio_cli_annotate": round(n / cli_s / dp, 1),
        "dateparser_documents": len(sample),
        "dateparser_s": round(dp_s, 3),
        "dateparser_all_s": [round(x[0], 3) for x in dp_runs],
        "dateparser_cpu_s": round(dp_cpu, 3),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "dateparser_docs_per_s": round(dp, 2),
        "dateparser_expressions": found,
        "ratio_single_process": round(ours_single / dp, 1),
        "ratio_pool": round(ours_multi / dp, 1),
        "peak_rss_mb_before": round(rss0, 1),
        "peak_rss_mb_after_ours": round(rss_ours, 1),
        "peak_rss_mb_after_dateparser": round(rss_dp, 1),
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(f"ours: {ours_single:.1f} docs/s single process, {ours_multi:.1f} docs/s with {a.workers} workers "
          f"({n} docs)")
    print(f"dateparser.search_dates: {dp:.2f} docs/s ({len(sample)} docs, every {a.every}th)")
    print(f"`dateline timeml annotate` (whole command, {a.workers} workers): {n / cli_s:.1f} docs/s")
    print(f"CPU seconds: the command {cli_cpu:.2f} (workers included), dateparser {dp_cpu:.2f}: "
          f"{(n / cli_cpu) / (len(sample) / dp_cpu):.1f}x per CPU second")
    print(f"ratio: {n / cli_s / dp:.1f}x the command (best of {a.repeat}), {ours_single / dp:.1f}x single process in-process, "
          f"{ours_multi / dp:.1f}x pool")
    print(f"peak RSS: {rss_ours:.0f} MB after ours, {rss_dp:.0f} MB after dateparser")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
