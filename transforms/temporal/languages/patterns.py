"""The ordered patterns of one language, built from its lexicon and cue file.

Longer forms come first (a full date before a day and month before a bare month); where matches
overlap the tagger keeps the longest. Each pattern's name says which normaliser reads it
(:mod:`transforms.temporal.languages.values`); numbered cue patterns (``clock0``, ``period2`` ...)
keep their position in the cue file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from transforms.temporal.patterns import alternation

if TYPE_CHECKING:
    from transforms.temporal.languages.lexicon import LanguageLexicon

MIN_NAME_CHARS = 4  # shorter month/weekday names (abbreviations) only inside a full date
SCRIPTS_WITHOUT_SPACES = frozenset({"zh", "ja"})
NEVER = r"(?!x)x"
CJK_DATES = [("ymd", r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]"),
             ("md", r"(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]"),
             ("ym", r"(?P<y>\d{4})年(?P<m>\d{1,2})月"),
             ("year", r"(?P<y>\d{4})年")]
BARE_YEAR = r"(?<![\w.,/$€£-])(?P<y>(?:1[89]|20)\d\d)(?![\w%€$]|[.,/-]\d)"


def _opt(cues: dict[str, Any], key: str, template: str) -> str:
    """``template`` around the alternation of the cue list ``key`` ('' when the cue file has none)."""
    words = cues.get(key)
    return template.format(alternation(words)) if words else ""


def _connector(cues: dict[str, Any], key: str, default: str) -> str:
    words = cues.get(key, "")
    return rf"(?:\s*{alternation(words.split('|'))}\s*|\s+)" if words else default


def _date_patterns(lex: LanguageLexicon, b: str, e: str, post: str) -> list[tuple[str, str]]:
    """Full dates, days with months, months with years, numeric and ISO dates."""
    c = lex.cues
    all_months = alternation(lex.months)
    long_months = alternation([w for w in lex.months if len(w) >= MIN_NAME_CHARS or not w.isascii() and len(w) >= 3])
    days = [w for w in lex.weekdays if len(w) >= MIN_NAME_CHARS or lex.code in SCRIPTS_WITHOUT_SPACES]
    conn = _connector(c, "day_month_connector", r"\s*\.?\s*")
    ycon = _connector(c, "month_year_connector", r"\s+")
    ysuf = _opt(c, "year_suffix", r"(?:\s*{})?")
    ordinal = rf"(?:{c['ordinal_suffix']})?" if c.get("ordinal_suffix") else ""
    wdmy = (rf"{b}(?P<wd>{alternation(days)}),?\s+(?P<d>\d{{1,2}}){ordinal}{conn}(?P<mn>{all_months})"
            rf"(?:\.?{ycon}(?P<y>\d{{4}}){ysuf})?{e}") if days else NEVER
    return [
        ("wdmy", wdmy),
        ("my2", rf"{b}(?P<mn>{long_months})\s+'?(?P<y2>\d{{2}}){e}"),
        ("dmy", rf"{b}(?P<d>\d{{1,2}}){ordinal}{conn}(?P<mn>{all_months})\.?{ycon}(?P<y>\d{{4}}){ysuf}{e}"),
        ("dm", rf"{b}(?P<d>\d{{1,2}}){ordinal}{conn}(?P<mn>{all_months}){e}{post}"),
        ("mdy", rf"{b}(?P<mn>{long_months})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}}){e}"),
        ("my", rf"{b}(?P<mn>{long_months}){ycon}(?P<y>\d{{4}}){ysuf}{e}"),
        ("numeric", rf"{b}(?P<a>\d{{1,2}})[./](?P<b2>\d{{1,2}})[./](?P<y>\d{{4}}){e}"),
        ("iso", rf"{b}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){e}"),
    ]


def _cue_patterns(lex: LanguageLexicon, b: str, e: str) -> list[tuple[str, str]]:
    """The cue file's own patterns: clock times, days of the month, quarters, decades."""
    out: list[tuple[str, str]] = []
    for key, name in (("clock_patterns", "clock"), ("day_of_month_patterns", "dom"),
                      ("quarter_patterns", "quarter"), ("decade_patterns", "decade")):
        out += [(f"{name}{i}", rf"{b}(?:{p}){e}") for i, p in enumerate(lex.cues.get(key) or [])]
    return out


def _amount_patterns(lex: LanguageLexicon, b: str, e: str) -> list[tuple[str, str]]:
    """"N units ago" (before or after, as the language puts it) and "N units" (a duration)."""
    c = lex.cues
    if not lex.units:
        return []
    words = f"|{alternation(lex.numbers)}" if lex.numbers else ""
    num = rf"(?P<n>\d+(?:[.,]\d+)?{words})"
    unit = rf"(?P<u>{alternation(lex.units)})"
    approx = _opt(c, "approx_words", r"(?:{}\s+)?")
    out: list[tuple[str, str]] = []
    if lex.ago and c.get("ago_position", "before") == "before":
        out.append(("ago", rf"{b}{alternation(lex.ago)}\s+{approx}{num}\s+{unit}{e}"))
    elif lex.ago:
        out.append(("ago", rf"{b}{approx}{num}\s+{unit}\s+{alternation(lex.ago)}{e}"))
    prefix = _opt(c, "duration_prefixes", r"(?:(?P<durpre>{})\s+)?")
    out.append(("duration", rf"{b}{prefix}{approx}{num}\s+{unit}{e}"))
    return out


def _word_patterns(lex: LanguageLexicon, b: str, e: str, pre: str, post: str) -> list[tuple[str, str]]:
    """References, sets, years with an article, named periods, weekdays, relative phrases, months."""
    c = lex.cues
    out = [(kind, rf"{b}{alternation(c[kind])}{e}") for kind in ("present_ref", "past_ref", "future_ref") if c.get(kind)]
    if c.get("sets"):
        out.append(("set", rf"{b}(?P<set>{alternation(c['sets'])}){e}"))
    if c.get("year_articles"):
        out.append(("year", rf"{b}(?:(?P<art>{alternation(c['year_articles'])})\s+)(?P<y>(?:1[89]|20)\d\d){e}"))
    out += [(f"period{i}", rf"{b}(?:{p['pattern']}){e}") for i, p in enumerate(c.get("named_periods") or [])]
    if c.get("vague_durations"):
        out.append(("vague_duration", rf"{b}(?P<vd>{alternation(c['vague_durations'])}){e}"))
    pods = c.get("parts_of_day") or {}
    pod = rf"(?:\s*(?P<pod>{alternation(pods)}))?" if pods else ""
    days = [w for w in lex.weekdays if len(w) >= MIN_NAME_CHARS or lex.code in SCRIPTS_WITHOUT_SPACES]
    if days:
        out.append(("weekday", rf"{b}{pre}(?P<wd>{alternation(days)}){pod}{e}{post}"))
    if lex.relative:
        day_rel = [w for w, (_n, u) in lex.relative.items() if u == "day"]
        if pods and day_rel:
            out.append(("relative_pod", rf"{b}(?P<rel>{alternation(day_rel)})\s+(?P<pod>{alternation(pods)}){e}"))
        out.append(("relative", rf"{b}(?P<rel>{alternation(lex.relative)}){e}"))
    alone = {w.lower() for w in c.get("bare_month_exclude") or []}  # "sept" is also seven
    long_months = [w for w in lex.months if (len(w) >= MIN_NAME_CHARS or not w.isascii() and len(w) >= 3)
                   and w not in alone]
    out.append(("month", rf"{b}{pre}(?P<mn>{alternation(long_months)}){e}{post}"))
    return out


def compile_patterns(lex: LanguageLexicon) -> list[tuple[str, re.Pattern[str]]]:
    """The ordered, compiled patterns of one language."""
    c = lex.cues
    b, e = ("", "") if lex.code in SCRIPTS_WITHOUT_SPACES else (r"(?<!\w)", r"(?!\w)")
    mods = c.get("phrase_future", []) + c.get("phrase_past", []) + c.get("phrase_this", [])
    pre = rf"(?:(?P<pre>{alternation(mods)})\s+)?" if mods else ""
    post = rf"(?:\s+(?P<post>{alternation(mods)}))?" if mods else ""
    pats = list(CJK_DATES) if lex.code in SCRIPTS_WITHOUT_SPACES else []
    pats += _date_patterns(lex, b, e, post) + _cue_patterns(lex, b, e) + _amount_patterns(lex, b, e)
    pats += _word_patterns(lex, b, e, pre, post)
    pats.append(("bare_year", BARE_YEAR))
    return [(name, re.compile(p, re.IGNORECASE)) for name, p in pats]
