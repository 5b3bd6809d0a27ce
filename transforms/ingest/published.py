"""Publication date of an item: parsing metadata dates, the dateline, plausibility, the order of sources.

Order: metadata ``published`` (a sidecar, front matter, a feed entry's date, a page's explicit
metadata); the date htmldate finds in a web page (``Container.page_date``); a dated dateline at
the start of the text (a year-less dateline takes its year from ``meta["year"]`` or the
container, e.g. the feed); the archive date (WARC); ``options.assume_published``. Otherwise
``Reject("no publication date")``.

Besides the UTC instant, :class:`Published` keeps the calendar day the value itself states: a
date alone is that day; a time with a non-zero UTC offset is the day at that offset. A time in
UTC or with no zone states none: :mod:`transforms.ingest.zones` finds the newsroom's day.
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
    """What the file around an item knows about its date: a year (feed date, WARC date), for web
    archives the crawl date, and for a web page without explicit metadata the date htmldate finds."""

    year: object = None
    archive_date: str | None = None
    page_date: str | None = None


@dataclass(frozen=True, slots=True)
class Published:
    """An item's publication time (aware UTC), where it came from, and the day the source states."""

    at: dt.datetime
    source: str  # metadata | htmldate | dateline | archive | assumed
    stated_day: dt.date | None = None  # None: a UTC or zone-less time; the zone decides the day


NO_CONTAINER = Container()


def as_utc(value: dt.datetime) -> dt.datetime:
    """An aware UTC datetime (a naive one is taken as UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _parse_compact(m: re.Match[str]) -> dt.datetime:
    y, mo, d, hh, mi, ss, zone = m.groups()
    base = dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
    if zone == "Z":
        return base.replace(tzinfo=UTC)
    if zone:
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        base = base.replace(tzinfo=dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))))
    return base


def _parse_string(s: str) -> tuple[dt.datetime, bool] | None:
    """(the time as written, with its own offset when it has one; whether it is a date alone)."""
    try:
        if len(s) == 10 and s[4] == "-":
            d = dt.date.fromisoformat(s)
            return dt.datetime(d.year, d.month, d.day), True
        return dt.datetime.fromisoformat(s.replace(" ", "T", 1) if _ISO_SPACED.match(s) else s), False
    except ValueError:
        pass
    m = _ISO_COMPACT.match(s)
    if m:
        return _parse_compact(m), m.group(4) is None
    if _RFC_2822_LIKE.search(s):
        parsed = email.utils.parsedate_to_datetime(s)
        if parsed is not None:
            return parsed, False
    return None


def _as_written(value: object) -> tuple[dt.datetime, bool] | None:
    """A metadata date value as written (see :func:`_parse_string`), ``None`` when unreadable."""
    try:
        if isinstance(value, dt.datetime):
            return value, False
        if isinstance(value, dt.date):
            return dt.datetime(value.year, value.month, value.day), True
        if not isinstance(value, str):
            return None
        s = value.strip()
        if not s or len(s) > MAX_DATE_CHARS:
            return None
        return _parse_string(s)
    except (ValueError, TypeError, OverflowError, IndexError):
        return None


def parse_published(value: object) -> dt.datetime | None:
    """An ISO 8601 date or datetime (or RFC 2822, as in feeds and mail) as an aware UTC datetime.

    A datetime without a zone is UTC; a date is midnight UTC. ``None`` when it cannot be read.
    Never raises.
    """
    written = _as_written(value)
    try:
        return as_utc(written[0]) if written else None
    except (ValueError, OverflowError):
        return None


def stated_day(value: object) -> dt.date | None:
    """The calendar day a date value states by itself: a date alone is that day; a time with a
    non-zero UTC offset is the day at that offset; a UTC or zone-less time states none (``None``)."""
    written = _as_written(value)
    if written is None:
        return None
    when, date_only = written
    if date_only:
        return when.date()
    offset = when.utcoffset()
    return when.date() if offset else None


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


def _from_metadata(raw: object, options: IngestOptions) -> Published:
    when = parse_published(raw)
    if when is None:
        raise Reject("unparseable publication date", f"published {str(raw)[:80]!r} is not an ISO 8601 date")
    check_plausible(when, options, "published")
    return Published(when, "metadata", stated_day(raw))


def _day(day: dt.date, source: str) -> Published:
    return Published(dt.datetime(day.year, day.month, day.day, tzinfo=UTC), source, day)


def resolve_published(meta: Meta, text: str, options: IngestOptions,
                      container: Container = NO_CONTAINER) -> Published:
    """The publication date of an item, or ``Reject`` (see the module docstring)."""
    raw = meta.get("published")
    if raw is not None and not (isinstance(raw, str) and not raw.strip()):
        return _from_metadata(raw, options)
    page_day = parse_published(container.page_date) if container.page_date else None
    if page_day is not None:
        check_plausible(page_day, options, "page date")
        return _day(page_day.date(), "htmldate")
    day = parse_dateline(text, year_hint(meta, container))
    if day is not None:
        check_plausible(_day(day, "dateline").at, options, "dateline date")
        return _day(day, "dateline")
    if container.archive_date is not None:
        when_archived = parse_published(container.archive_date)
        if when_archived is not None:
            check_plausible(when_archived, options, "archive date")
            return Published(when_archived, "archive", stated_day(container.archive_date))
    if options.assume_published is not None:
        return _day(options.assume_published, "assumed")
    raise Reject("no publication date", "no published date in the metadata, no dated dateline at the start "
                 "of the text and no --assume-published")
