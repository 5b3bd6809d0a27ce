"""Annotate a TimeML dir with transforms.evaluation.timeml and score it against the gold.

    .venv/bin/python bench/eval_timeml.py /work/shared/data/timeml/tbaq-cleaned/TimeBank [--errors N] [--part tune]

``--part tune`` (or ``score``) scores, and lists the errors of, only that part of the fixed split
(``bench/splits.py``); errors are only ever read on the tune part.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from splits import PARTS, link_part, split_files  # noqa: E402

from transforms.evaluation.timeml import annotate_dir, score_dirs, score_docs  # noqa: E402
from transforms.temporal.timeml import parse_tml  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    ap.add_argument("--out", default=None)
    ap.add_argument("--part", choices=PARTS, default=None, help="only this part of bench/splits.py")
    a = ap.parse_args()
    out = Path(a.out) if a.out else Path(tempfile.mkdtemp(prefix="timeml-"))
    if a.part:
        a.gold_dir = str(link_part(split_files(Path(a.gold_dir))[a.part], out.with_name(out.name + "-gold")))
    annotate_dir(a.gold_dir, out)
    res = score_dirs(a.gold_dir, out)
    print(json.dumps({k: res[k] for k in ("strict_f1", "relaxed_f1", "value_f1", "type_f1", "gold", "system",
                                          "strict_matches", "relaxed_matches", "value_matches")}))
    if a.errors:
        fn, fp, val, ext = [], [], [], []
        for gp in sorted(Path(a.gold_dir).glob("*.tml")):
            gd = parse_tml(gp)
            sd = parse_tml(out / gp.name)
            g, s = gd.timexes, sd.timexes
            c = score_docs(g, s)
            mg = {gi for gi, _ in c.pairs}
            ms = {si for _, si in c.pairs}
            for gi, x in enumerate(g):
                if gi not in mg:
                    fn.append(f"{gp.stem} {gd.dct} FN {x.type} {x.value} | {x.text} | "
                              f"...{gd.text[max(0, x.start - 50):x.end + 30]!r}")
            for si, x in enumerate(s):
                if si not in ms:
                    fp.append(f"{gp.stem} FP {x.type} {x.value} | {x.text} | "
                              f"...{sd.text[max(0, x.start - 50):x.end + 30]!r}")
            for gi, si in c.pairs:
                if g[gi].value != s[si].value:
                    val.append(f"{gp.stem} {gd.dct} VAL gold={g[gi].value} sys={s[si].value} | "
                               f"{g[gi].text} | {s[si].text} | "
                               f"...{gd.text[max(0, g[gi].start - 60):g[gi].end + 20]!r}")
                if (g[gi].start, g[gi].end) != (s[si].start, s[si].end):
                    ext.append(f"{gp.stem} EXT gold=[{g[gi].text}] sys=[{s[si].text}]")
        for name, lst in (("FN", fn), ("FP", fp), ("VAL", val), ("EXT", ext)):
            print(f"== {name} {len(lst)}")
            for x in lst[:a.errors]:
                print(x)


if __name__ == "__main__":
    main()
