"""Publication date of an item: parsing metadata dates, the dateline, plausibility, the order of sources.

Order: metadata ``published``; a dated dateline at the start of the text (a year-less dateline
takes its year from ``meta["year"]`` or the container, e.g. the feed); the archive date (WARC);
``options.assume_published``. Otherwise ``Reject("no publication date")``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

from transforms.ingest.metadata import Meta
from transforms.ingest.options import DATELINE_HEAD_CHARS, MIN_YEAR, UTC, IngestOptions
from transforms.ingest.reject import Reject
from transforms.text.dateline import read_dateline

MAX_DATE_CHARS = 64  # a longer value is not a date
MAX_YEAR = 9999
_ISO_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$")
_ISO_SPACED = re.compile(r"\d{4}-\d\d-\d\d \d")
_RFC_2822_LIKE = re.compile(r"[A-Za-z]{3},? ?\d|\d{1,2} [A-Za-z]{3} \d{4}")


@dataclass(frozen=True)
class Container:
    """What the file around an item knows about its date: a year (feed date, WARC date) and,
    for web archives, the crawl date."""

    year: object = None
    archive_date: str | None = None


NO_CONTAINER = Container()


def as_utc(value: dt.datetime) -> dt.datetime:
    """An aware UTC datetime (a naive one is taken as UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _parse_compact(m: re.Match[str]) -> dt.datetime:
    y, mo, d, hh, mi, ss, zone = m.groups()
    base = dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        base = base.replace(tzinfo=dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))))
    return as_utc(base)


def _parse_string(s: str) -> dt.datetime | None:
    try:
        if len(s) == 10 and s[4] == "-":
            d = dt.date.fromisoformat(s)
            return dt.datetime(d.year, d.month, d.day, tzinfo=UTC)
        return as_utc(dt.datetime.fromisoformat(s.replace(" ", "T", 1) if _ISO_SPACED.match(s) else s))
    except ValueError:
        pass
    m = _ISO_COMPACT.match(s)
    if m:
        return _parse_compact(m)
    if _RFC_2822_LIKE.search(s):
        parsed = email.utils.parsedate_to_datetime(s)
        if parsed is not None:
            return as_utc(parsed)
    return None


def parse_published(value: object) -> dt.datetime | None:
    """An ISO 8601 date or datetime (or RFC 2822, as in feeds and mail) as an aware UTC datetime.

    A datetime without a zone is UTC; a date is midnight UTC. ``None`` when it cannot be read.
    Never raises.
    """
    try:
        if isinstance(value, dt.datetime):
            return as_utc(value)
        if isinstance(value, dt.date):
            return dt.datetime(value.year, value.month, value.day, tzinfo=UTC)
        if not isinstance(value, str):
            return None
        s = value.strip()
        if not s or len(s) > MAX_DATE_CHARS:
            return None
        return _parse_string(s)
    except (ValueError, TypeError, OverflowError, IndexError):
        return None


def parse_dateline(text: object, year: int | None = None) -> dt.date | None:
    """The date in a news dateline at the start of ``text``, else ``None``. Never raises.

    ``"KYIV, May 30, 2025 (AP) —"`` gives 2025-05-30. ``"MOSCOW, May 30 (Reuters) -"`` has no
    year: it is a date only when ``year`` (from other metadata) is given.
    """
    return read_dateline(text, DATELINE_HEAD_CHARS).date(year)


def check_plausible(when: dt.datetime, options: IngestOptions, what: str) -> None:
    """``Reject("impossible publication date")`` before 1900 or too far after now."""
    now = as_utc(options.now or dt.datetime.now(UTC))
    if when.year < MIN_YEAR:
        raise Reject("impossible publication date", f"{what} {when.date().isoformat()} is before {MIN_YEAR}")
    limit = now + dt.timedelta(days=options.future_tolerance_days)
    if when > limit:
        raise Reject("impossible publication date",
                     f"{what} {when.isoformat()} is more than {options.future_tolerance_days} days "
                     f"after now ({now.date().isoformat()})")


def year_hint(meta: Meta, container: Container) -> int | None:
    """The year a year-less dateline takes: the item's ``year``, else the container's."""
    for value in (meta.get("year"), container.year):
        try:
            if value is not None and not isinstance(value, bool):
                y = int(str(value).strip()[:4])
                if MIN_YEAR <= y <= MAX_YEAR:
                    return y
        except ValueError:
            continue
    return None


def _from_metadata(raw: object, options: IngestOptions) -> dt.datetime:
    when = parse_published(raw)
    if when is None:
        raise Reject("unparseable publication date", f"published {str(raw)[:80]!r} is not an ISO 8601 date")
    check_plausible(when, options, "published")
    return when


def resolve_published(meta: Meta, text: str, options: IngestOptions,
                      container: Container = NO_CONTAINER) -> tuple[dt.datetime, str]:
    """(published_at, published_source) for an item, or ``Reject`` (see the module docstring)."""
    raw = meta.get("published")
    if raw is not None and not (isinstance(raw, str) and not raw.strip()):
        return _from_metadata(raw, options), "metadata"
    day = parse_dateline(text, year_hint(meta, container))
    if day is not None:
        when = dt.datetime(day.year, day.month, day.day, tzinfo=UTC)
        check_plausible(when, options, "dateline date")
        return when, "dateline"
    if container.archive_date is not None:
        when_archived = parse_published(container.archive_date)
        if when_archived is not None:
            check_plausible(when_archived, options, "archive date")
            return when_archived, "archive"
    if options.assume_published is not None:
        d = options.assume_published
        return dt.datetime(d.year, d.month, d.day, tzinfo=UTC), "assumed"
    raise Reject("no publication date", "no published date in the metadata, no dated dateline at the start "
                 "of the text and no --assume-published")
