"""The typed temporal lexicon: ``seeds/reference/temporal/en/*.yaml`` read once into dataclasses.

* ``lexicon.yaml`` -> :class:`Lexicon` (month, weekday, number, ordinal, unit, season, holiday
  words and what they mean; modifier words);
* ``relations.yaml`` -> :class:`Relations` (which way "last", "next", "earlier", "ago" ... point);
* ``filters.yaml`` -> :class:`Filters` (false friends: "May" the modal, "$35 a night" ...).

Every field of :class:`Relations` and :class:`Filters` is a key of its file: a key missing from
the file, or a key the code does not know, fails at load time (not silently at tag time).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, TypeVar

from transforms.core.refdata import read_yaml

LANG = "en"

T = TypeVar("T")


def _freeze(value: Any) -> Any:
    """YAML value -> immutable value: word lists become frozensets, other lists tuples."""
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return frozenset(value)
        return tuple(value)
    if isinstance(value, dict):
        return {k: _freeze(v) for k, v in value.items()}
    return value


def _dataclass_from(cls: type[T], data: Mapping[str, Any], source: str) -> T:
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    missing, unknown = names - set(data), set(data) - names
    if missing or unknown:
        raise ValueError(f"{source}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
    return cls(**{k: _freeze(v) for k, v in data.items()})


@dataclass(frozen=True, eq=False)
class Relations:
    """Relation words of ``relations.yaml`` (see the comments there for each set)."""

    past_relations: frozenset[str]
    future_relations: frozenset[str]
    present_relations: frozenset[str]
    distal_relation: str
    anaphoric_relations: frozenset[str]
    relative_signs: Mapping[str, int]
    year_after_offsets: Mapping[str, int]
    weekday_past_relations: frozenset[str]
    weekday_future_relations: frozenset[str]
    weekday_present_relation: str
    holiday_past_relation: str
    holiday_future_relation: str
    quarter_year_offsets: Mapping[str, int]
    year_ago_relations: frozenset[str]
    current_quarter_relations: frozenset[str]
    next_quarter_relations: frozenset[str]
    same_relation: str
    quarter_whats: frozenset[str]
    first_half_words: frozenset[str]
    second_half_words: frozenset[str]
    year_ago_quarter_pattern: str
    day_offsets: Mapping[str, int]
    night_words: frozenset[str]
    night_part: str
    part_relation_offsets: Mapping[str, int]
    day_relation_offsets: Mapping[str, int]
    edge_mods: Mapping[str, str]
    relative_day_parts: frozenset[str]
    anaphoric_day_parts: frozenset[str]
    anaphoric_offsets: Mapping[str, int]
    forward_directions: frozenset[str]
    text_relative_directions: frozenset[str]
    timeml_duration_directions: frozenset[str]
    named_times: Mapping[str, tuple[int, int]]
    pm_words: frozenset[str]
    am_words: frozenset[str]
    pm_parts: frozenset[str]
    clock_day_links_after_clock: frozenset[str]
    clock_day_links_before_clock: frozenset[str]
    vague_duration_units: frozenset[str]
    recent_relation: str
    half_markers: frozenset[str]
    the_determiner: str
    whole_year_words: frozenset[str]
    whole_year_before: frozenset[str]
    year_ending_after: frozenset[str]
    every_other: str


@dataclass(frozen=True, eq=False)
class Filters:
    """False-friend cues of ``filters.yaml`` (see the comments there for each set)."""

    modal_month: str
    modal_month_next_words: frozenset[str]
    verb_month: str
    verb_month_next_words: frozenset[str]
    indefinite_articles: frozenset[str]
    frequency_words: frozenset[str]
    rate_before_pattern: str
    age_words: frozenset[str]
    age_unit: str
    fraction_unit: str
    fraction_next_word: str
    ordinal_unit: str
    ordinal_unit_numbers: frozenset[str]
    ambiguous_seasons: frozenset[str]
    season_words_before: frozenset[str]
    season_prefixes_before: frozenset[str]
    season_determiner: str
    season_next_word: str
    year_words_before: frozenset[str]
    year_punctuation_before: frozenset[str]
    present_word: str
    present_word_next: frozenset[str]
    future_word: str
    future_word_next: frozenset[str]
    soon_word: str
    soon_words_before: frozenset[str]
    soon_words_after: frozenset[str]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Words of ``lexicon.yaml`` and their meanings, plus the relation and filter words."""

    month_names: Mapping[str, int]  # full names
    month_abbreviations: Mapping[str, int]
    months: Mapping[str, int]  # both
    weekday_names: Mapping[str, int]  # ISO weekday numbers
    weekday_abbreviations: Mapping[str, int]
    weekdays: Mapping[str, int]  # both
    numbers: Mapping[str, int | float]
    tens: tuple[str, ...]
    units_digit: tuple[str, ...]
    vague: frozenset[str]  # "several", "a few": X in values
    relative_words: tuple[str, ...]  # %REL%
    ordinals: Mapping[str, int]
    century_ordinals: Mapping[str, int]
    day_ordinals: Mapping[str, int]  # "eighth", "twenty-first": days of the month in words
    decade_words: Mapping[str, int]
    decade_centuries: Mapping[str, int]
    default_century: int
    year_word_centuries: Mapping[str, int]
    year_word_fillers: tuple[str, ...]
    units: Mapping[str, tuple[str, str]]  # singular unit word -> (letter, granularity)
    unit_plurals: Mapping[str, str]  # plural -> singular
    seasons: Mapping[str, str]  # word -> TIMEX3 season code
    parts: Mapping[str, str]  # part-of-day word -> TIMEX3 code
    sets: Mapping[str, tuple[str, str]]  # "daily" -> (value, ...)
    holidays: Mapping[str, str]  # fixed-date holiday -> "MM-DD"
    movable: Mapping[str, str]  # movable holiday -> rule name (transforms.temporal.normalise.holidays)
    prefix_mods: Mapping[str, str | None]  # "early" -> START ...
    approx_mods: Mapping[str, str | None]  # "about" -> APPROX ...
    approx_suffixes: tuple[str, ...]  # "or so"
    hyphen_adjective_determiners: tuple[str, ...]  # "the" in "the two-week truce"
    hyphen_adjective_fillers: tuple[str, ...]
    hyphen_adjective_heads: tuple[str, ...]
    relations: Relations
    filters: Filters


def _pairs(d: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    return {k: (str(v[0]), str(v[1])) for k, v in d.items()}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The English temporal lexicon (read once per process)."""
    lx = read_yaml("temporal", LANG, "lexicon.yaml")
    months = {**lx["months"], **lx["month_abbreviations"]}
    weekdays = {**lx["weekdays"], **lx["weekday_abbreviations"]}
    return Lexicon(
        month_names=dict(lx["months"]), month_abbreviations=dict(lx["month_abbreviations"]), months=months,
        weekday_names=dict(lx["weekdays"]), weekday_abbreviations=dict(lx["weekday_abbreviations"]),
        weekdays=weekdays, numbers=dict(lx["numbers"]), tens=tuple(lx["tens"]),
        units_digit=tuple(lx["units_digit"]), vague=frozenset(lx["vague_numbers"]),
        relative_words=tuple(lx["relative_words"]), ordinals=dict(lx["ordinals"]),
        century_ordinals=dict(lx["century_ordinals"]), day_ordinals=dict(lx["day_ordinals"]), decade_words=dict(lx["decade_words"]),
        decade_centuries=dict(lx["decade_centuries"]), default_century=int(lx["default_century"]),
        year_word_centuries=dict(lx["year_word_centuries"]), year_word_fillers=tuple(lx["year_word_fillers"]),
        units=_pairs(lx["units"]), unit_plurals=dict(lx["unit_plurals"]), seasons=dict(lx["seasons"]),
        parts=dict(lx["parts_of_day"]), sets=_pairs(lx["adjectival_sets"]), holidays=dict(lx["holidays"]),
        movable=dict(lx.get("movable_holidays", {})),
        prefix_mods={k.lower(): v for k, v in lx["prefix_mods"].items()},
        approx_mods={k.lower(): v for k, v in lx["approx_mods"].items()},
        approx_suffixes=tuple(lx["approx_suffixes"]),
        hyphen_adjective_determiners=tuple(lx["hyphen_adjective_determiners"]),
        hyphen_adjective_fillers=tuple(lx["hyphen_adjective_fillers"]),
        hyphen_adjective_heads=tuple(lx["hyphen_adjective_heads"]),
        relations=_dataclass_from(Relations, read_yaml("temporal", LANG, "relations.yaml"), "relations.yaml"),
        filters=_dataclass_from(Filters, read_yaml("temporal", LANG, "filters.yaml"), "filters.yaml"),
    )
