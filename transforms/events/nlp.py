"""The spaCy parser pipeline for event extraction, loaded once per process.

NER is not used and lemmas come from the lexicon (:mod:`transforms.events.lemmas`), so both
are excluded. The attribute ruler (a matcher mapping fine tags to coarse POS) is replaced by
the registered component ``dateline_tag_to_pos``: a plain lookup table built from the ruler's
own single-token patterns, which gives the same POS much faster.
"""

from __future__ import annotations

from functools import cache
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

TAG_TO_POS = "dateline_tag_to_pos"


class TagToPos:
    """Sets ``pos_`` from ``tag_`` (and the word, for tag+word patterns) by table look-up."""

    def __init__(self, by_tag: dict[str, str], by_tag_word: dict[tuple[str, str], str]) -> None:
        self.by_tag = by_tag
        self.by_tag_word = by_tag_word

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            tag = tok.tag_
            pos = self.by_tag_word.get((tag, tok.lower_)) or self.by_tag.get(tag)
            if pos:
                tok.pos_ = pos
        return doc


def tables_from_ruler(patterns: list[dict[str, Any]]) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(tag -> POS, (tag, word) -> POS) from the attribute ruler's single-token POS patterns."""
    by_tag: dict[str, str] = {}
    by_tag_word: dict[tuple[str, str], str] = {}
    for p in patterns:
        pos = (p.get("attrs") or {}).get("POS")
        if not pos or len(p["patterns"]) != 1 or len(p["patterns"][0]) != 1:
            continue
        cond = p["patterns"][0][0]
        if set(cond) == {"TAG"} and isinstance(cond["TAG"], str):
            by_tag[cond["TAG"]] = pos
        elif "TAG" in cond and isinstance(cond["TAG"], str):
            for key in ("LOWER", "ORTH", "NORM"):
                words = cond.get(key)
                if isinstance(words, str):
                    by_tag_word[(cond["TAG"], words.lower())] = pos
                elif isinstance(words, dict):
                    for w in words.get("IN") or []:
                        by_tag_word[(cond["TAG"], w.lower())] = pos
    return by_tag, by_tag_word


@Language.factory(TAG_TO_POS)
def make_tag_to_pos(nlp: Language, name: str) -> TagToPos:
    """Build the look-up from the pipeline's attribute ruler (add this before removing it)."""
    ruler = cast(AttributeRuler, nlp.get_pipe("attribute_ruler")) if "attribute_ruler" in nlp.pipe_names else None
    patterns = ruler.patterns if ruler is not None else []
    return TagToPos(*tables_from_ruler(patterns))


@cache
def load_pipeline(model: str) -> Language:
    """``model`` without NER and lemmatizer, the attribute ruler swapped for the look-up."""
    nlp = spacy.load(model, exclude=["ner", "lemmatizer"])
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe(TAG_TO_POS, after="parser")
        nlp.remove_pipe("attribute_ruler")
    return nlp
