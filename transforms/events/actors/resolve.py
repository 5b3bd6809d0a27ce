"""Resolve a noun phrase (a spaCy token and its phrase) to the actors it names.

The phrase is matched against the actor lexicon (longest match): countries, demonyms, capitals
and seats of government, IGOs, armed groups, people to 2014, sector descriptors. A phrase's own
words outrank a match inside one of its PPs; a known person's dictionary affiliation gives way
to one written before the name ("U.N. mediator X"); people after 2014 come from the document
memory (descriptors, surnames) or an apposition ("X, Algeria's leading activist").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from transforms.core.records import Actor
from transforms.events.actors.lexicon import ActorLexicon, Entry, lexicon, lexicon_words
from transforms.events.actors.memory import DocMemory
from transforms.events.actors.phrases import conjuncts, person_tokens, phrase_tokens, span_text

#: Entry kinds that stand for a country (the actor's name is the country's).
_COUNTRY_KINDS = ("country", "demonym", "capital", "seat")


@dataclass
class _Named:
    """A country-bearing lexicon match in the phrase: (inside a PP?, start, end, entry)."""

    inside_pp: bool
    start: int
    end: int
    entry: Entry


@dataclass
class _Reading:
    """What the phrase's lexicon matches say: country entries, the sector, role words, the person."""

    tokens: list[Token]
    named: list[_Named] = field(default_factory=list)
    sector: str | None = None
    role_words: list[str] = field(default_factory=list)
    person: list[str] = field(default_factory=list)

    @property
    def role(self) -> str | None:
        return " ".join(self.role_words) or None


def resolve_phrase(head: Token, memory: DocMemory | None = None, lex: ActorLexicon | None = None) -> list[Actor]:
    """Actors named by the noun phrase headed by ``head`` and its conjuncts."""
    lex = lex or lexicon()
    out: list[Actor] = []
    unknown: list[Actor] = []
    for h in conjuncts(head):
        acts = _resolve_one(h, memory, lex)
        out.extend(acts)
        out.extend(_pp_conjuncts(h, acts, memory, lex))
        if not acts and _names_someone(h, lex):
            unknown.append(Actor(span_text(phrase_tokens(h)), span_text(phrase_tokens(h)), None, None, None))
    if out:
        # "Kuwait and its gulf war allies": a conjunct the lexicon does not know is an actor too
        out.extend(unknown)
    # conjoined modifiers: "Hungarian and Romanian officials" come out of _resolve_one
    seen, uniq = set(), []
    for a in out:
        k = (a.country, a.sector, a.name)
        if k not in seen:
            seen.add(k)
            uniq.append(a)
    return uniq


def _pp_conjuncts(head: Token, acts: list[Actor], memory: DocMemory | None, lex: ActorLexicon) -> list[Actor]:
    """"Officials from Kenya, Uganda and Tanzania", "the foreign ministers of Egypt and Jordan":
    the head's sector for each country coordinated in its "of/from" phrase (the phrase itself
    resolved only the first)."""
    if len(acts) != 1 or not acts[0].sector or not acts[0].country:
        return []
    first = acts[0]
    for p in head.children:
        if p.dep_ != "prep" or p.lower_ not in lex.words.country_preps:
            continue
        for o in p.children:
            if o.dep_ != "pobj" or len(conjuncts(o)) < 2:
                continue
            own = [a for a in _resolve_one(o, memory, lex) if a.country]
            if not own or own[0].country != first.country:
                continue  # the phrase's country is not the one of this PP
            text = span_text(sorted({*phrase_tokens(head), *o.subtree}, key=lambda t: t.i))
            first.text = text
            extra: list[Actor] = []
            for c in conjuncts(o)[1:]:
                extra += [replace(a, text=text, sector=first.sector, role=first.role)
                          for a in _resolve_one(c, memory, lex) if a.country]
            return extra
    return []


def _resolve_one(head: Token, memory: DocMemory | None, lex: ActorLexicon) -> list[Actor]:
    if head.pos_ == "NOUN" and head.lower_ in lex.non_actor_heads:
        return []  # "50,000 U.S. dollars", "Greek stocks", "China-Japan relations"
    if head.lower_ in lex.words.transparent_heads:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        acts = resolve_phrase(g, memory, lex)
                        if acts:
                            return acts
    if head.lower_ in lex.words.pronouns:
        if head.lower_ in lex.words.person_pronouns and memory is not None and memory.last_person:
            return [replace(memory.last_person, text=head.text)]
        return []
    reading = _read(head, lex)
    introduced = _introduced_acronym(head, memory)
    if introduced is not None:
        # "FIU leaders": the document's own reading of the letters wins over the lexicon's
        return [replace(introduced, text=span_text(reading.tokens), sector=introduced.sector or reading.sector,
                        role=reading.role)]
    if reading.named:
        actors = _named_actors(head, reading, lex)
        if reading.person and memory is not None and actors:
            memory.remember(reading.person, actors[0])
        return actors
    return _unnamed(head, reading, memory, lex)


def _introduced_acronym(head: Token, memory: DocMemory | None) -> Actor | None:
    """The actor of an acronym the document introduced ("... Unions (FIU)"), written as the
    head or as its modifier ("FIU leaders", "the FIU's leaders")."""
    if memory is None or not memory.acronyms:
        return None
    for t in [head, *(c for c in head.children if c.dep_ in ("compound", "nmod", "poss"))]:
        known = memory.acronyms.get(t.text)
        if known is not None:
            return known
    return None


def _read(head: Token, lex: ActorLexicon) -> _Reading:
    tokens = phrase_tokens(head)
    words = lexicon_words(tokens)
    matches = lex.match(words)
    reading = _Reading(tokens)
    for s, e, entry in matches:
        # a match inside a PP ("of Israel", "in Guinea") or a possessive on a non-actor noun
        # ("Israel's wish") ranks after the phrase's own words
        inside_pp = any((a.dep_ == "prep" and a.i > head.i)
                        for a in [tokens[s], *tokens[s].ancestors] if a in tokens and head in a.ancestors)
        if entry.kind == "sector":
            if inside_pp or tokens[e - 1].pos_ not in ("NOUN", "PROPN"):
                continue  # "official contact" is not an official
            if reading.sector is None or tokens[e - 1] == head or tokens[e - 1].head == head:
                reading.sector = entry.sector
            if entry.is_role:
                reading.role_words = [t.text for t in tokens[s:e]]
            continue
        if entry.country is None:
            # "Palestinian Islamic Jihad": a group without a country code takes its demonym's
            for k in range(s, e):
                sub = lex.entries.get((words[k],))
                if sub is not None and sub.country and sub.kind in ("country", "demonym"):
                    entry = Entry(sub.country, entry.sector, entry.name, "group")
                    break
        reading.named.append(_Named(inside_pp, s, e, entry))
    covered: set[int] = set()
    for s_, e_, _entry in matches:
        covered.update(tokens[k].i for k in range(s_, e_))
    reading.person = person_tokens(head, covered)
    if not reading.person and head.pos_ == "PROPN":
        # a known person's full name is itself a lexicon match: keep the name
        for s_, e_, entry in matches:
            if entry.kind == "person" and tokens[e_ - 1] == head:
                reading.person = [t.text for t in tokens[s_:e_]]
    if reading.named and all(n.inside_pp for n in reading.named) and reading.sector is None:
        reading.named = []  # "negotiations in Istanbul": a place in a PP does not make the head an actor
    return reading


def _named_actors(head: Token, reading: _Reading, lex: ActorLexicon) -> list[Actor]:
    """Actors of the phrase's country-bearing matches (its own words first)."""
    own = [n for n in reading.named if not n.inside_pp] or reading.named
    # a multi-word person/seat entry outranks a bare country adjective
    ents = [n.entry for n in own]
    people = [n for n in own if n.entry.kind == "person"]
    if people:
        ents = [_person_entry(own, people[-1])]
    actors = []
    for ent in ents:
        if ent.country is None:
            continue
        sec = ent.sector if ent.kind in ("capital", "seat", "person", "igo", "group") else None
        if reading.sector and ent.kind not in ("igo",):
            sec = reading.sector if ent.kind in _COUNTRY_KINDS else (sec or reading.sector)
        name = " ".join(reading.person) if reading.person else lex.country_name(ent.country) \
            if ent.kind in _COUNTRY_KINDS else ent.name
        actors.append(Actor(span_text(reading.tokens), name, ent.country, sec, reading.role))
    if len(actors) > 1:
        actors = _coordinated(head, actors, own, reading.tokens)
    return actors


def _person_entry(own: list[_Named], person: _Named) -> Entry:
    """"U.N. mediator Diego Cordovez": the affiliation written before the name is today's; the
    dictionary's (dated 2014) gives way to it."""
    entry = person.entry
    written = [n.entry for n in own if n.end <= person.start
               and n.entry.kind in ("country", "demonym", "igo", "capital", "seat") and n.entry.country]
    if written and written[-1].country != entry.country:
        sec = written[-1].sector if written[-1].kind == "igo" else entry.sector or written[-1].sector
        entry = Entry(written[-1].country, sec, entry.name, "person")
    return entry


def _coordinated(head: Token, actors: list[Actor], own: list[_Named], tokens: list[Token]) -> list[Actor]:
    """Several distinct countries in one phrase only when coordinated ("Hungarian and Romanian")."""
    coord = [a for a, n in zip(actors, own, strict=False)
             if n.entry.kind in ("demonym", "country") and tokens[n.start].dep_ in ("amod", "compound", "conj", "nmod")]
    if any(tokens[n.start].dep_ == "conj" for n in own):
        return actors
    if head.pos_ == "PROPN" and own[-1].entry.kind == "demonym" and tokens[own[-1].end - 1] == head:
        return actors[:1]  # "Bosnian Serbs", "Iraqi Kurds": the country they live in
    return actors[-1:] if head.pos_ == "PROPN" else actors[:1] if not coord else actors


def _unnamed(head: Token, reading: _Reading, memory: DocMemory | None, lex: ActorLexicon) -> list[Actor]:
    """A phrase naming no country: a remembered person, an apposition, else a bare sector."""
    person, text = reading.person, span_text(reading.tokens)
    if person and memory is not None:
        known = memory.lookup(person)
        if known:
            return [replace(known, text=text)]
    for c in head.children:  # "Salaheddine Sidhoum, Algeria's leading activist"
        if c.dep_ == "appos":
            acts = _resolve_one(c, memory, lex)
            if acts:
                out = [replace(a, text=text, name=" ".join(person) or a.name) for a in acts]
                if person and memory is not None and out[0].country:
                    memory.remember(person, out[0])
                return out
    if reading.sector:
        return [Actor(text, " ".join(person) or None, None, reading.sector, reading.role)]
    return []


def _names_someone(head: Token, lex: ActorLexicon) -> bool:
    """A proper name or an acting role or body noun ("allies", "the council")."""
    if head.lower_ in lex.words.pronouns:
        return False
    if head.pos_ == "PROPN":
        return True
    low = head.lower_
    stems = {low, low[:-1] if low.endswith("s") else low, low[:-3] + "y" if low.endswith("ies") else low}
    return head.pos_ == "NOUN" and bool(stems & lex.words.acting_heads)
