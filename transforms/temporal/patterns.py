"""Compiled extraction rules: ``rules.yaml`` with its ``%PLACEHOLDERS%`` expanded from the lexicon.

A rule (:class:`Rule`) is a name, a regular expression, a TIMEX3 type, the name of its
normaliser (``norm``, a key of :data:`transforms.temporal.normalise.NORMALISERS`), an optional
fixed value and the trigger classes it is tried near. :func:`compiled` builds them once per
process, with the trigger scanner and the modifier-prefix expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from transforms.core.refdata import read_yaml
from transforms.temporal.lexicon import LANG, Lexicon, load_lexicon


def alternation(words: Iterable[str], case_sensitive: bool = False) -> str:
    """A regex alternation of ``words``, longest first; spaces match any whitespace run.

    ``case_sensitive``: only the capitalised and the upper-case forms match (month names)."""
    forms = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", r"\s+")
        if case_sensitive:
            forms += [re.escape(w.capitalize()), re.escape(w.upper())]
        else:
            forms.append(esc)
    body = "|".join(forms)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def in_order(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` in the given order (each escaped)."""
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


@dataclass(frozen=True, eq=False)
class Rule:
    """One extraction rule of ``rules.yaml``, compiled."""

    index: int  # position in rules.yaml: ties between equally long matches go to the earlier rule
    name: str
    timex_type: str
    norm: str
    value: str | None  # the value of a ``fixed`` rule
    near: tuple[str, ...]  # trigger classes
    regex: re.Pattern[str]
    requires: re.Pattern[str] | None = None  # text every match contains: a window without it is skipped
    requires_lower: re.Pattern[str] | None = None  # the same, case-sensitive, for the lower-cased text
    lower_regex: re.Pattern[str] | None = None  # the same rule, case-sensitive, for the lower-cased text


@dataclass(frozen=True, eq=False)
class CompiledRules:
    """Everything :func:`transforms.temporal.tagger.tag` matches with, compiled once."""

    rules: tuple[Rule, ...]
    trigger_rx_lower: re.Pattern[str]  # scanned on the lower-cased text (faster than IGNORECASE)
    trigger_rx: re.Pattern[str]  # fallback when lower() changes the length of the text
    trigger_groups: tuple[str, ...]  # the class of each alternative of the scan (group i + 1)
    near_sets: tuple[int, ...]  # rule index -> its window set (rules with the same ``near`` share one)
    sets_on: Mapping[str, tuple[int, ...]]  # trigger class -> the window sets it opens
    rules_on: Mapping[str, tuple[int, ...]]  # trigger class -> indexes of the rules tried near it
    prefix_rx: re.Pattern[str]  # "early", "the end of" ... right before an expression
    approx_rx: re.Pattern[str]  # "about", "more than" ... right before an expression


def _ordinal_century(lx: Lexicon) -> str:
    extra = [w for w in lx.century_ordinals if " " in w or "-" in w]
    plain = [w for w in lx.century_ordinals if w not in extra]
    return (r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(re.escape(w) for w in extra) + "|"
            + alternation(lx.ordinals) + "|" + "|".join(re.escape(w) for w in plain) + ")")


def placeholders(lx: Lexicon) -> dict[str, str]:
    """``%NAME%`` -> regex, for the patterns of ``rules.yaml``."""
    compound = f"(?:{alternation(lx.tens)}(?:[- ]{alternation(lx.units_digit)})?)"
    month_full = alternation(lx.month_names, case_sensitive=True)
    month_abbr = "|".join(
        f"{re.escape(a.capitalize())}\\.?|{re.escape(a.upper())}\\.?" for a in lx.month_abbreviations
    )
    wd_full = "|".join(f"{w.capitalize()}|{w.upper()}" for w in lx.weekday_names)
    wd_abbr = "|".join(f"{re.escape(a.capitalize())}\\." for a in lx.weekday_abbreviations)
    return {
        "%MONTHFULL%": month_full,
        "%MONTH%": f"(?:{month_full}|(?-i:{month_abbr}))(?![a-z])",
        "%WEEKDAY%": f"(?-i:{wd_full}|{wd_abbr})",
        "%DAY%": r"(?:[12]\d|3[01]|0?[1-9])",
        "%YEAR%": r"(?:1[5-9]\d\d|20\d\d)",
        "%NUM%": rf"(?:\d{{1,3}}(?:,\d{{3}})?(?:\.\d+)?|{compound}|{alternation(lx.numbers)})",
        "%VAGUE%": alternation(lx.vague),
        "%UNIT%": alternation(lx.units),
        "%UNITS%": alternation(lx.unit_plurals),
        "%ORD%": alternation(lx.ordinals),
        "%ORDC%": _ordinal_century(lx),
        "%DAYORD%": alternation(lx.day_ordinals),
        "%SEASON%": alternation(lx.seasons),
        "%PART%": alternation(lx.parts),
        "%HOLIDAY%": alternation(list(lx.holidays) + list(lx.movable)).replace("'", "['’]"),
        "%SET_ADJ%": alternation(lx.sets),
        "%REL%": in_order(lx.relative_words),
        "%TENSW%": alternation(lx.tens),
        "%UNITW%": alternation(lx.units_digit),
    }


def expand(pattern: str, ph: Mapping[str, str]) -> str:
    """``pattern`` with its placeholders replaced (longest names first)."""
    for k in sorted(ph, key=len, reverse=True):
        pattern = pattern.replace(k, ph[k])
    return pattern


_GROUP_SYNTAX = re.compile(r"\(\?P[<=]|\\[A-Za-z]")  # (?P<name>, (?P=name), \d \s \w ...


def case_free(pattern: str) -> bool:
    """Does ``pattern`` (matched case-insensitively) mean the same on the lower-cased text, matched
    case-sensitively? True when it has no case-sensitive part (``(?-i:``) and no upper-case letter."""
    return "(?-i:" not in pattern and not re.search("[A-Z]", _GROUP_SYNTAX.sub("", pattern))


def _rule(i: int, r: Mapping[str, Any], pattern: str) -> Rule:
    req = r.get("requires")
    return Rule(index=i, name=r["name"], timex_type=r["type"], norm=r["norm"], value=r.get("value"),
                near=tuple(r["near"]),
                regex=re.compile(pattern, re.IGNORECASE),
                requires=re.compile(str(req), re.IGNORECASE) if req else None,
                requires_lower=re.compile(str(req)) if req and case_free(str(req)) else None,
                lower_regex=re.compile(pattern) if case_free(pattern) else None)


def _modifier_rx(words: Iterable[str], tail: str) -> re.Pattern[str]:
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w])(" + body + r")" + tail + "$", re.IGNORECASE)


@lru_cache(maxsize=1)
def compiled() -> CompiledRules:
    """The rules of ``rules.yaml`` compiled against the lexicon (once per process)."""
    lx = load_lexicon()
    rd = read_yaml("temporal", LANG, "rules.yaml")
    ph = placeholders(lx)
    rules = tuple(_rule(i, r, rf"(?<![\w])(?:{expand(r['pattern'], ph)})(?![\w])")
                  for i, r in enumerate(rd["rules"]))
    # the scan is one alternation with an empty group at the END of each class (``m.lastindex``
    # names the class): a group at the start would stop the regex engine from skipping the
    # alternatives whose first letter differs
    body = "|".join(f"(?:{v})()" for v in rd["triggers"].values())
    rules_on = {k: tuple(r.index for r in rules if k in r.near) for k in rd["triggers"]}
    keys = list(dict.fromkeys(frozenset(r.near) for r in rules))
    return CompiledRules(
        rules=rules,
        trigger_rx_lower=re.compile("(?<![a-z])(?:" + body + ")"),
        trigger_rx=re.compile("(?<![A-Za-z])(?:" + body + ")", re.IGNORECASE),
        trigger_groups=tuple(rd["triggers"]),
        near_sets=tuple(keys.index(frozenset(r.near)) for r in rules),
        sets_on={k: tuple(i for i, key in enumerate(keys) if k in key) for k in rd["triggers"]},
        rules_on=rules_on,
        prefix_rx=_modifier_rx(lx.prefix_mods, r"(\s+|(?<=-))"),
        approx_rx=_modifier_rx(lx.approx_mods, r"\s+"),
    )
