"""Language of a text: a fast path for English, else langdetect (fixed seed), and the verdict.

The fast path counts frequent English words (``seeds/reference/text/en/english_function_words.txt``);
only a confident verdict for an unsupported language rejects an item.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.core.refdata import read_words
from transforms.ingest.options import (
    ENGLISH_FAST_PATH_MIN_WORDS,
    ENGLISH_FAST_PATH_SHARE,
    LANG_SAMPLE_CHARS,
    LANGUAGE_ALLOWED_FLOOR,
    LANGUAGE_REJECT_PROBABILITY,
    MIN_LETTERS_FOR_LANGUAGE,
    IngestOptions,
)
from transforms.ingest.reject import Reject

_LOWER_WORD = re.compile(r"[a-z]+")
CAPITALS_SHARE_TO_LOWER = 0.6  # a text mostly in capitals is lower-cased before detection


@lru_cache(maxsize=1)
def _seeded_detector() -> None:
    """Make langdetect deterministic (once per process)."""
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0


def detect_language(text: str) -> tuple[str | None, float, dict[str, float]]:
    """(best language, its probability, all probabilities) on the first ~2000 chars; deterministic."""
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


def check_language(text: str, meta_language: str | None, options: IngestOptions) -> str | None:
    """The item's language code (``None`` when unknown), or ``Reject("unsupported language")``."""
    allowed = tuple(options.languages)
    if meta_language and meta_language not in allowed:
        raise Reject("unsupported language", f"metadata language is {meta_language!r}; supported: "
                     f"{', '.join(allowed)}")
    sample = text[:LANG_SAMPLE_CHARS]
    if sum(1 for c in sample if c.isalpha()) < MIN_LETTERS_FOR_LANGUAGE:
        return meta_language
    if "en" in allowed and looks_english(sample):
        return meta_language or "en"
    letters = [c for c in sample if c.isalpha()]
    if sum(1 for c in letters if c.isupper()) > CAPITALS_SHARE_TO_LOWER * len(letters):
        sample = sample.lower()  # an all-caps headline confuses the detector
    best, prob, probs = detect_language(sample)
    if best is None:
        return meta_language
    # reject only a confident verdict: lists of names and scores get low, arbitrary guesses
    if best not in allowed and prob >= LANGUAGE_REJECT_PROBABILITY \
            and max((probs.get(a, 0.0) for a in allowed), default=0.0) < LANGUAGE_ALLOWED_FLOOR:
        raise Reject("unsupported language", f"text looks like {best!r} (p={prob:.2f}); supported: "
                     f"{', '.join(allowed)}")
    return meta_language or (best if best in allowed else meta_language)
