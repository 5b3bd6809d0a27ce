"""RSS / Atom (``.xml``, ``.rss``, ``.atom``): one document per feed entry, read with feedparser.

The entry's longest ``content`` (else ``summary``/``description``, HTML turned into text); its
``published`` (else ``updated``) date; ``title``, ``link``; the feed's title as source. Locator
``entry:N``. A year-less dateline takes the feed's year. An ``.xml`` file that is TimeML is read
as TimeML. Quarantine reasons of its own: "unsupported format" (an ``.xml`` that is no feed),
"broken feed" (malformed XML), "empty feed" (no entries), "missing text" (an entry without
content or summary), "binary content".
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from transforms.ingest.decode import binary_reason
from transforms.ingest.document import document_or_quarantine
from transforms.ingest.options import FILE_HEAD_BYTES, UTC, IngestOptions
from transforms.ingest.published import Container
from transforms.ingest.quarantine import quarantine
from transforms.ingest.readers.registry import Item, register
from transforms.ingest.readers.timeml import read_timeml

TAG = re.compile(r"<[^<>]{0,2000}>")  # one markup tag (bounded: junk cannot make it slow)

_BLOCK_END = re.compile(r"(?i)<(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")
MAX_PARSER_ERROR_CHARS = 150


def html_fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (feed content), paragraph breaks kept."""
    if "<" not in fragment and "&" not in fragment:
        return fragment
    text = _BLOCK_END.sub("\n", fragment)
    text = TAG.sub("", text)
    return html_lib.unescape(text)


def _struct_to_iso(value: Any) -> str | None:
    if not value:
        return None
    try:
        return dt.datetime(*value[:6]).replace(tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def _entry_item(n: int, entry: Any, feed: Any, container: Container, options: IngestOptions, ip: str) -> Item:
    """The document or quarantine record of entry ``n``."""
    locator = f"entry:{n}"
    content = ""
    if entry.get("content"):
        content = max((c.get("value") or "" for c in entry.content), key=len)
    if not content.strip():
        content = entry.get("summary") or entry.get("description") or ""
    published = _struct_to_iso(entry.get("published_parsed") or entry.get("updated_parsed"))
    if published is None:
        published = entry.get("published") or entry.get("updated")  # unparseable: reported
    meta = {"published": published, "title": entry.get("title"), "url": entry.get("link"),
            "source": feed.get("title"), "language_hint": entry.get("language") or feed.get("language"),
            "id": entry.get("id")}
    excerpt = f"{entry.get('id') or entry.get('link') or ''} {entry.get('title') or ''}".strip()
    if not content.strip():
        return quarantine(ip, locator, "missing text", f"entry {n} has no content or summary", excerpt)
    return document_or_quarantine(html_fragment_text(content), meta, options, ip, locator, excerpt or content,
                                  container)


@register(".xml", ".rss", ".atom")
def read_feed(path: Path, options: IngestOptions, ip: str) -> Iterator[Item]:
    """One record per entry (or the TimeML document of an ``.xml`` file that is TimeML)."""
    raw = path.read_bytes()
    why = binary_reason(raw)
    if why:
        yield quarantine(ip, "", "binary content", why, raw)
        return
    head = raw[:FILE_HEAD_BYTES].decode("utf-8", "replace")
    if "<TimeML" in head or "<timeml" in head.lower():
        yield from read_timeml(path, options, ip)
        return
    import feedparser

    parsed = feedparser.parse(raw, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version"):
        detail = "not an RSS or Atom feed"
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            detail += f" ({str(parsed.bozo_exception)[:MAX_PARSER_ERROR_CHARS]})"
        yield quarantine(ip, "", "unsupported format" if not parsed.get("bozo") else "broken feed", detail, raw)
        return
    feed = parsed.feed
    feed_date = _struct_to_iso(feed.get("updated_parsed") or feed.get("published_parsed"))
    container = Container(year=int(feed_date[:4]) if feed_date else None)
    if not parsed.entries:
        yield quarantine(ip, "", "empty feed", "the feed has no entries", raw)
        return
    for n, entry in enumerate(parsed.entries, 1):
        yield _entry_item(n, entry, feed, container, options, ip)
