"""``.html`` / ``.htm``: a saved web page; its main text via trafilatura, its metadata from the page.

Publication date from the page's explicit metadata: ``<meta>`` keys
(``seeds/reference/ingest/html_metadata.yaml``, in order of trust), then JSON-LD
``datePublished``, then ``<time datetime>``; a page with none of them (and no sidecar date) is
dated by htmldate (:mod:`transforms.ingest.pagedate`, ``published_source = htmldate``); title from ``og:title``, JSON-LD
``headline``, ``<title>``; URL from ``og:url``, else ``<link rel="canonical">``; source from
``og:site_name``; ``<html lang>`` is only a language hint. Web archives read their pages here too.
Quarantine reasons of its own: "empty text" (no main text found), "nesting too deep" (elements
nested deeper than the HTML parser reads).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from typing import Any

from transforms.core.refdata import read_yaml
from transforms.ingest.document import document_or_quarantine
from transforms.ingest.metadata import Meta, clean_str
from transforms.ingest.options import HTML_HEAD_CHARS, HTML_MAX_DEPTH, IngestOptions
from transforms.ingest.pagedate import htmldate_day
from transforms.ingest.published import NO_CONTAINER, Container, parse_published, stated_day
from transforms.ingest.quarantine import quarantine
from transforms.ingest.readers.base import text_reader
from transforms.ingest.readers.registry import Item, register
from transforms.ingest.reject import Reject

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
MAX_JSON_DEPTH = 6  # JSON-LD is searched this deep ...
MAX_JSON_LIST = 100  # ... and this far into each list


def _date_keys() -> list[str]:
    return list(read_yaml("ingest", "html_metadata.yaml")["date_keys"])


def _walk_json(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > MAX_JSON_DEPTH:
        return
    if isinstance(data, dict):
        yield data
        for v in data.values():
            if isinstance(v, dict | list):
                yield from _walk_json(v, depth + 1)
    elif isinstance(data, list):
        for v in data[:MAX_JSON_LIST]:
            yield from _walk_json(v, depth + 1)


def _meta_properties(tree: Any) -> dict[str, str]:
    """``<meta>`` property/name/itemprop -> content (lower-cased keys, the first one wins)."""
    props: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = el.get("content")
        if key and value and key not in props:
            props[key] = value.strip()
    return props


def _json_ld(tree: Any, dates: list[Any], meta: Meta) -> None:
    """Add JSON-LD ``datePublished`` values to ``dates`` and the first ``headline`` as ``ld_title``."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for obj in _walk_json(data):
            if obj.get("datePublished"):
                dates.append(obj["datePublished"])
            if not meta.get("ld_title") and obj.get("headline"):
                meta["ld_title"] = clean_str(obj.get("headline"))


def _page_dates(tree: Any, props: dict[str, str], meta: Meta) -> list[Any]:
    """Candidate publication dates, in order of trust."""
    dates: list[Any] = [props[k] for k in _date_keys() if props.get(k)]
    _json_ld(tree, dates, meta)
    for el in tree.iter("time"):
        if el.get("datetime") and ("pubdate" in el.attrib or el.get("itemprop") == "datePublished"):
            dates.append(el.get("datetime"))
    for el in tree.iter("time"):
        if el.get("datetime"):
            dates.append(el.get("datetime"))
            break
    return dates


def _canonical_url(tree: Any, props: dict[str, str]) -> str | None:
    url = props.get("og:url")
    if not url:
        for link in tree.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                return str(link.get("href"))
    return url


def html_metadata(page: str) -> Meta:
    """published, title, url, source, language from a page's metadata (no guessing from text).

    Raises ``Reject("nesting too deep")`` when the page nests elements deeper than the parser
    reads (libxml2 stops at 255 levels: the rest of the page would be lost)."""
    from lxml import html as lxml_html

    meta: Meta = {}
    head = _XML_DECLARATION.sub("", page[:HTML_HEAD_CHARS])
    parser = lxml_html.HTMLParser()
    try:
        tree = lxml_html.fromstring(head, parser=parser)
    except Exception:  # lxml raises several types on junk; metadata is then just missing
        return meta
    if any("depth" in e.message.lower() for e in parser.error_log):
        raise Reject("nesting too deep", "elements nest deeper than the HTML parser's limit of "
                     f"{HTML_MAX_DEPTH} levels; it stops there, so the page's text cannot be read whole")
    props = _meta_properties(tree)
    for value in _page_dates(tree, props, meta):  # page metadata is noisy: unreadable values are skipped
        if parse_published(value) is not None:
            meta["published"] = value
            break
    title_el = tree.find(".//title")
    meta["title"] = (props.get("og:title") or meta.pop("ld_title", None)
                     or (title_el.text_content().strip() if title_el is not None else None))
    meta.pop("ld_title", None)
    meta["url"] = _canonical_url(tree, props)
    meta["source"] = props.get("og:site_name")
    html_el = tree if tree.tag == "html" else tree.getroottree().getroot()
    meta["language_hint"] = html_el.get("lang") if html_el is not None else None
    return {k: v for k, v in meta.items() if v}


def html_main_text(page: str) -> str | None:
    """The main text of a page (navigation, footers, ads removed), via trafilatura."""
    import trafilatura

    page = _XML_DECLARATION.sub("", page)
    kwargs: dict[str, Any] = {"include_comments": False, "include_tables": False, "deduplicate": False,
                              "output_format": "txt"}
    text = trafilatura.extract(page, **kwargs)
    if not text:
        text = trafilatura.extract(page, favor_recall=True, **kwargs)
    return str(text) if text else text


def html_item(page: str, options: IngestOptions, ip: str, locator: str, extra: Meta | None = None,
              container: Container = NO_CONTAINER) -> Item:
    """The record of one page; ``extra`` (a sidecar, a WARC record's URL) wins over page metadata."""
    try:
        meta = html_metadata(page)
        if extra:
            meta.update({k: v for k, v in extra.items() if v})
        text = html_main_text(page)
        if text and (not meta.get("published") or stated_day(meta["published"]) is None):
            # no explicit date, or one in UTC: the day the page shows dates it, or picks its local day
            container = dataclasses.replace(container, page_date=htmldate_day(page, meta.get("url"), options))
    except Reject as r:
        return quarantine(ip, locator, r.reason, r.detail, page)
    if not text:
        return quarantine(ip, locator, "empty text", "no main text found in the HTML page", page)
    return document_or_quarantine(text, meta, options, ip, locator, page, container)


@register(".html", ".htm")
@text_reader
def read_html(_raw: bytes, page: str, sidecar: Meta | None, options: IngestOptions, ip: str) -> Iterator[Item]:
    """The document of a saved page."""
    yield html_item(page, options, ip, "", sidecar)
