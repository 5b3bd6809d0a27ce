"""Code a PLV dev TSV and score it per part of the fixed split; list the tuning part's misses.

    python bench/eval_plv.py ../shared/data/events/plv-dev.tsv [OUTDIR] [-v] [--type ACCUSE]

Prints the metrics of the tuning and the scoring part. ``-v`` lists the tuning-part rows whose
gold type or dyad was missed, with the coded events (the scoring part is never listed: it is
only scored). ``--type`` restricts the listing to one gold root type.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from splits import part, split_tsv

from transforms.evaluation import plv
from transforms.evaluation.jsonl import events_by_id
from transforms.evaluation.plover import code_file


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("out_dir", nargs="?", type=Path)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--type")
    ap.add_argument("--dyad", action="store_true", help="also list rows whose type was found but not the dyad")
    args = ap.parse_args()
    out_dir = args.out_dir or Path(tempfile.mkdtemp(prefix="dateline-plv-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    inp, sysout = out_dir / "input.jsonl", out_dir / "system.jsonl"
    plv.to_jsonl(args.gold, inp)
    code_file(inp, sysout)
    for name, p in split_tsv(args.gold, out_dir).items():
        r = plv.score(p, sysout)
        print(f"{name:5s} " + "  ".join(f"{k}={r[k]:.1f}" for k in ("type_acc", "source_acc", "target_acc",
                                                                      "dyad_acc", "precision"))
              + f"  rows={r['rows']} events={r['events_emitted']}")
    if not args.v:
        return
    system = events_by_id(sysout)
    for g in plv.read_gold(args.gold):
        if part(g.sentence) != "tune" or (args.type and g.gold_root != args.type):
            continue
        events = system.get(g.sentence_id, [])
        ok_types = plv.accepted_types(g.gold_root)
        same = [e for e in events if e["type"] in ok_types]
        src, tgt = plv.content_words(g.source), plv.content_words(g.target)
        dyad = any(plv._side_matches(e, "source", src) and plv._side_matches(e, "target", tgt) for e in same)
        if same and (dyad or not args.dyad):
            continue
        coded = "; ".join(f"{e['type']}({e['trigger']}) {[a['text'] for a in e['source']]}->"
                          f"{[a['text'] for a in e['target']]}" for e in events) or "-"
        print(f"{g.gold_root:9s} [{g.source}] -> [{g.target}] | {coded}\n    {g.sentence}")
    print(json.dumps({"output": str(sysout)}))


if __name__ == "__main__":
    main()
