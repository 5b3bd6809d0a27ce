"""Baseline for the pipeline benchmark: spaCy small, all components, one process, nlp.pipe.

Usage: python bench/spacy_baseline.py TML_DIR N   (prints docs processed)
"""

from __future__ import annotations

import re
import sys
from html import unescape
from pathlib import Path

import spacy

from transforms.settings import SPACY_MODEL

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")


def texts(folder: Path, n: int) -> list[str]:
    out = []
    for p in sorted(folder.glob("*.tml"))[:n]:
        m = _TEXT.search(p.read_text(encoding="utf-8"))
        out.append(unescape(_TAG.sub("", m.group(1))).strip() if m else "")
    return out


def main() -> None:
    folder, n = Path(sys.argv[1]), int(sys.argv[2])
    docs = texts(folder, n)
    nlp = spacy.load(SPACY_MODEL)
    count = sum(1 for _ in nlp.pipe(docs, batch_size=64))
    print(f"spacy processed {count} docs")


if __name__ == "__main__":
    main()
