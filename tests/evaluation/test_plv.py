"""PLV-format gold: reading the TSV, content-word matching of actor spans, the five metrics."""

from __future__ import annotations

import json

import pytest

from dateline.cli import main as cli_main
from transforms.evaluation import plv

HEADER = "uid\tsentence\tgold_root\tsource\ttarget\n"
S1 = "The Kenyan army handed back the captured trucks to Uganda."
S2 = "Ministers from Chile and Peru met in Lima to discuss fishing rights."
S3 = "Rebels shelled a town held by government troops and the militia allied with them."


def _gold(tmp_path, rows, name="gold.tsv", header=HEADER):
    p = tmp_path / name
    p.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return p


def _system(tmp_path, records):
    p = tmp_path / "sys.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return p


def _ev(type_, source=(), target=()):
    return {"type": type_, "source": [{"text": t} for t in source], "target": [{"text": t} for t in target]}


def test_content_words_ignore_function_words_and_keep_acronyms():
    assert plv.content_words("the U.S. Supreme Court") == {"us", "supreme", "court"}
    assert plv.content_words("US officials") == {"us", "officials"}
    assert plv.content_words("some of us") == set()
    assert plv.content_words("Kenya's army") == {"kenya", "army"}
    assert plv.content_words(None) == set()


def test_is_plv_by_suffix_and_by_header(tmp_path):
    assert plv.is_plv(tmp_path / "x.tsv")
    assert not plv.is_plv(tmp_path / "x.json")
    odd = _gold(tmp_path, [("1", S1, "YIELD", "army", "Uganda")], name="gold.txt")
    assert plv.is_plv(odd)
    other = tmp_path / "notes.txt"
    other.write_text("just some words\n", encoding="utf-8")
    assert not plv.is_plv(other)


def test_read_gold_groups_actor_pairs_of_one_sentence(tmp_path):
    gold = _gold(tmp_path, [("a", S3, "ASSAULT", "Rebels", "government troops"),
                            ("b", S3, "ASSAULT", "Rebels", "the militia"),
                            ("c", S1, "YIELD", "The Kenyan army", "Uganda")],
                 header="# a comment line\n" + HEADER)
    rows = plv.read_gold(gold)
    assert [r.row_id for r in rows] == ["a", "b", "c"]
    assert rows[0].sentence_id == rows[1].sentence_id == "a"
    out = tmp_path / "in.jsonl"
    assert plv.to_jsonl(gold, out) == 2
    assert [json.loads(x)["text"] for x in out.read_text().splitlines()] == [S3, S1]


def test_read_gold_names_a_missing_column(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("uid\tsentence\tsource\n1\tA sentence.\tX\n", encoding="utf-8")
    with pytest.raises(ValueError, match="gold_root"):
        plv.read_gold(bad)


def test_score_metrics(tmp_path):
    gold = _gold(tmp_path, [("1", S1, "YIELD", "The Kenyan army", "Uganda"),
                            ("2", S2, "CONSULT", "Ministers from Chile", "Peru"),
                            ("3", S3, "ASSAULT", "Rebels", "government troops"),
                            ("4", S3, "ASSAULT", "Rebels", "the militia allied with them")])
    system = _system(tmp_path, [
        # YIELD is found as RETREAT; source and target share "army" / "uganda"
        {"id": "1", "events": [_ev("RETREAT", ["Kenyan army"], ["Uganda"])]},
        # right type, the source matches on one event and the target on another: no dyad
        {"id": "2", "events": [_ev("CONSULT", ["Chile"], ["Lima"]), _ev("CONSULT", ["Bolivia"], ["Peru"]),
                               _ev("ACCUSE", ["Chile"], ["Peru"])]},
        # one event, its target matches only the first actor pair
        {"id": "3", "events": [_ev("ASSAULT", ["the rebels"], ["government troops"])]},
    ])
    r = plv.score(gold, system)
    assert (r["rows"], r["sentences"]) == (4, 3)
    assert r["type_acc"] == 100.0
    assert r["source_acc"] == 100.0
    assert r["target_acc"] == 75.0   # row 4's militia is not a target
    assert r["dyad_acc"] == 50.0     # rows 1 and 3
    assert r["events_emitted"] == 5 and r["events_right_type"] == 4
    assert r["precision"] == 80.0
    assert r["per_type"]["YIELD"] == {"n": 1, "type": 1, "dyad": 1}


def test_score_counts_missing_sentences_as_misses(tmp_path):
    gold = _gold(tmp_path, [("1", S1, "YIELD", "The Kenyan army", "Uganda"),
                            ("2", S2, "CONSULT", "Ministers", "Peru")])
    system = _system(tmp_path, [{"id": "2", "events": [_ev("AGREE", ["Ministers"], ["Peru"])]}])
    r = plv.score(gold, system)
    assert r["type_acc"] == 0.0 and r["dyad_acc"] == 0.0
    assert r["precision"] == 0.0 and r["events_emitted"] == 1


def test_cli_scores_a_plv_file(tmp_path, capsys):
    gold = _gold(tmp_path, [("1", S1, "YIELD", "The Kenyan army", "Uganda")])
    system = _system(tmp_path, [{"id": "1", "events": [_ev("CONCEDE", ["army"], ["Uganda"])]}])
    assert cli_main(["events", "score", str(gold), str(system), "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["dyad_acc"] == 100.0 and r["rows"] == 1


def test_cli_codes_the_sentences_of_a_plv_file(tmp_path, capsys):
    gold = _gold(tmp_path, [("a", S3, "ASSAULT", "Rebels", "government troops"),
                            ("b", S3, "ASSAULT", "Rebels", "the militia"),
                            ("c", S2, "CONSULT", "Ministers", "Peru")])
    out = tmp_path / "out.jsonl"
    assert cli_main(["events", "code", str(gold), str(out)]) == 0
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a", "c"]
    assert cli_main(["events", "score", str(gold), str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["rows"] == 3
