"""Cue sets, grammar words and PLOVER classes: read from data, typed, no silent typos."""

from __future__ import annotations

import pathlib

import pytest
import yaml

from transforms.core.refdata import read_yaml
from transforms.events.cues import Cues, _word_sets, cues, grammar, plover_classes
from transforms.settings import REFERENCE_DIR, REPO_ROOT

_WORD_FILES = sorted(str(p.relative_to(REFERENCE_DIR)) for d in ("events", "actors", "places")
                     for p in (REFERENCE_DIR / d).rglob("*.yaml"))


@pytest.mark.parametrize("name", _WORD_FILES)
def test_every_word_in_the_yaml_files_is_a_string(name):
    # YAML reads bare on / no / yes as booleans: a cue written so must be quoted
    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                assert isinstance(k, str), (name, k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                assert isinstance(v, str), (name, v)

    walk(read_yaml(*pathlib.Path(name).parts))


def test_a_set_no_rule_reads_is_an_error():
    data = dict(read_yaml("events", "en", "cues.yaml"), reportng_verbs=["say"])
    with pytest.raises(ValueError, match="reportng_verbs"):
        _word_sets(Cues, data, intent_verbs={}, non_event_objects={})


def test_sets_as_read():
    assert "say" in cues().reporting_verbs and isinstance(cues().reporting_verbs, frozenset)
    assert cues().intent_verbs["threaten"] == "THREATEN"
    assert "*" in cues().non_event_objects["demonstrate"]
    assert "on" in grammar().target_preps and "its" in grammar().own_possessives
    assert plover_classes().renamed["DEMAND"] == "REQUEST"


def test_plover_types_match_the_table_contract():
    schema = yaml.safe_load((REPO_ROOT / "warehouse" / "schema.yml").read_text(encoding="utf-8"))
    events = schema["tables"]["events"]
    accepted = next(c["accepted"] for c in events["columns"] if c["name"] == "event_type")
    assert plover_classes().types == frozenset(accepted)
    classes = plover_classes()
    for name in ("reciprocal", "needs_recipient", "need_author", "complement_subject_target", "cooperative",
                 "hostile"):
        assert getattr(classes, name) <= classes.types, name
    assert set(classes.renamed.values()) <= classes.types
