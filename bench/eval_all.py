"""Accuracy evaluations that README quotes, in one command (`make eval`).

    python bench/eval_all.py --shared ../shared

* Temporal tagging, TempEval-3 Task A: `dateline timeml annotate` + `dateline timeml score` on
  TBAQ-cleaned TimeBank and AQUAINT.
  Each is also scored on its two fixed parts (:mod:`bench.splits`: *tune*, the only part whose
  errors are looked at, and *score*), e.g. ``timeml/TimeBank/score``.
* Event coding: `dateline events code` + `dateline events score` on the PLOVER gold dev records.
* Time expressions in other languages: `dateline timeml score-language` on FR-TimeBank, the
  Spanish TimeBank and MEANTIME, TimeBankPT, tune and score parts (bench/eval_languages.py),
  beside HeidelTime's published value F1.
* Publication days of 300 real web pages (htmldate-eval), tune and score parts, beside htmldate
  alone (bench/eval_pages.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_languages  # noqa: E402
import eval_pages  # noqa: E402
from splits import link_part, split_files  # noqa: E402


def dateline(*args: str) -> str:
    res = subprocess.run([sys.executable, "-m", "dateline.cli", *args], capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"dateline {' '.join(args)} failed:\n{res.stderr}")
    return res.stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--timeml-only", action="store_true", help="skip the event coding evaluation")
    args = ap.parse_args()
    data = args.shared / "data"
    results = {}
    with tempfile.TemporaryDirectory(prefix="dateline-eval-") as tmp:
        tmp = Path(tmp)
        for name in ("TimeBank", "AQUAINT"):
            gold = data / "timeml" / "tbaq-cleaned" / name
            out = tmp / name
            dateline("timeml", "annotate", str(gold), str(out))
            results[f"timeml/{name}"] = json.loads(dateline("timeml", "score", str(gold), str(out), "--json"))
            for part, files in split_files(gold).items():
                g = link_part(files, tmp / f"{name}-{part}-gold")
                s = link_part([out / f.name for f in files], tmp / f"{name}-{part}-sys")
                results[f"timeml/{name}/{part}"] = json.loads(dateline("timeml", "score", str(g), str(s), "--json"))
        if args.timeml_only:
            _print(results)
            return
        gold = data / "events" / "plover-gsr-dev.json"
        records = json.loads(gold.read_text(encoding="utf-8"))
        inp = tmp / "gsr.jsonl"
        with open(inp, "w", encoding="utf-8") as fh:
            for r in records:
                if r.get("event") != "DOCUMENT" and r.get("text"):
                    fh.write(json.dumps({"id": r["id"], "text": r["text"]}) + "\n")
        sysout = tmp / "gsr.out.jsonl"
        dateline("events", "code", str(inp), str(sysout))
        results["events/plover-gsr-dev"] = json.loads(dateline("events", "score", str(gold), str(sysout), "--json"))
    languages = eval_languages.evaluate(args.shared)
    pages, _rows = eval_pages.evaluate(data / "pages")
    _print(results)
    print("\n".join(eval_languages.report(languages)))
    for p, r in pages.items():
        print(f"pages/htmldate-eval/{p:5s} publication day right: dateline={r['dateline_accuracy']:.1f}%  "
              f"htmldate alone={r['htmldate_accuracy']:.1f}%  (n={r['pages']})")
    results["timex_languages"] = languages
    results["pages/htmldate-eval"] = pages
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "eval.json").write_text(json.dumps(results, indent=2))


def _print(results: dict) -> None:
    for k, v in results.items():
        keys = [x for x in ("strict_f1", "relaxed_f1", "value_f1", "type_f1", "type_accuracy", "source_accuracy",
                            "target_accuracy", "precision") if x in v]
        print(f"{k:28s} " + "  ".join(f"{x}={v[x]:.2f}" for x in keys))


if __name__ == "__main__":
    main()
