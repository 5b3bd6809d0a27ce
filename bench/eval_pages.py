"""Publication-date accuracy on real web pages, beside htmldate alone on the same pages.

    python bench/eval_pages.py --pages ../shared/data/pages [--json]

The pages are ``htmldate-eval/`` (300 saved news and blog pages with gold publication days,
``htmldate-eval.json``; Apache-2.0, from the htmldate project), split once into a tune and a
score part by file name (``bench/splits.py``). Dateline reads each page as ``dateline run``
would (:func:`transforms.ingest.read_inputs`) and is right when ``published_local_date`` is the
gold day; htmldate alone is ``find_date(page, original_date=True)`` with its defaults. A page
Dateline quarantines counts as wrong. ``--errors`` lists the tune part's wrong pages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import document_key, part  # noqa: E402

from transforms.core.records import Document  # noqa: E402
from transforms.ingest import IngestOptions, read_inputs  # noqa: E402

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # later than every page: the result does not depend on the day


def _htmldate_alone(path: Path) -> str | None:
    from htmldate import find_date

    return find_date(path.read_text(encoding="utf-8", errors="replace"), original_date=True)


def evaluate(pages: Path) -> tuple[dict[str, dict[str, float | int]], list[dict[str, object]]]:
    """Per part: pages, right days for Dateline and for htmldate alone, their accuracies; and every page."""
    gold = json.loads((pages / "htmldate-eval.json").read_text(encoding="utf-8"))
    folder = pages / "htmldate-eval"
    options = IngestOptions(now=NOW)
    rows: list[dict[str, object]] = []
    for name in sorted(gold):
        path = folder / name
        items = list(read_inputs([path], options))
        doc = items[0] if items and isinstance(items[0], Document) else None
        rows.append({"page": name, "part": part(document_key(path)), "gold": gold[name]["date"],
                     "dateline": doc.local_date.isoformat() if doc else None,
                     "source": doc.published_source if doc else getattr(items[0], "reason", None),
                     "utc_day": doc.published_date.isoformat() if doc else None,
                     "htmldate": _htmldate_alone(path)})
    out: dict[str, dict[str, float | int]] = {}
    for p in ("tune", "score", "all"):
        sel = [r for r in rows if p == "all" or r["part"] == p]
        right = sum(1 for r in sel if r["dateline"] == r["gold"])
        alone = sum(1 for r in sel if r["htmldate"] == r["gold"])
        utc = sum(1 for r in sel if r["utc_day"] == r["gold"])
        lost = sum(1 for r in sel if r["utc_day"] == r["gold"] != r["dateline"])  # the local day moved off gold
        won = sum(1 for r in sel if r["dateline"] == r["gold"] != r["utc_day"])  # ... or onto it
        out[p] = {"pages": len(sel), "dateline_right": right, "htmldate_right": alone, "utc_day_right": utc,
                  "local_day_won": won, "local_day_lost": lost,
                  "dateline_accuracy": round(100 * right / len(sel), 1),
                  "htmldate_accuracy": round(100 * alone / len(sel), 1),
                  "utc_day_accuracy": round(100 * utc / len(sel), 1)}
    return out, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=Path("../shared/data/pages"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list the tune part's wrong pages")
    args = ap.parse_args()
    results, rows = evaluate(args.pages)
    if args.json:
        print(json.dumps(results))
    else:
        for p, r in results.items():
            print(f"pages/{p:5s} n={r['pages']}  dateline={r['dateline_accuracy']:.1f}  "
                  f"htmldate alone={r['htmldate_accuracy']:.1f}  (UTC day of published_at={r['utc_day_accuracy']:.1f}; "
                  f"local day right where UTC's is wrong: {r['local_day_won']}, the reverse: {r['local_day_lost']})")
    if args.errors:
        for r in rows:
            if r["part"] == "tune" and r["dateline"] != r["gold"]:
                print(json.dumps(r))


if __name__ == "__main__":
    main()
