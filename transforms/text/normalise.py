"""Text normalisation: the one form of an article's text that every offset refers to.

All character offsets stored anywhere in the warehouse refer to the text returned by
:func:`normalise_text` (the ``documents.text`` column).
"""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_TRAILING_WS = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANK = re.compile(r"\n{3,}")


def normalise_text(raw: str) -> str:
    """NFC, unified line endings, no control characters, no trailing spaces, trimmed."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text).replace("\t", " ")
    text = _TRAILING_WS.sub("\n", text)
    text = _MANY_BLANK.sub("\n\n", text)
    return text.strip()
