"""The fixed tune / score split of the TimeML dev sets (TimeBank, AQUAINT).

A document belongs to the *tune* part when the sha256 of its file name (e.g.
``APW19980807.0261.tml``) is even, to the *score* part when it is odd. Errors are looked at
only in the tune part; the score part is only scored, so the generalisation gap stays visible.

    python bench/splits.py --shared ../shared   # counts per part
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

PARTS = ("tune", "score")


def part_of(name: str) -> str:
    """``"tune"`` or ``"score"`` for a document file name (its base name is hashed)."""
    digest = hashlib.sha256(Path(name).name.encode("utf-8")).digest()
    return "tune" if digest[-1] % 2 == 0 else "score"


def split_files(directory: Path) -> dict[str, list[Path]]:
    """The ``.tml`` files of ``directory`` by part."""
    out: dict[str, list[Path]] = {p: [] for p in PARTS}
    for f in sorted(directory.glob("*.tml")):
        out[part_of(f.name)].append(f)
    return out


def link_part(files: list[Path], dest: Path) -> Path:
    """A directory of symlinks to ``files`` (what the scorer reads)."""
    dest.mkdir(parents=True, exist_ok=True)
    for f in files:
        (dest / f.name).symlink_to(f.resolve())
    return dest


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    args = ap.parse_args()
    for name in ("TimeBank", "AQUAINT"):
        parts = split_files(args.shared / "data" / "timeml" / "tbaq-cleaned" / name)
        print(name, "  ".join(f"{p}={len(v)}" for p, v in parts.items()))


if __name__ == "__main__":
    main()
