"""What language detection costs in ingest: its share of the time to read inputs into documents.

    python bench/bench_language.py FOLDER [FOLDER ...]

Each folder is read as ``dateline run`` reads it (:func:`transforms.ingest.read_inputs`, one
process, warmed up on the first file); the time spent inside
:func:`transforms.ingest.language.identify_language` is summed with a timing wrapper around it.
Target: at most 10 % of ingest time. The figures in README come from
``bench/bench_language.py ../shared/data/pages/htmldate-eval ../shared/data/timeml/fr-frtimebank``
(300 real web pages in several languages; 108 French news texts as TimeML).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import transforms.ingest.document as document
from transforms.core.records import Document
from transforms.ingest import IngestOptions, read_inputs

TARGET_SHARE = 0.10


def _timed(fn: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)
    return wrapper


def measure(folder: Path) -> dict[str, Any]:
    """Ingest seconds, detection seconds and share, documents and their languages for one folder."""
    options = IngestOptions(now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    list(read_inputs(files[:1], options))  # warm-up: imports, lexicons, the detector's profiles
    spent: list[float] = []
    original = document.identify_language
    document.identify_language = _timed(original, spent)
    try:
        start = time.perf_counter()
        items = list(read_inputs(files, options))
        total = time.perf_counter() - start
    finally:
        document.identify_language = original
    docs = [i for i in items if isinstance(i, Document)]
    languages: dict[str, int] = {}
    for d in docs:
        languages[d.language or "?"] = languages.get(d.language or "?", 0) + 1
    detect = sum(spent)
    return {"folder": folder.name, "documents": len(docs), "items": len(items), "ingest_seconds": round(total, 2),
            "detection_seconds": round(detect, 2), "detection_share": round(detect / total, 3),
            "languages": dict(sorted(languages.items(), key=lambda kv: -kv[1]))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results = [measure(f) for f in args.folders]
    if args.json:
        print(json.dumps(results))
        return
    for r in results:
        verdict = "ok" if r["detection_share"] <= TARGET_SHARE else "OVER TARGET"
        print(f"{r['folder']:16s} docs={r['documents']:4d} ingest={r['ingest_seconds']:6.2f}s "
              f"detection={r['detection_seconds']:5.2f}s share={100 * r['detection_share']:4.1f}% ({verdict}) "
              f"languages={r['languages']}")


if __name__ == "__main__":
    main()
