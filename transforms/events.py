"""Event extraction: PLOVER-coded events with actors, place, date and status.

Flow for a batch of documents (see ``docs/events.md``):

1. a cheap lexicon pre-filter (:meth:`EventExtractor.is_candidate`) keeps only sentences
   holding a trigger word (a verb form of ``cameo_verbs.tsv`` / ``verb_overrides.tsv`` or a
   noun of ``noun_triggers.tsv``); repeated sentences (``duplicate_of``) are dropped;
2. all candidate sentences of the batch are parsed at once with ``nlp.pipe`` (NER off);
3. each trigger is coded by the longest matching verb pattern; subject / object come from
   the dependency tree and are resolved to actors (:mod:`transforms.actors`); the place from
   a locative phrase on the event's clause (:mod:`transforms.places`); the date from the time
   expression attached to the event's clause, else the publication date; status from cue
   words (``cues.yaml``) on the event's clause.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from transforms import settings
from transforms.actors import PRONOUNS, DocMemory, lexicon, resolve_phrase, scan_descriptors
from transforms.places import gazetteer, place_of
from transforms.settings import reference_path
from transforms.text import dateline_place_name, dateline_prefix_length

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
RECIPROCAL = {"CONSULT", "COOPERATE", "AGREE"}

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")

_LEMMAS: dict[tuple[str, str], str] = {}
_IRREGULAR_NOUNS = {"men": "man", "women": "woman", "people": "people", "children": "child",
                    "police": "police", "news": "news", "talks": "talks", "series": "series",
                    "forces": "force", "crises": "crisis", "analyses": "analysis"}


def lem(tok) -> str:
    """Lower-case lemma of a token from the verb lexicon's forms and plural rules.

    Replaces spaCy's rule lemmatizer (disabled for speed): only verbs, nouns and their
    inflections matter to the rules here.
    """
    low = tok.lower_
    pos = tok.pos_
    key = (low, pos)
    hit = _LEMMAS.get(key)
    if hit is not None:
        return hit
    if pos in ("VERB", "AUX"):
        out = load_lexicon().forms.get(low) or _verb_lemma(low)
    elif pos in ("NOUN", "PROPN"):
        out = _IRREGULAR_NOUNS.get(low) or _noun_lemma(low)
    else:
        out = low
    if len(_LEMMAS) < 200_000:
        _LEMMAS[key] = out
    return out


_VERB_IRREGULAR = {"is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "am": "be",
                   "'s": "be", "has": "have", "had": "have", "did": "do", "does": "do", "said": "say",
                   "went": "go", "gone": "go", "made": "make", "took": "take", "taken": "take",
                   "held": "hold", "met": "meet", "gave": "give", "given": "give", "told": "tell",
                   "left": "leave", "came": "come", "got": "get", "began": "begin", "begun": "begin",
                   "sought": "seek", "brought": "bring", "thought": "think", "sent": "send",
                   "spoke": "speak", "spoken": "speak", "knew": "know", "known": "know", "saw": "see",
                   "seen": "see", "wrote": "write", "written": "write", "found": "find", "led": "lead",
                   "shot": "shoot", "fought": "fight", "won": "win", "lost": "lose", "paid": "pay",
                   "set": "set", "put": "put", "cut": "cut", "struck": "strike", "swore": "swear",
                   "sworn": "swear", "withdrew": "withdraw", "withdrawn": "withdraw", "ran": "run",
                   "froze": "freeze", "frozen": "freeze", "overran": "overrun", "broke": "break",
                   "broken": "break", "chose": "choose", "chosen": "choose", "drove": "drive",
                   "driven": "drive", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall",
                   "blew": "blow", "blown": "blow", "threw": "throw", "thrown": "throw", "flew": "fly",
                   "stood": "stand", "kept": "keep", "meant": "mean", "felt": "feel", "heard": "hear"}


def _verb_lemma(low: str) -> str:
    if low in _VERB_IRREGULAR:
        return _VERB_IRREGULAR[low]
    forms = load_lexicon().forms
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                         ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            cand = low[: -len(suffix)] + repl
            if cand in forms or cand in load_lexicon().verbs:
                return cand
    for suffix in ("ing", "ed", "s"):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stem = stem[:-1]
            return stem
    return low


def _noun_lemma(low: str) -> str:
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return low[:-1]
    return low


@dataclass
class Pattern:
    after: tuple  # tuple of word alternatives (frozensets)
    before: tuple
    plover: str
    mode: str
    curated: bool


@dataclass
class Lexicon:
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # surface form -> lemma
    nouns: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    default_forms: set[str] = field(default_factory=set)  # forms that are events on their own
    pattern_forms: dict[str, set[str]] = field(default_factory=dict)  # form -> anchor words
    cues: dict = field(default_factory=dict)
    mode_cues: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)  # type -> (mode, cue)


def _read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _inflect(lemma: str) -> set[str]:
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = Lexicon()
    ref = reference_path("events")
    synsets: dict[str, set[str]] = {}
    for fname in ("cameo_synsets.tsv", "synsets.tsv"):
        for r in _read_tsv(ref / fname):
            synsets.setdefault(r["set"], set()).add(r["word"])

    def words(text: str) -> tuple | None:
        """Word alternatives of a pattern; ``None`` when it names a synonym set that does not
        exist (petrarch2 refers to a few it never defines): such a pattern can never match,
        and dropping the word instead would make it match far too much."""
        out = []
        for w in text.split():
            if w.startswith("&"):
                alts = {" ".join(s.split()) for s in synsets.get(w, set())}  # "cease fire" stays whole
                if not alts:
                    return None
                out.append(frozenset(alts))
            elif w not in {"", "-", "*"}:
                out.append(frozenset({w}))
        return tuple(out)

    irregular: dict[str, set[str]] = {}
    for curated, fname in ((True, "verb_overrides.tsv"), (False, "cameo_verbs.tsv")):
        for r in _read_tsv(ref / fname):
            lemma = r["lemma"].strip().lower()
            if not lemma:
                continue
            if r["after"] == "=FORMS":
                irregular.setdefault(lemma, set()).update(r["before"].split() or r["cameo"].split())
                continue
            plover = (r.get("plover") or "").strip()
            if plover and plover not in PLOVER_TYPES:
                continue
            after, before = words(r["after"] or ""), words(r["before"] or "")
            if after is None or before is None:
                continue
            pat = Pattern(after, before, plover, (r.get("mode") or "").strip(), curated)
            lex.verbs.setdefault(lemma, []).append(pat)
    for lemma, pats in lex.verbs.items():
        forms = _inflect(lemma) | irregular.get(lemma, set())
        # a curated default row always matches, so a lemma with curated rows is coded by them only
        effective = [p for p in pats if p.curated] or pats
        default = _default(effective)
        for f in forms:
            lex.forms.setdefault(f, lemma)
            if default is not None and default.plover:
                lex.default_forms.add(f)
            else:
                anchors = set()
                for p in effective:
                    if p.plover and p.after:
                        anchors.update(a.split()[-1] for a in p.after[-1])
                if anchors:
                    lex.pattern_forms.setdefault(f, set()).update(anchors)
    for r in _read_tsv(ref / "noun_triggers.tsv"):
        lex.nouns.setdefault(r["noun"].lower(), []).append((r["plover"], r["mode"] or "", r["modifier"] or ""))
    for r in _read_tsv(ref / "mode_cues.tsv"):
        lex.mode_cues.setdefault(r["plover"], []).append((r["mode"], tuple(r["cue"].lower().split())))
    with open(ref / "cues.yaml", encoding="utf-8") as f:
        lex.cues = yaml.safe_load(f)
    for key in ("reporting_verbs", "negation_words", "hypothetical_aux", "hypothetical_marks",
                "hypothetical_words", "future_aux", "future_governors", "future_adjectives",
                "transparent_verbs", "light_verbs", "happening_verbs", "negation_verbs", "support_verbs",
                "unattributed_subjects", "plan_nouns", "statement_nouns", "sport_verbs", "sport_words"):
        lex.cues[key] = set(lex.cues.get(key) or [])
    return lex


def _default(pats: list[Pattern]) -> Pattern | None:
    for p in pats:  # curated rows come first
        if not p.after and not p.before:
            return p
    return None


_STOP = {"the", "a", "an", "of", "and", "in", "for", "to", "on", "at", "de", "al", "el", "la", "le"}


def _actor_cues(alex) -> set[str]:
    cues = {"he", "she", "they", "we"}
    for key in (*alex.entries, *alex.sectors):
        words = [w for w in key if w not in _STOP]
        if words:
            cues.add(words[0].strip(".'").replace("'s", ""))
    return {c for c in cues if c}


def _noun_forms(lex: Lexicon) -> set[str]:
    out = set()
    for n in lex.nouns:
        out |= {n, n + "s", n + "es"}
    return out


@dataclass
class Trigger:
    token: object
    plover: str
    mode: str
    kind: str  # verb | noun
    consumed: set = field(default_factory=set)  # token indices that belong to the pattern
    light: object = None  # light verb governing a noun trigger
    modal: bool = False  # "X said Y must ...": a request by the speaker to Y


def event_id(doc_id: str, sentence_index: int, start: int, end: int, event_type: str) -> str:
    payload = f"{doc_id}\x1f{sentence_index}\x1f{start}\x1f{end}\x1f{event_type}"
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


_NLP_CACHE: dict[str, object] = {}


def _load_nlp(model: str):
    """The parser pipeline, loaded once per process.

    NER is not used; lemmas come from the lexicon (see :func:`lem`), so the lemmatizer goes
    too; the attribute ruler (a matcher mapping fine tags to coarse POS) is replaced by a plain
    lookup table built from its own single-token patterns.
    """
    if model not in _NLP_CACHE:
        import spacy
        from spacy.language import Language

        nlp = spacy.load(model, exclude=["ner", "lemmatizer"])
        if "attribute_ruler" in nlp.pipe_names:
            by_tag: dict[str, str] = {}
            by_tag_word: dict[tuple[str, str], str] = {}
            for p in nlp.get_pipe("attribute_ruler").patterns:
                pos = (p.get("attrs") or {}).get("POS")
                if not pos or len(p["patterns"]) != 1 or len(p["patterns"][0]) != 1:
                    continue
                cond = p["patterns"][0][0]
                if set(cond) == {"TAG"} and isinstance(cond["TAG"], str):
                    by_tag[cond["TAG"]] = pos
                elif "TAG" in cond and isinstance(cond["TAG"], str):
                    for key in ("LOWER", "ORTH", "NORM"):
                        words = cond.get(key)
                        if isinstance(words, str):
                            by_tag_word[(cond["TAG"], words.lower())] = pos
                        elif isinstance(words, dict):
                            for w in words.get("IN") or []:
                                by_tag_word[(cond["TAG"], w.lower())] = pos
            name = "dateline_tag_to_pos_" + re.sub(r"\W", "_", model)
            if name not in Language.factories:
                @Language.component(name)
                def _tag_to_pos(doc):  # noqa: ANN001
                    for tok in doc:
                        tag = tok.tag_
                        pos = by_tag_word.get((tag, tok.lower_)) or by_tag.get(tag)
                        if pos:
                            tok.pos_ = pos
                    return doc
            nlp.remove_pipe("attribute_ruler")
            nlp.add_pipe(name, after="parser")
        _NLP_CACHE[model] = nlp
    return _NLP_CACHE[model]


#: Sentences longer than this are not parsed: news sentences are far shorter (in 17,551
#: TE3-silver sentences the longest has 504 characters), and parsing cost and memory grow with
#: sentence length.
MAX_SENTENCE_CHARS = 2000


class EventExtractor:
    """PLOVER event extraction over batches of documents (one spaCy pipeline per process)."""

    # nlp.pipe batch of 32 sentences: as fast as 256 here and ~150 MB less memory per process
    def __init__(self, model: str = settings.SPACY_MODEL, batch_size: int = 32) -> None:
        self.model = model
        self.batch_size = batch_size
        self.lex = load_lexicon()
        self.actor_lex = lexicon()
        self._noun_forms = _noun_forms(self.lex)
        self._actor_cues = _actor_cues(self.actor_lex)
        self._nlp = None
        self._pattern_index: dict[str, tuple[list[int], dict[str, list[int]]]] = {}
        self.stats = {"sentences": 0, "candidates": 0}

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = _load_nlp(self.model)
        return self._nlp

    # ------------------------------------------------------------------ pre-filter
    def is_candidate(self, sentence: str) -> bool:
        """Cheap lexicon test: can this sentence hold an event?

        It needs a trigger word (a verb form coded by default, a verb form with one of its
        pattern words, or an event noun) and an actor cue (a word that starts an actor or
        sector entry, or a personal pronoun).
        """
        words = _WORD.findall(sentence)
        ws = {w.lower() for w in words}
        if not ws or not (ws & self._actor_cues):
            return False
        # triggers are common words: written in lower case (or first in the sentence), so
        # "United" in "United Nations" or "March" in a date do not count
        low = {w for w in words if w[0].islower()}
        low.add(words[0].lower())
        if low & self.lex.default_forms or low & self._noun_forms:
            return True
        for w in low:
            anchors = self.lex.pattern_forms.get(w)
            if anchors and anchors & ws:
                return True
        return False

    # ------------------------------------------------------------------ batch
    def extract_batch(self, docs: list[dict]) -> list[list[dict]]:
        jobs = []  # (doc index, sentence)
        for di, doc in enumerate(docs):
            doc["_dateline_place"] = None
            seen_dateline = False
            for s in doc.get("sentences") or []:
                self.stats["sentences"] += 1
                stripped = _without_dateline(doc, s)
                if stripped is not s and not seen_dateline:
                    # the article's dateline city: the place of events whose sentence names none
                    seen_dateline = True
                    name = dateline_place_name(s["text"][: stripped["start"] - s["start"]])
                    doc["_dateline_place"] = gazetteer().lookup(name) if name else None
                if s.get("duplicate_of") is not None:
                    continue
                s = stripped
                if len(s["text"]) > MAX_SENTENCE_CHARS:
                    # a run-on "sentence" (a table, a list, text without stops) is not parsed
                    self.stats["too_long"] = self.stats.get("too_long", 0) + 1
                    continue
                if self.is_candidate(s["text"]):
                    jobs.append((di, s))
        self.stats["candidates"] += len(jobs)
        results: list[list[dict]] = [[] for _ in docs]
        memories = [DocMemory() for _ in docs]
        texts = [s["text"] for _, s in jobs]
        parsed = self.nlp.pipe(texts, batch_size=self.batch_size) if texts else []
        for (di, s), sdoc in zip(jobs, parsed, strict=True):
            doc = docs[di]
            try:
                results[di].extend(self._sentence_events(doc, s, sdoc, memories[di]))
            except Exception:  # noqa: BLE001 - one odd sentence must not stop a batch
                self.stats["errors"] = self.stats.get("errors", 0) + 1
                continue
        return results

    # ------------------------------------------------------------------ triggers
    def _candidate_patterns(self, lemma: str, pats: list[Pattern], avail: set[str]) -> list[Pattern]:
        """Patterns of ``lemma`` whose every word step has a word in ``avail``, in file order.

        Some verbs have hundreds of CAMEO patterns: an index from each pattern's first step
        words to the pattern keeps this from testing them all."""
        index = self._pattern_index.get(lemma)
        if index is None:
            always, by_word = [], {}
            for i, p in enumerate(pats):
                steps = p.after + p.before
                if not steps:
                    always.append(i)
                for w in (steps[0] if steps else ()):
                    by_word.setdefault(w, []).append(i)
            index = self._pattern_index[lemma] = (always, by_word)
        always, by_word = index
        found = set(always)
        for w in avail:
            hit = by_word.get(w)
            if hit:
                found.update(hit)
        out = []
        for i in sorted(found):
            p = pats[i]
            if all(not alts.isdisjoint(avail) for alts in p.after) and \
                    all(not alts.isdisjoint(avail) for alts in p.before):
                out.append(p)
        return out

    def _match_verb(self, tok) -> tuple[Pattern, set] | None:
        lemma = lem(tok)
        pats = self.lex.verbs.get(lemma)
        if not pats:
            lemma = self.lex.forms.get(tok.lower_)
            pats = self.lex.verbs.get(lemma) if lemma else None
        if not pats:
            return None
        right = [t for t in _verb_phrase(tok) if t.i > tok.i]
        left = [t for t in tok.doc[max(0, tok.i - 4): tok.i]]
        avail = set()
        for seq in (right, left):
            for k, t in enumerate(seq):
                low = t.lower_
                avail.update((low, low[:-1], low[:-2], lem(t)))
                if k >= 1:  # multi-word synonyms ("cease fire", "armed forces")
                    avail.add(f"{seq[k - 1].lower_} {low}")
                if k >= 2:
                    avail.add(f"{seq[k - 2].lower_} {seq[k - 1].lower_} {low}")
        pats = self._candidate_patterns(lemma, pats, avail)
        best, best_len, best_used = None, -1, set()
        curated = [p for p in pats if p.curated]
        if curated and any(_match_seq(p.after, right) is not None and _match_seq(p.before, left) is not None
                           for p in curated):
            pats = curated  # a curated row that matches overrides the converted CAMEO patterns
        for p in pats:
            used = _match_seq(p.after, right)
            if used is None:
                continue
            used_b = _match_seq(p.before, left)
            if used_b is None:
                continue
            n = len(p.after) + len(p.before)
            if n > best_len:
                best, best_len, best_used = p, n, used | used_b
        if best is None or not best.plover:
            return None
        return best, best_used

    def _triggers(self, sdoc) -> list[Trigger]:
        lex = self.lex
        trig: list[Trigger] = []
        consumed: set[int] = set()
        for tok in sdoc:
            if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "ADJ" and tok.dep_ == "acomp"):
                continue
            if tok.pos_ == "AUX" and tok.dep_ != "ROOT":
                continue
            intent = lex.cues.get("intent_verbs") or {}
            if tok.pos_ == "ADJ" and lem(tok) in intent and any(c.dep_ == "xcomp" for c in tok.children):
                trig.append(Trigger(tok, intent[lem(tok)], "", "verb", set()))
                continue
            if lem(tok) in lex.cues["future_governors"] and any(c.dep_ == "xcomp" for c in tok.children):
                continue  # "are set to resume", "is expected to meet": the complement is the event
            m = self._match_verb(tok)
            if m is None or _non_event_object(tok, lex) or _sport_result(tok, sdoc, lex):
                continue
            pat, used = m
            trig.append(Trigger(tok, pat.plover, pat.mode, "verb", used))
            consumed |= used
        for tok in sdoc:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in consumed:
                continue
            if tok.is_title and tok.i > 0 and not sdoc[tok.i - 1].is_punct:
                continue  # a capitalised event word inside a name: "Cold War", "Forum on ... Cooperation"
            rows = lex.nouns.get(lem(tok)) or lex.nouns.get(tok.lower_)
            if not rows:
                continue
            mods = {c.lower_ for c in tok.children} | {lem(c) for c in tok.children}
            chosen = None
            for plover, mode, modifier in rows:
                if modifier and modifier in mods:
                    chosen = (plover, mode)
                    break
            if chosen is None:
                plain = [r for r in rows if not r[2]]
                if not plain:
                    continue
                chosen = (plain[0][0], plain[0][1])
            light = _light_verb(tok, lex)
            if not light and not _noun_has_actor(tok):
                continue
            trig.append(Trigger(tok, chosen[0], chosen[1], "noun", set(), light))
        # "organized a strike", "staged a protest": a verb coded only by its default gives way
        # to the event noun it governs
        weak = {t.token.i for t in trig if t.kind == "verb" and not t.consumed}
        noun_lights = {t.light.i for t in trig if t.kind == "noun" and t.light is not None
                       and t.token.dep_ in ("dobj", "pobj")
                       and lem(t.light) in lex.cues["support_verbs"]}
        trig = [t for t in trig if not (t.kind == "verb" and t.token.i in weak & noun_lights)]
        # a noun trigger that is the object of a verb trigger belongs to it
        verb_objs = set()
        for t in trig:
            if t.kind == "verb":
                for c in t.token.subtree:
                    if c.i in t.consumed:
                        verb_objs.add(c.i)
        verb_toks = {v.token.i for v in trig if v.kind == "verb"}
        verb_types = {v.token.i: v.plover for v in trig if v.kind == "verb"}
        trig = [t for t in trig if not (t.kind == "noun" and (t.token.i in verb_objs or (
            t.light is not None and t.light.i in verb_toks and t.token.dep_ not in ("nsubj", "nsubjpass"))
            or _object_of_same_event(t, verb_types)))]
        # intent verbs take over their complements ("agreed to cooperate")
        intent = lex.cues.get("intent_verbs") or {}
        by_tok = {t.token.i: t for t in trig}
        drop = set()
        for t in trig:
            if t.kind != "verb":
                continue
            lemma = lem(t.token)
            if lemma in intent:
                for c in t.token.children:
                    if c.dep_ in ("xcomp", "ccomp") and c.i in by_tok and c.i != t.token.i:
                        drop.add(c.i)
                        for cc in c.children:
                            if cc.dep_ == "conj" and cc.i in by_tok:
                                drop.add(cc.i)
        trig = [t for t in trig if t.token.i not in drop]
        # "Russia said Sudan must return the helicopter": the speaker requests it of Sudan
        for tok in sdoc:
            if tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children) \
                    and tok.dep_ in ("ccomp", "conj") and _reporting_governor(tok, lex) is not None:
                trig = [t for t in trig if t.token.i != tok.i]
                trig.append(Trigger(tok, "REQUEST", "", "verb", set(), None, True))
        return trig

    # ------------------------------------------------------------------ events
    def _sentence_events(self, doc: dict, sent: dict, sdoc, memory: DocMemory) -> list[dict]:
        scan_descriptors(sdoc, memory, self.actor_lex)
        triggers = self._triggers(sdoc)
        out = []
        if not triggers:
            self._remember(sdoc, memory)
            return out
        trigger_tokens = {t.token.i for t in triggers}
        timexes = [t for t in doc.get("timexes") or [] if t.get("sentence_index") == sent["index"]
                   or (t.get("sentence_index") is None and sent["start"] <= t["start"] < sent["end"])]
        for t in triggers:
            ev = self._event(doc, sent, sdoc, t, memory, timexes, trigger_tokens)
            if ev is not None:
                out.append(ev)
        self._remember(sdoc, memory)
        return out

    def _remember(self, sdoc, memory: DocMemory) -> None:
        """Resolve the sentence's named people so later sentences find them by surname."""
        for tok in sdoc:
            if tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "poss", "conj"):
                resolve_phrase(tok, memory, self.actor_lex)
        subj = next((t for t in sdoc if t.pos_ == "PROPN" and t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        if subj is not None:
            known = memory.lookup([subj.text])
            if known:
                memory.last_person = known

    def _event(self, doc, sent, sdoc, t: Trigger, memory, timexes, trigger_tokens) -> dict | None:
        tok = t.token
        lex = self.lex
        clause = _clause_head(t)
        src_tok, tgt_toks = _arguments(t, lex)
        source = _actors_of(src_tok, memory, self.actor_lex, clause, lex) if src_tok is not None else []
        target = []
        sector_only = []
        for tt in tgt_toks:
            if any(c.dep_ == "poss" and c.lower_ in _OWN for c in tt.children):
                continue  # "withdrew its troops": the source's own forces
            acts = _actors_of(tt, memory, self.actor_lex, clause, lex)
            if any(a.get("country") for a in acts):
                target = [a for a in acts if a.get("country")]
                break
            if acts and not sector_only:
                sector_only = acts
        if not target and t.kind == "verb":
            target = _deep_target(t.token, src_tok, memory, self.actor_lex)
        target = target or sector_only
        if not target and t.kind == "verb":
            target = _deep_target(t.token, src_tok, memory, self.actor_lex, sector_ok=True)
        if not source and src_tok is not None and src_tok.pos_ == "NOUN" and (
                lem(src_tok) in lex.nouns or src_tok.lower_ in lex.nouns):
            # "the talks between Russia and Ukraine ended without any agreement"
            s3, t3 = _noun_arguments(src_tok, memory, self.actor_lex)
            source = s3 + t3
        if t.kind == "noun":
            s2, t2 = _noun_arguments(tok, memory, self.actor_lex)
            if not source:
                source = s2
            if not target:
                target = t2
        # reciprocal phrases: "Russia-Ukraine talks", "X and Y held talks"
        if not source and target and t.plover in RECIPROCAL and t.kind == "noun":
            source, target = target, []
        place = _place_for(t, clause, sdoc, source + target)
        if place:
            place["source"] = "sentence"
        elif doc.get("_dateline_place"):
            # no place in the sentence: the dateline city, if it is in an actor's country (or
            # no actor has a country) -- "WASHINGTON -- Israel struck Gaza" stays unplaced
            countries = {a.get("country") for a in source + target} - {None}
            dp = doc["_dateline_place"]
            if not countries or dp.get("country") in countries:
                place = {**dp, "source": "dateline"}
        local = _sentence_country(sdoc, self.actor_lex) or place.get("country")
        for side in (source, target):
            # a local actor ("Judge Alejandro Rivera", "riot police") is of a coordinated
            # actor's country, else of the only country in the sentence, else of the place
            known = [a["country"] for a in side if a.get("country")]
            for a in side:
                if not a.get("country") and (a.get("sector") or a.get("name")):
                    a["country"] = known[0] if known else local
            if not source and src_tok is not None and src_tok.pos_ == "PROPN" and src_tok.lower_ not in PRONOUNS:
                source = [{"text": src_tok.text, "name": src_tok.text, "country": local, "sector": None,
                           "role": None}]
        if not source and src_tok is not None and place.get("country") and t.plover in ("ASSAULT", "COERCE") \
                and lem(src_tok) in lex.cues["unattributed_subjects"]:
            # "a roadside bombing near Samarra killed ...": unidentified attackers of that country
            source = [{"text": src_tok.text, "name": None, "country": place["country"], "sector": "UAF",
                       "role": None}]
        if not source and t.kind == "verb" and t.plover in ("ASSAULT", "COERCE") and src_tok is not None \
                and src_tok.pos_ == "NOUN" and src_tok.dep_ in ("nsubj", "agent", "pobj") \
                and lem(src_tok) not in lex.cues["unattributed_subjects"]:
            return None  # "a mechanical failure struck the tram", "the storm killed 20"
        if not target and source and place.get("country") and t.plover in _NEEDS_RECIPIENT:
            # "lifted a curfew in Montenegro", "fired at targets in Jericho": where it happened
            target = [{"text": place["name"], "name": self.actor_lex.country_name(place["country"]),
                       "country": place["country"], "sector": None, "role": None}]
        source = [a for a in source if a.get("country") or a.get("sector")]
        target = [a for a in target if a.get("country") or a.get("sector")]
        anaphor = t.kind == "noun" and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "these", "those", "their")
                                           for c in tok.children)
        if not source and not target and anaphor:
            prev = memory.events.get(t.plover)
            if prev:
                source, target = [dict(a) for a in prev[0]], [dict(a) for a in prev[1]]
        elif len(source) + len(target) >= 2:
            memory.events[t.plover] = (source, target)
        # drop a target that is the source itself (same words)
        skeys = {a["text"] for a in source}
        target = [a for a in target if a["text"] not in skeys]
        if not source and not target:
            return None
        status = _status(t, clause, lex)
        reported_by = _reporter(clause, memory, self.actor_lex, lex)
        date = _date_for(t, clause, sdoc, sent, timexes, trigger_tokens, doc["published_date"],
                         reporting_date=status == "asserted")
        own_date = date.pop("_own", False)
        if status == "asserted" and date["date_start"] and date["date_start"] > doc["published_date"]:
            if not own_date or _past_tense(t, clause):
                # "opened fire on Monday" cannot be after publication: distrust the date
                date = _publication_date(doc["published_date"])
            else:
                status = "future"
        mode = t.mode or _mode_from_cues(t.plover, sdoc, lex)
        start = sent["start"] + tok.idx
        end = start + len(tok.text)
        conf = (0.6 if _is_main(t, clause, lex) else 0.3) + 0.15 * bool(source) + 0.15 * bool(target) \
            + 0.1 * (t.kind == "verb")
        return {
            "event_id": event_id(doc["doc_id"], sent["index"], start, end, t.plover),
            "doc_id": doc["doc_id"], "sentence_index": sent["index"],
            "start_char": start, "end_char": end, "trigger": tok.text,
            "event_type": t.plover, "mode": mode or None, "status": status,
            "source_actors": source, "target_actors": target,
            "location_name": place.get("name"), "location_country": place.get("country"),
            "latitude": place.get("latitude"), "longitude": place.get("longitude"),
            "geonames_id": place.get("geonames_id"), "location_source": place.get("source"),
            **date, "evidence": sent["text"], "reported_by": reported_by,
            "confidence": round(min(conf, 1.0), 2),
        }


# ---------------------------------------------------------------------- helpers

def _sport_result(verb, sdoc, lex: Lexicon) -> bool:
    """"Urawa beat defending champions Gamba Osaka 3-2": a contest verb among sport words."""
    if lem(verb) not in lex.cues["sport_verbs"]:
        return False
    cache = _sentence_cache(sdoc)
    if "sport" not in cache:
        low, words, _ = _sentence_words(sdoc)
        # (no score pattern: "the Senate voted 52-48" is politics)
        cache["sport"] = bool(set(words) & lex.cues["sport_words"]) or any(
            " " in w and w in low for w in lex.cues["sport_words"])
    return cache["sport"]


def _sentence_words(sdoc) -> tuple[str, list[str], str]:
    """The sentence lower-cased, its words, and the words joined by single spaces with a space
    at both ends (for phrase look-ups); once per sentence."""
    cache = _sentence_cache(sdoc)
    hit = cache.get("words")
    if hit is None:
        low = sdoc.text.lower()
        words = _WORD.findall(low)
        hit = cache["words"] = (low, words, " " + " ".join(words) + " ")
    return hit


def _non_event_object(verb, lex: Lexicon) -> bool:
    """"met the criteria", "demonstrated his prowess": the object rules out the event sense
    (``non_event_objects`` in cues.yaml)."""
    blocked = (lex.cues.get("non_event_objects") or {}).get(lem(verb))
    if not blocked:
        return False
    for c in verb.children:
        if c.dep_ != "dobj":
            continue
        if "*" in blocked:
            return True
        # "a number of criteria", "a set of conditions": the noun after "of" counts too
        heads = [c] + [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj"]
        if any(lem(h) in blocked for h in heads):
            return True
    return False


def _mode_from_cues(plover: str, sdoc, lex: Lexicon) -> str | None:
    """The first ``mode_cues.tsv`` row of this type whose cue occurs in the sentence."""
    rows = lex.mode_cues.get(plover)
    if not rows:
        return None
    cache = _sentence_cache(sdoc)
    singles = cache.get("mode_words")
    _, lows, joined = _sentence_words(sdoc)
    if singles is None:
        singles = cache["mode_words"] = set(lows) | {w[:-1] for w in lows if w.endswith("s")} \
            | {w[:-2] for w in lows if w.endswith("es")}
    for mode, cue in rows:
        if (len(cue) == 1 and cue[0] in singles) or (len(cue) > 1 and f" {' '.join(cue)} " in joined):
            return mode
    return None


_OBJECT_PATH = {"dobj", "pobj", "prep", "nmod", "compound", "attr", "npadvmod", "appos"}


def _object_of_same_event(t: Trigger, verb_types: dict[int, str]) -> bool:
    """"engage in a new round of talks with Ukraine": the noun names the verb's own event.

    True when the noun trigger hangs below a verb trigger of the same type through objects
    and prepositions only (no clause in between)."""
    tok = t.token
    for _ in range(6):
        if tok.dep_ not in _OBJECT_PATH or tok.head is tok:
            return False
        tok = tok.head
        if tok.i in verb_types:
            return verb_types[tok.i] == t.plover
    return False


def _without_dateline(doc: dict, sent: dict) -> dict:
    """The sentence without a leading news dateline ("ISTANBUL -") when it opens a paragraph
    near the top of the article; offsets stay relative to the document text."""
    text = doc.get("text") or ""
    if sent["index"] > 3 or (sent["start"] > 0 and text[sent["start"] - 1:sent["start"]] != "\n"):
        return sent
    k = dateline_prefix_length(sent["text"])
    if not k:
        return sent
    return dataclasses.replace(sent, text=sent.text[k:], start=sent.start + k)


_PHRASE_STOP = {"ccomp", "advcl", "conj", "relcl", "parataxis", "csubj", "nsubj", "nsubjpass", "mark", "cc"}


def _verb_phrase(tok) -> list:
    """The verb's phrase (its dependents, not crossing into other clauses), in text order;
    computed once per token of the sentence being coded."""
    cache = _sentence_cache(tok.doc).setdefault("verb_phrase", {})
    hit = cache.get(tok.i)
    if hit is None:
        hit = cache[tok.i] = _compute_verb_phrase(tok)
    return hit


def _compute_verb_phrase(tok) -> list:
    out = []
    stack = [c for c in tok.children if c.dep_ not in _PHRASE_STOP]
    while stack:
        c = stack.pop()
        out.append(c)
        if c.dep_ in ("relcl", "advcl", "ccomp"):
            continue
        stack.extend(c.children)
    return sorted(out, key=lambda t: t.i)


def _tok_matches(tok, alts: frozenset) -> bool:
    low = tok.lower_
    if low in alts or lem(tok) in alts:
        return True
    for a in alts:
        if " " in a:  # a multi-word synonym ends at this token: "cease fire"
            parts = a.split()
            start = tok.i - len(parts) + 1
            if start >= 0 and [t.lower_ for t in tok.doc[start:tok.i + 1]] == parts:
                return True
        elif low.startswith(a) and len(low) - len(a) <= 2 and len(a) >= 4:
            return True
    return False


def _match_seq(seq: tuple, tokens: list) -> set | None:
    if not seq:
        return set()
    used = set()
    j = 0
    for alts in seq:
        while j < len(tokens) and not _tok_matches(tokens[j], alts):
            j += 1
        if j >= len(tokens):
            return None
        used.add(tokens[j].i)
        j += 1
    return used


def _light_verb(noun, lex: Lexicon):
    """The verb carrying a noun trigger: "held talks", "engage in talks", "talks were held"."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and (
            lem(head.head) in lex.cues["light_verbs"] or head.lower_ == "for"):
        return head.head  # "engage in talks", "return to Geneva for talks", "converge for a rally"
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        if lem(head) in lex.cues["happening_verbs"] or noun.dep_ == "nsubjpass":
            return head
    return None


def _noun_has_actor(noun) -> bool:
    lex = lexicon()
    for c in noun.children:
        if c.dep_ == "acl" and lem(c) in ("involve", "include", "bring"):
            return True
        if c.dep_ in ("poss", "amod", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ in (
                "of", "with", "between", "against", "by", "on", "among")):
            words = [t.lower_ for t in c.subtree]
            if any(e.country for _, _, e in lex.match(words) if e.kind != "sector"):
                return True
    return False


def _clause_head(t: Trigger):
    """The verb whose clause the event belongs to (the trigger or the light verb)."""
    if t.kind == "verb":
        return t.token
    if t.light is not None:
        return t.light
    # noun trigger inside a prepositional phrase or as an argument: climb to the verb
    tok = t.token
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return a
    return tok


def _subject(verb, depth=0):
    """Subject of ``verb``: own nsubj, the controller of an xcomp, the first conjunct's."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c, False
        if c.dep_ == "nsubjpass":
            return c, True
    if depth > 4:
        return None, False
    if verb.dep_ == "ROOT":
        # parse repair: "Turkey massed troops" read as an adverbial noun before the verb
        for c in verb.children:
            if c.i < verb.i and c.dep_ in ("npadvmod", "dep", "nmod") and c.pos_ == "PROPN":
                return c, False
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head != verb:
        s, passive = _subject(verb.head, depth + 1)
        if verb.dep_ == "xcomp":
            for c in verb.head.children:
                if c.dep_ == "dobj" and lem(verb.head) in ("urge", "ask", "call", "order", "force",
                                                                    "allow", "persuade", "tell", "invite"):
                    return c, False
        return s, passive and verb.dep_ == "conj"
    cues = load_lexicon().cues
    if verb.dep_ == "acl" and (lem(verb.head) in cues["plan_nouns"] or (
            verb.tag_ == "VBG" and lem(verb.head) in cues["statement_nouns"])) and verb.head.head != verb.head:
        # "X announced plans to hold talks", "X issued a declaration demanding ..."
        return _subject(verb.head.head, depth + 1)
    if verb.dep_ == "relcl":
        return verb.head, False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None, False
    return None, False


_TARGET_PREPS = ("to", "with", "against", "on", "into", "at", "toward", "towards", "from", "for", "over", "upon")


def _arguments(t: Trigger, lex: Lexicon):
    """(source token, [target tokens in preference order]) for a trigger."""
    verb = t.token if t.kind == "verb" else t.light
    if verb is None:
        return None, []
    if t.modal:
        rep = _reporting_governor(verb, lex)
        rsubj = _subject(rep)[0] if rep is not None else None
        vsubj = _subject(verb)[0]
        return rsubj, [vsubj] if vsubj is not None else []
    subj, passive = _subject(verb)
    if passive and (lem(verb) in (lex.cues.get("intent_verbs") or {}) or any(
            c.dep_ == "xcomp" for c in verb.children)) and not any(c.dep_ == "agent" for c in verb.children):
        passive = False
    agent = None
    for c in verb.children:
        if c.dep_ == "agent":
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
    targets = []
    if passive:
        source = agent
        if subj is not None and not (t.kind == "noun" and subj == t.token):
            targets.append(subj)
        elif t.kind == "noun" and subj == t.token:
            source = agent
    else:
        source = subj
    holders = [verb]
    if t.kind == "noun":
        holders.append(t.token)
    for c in verb.children:  # complement of an intent verb: "offered to hand over to X"
        if c.dep_ == "xcomp":
            holders.append(c)
    for h in holders:
        for c in h.children:
            if c.dep_ in ("dobj", "dative", "obj", "iobj") and c != t.token:
                targets.append(c)
    if t.kind == "verb" and t.plover in ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE"):
        for c in verb.children:  # "demanded that the US cancel ...": the complement's subject
            if c.dep_ == "ccomp":
                s2, _ = _subject(c)
                if s2 is not None:
                    targets.append(s2)
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        targets.append(g)
            if c.dep_ in ("dobj",) and c != t.token:
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("of", "to", "against", "on"):
                        targets.extend(g for g in p.children if g.dep_ == "pobj")
    if source is not None and t.kind == "noun" and source == t.token:
        source = None
    return source, targets


def _actors_of(tok, memory, alex, clause, lex) -> list[dict]:
    if tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass"):
        # the nearest earlier person subject in the sentence, else the document's last person
        for prev in reversed(list(tok.doc[: tok.i])):
            if prev.dep_ in ("nsubj", "nsubjpass") and prev.pos_ == "PROPN":
                acts = resolve_phrase(prev, memory, alex)
                if acts:
                    return [{**a, "text": tok.text} for a in acts]
    if tok.lower_ in ("it", "they", "we") and tok.dep_ in ("nsubj", "nsubjpass"):
        # "Syria says it is willing": the pronoun is the reporting verb's subject
        rep = _reporting_governor(tok.head, lex)
        if rep is not None:
            s, _ = _subject(rep)
            if s is not None and s.lower_ not in PRONOUNS:
                return resolve_phrase(s, memory, alex)
        # "the talks were held ..., but they ended": an earlier event noun of the sentence
        for prev in reversed(list(tok.doc[: tok.i])):
            if prev.dep_ in ("nsubj", "nsubjpass") and prev.pos_ == "NOUN":
                rows = lex.nouns.get(lem(prev)) or lex.nouns.get(prev.lower_)
                known = memory.events.get(rows[0][0]) if rows else None
                if known:
                    return [dict(a) for a in known[0] + known[1]]
                break
        return []
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    return resolve_phrase(tok, memory, alex)


_OWN = {"its", "their", "his", "her", "our"}

#: Types whose recipient is the place when no actor receives the act (PLOVER: "requires recipient").
_NEEDS_RECIPIENT = {"ASSAULT", "COERCE", "SANCTION", "CONCEDE", "RETREAT", "AID", "THREATEN", "MOBILIZE", "REQUEST",
                    "ACCUSE", "REJECT", "SUPPORT"}

_LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout", "around"}


_SENT_CACHE: dict = {"doc": None}


def _sentence_cache(sdoc) -> dict:
    """Per-sentence values computed once for all its events (the cache holds one sentence)."""
    if _SENT_CACHE.get("doc") is not sdoc:
        _SENT_CACHE.clear()
        _SENT_CACHE["doc"] = sdoc
    return _SENT_CACHE


def _sentence_country(sdoc, alex) -> str | None:
    """The one country named in the sentence (None when there are none or several)."""
    cache = _sentence_cache(sdoc)
    if "country" not in cache:
        words = [t.lower_ for t in sdoc]
        found = {e.country for _, _, e in alex.match(words)
                 if e.kind in ("country", "demonym", "capital", "seat") and e.country}
        cache["country"] = found.pop() if len(found) == 1 else None
    return cache["country"]


def _deep_target(verb, src_tok, memory, alex, sector_ok: bool = False) -> list[dict]:
    """First actor named anywhere in the verb's phrase after it ("demanded an admission by
    Moscow", "fired shells at targets in Jericho") when no direct object or PP names one."""
    skip = set(t.i for t in src_tok.subtree) if src_tok is not None else set()
    phrase = [t for t in _verb_phrase(verb) if t.i > verb.i and t.i not in skip]
    # purpose and condition clauses name the recipient too: "struck to protest against X",
    # "threatened to ... unless X does Y"
    for v in [verb, *[c for c in verb.children if c.dep_ == "xcomp"]]:
        for c in v.children:
            if c.dep_ == "advcl" and c.i > verb.i and any(
                    (g.dep_ == "aux" and g.lower_ == "to") or (g.dep_ == "mark" and g.lower_ in ("if", "unless"))
                    for g in c.children):
                phrase.extend(t for t in c.subtree if t.i not in skip)
    phrase = sorted(set(phrase), key=lambda t: t.i)
    if not phrase:
        return []
    words = [t.lower_ for t in phrase]
    for s_, e_, entry in alex.match(words):
        if any(c.dep_ == "poss" and c.lower_ in _OWN for c in phrase[s_].children):
            continue  # "its troops", "their vessels": the source's own
        if sector_ok and entry.kind == "sector" and phrase[s_].pos_ == "NOUN" and phrase[s_].dep_ in (
                "dobj", "pobj", "conj"):
            acts = resolve_phrase(phrase[s_], memory, alex)
            if acts:
                return acts
            continue
        if entry.kind == "sector" or not entry.country:
            continue
        tok = phrase[e_ - 1]  # the last word of "the United States"
        head = tok
        while head.dep_ in ("compound", "amod", "nmod", "poss", "case", "det") and head.head != head:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE and head.pos_ == "PROPN":
            continue  # "in Istanbul" is where, not whom
        acts = [a for a in resolve_phrase(head, memory, alex) if a.get("country")]
        if acts:
            return acts
    return []


def _noun_arguments(noun, memory, alex) -> tuple[list, list]:
    source, target = [], []
    for c in noun.children:
        if c.dep_ == "poss":
            source += resolve_phrase(c, memory, alex)
        elif c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i:
            acts = resolve_phrase(c, memory, alex)
            # "Russia-Ukraine talks": both sides
            for g in c.subtree:
                if g != c and g.dep_ in ("compound", "amod", "nmod") and g.pos_ == "PROPN":
                    acts += resolve_phrase(g, memory, alex)
            source += [a for a in acts if a not in source]
        elif c.dep_ == "acl" and lem(c) in ("involve", "include", "bring"):
            for g in c.children:
                if g.dep_ == "dobj":
                    source += resolve_phrase(g, memory, alex)
        elif c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            for g in objs:
                acts = resolve_phrase(g, memory, alex)
                if c.lower_ == "by":
                    source += acts
                elif c.lower_ in ("between", "among"):
                    source += acts
                elif c.lower_ in ("of", "against", "on", "with", "to", "into"):
                    if c.lower_ == "of" and lem(noun) in ("talk", "meeting", "visit") and not source:
                        source += acts
                    else:
                        target += acts
    return source, target


def _is_main(t: Trigger, clause, lex) -> bool:
    """Is the event the sentence's main assertion (not in a relative/adverbial clause or PP)?"""
    if t.kind == "noun" and t.light is None:
        return False
    cur = clause
    for _ in range(8):
        if cur.dep_ == "ROOT":
            return True
        h = cur.head
        if cur.dep_ in ("conj", "xcomp", "acomp"):
            cur = h
            continue
        if cur.dep_ in ("ccomp", "parataxis", "advcl") and lem(h) in lex.cues["reporting_verbs"]:
            cur = h
            continue
        if cur.dep_ == "acl" and lem(h) in lex.cues["plan_nouns"] and h.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") \
                and lem(h.head) in lex.cues["reporting_verbs"] | lex.cues["support_verbs"] | {"unveil", "outline", "present", "be"}:
            cur = h.head  # "announced plans to hold talks": the planned event is the news
            continue
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and lem(h) in lex.cues["statement_nouns"] \
                and h.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
            cur = h.head  # "issued a declaration demanding that ...": the demand is the news
            continue
        if cur.dep_ == "ccomp" and lem(h) in (lex.cues.get("intent_verbs") or {}):
            cur = h
            continue
        if cur.dep_ == "ROOT" or h == cur:
            return True
        return False
    return False


def _reporting_governor(tok, lex):
    """The reporting verb that ``tok``'s clause is the complement of, if any."""
    cur = tok
    for _ in range(6):
        if lem(cur) in lex.cues["reporting_verbs"] and cur.pos_ in ("VERB", "AUX"):
            return cur
        # "X attacked Y, police said": the reporting verb hangs off the event verb
        for c in cur.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl") and lem(c) in lex.cues["reporting_verbs"] and c.i > cur.i:
                if not any(g.dep_ == "ccomp" for g in c.children) and any(g.dep_ == "nsubj" for g in c.children):
                    return c
        if cur.dep_ in ("ccomp", "xcomp", "conj", "advcl", "acomp") and cur.head != cur:
            cur = cur.head
        else:
            break
    return None


def _reporter(clause, memory, alex, lex) -> str | None:
    rep = _reporting_governor(clause, lex) if lem(clause) not in lex.cues["reporting_verbs"] else None
    if rep is None or rep == clause:
        return None
    subj, _ = _subject(rep)
    if subj is None:
        return None
    if subj.lower_ in ("he", "she") and memory.last_person:
        return memory.last_person.get("name") or subj.text
    toks = [t for t in subj.subtree if t.dep_ not in ("relcl", "punct")]
    return subj.doc[toks[0].i: toks[-1].i + 1].text if toks else subj.text


def _chain(t: Trigger) -> list:
    """The trigger and the verbs above it up to (not including) a reporting verb."""
    out = [t.token]
    if t.light is not None:
        out.append(t.light)
    cur = out[-1]
    for _ in range(4):
        if cur.dep_ in ("xcomp", "conj", "acomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr",
                        "amod", "acl") and cur.head != cur:
            cur = cur.head
            out.append(cur)
        else:
            break
    return out


def _status(t: Trigger, clause, lex) -> str:
    cues = lex.cues
    chain = _chain(t)
    neg = cues["negation_words"]
    for tok in chain:
        for c in tok.children:
            if (c.dep_ == "neg" and c.lower_ in neg) or (c.dep_ == "det" and c.lower_ in neg and tok.pos_ == "NOUN"):
                return "negated"
        if lem(tok) in cues["negation_verbs"]:
            return "negated"
    if t.kind == "noun" and t.token.dep_ == "pobj" and t.token.head.lower_ in neg:
        return "negated"  # "ended without any agreement"
    hyp = False
    fut = False
    for tok in chain + [clause]:
        for c in tok.children:
            lw = c.lower_
            if c.dep_ in ("aux", "auxpass") and lw in cues["hypothetical_aux"]:
                hyp = True
            if c.dep_ == "mark" and lw in cues["hypothetical_marks"]:
                hyp = True
            if c.dep_ in ("aux", "auxpass") and lw in cues["future_aux"]:
                fut = True
            if c.dep_ == "amod" and lem(c) in cues["future_adjectives"]:
                fut = True
        if tok.dep_ == "pobj" and lem(tok.head.head) in cues["hypothetical_words"]:
            hyp = True
        if lem(tok) in cues["future_governors"] and tok.pos_ in ("VERB", "ADJ") and tok != t.token:
            fut = True
        if tok.pos_ == "NOUN" and lem(tok) in cues["plan_nouns"] and tok != t.token:
            fut = True
        if tok.lower_ in ("set", "scheduled", "due", "expected", "planned", "slated") and tok.pos_ in ("VERB", "ADJ") \
                and tok != t.token:
            fut = True
        if tok.lower_ == "going" and any(c.dep_ == "xcomp" for c in tok.children):
            fut = True
    if hyp:
        return "hypothetical"
    if fut:
        return "future"
    return "asserted"


def _timex_head(sdoc, sent, tx):
    s = tx["start"] - sent["start"]
    e = tx["end"] - sent["start"]
    toks = [tok for tok in sdoc if tok.idx < e and tok.idx + len(tok.text) > s]
    if not toks:
        return None
    span = set(t.i for t in toks)
    for tok in toks:
        if tok.head.i not in span or tok.head == tok:
            return tok
    return toks[0]


def _date_for(t: Trigger, clause, sdoc, sent, timexes, trigger_tokens, published: dt.date,
              reporting_date: bool = True) -> dict:
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
    best = None
    fallback = None
    for tx in timexes:
        if tx.get("timex_type") not in ("DATE", "TIME", None):
            continue
        head = _timex_head(sdoc, sent, tx)
        if head is None:
            continue
        owner = None
        cur = head
        for _ in range(8):
            if cur.head == cur:
                break
            cur = cur.head
            if cur.i in trigger_tokens or cur.pos_ in ("VERB", "AUX"):
                owner = cur
                break
        if owner is not None and owner.i not in owners and (
                lem(owner) == "accord" or lem(owner) in load_lexicon().cues["reporting_verbs"]):
            fallback = fallback or tx  # "according to a Kremlin announcement on Friday"
            continue
        if owner is not None and owner.i not in owners and owner.i not in trigger_tokens:
            # a participle inside the event's own phrase ("talks ... starting Monday")
            cur2 = owner
            for _ in range(6):
                if cur2.dep_ in ("ccomp", "relcl", "conj", "parataxis") or cur2.head == cur2 or (
                        cur2.dep_ == "advcl" and any(c.dep_ in ("nsubj", "mark") for c in cur2.children)):
                    break
                cur2 = cur2.head
                if cur2.i in owners or cur2.i == t.token.i:
                    owner = cur2
                    break
        if owner is not None and owner.i in owners:
            best = tx
            break
        if owner is not None and owner in clause.ancestors and fallback is None:
            fallback = tx  # the reporting clause's date ("..., the ministry said on Monday")
    # the reporting clause's date dates an asserted event, never a planned or possible one
    tx = best or (fallback if reporting_date else None)
    if tx and isinstance(tx.get("date_start"), dt.date):
        end = tx.get("date_end") if isinstance(tx.get("date_end"), dt.date) else tx["date_start"]
        return {"date_start": tx["date_start"], "date_end": max(end, tx["date_start"]),
                "granularity": tx.get("granularity"), "date_value": tx.get("value"),
                "date_source": "explicit" if not tx.get("anchor") else "relative", "_own": tx is best}
    return _publication_date(published)


def _publication_date(published: dt.date) -> dict:
    return {"date_start": published, "date_end": published, "granularity": "day",
            "date_value": published.isoformat(), "date_source": "publication_date"}


def _past_tense(t: Trigger, clause) -> bool:
    """Is the event told in the past ("declared ..., arresting opponents" counts too)?"""
    verb = t.token if t.kind == "verb" else clause
    for _ in range(4):
        if verb.tag_ == "VBD":
            return True
        if verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had", "was", "were")
                                      for c in verb.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
            return False
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head != verb and verb.tag_ in ("VBG", "VB", "VBN"):
            verb = verb.head
            continue
        break
    return False


def _place_for(t: Trigger, clause, sdoc, actors) -> dict:
    holders = [t.token, clause]
    if t.light is not None:
        holders.append(t.light)
    for c in clause.children:
        if c.dep_ in ("xcomp", "advcl"):
            holders.append(c)

    def from_holder(h, preps):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj":
                        p = place_of(g)
                        if p:
                            return p
        return None

    subj = _subject(clause)[0]
    for h in holders + ([subj] if subj is not None else []):  # "an explosion near Samarra killed"
        p = from_holder(h, ("in", "at", "near", "outside"))
        if p:
            return p
    for h in holders:  # "traveled to Kyiv, where he met ...": the place the clause hangs on
        if h.dep_ == "relcl" and any(c.lower_ == "where" for c in h.children):
            where = next(c for c in h.children if c.lower_ == "where")
            for prev in reversed(list(h.doc[: where.i])):
                p = place_of(prev) if prev.pos_ == "PROPN" else None
                if p:
                    return p
    if t.mode == "visit":
        for h in holders + [t.token]:
            p = from_holder(h, ("to",))
            if p:
                return p
        for c in t.token.children:
            if c.dep_ == "dobj":
                p = place_of(c)
                if p:
                    return p
    # any place named with "in"/"at" elsewhere in the sentence, when the clause has none
    cache = _sentence_cache(sdoc)
    if "place" not in cache:
        found, country_level = None, None
        for tok in sdoc:
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "for", "near") and tok.pos_ == "PROPN":
                p = place_of(tok)
                if p and p.get("latitude") is not None:
                    found = p
                    break
                country_level = country_level or p
        cache["place"] = found or country_level or {}
    return dict(cache["place"])
