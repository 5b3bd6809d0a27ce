"""Readers of the public TIMEX3 gold in other languages: one :class:`GoldDoc` per document.

Formats (``--format`` of ``dateline timeml score-language``):

* ``tml``: a folder of ISO-TimeML ``.tml`` files (FR-TimeBank), read by
  :func:`transforms.temporal.timeml.parse_tml`; the key of a document is its file name;
* ``bio``: one BIO TSV file (the Spanish TimeBank and MEANTIME of TEI2GO): a line
  ``*!-DCTVALUE="YYYY-MM-DD"-!*`` opens each document, then ``token<TAB>B-TYPE|I-TYPE|O<TAB>value``
  lines, a blank line between sentences; the text is the tokens joined by spaces (a line break
  between sentences), the key its first 200 characters;
* ``tempeval1``: a folder of TempEval-1 TimeML files (TimeBankPT): the DCT is the TIMEX3 with
  ``functionInDocument="CREATION_TIME"``, the text what follows it with the tags removed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from transforms.temporal.timeml import TimeMLTimex, parse_tml

FORMATS = ("tml", "bio", "tempeval1")
BIO_DOC_START = '*!-DCTVALUE="'
KEY_CHARS = 200
_CREATION = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>')
_VALUE = re.compile(r'value="(\d{4}-\d{2}-\d{2})')
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldDoc:
    """A gold document: its key (for the dev split), text, DCT and gold time expressions."""

    key: str
    text: str
    dct: dt.date
    timexes: list[TimeMLTimex] = field(default_factory=list)


def read_tml(folder: Path) -> Iterator[GoldDoc]:
    for p in sorted(folder.rglob("*.tml")):
        d = parse_tml(p)
        if d.dct is not None:
            yield GoldDoc(p.name, d.text, d.dct, list(d.timexes))


def _bio_doc(chunk: str) -> GoldDoc:
    dct = dt.date.fromisoformat(chunk[:10])
    text, gold = "", []
    cur: dict[str, object] | None = None
    for line in chunk.split("\n")[1:]:
        if not line.strip():
            text += "\n"
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        token, label, value = parts[0], parts[1], parts[2]
        if text and not text.endswith("\n"):
            text += " "
        start = len(text)
        text += token
        if label.startswith("B-"):
            cur = {"start": start, "end": len(text), "type": label[2:], "value": value}
            gold.append(cur)
        elif label.startswith("I-") and cur is not None:
            cur["end"] = len(text)
        else:
            cur = None
    timexes = [TimeMLTimex(int(str(g["start"])), int(str(g["end"])), text[int(str(g["start"])):int(str(g["end"]))],
                           str(g["type"]), str(g["value"])) for g in gold]
    return GoldDoc(text[:KEY_CHARS], text, dct, timexes)


def read_bio(path: Path) -> Iterator[GoldDoc]:
    for chunk in path.read_text(encoding="utf-8").split(BIO_DOC_START)[1:]:
        yield _bio_doc(chunk)


def _tempeval1_doc(name: str, src: str) -> GoldDoc | None:
    m = _CREATION.search(src)
    value = _VALUE.search(m.group(0)) if m else None
    if not m or not value:
        return None
    body = src[src.find("</TIMEX3>", m.end()) + len("</TIMEX3>"):]
    text, gold, stack, pos = "", [], [], 0
    for t in _TAG.finditer(body):
        text += body[pos:t.start()]
        pos = t.end()
        if t.group(2) != "TIMEX3":
            continue
        if not t.group(1):
            stack.append((len(text), dict(_ATTR.findall(t.group(3)))))
        elif stack:
            start, attrs = stack.pop()
            gold.append(TimeMLTimex(start, len(text), text[start:], attrs.get("type"), attrs.get("value")))
    text += body[pos:]
    timexes = [TimeMLTimex(g.start, g.end, text[g.start:g.end], g.type, g.value) for g in gold]
    return GoldDoc(name, text, dt.date.fromisoformat(value.group(1)), timexes)


def read_tempeval1(folder: Path) -> Iterator[GoldDoc]:
    for p in sorted(folder.rglob("*.tml")):
        doc = _tempeval1_doc(p.name, p.read_text(encoding="utf-8"))
        if doc is not None:
            yield doc


def read_gold(path: Path, fmt: str) -> list[GoldDoc]:
    """The documents of a gold corpus in format ``fmt`` (one of :data:`FORMATS`)."""
    readers = {"tml": read_tml, "bio": read_bio, "tempeval1": read_tempeval1}
    if fmt not in readers:
        raise ValueError(f"unknown gold format {fmt!r}; one of {', '.join(FORMATS)}")
    return list(readers[fmt](path))
