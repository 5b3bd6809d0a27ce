"""Coding one trigger into an :class:`transforms.core.records.Event`.

Steps: the event's clause and argument tokens (:mod:`.arguments`) -> the learned type check
(:mod:`.learned`, off by default) -> source and target actors
(:mod:`.participants`) -> place (:mod:`.places`) -> countries filled in from the sentence and
the place -> the document's last event of the type for "the talks" -> status (:mod:`.status`),
speaker (:mod:`.reporting`), date (:mod:`.dating`), mode (:mod:`.modes`) -> confidence.
"""

from __future__ import annotations

from dataclasses import replace

from transforms.core.ids import stable_id
from transforms.core.records import Event
from transforms.events.actors.lexicon import ActorLexicon
from transforms.events.arguments import arguments
from transforms.events.context import DocContext, SentenceContext, Trigger
from transforms.events.dating import date_for, settle
from transforms.events.frames import armed_type, verbal_attack
from transforms.events.gate import passes
from transforms.events.learned.choose import retype
from transforms.events.lexicon import Lexicon
from transforms.events.modes import mode_from_cues
from transforms.events.participants import complete, participants, recall, sentence_country
from transforms.events.places import locate
from transforms.events.reporting import reporter
from transforms.events.status import is_main, status_of
from transforms.events.syntax import clause_head

#: Confidence: a main event (root clause, conjuncts, complements of reporting or intent verbs)
#: starts higher than one in a relative / adverbial clause or a bare noun phrase; each actor
#: side and a verb trigger add to it.
MAIN_EVENT, SUBORDINATE_EVENT, PER_SIDE, VERB_TRIGGER = 0.6, 0.3, 0.15, 0.1


def event_id(doc_id: str, sentence_index: int, start: int, end: int, event_type: str) -> str:
    return stable_id(doc_id, sentence_index, start, end, event_type)


def code_trigger(t: Trigger, doc: DocContext, ctx: SentenceContext, trigger_tokens: set[int],
                 lex: Lexicon, alex: ActorLexicon) -> Event | None:
    """The event ``t`` codes in its sentence, or ``None`` when it has no actor (or no author)."""
    memory = doc.memory
    clause = clause_head(t)
    src_tok, tgt_toks = arguments(t, lex)
    chosen = retype(t, src_tok, tgt_toks, lex)  # the learned type check (off by default)
    if chosen is None:
        return None
    if chosen.plover != t.plover:
        t = chosen
        src_tok, tgt_toks = arguments(t, lex)
    source, target = participants(t, src_tok, tgt_toks, ctx, memory, lex, alex)
    national = any(a.country for a in source + target)  # a country named in the actors' own words
    place, location_source = locate(t, clause, ctx, doc, source + target, lex)
    local = sentence_country(ctx, alex) or (place.country if place is not None else None)
    sides = complete(t, src_tok, source, target, place, local, lex, alex)
    if sides is None:
        return None
    source, target = recall(t, *sides, memory, lex)
    if not source and not target:
        return None
    if not passes(t, src_tok, source, target, lex, alex, national, doc.text):
        return None
    armed = "ACCUSE" if verbal_attack(t, source, target, ctx, lex, alex) else armed_type(t, source, lex, alex)
    if armed == "ACCUSE":
        t = replace(t, plover="ACCUSE", mode="disapprove")
    elif armed is not None:
        t = replace(t, plover=armed, mode="restrict" if armed == "COERCE" else "")
    sent = ctx.sentence
    status = status_of(t, clause, lex)
    reported_by = reporter(clause, memory, lex)
    date, own = date_for(t, clause, ctx.sdoc, sent, ctx.timexes, trigger_tokens, doc.published_date,
                         lex, reporting_date=status == "asserted")
    status, date = settle(t, clause, status, date, own, doc.published_date, lex)
    mode = t.mode or mode_from_cues(t.plover, ctx, lex)
    start = sent.start + t.token.idx
    end = start + len(t.token.text)
    conf = (MAIN_EVENT if is_main(t, clause, lex) else SUBORDINATE_EVENT) + PER_SIDE * bool(source) \
        + PER_SIDE * bool(target) + VERB_TRIGGER * (t.kind == "verb")
    return Event(
        event_id=event_id(doc.doc_id, sent.index, start, end, t.plover),
        doc_id=doc.doc_id, sentence_index=sent.index, start_char=start, end_char=end, trigger=t.token.text,
        event_type=t.plover, mode=mode or None, status=status, source_actors=source, target_actors=target,
        location_name=place.name if place else None, location_country=place.country if place else None,
        latitude=place.latitude if place else None, longitude=place.longitude if place else None,
        geonames_id=place.geonames_id if place else None, location_source=location_source,
        date_start=date.date_start, date_end=date.date_end, granularity=date.granularity,
        date_value=date.date_value, date_source=date.date_source, evidence=sent.text,
        reported_by=reported_by, confidence=round(min(conf, 1.0), 2))
