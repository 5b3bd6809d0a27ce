"""Language of a text: the declared one, else CLD2 (pycld2), else frequent English words.

No text is refused for its language: every document keeps an ISO 639-1 code and a confidence.

* a ``language`` in the item's metadata is taken as declared (confidence 1.0);
* else CLD2 reads the first :data:`LANG_SAMPLE_CHARS` characters (deterministic, a fraction of
  a millisecond): a reliable verdict gives the language and the share of the text in it as the
  confidence. A page's or feed's own language (``<html lang>``, ``<language>``) is kept when
  CLD2 finds at least :data:`LANGUAGE_HINT_SHARE` percent of the text in it;
* where CLD2 cannot tell, a text whose words are mostly frequent English words
  (``seeds/reference/text/en/english_function_words.txt``) is English (confidence 1.0: no other
  language reaches that share);
* a text too short or too mixed to judge (lists of names and scores) keeps the page's language,
  else none, with no confidence; such a text is processed as English downstream.

Detector codes that are not ISO 639-1 are mapped by ``seeds/reference/ingest/language_codes.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.core.refdata import read_mapping, read_words
from transforms.ingest.options import (
    ENGLISH_FAST_PATH_MIN_WORDS,
    ENGLISH_FAST_PATH_SHARE,
    LANG_SAMPLE_CHARS,
)

_LOWER_WORD = re.compile(r"[a-z]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # CLD2 refuses these bytes
LANGUAGE_HINT_SHARE = 20  # percent of the text CLD2 must find in the page's language to keep it
UNKNOWN = "un"
CERTAIN = 1.0
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class LanguageVerdict:
    """A text's language (ISO 639-1, ``None`` when unknown) and how sure it is (``None``: not judged)."""

    code: str | None
    confidence: float | None


@cache
def _iso(code: str) -> str:
    """The ISO 639-1 code of a detector code ("iw" -> "he", "zh-Hant" -> "zh")."""
    base = code.split("-")[0].lower()
    return read_mapping("ingest", "language_codes.tsv", key="detector", value="iso").get(base, base)


def detect_language(text: str) -> tuple[str | None, float, dict[str, float]]:
    """(best language, its share of the text 0-1, every language found and its share) on the
    first characters; ``(None, 0.0, {})`` when CLD2 cannot tell reliably. Deterministic."""
    import pycld2

    sample = _CONTROL.sub(" ", text[:LANG_SAMPLE_CHARS]).encode("utf-8", errors="ignore")
    try:
        reliable, _bytes, details = pycld2.detect(sample, isPlainText=True)
    except pycld2.error:
        return None, 0.0, {}
    shares: dict[str, float] = {}
    for _name, code, percent, _score in details:
        if code != UNKNOWN and percent > 0:
            shares[_iso(code)] = shares.get(_iso(code), 0.0) + percent / 100
    if not reliable or not shares:
        return None, 0.0, shares
    best = max(shares, key=lambda c: shares[c])
    return best, shares[best], shares


def looks_english(sample: str) -> bool:
    """Frequent English words make up a large share of the words. Typical English news scores
    0.4-0.5; other languages stay far below the threshold."""
    english = read_words("text", "en", "english_function_words.txt")
    words = _LOWER_WORD.findall(sample.lower())
    if len(words) < ENGLISH_FAST_PATH_MIN_WORDS:
        return False
    return sum(1 for w in words if w in english) >= ENGLISH_FAST_PATH_SHARE * len(words)


def identify_language(text: str, declared: str | None = None, hint: str | None = None) -> LanguageVerdict:
    """The language of ``text`` (see the module docstring); never refuses a text."""
    if declared:
        return LanguageVerdict(declared, CERTAIN)
    sample = text[:LANG_SAMPLE_CHARS]
    best, share, shares = detect_language(sample)
    if hint and shares.get(hint, 0.0) * 100 >= LANGUAGE_HINT_SHARE:
        return LanguageVerdict(hint, round(shares[hint], 2))
    if best is not None:
        return LanguageVerdict(best, round(share, 2))
    if looks_english(sample):
        return LanguageVerdict(DEFAULT_LANGUAGE, CERTAIN)
    return LanguageVerdict(hint, None)
