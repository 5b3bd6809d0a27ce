"""The report opened from disk in headless Chromium (Debian's package): quiet, offline, drawn,
and inert against markup in article text, titles, sources and URLs."""

from __future__ import annotations

import pytest

from tests.report.chromium import Browser, find_chromium
from tests.report.conftest import HOSTILE_TITLE

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(find_chromium() is None,
                                 reason="chromium is not installed (apt-get install chromium; .ci/run installs it)")]

READY = "['ready', 'error'].includes(document.documentElement.dataset.state) && document.documentElement.dataset.state"


@pytest.fixture(scope="module")
def page(report_file):
    with Browser() as browser:
        browser.open(report_file)
        browser.wait_for(READY, timeout=120)
        yield browser


def _doc_id(page, where: str) -> str:
    return page.evaluate(f"(() => {{ const d = JSON.parse(document.getElementById('dateline-data').textContent)"
                         f".documents.find((d) => {where}); return d && d.doc_id; }})()")


def _show(page, doc_id: str) -> None:
    page.evaluate(f"location.hash = '#doc/{doc_id}'")
    page.wait_for(f"document.documentElement.dataset.docview === '{doc_id}'", timeout=60)


def test_report_draws_every_chart_with_no_error_and_no_request(page, report_file):
    assert page.evaluate("document.documentElement.dataset.state") == "ready"
    charts = page.evaluate("""[...document.querySelectorAll('#overview .chart')].map((c) =>
        [c.dataset.chart, c.dataset.drawn === 'true', c.querySelectorAll('svg path, svg rect, svg line, svg text').length])""")
    ids = [c[0] for c in charts]
    assert {"events-over-time", "intensity", "top-dyads", "map", "languages", "published-sources", "quarantine"} <= set(ids)
    assert all(drawn and marks > 10 for _, drawn, marks in charts), charts
    assert page.errors() == []
    assert page.requests == [report_file.resolve().as_uri()]


def test_map_draws_country_outlines_and_places(page):
    shapes = page.evaluate("document.querySelectorAll('[data-chart=map] .mark-shape path').length")
    points = page.evaluate("document.querySelectorAll('[data-chart=map] .mark-symbol path').length")
    assert shapes > 150 and points >= 3


def test_dyad_table_sorts_on_click(page):
    first = "document.querySelector('#dyads table.data tbody tr td:nth-child(4)').textContent"
    cells = "[...document.querySelectorAll('#dyads table.data tbody tr td:nth-child(4)')].map((c) => Number(c.textContent))"
    assert page.evaluate(cells) == sorted(page.evaluate(cells), reverse=True)
    page.evaluate("document.querySelector('#dyads th[data-key=events] button').click()")
    assert page.evaluate(cells) == sorted(page.evaluate(cells))
    assert page.evaluate(first) == str(min(page.evaluate(cells)))


def test_document_search_filters_the_list(page):
    rows = "document.querySelectorAll('#doc-table tbody tr').length"
    assert page.evaluate(rows) == 3
    search = "{{ const s = document.getElementById('doc-search'); s.value = '{}'; s.dispatchEvent(new Event('input')); }}"
    page.evaluate(search.format("second round"))
    assert page.evaluate(rows) == 1
    assert page.evaluate("document.querySelector('#doc-table a.doc-link').textContent") == "Second round in Istanbul"
    page.evaluate(search.format(""))
    assert page.evaluate(rows) == 3


def test_seed_document_view_shows_monday_morning_as_2025_06_02(page, report_file):
    seed = _doc_id(page, "d.published_date === '2025-05-30'")
    link = page.evaluate(f"document.querySelector('#doc-table a[href=\"#doc/{seed}\"]') !== null")
    assert link
    _show(page, seed)
    monday = page.evaluate("""(() => { const s = [...document.querySelectorAll('#doc-text .timex')]
        .find((s) => s.textContent === 'Monday morning'); return s && [s.dataset.value, s.title]; })()""")
    assert monday and monday[0] == "2025-06-02TMO" and "interval 2025-06-02" in monday[1]
    friday = page.evaluate("[...document.querySelectorAll('#doc-text .timex')].filter((s) => s.textContent === 'Friday')"
                           ".map((s) => s.dataset.value)")
    assert friday == ["2025-05-30"] * 3
    # hovering shows how it was read in the side panel
    page.evaluate("[...document.querySelectorAll('#doc-text .timex')].find((s) => s.textContent === 'Monday morning')"
                  ".dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))")
    panel = page.evaluate("document.getElementById('doc-detail').textContent")
    assert "2025-06-02TMO" in panel and "the publication date, 2025-05-30 (a Friday)" in panel
    assert page.evaluate("document.querySelectorAll('#doc-text .mark-trigger').length") > 10
    assert page.evaluate("document.querySelectorAll('#doc-text .mark-source').length") > 5
    assert page.evaluate("document.querySelectorAll('#doc-text .mark-target').length") > 3
    timeline = page.evaluate("document.querySelectorAll('[data-chart=doc-timeline] .mark-rect path').length")
    assert timeline >= 10
    assert page.errors() == [] and page.requests == [report_file.resolve().as_uri()]


def test_markup_in_article_title_source_and_url_is_shown_as_text_and_runs_nothing(page, report_file):
    hostile = _doc_id(page, "d.title && d.title.startsWith('Talks <img')")
    # the overview lists the title as text: no element was made from it
    assert page.evaluate("document.querySelectorAll('#overview img, #docview img').length") == 0
    _show(page, hostile)
    assert page.evaluate("document.getElementById('doc-title').textContent") == HOSTILE_TITLE
    text = page.evaluate("document.getElementById('doc-text').textContent")
    assert "<script>document.documentElement.dataset.pwned='text'</script>" in text
    assert "<img src=x onerror=" in text and "The talks ended </script> after an hour." in text
    meta = page.evaluate("document.getElementById('doc-meta').textContent")
    assert "</script><script>" in meta and "URL not shown" in meta
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 5
    assert page.evaluate("[...document.querySelectorAll('a')].filter((a) => !/^(https?:|file:)/.test(a.href)).length") == 0
    assert page.evaluate("document.documentElement.dataset.pwned === undefined")
    assert page.errors() == [] and page.requests == [report_file.resolve().as_uri()]


def test_back_link_returns_to_the_overview(page):
    page.evaluate("document.querySelector('#docview a.back').click()")
    page.wait_for("!document.getElementById('overview').hidden && document.getElementById('docview').hidden")
