"""End-to-end throughput and memory of `dateline run` vs spaCy small alone, in the same run.

    python bench/bench_pipeline.py TML_DIR [--docs 1000]

Both sides get the same N TimeML articles (TE3-silver). The baseline is spaCy's small English
pipeline, all components, one process, nlp.pipe (bench/spacy_baseline.py). Dateline is the
full `dateline run` (ingest -> Parquet -> DuckDB, Prefect's temporary API included) on a fresh
warehouse, then a second no-change run over the same inputs, then a run that adds 20 more
articles (the next 20 files of the folder) to that warehouse. Peak memory is the RSS of the
whole process tree (workers included), sampled every 50 ms. Results go to bench/out/.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import env_without_prefect_home, run_measured  # noqa: E402

HERE = Path(__file__).resolve().parent


def _mb(r: dict) -> int:
    return round(r["peak_rss_bytes"] / 2**20)


def dateline_series(work: Path, files: list[Path], extra: list[Path], workers: int,
                    pythonpath: str | None = None) -> dict:
    """First run on a new warehouse, no-change re-run, run adding ``extra``: seconds and peak MB."""
    inputs, wh = work / "in", work / "wh"
    inputs.mkdir(parents=True)
    for f in files:
        shutil.copy(f, inputs / f.name)
    env = env_without_prefect_home(wh)
    env["PYTHONPATH"] = pythonpath or str(HERE.parent)
    cmd = [sys.executable, "-m", "dateline.cli", "run", "--input", str(inputs), "--warehouse", str(wh),
           "--workers", str(workers)]
    # `python -m` imports from the working directory first: run from the tree being measured
    cwd = pythonpath or str(HERE.parent)
    runs = {"first": run_measured(cmd, env=env, cwd=cwd), "rerun_no_change": run_measured(cmd, env=env, cwd=cwd)}
    for f in extra:
        shutil.copy(f, inputs / f.name)
    runs[f"add_{len(extra)}"] = run_measured(cmd, env=env, cwd=cwd)
    for name, r in runs.items():
        if r["returncode"] != 0:
            sys.exit(f"dateline {name} failed:\n{r['output_tail']}")
    out: dict = {name: {"seconds": round(r["seconds"], 2), "peak_mb": _mb(r)} for name, r in runs.items()}
    first = runs["first"]["seconds"]
    out["first"]["docs_per_s"] = round(len(files) / first, 2)
    out["rerun_share_of_first"] = round(runs["rerun_no_change"]["seconds"] / first, 3)
    out[f"add_{len(extra)}_share_of_first"] = round(runs[f"add_{len(extra)}"]["seconds"] / first, 3)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tml_dir", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--add", type=int, default=20, help="articles added by the last run")
    ap.add_argument("--baseline-tree", help="also run the series with PYTHONPATH set to this source tree")
    args = ap.parse_args()
    every = sorted(args.tml_dir.glob("*.tml"))
    files, extra = every[: args.docs], every[args.docs: args.docs + args.add]
    if not files:
        sys.exit(f"no .tml files in {args.tml_dir}")
    n = len(files)
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        for f in files:
            shutil.copy(f, corpus / f.name)
        base = run_measured([sys.executable, str(HERE / "spacy_baseline.py"), str(corpus), str(n)])
        if base["returncode"] != 0:
            sys.exit(f"spacy failed:\n{base['output_tail']}")
        result: dict = {"docs": n, "workers": args.workers,
                        "spacy_small_all_components": {"seconds": round(base["seconds"], 2),
                                                       "docs_per_s": round(n / base["seconds"], 2),
                                                       "peak_mb": _mb(base)}}
        series = {"dateline": None}
        if args.baseline_tree:
            series = {"baseline_tree": args.baseline_tree, "dateline": None}
        for name, tree in series.items():
            d = dateline_series(work / name, files, extra, args.workers, tree)
            d["throughput_ratio_vs_spacy"] = round(base["seconds"] / d["first"]["seconds"], 2)
            result[name] = d
        out = HERE / "out"
        out.mkdir(exist_ok=True)
        (out / "bench_pipeline.json").write_text(json.dumps(result, indent=2))
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
