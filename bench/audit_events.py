"""Audit of coded events on ordinary news: a random sample to judge by hand, and its figures.

    python bench/audit_events.py sample PAGES_DIR AUDIT_DIR [--n 100] [--seed 14] [--evidence FILE]
    python bench/audit_events.py summary AUDIT_DIR/events.tsv

``sample`` runs ``dateline run`` over ``PAGES_DIR`` into a temporary warehouse (non-English
pages are quarantined by ingest), draws ``--n`` events at random (fixed seed) and writes
``AUDIT_DIR/events.tsv`` with empty judgement columns, plus ``AUDIT_DIR/README.md`` naming the
commit judged. The pages' text stays out of the repository: ``events.tsv`` names each event by
id, page, sentence index, type, trigger word and actor codes; the sentences and the actors'
words go to ``--evidence`` (default: a file in the temporary directory, printed), for the
judge to read. Each row is then judged against the PLOVER manual:

* ``event`` — ``y`` if the sentence reports a PLOVER event of the coded type and status
  between the coded sides, ``n`` otherwise;
* ``source`` / ``target`` — ``y`` if that side is right (an empty side is right only when the
  event has no such participant), ``-`` when ``event`` is ``n``;
* ``note`` — free text.

``summary`` prints precision (share of ``event = y``) and the share with source and target
right too, and writes them to ``AUDIT_DIR/summary.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

COLUMNS = ("n", "event_id", "doc", "sentence_index", "event_type", "mode", "status", "trigger", "source",
           "target", "event", "source_ok", "target_ok", "note")


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()


def _codes(value) -> str:
    return "; ".join(f"{a.get('country') or '-'}/{a.get('sector') or '-'}" for a in value or [])


def _texts(value) -> str:
    return "; ".join(str(a.get("text")) for a in value or [])


def sample(pages: Path, audit_dir: Path, n: int, seed: int, evidence: Path | None) -> None:
    import duckdb

    commit = _git("rev-parse", "HEAD")
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))
    with tempfile.TemporaryDirectory(prefix="dateline-audit-") as tmp:
        wh = Path(tmp) / "wh"
        res = subprocess.run([sys.executable, "-m", "dateline.cli", "run", "--input", str(pages),
                              "--warehouse", str(wh)], capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"dateline run failed:\n{res.stderr}")
        con = duckdb.connect(str(wh / "dateline.duckdb"), read_only=True)
        rows = con.execute(
            "SELECT e.event_id, s.path, e.sentence_index, e.event_type, e.mode, e.status, e.trigger, e.source_actors,"
            " e.target_actors, e.evidence FROM events e JOIN (SELECT doc_id, min(input_path) AS path"
            " FROM document_sources GROUP BY doc_id) s USING (doc_id) ORDER BY e.event_id").fetchall()
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    picked = random.Random(seed).sample(rows, min(n, len(rows)))
    audit_dir.mkdir(parents=True, exist_ok=True)
    evidence = evidence or Path(tempfile.gettempdir()) / f"dateline-audit-evidence-{audit_dir.name}.tsv"
    with open(audit_dir / "events.tsv", "w", encoding="utf-8", newline="") as f, \
            open(evidence, "w", encoding="utf-8", newline="") as ev_f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        ew = csv.writer(ev_f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        ew.writerow(("n", "event_type", "trigger", "source", "target", "evidence"))
        for i, (eid, path, si, typ, mode, status, trig, src, tgt, ev) in enumerate(picked, 1):
            w.writerow([i, eid, Path(path).name, si, typ, mode or "", status, trig, _codes(src), _codes(tgt),
                        "", "", "", ""])
            ew.writerow([i, typ, trig, _texts(src), _texts(tgt), " ".join(ev.split())])
    (audit_dir / "README.md").write_text(
        f"# Event audit\n\nCommit judged: `{commit}`{' (with uncommitted changes)' if dirty else ''}.\n"
        f"Input: `dateline run` over `{pages}` ({docs} English documents, {len(rows)} events); "
        f"{len(picked)} events drawn with `random.Random({seed}).sample` from the events ordered by "
        "event_id.\nJudged against the PLOVER manual: see `bench/audit_events.py` for the columns.\n",
        encoding="utf-8")
    print(f"{len(picked)} of {len(rows)} events from {docs} documents -> {audit_dir / 'events.tsv'}; "
          f"sentences for the judge (not for the repository): {evidence}")


def summary(path: Path) -> dict:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    judged = [r for r in rows if r["event"] in ("y", "n")]
    if len(judged) != len(rows):
        sys.exit(f"{len(rows) - len(judged)} rows of {path} are not judged yet")
    ok = [r for r in judged if r["event"] == "y"]
    dyad = [r for r in ok if r["source_ok"] == "y" and r["target_ok"] == "y"]
    out = {"events": len(judged), "precision": round(100.0 * len(ok) / len(judged), 1),
           "precision_with_source_and_target": round(100.0 * len(dyad) / len(judged), 1),
           "by_type": {}}
    for r in judged:
        t = out["by_type"].setdefault(r["event_type"], {"n": 0, "ok": 0})
        t["n"] += 1
        t["ok"] += r["event"] == "y"
    (path.parent / "summary.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("pages", type=Path)
    s.add_argument("audit_dir", type=Path)
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--seed", type=int, default=14)
    s.add_argument("--evidence", type=Path, help="where the sentences go (keep it out of the repository)")
    m = sub.add_parser("summary")
    m.add_argument("tsv", type=Path)
    args = ap.parse_args()
    if args.cmd == "sample":
        sample(args.pages, args.audit_dir, args.n, args.seed, args.evidence)
    else:
        print(json.dumps(summary(args.tsv), indent=1))


if __name__ == "__main__":
    main()
