"""The news dateline of an article ("ISTANBUL -", "HANOI, Nov. 18 (Xinhua) --") for events.

The dateline is not part of the first sentence's grammar: the sentence is parsed without it,
so "ISTANBUL - Russian delegations met" has subject "Russian delegations". Its city is the
place of events whose sentence names none (:func:`transforms.events.places.locate`). The
dateline itself is read by the one dateline parser, :func:`transforms.text.read_dateline`.
"""

from __future__ import annotations

import dataclasses

from transforms.core.records import Sentence
from transforms.events.gazetteer import Place, gazetteer
from transforms.text import read_dateline

#: A dateline opens a paragraph among the first sentences of the article.
MAX_DATELINE_SENTENCE = 3


def without_dateline(text: str, sent: Sentence) -> Sentence:
    """The sentence without a leading news dateline when it opens a paragraph near the top of
    the article (``sent`` itself when it has none); offsets stay relative to the text."""
    if sent.index > MAX_DATELINE_SENTENCE or (sent.start > 0 and text[sent.start - 1:sent.start] != "\n"):
        return sent
    k = read_dateline(sent.text).prefix_length
    if not k:
        return sent
    return dataclasses.replace(sent, text=sent.text[k:], start=sent.start + k)


def dateline_place(sent: Sentence) -> Place | None:
    """The gazetteer place of the dateline opening ``sent`` ("HANOI" -> Hanoi), else ``None``."""
    name = read_dateline(sent.text).place
    return gazetteer().lookup(name) if name else None
