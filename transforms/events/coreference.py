"""Document-level dating: an event with no time expression of its own takes its date from the
best evidence in its document.

Runs once per document, after every sentence is coded (:func:`date_document`). An event dated
by the publication date only (``date_source = publication_date``) is dated, in this order, by

1. **coreferent** — another mention of the same happening that has a date of its own: same
   PLOVER type, compatible status, no contradicting place or mode, and either a shared
   event-noun family ("the upcoming talks" / "a new round of talks ... starting Monday") with
   participants that overlap (or a place that matches, "the Istanbul talks") or exactly the
   same participants in the same or the next sentence; or the definite happening it takes place at ("will present a memorandum
   at the talks"). A mention that names many happenings or a habit ("has previously hosted
   several rounds") is no single happening and is left alone. Status must agree: a planned
   happening dates only planned mentions — and definite descriptions of it ("the talks may prove
   decisive" presupposes the talks, so they are ``future`` too); a past one dates only
   asserted ones told in the past or named by a definite event noun ("the talks") — "Paris
   wants to open a new chapter" is not the chapter opened long ago; a negated event is no happening to corefer with. Among several, the one
   with the most evidence (family, place, participants, same status), then the nearest;
2. **narrative** — the story's reference time: the last dated past event, or explicit past day
   (:func:`transforms.temporal.narrative`'s references), of the same passage dates an asserted
   or negated event told in the simple past ("The talks were held on May 16 ..., but they ended
   without any agreement"). Bounds are ``narrative.yaml``'s passage (characters, paragraph) and
   ``coreference.yaml``'s sentences; a dated day near the publication date brings the story
   back to the present;
3. **publication_date** — otherwise, as before.

A date is only ever taken from an event's own date (explicit or relative), never from one this
step gave, so the result does not depend on the order of the mentions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from transforms.core.records import Event, Timex
from transforms.events.mentions import Mention, coref_words
from transforms.temporal import narrative

_PARAGRAPH = re.compile(r"\n\s*\n")
_SENT_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“])")
_WORD = re.compile(r"[A-Za-z]+")
OWN = ("explicit", "relative")
#: How many sentences apart two mentions with the same participants but no shared event noun
#: may be and still be one happening.
NEAR_SENTENCES = 1


def _countries(e: Event) -> frozenset[str]:
    return frozenset(a.country for a in e.source_actors + e.target_actors if a.country)


def _participants(r: Event, g: Event) -> int:
    """2 same countries, 1 overlapping, 0 unknown on a side, -1 contradicting."""
    rc, gc = _countries(r), _countries(g)
    if not rc or not gc:
        return 0
    if rc == gc:
        return 2
    return 1 if rc & gc else -1


def _place(r: Mention, g: Mention) -> int:
    """1 same place (or the giver's place named in the mention: "the Istanbul talks"), 0 unknown,
    -1 different places."""
    rp, gp = r.event.location_name, g.event.location_name
    if rp and gp:
        return 1 if rp == gp else -1
    return 1 if gp and gp.lower() in r.place_words else 0


def _status(r: Mention, g: Mention) -> str | None:
    """The receiver's status once it is the giver's happening (``None``: incompatible)."""
    rs, gs = r.event.status, g.event.status
    if gs == "future":
        if rs == "future" or (r.definite and rs in ("hypothetical", "asserted") and not r.past and not r.perfect):
            return "future"
        return None
    if gs == "asserted" and rs == "asserted" and (r.past or r.perfect or r.noun and r.definite):
        return rs  # a past happening is told in the past, or named ("the talks")
    return None


def _evidence(r: Mention, g: Mention) -> tuple[int, ...] | None:
    """How strongly ``g`` is the happening ``r`` mentions (``None``: it cannot be)."""
    rev, gev = r.event, g.event
    if _status(r, g) is None:
        return None
    if r.settings & g.families:  # "... at the talks": the happening it takes place at
        return (1, 0, 0, 0) if _participants(rev, gev) >= 0 else None
    if rev.event_type != gev.event_type:
        return None
    if rev.mode and gev.mode and rev.mode != gev.mode:
        return None
    place, part = _place(r, g), _participants(rev, gev)
    family = bool(r.families & g.families)
    # without a shared event noun, only the same participants in the next sentence ("Fidan met
    # Sybiha ... Fidan briefed Sybiha ...") are evidence enough of one happening
    near = abs(rev.sentence_index - gev.sentence_index) <= NEAR_SENTENCES
    if place < 0 or not (family and (part >= 0 or place > 0) or part == 2 and near and (r.past or gev.status == "future")):
        return None
    return int(family), place, part, int(rev.status == gev.status)


def _coreferent(r: Mention, givers: list[Mention]) -> Mention | None:
    best, best_key = None, None
    for g in givers:
        ev = _evidence(r, g)
        if ev is None:
            continue
        key = (*ev, -abs(g.event.start_char - r.event.start_char))
        if best_key is None or key > best_key:
            best, best_key = g, key
    return best


def _dated(e: Event, g: Event, source: str, status: str | None = None) -> Event:
    return replace(e, date_start=g.date_start, date_end=g.date_end, granularity=g.granularity,
                   date_value=g.date_value, date_source=source, status=status or e.status)


def _in_passage(text: str, ref_end: int, start: int) -> bool:
    nr = narrative.rules()
    gap = text[ref_end:start]
    return len(gap) <= nr.max_chars and not _PARAGRAPH.search(gap) and \
        len(_SENT_END.findall(gap)) < coref_words().narrative_sentences


def _reference_timex(text: str, tx: Timex, published: dt.date) -> bool:
    """An explicit past day used as an adverbial (the temporal narrative's reference)."""
    nr = narrative.rules()
    if tx.rule not in nr.explicit_rules or tx.anchor is not None or not isinstance(tx.date_end, dt.date):
        return False
    before = _WORD.findall(text[max(0, tx.start - 12):tx.start])
    return (published - tx.date_end).days >= nr.min_days and bool(before) and before[-1].lower() in nr.ref_preps


def _day(e: Event | Timex) -> dt.date | None:
    """The day of a dated event or time expression (``None``: coarser than a day)."""
    ds, de = e.date_start, e.date_end
    if isinstance(ds, dt.date) and ds == de and e.granularity in ("day", "time"):
        return ds
    return None


def _narrative(mentions: list[Mention], text: str, timexes: list[Timex], published: dt.date) -> dict[int, Event]:
    """Events dated by the story's reference time, by their position in ``mentions``."""
    min_days = coref_words().narrative_min_days
    points: list[tuple[int, int, Timex | int]] = [(tx.start, 0, tx) for tx in timexes]
    points += [(m.event.start_char, 1, i) for i, m in enumerate(mentions)]
    ref: tuple[int, dt.date, str | None, str | None] | None = None  # (end offset, day, value, granularity)
    out: dict[int, Event] = {}
    for start, _, item in sorted(points, key=lambda p: (p[0], p[1])):
        if ref is not None and not _in_passage(text, ref[0], start):
            ref = None
        if isinstance(item, Timex):
            day = _day(item)
            if day is not None and _reference_timex(text, item, published):
                ref = (item.end, day, item.value, item.granularity)
            elif day is not None and (ref is None or day != ref[1]):
                ref = None  # another day (the report's, the present): the passage is over
            continue
        m = mentions[item]
        e = m.event
        day = _day(e) if e.date_source in OWN else None
        if day is not None:
            ref = (e.end_char, day, e.date_value, e.granularity) if (published - day).days >= min_days else None
            continue
        if ref is not None and e.date_source == "publication_date" and m.past and not m.generic \
                and e.status in ("asserted", "negated"):
            out[item] = replace(e, date_start=ref[1], date_end=ref[1], date_value=ref[2], granularity=ref[3],
                                date_source="narrative")
    return out


def date_document(mentions: list[Mention], text: str, timexes: list[Timex], published: dt.date) -> list[Event]:
    """The document's events, those without a date of their own dated from the document."""
    givers = [m for m in mentions if m.event.date_source in OWN and not m.generic]
    told = _narrative(mentions, text, timexes, published)
    out = []
    for i, m in enumerate(mentions):
        e = m.event
        g = None
        if e.date_source == "publication_date" and not m.generic:
            g = _coreferent(m, [x for x in givers if x is not m])
        if g is not None:
            out.append(_dated(e, g.event, "coreferent", _status(m, g)))
        else:
            out.append(told.get(i, e))
    return out
