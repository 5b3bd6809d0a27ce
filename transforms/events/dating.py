"""Dating: the date of an event from the time expression attached to its clause.

The time expression whose dependency head reaches the event's clause (the trigger, its light
verb, the verbs of its xcomp chain, a participle inside its phrase) dates the event — not the
nearest string; else the reporting clause's ("..., police said on Monday"), never for a planned
or possible event; else the publication date. A date after publication makes an asserted
event ``future`` only when it is the event's own and the event is not told in the past tense;
otherwise the date is distrusted (:func:`settle`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from transforms.core.records import Sentence, Timex
from transforms.events.context import Trigger
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon
from transforms.events.status import past_tense


@dataclass(frozen=True)
class EventDate:
    date_start: dt.date
    date_end: dt.date
    granularity: str | None
    date_value: str | None
    date_source: str  # explicit | relative | coreferent | narrative | publication_date


def publication_date(published: dt.date) -> EventDate:
    return EventDate(published, published, "day", published.isoformat(), "publication_date")


def timex_head(sdoc: Doc, sent: Sentence, tx: Timex) -> Token | None:
    """The token of the time expression whose head lies outside it."""
    s = tx.start - sent.start
    e = tx.end - sent.start
    toks = [tok for tok in sdoc if tok.idx < e and tok.idx + len(tok.text) > s]
    if not toks:
        return None
    span = set(t.i for t in toks)
    for tok in toks:
        if tok.head.i not in span or tok.head == tok:
            return tok
    return toks[0]


def _owners(t: Trigger, clause: Token) -> set[int]:
    """Tokens whose time expression is the event's own."""
    owners = {t.token.i, clause.i}
    if t.light is not None:
        owners.add(t.light.i)
    for c in clause.children:  # "the talks ... resume Monday" through an xcomp chain
        if c.dep_ == "xcomp":
            owners.add(c.i)
    cur = clause
    while cur.dep_ in ("xcomp", "acomp") and cur.head != cur:  # "will be ready to engage ... Monday"
        cur = cur.head
        owners.add(cur.i)
    return owners


def _owner(head: Token, trigger_tokens: set[int]) -> Token | None:
    """The first trigger or verb above the time expression's head."""
    cur = head
    for _ in range(8):
        if cur.head == cur:
            break
        cur = cur.head
        if cur.i in trigger_tokens or cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _inside_phrase(owner: Token, t: Trigger, owners: set[int]) -> Token:
    """A participle inside the event's own phrase ("talks ... starting Monday") owns for the event."""
    cur = owner
    for _ in range(6):
        if cur.dep_ in ("ccomp", "relcl", "conj", "parataxis") or cur.head == cur or (
                cur.dep_ == "advcl" and any(c.dep_ in ("nsubj", "mark") for c in cur.children)):
            break
        cur = cur.head
        if cur.i in owners or cur.i == t.token.i:
            return cur
    return owner


def date_for(t: Trigger, clause: Token, sdoc: Doc, sent: Sentence, timexes: list[Timex],
             trigger_tokens: set[int], published: dt.date, lex: Lexicon,
             reporting_date: bool = True) -> tuple[EventDate, bool]:
    """(the event's date, is it the event's own time expression?)."""
    owners = _owners(t, clause)
    attributing = lex.cues.attribution_verbs | lex.cues.reporting_verbs
    best = None
    fallback = None
    for tx in timexes:
        if tx.timex_type not in ("DATE", "TIME", None):
            continue
        head = timex_head(sdoc, sent, tx)
        if head is None:
            continue
        owner = _owner(head, trigger_tokens)
        if owner is not None and owner.i not in owners and lem(owner) in attributing:
            fallback = fallback or tx  # "according to a Kremlin announcement on Friday"
            continue
        if owner is not None and owner.i not in owners and owner.i not in trigger_tokens:
            owner = _inside_phrase(owner, t, owners)
        if owner is not None and owner.i in owners:
            best = tx
            break
        if owner is not None and owner in clause.ancestors and fallback is None:
            fallback = tx  # the reporting clause's date ("..., the ministry said on Monday")
    # the reporting clause's date dates an asserted event, never a planned or possible one
    chosen = best or (fallback if reporting_date else None)
    if chosen is not None and isinstance(chosen.date_start, dt.date):
        start = chosen.date_start
        end = chosen.date_end if isinstance(chosen.date_end, dt.date) else start
        source = "explicit" if not chosen.anchor else "relative"
        return EventDate(start, max(end, start), chosen.granularity, chosen.value, source), chosen is best
    return publication_date(published), False


def settle(t: Trigger, clause: Token, status: str, date: EventDate, own: bool, published: dt.date,
           lex: Lexicon) -> tuple[str, EventDate]:
    """(status, date) once a date after publication is weighed against the status."""
    if status == "asserted" and date.date_start > published:
        if not own or past_tense(t, clause, lex):
            # "opened fire on Monday" cannot be after publication: distrust the date
            return status, publication_date(published)
        return "future", date
    return status, date
