"""False-friend filters: cheap checks that reject a candidate match before it is normalised.

One check per rule family, keyed by rule name (:func:`keep`): the modal "May" at a sentence
start or before a verb, "March on ...", "$35 a night", "52 years old", "a second reason", "a
quarter of the shares", "a fall in prices", a four-digit number that is not a year, "as soon
as", "the future of" ... The words come from ``seeds/reference/temporal/en/filters.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from transforms.core.refdata import read_yaml
from transforms.temporal.lexicon import load_lexicon


class MatchLike(Protocol):
    """What a check (and a normaliser) reads of a candidate match: a ``re.Match``, or a
    :class:`transforms.temporal.lexer.LowerMatch` (found in the lower-cased text)."""

    def start(self, group: int | str = 0, /) -> int: ...
    def end(self, group: int | str = 0, /) -> int: ...
    def group(self, group: int | str = 0, /) -> Any: ...
    def groupdict(self) -> dict[str, Any]: ...


_SENT_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|[\"“]\s*)$")
BEFORE_CHARS = 30


def _words(words: Iterable[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words)) + ")"


@dataclass(frozen=True, eq=False)
class _Rx:
    """The filter expressions, built from ``filters.yaml`` once."""

    modal_next: re.Pattern[str]
    verb_next: re.Pattern[str]
    rate_before: re.Pattern[str]
    freq_before: re.Pattern[str]
    age_after: re.Pattern[str]
    season_ok_before: re.Pattern[str]
    season_next: re.Pattern[str]
    year_cue_before: re.Pattern[str]
    present_next: re.Pattern[str]
    future_next: re.Pattern[str]
    soon_before: re.Pattern[str]
    soon_after: re.Pattern[str]


@lru_cache(maxsize=1)
def _rx() -> _Rx:
    lx = load_lexicon()
    f = lx.filters
    punct = "".join(re.escape(p) for p in sorted(f.year_punctuation_before))
    return _Rx(
        modal_next=re.compile(rf"\s+{_words(f.modal_month_next_words)}\b"),
        verb_next=re.compile(rf"\s+{_words(f.verb_month_next_words)}\b"),
        rate_before=re.compile(rf"(?:{f.rate_before_pattern})$", re.IGNORECASE),
        freq_before=re.compile(rf"\b{_words(f.frequency_words)}\s+$", re.IGNORECASE),
        age_after=re.compile(rf"[- ]{_words(f.age_words)}\b"),
        season_ok_before=re.compile(rf"(?:\b{_words(f.season_words_before)}\s+(?:{re.escape(f.season_determiner)}"
                                    rf"\s+)?|{_words(f.season_prefixes_before)})$", re.IGNORECASE),
        season_next=re.compile(rf"\s+{re.escape(f.season_next_word)}\b"),
        year_cue_before=re.compile(rf"(?:\b{_words(set(f.year_words_before) | set(lx.month_names))}\s*|"
                                   rf"[{punct}]\s*)$", re.IGNORECASE),
        present_next=re.compile(rf"\s*{_words(f.present_word_next)}\b"),
        future_next=re.compile(rf"\s+{_words(f.future_word_next)}\b"),
        soon_before=re.compile(rf"\b{_words(f.soon_words_before)}\s+$"),
        soon_after=re.compile(rf"\s+{_words(f.soon_words_after)}\b"),
    )


Check = Callable[[str, MatchLike, str, dt.date], bool]


def _month_rel(name: str, m: MatchLike, text: str, dct: dt.date) -> bool:
    f, rx = load_lexicon().filters, _rx()
    before = text[max(0, m.start() - BEFORE_CHARS):m.start()]
    month = m.group("month")
    if not m.group("rel") and not m.group("relafter") and month in (f.modal_month.capitalize(),
                                                                      f.modal_month.upper()):
        if _SENT_START.search(before):
            return False
        if rx.modal_next.match(text[m.end():m.end() + 12]):
            return False
    if month in (f.verb_month.capitalize(), f.verb_month.upper()) and rx.verb_next.match(text[m.end():m.end() + 10]):
        return False
    return True


def _set_every(name: str, m: MatchLike, text: str, dct: dt.date) -> bool:
    if m.group("q").lower() in load_lexicon().filters.indefinite_articles:
        # "twice a week" is a SET; "$35 a night", "10,000 units a year" are rates, not timexes
        before = text[max(0, m.start() - BEFORE_CHARS):m.start()]
        if not _rx().freq_before.search(before) or m.group("num"):
            return False
    return True


@lru_cache(maxsize=1)
def _set_adverbs() -> tuple[frozenset[str], frozenset[str]]:
    """(adverb-only set words, words after which a set word is still an adverb): ``sets.yaml``."""
    d = read_yaml("temporal", "en", "sets.yaml")
    return frozenset(d["adverbs"]), frozenset(d["adverb_next_words"])


def _set_adj(name: str, m: MatchLike, text: str, dct: dt.date) -> bool:
    # "quarterly dividend", "daily newspaper": adjectival use is not a time expression;
    # "paid annually", "meets weekly in ...": adverbs are
    adverbs, next_ok = _set_adverbs()
    if _rx().rate_before.search(text[max(0, m.start() - BEFORE_CHARS):m.start()]):
        return False  # "grow 8% annually", "$5 daily": a rate, like "$35 a night"
    if m.group(0).lower() in adverbs:
        return True
    nxt = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 24])
    return nxt is None or nxt.group(1) in next_ok


def _a_rate(name: str, m: MatchLike, text: str) -> bool:
    """"a year" after an amount: a rate ("$1.76 a year"), not a duration."""
    num = (m.group("num") or "").lower() if name == "duration" else m.group(0).split()[0].lower()
    before = text[max(0, m.start() - BEFORE_CHARS):m.start()]
    return num in load_lexicon().filters.indefinite_articles and bool(_rx().rate_before.search(before))


def _duration(name: str, m: MatchLike, text: str, dct: dt.date) -> bool:
    f = load_lexicon().filters
    if _a_rate(name, m, text):
        return False
    adj = (m.group("adj") or "").lower()
    unit, num = m.group("unit").lower(), (m.group("num") or "").lower()
    if adj[1:] in f.age_words and unit.startswith(f.age_unit):
        return False
    after = text[m.end():m.end() + 4].lower()
    if unit.startswith(f.fraction_unit) and (after.startswith(" " + f.fraction_next_word) or "-" in m.group(0)):
        return False  # "a quarter of the shares", "three-quarters"
    if unit == f.ordinal_unit and num in f.ordinal_unit_numbers:
        return False  # "a second reason"
    return True


def _duration_the_unit(name: str, m: MatchLike, text: str, dct: dt.date) -> bool:
    return not _a_rate(name, m, text)


def _duration_bare_plural(name: str, m: MatchLike, text: str, dct: dt.date) -> bool:
    before = text[max(0, m.start() - BEFORE_CHARS):m.start()]
    return not (_rx().age_after.match(text[m.end():m.end() + 5]) or re.search(r"\d\s*$", before))


def _season(name: str, m: MatchLike, text: str, dct: dt.date) -> bool:
    f, rx = load_lexicon().filters, _rx()
    if m.group("season").lower() in f.ambiguous_seasons and not m.group("rel") and not m.group("year"):
        if rx.season_next.match(text[m.end():m.end() + 4]):
            return False  # "the fall of the Berlin Wall"
        before = text[max(0, m.start() - BEFORE_CHARS):m.start()]
        start_word = text[m.start():m.start() + 4].lower()
        the = f.season_determiner + " "
        return start_word == the and bool(rx.season_ok_before.search(before + the)) or \
            bool(rx.season_ok_before.search(before))
    return True


def _year(name: str, m: MatchLike, text: str, dct: dt.date) -> bool:
    y = int(m.group("year"))
    before = text[max(0, m.start() - BEFORE_CHARS):m.start()]
    return 1900 <= y <= dct.year + 15 or bool(_rx().year_cue_before.search(before))


def _ref(name: str, m: MatchLike, text: str, dct: dt.date) -> bool:
    f, rx = load_lexicon().filters, _rx()
    x = m.group("x").lower()
    after = text[m.end():m.end() + 13]
    if x == f.present_word and rx.present_next.match(after[:8]):
        return True
    if x == f.future_word and rx.future_next.match(after[:8]):
        return False
    if x == f.soon_word:
        before = text[max(0, m.start() - BEFORE_CHARS):m.start()]
        if rx.soon_before.search(before) or rx.soon_after.match(after):
            return False  # "as soon as", "soon after": not a time point
    return True


CHECKS: dict[str, Check] = {
    "date_month_rel": _month_rel,
    "set_every": _set_every,
    "set_adj": _set_adj,
    "duration": _duration,
    "duration_the_unit": _duration_the_unit,
    "duration_bare_plural": _duration_bare_plural,
    "date_season": _season,
    "date_year": _year,
    "present_ref": _ref,
    "current_adj": _ref,
    "past_ref": _ref,
    "future_ref": _ref,
}


def keep(name: str, m: MatchLike, text: str, dct: dt.date) -> bool:
    """False when the match ``m`` of rule ``name`` is a known false friend."""
    check = CHECKS.get(name)
    return check(name, m, text, dct) if check is not None else True
