"""Training examples for the type model: labelled sentences -> (features of a trigger, label).

A labelled sentence names its trigger word and its PLOVER type (or ``NONE``: the word fires
but codes no event). The sentence is parsed and its triggers found exactly as in a run
(:func:`transforms.events.triggers.find_triggers`); the trigger whose word is the named one
gives the features. The gold records code a planned, conditional or refused act as the
intention (AGREE / THREATEN / REJECT, :func:`transforms.evaluation.plover.intent_type`): when
the rules' type already gives that label once the status is applied, the rules' type is the
label, so the model learns acts, not statuses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from transforms import settings
from transforms.core.records import Sentence
from transforms.events.actors.lexicon import lexicon
from transforms.events.arguments import arguments
from transforms.events.context import SentenceContext, Trigger
from transforms.events.learned.features import features
from transforms.events.learned.model import NONE, Example
from transforms.events.lexicon import Lexicon, load_lexicon
from transforms.events.nlp import load_pipeline
from transforms.events.patterns import PatternMatcher
from transforms.events.status import status_of
from transforms.events.syntax import clause_head
from transforms.events.triggers import find_triggers


@dataclass(frozen=True)
class Labelled:
    text: str
    trigger: str  # the trigger word as written (or its first word)
    label: str  # a PLOVER type or NONE
    weight: float = 1.0


def _act_label(t: Trigger, label: str, lex: Lexicon) -> str:
    from transforms.evaluation.plover import intent_type

    if label in (NONE, t.plover):
        return label
    status = status_of(t, clause_head(t), lex)
    return t.plover if intent_type(t.plover, status) == label and status != "asserted" else label


def _matching(triggers: list[Trigger], word: str) -> Trigger | None:
    words = word.lower().split()
    for t in triggers:
        if t.token.lower_ in words:
            return t
    return None


def examples(items: Iterable[Labelled], model: str = settings.SPACY_MODEL,
             agreeing_only: bool = False) -> tuple[list[Example], int]:
    """(the examples, how many items had no trigger of their word); ``agreeing_only`` keeps only
    the items whose label is the rules' type (for generated sentences: another, longer pattern
    matched what was written)."""
    items = list(items)
    lex, alex = load_lexicon(), lexicon()
    matcher = PatternMatcher(lex)
    out: list[Example] = []
    missed = 0
    nlp = load_pipeline(model)
    for item, sdoc in zip(items, nlp.pipe([i.text for i in items], batch_size=64), strict=True):
        ctx = SentenceContext(Sentence(0, 0, len(item.text), item.text), sdoc, [])
        t = _matching(find_triggers(ctx, lex, matcher, alex), item.trigger)
        if t is None:
            missed += 1
            continue
        src, tgts = arguments(t, lex)
        label = _act_label(t, item.label, lex)
        if agreeing_only and label != t.plover:
            missed += 1
            continue
        out.append(Example(tuple(features(t, src, tgts, lex)), label, item.weight))
    return out, missed
