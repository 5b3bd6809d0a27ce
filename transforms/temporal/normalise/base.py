"""What every normaliser takes and returns.

A normaliser is ``norm(g, dct, ctx) -> Normalised | None``: ``g`` the named groups of the rule's
match, ``dct`` the publication date, ``ctx`` the :class:`Context` of the match (the text, the
span, the expressions found before it, the direction from tense). It returns a
:class:`Normalised` (type, value, granularity, interval, mod, anchor) or ``None`` when the
match is not a time expression after all. Shared helpers: :func:`group`, :func:`number`,
:func:`unit_of`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from transforms.temporal.calendar import CalValue
from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.tense import direction

Groups = Mapping[str, str | None]


class Anchor(Enum):
    """``Anchor.AUTO``: the tagger decides (the DCT when there is a calendar interval)."""

    AUTO = "auto"


@dataclass(frozen=True, slots=True)
class Normalised:
    """The TIMEX3 reading of one match."""

    timex_type: str  # DATE, TIME, DURATION, SET
    value: str
    gran: str | None = None
    start: dt.date | None = None  # calendar interval
    end: dt.date | None = None
    mod: str | None = None
    anchor: str | None | Anchor = Anchor.AUTO  # "publication_date", "expression:<start>" or None

    @classmethod
    def of(cls, timex_type: str, cv: CalValue, mod: str | None = None,
           anchor: str | None | Anchor = Anchor.AUTO) -> Normalised:
        """A DATE/TIME reading of a calendar value."""
        return cls(timex_type, cv.value, cv.gran, cv.start, cv.end, mod, anchor)

    @classmethod
    def date(cls, cv: CalValue, mod: str | None = None, anchor: str | None | Anchor = Anchor.AUTO) -> Normalised:
        return cls.of("DATE", cv, mod, anchor)


@dataclass(slots=True)
class Expr:
    """An expression being built by the tagger (mutable: modifiers extend its span)."""

    start: int
    end: int
    timex_type: str
    value: str
    gran: str | None
    ds: dt.date | None
    de: dt.date | None
    anchor: str | None
    rule: str
    mod: str | None
    dated: bool = False  # a clock time whose day is written next to it ("5 p.m. Nov. 6")


@dataclass(slots=True)
class Context:
    """Where a match is: the text, its span, the expressions before it, the value of a fixed rule."""

    text: str
    start: int
    end: int
    prev: list[Expr]
    rule_value: str | None = None
    _direction: list[str | None] = field(default_factory=list)

    def direction(self) -> str | None:
        """Direction from tense around the match (computed once, when first asked)."""
        if not self._direction:
            self._direction.append(direction(self.text, self.start, self.end))
        return self._direction[0]

    def span_text(self) -> str:
        return self.text[self.start:self.end]


Normaliser = Callable[[Groups, dt.date, Context], "Normalised | None"]


def group(g: Groups, name: str) -> str:
    """A group the rule's pattern always captures (a missing one is a rule error: it raises)."""
    v = g[name]
    if v is None:
        raise KeyError(f"group {name!r} did not take part in the match")
    return v


def lower(g: Groups, name: str) -> str:
    """An optional group, lower-cased ('' when absent)."""
    return (g.get(name) or "").lower()


def number(s: str | None) -> int | float | str | None:
    """Number from digits or words; ``'X'`` for vague quantities; ``None`` if absent."""
    if s is None:
        return None
    lx = load_lexicon()
    t = re.sub(r"\s+", " ", s.strip().lower())
    if t in lx.vague:
        return "X"
    if t in lx.numbers:
        return lx.numbers[t]
    t2 = t.replace(",", "")
    try:
        v = float(t2)
        return int(v) if v.is_integer() else v
    except ValueError:
        pass
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in lx.numbers and parts[1] in lx.numbers:
        return lx.numbers[parts[0]] + lx.numbers[parts[1]]
    return None


def unit_of(word: str) -> str | None:
    """The singular unit of a unit word ("weeks" -> "week"), ``None`` if not a unit."""
    lx = load_lexicon()
    w = word.lower()
    if w in lx.units:
        return w
    return lx.unit_plurals.get(w)
