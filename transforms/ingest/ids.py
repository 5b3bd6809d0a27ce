"""A document's identity: its id (the text) and its content hash (the text and row-shaping metadata).

Both are :func:`transforms.core.ids.stable_id` values, so they match every other id in the warehouse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from transforms.core.ids import stable_id

_WS = re.compile(r"\s+")


def doc_id(text: str) -> str:
    """Stable document id: hash of the text with whitespace collapsed (32 hex chars)."""
    return stable_id(_WS.sub(" ", text).strip())


def content_hash(text: str, meta: Mapping[str, object] | None = None) -> str:
    """Hash of the text plus the metadata that shapes rows (a change means reprocess)."""
    values = meta or {}
    return stable_id(text, *(f"{key}={'' if values[key] is None else values[key]}" for key in sorted(values)))
