"""The publication day htmldate finds in a web page whose own metadata gives none.

htmldate (a dependency of trafilatura, pinned) looks through a page's markup, its URL and its
visible text for the *original* publication date (``original_date=True``: not the last-modified
one). The day is bounded by :data:`~transforms.ingest.options.MIN_YEAR` and the run's "now", so
the result is the same whenever a test runs. Only the day is used: htmldate's times carry no
zone we could trust.
"""

from __future__ import annotations

import datetime as dt
import logging

from transforms.ingest.options import MIN_YEAR, UTC, IngestOptions

HTMLDATE_DAY = "%Y-%m-%d"


def htmldate_day(page: str, url: str | None, options: IngestOptions) -> str | None:
    """The original publication day of ``page`` (``YYYY-MM-DD``) by htmldate, else ``None``."""
    from htmldate import find_date

    now = options.now or dt.datetime.now(UTC)
    latest = now + dt.timedelta(days=options.future_tolerance_days)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        found = find_date(page, extensive_search=True, original_date=True, outputformat=HTMLDATE_DAY,
                          url=url, min_date=dt.datetime(MIN_YEAR, 1, 1), max_date=latest.replace(tzinfo=None))
    except Exception:  # htmldate on junk markup: no date rather than a failed item
        return None
    return str(found) if found else None
