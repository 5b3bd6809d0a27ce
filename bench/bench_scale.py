"""Scale-out on Dask: same tables, scaling 1 -> 2 workers, per-task overhead, task-runner choice.

    python bench/bench_scale.py TML_DIR [--section all|tables|cli|scaling|overhead|runner]

Sections (TE3-silver articles, results in bench/out/bench_scale.json, merged per section):

* ``tables``   — `dateline run` over 300 articles on one machine (the process pool), with
  ``--cluster local`` and with ``--cluster tcp://127.0.0.1:PORT`` (a `dask scheduler` and two
  `dask worker` processes started here): every table's rows (ids and values, write times aside)
  must be identical;
* ``cli``      — the whole command over 1,000 articles, process pool vs ``--cluster local``,
  and each over 1 article (the fixed start-up), to choose the one-machine default;
* ``scaling``  — 1,000 articles through each backend with 1 and 2 workers, in-process: start-up
  (start + a first batch of 50 other articles) apart from the documents/s of the 1,000;
* ``overhead`` — 10,000 documents (the 1,000 repeated under new ids) on a 2-worker local
  cluster, batches of 500 as the flow sends them: Dask's task stream gives each task's compute
  time, and what the worker threads spent on anything else is the overhead;
* ``runner``   — the same 1,000 articles as Prefect tasks mapped on prefect-dask's
  ``DaskTaskRunner`` vs the flow's one task handing a batch to a Dask client (this backend).

The machine is shared: the load average is recorded with every figure.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _measure import env_without_prefect_home, run_measured  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "bench_scale.json"
WRITE_TIMES = {"documents": "ingested_at", "document_sources": "seen_at", "quarantine": "seen_at"}
TABLES = ("documents", "document_sources", "sentences", "time_expressions", "events", "event_clusters",
          "quarantine")
BATCH = 500  # the flow's default files per batch (one TE3 file is one document)


def load() -> float:
    return round(os.getloadavg()[0], 2)


def table_digests(warehouse: Path) -> dict[str, dict]:
    """Row count and a digest of the sorted rows (all columns but write times) of every table."""
    import duckdb

    from transforms.warehouse.store import ParquetStore

    store = ParquetStore(warehouse)
    out = {}
    with duckdb.connect() as con:
        for table in TABLES:
            files = [str(p) for p in store.files(table)]
            if not files:
                out[table] = {"rows": 0, "sha256": None}
                continue
            cols = f"* EXCLUDE ({WRITE_TIMES[table]})" if table in WRITE_TIMES else "*"
            rows = con.execute(f"SELECT {cols} FROM read_parquet({files!r}, hive_partitioning = true) "
                               "ORDER BY ALL").fetchall()
            out[table] = {"rows": len(rows), "sha256": hashlib.sha256(repr(rows).encode()).hexdigest()[:16]}
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ExternalCluster:
    """`dask scheduler` and N `dask worker` processes on 127.0.0.1, stopped by pid."""

    def __init__(self, work: Path, workers: int = 2) -> None:
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        env = dict(os.environ, DASK_LOGGING__DISTRIBUTED="warning")
        self.log = open(work / "cluster.log", "w")
        py = sys.executable
        self.procs = [subprocess.Popen([py, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port",
                                        str(self.port), "--no-dashboard"], env=env, stdout=self.log,
                                       stderr=self.log)]
        self.procs += [subprocess.Popen([py, "-m", "dask", "worker", self.address, "--host", "127.0.0.1",
                                         "--nthreads", "1", "--no-dashboard", "--local-directory",
                                         str(work / f"worker{i}")], env=env, stdout=self.log, stderr=self.log)
                       for i in range(workers)]
        from distributed import Client

        with Client(self.address, timeout=120) as client:
            client.wait_for_workers(workers, timeout=120)

    def stop(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                os.kill(p.pid, signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(p.pid, signal.SIGKILL)
                p.wait()
        self.log.close()


def copy_inputs(files: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def cli_run(inputs: Path, wh: Path, *extra: str) -> dict:
    r = run_measured([sys.executable, "-m", "dateline.cli", "run", "--input", str(inputs), "--warehouse", str(wh),
                      *extra], env=env_without_prefect_home(wh))
    if r["returncode"] != 0:
        sys.exit(f"dateline run {' '.join(extra)} failed:\n{r['output_tail']}")
    return {"seconds": round(r["seconds"], 2), "peak_mb": round(r["peak_rss_bytes"] / 2**20), "load": load()}


# ------------------------------------------------------------------------ sections

def section_tables(files: list[Path], work: Path, n: int = 300) -> dict:
    inputs = copy_inputs(files[:n], work / "tables-in")
    runs, digests = {}, {}
    runs["one machine (process pool)"] = cli_run(inputs, work / "wh-pool")
    digests["pool"] = table_digests(work / "wh-pool")
    runs["--cluster local (2 workers)"] = cli_run(inputs, work / "wh-local", "--cluster", "local", "--workers", "2")
    digests["local"] = table_digests(work / "wh-local")
    cluster = ExternalCluster(work)
    try:
        runs["--cluster tcp:// (scheduler + 2 worker processes)"] = cli_run(inputs, work / "wh-tcp", "--cluster",
                                                                           cluster.address)
        runs["--cluster tcp:// (scheduler + 2 worker processes)"]["note"] = "peak_mb is the driver only"
        digests["tcp"] = table_digests(work / "wh-tcp")
    finally:
        cluster.stop()
    same = digests["pool"] == digests["local"] == digests["tcp"]
    return {"docs": n, "identical_tables": same, "rows": {t: d["rows"] for t, d in digests["pool"].items()},
            "digests": digests, "runs": runs}


def section_cli(files: list[Path], work: Path, n: int = 1000) -> dict:
    inputs = copy_inputs(files[:n], work / "cli-in")
    one = copy_inputs(files[n:n + 1], work / "cli-one")
    out = {}
    for name, extra in (("process pool (default)", ()), ("--cluster local", ("--cluster", "local"))):
        tiny = cli_run(one, work / f"wh-one-{len(extra)}", "--workers", "2", *extra)
        full = cli_run(inputs, work / f"wh-cli-{len(extra)}", "--workers", "2", *extra)
        out[name] = {"1 article (fixed start-up)": tiny, f"{n} articles": full,
                     "docs_per_s_beyond_start_up": round((n - 1) / max(0.01, full["seconds"] - tiny["seconds"]), 2)}
    return {"docs": n, "workers": 2, "runs": out}


def ingest_docs(files: list[Path]) -> list:
    from flows.pipeline import ingest_files
    from transforms import ingest

    docs, bad = ingest_files.fn([str(f) for f in files], ingest.IngestOptions())
    return docs


def renamed(docs: list, copy: int) -> list:
    from transforms.core.ids import stable_id

    return [dataclasses.replace(d, doc_id=stable_id(d.doc_id, "copy", copy)) for d in docs]


def _backend(kind: str):
    if kind == "pool":
        from transforms.pipeline.workers import WorkerPool

        return WorkerPool()
    from transforms.pipeline.dask_backend import DaskPool

    return DaskPool("local")


def tree_cpu_seconds() -> float:
    """CPU time (user + system) of this process and every process below it."""
    import psutil

    me = psutil.Process()
    total = 0.0
    for p in [me, *me.children(recursive=True)]:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def timed_backend(kind: str, workers: int, warm_docs: list, docs: list, now: dt.datetime) -> dict:
    pool = _backend(kind)
    t0 = time.perf_counter()
    pool.start(workers)
    pool.process(warm_docs, workers=workers, now=now)
    startup = time.perf_counter() - t0
    cpu0 = tree_cpu_seconds()
    t1 = time.perf_counter()
    n_rows = 0
    for i in range(0, len(docs), BATCH):
        rows = pool.process(docs[i:i + BATCH], workers=workers, now=now)
        n_rows += sum(len(r) for r in rows.values())
    seconds = time.perf_counter() - t1
    cpu = tree_cpu_seconds() - cpu0
    pool.stop()
    return {"start_up_s": round(startup, 2), "process_s": round(seconds, 2),
            "docs_per_s": round(len(docs) / seconds, 2), "rows": n_rows,
            "cpu_s": round(cpu, 1), "cpu_ms_per_doc": round(1000 * cpu / len(docs), 1),
            "cores_obtained": round(cpu / seconds, 2), "load": load()}


def section_scaling(files: list[Path], n: int = 1000) -> dict:
    docs = ingest_docs(files[:n])
    warm = renamed(ingest_docs(files[n:n + 50]), 0)
    now = dt.datetime.now(dt.UTC)
    out: dict = {"docs": len(docs), "start_up": "start + a first batch of 50 other articles"}
    for kind in ("dask-local", "pool"):
        r1 = timed_backend(kind, 1, warm, docs, now)
        r2 = timed_backend(kind, 2, warm, docs, now)
        out[kind] = {"1 worker": r1, "2 workers": r2, "speed_up": round(r2["docs_per_s"] / r1["docs_per_s"], 2),
                     # what 2 workers would give with a core each: the 1-worker CPU cost per document
                     # over the 2-worker one, times 2 (a load-independent reading of the same runs)
                     "speed_up_per_cpu": round(2 * r1["cpu_ms_per_doc"] / r2["cpu_ms_per_doc"], 2)}
    out["note"] = "pool with 1 worker runs in-process (no worker process at all)"
    return out


def _overhead_run(pool, docs: list, threads: int, now: dt.datetime, depth: int) -> dict:
    """The batches of ``docs`` through ``pool`` as the flow feeds them: ``depth`` batches in
    flight (:func:`transforms.pipeline.ahead.ahead`; 1 = one batch after the other)."""
    from concurrent.futures import ThreadPoolExecutor

    from distributed import get_task_stream

    from transforms.pipeline.ahead import ahead

    batches = [docs[i:i + BATCH] for i in range(0, len(docs), BATCH)]
    with get_task_stream(pool.client) as stream, ThreadPoolExecutor(depth) as threads_pool:
        t0 = time.perf_counter()
        for _, computing in ahead(batches, lambda b: threads_pool.submit(pool.process, b, now=now), depth):
            computing.result()
        wall = time.perf_counter() - t0
    tasks = [t for t in stream.data if str(t["key"]).startswith("process-batch")]
    compute = sum(s["stop"] - s["start"] for t in tasks for s in t["startstops"] if s["action"] == "compute")
    other = sum(s["stop"] - s["start"] for t in tasks for s in t["startstops"] if s["action"] != "compute")
    busy = threads * wall
    return {"batches_in_flight": depth, "tasks": len(tasks), "wall_s": round(wall, 2),
            "docs_per_s": round(len(docs) / wall, 2), "mean_task_compute_s": round(compute / len(tasks), 3),
            "task_stream_non_compute_pct": round(100 * other / compute, 3),
            "overhead_pct_of_work": round(100 * (busy - compute) / compute, 2),
            "overhead_s_per_task": round((busy - compute) / len(tasks), 4), "load": load()}


def section_overhead(files: list[Path], n: int = 10_000, distinct: int = 1000) -> dict:
    """Worker idle time at 10,000 documents: batches fed as the flow feeds them (two in flight)
    and, as the same-run baseline, one batch after the other."""
    from transforms.pipeline.ahead import DEPTH
    from transforms.pipeline.dask_backend import DaskPool

    base = ingest_docs(files[:distinct])
    docs = [d for copy in range(-(-n // len(base))) for d in renamed(base, copy + 1)][:n]
    now = dt.datetime.now(dt.UTC)
    pool = DaskPool("local")
    threads = pool.start(2)
    pool.process(renamed(base[:50], 0), now=now)  # warm
    runs = {f"{depth} in flight": _overhead_run(pool, docs, threads, now, depth) for depth in (DEPTH, 1)}
    pool.stop()
    return {"docs": len(docs), "batches": -(-len(docs) // BATCH), "threads": threads, **runs,
            "definition": "overhead = worker-thread time not spent computing (threads x wall - sum of task "
                          "compute) over the sum of task compute; includes scheduling, (de)serialisation, "
                          "transfers, the driver's work between batches and the wait for a batch's last task"}


def section_runner(files: list[Path], work: Path, n: int = 1000) -> dict:
    """DaskTaskRunner (Prefect tasks over chunks on Dask) vs the flow's task using a Dask client."""
    os.environ["PREFECT_HOME"] = str(work / "prefect")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from dateline.prefect_home import seed

    seed(Path(os.environ["PREFECT_HOME"]))  # an already migrated database, as the CLI does
    from distributed import Client, LocalCluster
    from prefect import flow, task, unmapped
    from prefect.cache_policies import NO_CACHE
    from prefect.utilities.annotations import quote
    from prefect_dask import DaskTaskRunner

    from transforms.pipeline.dask_backend import DaskPool, WarmUp, chunks
    from transforms.pipeline.process import process_batch

    docs = ingest_docs(files[:n])
    now = dt.datetime.now(dt.UTC)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        client.register_plugin(WarmUp())

        @task(name="process-chunk", cache_policy=NO_CACHE)
        def process_chunk(part: list, now: dt.datetime) -> dict:
            return process_batch(part, now)

        batches = [docs[i:i + BATCH] for i in range(0, len(docs), BATCH)]

        def mapped(batch: list) -> list:
            return [f.result() for f in process_chunk.map(chunks(batch, 2), unmapped(now))]

        @flow(name="bench-dask-task-runner", task_runner=DaskTaskRunner(address=cluster.scheduler_address))
        def on_task_runner() -> tuple[float, float]:
            warm = time.perf_counter()
            mapped(batches[0][:40])
            t0 = time.perf_counter()
            for batch in batches:
                mapped(batch)
            return t0 - warm, time.perf_counter() - t0

        pool = DaskPool(cluster.scheduler_address)

        @task(name="process-documents", cache_policy=NO_CACHE)
        def process_documents(batch: list) -> dict:
            return pool.process(batch, now=now)

        @flow(name="bench-dask-client")
        def on_client() -> tuple[float, float]:
            warm = time.perf_counter()
            process_documents(quote(batches[0][:40]))
            t0 = time.perf_counter()
            for batch in batches:
                process_documents(quote(batch))
            return t0 - warm, time.perf_counter() - t0

        out = {}
        for name, fn in (("client in the process task (this backend)", on_client),
                         ("DaskTaskRunner, one Prefect task per chunk", on_task_runner)):
            first, seconds = fn()
            out[name] = {"first_batch_s": round(first, 2), "process_s": round(seconds, 2),
                         "docs_per_s": round(len(docs) / seconds, 2), "load": load()}
        pool.stop()
    tasks = sum(len(chunks(b, 2)) for b in batches)
    client_s, runner_s = (r["process_s"] for r in out.values())
    return {"docs": len(docs), "workers": 2, "tasks": tasks, "runs": out,
            "task_runner_extra_s_per_task": round((runner_s - client_s) / tasks, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tml_dir", type=Path)
    ap.add_argument("--section", choices=["all", "tables", "cli", "scaling", "overhead", "runner"], default="all")
    args = ap.parse_args()
    files = sorted(args.tml_dir.glob("*.tml"))
    if len(files) < 1100:
        sys.exit(f"need at least 1,100 .tml files in {args.tml_dir}")
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    result = json.loads(OUT.read_text()) if OUT.exists() else {}
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-scale-"))
    sections = ["tables", "cli", "scaling", "overhead", "runner"] if args.section == "all" else [args.section]
    try:
        for name in sections:
            t0 = time.perf_counter()
            if name == "tables":
                result[name] = section_tables(files, work)
            elif name == "cli":
                result[name] = section_cli(files, work)
            elif name == "scaling":
                result[name] = section_scaling(files)
            elif name == "overhead":
                result[name] = section_overhead(files)
            else:
                result[name] = section_runner(files, work)
            result[name]["bench_seconds"] = round(time.perf_counter() - t0, 1)
            result[name]["cores"] = os.cpu_count()
            OUT.parent.mkdir(exist_ok=True)
            OUT.write_text(json.dumps(result, indent=2, default=str))
            print(json.dumps({name: result[name]}, indent=2, default=str), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
