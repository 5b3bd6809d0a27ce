"""End to end over a mixed-language folder (tests/fixtures/world): every document kept, its
language right, time expressions present and anchored to the local day, events only in English."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def world_run(prefect_harness, tmp_path_factory):
    from flows.pipeline import dateline_flow

    base = tmp_path_factory.mktemp("world")
    inputs = base / "in"
    shutil.copytree(FIXTURES / "world", inputs)
    wh = base / "wh"
    summary = dateline_flow(inputs=[str(inputs)], warehouse_dir=str(wh), workers=1)
    con = duckdb.connect(str(wh / "dateline.duckdb"), read_only=True)
    yield summary, con
    con.close()


def _doc(con, name: str) -> str:
    return con.execute("select doc_id from documents where input_path like ?", [f"%{name}"]).fetchone()[0]


def test_all_documents_kept_with_their_languages(world_run):
    summary, con = world_run
    assert summary["new"] == 6 and summary["quarantined"] == 0
    rows = dict(con.execute("select regexp_extract(input_path, '[^/]+$'), language from documents").fetchall())
    assert rows == {"paris.html": "fr", "berlin.html": "de", "madrid.txt": "es", "london.html": "en",
                    "moskva.txt": "ru", "beijing.jsonl": "zh"}
    assert con.execute("select count(*) from quarantine").fetchone()[0] == 0


def test_time_expressions_are_anchored_to_the_local_day(world_run):
    _, con = world_run
    local = dict(con.execute("select regexp_extract(input_path, '[^/]+$'), published_local_date::varchar "
                             "from documents").fetchall())
    assert local["madrid.txt"] == "2025-05-31" and local["london.html"] == "2025-05-31"  # a UTC evening

    def values(name: str) -> dict[str, str]:
        return dict(con.execute("select text, value from time_expressions where doc_id = ?",
                                [_doc(con, name)]).fetchall())

    # Saturday 31 May in Madrid (23:30 UTC on Friday): "el sábado" is that day, not a week back
    assert values("madrid.txt")["el sábado"] == "2025-05-31"
    assert values("madrid.txt")["el lunes por la mañana"] == "2025-06-02TMO"
    assert values("london.html")["Friday"] == "2025-05-30" and values("london.html")["Saturday"] == "2025-05-31"
    assert values("paris.html")["lundi prochain"] == "2025-06-02"
    assert values("berlin.html")["Mittwoch"] == "2025-05-28"
    assert values("moskva.txt")["вчера"] == "2025-05-29"
    assert values("beijing.jsonl")["昨天"] == "2025-05-29"
    anchors = {r[0] for r in con.execute("select distinct anchor from time_expressions").fetchall()}
    assert "publication_date" in anchors


def test_events_only_where_a_model_exists(world_run):
    _, con = world_run
    rows = dict(con.execute("select language, events_extracted from documents").fetchall())
    assert rows == {"fr": False, "de": False, "es": False, "en": True, "ru": False, "zh": False}
    reasons = {r[0] for r in con.execute("select events_not_extracted_reason from documents where language <> 'en'")
               .fetchall()}
    assert all(r and "no event model" in r for r in reasons)
    langs = {r[0] for r in con.execute("select distinct d.language from events e join documents d using (doc_id)")
             .fetchall()}
    assert langs <= {"en"}
