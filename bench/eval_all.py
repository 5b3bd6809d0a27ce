"""Accuracy evaluations that README quotes, in one command (`make eval`).

    python bench/eval_all.py --shared ../shared

* Temporal tagging, TempEval-3 Task A: `dateline timeml annotate` + `dateline timeml score` on
  TBAQ-cleaned TimeBank and AQUAINT, also on the two fixed parts of each (`bench/splits.py`:
  *tune*, the only part whose errors are looked at, and *score*), e.g. ``timeml/TimeBank/score``;
  and both corpora together, ``timeml/TimeBank+AQUAINT[/tune|/score]``.
* Time expressions in other languages: `dateline timeml score-language` on FR-TimeBank, the
  Spanish TimeBank and MEANTIME, TimeBankPT, tune and score parts (bench/eval_languages.py),
  beside HeidelTime's published value F1.
* Publication days of 300 real web pages (htmldate-eval), tune and score parts, beside htmldate
  alone (bench/eval_pages.py).
* Event coding: `dateline events code` + `dateline events score` on the PLOVER gold dev records
  (GSR JSON) and the PLV dev rows (TSV), each scored on the tuning part and on the scoring part
  of the fixed split (`bench/splits.py`); on the own-sentence set
  `tests/fixtures/events/own_events.tsv`; and false events per 100 sentences on
  `tests/fixtures/events/no_events.txt` (`bench/eval_noevents.py`).
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
from eval_noevents import evaluate as no_events  # noqa: E402
from splits import PARTS, link_part, split, split_files, split_tsv  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
OWN_EVENTS = REPO / "tests" / "fixtures" / "events" / "own_events.tsv"
GSR_KEYS = ("type_accuracy", "source_accuracy", "target_accuracy", "source_accuracy_all",
            "target_accuracy_all", "precision")
PLV_KEYS = ("type_acc", "source_acc", "target_acc", "dyad_acc", "precision")


def dateline(*args: str) -> str:
    res = subprocess.run([sys.executable, "-m", "dateline.cli", *args], capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"dateline {' '.join(args)} failed:\n{res.stderr}")
    return res.stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--timeml-only", action="store_true", help="only TimeBank and AQUAINT (fast)")
    args = ap.parse_args()
    data = args.shared / "data"
    results = {}
    with tempfile.TemporaryDirectory(prefix="dateline-eval-") as tmp:
        tmp = Path(tmp)
        both: dict[str, list[tuple[Path, Path]]] = {"all": []}
        for name in ("TimeBank", "AQUAINT"):
            gold = data / "timeml" / "tbaq-cleaned" / name
            out = tmp / name
            dateline("timeml", "annotate", str(gold), str(out))
            results[f"timeml/{name}"] = json.loads(dateline("timeml", "score", str(gold), str(out), "--json"))
            for part, files in split_files(gold).items():
                g = link_part(files, tmp / f"{name}-{part}-gold")
                s = link_part([out / f.name for f in files], tmp / f"{name}-{part}-sys")
                results[f"timeml/{name}/{part}"] = json.loads(dateline("timeml", "score", str(g), str(s), "--json"))
                pairs = [(f, out / f.name) for f in files]
                both.setdefault(part, []).extend(pairs)
                both["all"].extend(pairs)
        # TimeBank + AQUAINT together (the targets are on the combined scoring part)
        for part in ("all", *PARTS):
            g = link_part([f for f, _ in both[part]], tmp / f"both-{part}-gold")
            s = link_part([o for _, o in both[part]], tmp / f"both-{part}-sys")
            key = "timeml/TimeBank+AQUAINT" + ("" if part == "all" else f"/{part}")
            results[key] = json.loads(dateline("timeml", "score", str(g), str(s), "--json"))
        if args.timeml_only:
            _print(results)
            return
        results.update(gsr(data / "events" / "plover-gsr-dev.json", tmp))
        results.update(plv(data / "events" / "plv-dev.tsv", tmp))
        sysout = tmp / "own.out.jsonl"
        dateline("events", "code", str(OWN_EVENTS), str(sysout))
        results["events/own-events"] = json.loads(dateline("events", "score", str(OWN_EVENTS), str(sysout), "--json"))
    results["events/no-events"] = no_events()[0]
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
        if k == "events/no-events":
            print(f"{k:28s} " + "  ".join(f"{p}={v[p]['false_per_100']:.1f}/100" for p in (*PARTS, "all")))
            continue
        keys = [x for x in ("strict_f1", "relaxed_f1", "value_f1", "type_f1", *GSR_KEYS, *PLV_KEYS) if x in v]
        print(f"{k:28s} " + "  ".join(f"{x}={v[x]:.2f}" for x in dict.fromkeys(keys)))


def gsr(gold: Path, tmp: Path) -> dict:
    """The PLOVER GSR dev records: coded once, scored per part."""
    records = json.loads(gold.read_text(encoding="utf-8"))
    docs = [r for r in records if r.get("event") == "DOCUMENT"]
    inp, sysout = tmp / "gsr.jsonl", tmp / "gsr.out.jsonl"
    with open(inp, "w", encoding="utf-8") as fh:
        for r in records:
            if r.get("event") != "DOCUMENT" and r.get("text"):
                fh.write(json.dumps({"id": r["id"], "text": r["text"], "date": r.get("date")}) + "\n")
    dateline("events", "code", str(inp), str(sysout))
    coded = [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]
    out = {}
    for name, rows in zip(PARTS, split(coded, key=lambda r: r["text"]), strict=True):
        part_gold = tmp / f"gsr.{name}.json"
        part_gold.write_text(json.dumps(docs + rows), encoding="utf-8")
        out[f"events/plover-gsr-dev/{name}"] = json.loads(
            dateline("events", "score", str(part_gold), str(sysout), "--json"))
    return out


def plv(gold: Path, tmp: Path) -> dict:
    """The PLV dev rows: coded once (the TSV is the coder's input), scored per part."""
    sysout = tmp / "plv.out.jsonl"
    dateline("events", "code", str(gold), str(sysout))
    out = {}
    for name, part_gold in split_tsv(gold, tmp).items():
        out[f"events/plv-dev/{name}"] = json.loads(dateline("events", "score", str(part_gold), str(sysout), "--json"))
    return out


if __name__ == "__main__":
    main()
