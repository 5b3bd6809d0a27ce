"""A new warehouse's Prefect home is seeded from the migrated template database."""

from __future__ import annotations

from dateline import prefect_home


def _template(tmp_path, monkeypatch, content=b"migrated"):
    tpl = tmp_path / "share" / "prefect.db"
    tpl.parent.mkdir(parents=True)
    tpl.write_bytes(content)
    monkeypatch.setattr(prefect_home, "template_path", lambda: tpl)
    for var in ("PREFECT_API_URL", "PREFECT_API_DATABASE_CONNECTION_URL"):
        monkeypatch.delenv(var, raising=False)
    return tpl


def test_new_home_gets_a_copy_of_the_template(tmp_path, monkeypatch):
    _template(tmp_path, monkeypatch)
    home = tmp_path / "wh" / ".prefect"
    assert prefect_home.seed(home) is True
    assert (home / "prefect.db").read_bytes() == b"migrated"
    assert [p.name for p in home.iterdir()] == ["prefect.db"]  # no temporary file left


def test_existing_database_is_never_replaced(tmp_path, monkeypatch):
    _template(tmp_path, monkeypatch)
    home = tmp_path / "wh" / ".prefect"
    home.mkdir(parents=True)
    (home / "prefect.db").write_bytes(b"history")
    assert prefect_home.seed(home) is False
    assert (home / "prefect.db").read_bytes() == b"history"


def test_no_template_or_another_database_means_no_copy(tmp_path, monkeypatch):
    tpl = _template(tmp_path, monkeypatch)
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert prefect_home.seed(tmp_path / "a") is False
    monkeypatch.delenv("PREFECT_API_URL")
    tpl.unlink()
    assert prefect_home.seed(tmp_path / "b") is False
    assert not (tmp_path / "b" / "prefect.db").exists()
