"""PLOVER event-coding evaluation: code JSONL sentences into events, score them against gold.

``code_file(in_jsonl, out_jsonl)``: input lines ``{"id", "text", "date"?}``; output lines
``{"id", "events": [{"type", "mode", "status", "source": [{"text", "code", "sector"}],
"target": [...], "date_value", "trigger"}]}``.

PLOVER gold records code intentions as the intention itself: "X will visit Y" is AGREE
(CAMEO 03, express intent to cooperate), "X will attack Y" THREATEN. The events table keeps the
act with ``status = future``; the coded output follows the gold convention (see
``intent_type``). ``score(gold_json, system_jsonl)`` follows the issue: type accuracy (an event
of the gold type was emitted), source / target accuracy (that event's actors include a gold
actor's code, over the sentences where that event exists, i.e. the type was found;
``*_accuracy_all`` divide by every gold record with actors instead), precision (events of a
gold type / all events emitted).

The type classes (cooperative, hostile, renamed types) are ``seeds/reference/events/plover.yaml``;
gold codes are fixed with ``seeds/reference/actors/code_fixes.tsv``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from transforms import temporal
from transforms.core.records import Actor, Event
from transforms.evaluation.jsonl import events_by_id, read_jsonl
from transforms.events.actors.lexicon import fix_code
from transforms.events.cues import cues, plover_classes
from transforms.text import split_sentences

#: Events below this confidence (subordinate clauses: relative, adverbial, prepositional
#: phrases) are left out of the coded output, which codes each sentence's main events.
MIN_CONFIDENCE = 0.75
#: A sentence with no main event gives its best subordinate event with both sides and a verb
#: trigger (0.3 + 0.15 + 0.15 + 0.1).
FALLBACK_CONFIDENCE = 0.7


def gold_type(name: str) -> str:
    """Today's PLOVER type of a gold record's event name (older names renamed)."""
    return plover_classes().renamed.get(name, name)


def intent_type(event_type: str, status: str, evidence: str = "") -> str:
    """The PLOVER gold convention for an act that is planned, conditional or refused.

    A planned or offered cooperative act is AGREE (express intent), a planned hostile act, or
    any act announced with an "unless" condition, is THREATEN; a refused (negated future)
    cooperative act is REJECT.
    """
    classes = plover_classes()
    padded = f" {evidence.lower()} "
    if status in ("future", "hypothetical") and any(f" {w} " in padded for w in cues().threat_conditions):
        return "THREATEN"
    if status == "negated" and event_type in classes.cooperative | {"AGREE"}:
        return "REJECT"
    if status in ("future", "hypothetical"):
        if event_type in classes.cooperative:
            return "AGREE"
        if event_type in classes.hostile:
            return "THREATEN"
    return event_type


def _actor_out(a: Actor) -> dict[str, str | None]:
    return {"text": a.text, "code": a.country, "sector": a.sector}


def coded(e: Event) -> dict[str, Any]:
    """An event as a line of the coded output.

    A reciprocal event done together ("Jordan and Britain agreed ...") has all its actors as
    the source and no target in the events table (the PLOVER manual); the gold records code
    each of them as source and target ("SRC/TAR"), and so does the coded output."""
    source = [_actor_out(a) for a in e.source_actors]
    target = [_actor_out(a) for a in e.target_actors]
    if not target and e.event_type in plover_classes().joint_types and len({(a["code"], a["text"]) for a in source}) > 1:
        target = [dict(a) for a in source]
    return {"type": intent_type(e.event_type, e.status, e.evidence or ""), "mode": e.mode, "status": e.status,
            "source": source, "target": target, "date_value": e.date_value, "trigger": e.trigger}


def _prepare(rec: dict[str, Any]) -> dict[str, Any]:
    text = rec.get("text") or ""
    day = rec.get("date")
    try:
        published = dt.date.fromisoformat(day[:10]) if day else dt.date.today()
    except ValueError:
        published = dt.date.today()
    sentences = split_sentences(text)
    timexes = temporal.tag(text, published, sentences)
    return {"doc_id": str(rec.get("id")), "text": text, "published_date": published,
            "sentences": sentences, "timexes": timexes}


def read_records(in_jsonl: str | Path) -> list[dict[str, Any]]:
    """The coder input lines; a line that is not ``{"text": ...}`` is a ValueError naming it."""
    return read_jsonl(in_jsonl, 'JSONL lines like {"id": ..., "text": ...}', text_key="text")


def code_file(in_jsonl: str | Path, out_jsonl: str | Path, model: str | None = None, batch: int = 200,
              min_confidence: float = MIN_CONFIDENCE) -> int:
    """Code every line of ``in_jsonl``; returns the number of records written."""
    from transforms.events.extractor import EventExtractor

    extractor = EventExtractor(model) if model else EventExtractor()
    records = read_records(in_jsonl)
    n = 0
    Path(out_jsonl).parent.mkdir(parents=True, exist_ok=True)
    with open(out_jsonl, "w", encoding="utf-8") as out:
        for i in range(0, len(records), batch):
            chunk = records[i:i + batch]
            docs = [_prepare(r) for r in chunk]
            for rec, events in zip(chunk, extractor.extract_batch(docs), strict=True):
                kept = [e for e in events if e.confidence >= min_confidence]
                if not kept and events:  # no main event: the sentence's best subordinate one
                    best = max(events, key=lambda e: e.confidence)
                    kept = [best] if best.confidence >= FALLBACK_CONFIDENCE else []
                lines = [coded(e) for e in kept]
                out.write(json.dumps({"id": rec.get("id"), "events": lines}, ensure_ascii=False) + "\n")
                n += 1
    return n


def gold_to_jsonl(gold_json: str | Path, out_jsonl: str | Path) -> int:
    """Write the gold records' sentences as coder input lines (``{"id", "text", "date"}``)."""
    n = 0
    with open(out_jsonl, "w", encoding="utf-8") as out:
        for g in _gold_records(gold_json):
            out.write(json.dumps({"id": g["id"], "text": g["text"], "date": g.get("date")}) + "\n")
            n += 1
    return n


def _gold_records(gold_json: str | Path) -> list[dict[str, Any]]:
    with open(gold_json, encoding="utf-8") as f:
        data = json.load(f)
    return [g for g in data if g.get("event") != "DOCUMENT" and g.get("text")]


def _codes(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    out = set()
    for a in actors:
        code = (a.get("code") or "").strip().upper()[:3]
        if code:
            out.add(fix_code(code) or code)
    return out


def _pct(a: int, b: int) -> float:
    return round(100.0 * a / b, 1) if b else 0.0


def score(gold_json: str | Path, system_jsonl: str | Path) -> dict[str, Any]:
    """Type / source / target accuracy and precision (percent) plus the counts."""
    gold = _gold_records(gold_json)
    system = events_by_id(system_jsonl)
    c = dict.fromkeys(("type_ok", "src_n", "src_ok", "tgt_n", "tgt_ok", "emitted", "right", "src_all",
                       "tgt_all"), 0)  # *_all: denominators over every gold record with actors
    per_type: dict[str, dict[str, int]] = {}
    for g in gold:
        gtype = gold_type(g["event"])
        events = system.get(str(g["id"]), [])
        c["emitted"] += len(events)
        same = [e for e in events if e.get("type") == gtype]
        c["right"] += len(same)
        pt = per_type.setdefault(gtype, {"n": 0, "type_ok": 0})
        pt["n"] += 1
        if same:
            c["type_ok"] += 1
            pt["type_ok"] += 1
        for side, key in (("source", "src"), ("target", "tgt")):
            wanted = _codes(g.get(side))
            c[f"{key}_all"] += bool(wanted)
            if wanted and same:
                c[f"{key}_n"] += 1
                c[f"{key}_ok"] += any(_codes(e.get(side)) & wanted for e in same)
    return {"sentences": len(gold), "type_accuracy": _pct(c["type_ok"], len(gold)),
            "source_accuracy": _pct(c["src_ok"], c["src_n"]), "target_accuracy": _pct(c["tgt_ok"], c["tgt_n"]),
            "precision": _pct(c["right"], c["emitted"]),
            "type_correct": c["type_ok"], "source_correct": c["src_ok"], "source_total": c["src_n"],
            "target_correct": c["tgt_ok"], "target_total": c["tgt_n"],
            "source_accuracy_all": _pct(c["src_ok"], c["src_all"]),
            "target_accuracy_all": _pct(c["tgt_ok"], c["tgt_all"]),
            "events_emitted": c["emitted"], "events_right_type": c["right"], "per_type": per_type}
