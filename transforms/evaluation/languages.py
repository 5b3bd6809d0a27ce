"""Time expressions in other languages scored on public TIMEX3 gold (TempEval-3 Task A metrics).

:func:`score_language` tags every gold document with ``transforms.temporal.tag(text, dct,
language=...)`` and scores it with :func:`transforms.evaluation.timeml.score_docs` (strict and
relaxed extents; value and type over relaxed matches). The counts of each document are kept
with its key, so a caller can split the corpus (``bench/splits.py``) and sum the parts with
:func:`total`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from transforms import temporal
from transforms.evaluation.gold import GoldDoc
from transforms.evaluation.timeml import COUNTS, score_docs, with_metrics
from transforms.temporal.timeml import TimeMLTimex


def system_timexes(doc: GoldDoc, language: str) -> list[TimeMLTimex]:
    """Our time expressions of a gold document's text, as TimeML records."""
    return [TimeMLTimex(t.start, t.end, t.text, t.timex_type, t.value, t.mod)
            for t in temporal.tag(doc.text, doc.dct, language=language)]


def document_counts(docs: Sequence[GoldDoc], language: str) -> list[dict[str, Any]]:
    """Per document: its key and the counts of :data:`~transforms.evaluation.timeml.COUNTS`."""
    out = []
    for doc in docs:
        c = score_docs(doc.timexes, system_timexes(doc, language))
        out.append({"key": doc.key, **{k: getattr(c, k) for k in COUNTS}})
    return out


def total(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Summed counts of some documents, with precision, recall and F1 of every metric."""
    tot: dict[str, Any] = {k: 0 for k in COUNTS} | {"documents": 0}
    for r in rows:
        tot["documents"] += 1
        for k in COUNTS:
            tot[k] += r[k]
    return with_metrics(tot)


def score_language(docs: Sequence[GoldDoc], language: str) -> dict[str, Any]:
    """``{"language", "total": metrics, "documents": per-document counts}``."""
    rows = document_counts(docs, language)
    return {"language": language, "total": total(rows), "documents": rows}
