"""Code the PLOVER gold sentences and score them.

    python bench/eval_events.py ../shared/data/events/plover-gsr-dev.json [OUTDIR] [-v] [-a]

Prints the scores as JSON (the whole set; ``make eval`` reports the two parts of the fixed
split); ``-v`` adds per-type counts and the *tune-part* sentences whose gold type was missed
(``-a``: every tune-part sentence) with the coded events. The score part is never listed.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from splits import part

from transforms.evaluation.jsonl import events_by_id
from transforms.evaluation.plover import code_file, gold_to_jsonl, gold_type, score


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    gold = Path(args[0])
    out_dir = Path(args[1]) if len(args) > 1 else Path(tempfile.mkdtemp())
    out_dir.mkdir(parents=True, exist_ok=True)
    inp, sys_out = out_dir / "input.jsonl", out_dir / "system.jsonl"
    gold_to_jsonl(gold, inp)
    t0 = time.time()
    code_file(inp, sys_out)
    elapsed = time.time() - t0
    result = score(gold, sys_out)
    if not verbose:
        result.pop("per_type")
    print(json.dumps(result, indent=1))
    print(f"coded in {elapsed:.1f}s; output {sys_out}")
    if verbose:
        system = events_by_id(sys_out)
        for g in json.loads(gold.read_text()):
            if g.get("event") == "DOCUMENT":
                continue
            gt = gold_type(g["event"])
            ev = system.get(g["id"], [])
            src = [s.get("code") for s in g.get("source") or []] if isinstance(g.get("source"), list) else []
            tgt = [s.get("code") for s in g.get("target") or []] if isinstance(g.get("target"), list) else []
            sys_str = "; ".join(f"{e['type']}({e['trigger']}) {[a['code'] for a in e['source']]}->"
                                f"{[a['code'] for a in e['target']]}" for e in ev)
            ok = any(e["type"] == gt for e in ev)
            if part(g["text"]) == "tune" and ("-a" in sys.argv or not ok):
                print(f"{gt:9s} {src}->{tgt} | {sys_str}\n    {g['text'][:220]}")


if __name__ == "__main__":
    main()
