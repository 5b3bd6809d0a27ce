"""Text: the normalised form of an article, its sentences and its news dateline.

* :mod:`transforms.text.normalise` — :func:`normalise_text` (every offset refers to its output);
* :mod:`transforms.text.sentences` — :func:`split_sentences` (-> ``Sentence`` records, repeats
  marked) and :func:`sentence_index_at`;
* :mod:`transforms.text.dateline` — :func:`read_dateline`, the one news-dateline parser
  (place, date, agency, prefix length), and its views for callers.
"""

from transforms.text.dateline import (
    Dateline,
    dateline_agency,
    dateline_place_name,
    dateline_prefix_length,
    read_dateline,
)
from transforms.text.normalise import normalise_text
from transforms.text.sentences import sentence_index_at, split_sentences

__all__ = [
    "Dateline",
    "dateline_agency",
    "dateline_place_name",
    "dateline_prefix_length",
    "normalise_text",
    "read_dateline",
    "sentence_index_at",
    "split_sentences",
]
