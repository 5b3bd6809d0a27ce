"""Sentence splitting of normalised text, with repeated sentences marked.

A line break always ends a sentence; inside a line, terminal punctuation followed by a capital
or a digit does, unless the period closes an abbreviation
(``seeds/reference/text/en/abbreviations.txt``) or an initial.
"""

from __future__ import annotations

import re

from transforms.core.records import Sentence
from transforms.core.refdata import read_words

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9]")
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,9})$")
_WS = re.compile(r"\s+")
MIN_REPEAT_KEY_CHARS = 20  # shorter lines ("Reuters", "Photo") are not counted as repeats


def _abbreviations() -> frozenset[str]:
    return read_words("text", "en", "abbreviations.txt")


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
    """(start, end) document offsets of the sentences of one line starting at ``offset``."""
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


def _mark_repeats(sentences: list[Sentence], context: list[int]) -> None:
    """Set ``duplicate_of`` on every repeat but the one with the longest paragraph (first on a tie)."""
    groups: dict[str, list[Sentence]] = {}
    for sent in sentences:
        key = _sentence_key(sent.text)
        if len(key) >= MIN_REPEAT_KEY_CHARS:
            groups.setdefault(key, []).append(sent)
    for members in groups.values():
        if len(members) > 1:
            keep = max(members, key=lambda s: (context[s.index], -s.index))
            for sent in members:
                if sent is not keep:
                    sent.duplicate_of = keep.index


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
    _mark_repeats(sentences, context)
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
