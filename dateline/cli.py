"""The ``dateline`` command.

User errors (missing paths, bad SQL, unreadable warehouse, locked warehouse) print one line
on stderr and exit with status 2 (1 for a failed run or a full disk); no tracebacks. SIGTERM
and SIGINT stop ``run`` and ``repair`` at once with one line and status 143 / 130
(:mod:`dateline.signals`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path

from dateline import __version__
from transforms.settings import DEFAULTS

DEFAULT_INPUT = "seeds/articles"  # the embedded seed (packaged with the wheel): see settings.SEED_ARTICLES_DIR
DEFAULT_WAREHOUSE = DEFAULTS.warehouse


class UserError(Exception):
    """A mistake in how the command was called: one readable line, exit status 2."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _prefect_env(warehouse: Path) -> None:
    """Prefect state under the warehouse folder unless the user set PREFECT_HOME; quiet logs."""
    os.environ.setdefault("PREFECT_HOME", str(warehouse.resolve() / ".prefect"))
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    # the temporary local API server needs ~8 s on an idle machine; allow for a busy one
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")  # --cluster: Dask's warnings, not its chatter


class _DropKnownFailures(logging.Filter):
    """Drops log records (Prefect's task and flow failure reports) carrying an error the CLI
    reports itself in one line, so no traceback precedes that line."""

    def __init__(self, *types: type[BaseException]):
        super().__init__()
        self.types = types

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, self.types):
            return False
        return not any(t.__name__ in record.getMessage() for t in self.types)


def _quiet_prefect_about(*types: type[BaseException]) -> None:
    """Install :class:`_DropKnownFailures` on every handler of Prefect's loggers."""
    quiet = _DropKnownFailures(*types)
    loggers = [logging.getLogger()] + [logging.getLogger(name) for name in logging.Logger.manager.loggerDict
                                       if name.startswith("prefect")]
    for logger in loggers:
        for handler in logger.handlers:
            handler.addFilter(quiet)


def _print_table(columns: list[str], rows: list[tuple], title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(str(c))
    for r in rows:
        table.add_row(*["NULL" if v is None else str(v) for v in r])
    Console(width=max(120, len(columns) * 16)).print(table)


def _seed_articles() -> Path:
    """``seeds/articles`` in the working directory, else the seed packaged with Dateline."""
    local = Path(DEFAULT_INPUT)
    if local.exists():
        return local
    from transforms.settings import SEED_ARTICLES_DIR

    return SEED_ARTICLES_DIR


# ---------------------------------------------------------------------------- commands

def cmd_run(args: argparse.Namespace) -> int:
    inputs = [Path(p) for p in args.input] if args.input else [_seed_articles()]
    for p in inputs:
        if not p.exists():
            raise UserError(f"input path does not exist: {p}")
    warehouse = Path(args.warehouse)
    if warehouse.exists() and not warehouse.is_dir():
        raise UserError(f"warehouse is not a directory: {warehouse}")
    _prefect_env(warehouse)
    from dateline.signals import run_stoppable
    from flows.pipeline import ChecksFailed, dateline_flow
    from transforms.pipeline.backends import ClusterError, backend
    from transforms.warehouse.files import DiskFull
    from transforms.warehouse.lock import LockTimeout, warehouse_lock

    def work() -> dict:
        with warehouse_lock(warehouse.resolve(), timeout=args.lock_timeout):
            from dateline.prefect_home import seed

            seed(Path(os.environ["PREFECT_HOME"]))  # a new warehouse skips Prefect's migrations
            if args.cluster:
                from transforms.pipeline.dask_backend import shared_dask

                backend(args.cluster).start(args.workers)  # fails fast, in one line, on an unreachable scheduler
                # importing distributed (in start) set its loggers' levels: the Dask client's own
                # account of a lost scheduler adds nothing to the one line the CLI prints
                logging.getLogger("distributed.client").setLevel(logging.CRITICAL)
                print(f"computing on {shared_dask(args.cluster).describe()}", flush=True)
            else:
                _warm_workers_if_new(warehouse.resolve(), args.workers)
            return dateline_flow(
                inputs=[str(p.resolve()) for p in inputs], warehouse_dir=str(warehouse.resolve()),
                assume_published=args.assume_published, workers=args.workers,
                lock_timeout=args.lock_timeout, max_bytes=args.max_bytes, files_per_batch=args.files_per_batch,
                show_progress=sys.stderr.isatty(), cluster=args.cluster,
            )

    _quiet_prefect_about(DiskFull, LockTimeout, ChecksFailed, ClusterError)
    try:
        summary = run_stoppable(work)
    except (LockTimeout, ClusterError) as exc:
        raise UserError(str(exc)) from None
    except DiskFull as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 1
    except ChecksFailed as exc:
        print(f"dateline: run finished but data checks failed:\n{exc}", file=sys.stderr)
        return 1
    _print_summary(summary)
    return 0


def cmd_repair(args: argparse.Namespace) -> int:
    root = Path(args.warehouse).resolve()
    if not (root / "parquet").is_dir():
        raise UserError(f"no Parquet tables under {root} (run `dateline run` first)")
    from dateline.signals import run_stoppable
    from transforms.pipeline import repair
    from transforms.pipeline.workers import shared_pool
    from transforms.warehouse import publish
    from transforms.warehouse.files import DiskFull
    from transforms.warehouse.lock import LockTimeout, warehouse_lock
    from transforms.warehouse.store import ParquetStore

    def work() -> tuple[int, int, list[str]]:
        with warehouse_lock(root, timeout=args.lock_timeout):
            store = ParquetStore(root)
            removed = store.cleanup() + publish.cleanup_temp(root)
            try:
                report = repair.repair(store, lambda docs: shared_pool().process(docs, workers=args.workers),
                                       after_commit=lambda m: publish.publish(root, m))
            finally:
                shared_pool().stop()
            publish.publish(root)
            checked = sum(len(es) for es in store.snapshot().tables.values())
            return removed, checked, report.lines()

    try:
        removed, checked, lines = run_stoppable(work)
    except LockTimeout as exc:
        raise UserError(str(exc)) from None
    except DiskFull as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 1
    if removed:
        print(f"removed {removed} files left by an interrupted run")
    for line in lines:
        print(line)
    if not lines:
        print(f"warehouse {root} is whole: {checked} files checked (footer and row count); nothing to rebuild")
    return 0


def _warm_workers_if_new(warehouse: Path, workers: int | None) -> None:
    """On a warehouse without documents every input is work: start the workers now, so they
    load spaCy while Prefect's API server starts. Otherwise the flow starts them only when a
    batch has work for them (a run that finds nothing new never loads spaCy)."""
    from transforms.warehouse.store import ParquetStore

    if not ParquetStore(warehouse).partitions("documents"):
        from transforms.pipeline.workers import shared_pool

        shared_pool().start(workers)


def _print_summary(s: dict) -> None:
    from transforms.warehouse.publish import query

    counts = dict(zip(
        ["documents", "time_expressions", "events", "quarantine", "document_sources"],
        query(Path(s["warehouse"]), "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM time_expressions),"
              " (SELECT count(*) FROM events), (SELECT count(*) FROM quarantine),"
              " (SELECT count(*) FROM document_sources)")[1][0], strict=True))
    written = s["written"]
    rows = [(name, written.get(name, 0), counts[name]) for name in counts]
    _print_table(["table", "rows written this run", "rows in warehouse"], rows,
                 title=f"Dateline run: {s['items_seen']} items from {s['files']} files "
                       f"({s['new']} new, {s['changed']} changed, {s['unchanged']} unchanged, "
                       f"{s['quarantined']} quarantined)")
    from transforms.pipeline.summary import paths_line

    print("inputs: " + paths_line(s.get("paths", {})))
    for line in s.get("repairs", []):
        print(f"repair: {line}")
    if s["quarantine_reasons"]:
        top = sorted(s["quarantine_reasons"].items(), key=lambda kv: -kv[1])[:5]
        print("top quarantine reasons: " + ", ".join(f"{r} ({n})" for r, n in top))
    print(f"checks: {s['checks_passed']} passed")
    print(f"parquet: {Path(s['warehouse']) / 'parquet'}")
    print(f"duckdb:  {s['duckdb']}")


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from transforms.warehouse.publish import query

    try:
        cols, rows = query(Path(args.warehouse), args.sql)
    except FileNotFoundError as exc:
        raise UserError(str(exc)) from None
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        hint = " (a damaged or missing Parquet file: `dateline repair` rebuilds it)" if ".parquet" in first else ""
        raise UserError(f"query failed: {first}{hint}") from None
    if args.format == "json":
        for r in rows:
            print(json.dumps(dict(zip(cols, r, strict=True)), default=str))
    elif args.format == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        _print_table(cols, rows)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from transforms.warehouse.publish import publish

    root = Path(args.warehouse)
    if not (root / "parquet").exists():
        raise UserError(f"no Parquet tables under {root} (run `dateline run` first)")
    print(publish(root))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from transforms.report import Scope, build_report

    root = Path(args.warehouse)
    if not (root / "parquet").exists() and not (root / "dateline.duckdb").exists():
        raise UserError(f"no Dateline warehouse at {root} (run `dateline run --warehouse {root}` first)")
    try:
        scope = Scope(args.date_from, args.date_to, tuple(c.upper() for c in args.country or ()))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    out = Path(args.out) if args.out else root / "report.html"
    if out.exists() and out.is_dir():
        raise UserError(f"--out is a directory: {out}")
    print(build_report(root, out, scope).resolve())
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from transforms.warehouse.contract import write_data_dictionary

    print(write_data_dictionary())
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from dateline.serve_command import serve_command

    return serve_command(args)


def cmd_timeml_annotate(args: argparse.Namespace) -> int:
    from transforms.evaluation.timeml import annotate_dir

    if not Path(args.in_dir).is_dir():
        raise UserError(f"not a directory: {args.in_dir}")
    n = annotate_dir(Path(args.in_dir), Path(args.out_dir), workers=args.workers)
    print(f"annotated {n} files into {args.out_dir}")
    return 0


def cmd_timeml_score(args: argparse.Namespace) -> int:
    from transforms.evaluation.timeml import score_dirs

    for d in (args.gold_dir, args.system_dir):
        if not Path(d).is_dir():
            raise UserError(f"not a directory: {d}")
    result = score_dirs(Path(args.gold_dir), Path(args.system_dir))
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        rows = [(k, f"{v:.2f}" if isinstance(v, float) else v) for k, v in result.items()]
        _print_table(["metric", "value"], rows, title="TempEval-3 Task A")
    return 0


def cmd_timeml_score_language(args: argparse.Namespace) -> int:
    from transforms.evaluation.gold import read_gold
    from transforms.evaluation.languages import score_language
    from transforms.temporal.languages import supported_languages

    if args.language not in supported_languages():
        raise UserError(f"no time-expression cues for language {args.language!r}; "
                        f"supported: {', '.join(supported_languages())}")
    if not Path(args.gold).exists():
        raise UserError(f"no such file or directory: {args.gold}")
    result = score_language(read_gold(Path(args.gold), args.format), args.language)
    if not args.per_document:
        result.pop("documents")
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        rows = [(k, f"{v:.2f}" if isinstance(v, float) else v) for k, v in result["total"].items()]
        _print_table(["metric", "value"], rows, title=f"TempEval-3 Task A ({args.language})")
    return 0


def cmd_events_code(args: argparse.Namespace) -> int:
    import tempfile

    from transforms.evaluation import plv
    from transforms.evaluation.plover import code_file

    if not Path(args.input).is_file():
        raise UserError(f"no such file: {args.input}")
    try:
        with tempfile.TemporaryDirectory(prefix="dateline-code-") as tmp:
            inp = Path(args.input)
            if plv.is_plv(inp):  # a PLV gold TSV: code its sentences
                plv.to_jsonl(inp, Path(tmp) / "input.jsonl")
                inp = Path(tmp) / "input.jsonl"
            n = code_file(inp, Path(args.output))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    print(f"coded {n} records into {args.output}")
    return 0


def cmd_events_score(args: argparse.Namespace) -> int:
    from transforms.evaluation import plv
    from transforms.evaluation.plover import score

    for f in (args.gold, args.system):
        if not Path(f).is_file():
            raise UserError(f"no such file: {f}")
    try:
        scorer = plv.score if plv.is_plv(args.gold) else score  # PLV TSV or PLOVER GSR JSON
        result = scorer(Path(args.gold), Path(args.system))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UserError(f"cannot score {args.system} against {args.gold}: {exc!r}") from None
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        rows = [(k, f"{v:.2f}" if isinstance(v, float) else v) for k, v in result.items()]
        _print_table(["metric", "value"], rows, title="PLOVER event coding")
    return 0


# ---------------------------------------------------------------------------- parser

def _cluster(value: str) -> str:
    from transforms.pipeline.backends import is_cluster_address

    if is_cluster_address(value):
        return value
    raise argparse.ArgumentTypeError(f"expected 'local' or a scheduler address like tcp://HOST:8786: {value!r}")


def _run_options(r: argparse.ArgumentParser) -> None:
    """Options shared by ``run`` and ``serve`` (each scheduled run takes the same)."""
    r.add_argument("--input", action="append", metavar="PATH",
                   help=f"file or folder to ingest; repeatable (default: {DEFAULT_INPUT})")
    r.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR",
                   help=f"warehouse folder (default: {DEFAULT_WAREHOUSE})")
    r.add_argument("--assume-published", type=_date, metavar="DATE",
                   help="publication date for items that have none (otherwise they are quarantined)")
    r.add_argument("--workers", type=int, default=DEFAULTS.workers,
                   help="worker processes (default: 2 or the core count); with --cluster local, Dask workers")
    r.add_argument("--cluster", type=_cluster, default=None, metavar="local|tcp://HOST:PORT",
                   help="compute on Dask: 'local' starts a cluster of worker processes on this machine, "
                        "tcp://HOST:PORT uses a running `dask scheduler` (default: this machine's "
                        "process pool); the warehouse is still written by this process only")
    r.add_argument("--lock-timeout", type=float, default=DEFAULTS.lock_timeout, metavar="SECONDS",
                   help=f"how long to wait for another run holding the warehouse (default: {DEFAULTS.lock_timeout:.0f})")
    r.add_argument("--max-bytes", type=int, default=DEFAULTS.max_bytes,
                   help=f"larger input files are quarantined (default: {DEFAULTS.max_bytes // 2**20} MB)")
    r.add_argument("--files-per-batch", type=int, default=DEFAULTS.files_per_batch, metavar="N",
                   help="input files per batch; each batch is committed to the warehouse "
                        f"(default: {DEFAULTS.files_per_batch})")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dateline",
        description="Turn raw news text into a dated, PLOVER-coded events dataset (Parquet + DuckDB).",
    )
    p.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    r = sub.add_parser("run", help="ingest inputs and update the warehouse",
                       description="Ingest articles (files or folders, recursively) and bring the warehouse "
                                   "up to date: only new or changed documents are processed.")
    _run_options(r)
    r.set_defaults(func=cmd_run)

    q = sub.add_parser("query", help="run SQL on the warehouse and print the result",
                       description="Run one SQL statement on warehouse/dateline.duckdb (views over the Parquet).")
    q.add_argument("sql", help="the SQL to run, e.g. \"select count(*) from events\"")
    q.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.set_defaults(func=cmd_query)

    rp = sub.add_parser("repair", help="check every warehouse file and rebuild damaged ones",
                        description="Check every committed Parquet file (footer and row count) and rebuild "
                                    "what damaged or missing files held: derived tables from documents.text, "
                                    "document sources from documents; report what awaits its inputs.")
    rp.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR")
    rp.add_argument("--workers", type=int, default=DEFAULTS.workers, help="worker processes for reprocessing")
    rp.add_argument("--lock-timeout", type=float, default=DEFAULTS.lock_timeout, metavar="SECONDS")
    rp.set_defaults(func=cmd_repair)

    pub = sub.add_parser("publish", help="rebuild warehouse/dateline.duckdb (e.g. after moving the folder)")
    pub.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR")
    pub.set_defaults(func=cmd_publish)

    rp = sub.add_parser("report", help="write the analysts' report: one self-contained HTML file",
                        description="Write one HTML file of charts, tables and document views of the warehouse "
                                    "(scripts and data inline; it opens from disk and makes no request).")
    rp.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR")
    rp.add_argument("--out", metavar="FILE.html", help="where to write it (default: <warehouse>/report.html)")
    rp.add_argument("--from", dest="date_from", type=_date, metavar="DATE",
                    help="keep events dated on or after DATE and documents published since")
    rp.add_argument("--to", dest="date_to", type=_date, metavar="DATE",
                    help="keep events dated on or before DATE and documents published until")
    rp.add_argument("--country", action="extend", nargs="+", metavar="ISO3",
                    help="keep events with one of these countries as source, target or place (repeatable)")
    rp.set_defaults(func=cmd_report)

    d = sub.add_parser("docs", help="regenerate docs/data-dictionary.md from warehouse/schema.yml")
    d.set_defaults(func=cmd_docs)

    s = sub.add_parser("serve", help="run the flow on a schedule (cron or interval) on a Prefect server",
                       description="Serve the flow as a Prefect deployment on a schedule. Uses the Prefect API "
                                   "in PREFECT_API_URL when set; otherwise starts `prefect server start` on "
                                   "127.0.0.1 (state under the warehouse's .prefect folder) and stops it on exit. "
                                   "Each run picks up new or changed files only. See docs/serve.md.")
    when = s.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron schedule, e.g. "0 * * * *"')
    when.add_argument("--every", type=float, metavar="SECONDS", help="run every SECONDS seconds")
    s.add_argument("--name", default="dateline-scheduled", help="deployment name (default: dateline-scheduled)")
    s.add_argument("--server-timeout", type=float, default=120.0, metavar="SECONDS",
                   help="how long to wait for the child Prefect server to become healthy (default: 120)")
    _run_options(s)
    s.set_defaults(func=cmd_serve)

    t = sub.add_parser("timeml", help="TimeML annotation and TempEval-3 scoring of the temporal tagger")
    tsub = t.add_subparsers(dest="timeml_command", metavar="ACTION", required=True)
    ta = tsub.add_parser("annotate", help="re-annotate the TEXT of .tml files with our TIMEX3 tags")
    ta.add_argument("in_dir")
    ta.add_argument("out_dir")
    ta.add_argument("--workers", type=int, default=None, help="worker processes (default: up to 2 CPUs)")
    ta.set_defaults(func=cmd_timeml_annotate)
    ts = tsub.add_parser("score", help="TempEval-3 Task A scores of SYSTEM_DIR against GOLD_DIR")
    ts.add_argument("gold_dir")
    ts.add_argument("system_dir")
    ts.add_argument("--json", action="store_true", help="print one JSON line")
    ts.set_defaults(func=cmd_timeml_score)
    tl = tsub.add_parser("score-language", help="tag GOLD in another language and score it (TempEval-3 Task A)")
    tl.add_argument("gold", help="a folder of .tml files (tml, tempeval1) or a BIO TSV file (bio)")
    tl.add_argument("--language", required=True, help="ISO 639-1 code, e.g. fr")
    tl.add_argument("--format", required=True, choices=["tml", "bio", "tempeval1"])
    tl.add_argument("--per-document", action="store_true", help="also the counts of every document (with --json)")
    tl.add_argument("--json", action="store_true", help="print one JSON line")
    tl.set_defaults(func=cmd_timeml_score_language)

    e = sub.add_parser("events", help="PLOVER event coding of sentences and its evaluation")
    esub = e.add_subparsers(dest="events_command", metavar="ACTION", required=True)
    ec = esub.add_parser("code", help='code JSONL lines {"id", "text", "date"?} (or a PLV TSV\'s sentences) into events')
    ec.add_argument("input")
    ec.add_argument("output")
    ec.set_defaults(func=cmd_events_code)
    es = esub.add_parser("score", help="score coded events against gold: PLOVER GSR JSON or PLV TSV")
    es.add_argument("gold")
    es.add_argument("system")
    es.add_argument("--json", action="store_true", help="print one JSON line")
    es.set_defaults(func=cmd_events_score)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
