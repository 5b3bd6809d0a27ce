import pytest

from transforms.core.refdata import read_tsv
from transforms.measures import QUAD_CLASSES, event_measures, intensity, quad_class
from transforms.warehouse.contract import table

EVENT_TYPES = table("events").column("event_type").accepted


def test_every_plover_type_has_a_score_and_a_quad_class():
    for t in EVENT_TYPES:
        assert -10 <= intensity(t) <= 10
        assert quad_class(t) in QUAD_CLASSES
    assert set(QUAD_CLASSES) == set(table("events").column("quad_class").accepted)


def test_mode_scores_come_from_the_manual_table():
    assert intensity("CONSULT") == 2.5
    assert intensity("CONSULT", "visit") == 4
    assert intensity("CONSULT", "phone") == 1.5
    assert intensity("ASSAULT", "aerial") == -9.5
    assert intensity("RETREAT", "disarm") == 10


def test_a_mode_without_a_score_falls_back_to_its_type():
    assert intensity("ASSAULT", "massacre") == intensity("ASSAULT") == -9
    assert intensity("COERCE", None) == intensity("COERCE", "") == -7


def test_dateline_aliases_and_the_corrected_accuse_score():
    assert intensity("PROTEST", "strike-hun") == intensity("PROTEST", "hunger")
    assert intensity("ASSAULT", "assassinate") == intensity("ASSAULT", "targeted")
    assert intensity("ACCUSE") < 0  # the manual prints +3 for a verbal-conflict type


def test_quad_classes_follow_the_manual_sections():
    assert quad_class("CONSULT") == "verbal_cooperation"
    assert quad_class("AID") == "material_cooperation"
    assert quad_class("THREATEN") == "verbal_conflict"
    assert quad_class("SANCTION") == "material_conflict"
    assert quad_class("ASSAULT") == "material_conflict"


def test_cooperation_scores_above_conflict_scores():
    coop = [intensity(t) for t in EVENT_TYPES if quad_class(t).endswith("cooperation")]
    material_conflict = [intensity(t) for t in EVENT_TYPES if quad_class(t) == "material_conflict"]
    assert min(coop) > max(material_conflict)


def test_score_file_rows_are_known_types_and_in_range():
    for r in read_tsv("measures", "plover_scores.tsv"):
        assert r["plover"] in EVENT_TYPES
        assert -10 <= float(r["intensity"]) <= 10
        assert r["source"]


def test_event_measures_columns_and_unknown_type():
    assert event_measures({"event_type": "COOPERATE", "mode": None}) == {
        "intensity": 9.5, "quad_class": "material_cooperation"}
    with pytest.raises(ValueError, match="no PLOVER score"):
        intensity("PICNIC")
