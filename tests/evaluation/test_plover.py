"""PLOVER coding of JSONL sentences and scoring against gold-standard records."""

from __future__ import annotations

import json

from transforms.evaluation.plover import code_file, gold_type, intent_type, score

from ..conftest import FIXTURES

GOLD = FIXTURES / "events" / "gold-sample.json"


def _write(path, lines):
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


def test_score_semantics(tmp_path):
    sys_path = tmp_path / "sys.jsonl"
    _write(sys_path, [
        {"id": "PLOVER-GSR01-AGREE-0005", "events": [
            {"type": "AGREE", "source": [{"code": "LBY"}], "target": [{"code": "GBR"}]},
            {"type": "ASSAULT", "source": [], "target": []}]},
        # DEMAND in the gold is REQUEST; target wrong
        {"id": "PLOVER-GSR01-DEMAND-0024", "events": [
            {"type": "REQUEST", "source": [{"code": "USA"}], "target": [{"code": "KOR"}]}]},
    ])
    r = score(GOLD, sys_path)
    assert r["sentences"] == 2  # the DOCUMENT record is skipped
    assert r["type_accuracy"] == 100.0
    assert r["source_accuracy"] == 100.0
    assert r["target_accuracy"] == 50.0
    assert r["precision"] == round(100 * 2 / 3, 1)
    assert r["events_emitted"] == 3


def test_code_file_and_score_end_to_end(tmp_path):
    gold = json.loads(GOLD.read_text())
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(inp, [{"id": g["id"], "text": g["text"], "date": g.get("date")} for g in gold if g["event"] != "DOCUMENT"])
    assert code_file(inp, out) == 2
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert {x["id"] for x in lines} == {"PLOVER-GSR01-AGREE-0005", "PLOVER-GSR01-DEMAND-0024"}
    for x in lines:
        for e in x["events"]:
            assert set(e) == {"type", "mode", "status", "source", "target", "date_value", "trigger"}
    r = score(GOLD, out)
    assert r["type_accuracy"] == 100.0
    assert r["source_accuracy"] == 100.0


def test_intent_convention():
    assert intent_type("CONSULT", "future") == "AGREE"
    assert intent_type("ASSAULT", "future") == "THREATEN"
    assert intent_type("RETREAT", "future", "X will withdraw unless Y agrees") == "THREATEN"
    assert intent_type("AGREE", "negated") == "REJECT"
    assert intent_type("ASSAULT", "asserted") == "ASSAULT"


def test_gold_names_and_codes_are_normalised(tmp_path):
    assert gold_type("DEMAND") == "REQUEST" and gold_type("AGREE") == "AGREE"
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([{"id": "g1", "event": "CONSULT", "text": "Romania and Peru met.",
                                 "source": [{"code": "ROM"}], "target": [{"code": "PER"}]}]), encoding="utf-8")
    sys_path = tmp_path / "sys.jsonl"
    _write(sys_path, [{"id": "g1", "events": [{"type": "CONSULT", "source": [{"code": "ROU"}],
                                                "target": [{"code": "PER"}]}]}])
    r = score(gold, sys_path)
    assert (r["source_accuracy"], r["target_accuracy"]) == (100.0, 100.0)


def test_bad_input_lines_name_the_line(tmp_path):
    import pytest

    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": 1, "text": "Peru met Chile."}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 2 is not a JSON object"):
        code_file(inp, tmp_path / "out.jsonl")
    inp.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match='line 1: expected an object with a "text" string'):
        code_file(inp, tmp_path / "out.jsonl")


def test_joint_events_code_each_actor_as_source_and_target(tmp_path):
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(inp, [{"id": "j", "text": "Ghana and Togo agreed to reopen their common border.", "date": "2024-06-03"}])
    code_file(inp, out)
    (ev,) = json.loads(out.read_text())["events"]
    assert ev["type"] == "AGREE"
    assert {a["code"] for a in ev["source"]} == {a["code"] for a in ev["target"]} == {"GHA", "TGO"}


def test_a_sentence_without_main_event_gives_its_best_subordinate_one(tmp_path):
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(inp, [
        {"id": "sub", "text": "The border stayed quiet for a week after Serbia expelled the Croatian ambassador.",
         "date": "2024-06-03"},
        # a main event: the subordinate one ("after ... met") is left out
        {"id": "main", "text": "Serbia expelled the Croatian ambassador after the two presidents met in Zagreb.",
         "date": "2024-06-03"}])
    code_file(inp, out)
    lines = {x["id"]: x["events"] for x in map(json.loads, out.read_text().splitlines())}
    assert [e["type"] for e in lines["sub"]] == ["SANCTION"]
    assert [e["type"] for e in lines["main"]] == ["SANCTION"]
