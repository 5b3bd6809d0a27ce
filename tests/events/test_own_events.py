"""The coder on the 96 own event sentences (6 per PLOVER type, tests/fixtures/events/own_events.tsv)."""

from __future__ import annotations

from transforms.evaluation import plv
from transforms.evaluation.plover import code_file

from ..conftest import FIXTURES

OWN = FIXTURES / "events" / "own_events.tsv"


def test_own_event_sentences(tmp_path):
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    assert plv.to_jsonl(OWN, inp) == 96
    code_file(inp, out)
    r = plv.score(OWN, out)
    assert r["rows"] == 96
    assert r["type_acc"] >= 80 and r["dyad_acc"] >= 75 and r["precision"] >= 85
    # every type is found for at least half of its sentences
    assert all(t["type"] >= t["n"] / 2 for t in r["per_type"].values()), r["per_type"]
