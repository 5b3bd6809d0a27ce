"""One language's lexicon: dateparser's locale data plus our cue file, compiled once per process.

dateparser ships, per language, the names of months and weekdays, the words for units, the
"ago" words, and whole relative phrases ("la semana pasada" = 1 week ago, "demain" = in 1 day,
"vor (\\d+) Tagen" = N days ago). What it does not know -- which words mark the future or the
past around a bare weekday or month, future tense, parts of day, named periods, number words,
sets, quarters, decades, clock patterns, extents -- is ours, in
``seeds/reference/temporal/<lang>/cues.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from transforms.core.refdata import read_yaml
from transforms.settings import reference_path

MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = ("year", "month", "week", "day")
CLOCK_UNITS = ("hour",)
MIN_ASCII_WORD = 3  # shorter ASCII unit words and phrases ("d", "m") are too loose in running text
MIN_AGO_WORD = 2
ENGLISH = "en"
_REL_KEY = re.compile(r"^(?:(in) )?(\d+) (year|month|week|day)(?: (ago))?$")
_REL_REGEX_KEY = re.compile(r"^(in )?\\1 (year|month|week|day)( ago)?$")

Relative = tuple[int, str]  # signed offset, unit


@dataclass
class LanguageLexicon:
    """Everything the matcher and the normalisers need for one language."""

    code: str
    months: dict[str, int]  # lower-cased name -> month number
    weekdays: dict[str, int]  # lower-cased name -> weekday (Monday = 0)
    relative: dict[str, Relative]  # lower-cased phrase -> (signed offset, unit)
    relative_regex: list[tuple[re.Pattern[str], int, str]]  # pattern with a number group, sign, unit
    cues: dict[str, Any] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # lower-cased unit word -> year/month/week/day/hour
    ago: list[str] = field(default_factory=list)  # dateparser's "ago" words ("hace", "vor", "назад")
    numbers: dict[str, Any] = field(default_factory=dict)  # number words of the cue file ("X": vague)
    future_re: re.Pattern[str] | None = None  # a future-tense marker anywhere in the sentence
    patterns: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)

    def cue_value(self, kind: str, word: str) -> Any:
        """The value of ``word`` in the cue mapping ``kind`` (``parts_of_day``, ``sets`` ...), any case."""
        table = self.cues.get(kind) or {}
        return next(v for k, v in table.items() if k.lower() == word.lower())


def supported_languages() -> tuple[str, ...]:
    """Languages with a cue file in ``seeds/reference/temporal/`` besides English."""
    base = reference_path("temporal")
    return tuple(sorted(p.parent.name for p in base.glob("*/cues.yaml") if p.parent.name != ENGLISH))


def _loose(word: str) -> bool:
    return len(word) < MIN_ASCII_WORD and word.isascii()


def _relative_phrases(info: dict[str, Any]) -> dict[str, Relative]:
    """dateparser's fixed relative phrases ("hier" = 1 day ago), by their signed offset."""
    phrases: dict[str, Relative] = {}
    for key, words in (info.get("relative-type") or {}).items():
        m = _REL_KEY.match(key)
        if not m:
            continue
        n = int(m.group(2))
        sign = 1 if m.group(1) else (-1 if m.group(4) else 0)
        if n and not sign:
            continue
        phrases.update({w.lower(): (sign * n, m.group(3)) for w in words if not _loose(w)})
    return phrases


def _relative_regexes(info: dict[str, Any]) -> list[tuple[re.Pattern[str], int, str]]:
    """dateparser's counted relative patterns ("vor (\\d+) Tagen"), whole-unit forms only."""
    regexes: list[tuple[re.Pattern[str], int, str]] = []
    for key, pats in (info.get("relative-type-regex") or {}).items():
        m = _REL_REGEX_KEY.match(key)
        if not m:
            continue
        sign = 1 if m.group(1) else -1
        for p in pats:
            p = p.replace("++", "+").replace("*+", "*")  # possessive quantifiers
            if not re.search(r"\(\\d", p):
                continue
            tail = re.split(r"\)\s*", p)[-1] if ")" in p else ""
            head = p.split("(")[0]
            if _loose(tail.strip()) if tail else _loose(head.strip()):
                continue  # an abbreviation ("d", "m")
            try:
                regexes.append((re.compile(p, re.IGNORECASE), sign, m.group(2)))
            except re.error:
                continue
    return regexes


def _names(info: dict[str, Any], extra: dict[str, list[str]], keys: tuple[str, ...], first: int) -> dict[str, int]:
    return {w.lower(): i for i, k in enumerate(keys, first) for w in info.get(k, []) + extra.get(k, [])}


@cache
def lexicon(code: str) -> LanguageLexicon:
    """The compiled lexicon of language ``code`` (dateparser's locale plus our cue file)."""
    from dateparser.languages.loader import LocaleDataLoader

    from transforms.temporal.languages.patterns import compile_patterns

    info = LocaleDataLoader().get_locale(code).info
    cues = read_yaml("temporal", code, "cues.yaml") or {}
    relative = _relative_phrases(info)
    relative.update({p.lower(): (int(n), u) for p, (n, u) in (cues.get("relative_phrases") or {}).items()})
    for phrase in cues.get("relative_exclude") or []:
        relative.pop(phrase.lower(), None)
    extra_units = cues.get("extra_units") or {}
    units = {w.lower(): u for u in UNITS + CLOCK_UNITS for w in info.get(u, []) + extra_units.get(u, [])
             if not _loose(w)}
    lex = LanguageLexicon(
        code, _names(info, cues.get("extra_months") or {}, MONTH_KEYS, 1),
        _names(info, cues.get("extra_weekdays") or {}, WEEKDAY_KEYS, 0), relative, _relative_regexes(info), cues,
        units=units, ago=[w for w in info.get("ago", []) if len(w) >= MIN_AGO_WORD],
        numbers={k.lower(): v for k, v in (cues.get("numbers") or {}).items()})
    if cues.get("future_tense"):
        lex.future_re = re.compile("|".join(cues["future_tense"]), re.IGNORECASE)
    lex.patterns = compile_patterns(lex)
    return lex
