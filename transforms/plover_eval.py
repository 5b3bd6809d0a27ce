"""Coding JSONL sentences into PLOVER events and scoring them against gold-standard records.

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
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from transforms import temporal
from transforms.text import split_sentences

OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODE_FIXES = {"JAP": "JPN"}
COOPERATIVE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
HOSTILE = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}


def intent_type(event_type: str, status: str, evidence: str = "") -> str:
    """The PLOVER gold convention for an act that is planned, conditional or refused.

    A planned or offered cooperative act is AGREE (express intent), a planned hostile act, or
    any act announced with an "unless" condition, is THREATEN; a refused (negated future)
    cooperative act is REJECT.
    """
    if status in ("future", "hypothetical") and " unless " in f" {evidence.lower()} ":
        return "THREATEN"
    if status == "negated" and event_type in COOPERATIVE | {"AGREE"}:
        return "REJECT"
    if status in ("future", "hypothetical"):
        if event_type in COOPERATIVE:
            return "AGREE"
        if event_type in HOSTILE:
            return "THREATEN"
    return event_type


def _actor_out(a: dict) -> dict:
    return {"text": a.get("text"), "code": a.get("country"), "sector": a.get("sector")}


def _prepare(rec: dict) -> dict:
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


#: Events below this confidence (subordinate clauses: relative, adverbial, prepositional
#: phrases) are left out of the coded output, which codes each sentence's main events.
MIN_CONFIDENCE = 0.75


def code_file(in_jsonl, out_jsonl, model: str | None = None, batch: int = 200,
              min_confidence: float = MIN_CONFIDENCE) -> int:
    """Code every line of ``in_jsonl``; returns the number of records written."""
    from transforms.events import EventExtractor

    extractor = EventExtractor(model) if model else EventExtractor()
    records = []
    with open(in_jsonl, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except ValueError as exc:
                raise ValueError(f"{in_jsonl} line {no} is not a JSON object ({exc.msg}); "
                                 "expected JSONL lines like {\"id\": ..., \"text\": ...}") from None
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                raise ValueError(f"{in_jsonl} line {no}: expected an object with a \"text\" string")
            records.append(rec)
    n = 0
    Path(out_jsonl).parent.mkdir(parents=True, exist_ok=True)
    with open(out_jsonl, "w", encoding="utf-8") as out:
        for i in range(0, len(records), batch):
            chunk = records[i:i + batch]
            docs = [_prepare(r) for r in chunk]
            for rec, events in zip(chunk, extractor.extract_batch(docs), strict=True):
                coded = []
                for e in events:
                    if e["confidence"] < min_confidence:
                        continue
                    coded.append({
                        "type": intent_type(e["event_type"], e["status"], e.get("evidence") or ""), "mode": e["mode"],
                        "status": e["status"],
                        "source": [_actor_out(a) for a in e["source_actors"]],
                        "target": [_actor_out(a) for a in e["target_actors"]],
                        "date_value": e["date_value"], "trigger": e["trigger"]})
                out.write(json.dumps({"id": rec.get("id"), "events": coded}, ensure_ascii=False) + "\n")
                n += 1
    return n


def gold_to_jsonl(gold_json, out_jsonl) -> int:
    """Write the gold records' sentences as coder input lines (``{"id", "text", "date"}``)."""
    n = 0
    with open(out_jsonl, "w", encoding="utf-8") as out:
        for g in _gold_records(gold_json):
            out.write(json.dumps({"id": g["id"], "text": g["text"], "date": g.get("date")}) + "\n")
            n += 1
    return n


def _gold_records(gold_json) -> list[dict]:
    with open(gold_json, encoding="utf-8") as f:
        data = json.load(f)
    return [g for g in data if g.get("event") != "DOCUMENT" and g.get("text")]


def _codes(actors) -> set[str]:
    if not isinstance(actors, list):
        return set()
    out = set()
    for a in actors:
        code = (a.get("code") or "").strip().upper()[:3]
        if code:
            out.add(CODE_FIXES.get(code, code))
    return out


def score(gold_json, system_jsonl) -> dict:
    """Type / source / target accuracy and precision (percent) plus the counts."""
    gold = _gold_records(gold_json)
    system = {}
    with open(system_jsonl, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                rec = json.loads(line)
                system[str(rec.get("id"))] = rec.get("events") or []
    n = len(gold)
    type_ok = src_n = src_ok = tgt_n = tgt_ok = emitted = right = 0
    src_all = tgt_all = 0  # denominators over every gold record with actors (typed or not)
    per_type: dict[str, dict] = {}
    for g in gold:
        gtype = OLD_TYPES.get(g["event"], g["event"])
        events = system.get(str(g["id"]), [])
        emitted += len(events)
        same = [e for e in events if e.get("type") == gtype]
        right += len(same)
        pt = per_type.setdefault(gtype, {"n": 0, "type_ok": 0})
        pt["n"] += 1
        if same:
            type_ok += 1
            pt["type_ok"] += 1
        gsrc, gtgt = _codes(g.get("source")), _codes(g.get("target"))
        src_all += bool(gsrc)
        tgt_all += bool(gtgt)
        if gsrc and same:
            src_n += 1
            if any(_codes(e.get("source")) & gsrc for e in same):
                src_ok += 1
        if gtgt and same:
            tgt_n += 1
            if any(_codes(e.get("target")) & gtgt for e in same):
                tgt_ok += 1

    def pct(a, b):
        return round(100.0 * a / b, 1) if b else 0.0

    return {"sentences": n, "type_accuracy": pct(type_ok, n), "source_accuracy": pct(src_ok, src_n),
            "target_accuracy": pct(tgt_ok, tgt_n), "precision": pct(right, emitted),
            "type_correct": type_ok, "source_correct": src_ok, "source_total": src_n,
            "target_correct": tgt_ok, "target_total": tgt_n,
            "source_accuracy_all": pct(src_ok, src_all), "target_accuracy_all": pct(tgt_ok, tgt_all),
            "events_emitted": emitted,
            "events_right_type": right, "per_type": per_type}
