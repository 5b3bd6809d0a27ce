"""End-to-end throughput and memory of `dateline run` vs spaCy small alone, in the same run.

    python bench/bench_pipeline.py TML_DIR [--docs 1000] [--growth] [--baseline-tree DIR]

Both sides get the same N TimeML articles (TE3-silver). The baseline is spaCy's small English
pipeline, all components, one process, nlp.pipe (bench/spacy_baseline.py). Dateline is the
full `dateline run` (ingest -> Parquet -> DuckDB, Prefect's temporary API included) on a fresh
warehouse, then a second no-change run over the same inputs, then a run that adds 20 more
articles (the next 20 files of the folder) to that warehouse. Peak memory is the RSS of the
whole process tree (workers included), sampled every 50 ms. Results go to bench/out/.

``--growth`` then measures a run adding 20 new articles to warehouses of 0, 2,500 and 25,000
documents. The larger ones are built cheaply from the first run's warehouse: its rows are
repeated under new ids (the first three hex digits of every id replaced by "r" and the copy number) and
written directly with the store, one file per table and month, nothing parsed again. The load
average is recorded with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
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
                    pythonpath: str | None = None, keep: bool = False) -> dict:
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
    runs = {"first": run_measured(cmd, env=env, cwd=cwd)}
    if keep:  # the first run's warehouse, the source of --growth's larger warehouses
        shutil.copytree(wh / "parquet", work / "first-wh" / "parquet")
    runs["rerun_no_change"] = run_measured(cmd, env=env, cwd=cwd)
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


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _copies(tbl, copy: int):  # noqa: ANN001, ANN202 - pyarrow tables
    """``tbl`` with every string ``*_id`` column under copy ``copy``'s ids (same length)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if copy == 0:
        return tbl
    prefix = f"r{copy:02x}"  # "r" is no hex digit: never an original id
    for i, f in enumerate(tbl.schema):
        if f.name.endswith("_id") and pa.types.is_string(f.type):
            col = tbl.column(i)
            new = pc.binary_join_element_wise(pa.scalar(prefix), pc.utf8_slice_codeunits(col, 3), "")
            tbl = tbl.set_column(i, f, new.cast(f.type))  # the same field: nullability kept
    return tbl


def build_warehouse(source: Path, target: Path, n_docs: int) -> int:
    """A warehouse of ``n_docs`` documents: ``source``'s rows repeated under new ids; returns docs."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from transforms.warehouse import contract, publish
    from transforms.warehouse.store import ParquetStore

    src = ParquetStore(source)
    ids = sorted(src.read("documents", ["doc_id"]).column("doc_id").to_pylist())
    store = ParquetStore(target)
    with store.batch(after_commit=lambda m: publish.publish(target, m)) as b:
        for name in ("documents", "document_sources", "sentences", "time_expressions", "events"):
            whole = src.read(name)
            parts = []
            for copy in range(-(-n_docs // len(ids))):
                keep = ids[: n_docs - copy * len(ids)]
                part = whole if len(keep) == len(ids) else whole.filter(
                    pc.is_in(whole.column("doc_id"), value_set=pa.array(keep)))
                parts.append(_copies(part, copy))
            tbl = pa.concat_tables(parts)
            month_col = contract.table(name).partition
            for month in sorted(set(tbl.column(month_col).to_pylist())):
                rows = tbl.filter(pc.equal(tbl.column(month_col), month)).drop_columns([month_col])
                b._write(name, month, rows)  # the store's own writer: durable, in the manifest
    return min(n_docs, -(-n_docs // len(ids)) * len(ids))


def growth_series(work: Path, source_wh: Path, extra: list[Path], workers: int, sizes: tuple[int, ...],
                  pythonpath: str | None = None) -> dict:
    """A run adding ``extra`` to a warehouse of each size (documents built from ``source_wh``)."""
    inputs = work / "growth-in"
    inputs.mkdir(parents=True)
    for f in extra:
        shutil.copy(f, inputs / f.name)
    out: dict = {}
    for size in sizes:
        wh = work / f"growth-{size}"
        wh.mkdir()
        if size:
            build_warehouse(source_wh, wh, size)
        env = env_without_prefect_home(wh)
        env["PYTHONPATH"] = pythonpath or str(HERE.parent)
        cmd = [sys.executable, "-m", "dateline.cli", "run", "--input", str(inputs), "--warehouse", str(wh),
               "--workers", str(workers)]
        load = _load()
        r = run_measured(cmd, env=env, cwd=pythonpath or str(HERE.parent))
        if r["returncode"] != 0:
            sys.exit(f"dateline growth {size} failed:\n{r['output_tail']}")
        out[str(size)] = {"seconds": round(r["seconds"], 2), "peak_mb": _mb(r), "load_before": load,
                          "load_after": _load()}
        shutil.rmtree(wh, ignore_errors=True)
    first, last = out[str(sizes[0])]["seconds"], out[str(sizes[-1])]["seconds"]
    out["largest_over_empty"] = round(last / first, 2)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tml_dir", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--add", type=int, default=20, help="articles added by the last run")
    ap.add_argument("--baseline-tree", help="also run the series with PYTHONPATH set to this source tree")
    ap.add_argument("--growth", action="store_true",
                    help="then a run adding --add articles to warehouses of 0, 2,500 and 25,000 documents")
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
        result["spacy_small_all_components"]["load_after"] = _load()
        for name, tree in series.items():
            load = _load()
            d = dateline_series(work / name, files, extra, args.workers, tree, keep=args.growth)
            d["throughput_ratio_vs_spacy"] = round(base["seconds"] / d["first"]["seconds"], 2)
            d["load_before"], d["load_after"] = load, _load()
            result[name] = d
        if args.growth:
            grow = every[args.docs + args.add: args.docs + 2 * args.add]
            g = growth_series(work / "growth", work / "dateline" / "first-wh", grow, args.workers,
                              (0, 2500, 25000))
            g["add_share_of_1000_first_run"] = round(g["25000"]["seconds"] / result["dateline"]["first"]["seconds"], 3)
            result["growth"] = g
        out = HERE / "out"
        out.mkdir(exist_ok=True)
        (out / "bench_pipeline.json").write_text(json.dumps(result, indent=2))
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
