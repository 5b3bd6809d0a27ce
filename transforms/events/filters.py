"""Filters: readings of a trigger that are not a political event, or belong to another trigger.

* a contest verb among sport words or with a score is a game result ("Urawa beat Gamba Osaka 3-2");
* a sentence with a word only sport uses reports a game; a command ("call the hotline"), an
  interviewer's "Asked ..." and a direct question report nothing;
* a warning about what someone else will do is a forecast ("warned that the heat could ...");
* some objects rule out the event sense ("met the criteria", ``non_event_objects``);
* a noun trigger below a verb trigger of the same type names that verb's event
  ("engage in a new round of talks");
* an event noun needs an actor attached to count on its own;
* a violent act whose subject is a common noun that is no actor and no violent act
  ("a mechanical failure struck the tram") has no author.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from transforms.events.actors.lexicon import ActorLexicon, lexicon_words
from transforms.events.context import SentenceContext, Trigger
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon

#: Dependencies through which a noun trigger can hang below a verb trigger as its object.
_OBJECT_PATH = {"dobj", "pobj", "prep", "nmod", "compound", "attr", "npadvmod", "appos"}


#: A game score ("2-1", "110-102") next to a contest verb: "Japan beat Australia 2-1". (A vote
#: count has a vote verb, "the Senate voted 52-48", and a contest verb's object then is a bill,
#: no actor: the gate drops it.)
_SCORE = re.compile(r"(?<![\d.,-])\d{1,3}-\d{1,3}(?![\d.,-])")


def sport_result(verb: Token, ctx: SentenceContext, lex: Lexicon) -> bool:
    """A contest verb (``sport_verbs``) in a sentence with sport words (``sport_words``) or a
    game score."""
    if lem(verb) not in lex.cues.sport_verbs:
        return False
    cache = ctx.cache
    if cache.sport is None:
        words = ctx.words()
        sport_words = lex.cues.sport_words
        cache.sport = bool(set(words.words) & sport_words) or any(
            " " in w and w in words.lower for w in sport_words) or bool(_SCORE.search(ctx.sdoc.text))
    return cache.sport


def sport_sentence(ctx: SentenceContext, lex: Lexicon) -> bool:
    """A sentence with a word only sport uses (``sport_only_words``): a game, not politics."""
    only = lex.cues.sport_only_words
    words = ctx.words()
    return any(w in only or w.rsplit("-", 1)[-1] in only for w in words.words) or any(
        " " in w and f" {w} " in words.joined for w in only)


def imperative(verb: Token) -> bool:
    """"Call the hotline at ...": a command, not a report of an event (a bare root verb with no
    subject and no auxiliary); "Asked about the talks, X said ...": the interviewer's question."""
    if verb.dep_ == "ROOT" and verb.tag_ == "VB" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "ROOT") and verb.i == verb.sent.start \
        and verb.lower_ == "asked"


def no_comment(verb: Token, lex: Lexicon) -> bool:
    """"declined to comment", "refused to say": not answering is no rejection of anyone."""
    return lem(verb) in lex.cues.intent_verbs and lex.cues.intent_verbs[lem(verb)] == "REJECT" and any(
        c.dep_ == "xcomp" and lem(c) in lex.cues.no_comment_verbs for c in verb.children)


def question(ctx: SentenceContext) -> bool:
    """A direct question ("How are you appealing to voters?") asserts no event."""
    return ctx.sdoc.text.rstrip().rstrip('"\u201d\'').endswith("?")


def forecast(verb: Token, lex: Lexicon) -> bool:
    """"Doctors warned that the heat could be dangerous": a warning about what someone else or
    something will do is a forecast, not a threat; "Russia warned that it would retaliate" is
    one (the warner, a pronoun for it or its own people do the act), and so is a warning to
    someone ("warned the envoy that ...")."""
    if lem(verb) not in lex.cues.warning_verbs:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False  # "warned the German government that ...": a warning to someone
    for c in verb.children:
        if c.dep_ != "ccomp":
            continue
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is None or subj.lower_ in lex.grammar.group_subject_pronouns | lex.grammar.person_subject_pronouns:
            return False
        if any(g.dep_ == "poss" and g.lower_ in lex.grammar.own_possessives for g in subj.children):
            return False  # "warned that its army would ...": the warner's own
        own = next((g for g in verb.children if g.dep_ == "nsubj"), None)
        return own is None or subj.lower_ != own.lower_
    return False


def non_event_object(verb: Token, lex: Lexicon) -> bool:
    """"met the criteria", "demonstrated his prowess": the object rules out the event sense
    (``non_event_objects`` in cues.yaml)."""
    blocked = lex.cues.non_event_objects.get(lem(verb))
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


def object_of_same_event(t: Trigger, verb_types: dict[int, str]) -> bool:
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


def noun_has_actor(noun: Token, lex: Lexicon, alex: ActorLexicon) -> bool:
    """Does an actor (not a bare sector) attach to the event noun ("Russia's invasion",
    "talks with Ukraine", "talks involving ...")?"""
    g = lex.grammar
    for c in noun.children:
        if c.dep_ == "acl" and lem(c) in g.participant_verbs:
            return True
        if c.dep_ in ("poss", "amod", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ in g.noun_actor_preps):
            words = lexicon_words(c.subtree)
            if any(e.country for _, _, e in alex.match(words) if e.kind != "sector"):
                return True
    return False


def unauthored_violence(t: Trigger, src_tok: Token | None, lex: Lexicon) -> bool:
    """"a mechanical failure struck the tram", "the storm killed 20": a violent verb whose
    subject is a common noun that is neither an actor nor a violent act."""
    return t.kind == "verb" and t.plover in lex.plover.need_author and src_tok is not None \
        and src_tok.pos_ == "NOUN" and src_tok.dep_ in ("nsubj", "agent", "pobj") \
        and lem(src_tok) not in lex.cues.unattributed_subjects
