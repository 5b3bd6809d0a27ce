"""Bytes to text: binary detection and character-set decoding of input files and HTTP bodies.

Binary signatures and the Western code pages live in ``seeds/reference/ingest/``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.core.refdata import read_tsv, read_words
from transforms.ingest.options import BINARY_SAMPLE_BYTES
from transforms.ingest.reject import Reject

_CONTROL_BYTES = set(range(0, 9)) | {11} | set(range(14, 32)) | {127}
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
MAX_CONTROL_SHARE = 0.05  # more control bytes than this share of the sample: binary
CHAOS_TOLERANCE = 0.01  # a Western code page is preferred when this close to the best fit
_CHARSET = re.compile(r"charset=([\w.:-]+)")


@lru_cache(maxsize=1)
def _binary_signatures() -> tuple[tuple[bytes, str], ...]:
    """(leading bytes, what they are) of known binary formats."""
    return tuple((bytes.fromhex(row["magic"]), row["what"])
                 for row in read_tsv("ingest", "binary_signatures.tsv"))


def binary_reason(data: bytes) -> str | None:
    """A readable description when ``data`` looks binary, else ``None``."""
    sample = data[:BINARY_SAMPLE_BYTES]
    if sample.startswith(_BOMS_UTF16):
        return None  # UTF-16 with a byte order mark: text
    for magic, what in _binary_signatures():
        if sample.startswith(magic):
            return f"looks like {what}"
    if b"\x00" in sample:
        return "contains NUL bytes"
    if sample:
        controls = sum(1 for b in sample if b in _CONTROL_BYTES)
        if controls / len(sample) > MAX_CONTROL_SHARE:
            return f"{controls} of the first {len(sample)} bytes are control characters"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text: UTF-8 (with or without BOM), UTF-16 with a BOM, else charset detection.

    Returns ``(text, encoding)``; raises ``Reject("undecodable", ...)``.
    """
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    if data.startswith(_BOMS_UTF16):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise Reject("undecodable", f"not UTF-8 (byte {first_error.start}: "
                     f"{data[first_error.start:first_error.start + 1]!r}) and no character set fits")
    least_chaos = min(m.chaos for m in matches)
    # Many code pages fit Western text equally well; for news in Latin script prefer the
    # common Windows-1252 / Latin-1 reading when it fits as well as the best candidate.
    western = read_words("ingest", "western_encodings.txt")
    for m in matches:
        if m.encoding in western and m.chaos <= least_chaos + CHAOS_TOLERANCE:
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                return data.decode("latin-1"), "latin-1"
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    return str(best), best.encoding


def decode_http_body(body: bytes, content_type: str) -> str:
    """An HTTP response body as text: its declared charset when that works, else :func:`decode_bytes`."""
    why = binary_reason(body)
    if why:
        raise Reject("binary content", why)
    m = _CHARSET.search(content_type)
    if m:
        try:
            return body.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(body)[0]
