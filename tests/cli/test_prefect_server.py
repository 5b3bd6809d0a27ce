"""The Prefect API `dateline serve` uses, and the filter for broken-connection tracebacks."""

from __future__ import annotations

import logging
import socket

import httpx
import pytest
import yaml
from websockets.exceptions import ConnectionClosedError

from dateline import prefect_server
from dateline.prefect_server import PrefectServer, ServeLogFilter


def _record(exc: BaseException | None, msg: str = "the websocket failed") -> logging.LogRecord:
    info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("prefect.test", logging.WARNING, __file__, 1, msg, None, info)


def _raised(exc: BaseException, cause: BaseException | None = None) -> BaseException:
    try:
        raise exc from cause
    except BaseException as caught:
        return caught


def test_broken_connection_tracebacks_are_dropped_for_a_child_server():
    noise = ServeLogFilter(drop=True)
    assert noise.filter(_record(_raised(ConnectionClosedError(None, None)))) is False
    # a connection error anywhere in the chain counts
    assert noise.filter(_record(_raised(RuntimeError("request failed"), httpx.ConnectError("refused")))) is False


def test_broken_connection_tracebacks_keep_their_message_for_a_users_server():
    record = _record(_raised(ConnectionRefusedError(111, "refused")))
    assert ServeLogFilter(drop=False).filter(record) is True
    assert record.exc_info is None and record.getMessage() == "the websocket failed"


def test_other_records_pass_untouched():
    noise = ServeLogFilter(drop=True)
    plain = _record(None, "batch 1/1: 3 files")
    bug = _record(_raised(KeyError("doc_id")))
    assert noise.filter(plain) and noise.filter(bug)
    assert bug.exc_info is not None


def test_a_reported_failure_is_one_line():
    from flows.pipeline import ChecksFailed

    record = _record(_raised(RuntimeError("engine"), ChecksFailed("check failed: documents.primary_key_unique\n"
                                                                  "    e.g. {'doc_id': 'x'}")),
                     "Execution exited with unexpected exception")
    assert ServeLogFilter(drop=True).filter(record) is True
    assert record.exc_info is None
    assert record.getMessage() == ("Execution exited with unexpected exception: ChecksFailed: "
                                   "check failed: documents.primary_key_unique")


def test_logging_config_is_prefects_own_plus_the_filter(tmp_path):
    path = prefect_server.write_logging_config(tmp_path / "home", drop=True)
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert config["filters"]["dateline_serve_filter"] == {
        "()": "dateline.prefect_server.ServeLogFilter", "drop": True}
    assert config["handlers"]["console"]["filters"] == ["dateline_serve_filter"]
    assert config["handlers"]["console"]["class"] == "prefect.logging.handlers.PrefectConsoleHandler"
    assert "prefect" in config["loggers"] and config["root"]["handlers"] == ["console"]
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_users_api_url_is_used_and_nothing_is_started(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api/")
    server = PrefectServer.for_home(tmp_path)
    assert server.api_url == "http://127.0.0.1:4200/api" and server.ui_url == "http://127.0.0.1:4200"
    with server.running():
        server.wait_healthy(timeout=0)  # the user's API is not polled: the runner's first call tells
        assert server.process is None and server.pid is None and server.exit_code() is None
    assert not (tmp_path / prefect_server.LOG_NAME).exists()


def test_a_child_server_gets_a_free_loopback_port_in_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    server = PrefectServer.for_home(tmp_path)
    assert server.api_url.startswith("http://127.0.0.1:") and server.api_url.endswith("/api")
    assert prefect_server.os.environ["PREFECT_API_URL"] == server.api_url
    port = int(server.api_url.rsplit(":", 1)[1].split("/")[0])
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))  # free
    assert not prefect_server.healthy(server.api_url, timeout=1)
    assert server.log == tmp_path / prefect_server.LOG_NAME


def test_child_environment_drops_the_api_url_and_credentials(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:1/api")
    monkeypatch.setenv("PREFECT_API_KEY", "secret")
    env = prefect_server.server_env(tmp_path)
    assert "PREFECT_API_URL" not in env and "PREFECT_API_KEY" not in env
    assert env["PREFECT_HOME"] == str(tmp_path) and env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"


@pytest.mark.slow
def test_a_server_that_exits_while_starting_is_one_readable_error(tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    server = PrefectServer.for_home(tmp_path)
    # the real command, on a port that is already taken: the child exits at once
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        server.api_url = f"http://127.0.0.1:{taken.getsockname()[1]}/api"
        try:
            with server.running():
                server.wait_healthy(timeout=120)
        except prefect_server.ServerError as exc:
            message = str(exc)
        else:
            raise AssertionError("wait_healthy returned for a server that could not bind its port")
    assert message.startswith("the Prefect server exited with status") and str(server.log) in message
    assert "\n" not in message
