"""The data of each document's view: its text, its time expressions and its events, with spans.

Rows are packed as lists (field names once, in :data:`TIMEX_FIELDS` and :data:`EVENT_FIELDS`)
to keep a report over thousands of documents small. Actors carry no offsets in the warehouse,
so each actor's words are looked up in the event's sentence to mark them in the text.
"""

from __future__ import annotations

import duckdb

TIMEX_FIELDS = ("start", "end", "type", "value", "mod", "date_start", "date_end", "anchor", "rule")
EVENT_FIELDS = ("start", "end", "event_type", "mode", "status", "date_start", "date_end", "date_value",
                "date_source", "intensity", "quad_class", "sources", "targets", "place", "reported_by",
                "source_spans", "target_spans", "trigger")


def _iso(value):
    return value.isoformat() if value is not None else None


def actor_label(actor: dict) -> str:
    """How an actor is shown: its name (or words), with its country code when known."""
    name = actor.get("name") or actor.get("text") or "?"
    country = actor.get("country")
    return f"{name} ({country})" if country and country != name else name


def _find_word(text: str, words: str, lo: int, hi: int) -> int:
    """First occurrence of ``words`` in ``text[lo:hi]`` that starts and ends on word boundaries."""
    i = text.find(words, lo, hi)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(words)] if i + len(words) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return i
        i = text.find(words, i + 1, hi)
    return -1


def actor_spans(text: str, sentence: tuple[int, int], actors: list[dict] | None) -> list[list[int]]:
    """``[start, end]`` of each actor's words in the sentence (first whole-word match, exact case
    first, then any case); an actor whose words are not found there is not marked."""
    out = []
    lo, hi = sentence
    lowered = None
    for a in actors or []:
        words = (a.get("text") or "").strip()
        if not words:
            continue
        i = _find_word(text, words, lo, hi)
        if i < 0:
            lowered = lowered or text.lower()
            i = _find_word(lowered, words.lower(), lo, hi)
        if i >= 0:
            out.append([i, i + len(words)])
    return out


def details(con: duckdb.DuckDBPyConnection) -> dict:
    """``{"fields": ..., "docs": {doc_id: {"text", "timexes", "events"}}}`` for every document in scope."""
    docs = {doc_id: {"text": text, "timexes": [], "events": []}
            for doc_id, text in con.execute("SELECT doc_id, text FROM documents").fetchall()}
    for row in con.execute("""
            SELECT doc_id, start_char, end_char, timex_type, value, mod, date_start, date_end, anchor, rule
            FROM time_expressions WHERE doc_id IN (SELECT doc_id FROM documents)
            ORDER BY doc_id, start_char""").fetchall():
        docs[row[0]]["timexes"].append([row[1], row[2], row[3], row[4], row[5], _iso(row[6]), _iso(row[7]),
                                        row[8], row[9]])
    cur = con.execute("""
        SELECT e.doc_id, e.start_char, e.end_char, e.event_type, e.mode, e.status, e.date_start, e.date_end,
               e.date_value, e.date_source, e.intensity, e.quad_class, e.source_actors, e.target_actors,
               e.location_name, e.reported_by, s.start_char, s.end_char, e.trigger
        FROM events e LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index
        WHERE e.doc_id IN (SELECT doc_id FROM documents)
        ORDER BY e.doc_id, e.start_char""")
    for (doc_id, start, end, typ, mode, status, d0, d1, value, source, intensity, quad, src, tgt, place,
         speaker, s0, s1, trigger) in cur.fetchall():
        doc = docs[doc_id]
        sentence = (s0 if s0 is not None else 0, s1 if s1 is not None else len(doc["text"]))
        doc["events"].append([start, end, typ, mode, status, _iso(d0), _iso(d1), value, source, intensity, quad,
                              [actor_label(a) for a in src or []], [actor_label(a) for a in tgt or []],
                              place, speaker, actor_spans(doc["text"], sentence, src),
                              actor_spans(doc["text"], sentence, tgt), trigger])
    return {"fields": {"timex": list(TIMEX_FIELDS), "event": list(EVENT_FIELDS)}, "docs": docs}
