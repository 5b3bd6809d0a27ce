"""Property test: a batch of any texts yields contract-valid rows (pipeline.process_batch)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.core.records import Document
from transforms.ingest import content_hash, doc_id
from transforms.pipeline.process import process_batch
from transforms.text import normalise_text
from transforms.warehouse import contract

NEWSY = ["Russia", "Ukraine", "Turkish", "Kremlin", "said", "met", "talks", "on", "Friday", "in", "Istanbul",
         "will", "not", "attack", "killed", "police", "protest", "May", "16", "last", "week", ".", ",",
         "\n", "ISTANBUL", "-", "(AP)", "—", "if", "could", "sanctions", "the", "and", "agreed", "2022"]

texts = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(st.sampled_from(NEWSY), min_size=1, max_size=80).map(" ".join),
)


def _doc(text: str, day: dt.date) -> Document:
    text = normalise_text(text) or "."
    return Document(doc_id=doc_id(text), text=text, published_at=dt.datetime.combine(day, dt.time(), dt.UTC),
                    input_path="/x.txt", language="en", published_source="metadata", content_hash=content_hash(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=3), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
def test_any_batch_gives_rows_that_fit_the_contract(batch, day):
    docs = list({d.doc_id: d for d in (_doc(t, day) for t in batch)}.values())
    rows = process_batch(docs)
    assert len(rows["documents"]) == len(docs)
    for name, table_rows in rows.items():
        tbl = contract.to_arrow(name, table_rows)  # raises if a value does not fit its declared type
        assert tbl.num_rows == len(table_rows)
    texts_by_doc = {d.doc_id: d.text for d in docs}
    for t in rows["time_expressions"]:
        assert texts_by_doc[t["doc_id"]][t["start_char"]:t["end_char"]] == t["text"]
    for e in rows["events"]:
        assert texts_by_doc[e["doc_id"]][e["start_char"]:e["end_char"]] == e["trigger"]
        assert e["status"] in {"asserted", "negated", "hypothetical", "future"}
        assert e["date_start"] is None or e["date_end"] is None or e["date_start"] <= e["date_end"]
