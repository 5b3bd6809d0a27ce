"""Stable identifiers: one content hash for every id in the warehouse.

Every id (documents, sentences, time expressions, events, clusters, runs) is the first 32 hex
characters of the SHA-256 of its parts joined by the unit separator ``\\x1f``. The same parts
always give the same id, on any machine and in any run.
"""

from __future__ import annotations

import hashlib

SEPARATOR = "\x1f"
ID_HEX_CHARS = 32


def stable_id(*parts: object) -> str:
    """32-hex SHA-256 id of ``parts`` (each turned into ``str``) joined by ``\\x1f``."""
    payload = SEPARATOR.join(str(p) for p in parts)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]
