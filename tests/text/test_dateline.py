"""The news-dateline parser: its parts, and the same answers as the four patterns it replaced.

``_Before`` below is the dateline reading as it was before there was one parser (three patterns
in ``transforms/text.py``, one in ``transforms/ingest.py``), kept verbatim as the reference: on
every dateline tried, the views of :func:`read_dateline` must answer exactly as they did.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.text import (
    Dateline,
    dateline_agency,
    dateline_place_name,
    dateline_prefix_length,
    read_dateline,
)


class _Before:
    """The dateline patterns and functions before the parser (reference only)."""

    PREFIX = re.compile(
        r"[ \t]*[A-Z][A-Z\u00C0-\u00DE.'’\-]+(?:[ \t]+[A-Z\u00C0-\u00DE.'’\-]+){0,3}"
        r"(?:[ \t]*,[ \t]*[^\n,()–—]{1,30}?){0,3}"
        r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:--?|[–—]|_)[ \t]+"
    )
    PLACE = re.compile(r"^\s*([A-Z][A-Z\u00C0-\u00DE.'’\- ]+?)\s*(?:[,(]|--?|[–—_])")
    AGENCY = re.compile(r"^[ \t]*[A-Z][A-Z\u00C0-\u00DE.'’\-]{2,}[^()\n]{0,60}?\((?P<agency>[A-Z][A-Za-z&.\- ]{1,30})\)"
                        r"[ \t]*(?:--?|[–—_:])")
    WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    DATED = re.compile(
        r"^[ \t]*(?P<place>[A-Z][A-Z\u00C0-\u00DE.'’\- ]{1,40}?(?:,[ \t]*[A-Z][A-Za-z.'’\- ]{1,30}?)?)[ \t]*,[ \t]*"
        + WEEKDAY
        + r"(?:(?P<month>[A-Z][a-z]{2,8})\.?[ \t]+(?P<day>\d{1,2})|(?P<day2>\d{1,2})[ \t]+(?P<month2>[A-Z][a-z]{2,8})\.?)"
        r"(?:,?[ \t]+(?P<year>\d{4}))?"
        r"[ \t]*(?P<agency>\([^()\n]{1,40}\))?[ \t]*(?P<dash>--?|[–—]|:)?"
    )
    MONTHS = {
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    }

    @classmethod
    def prefix_length(cls, sentence):
        m = cls.PREFIX.match(sentence)
        if not m or len(re.sub(r"[^A-Z]", "", sentence[: m.end()].split(",")[0].split("(")[0])) < 3:
            return 0
        rest = sentence[m.end():]
        return m.end() if rest[:1].isupper() or rest[:1] in "\"'‘“" else 0

    @classmethod
    def place_name(cls, prefix):
        m = cls.PLACE.match(prefix)
        return m.group(1) if m else None

    @classmethod
    def agency(cls, text, head_chars=300):
        if not isinstance(text, str):
            return None
        m = cls.AGENCY.match(text[:head_chars].lstrip("\ufeff \t\r\n").split("\n", 1)[0])
        return m.group("agency").strip() if m else None

    @classmethod
    def date(cls, text, year=None):
        try:
            if not isinstance(text, str):
                return None
            head = text[:300].lstrip("\ufeff \t\r\n").split("\n", 1)[0]
            m = cls.DATED.match(head)
            if not m or not (m.group("agency") or m.group("dash")):
                return None
            month = cls.MONTHS.get((m.group("month") or m.group("month2") or "").lower())
            if month is None:
                return None
            day = int(m.group("day") or m.group("day2"))
            if m.group("year"):
                y = int(m.group("year"))
            elif isinstance(year, int) and not isinstance(year, bool):
                y = year
            else:
                return None
            return dt.date(y, month, day)
        except (ValueError, TypeError, OverflowError):
            return None


def _assert_same_as_before(text: str, year: int | None = None) -> None:
    line = read_dateline(text)
    k = _Before.prefix_length(text)
    assert line.prefix_length == dateline_prefix_length(text) == k, text
    assert line.place == (_Before.place_name(text[:k]) if k else None), text
    assert dateline_place_name(text) == _Before.place_name(text), text
    assert line.agency == dateline_agency(text) == _Before.agency(text), text
    assert line.date(year) == _Before.date(text, year), (text, year)


DATELINES = [
    "KYIV, May 30, 2025 (AP) — Russia launched drones at the capital overnight.",
    "MOSCOW, May 30 (Reuters) - The Kremlin said it was ready for talks.",
    "HANOI, Nov. 18 (Xinhua) -- The police arrested a man.",
    "WASHINGTON, Sept. 5, 2025 -- Officials said the budget would pass.",
    "NEW YORK, Friday, Jan. 3, 2025 (AP) — A fire broke out.",
    "SAN JOSE, Calif., 30 May 2025 - The company said.",
    "SAN JOSE, Calif. (AP) - The company said.",
    "BEIRUT, Lebanon -- Fighting resumed.",
    "ISTANBUL - Russian and Ukrainian delegations met on Monday.",
    "ISTANBUL - the talks ended.",
    "ISTANBUL - ",
    "NEW YORK (AP) _ A man was arrested.",
    "WASHINGTON (Reuters) - the agency said.",
    "KYIV, May 30, 2025 (AP): Russia launched drones.",
    "GENEVA, Feb 29 (Reuters) - Talks began.",
    "GENEVA, Feb. 28, 2023 (Reuters) — \"We agree,\" the envoy said.",
    "PARIS, 12 March (AFP) - Protesters marched.",
    "RIO DE JANEIRO, Brazil, June 4 (Reuters) - Floods hit.",
    "WEST-BANK - Settlers clashed.",
    "ST. PETERSBURG, Russia, Dec. 1 (AP) — Snow fell.",
    "ZÜRICH, Switzerland (Reuters) - Banks fell.",
    "US - China talks resumed.",
    "UN - backed forces advanced.",
    "Russia - Ukraine talks ended.",
    "The talks (In Istanbul) -- ended without agreement.",
    "Officials said on May 30, 2025 - nothing.",
    "KYIV, Maybe 30, 2025 (AP) — x",
    "  \ufeffKYIV, May 30, 2025 (AP) — Leading blanks.",
    "\nKYIV (AP) — On the second line.",
    "KYIV\n(AP) — Broken across lines.",
    "DAMASCUS, Syria, Sunday, Aug. 4 (AP) -- Shelling went on.",
    "CAIRO, Egypt, March 3, 1998 -- Shares rose.",
    "TOKYO, 0 May 2025 - zero day",
    "TOKYO, May 99, 2025 - no such day",
    "LONDON, Apr 1, 0000 (PA) - year zero",
    "",
    "A",
    "AB - C",
    "ABC - D",
]


@pytest.mark.parametrize("text", DATELINES)
@pytest.mark.parametrize("year", [None, 2024])
def test_views_answer_as_before_on_datelines(text, year):
    _assert_same_as_before(text, year)


_PLACES = st.sampled_from(["KYIV", "NEW YORK", "SAN JOSE", "WEST-BANK", "ST. PETERSBURG", "ZÜRICH", "US", "Kyiv",
                           "A", "RIO DE JANEIRO BRAZIL NORTH", ""])
_QUALIFIERS = st.sampled_from(["", ", Calif.", ", Lebanon", ", Syria, Sunday", ", pro-government", ", (x)", ",  "])
_DATES = st.sampled_from(["", ", May 30", ", Sept. 5, 2025", ", 30 May 2025", ", Friday, Jan. 3, 2025", ", Maybe 3",
                          ", Feb 29", " May 30", ", 12 March", ", 2025"])
_AGENCIES = st.sampled_from(["", " (AP)", " (Reuters)", " (Agence France-Presse)", " ()", " (", "(x y)", " (AP"])
_DASHES = st.sampled_from(["", " -", " --", " —", " –", " _", ":", " -- ", "-"])
_RESTS = st.sampled_from(["", " ", " Russia said.", " the talks", ' "We agree."', " 'Yes'", "\nNext line.", "x"])

datelines = st.builds(lambda *parts: "".join(parts), st.sampled_from(["", " ", "\t", "\ufeff"]), _PLACES,
                      _QUALIFIERS, _DATES, _AGENCIES, _DASHES, _RESTS)


@settings(max_examples=1500, deadline=None)
@given(datelines, st.one_of(st.none(), st.integers(1, 9999)))
def test_views_answer_as_before_on_generated_datelines(text, year):
    _assert_same_as_before(text, year)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ABKYIVN ,.-–—_:()'’\"\tMayJun0123459\nÜaeo", max_size=60),
       st.one_of(st.none(), st.integers(-5, 10**5)))
def test_views_answer_as_before_on_any_text(text, year):
    _assert_same_as_before(text, year)


def test_one_dateline_gives_every_part():
    line = read_dateline("KYIV, May 30, 2025 (AP) — Russia launched drones at the capital overnight.")
    assert line == Dateline(prefix_length=len("KYIV, May 30, 2025 (AP) — "), place="KYIV", agency="AP",
                            month=5, day=30, year=2025)
    assert line.date() == dt.date(2025, 5, 30)


def test_a_yearless_dateline_takes_a_year_only_when_given():
    line = read_dateline("MOSCOW, May 30 (Reuters) - The Kremlin said it was ready for talks.")
    assert (line.place, line.agency, line.year) == ("MOSCOW", "Reuters", None)
    assert line.date() is None
    assert line.date(2024) == dt.date(2024, 5, 30)
    assert line.date(True) is None  # a flag is not a year


def test_a_dateline_followed_by_lower_case_is_no_opening_but_keeps_its_agency():
    line = read_dateline("WASHINGTON (Reuters) - the agency said.")
    assert (line.prefix_length, line.place, line.agency) == (0, None, "Reuters")


def test_no_dateline():
    assert read_dateline("Officials said the talks would resume on Monday.") == Dateline()
    assert read_dateline(None) == Dateline()
    assert read_dateline("GENEVA, Feb 29 (Reuters) - Talks began.").date(2023) is None  # no such day
@pytest.mark.parametrize("sentence, prefix", [
    ("ISTANBUL - Russian and Ukrainian delegations met on Monday.", "ISTANBUL - "),
    ("KYIV, May 30, 2025 (AP) — Russia launched drones.", "KYIV, May 30, 2025 (AP) — "),
    ("WASHINGTON (Reuters) - The US said.", "WASHINGTON (Reuters) - "),
    ("NEW YORK (AP) _ A man was arrested.", "NEW YORK (AP) _ "),
    ("US - China talks resumed.", ""),
    ("UN - backed forces advanced.", ""),
    ("Russia - Ukraine talks ended.", ""),
])
def test_dateline_prefix(sentence, prefix):


    assert sentence[:dateline_prefix_length(sentence)] == prefix
