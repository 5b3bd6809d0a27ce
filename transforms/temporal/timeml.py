"""TimeML I/O: the one TimeML reader, and the writer of TimeML annotated by :func:`tag`.

* :func:`parse_tml` reads a TempEval-3 style ``.tml`` document into a :class:`TimeMLDoc`: the
  ``<TEXT>`` content as plain (unescaped) text, the DCT, title, docid and the TIMEX3 of the
  file with offsets into that text.
* :func:`annotate_text` re-annotates a document with :func:`transforms.temporal.tagger.tag`:
  TIMEX3/EVENT/SIGNAL tags inside ``<TEXT>`` are removed, ours inserted; everything outside
  ``<TEXT>`` (DCT, MAKEINSTANCE, TLINK ...) is kept byte for byte and the text between tags
  keeps the source's own escaping. An offset counted forward from an earlier time ("three
  days later") is written the TimeML way, as the duration alone (:func:`timeml_reading`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from transforms.core.records import Timex
from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.tagger import tag

_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TEXT_OPEN, _TEXT_CLOSE = "<TEXT>", "</TEXT>"
_TAG_RE = re.compile(r"<(/?)([A-Za-z][\w:-]*)([^<>]*?)(/?)>")
_SPLIT_RE = re.compile(r"(<(/?)([A-Za-z][\w:-]*)[^<>]*?/?>)")  # _TAG_RE for re.split: raw, "/", name
_STRIP_TAG_RE = re.compile(r"</?(?:TIMEX3|EVENT|SIGNAL)(?![\w:-])[^<>]*?/?>")  # _TAG_RE for _STRIP_TAGS
_ENT_RE = re.compile(r"&(#x[0-9a-fA-F]+|#\d+|\w+);")
_ATTR_RE = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_DCT_RE = re.compile(r"<DCT>(.*?)</DCT>", re.S)
_DOCID_RE = re.compile(r"<DOCID>(.*?)</DOCID>", re.S)
_TITLE_RE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_CREATION_TIMEX_RE = re.compile(r"<TIMEX3\b[^<>]*\bfunctionInDocument\s*=\s*\"CREATION_TIME\"[^<>]*>")
_STRIP_TAGS = {"TIMEX3", "EVENT", "SIGNAL"}
MAX_PATH_CHARS = 4096


@dataclass(frozen=True, slots=True)
class TimeMLTimex:
    """A TIMEX3 of a TimeML file, with offsets into :attr:`TimeMLDoc.text`."""

    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    mod: str | None = None
    tid: str | None = None


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """A parsed TimeML document."""

    text: str  # the unescaped <TEXT> content ("" when there is none)
    dct: dt.date | None
    title: str | None
    docid: str | None
    timexes: list[TimeMLTimex] = field(default_factory=list)
    has_text: bool = True  # False: the file has no <TEXT> element
    dct_value: str | None = None  # the DCT's value attribute as written (else a CREATION_TIME TIMEX3's)


class _Text(NamedTuple):
    raw: str
    plain_start: int


class _Tag(NamedTuple):
    raw: str
    name: str
    attrs: str
    closing: bool
    selfclosing: bool
    plain_pos: int


def _read(path_or_text: str | Path) -> str:
    if isinstance(path_or_text, Path):
        return path_or_text.read_text(encoding="utf-8")
    s = str(path_or_text)
    if "<" not in s and len(s) < MAX_PATH_CHARS and Path(s).exists():
        return Path(s).read_text(encoding="utf-8")
    return s


def _unescape_segment(raw: str) -> tuple[str, list[int] | None]:
    """Unescaped text and, for each of its chars (plus the end), the offset in ``raw``
    (``None`` when the segment has no entity: offsets are the identity)."""
    if "&" not in raw:
        return raw, None
    out: list[str] = []
    pos: list[int] = []
    i = 0
    for m in _ENT_RE.finditer(raw):
        for j in range(i, m.start()):
            out.append(raw[j])
            pos.append(j)
        for ch in html.unescape(m.group(0)):
            out.append(ch)
            pos.append(m.start())
        i = m.end()
    for j in range(i, len(raw)):
        out.append(raw[j])
        pos.append(j)
    pos.append(len(raw))
    return "".join(out), pos


def _walk_text(raw: str) -> tuple[str, list[_Text | _Tag]]:
    """Split raw TEXT content into text pieces and tags: (plain text, pieces)."""
    pieces: list[_Text | _Tag] = []
    plain: list[str] = []
    n = 0
    i = 0
    for m in _TAG_RE.finditer(raw):
        if m.start() > i:
            seg = raw[i:m.start()]
            txt, _ = _unescape_segment(seg)
            pieces.append(_Text(seg, n))
            plain.append(txt)
            n += len(txt)
        pieces.append(_Tag(m.group(0), m.group(2), m.group(3), m.group(1) == "/", m.group(4) == "/", n))
        i = m.end()
    if i < len(raw):
        seg = raw[i:]
        txt, _ = _unescape_segment(seg)
        pieces.append(_Text(seg, n))
        plain.append(txt)
        n += len(txt)
    return "".join(plain), pieces


def _parse_date(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _dct_value(src: str) -> str | None:
    """The DCT's ``value`` attribute as written, else that of a CREATION_TIME TIMEX3."""
    dm = _DCT_RE.search(src)
    cm = _CREATION_TIMEX_RE.search(src)
    for block in (dm.group(1) if dm else "", cm.group(0) if cm else ""):
        for a in _ATTR_RE.finditer(block):
            if a.group(1) == "value":
                return a.group(2)
    return None


def _dct_of(src: str) -> dt.date | None:
    dct = None
    dm = _DCT_RE.search(src)
    if dm:
        for a in _ATTR_RE.finditer(dm.group(1)):
            if a.group(1) == "value":
                dct = _parse_date(a.group(2))
                break
        if dct is None:
            dct = _parse_date(re.sub(r"<[^>]*>", "", dm.group(1)).strip())
    return dct


def _timexes(text: str, pieces: list[_Text | _Tag]) -> list[TimeMLTimex]:
    out: list[TimeMLTimex] = []
    stack: list[tuple[int, dict[str, str]]] = []
    for p in pieces:
        if not isinstance(p, _Tag) or p.name != "TIMEX3" or p.selfclosing:
            continue
        if not p.closing:
            stack.append((p.plain_pos, dict(_ATTR_RE.findall(p.attrs))))
        elif stack:
            start, a = stack.pop()
            out.append(TimeMLTimex(start, p.plain_pos, text[start:p.plain_pos], a.get("type"), a.get("value"),
                                   a.get("mod"), a.get("tid")))
    out.sort(key=lambda t: (t.start, t.end))
    return out


def _inline(m: re.Match[str] | None) -> str | None:
    return html.unescape(re.sub(r"<[^>]*>", "", m.group(1))).strip() if m else None


def parse_tml(path_or_text: str | Path) -> TimeMLDoc:
    """Parse a TimeML document (a path, or the document itself)."""
    return parse_tml_text(_read(path_or_text))


def parse_tml_text(src: str) -> TimeMLDoc:
    """Parse the text of a TimeML document (never read as a path: input files use this)."""
    tm = _TEXT_RE.search(src)
    text, pieces = _walk_text(tm.group(1) if tm else "")
    docid = _DOCID_RE.search(src)
    return TimeMLDoc(
        text=text, dct=_dct_of(src), title=_inline(_TITLE_RE.search(src)),
        docid=html.unescape(docid.group(1).strip()) if docid else None,
        timexes=_timexes(text, pieces), has_text=tm is not None, dct_value=_dct_value(src),
    )


OFFSET_RULE = "offset"


@lru_cache(maxsize=1)
def _forward_offset_rx() -> re.Pattern[str]:
    words = "|".join(sorted(load_lexicon().relations.timeml_duration_directions, key=len, reverse=True))
    return re.compile(rf"\s+(?:or\s+so\s+)?(?:{words})$", re.IGNORECASE)


def timeml_reading(t: Timex, text: str, dct: dt.date) -> Timex:
    """The TIMEX3 to write for ``t``: an offset counted forward from an earlier time ("three days
    later", "a week after,") becomes the DURATION of its number and unit ("three days", ``P3D``),
    as TimeML annotates it; any other expression is written as tagged."""
    if t.rule != OFFSET_RULE:
        return t
    m = _forward_offset_rx().search(t.text)
    if not m:
        return t
    span = text[t.start:t.start + m.start()]
    durs = [d for d in tag(span, dct) if d.timex_type == "DURATION" and d.end == len(span)]
    if not durs:
        return t
    d = durs[-1]
    return dataclasses.replace(t, start=t.start + d.start, end=t.start + d.end, text=d.text,
                               timex_type="DURATION", value=d.value, mod=d.mod, granularity=None,
                               date_start=None, date_end=None, anchor=None, rule=d.rule)


def _tagged(text: str, dct: dt.date) -> list[Timex]:
    return [timeml_reading(t, text, dct) for t in tag(text, dct) if t.end > t.start]


def _timex_open(i: int, t: Timex) -> str:
    attrs = [f'tid="t{i}"', f'type="{t.timex_type}"', f'value="{html.escape(str(t.value), quote=True)}"']
    if t.mod:
        attrs.append(f'mod="{t.mod}"')
    return "<TIMEX3 " + " ".join(attrs) + ">"


def _inserts(timexes: list[Timex], kept: list[tuple[int, str]]) -> dict[int, list[str]]:
    """Plain-text offset -> tags to write there (closings before openings, then kept tags)."""
    inserts: dict[int, list[str]] = {}
    for i, t in enumerate(timexes, start=1):
        inserts.setdefault(t.start, []).append(_timex_open(i, t))
        inserts.setdefault(t.end, []).insert(0, "</TIMEX3>")
    for k, v in inserts.items():
        inserts[k] = [x for x in v if x.startswith("</")] + [x for x in v if not x.startswith("</")]
    for pos, tagraw in kept:
        inserts.setdefault(pos, []).append(tagraw)
    return inserts


def _split_text(raw: str) -> tuple[str, list[tuple[str, int, list[int] | None]], list[tuple[int, str]]]:
    """Raw TEXT content as (plain text, its text pieces, the tags to keep).

    A text piece is (raw segment, plain offset, raw offset of each plain char or ``None``); a
    kept tag is (plain offset, raw tag): every tag but TIMEX3/EVENT/SIGNAL. The same split as
    :func:`_walk_text` (one ``re.split`` instead of a match object per tag: TimeML files are
    mostly tags)."""
    parts = _SPLIT_RE.split(raw)
    plain: list[str] = []
    pieces: list[tuple[str, int, list[int] | None]] = []
    kept: list[tuple[int, str]] = []
    n = 0
    for i in range(0, len(parts), 4):
        seg = parts[i]
        if seg:
            txt, posmap = _unescape_segment(seg)
            pieces.append((seg, n, posmap))
            plain.append(txt)
            n += len(txt)
        if i + 3 < len(parts) and parts[i + 3] not in _STRIP_TAGS:
            kept.append((n, parts[i + 1]))
    return "".join(plain), pieces, kept


def _rebuild(pieces: list[tuple[str, int, list[int] | None]], inserts: dict[int, list[str]]) -> str:
    """The raw TEXT content with ``inserts`` written at their plain offsets."""
    buf: list[str] = []
    keys = sorted(inserts)
    k = 0  # next offset of ``keys`` to write
    for seg, start, posmap in pieces:
        end = start + (len(posmap) - 1 if posmap is not None else len(seg))
        while k < len(keys) and keys[k] < start:
            k += 1  # offsets before this piece, after the last one: written at the end (as ever)
        cur = 0
        while k < len(keys) and keys[k] <= end:
            off = keys[k]
            rp = posmap[off - start] if posmap is not None else off - start  # raw position
            buf.append(seg[cur:rp])
            cur = rp
            buf.extend(inserts[off])
            inserts[off] = []
            k += 1
        buf.append(seg[cur:])
    for off in keys:
        buf.extend(inserts[off])
    return "".join(buf)


def _write_plain(text: str, inserts: dict[int, list[str]]) -> str:
    """``text`` (its own raw form: no entity, no tag) with ``inserts`` written at their offsets."""
    buf: list[str] = []
    cur = 0
    for off in sorted(inserts):
        k = min(off, len(text))
        buf.append(text[cur:k])
        cur = k
        buf.extend(inserts[off])
    buf.append(text[cur:])
    return "".join(buf)


def annotate_text(src: str) -> str:
    """Return the TimeML document with its TEXT content re-annotated by our tagger."""
    i = src.find(_TEXT_OPEN)  # what _TEXT_RE finds, without a lazy scan of the whole text
    j = src.find(_TEXT_CLOSE, i + len(_TEXT_OPEN)) if i >= 0 else -1
    if j < 0:
        return src
    dct = _dct_of(src) or dt.date.today()
    i += len(_TEXT_OPEN)
    raw = src[i:j]
    stripped = _STRIP_TAG_RE.sub("", raw)
    if "<" not in stripped and "&" not in stripped:
        # the usual case: only TIMEX3/EVENT/SIGNAL tags, no entity; the text is its own raw form
        timexes = _tagged(stripped, dct)
        body = _write_plain(stripped, _inserts(timexes, []))
    else:
        text, pieces, kept = _split_text(raw)
        timexes = _tagged(text, dct)
        body = _rebuild(pieces, _inserts(timexes, kept))
    return src[:i] + body + src[j:]
