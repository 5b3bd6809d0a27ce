"""Time-expression value F1 in other languages on public TIMEX3 gold, tune and score parts.

    python bench/eval_languages.py --shared ../shared [--json]

Each corpus is tagged and scored by the product command ``dateline timeml score-language``
(per document); the documents are split by their key (``bench/splits.py``) and each part summed.
HeidelTime's published value F1 is printed beside, where there is one (whole corpus, its own
evaluation; the READMEs under ``../shared/data/timeml/`` give the sources).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import part  # noqa: E402

from transforms.evaluation.languages import total  # noqa: E402

#: name -> (path under data/timeml, language, gold format, HeidelTime's value F1 or None, what it is)
CORPORA: dict[str, tuple[str, str, str, float | None, str]] = {
    "fr-frtimebank": ("fr-frtimebank", "fr", "tml", 73.63, "HeidelTime 1.8, whole corpus"),
    "es-timebank": ("es-timebank/train.tsv", "es", "bio", 84.14, "HeidelTime 1.8, TE3 Spanish trainT3"),
    "es-meantime": ("es-meantime/test.tsv", "es", "bio", None, "no published figure"),
    "pt-timebankpt": ("pt-timebankpt", "pt", "tempeval1", None, "no published value figure"),
}


def score_corpus(gold: Path, language: str, fmt: str) -> dict[str, Any]:
    """tune / score / all metrics of one corpus."""
    res = subprocess.run([sys.executable, "-m", "dateline.cli", "timeml", "score-language", str(gold),
                          "--language", language, "--format", fmt, "--per-document", "--json"],
                         capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"dateline timeml score-language {gold} failed:\n{res.stderr}")
    docs = json.loads(res.stdout)["documents"]
    return {"tune": total(d for d in docs if part(d["key"]) == "tune"),
            "score": total(d for d in docs if part(d["key"]) == "score"), "all": total(docs)}


def evaluate(shared: Path) -> dict[str, Any]:
    out = {}
    for name, (rel, language, fmt, heideltime, what) in CORPORA.items():
        out[name] = {"language": language, "heideltime_value_f1": heideltime, "heideltime": what,
                     **score_corpus(shared / "data" / "timeml" / rel, language, fmt)}
    return out


def report(results: dict[str, Any]) -> list[str]:
    lines = []
    for name, r in results.items():
        ht = f"{r['heideltime_value_f1']:.2f}" if r["heideltime_value_f1"] is not None else "-"
        lines.append(f"timex/{name:14s} value F1 tune={r['tune']['value_f1']:5.2f} score={r['score']['value_f1']:5.2f} "
                     f"all={r['all']['value_f1']:5.2f}  (strict {r['all']['strict_f1']:.2f}, relaxed "
                     f"{r['all']['relaxed_f1']:.2f}; HeidelTime {ht}: {r['heideltime']})")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results = evaluate(args.shared)
    print(json.dumps(results) if args.json else "\n".join(report(results)))


if __name__ == "__main__":
    main()
