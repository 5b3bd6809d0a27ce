"""End-to-end throughput and memory of `dateline run` vs spaCy small alone, in the same run.

    python bench/bench_pipeline.py TML_DIR [--docs 1000]

Both sides get the same N TimeML articles (TE3-silver). The baseline is spaCy's small English
pipeline, all components, one process, nlp.pipe (bench/spacy_baseline.py). Dateline is the
full `dateline run` (ingest -> Parquet -> DuckDB, Prefect's temporary API included) on a fresh
warehouse, then a second no-change run over the same inputs. Peak memory is the RSS of the
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tml_dir", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    files = sorted(args.tml_dir.glob("*.tml"))[: args.docs]
    if not files:
        sys.exit(f"no .tml files in {args.tml_dir}")
    n = len(files)
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    try:
        inputs = work / "in"
        inputs.mkdir()
        for f in files:
            shutil.copy(f, inputs / f.name)
        wh = work / "wh"
        env = env_without_prefect_home(wh)
        py = sys.executable
        base = run_measured([py, str(HERE / "spacy_baseline.py"), str(inputs), str(n)], env=env)
        first = run_measured([py, "-m", "dateline.cli", "run", "--input", str(inputs), "--warehouse", str(wh),
                              "--workers", str(args.workers)], env=env)
        again = run_measured([py, "-m", "dateline.cli", "run", "--input", str(inputs), "--warehouse", str(wh),
                              "--workers", str(args.workers)], env=env)
        for name, r in (("spacy", base), ("dateline", first), ("dateline-rerun", again)):
            if r["returncode"] != 0:
                sys.exit(f"{name} failed:\n{r['output_tail']}")
        result = {
            "docs": n,
            "spacy_small_all_components": {"seconds": round(base["seconds"], 2),
                                           "docs_per_s": round(n / base["seconds"], 2),
                                           "peak_mb": round(base["peak_rss_bytes"] / 2**20)},
            "dateline_run": {"seconds": round(first["seconds"], 2), "docs_per_s": round(n / first["seconds"], 2),
                             "peak_mb": round(first["peak_rss_bytes"] / 2**20), "workers": args.workers},
            "dateline_rerun_no_change": {"seconds": round(again["seconds"], 2),
                                         "peak_mb": round(again["peak_rss_bytes"] / 2**20)},
        }
        result["throughput_ratio"] = round(base["seconds"] / first["seconds"], 2)
        out = HERE / "out"
        out.mkdir(exist_ok=True)
        (out / "bench_pipeline.json").write_text(json.dumps(result, indent=2))
        print(json.dumps(result, indent=2))
        print(first["output_tail"][-1200:])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
