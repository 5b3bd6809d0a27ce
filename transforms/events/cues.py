"""Cue sets and grammar words of the event rules, as typed read-only sets.

* :class:`Cues` — ``seeds/reference/events/en/cues.yaml``: reporting verbs, status cues
  (negation, hypothetical, future, tense), intent / light / support / happening verbs, plan and
  statement nouns, objects that rule out an event sense, sport words;
* :class:`Grammar` — ``seeds/reference/events/en/grammar.yaml``: the closed-class words the
  structural rules look for (prepositions of target and place, possessives, pronouns ...);
* :class:`PloverClasses` — ``seeds/reference/events/plover.yaml``: the PLOVER types and the
  classes of types the rules use (reciprocal, needs a recipient, needs an author ...).

Each field is one set in the file (same name); a missing set is empty.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, TypeVar

from transforms.core.refdata import read_yaml

Words = frozenset[str]
T = TypeVar("T")


def _word_sets(cls: type[T], data: dict[str, Any], **special: Any) -> T:
    """``cls`` with each field a frozenset of the YAML list of that name (``special`` as given).

    A set in the file that no field reads is an error: a misspelt key must not go unnoticed."""
    unknown = set(data) - {f.name for f in fields(cls)}  # type: ignore[arg-type]
    if unknown:
        raise ValueError(f"{cls.__name__}: sets no rule reads: {', '.join(sorted(unknown))}")
    values = {f.name: frozenset(data.get(f.name) or ()) for f in fields(cls)  # type: ignore[arg-type]
              if f.name not in special}
    return cls(**values, **special)


@dataclass(frozen=True)
class Cues:
    """Cue words (lemmas unless noted in ``cues.yaml``)."""

    reporting_verbs: Words
    negation_words: Words
    negation_verbs: Words
    hypothetical_aux: Words
    hypothetical_marks: Words
    hypothetical_words: Words
    future_aux: Words
    future_governors: Words
    future_adjectives: Words
    future_participles: Words
    future_progressive: Words
    past_tense_aux: Words
    future_tense_aux: Words
    attribution_verbs: Words
    intent_verbs: dict[str, str]  # lemma -> the PLOVER type it gives its complement
    transparent_verbs: Words
    light_verbs: Words
    support_verbs: Words
    happening_verbs: Words
    unattributed_subjects: Words
    plan_nouns: Words
    non_event_objects: dict[str, Words]  # verb lemma -> object lemmas ("*": any object)
    statement_nouns: Words
    sport_verbs: Words
    sport_words: Words
    threat_conditions: Words
    finalize_verbs: Words
    agreement_nouns: Words
    reduction_verbs: Words
    reduction_nouns: Words
    sending_verbs: Words
    aid_personnel: Words
    returning_verbs: Words
    order_verbs: Words
    armed_verbs: Words
    armed_nouns: Words
    obstruction_verbs: Words
    verbal_attack_verbs: Words
    sport_only_words: Words
    warning_verbs: Words
    mental_verbs: Words
    no_comment_verbs: Words


@dataclass(frozen=True)
class Grammar:
    """Closed-class words of the structural rules (lower-case surface words unless noted)."""

    actor_cue_pronouns: Words
    actor_cue_stopwords: Words
    own_possessives: Words
    locative_preps: Words
    target_preps: Words
    object_target_preps: Words
    noun_actor_preps: Words
    noun_target_preps: Words
    joint_preps: Words
    of_source_nouns: Words  # lemmas
    participant_verbs: Words  # lemmas
    object_control_verbs: Words  # lemmas
    plan_announcing_verbs: Words  # lemmas
    request_modals: Words
    anaphoric_determiners: Words
    person_subject_pronouns: Words
    group_subject_pronouns: Words
    relative_pronouns: Words
    condition_marks: Words
    event_place_preps: Words
    destination_preps: Words
    sentence_place_preps: Words
    place_relatives: Words


@dataclass(frozen=True)
class PloverClasses:
    """PLOVER types and the classes of types the rules and the evaluation use."""

    types: Words
    reciprocal: Words
    needs_recipient: Words
    need_author: Words
    complement_subject_target: Words
    destination_modes: Words
    cooperative: Words
    hostile: Words
    renamed: dict[str, str]  # older PLOVER name -> today's type
    civil_types: Words
    intransitive_types: Words
    joint_types: Words
    actor_recipient_types: Words


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = read_yaml("events", "en", "cues.yaml")
    return _word_sets(
        Cues, data,
        intent_verbs=dict(data.get("intent_verbs") or {}),
        non_event_objects={k: frozenset(v) for k, v in (data.get("non_event_objects") or {}).items()})


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    return _word_sets(Grammar, read_yaml("events", "en", "grammar.yaml"))


@lru_cache(maxsize=1)
def plover_classes() -> PloverClasses:
    data = read_yaml("events", "plover.yaml")
    return _word_sets(PloverClasses, data, renamed=dict(data.get("renamed") or {}))
