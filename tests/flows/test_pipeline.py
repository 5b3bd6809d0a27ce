"""End to end: the Prefect flow writes a temporary warehouse that DuckDB then queries."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEED_ARTICLES
from transforms.warehouse.lock import warehouse_lock

pytestmark = pytest.mark.slow

# Two wire reports of the same meeting (written for these tests).
REPORTS = [
    {"id": "r1", "published": "2025-06-03T08:00:00Z", "source": "Wire A",
     "text": "ISTANBUL - Russian and Ukrainian delegations met in Istanbul on Monday for a second round of "
             "direct talks, officials said. The talks ended after about an hour."},
    {"id": "r2", "published": "2025-06-04", "source": "Wire B",
     "text": "Ukrainian and Russian negotiators met in Istanbul on Monday, the Turkish foreign ministry said on "
             "Wednesday. Turkey hosted the meeting at a palace on the Bosphorus."},
]


def make_inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("istanbul-talks.txt", "istanbul-talks.meta.json"):
        shutil.copy(SEED_ARTICLES / name, folder / name)
    with open(folder / "wire.jsonl", "w", encoding="utf-8") as fh:
        for r in REPORTS:
            fh.write(json.dumps(r) + "\n")
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "empty", "published": "2025-06-04", "text": "   "}) + "\n")
    return folder


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("documents", "document_sources", "sentences", "time_expressions", "events",
                          "event_clusters", "quarantine")}
    finally:
        con.close()


def ids(db: Path) -> dict[str, set]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": {r[0] for r in con.execute("select doc_id from documents").fetchall()},
            "time_expressions": {r[0] for r in con.execute("select timex_id from time_expressions").fetchall()},
            "events": {r[0] for r in con.execute("select event_id from events").fetchall()},
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def first_run(prefect_harness, tmp_path_factory):
    from flows.pipeline import dateline_flow

    base = tmp_path_factory.mktemp("flow")
    inputs = make_inputs(base / "in")
    wh = base / "wh"
    summary = dateline_flow(inputs=[str(inputs)], warehouse_dir=str(wh), workers=1)
    return inputs, wh, summary


def test_flow_writes_all_tables_and_duckdb_reads_them(first_run, tmp_path, monkeypatch):
    inputs, wh, summary = first_run
    assert summary["new"] == 3 and summary["quarantined"] == 2
    monkeypatch.chdir(tmp_path)  # the .duckdb file works from any working directory
    c = counts(wh / "dateline.duckdb")
    assert c["documents"] == 3
    assert c["time_expressions"] > 10 and c["events"] > 5 and c["sentences"] > 20
    assert c["quarantine"] == 2
    con = duckdb.connect(str(wh / "dateline.duckdb"), read_only=True)
    reasons = sorted(r[0] for r in con.execute("select reason from quarantine").fetchall())
    assert len(reasons) == 2 and all(reasons)
    # hive partitions by publication month, BI-friendly types
    months = {r[0] for r in con.execute("select distinct month from documents").fetchall()}
    assert months == {"2025-05", "2025-06"}
    types = dict(con.execute("select column_name, column_type from (describe documents)").fetchall())
    assert types["published_at"] == "TIMESTAMP WITH TIME ZONE" and types["published_date"] == "DATE"
    # the seed's repeated first line yields no event
    seed = con.execute("select doc_id from documents where month = '2025-05'").fetchone()[0]
    dup = con.execute("select sentence_index from sentences where doc_id = ? and duplicate_of is not null",
                      [seed]).fetchall()
    assert dup == [(0,)]
    assert con.execute("select count(*) from events where doc_id = ? and sentence_index = 0", [seed]).fetchone()[0] == 0
    # analyst views exist and return rows
    assert con.execute("select count(*) from events_per_day").fetchone()[0] > 0
    assert con.execute("select count(*) from dyads").fetchone()[0] > 0
    assert con.execute("select count(*) from document_timeline").fetchone()[0] == c["events"]
    runs = con.execute("select status, checks_failed, documents_new from runs").fetchall()
    assert runs == [("completed", 0, 3)]
    con.close()


def test_seed_expectations_hold_in_the_warehouse(first_run):
    """Issue #3/#4 seed expectations, read back from DuckDB (real tagger + real event coder)."""
    _, wh, _ = first_run
    con = duckdb.connect(str(wh / "dateline.duckdb"), read_only=True)
    seed = "select doc_id from documents where input_path like '%istanbul-talks.txt'"
    tx = con.execute(f"""select text, value, mod from time_expressions where doc_id = ({seed})
                         order by start_char""").fetchall()
    values = {(t, v, m) for t, v, m in tx}
    assert [v for t, v, _ in tx if t == "February 2022"] == ["2022-02", "2022-02"]
    assert [v for t, v, _ in tx if t == "Friday"] == ["2025-05-30"] * 3
    assert {("the weekend", "2025-W22-WE", None), ("Monday morning", "2025-06-02TMO", None),
            ("May 16", "2025-05-16", None), ("March 2022", "2022-03", None),
            ("Wednesday", "2025-05-28", None), ("months", "PXM", None)} <= values
    assert [(v, m) for t, v, m in tx if t == "earlier this week"] == [("2025-W22", "START")] * 2
    assert not any(t.lower() == "may" for t, _, _ in tx)
    ev = con.execute(f"""select trigger, event_type, mode, status, [a.country for a in source_actors],
                                [a.country for a in target_actors], location_name, date_start, date_value
                         from events where doc_id = ({seed})""").fetchall()
    con.close()

    def has(kind, status=None, countries=(), place=None, day=None, value=None, mode=None):
        for _trig, typ, md, st, src, tgt, loc, start, val in ev:
            if typ == kind and (status is None or st == status) and set(countries) <= set(src) | set(tgt) \
                    and (place is None or loc == place) and (day is None or str(start) == day) \
                    and (value is None or val == value) and (mode is None or md == mode):
                return True
        return False

    assert has("CONSULT", "future", ("RUS", "UKR"), "Istanbul", "2025-06-02")
    assert has("CONSULT", "asserted", day="2025-05-16")
    assert has("ASSAULT", "asserted", ("RUS", "UKR"), value="2022-02")
    assert has("CONSULT", "asserted", ("RUS", "TUR"), day="2025-05-30", mode="phone")
    assert has("CONSULT", "asserted", ("TUR", "RUS"), "Moscow", value="2025-W22", mode="visit")
    assert has("CONSULT", "asserted", ("TUR", "UKR"), "Kyiv", "2025-05-30")
    assert has("COOPERATE", None, ("UKR", "RUS"))
    contacts = [(st, typ) for trig, typ, _, st, *_ in ev if trig == "contacts"]
    assert contacts and all(st == "hypothetical" for st, _ in contacts)
    # the repeated first line yields no second event
    assert sum(1 for e in ev if e[0] == "invasion") == 1


def test_seed_events_without_a_date_of_their_own_are_dated_from_the_document(first_run):
    """Issue #10: the talks the seed schedules are all Monday 2025-06-02 and planned, wherever the
    article mentions them; the past talks and what they ended with are 2025-05-16."""
    _, wh, _ = first_run
    con = duckdb.connect(str(wh / "dateline.duckdb"), read_only=True)
    ev = con.execute("""select trigger, event_type, status, date_start, date_source, evidence from events
                        where doc_id = (select doc_id from documents where input_path like '%istanbul-talks.txt')
                        order by start_char""").fetchall()
    wire = con.execute("""select e.trigger, e.date_start, e.date_source from events e join documents d using (doc_id)
                          where d.source in ('Wire A', 'Wire B') and e.event_type = 'CONSULT'""").fetchall()
    checks = con.execute("select checks_failed from runs").fetchall()
    con.close()

    def one(trigger, phrase):
        hits = [e for e in ev if e[0] == trigger and phrase in e[5]]
        assert len(hits) == 1, (trigger, phrase, ev)
        return hits[0]

    scheduled = [("engage", "new round of talks"), ("resume", "set to resume"), ("talks", "The upcoming talks"),
                 ("meeting", "the upcoming meeting"), ("talks", "the Istanbul talks may")]
    for trigger, phrase in scheduled:
        _, typ, status, day, source, _ = one(trigger, phrase)
        assert (typ, status, str(day)) == ("CONSULT", "future", "2025-06-02"), (trigger, phrase)
        assert source == ("relative" if trigger == "engage" else "coreferent")
    assert one("present", "at the talks")[2:5] == ("future", dt.date(2025, 6, 2), "coreferent")
    past = one("talks", "May 16")
    assert past[1:5] == ("CONSULT", "asserted", dt.date(2025, 5, 16), "relative")
    assert one("agreement", "May 16")[2:5] == ("negated", dt.date(2025, 5, 16), "narrative")
    # the briefing is Fidan's meeting with Sybiha on Friday; the habit of hosting rounds has no day
    assert one("briefed", "briefed Sybiha")[3:5] == (dt.date(2025, 5, 30), "coreferent")
    assert one("hosted", "several rounds")[4] == "publication_date"
    assert {s for *_, s, _ in ev} <= {"explicit", "relative", "coreferent", "narrative", "publication_date"}
    # the wire reports' meeting stays on Monday
    assert wire and all(str(day) == "2025-06-02" for _, day, _ in wire), wire
    assert checks == [(0,)]


def test_same_meeting_in_two_reports_is_one_cluster(first_run):
    _, wh, _ = first_run
    con = duckdb.connect(str(wh / "dateline.duckdb"), read_only=True)
    rows = con.execute("""select event_type, source_countries, target_countries, documents, date_start
                          from clusters where documents >= 2""").fetchall()
    con.close()
    # the two reports of Monday's meeting, and the seed's "set to resume ... negotiations in
    # Istanbul", dated Monday from the document (issue #10): the meeting it announced
    assert any(r[0] == "CONSULT" and r[3] == 3 and str(r[4]) == "2025-06-02" for r in rows), rows


def test_second_run_writes_nothing_new(first_run, prefect_harness):
    from flows.pipeline import dateline_flow

    inputs, wh, _ = first_run
    before = counts(wh / "dateline.duckdb")
    mtimes = {p: p.stat().st_mtime_ns for p in (wh / "parquet").rglob("*.parquet") if "runs" not in p.parts}
    summary = dateline_flow(inputs=[str(inputs)], warehouse_dir=str(wh), workers=1)
    assert summary["unchanged"] == 3 and summary["new"] == 0 and summary["changed"] == 0
    assert counts(wh / "dateline.duckdb") == before
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes  # no data file rewritten


def test_pipeline_version_bump_replaces_rows(first_run, prefect_harness, monkeypatch, tmp_path):
    from flows.pipeline import dateline_flow

    inputs, wh, _ = first_run
    bumped = tmp_path / "wh"
    shutil.copytree(wh, bumped)
    before = counts(bumped / "dateline.duckdb")
    monkeypatch.setenv("DATELINE_PIPELINE_VERSION", "test-bump")
    summary = dateline_flow(inputs=[str(inputs)], warehouse_dir=str(bumped), workers=1)
    assert summary["changed"] == 3
    con = duckdb.connect(str(bumped / "dateline.duckdb"), read_only=True)
    for t in ("documents", "sentences", "time_expressions", "events"):
        versions = {r[0] for r in con.execute(f"select distinct pipeline_version from {t}").fetchall()}
        assert versions == {"test-bump"}, t
    con.close()
    after = counts(bumped / "dateline.duckdb")
    assert after == before  # same rows, replaced, none left beside them


def test_run_summary_artifact_and_named_batch_task_runs(first_run):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.summary import ARTIFACT_KEY

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[ARTIFACT_KEY])))
        task_names = {t.name for t in client.read_task_runs()}
    first = [a for a in artifacts if a.description.startswith("completed: 3 new, 0 changed, 0 unchanged, 2 quarantined")]
    assert first, [a.description for a in artifacts]
    assert "## Quarantine reasons" in first[0].data and "| documents | 3 |" in first[0].data
    assert {"ingest-files [batch 1/1]", "process-documents [batch 1/1]", "write-tables [batch 1/1]"} <= task_names


def test_failed_checks_fail_the_run_in_prefect_and_in_runs(first_run, prefect_harness, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from prefect.client.orchestration import get_client

    from flows.pipeline import ChecksFailed, dateline_flow

    inputs, wh, _ = first_run
    damaged = tmp_path / "wh"
    shutil.copytree(wh, damaged)
    # a restore that brought back a stray file in a documents partition (a row without its required
    # columns) and no manifest: the files on disk are the snapshot, the stray one included
    pq.write_table(pa.table({"doc_id": ["stray"]}), damaged / "parquet" / "documents" / "month=2025-06" / "stray.parquet")
    (damaged / "parquet" / "_current.json").unlink()
    with pytest.raises(ChecksFailed, match="documents.not_null"):
        dateline_flow(inputs=[str(inputs)], warehouse_dir=str(damaged), workers=1)
    con = duckdb.connect(str(damaged / "dateline.duckdb"), read_only=True)
    last = con.execute("select status, checks_failed from runs order by started_at desc limit 1").fetchone()
    con.close()
    assert last[0] == "failed" and last[1] >= 1
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(sort="START_TIME_DESC", limit=1)
    assert runs[0].state.is_failed() and runs[0].state.message.startswith("data checks failed: documents.")


# ------------------------------------------------------------------ real subprocesses

def _cli_env(api_url: str | None) -> dict:
    env = dict(os.environ)
    if api_url:
        env["PREFECT_API_URL"] = api_url  # reuse the session's test API (no second server start)
    return env


@pytest.fixture(scope="module")
def api_url(prefect_harness):
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


def _dateline(*args, env, timeout=300):
    return subprocess.run([sys.executable, "-m", "dateline.cli", *args], env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_kill_9_mid_run_then_rerun_equals_clean_run(first_run, api_url, tmp_path):
    inputs, clean_wh, _ = first_run
    env = _cli_env(api_url)
    wh = tmp_path / "wh"
    # one file per batch, so the run writes several times; kill as soon as the first data lands
    proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", "run", "--input", str(inputs),
                             "--warehouse", str(wh), "--workers", "1", "--files-per-batch", "1"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if any((wh / "parquet").rglob("*.parquet")) if (wh / "parquet").exists() else False:
            break
        time.sleep(0.02)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert killed, "the run finished before it could be killed"
    done = _dateline("run", "--input", str(inputs), "--warehouse", str(wh), "--workers", "1", env=env)
    assert done.returncode == 0, done.stderr
    assert counts(wh / "dateline.duckdb") == counts(clean_wh / "dateline.duckdb")
    assert ids(wh / "dateline.duckdb") == ids(clean_wh / "dateline.duckdb")
    assert not list((wh / "parquet").rglob("*.tmp"))


def test_second_run_waits_for_the_lock(first_run, api_url, tmp_path):
    inputs, _, _ = first_run
    env = _cli_env(api_url)
    wh = tmp_path / "wh"
    with warehouse_lock(wh):
        res = _dateline("run", "--input", str(inputs), "--warehouse", str(wh), "--lock-timeout", "1", env=env)
    assert res.returncode == 2
    assert "locked" in res.stderr and "Traceback" not in res.stderr
    # with a longer timeout the run waits for the holder to finish, then completes
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time; from pathlib import Path; from transforms.warehouse.lock import warehouse_lock\n"
                               f"with warehouse_lock(Path({str(wh)!r})):\n"
                               "    print('held', flush=True); time.sleep(3)"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    res = _dateline("run", "--input", str(inputs), "--warehouse", str(wh), "--lock-timeout", "120", env=env)
    holder.wait()
    assert res.returncode == 0, res.stderr
    assert counts(wh / "dateline.duckdb")["documents"] == 3


def test_cli_query_from_another_directory_and_bad_sql(first_run, tmp_path):
    _, wh, _ = first_run
    env = dict(os.environ)
    ok = subprocess.run([sys.executable, "-m", "dateline.cli", "query", "--warehouse", str(wh), "--format", "csv",
                         "select count(*) as n from documents"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines() == ["n", "3"]
    bad = subprocess.run([sys.executable, "-m", "dateline.cli", "query", "--warehouse", str(wh),
                          "select nope from nowhere"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr.startswith("dateline: query failed:") and len(bad.stderr.strip().splitlines()) == 1


def _hostile_inputs(folder: Path, outside: Path) -> int:
    """Issue #17: a FIFO, a symlinked folder, a link loop, a dangling link, an unclosed CSV quote,
    200,000 nested divs and a WARC header bomb in ``folder``; returns the input items they hold."""
    import zlib

    from tests.conftest import write_wire_reports

    hostile = folder / "hostile"
    hostile.mkdir()
    os.mkfifo(hostile / "pipe.txt")  # 1 item: not a regular file
    write_wire_reports(outside, 2)
    (folder / "linked").symlink_to(outside)  # 2 documents through a link to a folder
    (hostile / "loop").symlink_to(folder)  # 1: symlink loop
    (hostile / "gone.txt").symlink_to(outside / "missing.txt")  # 1: dangling link
    rows = ["id,published,text", 'q1,2025-06-02,"Officials said the talks had begun, and']
    rows += [f"q{i},2025-06-02,Officials in Lima said on Monday that round {i} of talks had ended." for i in (2, 3, 4)]
    (hostile / "open-quote.csv").write_text("\n".join(rows) + "\n")  # 4 items: 1 broken row, 3 documents
    n = 200_000
    (hostile / "deep.html").write_text("<html><body>" + "<div>" * n + "<p>Talks resumed in Lima.</p>"
                                       + "</div>" * n + "</body></html>")  # 1: nesting too deep
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = [c.compress(b"WARC/1.0\r\nWARC-Target-URI: https://example.org/")]
    bomb += [c.compress(b"A" * (1 << 20)) for _ in range(16)] + [c.flush()]
    (hostile / "bomb.warc.gz").write_bytes(b"".join(bomb))  # 1: header too long
    return 11


@pytest.mark.timeout(300)
def test_mixed_folder_in_one_run_accounts_for_every_item(api_url, tmp_path):
    """Issue #5 acceptance: good and broken items of every kind, plus pathological text, in one
    `dateline run`: exit 0, and documents + quarantine account for every input item. Issue #17:
    hostile files and links too, and a FIFO given as an input; every path is counted."""
    from tests.ingest.common import EXPECTED_ITEMS, FIX

    folder = tmp_path / "mixed"
    shutil.copytree(FIX, folder)
    odd = folder / "pathological"
    odd.mkdir()
    front = "---\npublished: 2025-05-30\n---\n"
    (odd / "numbers.txt").write_text(front + " ".join(str(i) for i in range(60_000)), encoding="utf-8")
    (odd / "run-on.txt").write_text(front + "Russia said Ukraine and Turkey met in Istanbul and " * 4_000,
                                    encoding="utf-8")
    with open(odd / "huge.txt", "wb") as fh:  # 60 MB (sparse): over the 20 MB default limit
        fh.truncate(60 * 1024 * 1024)
    expected = sum(n for name, n in EXPECTED_ITEMS.items() if not name.startswith("sub/")) + 3
    expected += _hostile_inputs(folder, tmp_path / "outside") + 1
    os.mkfifo(tmp_path / "given.txt")  # issue #17.1: a FIFO as the input itself
    wh = tmp_path / "wh"
    res = _dateline("run", "--input", str(folder), "--input", str(tmp_path / "given.txt"), "--warehouse", str(wh),
                    env=_cli_env(api_url), timeout=240)
    assert res.returncode == 0, res.stderr
    assert "top quarantine reasons" in res.stdout
    assert "2 not a regular file (quarantined)" in res.stdout and "1 symlink loop (quarantined)" in res.stdout
    con = duckdb.connect(str(wh / "dateline.duckdb"), read_only=True)
    arrivals = con.execute("select count(*) from document_sources").fetchone()[0]
    quarantined = con.execute("select input_path, reason, detail from quarantine").fetchall()
    docs = {r[0] for r in con.execute("select input_path from documents").fetchall()}
    con.close()
    assert arrivals + len(quarantined) == expected
    assert all(reason and detail for _, reason, detail in quarantined)
    assert ("file too large" in {r for p, r, _ in quarantined if p.endswith("huge.txt")})
    assert {str(odd / "numbers.txt"), str(odd / "run-on.txt")} <= docs
    hostile = {Path(p).name: r for p, r, _ in quarantined if "/hostile/" in p or p.endswith("given.txt")}
    assert hostile == {"pipe.txt": "not a regular file", "given.txt": "not a regular file", "loop": "symlink loop",
                       "gone.txt": "dangling link", "open-quote.csv": "broken csv", "deep.html": "nesting too deep",
                       "bomb.warc.gz": "header too long"}
    assert {str(folder / "linked" / "report-00.txt"), str(folder / "hostile" / "open-quote.csv")} <= docs


# ------------------------------------------------------------------ issue #17: readers, repair

@pytest.mark.timeout(300)
def test_readers_polling_during_a_run_see_whole_batches_only(polled_wire_run):
    """Issue #17.7: through dateline.duckdb and through parquet/_current.json, a reader polling
    during a run never sees an event or sentence whose document is not committed yet."""
    run = polled_wire_run
    assert run.returncode == 0, run.stderr
    assert run.polls and all(p["orphans"] == 0 for p in run.polls), [p for p in run.polls if p["orphans"]]
    seen = {p["documents"] for p in run.polls}
    assert len(seen - {0, 8}) >= 2, seen  # it did look at intermediate snapshots
    assert {p["via"] for p in run.polls} == {"duckdb", "manifest"}
    assert max(seen) == 8


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.timeout(300)
def test_damaged_and_deleted_partitions_are_rebuilt_by_the_next_run(first_run, prefect_harness, tmp_path):
    """Issue #17.4: a truncated events file and a deleted sentences file are rebuilt from
    documents.text by the next run (same ids); a deleted documents file comes back when the
    inputs are given again. Queries work again and the checks pass."""
    from flows.pipeline import dateline_flow
    from transforms.warehouse import publish
    from transforms.warehouse.store import ParquetStore

    inputs, clean, _ = first_run
    wh = tmp_path / "wh"
    shutil.copytree(clean, wh)
    store = ParquetStore(wh)
    _truncate(store.files("events")[0])
    store.files("sentences")[-1].unlink()
    with pytest.raises(duckdb.Error):
        publish.query(wh, "select count(*) from events")  # damaged, as the issue found it
    summary = dateline_flow(inputs=[], warehouse_dir=str(wh), workers=1)
    assert any(line.startswith("damaged: events") for line in summary["repairs"])
    assert any(line.startswith("rebuilt: events") for line in summary["repairs"])
    assert ids(wh / "dateline.duckdb") == ids(clean / "dateline.duckdb")
    assert counts(wh / "dateline.duckdb") == counts(clean / "dateline.duckdb")
    # documents: the text itself is lost; the inputs are named, and given again they rebuild it
    for f in store.files("documents"):
        f.unlink()
    summary = dateline_flow(inputs=[], warehouse_dir=str(wh), workers=1)
    assert any("awaiting inputs: 3 documents" in line and str(inputs) in line for line in summary["repairs"])
    assert counts(wh / "dateline.duckdb")["events"] == 0  # no row points at a missing document
    summary = dateline_flow(inputs=[str(inputs)], warehouse_dir=str(wh), workers=1)
    assert summary["new"] == 3 and not summary["repairs"]
    assert ids(wh / "dateline.duckdb") == ids(clean / "dateline.duckdb")
    assert ParquetStore(wh).snapshot().awaiting_inputs == []


@pytest.mark.timeout(300)
def test_dateline_repair_reports_what_it_rebuilt(first_run, tmp_path):
    _, clean, _ = first_run
    wh = tmp_path / "wh"
    shutil.copytree(clean, wh)
    from transforms.warehouse.store import ParquetStore

    _truncate(ParquetStore(wh).files("time_expressions")[0])
    broken = _dateline("query", "--warehouse", str(wh), "select count(*) from time_expressions", env=dict(os.environ))
    assert broken.returncode == 2 and "`dateline repair` rebuilds it" in broken.stderr
    res = _dateline("repair", "--warehouse", str(wh), "--workers", "1", env=dict(os.environ), timeout=240)
    assert res.returncode == 0, res.stderr
    assert "damaged: time_expressions month=" in res.stdout and "truncated" in res.stdout
    assert "rebuilt: time_expressions:" in res.stdout and "Traceback" not in res.stderr
    assert ids(wh / "dateline.duckdb") == ids(clean / "dateline.duckdb")
    again = _dateline("repair", "--warehouse", str(wh), env=dict(os.environ), timeout=240)
    assert again.returncode == 0 and "is whole" in again.stdout




def test_cli_warms_workers_only_for_a_warehouse_without_documents(first_run):
    from dateline.cli import _warm_workers_if_new
    from transforms.pipeline.workers import shared_pool

    _, wh, _ = first_run
    try:
        _warm_workers_if_new(wh, 2)  # documents stored: the flow decides whether any batch needs workers
        assert not shared_pool().warm
    finally:
        shared_pool().stop()
