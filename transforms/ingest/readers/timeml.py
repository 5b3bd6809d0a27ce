"""``.tml``: a TimeML (TempEval style) document.

The ``<TEXT>`` content (inline tags removed, entities decoded), the publication date from the
``<DCT>`` ``TIMEX3`` value (or the ``TIMEX3`` with ``functionInDocument="CREATION_TIME"``), the
title from ``<TITLE>``, the id from ``<DOCID>``. Quarantine reasons of its own: "missing text"
(no ``<TEXT>`` element).

This is a small reader of its own; the TimeML parser of the evaluation
(``transforms/temporal/timeml.py``) is to become the one parser both use.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from typing import Any

from transforms.ingest.document import document_or_quarantine
from transforms.ingest.metadata import Meta
from transforms.ingest.options import HTML_HEAD_CHARS, IngestOptions
from transforms.ingest.quarantine import quarantine
from transforms.ingest.readers.base import text_reader
from transforms.ingest.readers.registry import Item, register

TAG = re.compile(r"<[^<>]{0,2000}>")  # one markup tag (bounded: junk cannot make it slow)
_TIMEX_VALUE = re.compile(r"""\bvalue\s*=\s*["']([^"']{1,64})["']""")
_TIMEX_FUNCTION = re.compile(r"""\bfunctionInDocument\s*=\s*["']CREATION_TIME["']""")
_TIMEX_TAG = re.compile(r"<TIMEX3\b[^<>]{0,1000}>")


def _between(text: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}(?:\s[^<>]*)?>", text[:HTML_HEAD_CHARS], re.I)
    if not m:
        return None
    end = re.compile(rf"</{tag}\s*>", re.I).search(text, m.end())
    return text[m.end(): end.start() if end else len(text)]


def _strip_tags(fragment: str) -> str:
    return html_lib.unescape(TAG.sub("", fragment))


def _creation_time(text: str) -> str | None:
    """The DCT value: in the ``<DCT>`` block, else the TIMEX3 marked as creation time."""
    m = _TIMEX_VALUE.search(_between(text, "DCT") or "")
    if m:
        return m.group(1)
    for tm in _TIMEX_TAG.finditer(text[:HTML_HEAD_CHARS]):
        if _TIMEX_FUNCTION.search(tm.group(0)):
            vm = _TIMEX_VALUE.search(tm.group(0))
            return vm.group(1) if vm else None
    return None


def parse_timeml(text: str) -> dict[str, Any]:
    """text, dct (ISO string or None), title, docid of a TimeML document (a small reader)."""
    body = _between(text, "TEXT")
    title = _between(text, "TITLE")
    docid = _between(text, "DOCID")
    return {"text": None if body is None else _strip_tags(body).strip("\n"),
            "dct": _creation_time(text), "title": _strip_tags(title).strip() if title else None,
            "docid": _strip_tags(docid).strip() if docid else None}


def timeml_items(text: str, options: IngestOptions, ip: str, meta: Meta | None) -> Iterator[Item]:
    """The one record of a TimeML document (``meta``, e.g. a sidecar, wins over the DCT and title)."""
    parsed = parse_timeml(text)
    if parsed["text"] is None:
        yield quarantine(ip, "", "missing text", "TimeML file has no <TEXT> element", text)
        return
    tml_meta = {"published": parsed["dct"], "title": parsed["title"], "id": parsed["docid"]}
    merged = {**{k: v for k, v in tml_meta.items() if v}, **(meta or {})}
    yield document_or_quarantine(parsed["text"], merged, options, ip, "", text)


@register(".tml")
@text_reader
def read_timeml(_raw: bytes, text: str, meta: Meta | None, options: IngestOptions, ip: str) -> Iterator[Item]:
    """The document of a ``.tml`` file."""
    yield from timeml_items(text, options, ip, meta)
