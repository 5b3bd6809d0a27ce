"""Text cleaning, stable ids and sentence splitting.

All character offsets stored anywhere in the warehouse refer to the text returned by
:func:`normalise_text` (the ``documents.text`` column).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from transforms.core.records import Sentence
from transforms.settings import reference_path

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_TRAILING_WS = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANK = re.compile(r"\n{3,}")
_WS = re.compile(r"\s+")


def normalise_text(raw: str) -> str:
    """NFC, unified line endings, no control characters, no trailing spaces, trimmed."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text).replace("\t", " ")
    text = _TRAILING_WS.sub("\n", text)
    text = _MANY_BLANK.sub("\n\n", text)
    return text.strip()


def _digest(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def doc_id(text: str) -> str:
    """Stable document id: hash of the text with whitespace collapsed (32 hex chars)."""
    return _digest(_WS.sub(" ", text).strip())


def content_hash(text: str, meta: dict | None = None) -> str:
    """Hash of the text plus the metadata that shapes rows (a change means reprocess)."""
    parts = [text]
    for key in sorted(meta or {}):
        value = (meta or {})[key]
        parts.append(f"{key}={'' if value is None else value}")
    return _digest("\x1f".join(parts))


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    path = reference_path("text", "abbreviations.txt")
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(words)


# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9]")
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,9})$")


def _is_abbreviation(line: str, dot_pos: int) -> bool:
    """True when the period at ``dot_pos`` closes an abbreviation or an initial."""
    m = _TOKEN_BEFORE.search(line, 0, dot_pos)
    if not m:
        return False
    token = m.group(1)
    if len(token) == 1 and token.isupper():
        return True  # an initial: "John F. Kennedy"
    return token.rstrip(".") in _abbreviations()


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        end = m.end()
        if not _NEXT_START.match(line, end):
            continue
        if line[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(line, m.start()):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(line)))
    out = []
    for s, e in spans:
        seg = line[s:e]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if seg:
            out.append((offset + s + lead, offset + s + lead + len(seg)))
    return out


def _sentence_key(sentence: str) -> str:
    key = _WS.sub(" ", sentence).strip().casefold()
    return key.rstrip(" .!?;:\"'”’")


def split_sentences(text: str) -> list[Sentence]:
    """Split normalised text into sentences; a line break always ends a sentence.

    Repeated sentences in one document are marked: of identical sentences (ignoring case,
    spacing and final punctuation) the occurrence with the most surrounding context (the
    longest paragraph; on a tie the first) is kept and the others get ``duplicate_of``.
    """
    sentences: list[Sentence] = []
    context: list[int] = []  # paragraph length of each sentence
    pos = 0
    for line in text.split("\n"):
        para_len = len(line.strip())
        for s, e in _split_line(line, pos):
            sentences.append(Sentence(index=len(sentences), start=s, end=e, text=text[s:e]))
            context.append(para_len)
        pos += len(line) + 1
    groups: dict[str, list[Sentence]] = {}
    for sent in sentences:
        key = _sentence_key(sent.text)
        if len(key) >= 20:  # short lines ("Reuters", "Photo") are not counted as repeats
            groups.setdefault(key, []).append(sent)
    for members in groups.values():
        if len(members) > 1:
            keep = max(members, key=lambda s: (context[s.index], -s.index))
            for sent in members:
                if sent is not keep:
                    sent.duplicate_of = keep.index
    return sentences


def sentence_index_at(sentences: list[Sentence], char: int) -> int | None:
    """Index of the sentence that contains character offset ``char`` (binary search)."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if char < s.start:
            hi = mid - 1
        elif char >= s.end:
            lo = mid + 1
        else:
            return s.index
    return None


# "ISTANBUL -", "KYIV, May 30, 2025 (AP) —", "WASHINGTON (Reuters) -", "BEIRUT, Lebanon --":
# a place in capitals, optional qualifiers and agency, then a dash (or a colon after an agency).
_DATELINE_PREFIX = re.compile(
    r"[ \t]*[A-Z][A-Z\u00C0-\u00DE.'’\-]+(?:[ \t]+[A-Z\u00C0-\u00DE.'’\-]+){0,3}"
    r"(?:[ \t]*,[ \t]*[^\n,()–—]{1,30}?){0,3}"
    r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:--?|[–—]|_)[ \t]+"
)


def dateline_prefix_length(sentence: str) -> int:
    """Length of a news dateline opening ``sentence`` ("ISTANBUL -", "KYIV, May 30 (AP) —"), else 0.

    The place of a dateline is not part of the first sentence's grammar: event extraction
    parses the sentence without it, so "ISTANBUL - Russian delegations met" has subject
    "Russian delegations".
    """
    m = _DATELINE_PREFIX.match(sentence)
    if not m or len(re.sub(r"[^A-Z]", "", sentence[: m.end()].split(",")[0].split("(")[0])) < 3:
        return 0
    rest = sentence[m.end():]
    return m.end() if rest[:1].isupper() or rest[:1] in "\"'‘“" else 0


_DATELINE_PLACE = re.compile(r"^\s*([A-Z][A-Z\u00C0-\u00DE.'’\- ]+?)\s*(?:[,(]|--?|[–—_])")


def dateline_place_name(prefix: str) -> str | None:
    """The place of a dateline prefix ("HANOI, Nov. 18 (Xinhua) -- " -> "HANOI"), else ``None``."""
    m = _DATELINE_PLACE.match(prefix)
    return m.group(1) if m else None


_AGENCY_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z\u00C0-\u00DE.'’\-]{2,}[^()\n]{0,60}?\((?P<agency>[A-Z][A-Za-z&.\- ]{1,30})\)"
                              r"[ \t]*(?:--?|[–—_:])")


def dateline_agency(text, head_chars: int = 300) -> str | None:
    """The news agency named in a dateline at the start of ``text`` ("HANOI, Nov. 18 (Xinhua) --"
    gives "Xinhua", "KYIV (AP) —" gives "AP"), else ``None``. Ingest uses it as the source when
    the metadata names none."""
    if not isinstance(text, str):
        return None
    m = _AGENCY_DATELINE.match(text[:head_chars].lstrip("\ufeff \t\r\n").split("\n", 1)[0])
    return m.group("agency").strip() if m else None
