"""A small real warehouse for the report tests: the seed article, a second wire report, and an
article whose text, title, source and URL carry markup and script (written for these tests)."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import SEED_ARTICLES

HOSTILE_TITLE = "Talks <img src=x onerror=\"document.documentElement.dataset.pwned='title'\"> resume"
HOSTILE_TEXT = ("KYIV - Ukrainian and Turkish ministers met in Kyiv on Tuesday, officials said. "
                "<script>document.documentElement.dataset.pwned='text'</script> A spokesman wrote "
                "<img src=x onerror=\"document.documentElement.dataset.pwned='img'\"> on a forum. "
                "The talks ended </script> after an hour.")
ARTICLES = [
    {"id": "hostile", "published": "2025-06-05", "title": HOSTILE_TITLE,
     "source": "</script><script>document.documentElement.dataset.pwned='source'</script>",
     "url": "javascript:document.documentElement.dataset.pwned='url'", "text": HOSTILE_TEXT},
    {"id": "wire", "published": "2025-06-03", "source": "Wire A", "title": "Second round in Istanbul",
     "url": "https://example.org/news/second-round",
     "text": "ISTANBUL - Russian and Ukrainian delegations met in Istanbul on Monday for a second round of "
             "direct talks, officials said. Russia accused Ukraine of delaying an exchange of prisoners."},
]


@pytest.fixture(scope="session")
def report_warehouse(prefect_harness, tmp_path_factory):
    """Warehouse folder built by the real flow over the seed and the two articles above."""
    from flows.pipeline import dateline_flow

    base = tmp_path_factory.mktemp("report")
    inputs = base / "in"
    inputs.mkdir()
    for name in ("istanbul-talks.txt", "istanbul-talks.meta.json"):
        shutil.copy(SEED_ARTICLES / name, inputs / name)
    with open(inputs / "wire.jsonl", "w", encoding="utf-8") as fh:
        for a in ARTICLES:
            fh.write(json.dumps(a) + "\n")
        fh.write("{broken\n")  # one quarantined item for the quality panel
    wh = base / "wh"
    dateline_flow(inputs=[str(inputs)], warehouse_dir=str(wh), workers=1)
    return wh


@pytest.fixture(scope="session")
def report_file(report_warehouse, tmp_path_factory):
    from transforms.report import build_report

    return build_report(report_warehouse, tmp_path_factory.mktemp("html") / "report.html")
