"""The one split rule for every dev set: a part to read and tune on, a part only to score.

Each dev item has a key: the normalised text of a sentence (PLV rows, PLOVER GSR records, the
no-event sentences), or a stable name for a document (a TimeBank ``.tml`` file name, an
htmldate page's file name). The part of an item is fixed by the SHA-256 of ``SALT`` and that
key: the first 8 hex digits read as a number below ``SCORE_SHARE`` of their range put the item
in the scoring part, the rest in the tuning part. The rule never looks at labels and never
changes; an item keeps its part whatever else is added to the set.

    from splits import part, split            # from a bench/ script (bench/ is on sys.path)
    part("Some sentence.")                    # "tune" or "score"
    tune, score = split(rows, key=lambda r: r["sentence"])

Command line (prints the counts per part of a dev set):

    python bench/splits.py plv ../shared/data/events/plv-dev.tsv
    python bench/splits.py gsr ../shared/data/events/plover-gsr-dev.json
    python bench/splits.py files ../shared/data/timeml/tbaq-cleaned/TimeBank
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

SALT = "dateline-dev-split-v1"
SCORE_SHARE = 0.5
PARTS = ("tune", "score")

T = TypeVar("T")
_SPACE = re.compile(r"\s+")


def normalise(key: str) -> str:
    """NFKC, curly quotes made straight, lower case, runs of white space as one space, trimmed."""
    text = unicodedata.normalize("NFKC", key)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return _SPACE.sub(" ", text).strip().lower()


def part(key: str) -> str:
    """``"score"`` or ``"tune"`` for a sentence text or a document name."""
    digest = hashlib.sha256(f"{SALT}\x1f{normalise(key)}".encode()).hexdigest()
    return "score" if int(digest[:8], 16) < SCORE_SHARE * 16 ** 8 else "tune"


def document_key(path: str | Path) -> str:
    """The key of a document file: its file name (folders and machines may differ)."""
    return Path(path).name


def split(items: Iterable[T], key: Callable[[T], str]) -> tuple[list[T], list[T]]:
    """``(tune, score)`` lists of ``items`` in their original order."""
    tune: list[T] = []
    score: list[T] = []
    for it in items:
        (score if part(key(it)) == "score" else tune).append(it)
    return tune, score


def split_files(directory: Path, pattern: str = "*.tml") -> dict[str, list[Path]]:
    """The files of a dev-set folder by part (keyed by :func:`document_key`)."""
    out: dict[str, list[Path]] = {p: [] for p in PARTS}
    for f in sorted(directory.glob(pattern)):
        out[part(document_key(f))].append(f)
    return out


def link_part(files: list[Path], dest: Path) -> Path:
    """A folder of symlinks to ``files`` (what a folder-based scorer reads for one part)."""
    dest.mkdir(parents=True, exist_ok=True)
    for f in files:
        (dest / f.name).symlink_to(f.resolve())
    return dest


def split_tsv(gold: Path, dest: Path, key_column: str = "sentence") -> dict[str, Path]:
    """The rows of a gold TSV by part, each written to ``dest/<stem>.<part>.tsv`` with the header
    (what a TSV scorer reads for one part)."""
    with open(gold, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        fields, rows = reader.fieldnames or [], list(reader)
    dest.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, part_rows in zip(PARTS, split(rows, key=lambda r: r[key_column]), strict=True):
        out[name] = dest / f"{gold.stem}.{name}.tsv"
        with open(out[name], "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=fields, delimiter="\t")
            w.writeheader()
            w.writerows(part_rows)
    return out


def _main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("plv", "gsr", "files", "lines"):
        print(__doc__.split("Command line")[1], file=sys.stderr)
        return 2
    kind, where = argv[0], Path(argv[1])
    if kind == "plv":
        with open(where, encoding="utf-8", newline="") as f:
            keys = [r["sentence"] for r in csv.DictReader(f, delimiter="\t")]
    elif kind == "gsr":
        import json
        keys = [r["text"] for r in json.loads(where.read_text(encoding="utf-8"))
                if r.get("event") != "DOCUMENT" and r.get("text")]
    elif kind == "lines":
        keys = [ln for ln in where.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    else:
        keys = [document_key(p) for p in sorted(where.iterdir()) if p.is_file()]
    counts = {p: 0 for p in PARTS}
    for k in keys:
        counts[part(k)] += 1
    print(" ".join(f"{p}={n}" for p, n in counts.items()), f"total={len(keys)}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
