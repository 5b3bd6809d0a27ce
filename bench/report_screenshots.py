"""Screenshots of the seed report for the docs: docs/report-overview.png, docs/report-document.png.

    python bench/report_screenshots.py [--out docs]

Builds a temporary warehouse from seeds/articles with `dateline run`, writes its report with
`dateline report`, and photographs it in headless Chromium (Debian's package): the overview,
and the seed article's document view with "Monday morning" pointed at.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))
from _measure import env_without_prefect_home  # noqa: E402

from tests.report.chromium import Browser  # noqa: E402

POINT_AT_MONDAY = """[...document.querySelectorAll('#doc-text .timex')].find((s) => s.textContent === 'Monday morning')
    .dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=REPO / "docs")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dateline-shots-"))
    wh, report = work / "wh", work / "report.html"
    py = [sys.executable, "-m", "dateline.cli"]
    subprocess.run([*py, "run", "--input", str(REPO / "seeds" / "articles"), "--warehouse", str(wh)], check=True,
                   env=env_without_prefect_home(wh), stdout=subprocess.DEVNULL)
    subprocess.run([*py, "report", "--warehouse", str(wh), "--out", str(report)], check=True)
    with Browser(width=1280, height=900) as b:
        b.open(report)
        b.wait_for("document.documentElement.dataset.state === 'ready'")
        b.screenshot(args.out / "report-overview.png")
        doc = b.evaluate("JSON.parse(document.getElementById('dateline-data').textContent).documents[0].doc_id")
        b.evaluate(f"location.hash = '#doc/{doc}'")
        b.wait_for(f"document.documentElement.dataset.docview === '{doc}'")
        b.evaluate(POINT_AT_MONDAY)
        b.screenshot(args.out / "report-document.png")
        if b.errors() or len(b.requests) != 1:
            sys.exit(f"the report was not quiet: {b.errors()} {b.requests}")
    print(args.out / "report-overview.png")
    print(args.out / "report-document.png")


if __name__ == "__main__":
    main()
