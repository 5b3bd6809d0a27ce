"""False events on sentences that report none (``tests/fixtures/events/no_events.txt``).

    python bench/eval_noevents.py [FILE] [--json] [-v]

Every sentence is coded on its own. A false event is any event the extractor emits (what
``dateline run`` stores in the events table, whatever its confidence); ``coded`` counts only
the main events that ``dateline events code`` writes (confidence >= MIN_CONFIDENCE). Reported
per part of the fixed split (``bench/splits.py``) as events per 100 sentences; ``-v`` lists the
false events of the tuning part (the scoring part is only counted).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from splits import PARTS, part

from transforms.evaluation.jsonl import events_by_id
from transforms.evaluation.plover import MIN_CONFIDENCE, code_file

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "events" / "no_events.txt"


def read_sentences(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


def evaluate(path: Path = DEFAULT) -> tuple[dict, list[tuple[str, dict]]]:
    sentences = read_sentences(path)
    with tempfile.TemporaryDirectory(prefix="dateline-noev-") as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with open(inp, "w", encoding="utf-8") as f:
            for i, s in enumerate(sentences):
                f.write(json.dumps({"id": str(i), "text": s, "date": "2024-06-03"}) + "\n")
        code_file(inp, out, min_confidence=0.0)
        coded = events_by_id(out)
        code_file(inp, out)
        main = events_by_id(out)
    result: dict = {}
    misses = []
    for p in (*PARTS, "all"):
        ids = [str(i) for i, s in enumerate(sentences) if p == "all" or part(s) == p]
        n_all = sum(len(coded.get(i, [])) for i in ids)
        n_main = sum(len(main.get(i, [])) for i in ids)
        result[p] = {"sentences": len(ids), "events": n_all, "coded_events": n_main,
                     "sentences_with_event": sum(bool(coded.get(i)) for i in ids),
                     "false_per_100": round(100.0 * n_all / len(ids), 1) if ids else 0.0,
                     "coded_false_per_100": round(100.0 * n_main / len(ids), 1) if ids else 0.0}
    for i, s in enumerate(sentences):
        for e in coded.get(str(i), []):
            misses.append((s, e))
    result["min_confidence_coded"] = MIN_CONFIDENCE
    return result, misses


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", action="store_true", help="list the false events")
    args = ap.parse_args()
    result, misses = evaluate(args.file)
    if args.json:
        print(json.dumps(result))
    else:
        for p in (*PARTS, "all"):
            r = result[p]
            print(f"no-event {p:5s}: {r['false_per_100']:5.1f} false events / 100 sentences "
                  f"({r['events']} in {r['sentences']}; coded output {r['coded_false_per_100']:.1f})")
    if args.v:
        for s, e in misses:
            if part(s) != "tune":
                continue
            src = [a.get("text") for a in e["source"]]
            tgt = [a.get("text") for a in e["target"]]
            print(f"  [{part(s)}] {e['type']:9s} {e['trigger']!r} {src}->{tgt} | {s}", file=sys.stderr)


if __name__ == "__main__":
    main()
