"""TempEval-3 annotate / score (transforms.evaluation.timeml) on the TBAQ-cleaned fixtures in tests/fixtures/timeml."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from transforms.evaluation.timeml import annotate_dir, score_dirs, score_docs
from transforms.temporal.timeml import TimeMLTimex, parse_tml

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "timeml"


def _outside_text(src: str) -> str:
    return re.sub(r"<TEXT>.*?</TEXT>", "<TEXT/>", src, flags=re.S)


def test_annotate_keeps_text_and_outside(tmp_path):
    n = annotate_dir(FIX, tmp_path / "sys")
    assert n == len(list(FIX.glob("*.tml")))
    for p in FIX.glob("*.tml"):
        src = p.read_text(encoding="utf-8")
        out = (tmp_path / "sys" / p.name).read_text(encoding="utf-8")
        assert _outside_text(out) == _outside_text(src)  # DCT, MAKEINSTANCE, TLINK untouched
        g, s = parse_tml(src), parse_tml(out)
        assert s.text == g.text  # text between tags identical char for char
        assert s.dct == g.dct
        inner = re.search(r"<TEXT>(.*?)</TEXT>", out, re.S).group(1)
        assert "<EVENT" not in inner and "<SIGNAL" not in inner
        # escaping kept as in the source
        raw_src = re.sub(r"<[^>]+>", "", re.search(r"<TEXT>(.*?)</TEXT>", src, re.S).group(1))
        assert re.sub(r"<[^>]+>", "", inner) == raw_src


def test_score_gold_against_itself(tmp_path):
    gold = tmp_path / "gold"
    shutil.copytree(FIX, gold)
    r = score_dirs(gold, gold)
    assert r["strict_f1"] == r["relaxed_f1"] == r["value_f1"] == r["type_f1"] == 100.0
    assert r["gold"] == r["system"] > 0


def test_score_system_on_fixtures(tmp_path):
    annotate_dir(FIX, tmp_path / "sys")
    r = score_dirs(FIX, tmp_path / "sys")
    for k in ("strict_f1", "relaxed_f1", "value_f1", "type_f1", "gold", "system", "strict_matches",
              "relaxed_matches", "value_matches", "type_matches", "value_precision", "value_recall"):
        assert k in r
    assert r["relaxed_f1"] >= 80
    assert r["value_f1"] >= 60


def test_score_docs_relaxed_is_one_to_one():
    gold = [TimeMLTimex(0, 10, "x" * 10, "DATE", "2020")]
    sys_ = [TimeMLTimex(0, 4, "x" * 4, "DATE", "2021"), TimeMLTimex(4, 10, "x" * 6, "DATE", "2020")]
    c = score_docs(gold, sys_)
    assert c.relaxed_matches == 1 and c.strict_matches == 0 and c.value_matches == 1
    assert c.pairs == [(0, 1)]  # the larger overlap
    c = score_docs(gold, [TimeMLTimex(0, 10, "x" * 10, "TIME", "2021")])
    assert (c.strict_matches, c.value_matches, c.type_matches) == (1, 0, 0)


def test_exact_matches_pair_first():
    gold = [TimeMLTimex(0, 10, "", "DATE", "2020"), TimeMLTimex(12, 20, "", "DATE", "2021")]
    sys_ = [TimeMLTimex(5, 20, "", "DATE", "2021"), TimeMLTimex(12, 20, "", "DATE", "2021")]
    c = score_docs(gold, sys_)
    assert c.pairs == [(1, 1), (0, 0)]
    assert (c.gold, c.system, c.strict_matches, c.relaxed_matches, c.value_matches) == (2, 2, 1, 2, 1)


def test_missing_system_file_counts_as_no_output(tmp_path):
    (tmp_path / "sys").mkdir()
    r = score_dirs(FIX, tmp_path / "sys")
    assert r["system"] == 0 and r["relaxed_f1"] == 0.0 and r["missing_system_files"] == len(list(FIX.glob("*.tml")))
