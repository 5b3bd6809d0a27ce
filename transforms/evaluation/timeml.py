"""TempEval-3 Task A (time expressions): annotate a TimeML folder and score it against the gold.

* :func:`annotate_dir` re-annotates every ``.tml`` file of a folder with
  :func:`transforms.temporal.timeml.annotate_text` (in worker processes when there are enough
  files).
* :func:`score_dirs` computes strict / relaxed extent F1 and value / type F1 over relaxed
  matches (precision over system expressions, recall over gold ones); the DCT is not scored.
  :func:`score_docs` gives the counts of one document.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transforms.temporal.timeml import TimeMLTimex, annotate_text, parse_tml

MAX_WORKERS = 2
COUNTS = ("gold", "system", "strict_matches", "relaxed_matches", "value_matches", "type_matches")
METRICS = (("strict", "strict_matches"), ("relaxed", "relaxed_matches"), ("value", "value_matches"),
           ("type", "type_matches"))


def _annotate_files(pairs: list[tuple[str, str]]) -> int:
    for src_path, dst_path in pairs:
        src = Path(src_path).read_text(encoding="utf-8")
        Path(dst_path).write_text(annotate_text(src), encoding="utf-8")
    return len(pairs)


def annotate_dir(in_dir: str | Path, out_dir: str | Path, workers: int | None = None,
                 min_files_per_worker: int = 50) -> int:
    """Annotate every ``*.tml`` file of ``in_dir`` into ``out_dir``; returns the number of files.

    Uses ``workers`` processes (default: up to 2 CPUs) when there are enough files to pay
    for starting them."""
    src_dir, dst_dir = Path(in_dir), Path(out_dir)
    dst_dir.mkdir(parents=True, exist_ok=True)
    pairs = [(str(p), str(dst_dir / p.name)) for p in sorted(src_dir.glob("*.tml"))]
    workers = workers or max(1, min(MAX_WORKERS, os.cpu_count() or 1))
    if workers <= 1 or len(pairs) < 2 * min_files_per_worker:
        return _annotate_files(pairs)
    size = max(1, -(-len(pairs) // (workers * 4)))
    chunks = [pairs[i:i + size] for i in range(0, len(pairs), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn")) as pool:
        return sum(pool.map(_annotate_files, chunks))


@dataclass(frozen=True, slots=True)
class DocScore:
    """Counts for one document; ``pairs``: (gold index, system index) of the relaxed matches."""

    gold: int
    system: int
    strict_matches: int
    relaxed_matches: int
    value_matches: int
    type_matches: int
    pairs: list[tuple[int, int]] = field(default_factory=list)


def _prf(correct: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_sys if n_sys else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def _relaxed_pairs(gold: Sequence[TimeMLTimex], system: Sequence[TimeMLTimex]) -> list[tuple[int, int]]:
    """One-to-one overlapping pairs: exact matches first, then largest overlap."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                exact = g.start == s.start and g.end == s.end
                cands.append((not exact, -ov, gi, si))
    cands.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gi, si))
    return pairs


def score_docs(gold: Sequence[TimeMLTimex], system: Sequence[TimeMLTimex]) -> DocScore:
    """Counts for one document."""
    gold_spans = {(g.start, g.end) for g in gold}
    strict = sum(1 for s in {(s.start, s.end) for s in system} if s in gold_spans)
    pairs = _relaxed_pairs(gold, system)
    return DocScore(
        gold=len(gold), system=len(system), strict_matches=strict, relaxed_matches=len(pairs),
        value_matches=sum(1 for gi, si in pairs if gold[gi].value == system[si].value),
        type_matches=sum(1 for gi, si in pairs if gold[gi].type == system[si].type), pairs=pairs,
    )


def score_dirs(gold_dir: str | Path, system_dir: str | Path) -> dict[str, Any]:
    """TempEval-3 Task A metrics over the ``.tml`` files present in ``gold_dir``."""
    gdir, sdir = Path(gold_dir), Path(system_dir)
    tot: dict[str, Any] = {k: 0 for k in COUNTS} | {"documents": 0, "missing_system_files": 0}
    for gp in sorted(gdir.glob("*.tml")):
        g = parse_tml(gp).timexes
        sp = sdir / gp.name
        if sp.exists():
            s = parse_tml(sp).timexes
        else:
            s = []
            tot["missing_system_files"] += 1
        c = score_docs(g, s)
        tot["documents"] += 1
        for k in COUNTS:
            tot[k] += getattr(c, k)
    return with_metrics(tot)


def with_metrics(tot: dict[str, Any]) -> dict[str, Any]:
    """The counts ``tot`` (:data:`COUNTS`) with precision, recall and F1 of each metric added."""
    res = dict(tot)
    for name, key in METRICS:
        p, r, f = _prf(tot[key], tot["system"], tot["gold"])
        res[f"{name}_precision"] = round(p, 2)
        res[f"{name}_recall"] = round(r, 2)
        res[f"{name}_f1"] = round(f, 2)
    return res
