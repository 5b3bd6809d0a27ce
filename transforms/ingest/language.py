"""Language of a text: the declared one, a fast path for English, else langdetect (fixed seed).

No text is refused for its language: every document gets an ISO 639-1 code and a confidence.

* a ``language`` in the item's metadata is taken as declared (confidence 1.0);
* the English fast path counts frequent English words
  (``seeds/reference/text/en/english_function_words.txt``); a text that passes it is English
  (confidence 1.0: no other language reaches that share);
* else langdetect on the first :data:`LANG_SAMPLE_CHARS` characters gives the best language and
  its probability; a page's or feed's own language (``<html lang>``, ``<language>``) is kept
  when the detector gives it at least :data:`LANGUAGE_HINT_FLOOR`; an unsure verdict (below
  :data:`LANGUAGE_CONFIDENT`) that leaves English that much is English (lists of names and
  scores get low, arbitrary guesses);
* a text too short to judge keeps the page's language, else none, with no confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.core.refdata import read_words
from transforms.ingest.options import (
    ENGLISH_FAST_PATH_MIN_WORDS,
    ENGLISH_FAST_PATH_SHARE,
    LANG_SAMPLE_CHARS,
    MIN_LETTERS_FOR_LANGUAGE,
)

_LOWER_WORD = re.compile(r"[a-z]+")
CAPITALS_SHARE_TO_LOWER = 0.6  # a text mostly in capitals is lower-cased before detection
LANGUAGE_HINT_FLOOR = 0.2  # the page's language is kept while the detector gives it this much
LANGUAGE_CONFIDENT = 0.80  # a verdict below this probability is unsure
DEFAULT_LANGUAGE = "en"
CERTAIN = 1.0


@dataclass(frozen=True, slots=True)
class LanguageVerdict:
    """A text's language (ISO 639-1, ``None`` when unknown) and how sure it is (``None``: not judged)."""

    code: str | None
    confidence: float | None


@lru_cache(maxsize=1)
def _seeded_detector() -> None:
    """Make langdetect deterministic (once per process)."""
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0


def detect_language(text: str) -> tuple[str | None, float, dict[str, float]]:
    """(best language, its probability, all probabilities) on the first characters; deterministic."""
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    _seeded_detector()
    try:
        langs = detect_langs(text[:LANG_SAMPLE_CHARS])
    except LangDetectException:
        return None, 0.0, {}
    probs = {lang.lang.split("-")[0]: lang.prob for lang in langs}
    if not langs:
        return None, 0.0, {}
    return langs[0].lang.split("-")[0], langs[0].prob, probs


def looks_english(sample: str) -> bool:
    """Cheap test before the statistical detector: frequent English words make up a large share
    of the words. Typical English news scores 0.4-0.5; other languages stay far below the threshold."""
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
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < MIN_LETTERS_FOR_LANGUAGE:
        return LanguageVerdict(hint, None)
    if looks_english(sample):
        return LanguageVerdict(DEFAULT_LANGUAGE, CERTAIN)
    if sum(1 for c in letters if c.isupper()) > CAPITALS_SHARE_TO_LOWER * len(letters):
        sample = sample.lower()  # an all-caps headline confuses the detector
    best, prob, probs = detect_language(sample)
    if best is None:
        return LanguageVerdict(hint, None)
    if hint and hint != best and probs.get(hint, 0.0) >= LANGUAGE_HINT_FLOOR:
        return LanguageVerdict(hint, round(probs[hint], 4))
    if prob < LANGUAGE_CONFIDENT and probs.get(DEFAULT_LANGUAGE, 0.0) >= LANGUAGE_HINT_FLOOR:
        return LanguageVerdict(DEFAULT_LANGUAGE, round(probs[DEFAULT_LANGUAGE], 4))
    return LanguageVerdict(best, round(prob, 4))
