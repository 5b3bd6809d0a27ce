"""The story's own time: a reference time that moves with the text (TimeML/TempEval narrative).

A news report often narrates an earlier episode: a passage opens with an explicit past date
("On 3 June 2019 the river flooded ...") and goes on with weekdays, clock times and month names.
After tagging, :func:`reanchor` walks the expressions in text order keeping a *reference time*:
the last explicit past date, or the last expression re-resolved against it, of the same passage
(same paragraph, a bounded number of characters back and of sentences per family). A bare weekday, clock
time, month, or month and day whose value was counted from the publication date is counted
from the reference instead when its sentence narrates in the past (:func:`~transforms.temporal.
tense.direction`) and no reporting verb makes it the time of the report ("officials said
Tuesday"). Only an explicit day is a reference (a year or a month alone is background in
news: "since the invasion in February 2022"), so the value is always a full day. The anchor becomes
``expression:<start>`` of the reference. Deictic expressions ("last Tuesday", "yesterday")
and any other expression counted from the publication date bring the text back to the present:
the reference is dropped. The word lists and bounds are ``seeds/reference/temporal/en/narrative.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from transforms.core.refdata import read_yaml
from transforms.temporal.anaphora import anchor_of
from transforms.temporal.normalise.base import Expr
from transforms.temporal.tense import direction

_PARAGRAPH = re.compile(r"\n\s*\n")
_SENT_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“])")
_WORD = re.compile(r"[A-Za-z]+")
_CLOCK_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}(T.+)$")
PAST = ("past", "past?")


@dataclass(frozen=True, eq=False)
class NarrativeRules:
    """The contents of ``narrative.yaml``."""

    weekday_rules: frozenset[str]
    clock_prefixes: tuple[str, ...]
    month_rules: frozenset[str]
    month_day_rules: frozenset[str]
    explicit_rules: frozenset[str]
    ref_preps: frozenset[str]
    deictic: frozenset[str]
    reporting: frozenset[str]
    min_days: int
    max_chars: int
    max_sentences: Mapping[str, int]  # per family
    report_window: int


@lru_cache(maxsize=1)
def rules() -> NarrativeRules:
    """The narrative rules (read once per process)."""
    d = read_yaml("temporal", "en", "narrative.yaml")
    return NarrativeRules(
        weekday_rules=frozenset(d["weekday_rules"]), clock_prefixes=tuple(d["clock_rule_prefixes"]),
        month_rules=frozenset(d["month_rules"]), month_day_rules=frozenset(d["month_day_rules"]),
        explicit_rules=frozenset(d["explicit_rules"]), ref_preps=frozenset(d["reference_prepositions"]),
        deictic=frozenset(d["deictic_words"]),
        reporting=frozenset(d["reporting_words"]), min_days=int(d["min_days_before_dct"]),
        max_chars=int(d["max_chars"]), max_sentences={k: int(v) for k, v in d["max_sentences"].items()},
        report_window=int(d["reporting_window_tokens"]),
    )


def _kind(ex: Expr, nr: NarrativeRules) -> str | None:
    """Which movable family ``ex`` is (``weekday``, ``clock``, ``month``, ``month_day``), if any."""
    if ex.rule in nr.weekday_rules:
        return "weekday"
    if ex.timex_type == "TIME" and ex.rule.startswith(nr.clock_prefixes):
        return "clock"
    if ex.rule in nr.month_rules:
        return "month"
    if ex.rule in nr.month_day_rules:
        return "month_day"
    return None


def _in_passage(text: str, ref: Expr, ex: Expr, nr: NarrativeRules) -> bool:
    gap = text[ref.end:ex.start]
    return len(gap) <= nr.max_chars and not _PARAGRAPH.search(gap)


def _reaches(text: str, ref: Expr, ex: Expr, kind: str, nr: NarrativeRules) -> bool:
    """Is ``ex`` close enough (in sentences) to ``ref`` for its family?"""
    return len(_SENT_END.findall(text[ref.end:ex.start])) < nr.max_sentences.get(kind, 1)


def _reported(text: str, ex: Expr, nr: NarrativeRules) -> bool:
    """A reporting verb right before or after the expression: the time of the report."""
    n = nr.report_window
    left = _WORD.findall(text[max(0, ex.start - 40):ex.start])[-n:]
    right = _WORD.findall(text[ex.end:ex.end + 40])[:n]
    return any(w.lower() in nr.reporting for w in left + right)


def _weekday(ref: dt.date, wd: int) -> dt.date:
    """The ``wd`` nearest to the reference day (three days either side)."""
    delta = (wd - ref.isoweekday()) % 7
    if delta > 3:
        delta -= 7
    return ref + dt.timedelta(days=delta)


def _moved(ex: Expr, ref: Expr, kind: str) -> tuple[str, dt.date | None, dt.date | None] | None:
    """The value and interval of ``ex`` counted from ``ref`` (``None``: nothing to change)."""
    assert ref.ds is not None
    if kind == "weekday" and ex.ds is not None:
        d = _weekday(ref.ds, ex.ds.isoweekday())
        suffix = ex.value[10:] if len(ex.value) > 10 and ex.value[10] == "T" else ""  # "Tuesday night"
        return d.isoformat() + suffix, d, d
    if kind == "clock":
        m = _CLOCK_VALUE.match(ex.value)
        if not m:
            return None
        return ref.ds.isoformat() + m.group(1), ref.ds, ref.ds
    if kind in ("month", "month_day") and ex.ds is not None and ex.de is not None:
        try:
            ds, de = ex.ds.replace(year=ref.ds.year), ex.de.replace(year=ref.ds.year)
        except ValueError:  # 29 February
            return None
        return f"{ref.ds.year:04d}" + ex.value[4:], ds, de
    return None


def _is_reference(text: str, ex: Expr, dct: dt.date, nr: NarrativeRules) -> bool:
    """An explicit past day used as an adverbial ("On 3 June 2019, ...")."""
    if ex.rule not in nr.explicit_rules or ex.timex_type != "DATE" or ex.anchor is not None or \
            ex.ds is None or ex.de is None or (dct - ex.de).days < nr.min_days:
        return False
    before = _WORD.findall(text[max(0, ex.start - 12):ex.start])
    return bool(before) and before[-1].lower() in nr.ref_preps


def _deictic(text: str, ex: Expr, nr: NarrativeRules) -> bool:
    return any(w.lower() in nr.deictic for w in _WORD.findall(text[ex.start:ex.end]))


def reanchor(exprs: list[Expr], text: str, dct: dt.date) -> None:
    """Re-resolve, in place, the expressions of a narrated past passage (see the module doc)."""
    nr = rules()
    ref: Expr | None = None
    for ex in exprs:
        if ref is not None and not _in_passage(text, ref, ex, nr):
            ref = None
        if _is_reference(text, ex, dct, nr):
            ref = ex
            continue
        if ex.anchor != "publication_date":
            continue
        kind = _kind(ex, nr)
        if ref is None or kind is None or not _reaches(text, ref, ex, kind, nr) or _deictic(text, ex, nr) or \
                _reported(text, ex, nr) or direction(text, ex.start, ex.end, deadline=False) not in PAST:
            ref = None  # back to the present
            continue
        moved = _moved(ex, ref, kind)
        if moved is None:
            ref = None
            continue
        ex.value, ex.ds, ex.de = moved
        ex.anchor = anchor_of(ref)
        if kind in ("weekday", "month_day") and ex.ds is not None:
            ref = ex  # the story's time moves on
