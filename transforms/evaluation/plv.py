"""Scoring coded events against PLV-format gold: one TSV row per sentence and actor pair.

The gold file is tab-separated with a header (``#`` lines before it are comments); the columns used are an id (``uid``, else
``sentence_id``, else ``id``), ``sentence``, ``gold_root`` (the PLOVER root type), ``source`` and
``target`` (the actors' text spans). Rows of the same sentence (several actor pairs) share its
coded output. The system file is the JSONL that ``dateline events code`` writes
(``{"id", "events": [{"type", "source": [{"text", ...}], "target": [...]}, ...]}``); its ids are
the ones :func:`to_jsonl` gives the sentences.

Per gold row (``score``):

* ``type_acc`` — an event of the gold root type was emitted for the sentence (YIELD counts as
  CONCEDE or RETREAT, ``seeds/reference/evaluation/plv.yaml``);
* ``source_acc`` / ``target_acc`` — such an event has a source (target) actor whose text
  shares a content word with the gold span (function words, ``evaluation/en/stop_words.txt``,
  do not count);
* ``dyad_acc`` — one such event has both;

and over the emitted events, ``precision``: events whose type is among the sentence's gold
types / events emitted. Percentages, rounded to 0.1, with the counts.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

from transforms.core.ids import stable_id
from transforms.core.refdata import read_words, read_yaml
from transforms.evaluation.jsonl import events_by_id

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['.\-][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class GoldRow:
    """One PLV row: a sentence, its gold root type and one actor pair."""

    row_id: str
    sentence_id: str
    sentence: str
    gold_root: str
    source: str
    target: str


def is_plv(path: str | Path) -> bool:
    """Is ``path`` a PLV TSV (by suffix, else by a header naming ``gold_root`` and ``sentence``)?"""
    p = Path(path)
    if p.suffix.lower() in (".tsv", ".tab"):
        return True
    if p.suffix.lower() in (".json", ".jsonl"):
        return False
    with open(p, encoding="utf-8", errors="replace") as f:
        head = f.readline()
    cols = head.rstrip("\n").split("\t")
    return "gold_root" in cols and "sentence" in cols


def read_gold(path: str | Path) -> list[GoldRow]:
    """The rows of a PLV TSV; a missing required column is a ValueError naming it."""
    id_cols = read_yaml("evaluation", "plv.yaml")["id_columns"]
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")
        cols = reader.fieldnames or []
        missing = [c for c in ("sentence", "gold_root", "source", "target") if c not in cols]
        if missing:
            raise ValueError(f"{path}: not a PLV file, missing column(s) {', '.join(missing)}")
        id_col = next((c for c in id_cols if c in cols), None)
        rows = list(reader)
    sentence_ids: dict[str, str] = {}
    out = []
    for no, r in enumerate(rows, 2):
        text = (r.get("sentence") or "").strip()
        if not text:
            continue
        row_id = (r.get(id_col) or "").strip() if id_col else ""
        row_id = row_id or f"line{no}"
        sid = sentence_ids.setdefault(text, row_id if id_col else stable_id("plv", text))
        out.append(GoldRow(row_id, sid, text, (r.get("gold_root") or "").strip().upper(),
                           (r.get("source") or "").strip(), (r.get("target") or "").strip()))
    return out


def to_jsonl(gold: str | Path | list[GoldRow], out_jsonl: str | Path) -> int:
    """Write each gold sentence once as coder input (``{"id", "text"}``); returns the count."""
    rows = read_gold(gold) if not isinstance(gold, list) else gold
    seen: set[str] = set()
    n = 0
    with open(out_jsonl, "w", encoding="utf-8") as out:
        for r in rows:
            if r.sentence_id in seen:
                continue
            seen.add(r.sentence_id)
            out.write(json.dumps({"id": r.sentence_id, "text": r.sentence}, ensure_ascii=False) + "\n")
            n += 1
    return n


def content_words(text: str | None) -> set[str]:
    """Lower-case words of ``text`` without function words and possessive endings; dots inside
    acronyms go ("U.S." and "US" are the same word, "us" is a function word)."""
    if not text:
        return set()
    stop = read_words("evaluation", "en", "stop_words.txt")
    out = set()
    for tok in _TOKEN.findall(text):
        if tok.lower().endswith("'s"):
            tok = tok[:-2]
        key = tok.lower().replace(".", "")
        acronym = tok.isupper() or "." in tok
        if key and (acronym or key not in stop):
            out.add(key)
    return out


def accepted_types(gold_root: str) -> set[str]:
    """System types that count for a gold root type."""
    accepts = read_yaml("evaluation", "plv.yaml")["accepts"]
    return {gold_root, *accepts.get(gold_root, [])}


def _side_matches(event: dict, side: str, gold_words: set[str]) -> bool:
    return any(content_words(a.get("text")) & gold_words for a in event.get(side) or [])


def _pct(a: int, b: int) -> float:
    return round(100.0 * a / b, 1) if b else 0.0


def score(gold_tsv: str | Path, system_jsonl: str | Path) -> dict:
    """The PLV metrics of ``system_jsonl`` against ``gold_tsv`` (see the module docstring)."""
    rows = read_gold(gold_tsv)
    system = events_by_id(system_jsonl)
    counts = {"type": 0, "source": 0, "target": 0, "dyad": 0}
    per_type: dict[str, dict[str, int]] = {}
    gold_types: dict[str, set[str]] = {}
    for r in rows:
        gold_types.setdefault(r.sentence_id, set()).update(accepted_types(r.gold_root))
        events = system.get(r.sentence_id) or system.get(r.row_id) or []
        same = [e for e in events if e.get("type") in accepted_types(r.gold_root)]
        src, tgt = content_words(r.source), content_words(r.target)
        ok = {"type": bool(same),
              "source": any(_side_matches(e, "source", src) for e in same),
              "target": any(_side_matches(e, "target", tgt) for e in same),
              "dyad": any(_side_matches(e, "source", src) and _side_matches(e, "target", tgt) for e in same)}
        pt = per_type.setdefault(r.gold_root, {"n": 0, "type": 0, "dyad": 0})
        pt["n"] += 1
        pt["type"] += ok["type"]
        pt["dyad"] += ok["dyad"]
        for k, v in ok.items():
            counts[k] += v
    emitted = right = 0
    emitted_types: dict[str, int] = {}
    for sid, types in gold_types.items():
        events = system.get(sid) or []
        emitted += len(events)
        right += sum(e.get("type") in types for e in events)
        for e in events:
            emitted_types[str(e.get("type"))] = emitted_types.get(str(e.get("type")), 0) + 1
    n = len(rows)
    return {"rows": n, "sentences": len(gold_types),
            "type_acc": _pct(counts["type"], n), "source_acc": _pct(counts["source"], n),
            "target_acc": _pct(counts["target"], n), "dyad_acc": _pct(counts["dyad"], n),
            "precision": _pct(right, emitted),
            "type_correct": counts["type"], "source_correct": counts["source"],
            "target_correct": counts["target"], "dyad_correct": counts["dyad"],
            "events_emitted": emitted, "events_right_type": right,
            "per_type": per_type, "emitted_types": emitted_types}
