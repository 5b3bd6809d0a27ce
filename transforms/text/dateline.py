"""The news-dateline parser: "KYIV, May 30, 2025 (AP) —" gives place, date, agency, prefix length.

A wire story opens with a dateline: a place in capitals, optional qualifiers ("Calif.",
"Lebanon"), an optional date (an optional weekday, "May 30" or "30 May", an optional year), an
optional agency in parentheses, then a dash. :func:`read_dateline` reads the start of a text (or
of a sentence) once and returns a :class:`Dateline` with every part it found; the helpers below
it are views of that one result for their callers:

* :func:`dateline_prefix_length` (event extraction parses the first sentence without it);
* :func:`dateline_place_name` (the article's dateline city);
* :func:`dateline_agency` (ingest's source when the metadata names none);
* :meth:`Dateline.date` (ingest's publication date from a dated dateline).

The grammar is built from one set of pieces (place characters, the agency in parentheses, the
dashes; month names and weekdays from ``seeds/reference/text/en/``). The callers accept three
shapes of it, kept exactly as they were read before the parser was one module:

* the **opening** of a sentence: place words, up to three comma qualifiers, an optional agency and
  a dash (``-``, ``--``, ``–``, ``—``, ``_``) followed by spaces and a capital or a quote;
* the **dated** dateline at the start of the text's first line: place, a month-day date, an
  optional year, then an agency or a dash (a colon counts too);
* the **agency** dateline at the start of the first line: a place word, then within 60
  characters an agency in parentheses and a dash or a colon.

So ``"WASHINGTON (Reuters) - the ..."`` has an agency but no opening (the sentence goes on in
lower case), and ``"KYIV, May 30, 2025 (AP): ..."`` has a date and an agency but no opening.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.core.refdata import read_tsv, read_words

DATELINE_HEAD_CHARS = 300  # the dated and agency readings look at most this far into a text

# ---------------------------------------------------------------- the pieces of the grammar
_CAPS = "A-Z\u00C0-\u00DE.'’\\-"  # characters of a place written in capitals
_AGENCY = r"\([^()\n]{1,40}\)"  # "(AP)", "(Reuters)"
_DASH = r"--?|[–—]"  # "-", "--", "–", "—"; "_" (typewriter) and ":" are added per reading
_DAY_MONTH = (r"(?:(?P<month>[A-Z][a-z]{2,8})\.?[ \t]+(?P<day>\d{1,2})"
              r"|(?P<day2>\d{1,2})[ \t]+(?P<month2>[A-Z][a-z]{2,8})\.?)")

# the opening of a sentence: "ISTANBUL - ", "KYIV, May 30, 2025 (AP) — ", "NEW YORK (AP) _ "
_OPENING = re.compile(
    rf"[ \t]*[A-Z][{_CAPS}]+(?:[ \t]+[{_CAPS}]+){{0,3}}"
    r"(?:[ \t]*,[ \t]*[^\n,()–—]{1,30}?){0,3}"
    rf"[ \t]*(?:{_AGENCY})?[ \t]*(?:{_DASH}|_)[ \t]+"
)
MIN_OPENING_CAPITALS = 3  # "US - China talks" is not a dateline
_OPENING_FOLLOWERS = "\"'‘“"  # besides a capital, what may follow an opening

# the place of an opening: capitals up to the first comma, parenthesis or dash
_PLACE = re.compile(rf"^\s*([A-Z][{_CAPS} ]+?)\s*(?:[,(]|{_DASH}|_)")

# the agency dateline: "HANOI, Nov. 18 (Xinhua) --", "KYIV (AP) —"
_AGENCY_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][{_CAPS}]{{2,}}[^()\n]{{0,60}}?\((?P<agency>[A-Z][A-Za-z&.\- ]{{1,30}})\)"
    rf"[ \t]*(?:{_DASH}|[_:])"
)


@lru_cache(maxsize=1)
def _dated() -> re.Pattern[str]:
    """The dated dateline: "KYIV, May 30, 2025 (AP) —", "SAN JOSE, Calif., 30 May 2025 -"."""
    weekdays = "|".join(re.escape(w) for w in sorted(read_words("text", "en", "weekdays.txt")))
    return re.compile(
        rf"^[ \t]*(?P<place>[A-Z][{_CAPS} ]{{1,40}}?(?:,[ \t]*[A-Z][A-Za-z.'’\- ]{{1,30}}?)?)[ \t]*,[ \t]*"
        rf"(?:(?:{weekdays}),?\s+)?"
        + _DAY_MONTH
        + r"(?:,?[ \t]+(?P<year>\d{4}))?"
        rf"[ \t]*(?P<agency>{_AGENCY})?[ \t]*(?P<dash>{_DASH}|:)?"
    )


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Lower-cased month names and abbreviations -> month number."""
    return {row["word"]: int(row["month"]) for row in read_tsv("text", "en", "months.tsv")}


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a text's dateline says; every part is ``None`` (or 0) when the text has none."""

    prefix_length: int = 0  # characters of a dateline opening the text, followed by its sentence
    place: str | None = None  # the place of that opening ("HANOI")
    agency: str | None = None  # the agency of an agency dateline ("Xinhua")
    month: int | None = None  # the dated dateline's month (None: no dated dateline)
    day: int | None = None
    year: int | None = None  # None: a year-less dateline ("MOSCOW, May 30 (Reuters) -")

    def date(self, year: int | None = None) -> dt.date | None:
        """The dateline's date; a year-less one takes ``year`` (from other metadata), else ``None``."""
        if self.month is None or self.day is None:
            return None
        if self.year is not None:
            y = self.year
        elif isinstance(year, int) and not isinstance(year, bool):
            y = year
        else:
            return None
        try:
            return dt.date(y, self.month, self.day)
        except (ValueError, OverflowError):
            return None


NO_DATELINE = Dateline()


def _head(text: str, head_chars: int) -> str:
    """The first line of the text's first ``head_chars`` characters, leading blanks removed."""
    return text[:head_chars].lstrip("\ufeff \t\r\n").split("\n", 1)[0]


def _opening_length(text: str) -> int:
    m = _OPENING.match(text)
    if not m or len(re.sub(r"[^A-Z]", "", text[: m.end()].split(",")[0].split("(")[0])) < MIN_OPENING_CAPITALS:
        return 0
    rest = text[m.end():]
    return m.end() if rest[:1].isupper() or rest[:1] in _OPENING_FOLLOWERS else 0


def _date_parts(head: str) -> tuple[int | None, int | None, int | None]:
    """(month, day, year) of a dated dateline opening ``head``; (None, None, None) when there is none."""
    m = _dated().match(head)
    if not m or not (m.group("agency") or m.group("dash")):
        return None, None, None
    month = _months().get((m.group("month") or m.group("month2") or "").lower())
    if month is None:
        return None, None, None
    day = int(m.group("day") or m.group("day2"))
    return month, day, int(m.group("year")) if m.group("year") else None


def read_dateline(text: object, head_chars: int = DATELINE_HEAD_CHARS) -> Dateline:
    """The dateline at the start of ``text`` (a document's text or one sentence). Never raises."""
    if not isinstance(text, str):
        return NO_DATELINE
    prefix_length = _opening_length(text)
    head = _head(text, head_chars)
    agency = _AGENCY_DATELINE.match(head)
    month, day, year = _date_parts(head)
    return Dateline(
        prefix_length=prefix_length,
        place=dateline_place_name(text[:prefix_length]) if prefix_length else None,
        agency=agency.group("agency").strip() if agency else None,
        month=month, day=day, year=year,
    )


def dateline_prefix_length(sentence: str) -> int:
    """Length of a news dateline opening ``sentence`` ("ISTANBUL -", "KYIV, May 30 (AP) —"), else 0.

    The place of a dateline is not part of the first sentence's grammar: event extraction
    parses the sentence without it, so "ISTANBUL - Russian delegations met" has subject
    "Russian delegations".
    """
    return read_dateline(sentence).prefix_length


def dateline_place_name(prefix: str) -> str | None:
    """The place of a dateline prefix ("HANOI, Nov. 18 (Xinhua) -- " -> "HANOI"), else ``None``."""
    m = _PLACE.match(prefix)
    return m.group(1) if m else None


def dateline_agency(text: object, head_chars: int = DATELINE_HEAD_CHARS) -> str | None:
    """The news agency named in a dateline at the start of ``text`` ("HANOI, Nov. 18 (Xinhua) --"
    gives "Xinhua", "KYIV (AP) —" gives "AP"), else ``None``. Ingest uses it as the source when
    the metadata names none."""
    return read_dateline(text, head_chars).agency
