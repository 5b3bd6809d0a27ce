"""The typed temporal lexicon (transforms.temporal.lexicon): loading and validation of the YAML files."""

from __future__ import annotations

from dataclasses import fields

import pytest

from transforms.core.refdata import read_yaml
from transforms.temporal.lexicon import Filters, Relations, _dataclass_from, load_lexicon


def test_lexicon_loads_the_yaml_words():
    lx = load_lexicon()
    assert lx.months["march"] == 3 and lx.months["sept"] == 9 and "sept" not in lx.month_names
    assert lx.weekdays["thurs"] == 4 and lx.weekday_names["sunday"] == 7
    assert lx.numbers["a dozen"] == 12 and lx.numbers["half an"] == 0.5
    assert lx.unit_plurals["fortnights"] == "fortnight" and "fortnight" in lx.units
    assert lx.seasons["fall"] == lx.seasons["autumn"] == "FA"
    assert lx.decade_words["eighties"] == 8 and lx.century_ordinals["twenty-first"] == 21
    assert lx.relative_words[0] == "last" and "upcoming" in lx.relative_words
    assert lx.prefix_mods["the end of"] == "END" and lx.approx_mods["at least"] == "EQUAL_OR_MORE"
    assert lx.movable["easter sunday"] == "easter"


def test_relations_and_filters_are_typed_sets():
    lx = load_lexicon()
    r, f = lx.relations, lx.filters
    assert r.relative_signs["this past"] == -1 and r.relative_signs["that"] == 0
    assert isinstance(r.past_relations, frozenset) and "previous" in r.past_relations
    assert r.named_times["midnight"] == (24, 0)
    assert "on" in f.verb_month_next_words  # a quoted YAML word, not the boolean True
    assert all(isinstance(w, str) for fld in fields(Filters) for w in _as_words(getattr(f, fld.name)))


def _as_words(value):
    if isinstance(value, str):
        return [value]
    return list(value)


def test_every_relation_key_is_a_field_and_back():
    data = read_yaml("temporal", "en", "relations.yaml")
    assert set(data) == {f.name for f in fields(Relations)}


def test_missing_or_unknown_keys_fail_at_load():
    data = dict(read_yaml("temporal", "en", "filters.yaml"))
    del data["soon_word"]
    with pytest.raises(ValueError, match="soon_word"):
        _dataclass_from(Filters, data, "filters.yaml")
    data = {**read_yaml("temporal", "en", "filters.yaml"), "typo_words": ["x"]}
    with pytest.raises(ValueError, match="typo_words"):
        _dataclass_from(Filters, data, "filters.yaml")
