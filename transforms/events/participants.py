"""Participants: the source and target actors of an event, from its argument tokens.

Argument tokens (:mod:`.arguments`) are resolved to actors (:mod:`.actors`), with pronouns
("he", "it", "they"), the actors of event nouns ("talks between X and Y"), and the first
actor named deeper in the verb's phrase when no object names one. Then, once the place is
known (:func:`complete`): actors without a country take the coordinated actor's, the
sentence's or the place's; an unnamed author of a violent act is the place's unidentified
armed forces; a recipient-taking act with no recipient gets the place's country.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from transforms.core.records import Actor
from transforms.events.actors.lexicon import ActorLexicon, lexicon_words, unidentified_attackers
from transforms.events.actors.memory import DocMemory
from transforms.events.actors.phrases import phrase_tokens, span_text
from transforms.events.actors.resolve import resolve_phrase
from transforms.events.context import SentenceContext, Trigger
from transforms.events.filters import unauthored_violence
from transforms.events.gate import can_act
from transforms.events.gazetteer import Place
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon
from transforms.events.places import place_of
from transforms.events.reporting import reporting_governor
from transforms.events.syntax import subject, verb_phrase

Side = list[Actor]


def participants(t: Trigger, src_tok: Token | None, tgt_toks: list[Token], ctx: SentenceContext,
                 memory: DocMemory, lex: Lexicon, alex: ActorLexicon) -> tuple[Side, Side]:
    """(source, target) actors of the trigger before the place is taken into account."""
    source = actors_of(src_tok, memory, lex, alex) if src_tok is not None and can_act(src_tok, lex, alex) else []
    target = _target(t, src_tok, tgt_toks, ctx, memory, lex, alex)
    if not source and src_tok is not None and src_tok.pos_ == "NOUN" and (
            lem(src_tok) in lex.nouns or src_tok.lower_ in lex.nouns):
        # "the talks between Russia and Ukraine ended without any agreement"
        s3, t3 = noun_arguments(src_tok, memory, lex, alex)
        source = s3 + t3
    if t.kind == "noun":
        s2, t2 = noun_arguments(t.token, memory, lex, alex)
        if not source:
            source = s2
        if not target:
            target = t2
    # reciprocal phrases: "Russia-Ukraine talks", "X and Y held talks"
    if not source and target and t.plover in lex.plover.reciprocal and t.kind == "noun":
        source, target = target, []
    _counterparts(source, target, alex)
    return source, target


def _counterparts(source: Side, target: Side, alex: ActorLexicon) -> None:
    """"X met his Pakistani counterpart": a counterpart holds the other side's office (its
    sector and role), in its own country; so does one coordinated with X."""
    for mine, other in ((target, source), (source, target)):
        for a in mine:
            words = a.text.lower().split()
            if a.sector or not words or words[-1] not in alex.words.counterpart_heads:
                continue
            # the other side's, else a coordinated actor's ("X's minister and his counterpart")
            known = next((b for b in [*other, *mine] if b.sector and b is not a), None)
            if known is not None:
                a.sector, a.role = known.sector, a.role or known.role


def _target(t: Trigger, src_tok: Token | None, tgt_toks: list[Token], ctx: SentenceContext,
            memory: DocMemory, lex: Lexicon, alex: ActorLexicon) -> Side:
    """The first target token naming a country, else the phrase's first actor deeper down,
    else the first target naming a sector only."""
    target: Side = []
    sector_only: Side = []
    if t.plover in alex.words.opposed_types:
        # "filed a complaint with the court against the ministry": whom it is against first
        tgt_toks = sorted(tgt_toks, key=lambda tt: not _opposed(tt, alex))
    for tt in tgt_toks:
        if any(c.dep_ == "poss" and c.lower_ in lex.grammar.own_possessives for c in tt.children):
            continue  # "withdrew its troops": the source's own forces
        if not _can_receive(t.plover, tt, lex, alex):
            continue
        acts = actors_of(tt, memory, lex, alex)
        if any(a.country for a in acts):
            target = [a for a in acts if a.country]
            break
        if acts and not sector_only:
            sector_only = acts
    if not target and not sector_only:
        # "opened an investigation of Haddad": a name the lexicon does not know, as the act's
        # own argument, before an actor named deeper in the phrase
        target = _named_target(tgt_toks, ctx, alex)
    if not target and t.kind == "verb":
        target = deep_target(t.token, src_tok, ctx, memory, lex, alex, plover=t.plover)
    target = target or sector_only
    if not target and t.kind == "verb":
        target = deep_target(t.token, src_tok, ctx, memory, lex, alex, sector_ok=True, plover=t.plover)
    return target or _named_target(tgt_toks, ctx, alex)


def _opposed(tok: Token, alex: ActorLexicon) -> bool:
    """The object of "against" (``opposed_preps``)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in alex.words.opposed_preps


def _can_receive(plover: str, tok: Token, lex: Lexicon, alex: ActorLexicon) -> bool:
    """A meeting, visit or hosting (``actor_recipient_types``) is with an actor or at a place,
    never with a thing: "hosted an exhibition of Japanese prints" has no recipient."""
    if plover not in lex.plover.actor_recipient_types:
        return True
    return can_act(tok, lex, alex) or place_of(tok) is not None


def _named_target(tgt_toks: list[Token], ctx: SentenceContext, alex: ActorLexicon) -> Side:
    """A proper name the lexicon does not know ("demanded that Dbeibeh appear"): an actor by
    name only (its country comes from the sentence, see :func:`complete`); never a place or
    a date."""
    start = ctx.sentence.start
    dates = [(tx.start - start, tx.end - start) for tx in ctx.timexes]
    for tt in tgt_toks:
        if any(s <= tt.idx < e for s, e in dates):
            continue
        if tt.pos_ == "PROPN" and tt.lower_ not in alex.words.pronouns and place_of(tt) is None:
            text = span_text(phrase_tokens(tt))
            return [Actor(text, text, None, None, None)]
    return []


def actors_of(tok: Token, memory: DocMemory, lex: Lexicon, alex: ActorLexicon) -> Side:
    """Actors of an argument token, pronouns resolved within the sentence or the document."""
    g = lex.grammar
    if tok.lower_ in g.person_subject_pronouns and tok.dep_ in ("nsubj", "nsubjpass"):
        # the nearest earlier person subject in the sentence, else the document's last person
        for prev in reversed(list(tok.doc[: tok.i])):
            if prev.dep_ not in ("nsubj", "nsubjpass"):
                continue
            # "X's rival, former general Y, said he would ...": the person in apposition
            named = [prev] if prev.pos_ == "PROPN" else [
                c for c in prev.children if c.dep_ == "appos" and prev.pos_ == "NOUN"]
            for n in named:
                acts = resolve_phrase(n, memory, alex)
                if acts:
                    return acts  # the words that name the person in this sentence
    if tok.lower_ in g.group_subject_pronouns and tok.dep_ in ("nsubj", "nsubjpass"):
        return _group_pronoun(tok, memory, lex, alex)
    if tok.lower_ in g.relative_pronouns and tok.head.dep_ == "relcl":
        tok = tok.head.head
    return resolve_phrase(tok, memory, alex)


def _group_pronoun(tok: Token, memory: DocMemory, lex: Lexicon, alex: ActorLexicon) -> Side:
    # "Syria says it is willing": the pronoun is the reporting verb's subject
    rep = reporting_governor(tok.head, lex)
    if rep is not None:
        s, _ = subject(rep, lex)
        if s is not None and s.lower_ not in alex.words.pronouns:
            return resolve_phrase(s, memory, alex)
    # "the talks were held ..., but they ended": an earlier event noun of the sentence
    for prev in reversed(list(tok.doc[: tok.i])):
        if prev.dep_ in ("nsubj", "nsubjpass") and prev.pos_ == "NOUN":
            senses = lex.noun_senses(lem(prev), prev.lower_)
            known = memory.events.get(senses[0].plover) if senses else None
            if known:
                return [replace(a) for a in known[0] + known[1]]
            break
    return []


def noun_arguments(noun: Token, memory: DocMemory, lex: Lexicon, alex: ActorLexicon) -> tuple[Side, Side]:
    """(source, target) attached to an event noun: possessor, modifiers ("Russia-Ukraine
    talks"), "involving X", "by X", "between X and Y", "of/against/with X"."""
    g = lex.grammar
    source: Side = []
    target: Side = []
    for c in noun.children:
        if c.dep_ == "poss":
            source += resolve_phrase(c, memory, alex)
        elif c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i:
            acts = resolve_phrase(c, memory, alex)
            # "Russia-Ukraine talks": both sides
            for d in c.subtree:
                if d != c and d.dep_ in ("compound", "amod", "nmod") and d.pos_ == "PROPN":
                    acts += resolve_phrase(d, memory, alex)
            source += [a for a in acts if a not in source]
        elif c.dep_ == "acl" and lem(c) in g.participant_verbs:
            for d in c.children:
                if d.dep_ == "dobj":
                    source += resolve_phrase(d, memory, alex)
        elif c.dep_ == "prep":
            objs = [d for d in c.children if d.dep_ == "pobj"]
            for d in objs:
                acts = resolve_phrase(d, memory, alex)
                if c.lower_ == "by" or c.lower_ in g.joint_preps:
                    source += acts
                elif c.lower_ in g.noun_target_preps:
                    if c.lower_ == "of" and lem(noun) in g.of_source_nouns and not source:
                        source += acts
                    else:
                        target += acts
    return source, target


def deep_target(verb: Token, src_tok: Token | None, ctx: SentenceContext, memory: DocMemory, lex: Lexicon,
                alex: ActorLexicon, sector_ok: bool = False, plover: str = "") -> Side:
    """First actor named anywhere in the verb's phrase after it ("demanded an admission by
    Moscow", "fired shells at targets in Jericho") when no direct object or PP names one."""
    g = lex.grammar
    phrase = _phrase_after(verb, src_tok, ctx, lex)
    if not phrase:
        return []
    words = lexicon_words(phrase)
    for s_, e_, entry in alex.match(words):
        if any(c.dep_ == "poss" and c.lower_ in g.own_possessives for c in phrase[s_].children):
            continue  # "its troops", "their vessels": the source's own
        if sector_ok and entry.kind == "sector" and phrase[s_].pos_ == "NOUN" and phrase[s_].dep_ in (
                "dobj", "pobj", "conj"):
            acts = resolve_phrase(phrase[s_], memory, alex)
            if acts:
                return acts
            continue
        if entry.kind == "sector" or not entry.country:
            continue
        head = phrase[e_ - 1]  # the last word of "the United States"
        while head.dep_ in ("compound", "amod", "nmod", "poss", "case", "det") and head.head != head:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in g.locative_preps and head.pos_ == "PROPN":
            continue  # "in Istanbul" is where, not whom
        if not _can_receive(plover, head, lex, alex):
            continue
        acts = [a for a in resolve_phrase(head, memory, alex) if a.country]
        if acts:
            return acts
    return []


def _phrase_after(verb: Token, src_tok: Token | None, ctx: SentenceContext, lex: Lexicon) -> list[Token]:
    """The verb's phrase after it, with its purpose and condition clauses, without the source."""
    skip = set(t.i for t in src_tok.subtree) if src_tok is not None else set()
    phrase = [t for t in verb_phrase(verb, ctx) if t.i > verb.i and t.i not in skip]
    # purpose and condition clauses name the recipient too: "struck to protest against X",
    # "threatened to ... unless X does Y"
    for v in [verb, *[c for c in verb.children if c.dep_ == "xcomp"]]:
        for c in v.children:
            if c.dep_ == "advcl" and c.i > verb.i and any(
                    (d.dep_ == "aux" and d.lower_ == "to") or (d.dep_ == "mark" and d.lower_ in lex.grammar.condition_marks)
                    for d in c.children):
                phrase.extend(t for t in c.subtree if t.i not in skip)
    return sorted(set(phrase), key=lambda t: t.i)


def sentence_country(ctx: SentenceContext, alex: ActorLexicon) -> str | None:
    """The one country named in the sentence (None when there are none or several)."""
    if ctx.cache.country is None:
        words = lexicon_words(ctx.sdoc)
        found = {e.country for _, _, e in alex.match(words)
                 if e.kind in ("country", "demonym", "capital", "seat") and e.country}
        ctx.cache.country = (found.pop() if len(found) == 1 else None,)
    return ctx.cache.country[0]


def complete(t: Trigger, src_tok: Token | None, source: Side, target: Side, place: Place | None,
             local: str | None, lex: Lexicon, alex: ActorLexicon) -> tuple[Side, Side] | None:
    """The sides with countries filled in from the sentence and the place; ``None`` when a
    violent act has no author (:func:`transforms.events.filters.unauthored_violence`)."""
    for side in (source, target):
        # a local actor ("Judge Alejandro Rivera", "riot police") is of a coordinated
        # actor's country, else of the only country in the sentence, else of the place
        known = [a.country for a in side if a.country]
        for a in side:
            if not a.country and (a.sector or a.name):
                # a name the lexicon does not know is of the sentence's country when it stands
                # alone ("demanded that Obuya resign"), of none when coordinated with a known
                # actor ("Kenya and its allies")
                unknown = not a.sector and a.name == a.text
                a.country = (None if known else local) if unknown else known[0] if known else local
    if not source and src_tok is not None and src_tok.pos_ == "PROPN" and src_tok.lower_ not in alex.words.pronouns:
        source = [Actor(src_tok.text, src_tok.text, local, None, None)]
    place_country = place.country if place is not None else None
    if not source and src_tok is not None and place_country and t.plover in lex.plover.need_author \
            and lem(src_tok) in lex.cues.unattributed_subjects:
        # "a roadside bombing near Samarra killed ...": unidentified attackers of that country
        source = [Actor(src_tok.text, None, place_country, unidentified_attackers(), None)]
    if not source and unauthored_violence(t, src_tok, lex):
        return None
    if not target and source and place is not None and place_country and t.plover in lex.plover.needs_recipient:
        # "lifted a curfew in Montenegro", "fired at targets in Jericho": where it happened
        target = [Actor(place.name, alex.country_name(place_country), place_country, None, None)]
    if not target and source and place is None and t.plover in lex.plover.needs_recipient:
        # "declared a state of siege in Katanga": a named place the gazetteer lacks
        target = _unlisted_place(t, lex, alex, local)
    source = [a for a in source if a.country or a.sector or a.name]
    target = [a for a in target if a.country or a.sector or a.name]
    return source, target


def _unlisted_place(t: Trigger, lex: Lexicon, alex: ActorLexicon, local: str | None) -> Side:
    """The proper name after a locative preposition on the trigger or its object, as the
    recipient known by name (of the sentence's country)."""
    holders = [t.token, *(c for c in t.token.children if c.dep_ in ("dobj", "obj"))]
    for h in holders:
        for p in h.children:
            if p.dep_ != "prep" or p.lower_ not in lex.grammar.locative_preps:
                continue
            for o in p.children:
                if o.dep_ == "pobj" and o.pos_ == "PROPN" and o.lower_ not in alex.words.pronouns:
                    text = span_text(phrase_tokens(o))
                    return [Actor(text, text, local, None, None)]
    return []


def recall(t: Trigger, source: Side, target: Side, memory: DocMemory, lex: Lexicon) -> tuple[Side, Side]:
    """"The talks" with no actors of their own take the actors of the document's last event of
    the same type; an event with two or more actors becomes that last event."""
    anaphor = t.kind == "noun" and any(c.dep_ in ("det", "poss") and c.lower_ in lex.grammar.anaphoric_determiners
                                       for c in t.token.children)
    if not source and not target and anaphor:
        prev = memory.events.get(t.plover)
        if prev:
            source, target = [replace(a) for a in prev[0]], [replace(a) for a in prev[1]]
    elif len(source) + len(target) >= 2:
        memory.events[t.plover] = (source, target)
    # drop a target that is the source itself (same words)
    skeys = {a.text for a in source}
    return source, [a for a in target if a.text not in skeys]
