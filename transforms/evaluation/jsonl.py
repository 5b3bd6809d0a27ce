"""The one reader of the JSONL files the event scorers read: coder input and coded output.

Every line is a JSON object; a line that is not is a ``ValueError`` naming the file and the line
(the CLI prints it as one line). :func:`events_by_id` is the coded output of
``dateline events code`` keyed by record id, as both scorers (GSR JSON and PLV TSV) read it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_jsonl(path: str | Path, expected: str = "JSON objects", text_key: str | None = None) -> list[dict[str, Any]]:
    """The objects of a JSONL file, blank lines skipped; ``expected`` is said in the error. With
    ``text_key``, every object must hold a string under that key."""
    records = []
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path} line {no} is not a JSON object ({exc.msg}); expected {expected}") from None
            if not isinstance(rec, dict):
                raise ValueError(f"{path} line {no} is not a JSON object; expected {expected}")
            if text_key and not isinstance(rec.get(text_key), str):
                raise ValueError(f"{path} line {no}: expected an object with a \"{text_key}\" string")
            records.append(rec)
    return records


def events_by_id(system_jsonl: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Coded events per record id from a ``dateline events code`` JSONL file."""
    expected = 'lines like {"id": ..., "events": [...]} from dateline events code'
    return {str(rec.get("id")): list(rec.get("events") or []) for rec in read_jsonl(system_jsonl, expected)}
