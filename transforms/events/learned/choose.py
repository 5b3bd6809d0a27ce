"""The hook where the coder settles a trigger's type: keep the rules' type, take the model's,
or drop the trigger (the model's ``NONE``).

``settings.EVENT_TYPE_MODEL`` decides: ``off`` (the default: the rules alone), ``choose`` (the
model may change the type and veto), ``veto`` (the model may only drop a trigger). The model
overrides the rules only when it is sure: its best label has at least the probability
``choose`` (``veto`` for ``NONE``) and leads the rules' type by ``margin`` — thresholds kept in
the model's JSON file, set when it is trained (``bench/train_event_type.py``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from transforms import settings
from transforms.events.context import Trigger
from transforms.events.learned.features import features
from transforms.events.learned.model import NONE, TypeModel, shipped_model
from transforms.events.lexicon import Lexicon

MODES = ("off", "choose", "veto")
DEFAULT_THRESHOLDS = {"choose": 0.6, "margin": 0.3, "veto": 0.7}


def check_mode(mode: str | None = None) -> str:
    """The setting's mode; a ValueError naming the choices for any other value."""
    mode = settings.EVENT_TYPE_MODEL if mode is None else mode
    if mode not in MODES:
        raise ValueError(f"DATELINE_EVENT_TYPE_MODEL must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def decide(t: Trigger, probs: dict[str, float], thresholds: dict[str, float], mode: str) -> str | None:
    """The type to code (``None``: no event) given the model's probabilities."""
    best = max(probs, key=probs.__getitem__)
    if best == t.plover or mode == "off":
        return t.plover
    lead = probs[best] - probs.get(t.plover, 0.0)
    if best == NONE:
        return None if probs[best] >= thresholds["veto"] and lead >= thresholds["margin"] else t.plover
    if mode == "choose" and probs[best] >= thresholds["choose"] and lead >= thresholds["margin"]:
        return best
    return t.plover


def retype(t: Trigger, source: Token | None, targets: list[Token], lex: Lexicon,
           model: TypeModel | None = None, mode: str | None = None) -> Trigger | None:
    """``t`` with the type the setting and the model give it, or ``None`` when it is vetoed."""
    mode = mode or settings.EVENT_TYPE_MODEL
    if mode == "off":
        return t
    model = model or shipped_model()
    if model is None:
        return t
    probs = model.probabilities(features(t, source, targets, lex))
    chosen = decide(t, probs, {**DEFAULT_THRESHOLDS, **model.meta.get("thresholds", {})}, mode)
    if chosen is None:
        return None
    return t if chosen == t.plover else replace(t, plover=chosen, mode="")
