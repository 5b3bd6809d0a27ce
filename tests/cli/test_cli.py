import os
import subprocess
import sys
import textwrap

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


# ------------------------------------------------------------------ issue #17.6: a full disk

@pytest.mark.slow
@pytest.mark.timeout(300)
def test_disk_full_is_one_line_and_exit_1(prefect_harness, tmp_path, capfd, monkeypatch):
    """An injected ENOSPC halfway through a Parquet file: one line naming the folder and the
    space, status 1, no traceback; nothing half-written stays."""
    import errno

    import pyarrow.parquet as pq

    from tests.conftest import SEED_ARTICLES

    real = pq.write_table

    def full_disk(table, where, **kw):
        real(table.slice(0, 0), where, **kw)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq, "write_table", full_disk)
    wh = tmp_path / "wh"
    code = main(["run", "--input", str(SEED_ARTICLES), "--warehouse", str(wh), "--workers", "1"])
    err = capfd.readouterr().err
    assert code == 1
    assert err.strip().splitlines() == [err.strip()] and "Traceback" not in err, err
    assert err.startswith(f"dateline: disk full writing {wh.resolve() / 'parquet'}") and " free, about " in err
    assert not list(wh.rglob("*.tmp")) and not list(wh.rglob("*.parquet"))


def _can_mount_tmpfs(tmp_path) -> bool:
    probe = tmp_path / "probe"
    probe.mkdir()
    try:
        res = subprocess.run(["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {probe}"],
                             capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return res.returncode == 0


@pytest.mark.slow
@pytest.mark.timeout(400)
def test_disk_full_on_a_small_tmpfs_then_the_next_run_completes(prefect_api_url, tmp_path):
    """A real full disk (a 400 KB tmpfs in a private mount namespace): one line, status 1; after
    more space, the next run completes and removes the temporary files left behind."""
    if not _can_mount_tmpfs(tmp_path):
        pytest.skip("cannot mount a tmpfs here (needs unprivileged user namespaces)")
    from tests.conftest import SEED_ARTICLES, cli_env, dateline_cmd

    mnt = tmp_path / "mnt"
    mnt.mkdir()
    wh = mnt / "wh"
    run = " ".join(f"'{a}'" for a in dateline_cmd("run", "--input", str(SEED_ARTICLES), "--warehouse", str(wh),
                                                   "--workers", "1"))
    script = textwrap.dedent(f"""
        mount -t tmpfs -o size=400k tmpfs {mnt}
        {run} >{tmp_path}/out1 2>{tmp_path}/err1; echo $? >{tmp_path}/rc1
        touch {wh}/.dateline.duckdb.4194303.tmp {wh}/parquet/documents/.part-0.parquet.x.tmp
        mount -o remount,size=64m {mnt}
        {run} >{tmp_path}/out2 2>{tmp_path}/err2; echo $? >{tmp_path}/rc2
        find {wh} -name '*.tmp' >{tmp_path}/left
    """)
    subprocess.run(["unshare", "-rm", "sh", "-c", script], env=cli_env(prefect_api_url), timeout=360, check=True)
    err1 = (tmp_path / "err1").read_text()
    assert (tmp_path / "rc1").read_text().strip() == "1", err1
    assert len(err1.strip().splitlines()) == 1 and "Traceback" not in err1, err1
    assert err1.startswith(f"dateline: disk full writing {wh}") and "free, about" in err1
    assert (tmp_path / "rc2").read_text().strip() == "0", (tmp_path / "err2").read_text()
    assert "Dateline run: 1 items" in (tmp_path / "out2").read_text()
    assert (tmp_path / "left").read_text() == ""


@pytest.mark.parametrize("value", ["local", "tcp://127.0.0.1:8786", "tcp://scheduler.internal:8786"])
def test_cluster_option_takes_local_or_a_scheduler_address(value):
    assert build_parser().parse_args(["run", "--cluster", value]).cluster == value
    assert build_parser().parse_args(["serve", "--cron", "0 * * * *", "--cluster", value]).cluster == value
    assert build_parser().parse_args(["run"]).cluster is None  # the process pool by default


def test_a_bad_cluster_address_is_rejected_by_the_parser():
    res = subprocess.run([sys.executable, "-m", "dateline.cli", "run", "--cluster", "scheduler:8786"],
                         capture_output=True, text=True)
    assert res.returncode == 2 and "tcp://HOST:8786" in res.stderr and "Traceback" not in res.stderr


def test_serve_passes_the_cluster_to_every_run():
    from dateline.serve_command import _serve_parameters

    args = build_parser().parse_args(["serve", "--cron", "0 * * * *", "--cluster", "tcp://10.1.2.3:8786"])
    assert _serve_parameters(args)["cluster"] == "tcp://10.1.2.3:8786"


def test_run_on_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch):
    import socket

    from transforms.pipeline import dask_backend

    for var in ("DASK_LOGGING__DISTRIBUTED", "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS",
                "PREFECT_LOGGING_TO_API_ENABLED"):
        monkeypatch.setenv(var, "warning" if var.startswith("DASK") else "90" if "TIMEOUT" in var else "false")
    monkeypatch.setattr(dask_backend, "CONNECT_TIMEOUT", 2.0)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "in.txt").write_text("---\npublished: 2025-06-02\n---\nTalks were held in Lima on Monday.\n")
    code = main(["run", "--input", str(tmp_path / "in.txt"), "--warehouse", str(tmp_path / "wh"),
                 "--cluster", f"tcp://127.0.0.1:{port}"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith(f"dateline: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}") and "\n" not in err
    assert not (tmp_path / "wh" / "parquet").exists()  # nothing written
