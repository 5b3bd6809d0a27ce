import os
import subprocess
import sys

import pytest

from dateline.cli import build_parser, main


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for cmd in ("run", "query", "publish", "serve", "timeml", "events", "docs", "report"):
        assert cmd in out


def test_missing_input_is_one_line_and_exit_2(tmp_path, capsys):
    code = main(["run", "--input", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "wh")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == f"dateline: input path does not exist: {tmp_path / 'nope'}"


def test_query_on_missing_warehouse_is_a_user_error(tmp_path, capsys):
    assert main(["query", "--warehouse", str(tmp_path / "none"), "select 1"]) == 2
    assert "no Dateline warehouse" in capsys.readouterr().err


def test_bad_date_option_is_rejected_by_the_parser(tmp_path):
    res = subprocess.run([sys.executable, "-m", "dateline.cli", "run", "--assume-published", "tuesday-ish"],
                         capture_output=True, text=True)
    assert res.returncode == 2 and "not an ISO date" in res.stderr and "Traceback" not in res.stderr


def test_serve_rejects_a_bad_cron(tmp_path, capsys):
    before = dict(os.environ)
    assert main(["serve", "--cron", "every hour", "--input", str(tmp_path), "--warehouse", str(tmp_path / "wh")]) == 2
    assert "not a valid cron expression" in capsys.readouterr().err
    assert dict(os.environ) == before  # the Prefect settings serve puts in the environment are undone


def test_serve_needs_one_schedule(tmp_path, capsys):
    for argv in (["serve"], ["serve", "--cron", "0 * * * *", "--every", "10"]):
        with pytest.raises(SystemExit) as exc:
            main([*argv, "--input", str(tmp_path)])
        assert exc.value.code == 2
    assert "--every" in capsys.readouterr().err
    assert main(["serve", "--every", "0", "--input", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == "dateline: --every needs at least 1 second, got 0"


def test_parser_defaults():
    args = build_parser().parse_args(["run"])
    assert args.input is None and args.warehouse == "warehouse" and args.files_per_batch == 500


def test_events_code_on_a_non_jsonl_file_is_one_line(tmp_path, capsys):
    bad = tmp_path / "gold.json"
    bad.write_text('[\n  {"id": 1, "text": "x"}\n]\n', encoding="utf-8")
    assert main(["events", "code", str(bad), str(tmp_path / "out.jsonl")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("dateline: ") and "line 1" in err and "\n" not in err


def test_report_needs_a_warehouse_and_a_sane_scope(tmp_path, capsys):
    assert main(["report", "--warehouse", str(tmp_path / "none")]) == 2
    assert "no Dateline warehouse" in capsys.readouterr().err
    (tmp_path / "wh" / "parquet").mkdir(parents=True)
    assert main(["report", "--warehouse", str(tmp_path / "wh"), "--from", "2025-06-02", "--to", "2025-06-01"]) == 2
    assert capsys.readouterr().err.strip() == "dateline: --from 2025-06-02 is after --to 2025-06-01"
    assert main(["report", "--warehouse", str(tmp_path / "wh"), "--country", "TR"]) == 2
    assert "alpha-3" in capsys.readouterr().err


def test_report_parser_takes_several_countries():
    args = build_parser().parse_args(["report", "--country", "tur", "ukr", "--country", "RUS"])
    assert args.country == ["tur", "ukr", "RUS"] and args.out is None and args.date_from is None
