"""The run summary as a Prefect markdown artifact (key ``dateline-run-summary``) on the flow run.

The key keeps one history across runs: the Prefect UI's Artifacts page shows the latest summary
and every earlier one; each flow run's page shows its own. The markdown is
:func:`transforms.pipeline.report.run_markdown`.
"""

from __future__ import annotations

from prefect import task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from transforms.pipeline.report import headline, run_markdown
from transforms.warehouse.checks import CheckResult

ARTIFACT_KEY = "dateline-run-summary"


@task(name="run-summary", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def report_run(run: dict, reasons: dict[str, int], results: list[CheckResult]) -> None:
    create_markdown_artifact(key=ARTIFACT_KEY, markdown=run_markdown(run, reasons, results),
                             description=headline(run, results))
