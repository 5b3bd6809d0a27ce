"""The deployment `dateline serve` serves (built without any Prefect API)."""

from __future__ import annotations

import datetime as dt

import pytest
from prefect.client.schemas.objects import ConcurrencyLimitStrategy

from flows.serve import build_deployment


def test_cron_deployment_runs_the_flow_with_absolute_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    dep = build_deployment(["in"], "wh", cron="0 * * * *")
    assert dep.name == "dateline-scheduled"
    assert [s.schedule.cron for s in dep.schedules] == ["0 * * * *"]
    assert dep.parameters["inputs"] == [str(tmp_path / "in")]
    assert dep.parameters["warehouse_dir"] == str(tmp_path / "wh")
    assert dep.entrypoint == "flows.pipeline.dateline_flow"  # importable from any working directory


def test_interval_deployment_passes_the_run_options(tmp_path):
    dep = build_deployment([str(tmp_path)], str(tmp_path / "wh"), every=10, name="inbox",
                           parameters={"workers": 1, "assume_published": dt.date(2025, 6, 1)})
    assert dep.name == "inbox"
    assert [s.schedule.interval for s in dep.schedules] == [dt.timedelta(seconds=10)]
    assert dep.parameters["workers"] == 1 and dep.parameters["assume_published"] == dt.date(2025, 6, 1)


def test_one_run_at_a_time_and_overlapping_runs_are_cancelled(tmp_path):
    dep = build_deployment([str(tmp_path)], str(tmp_path / "wh"), every=60)
    assert dep.concurrency_limit == 1
    assert dep.concurrency_options.collision_strategy == ConcurrencyLimitStrategy.CANCEL_NEW


@pytest.mark.parametrize("schedule", [{}, {"cron": "0 * * * *", "every": 10}])
def test_exactly_one_schedule(tmp_path, schedule):
    with pytest.raises(ValueError, match="exactly one"):
        build_deployment([str(tmp_path)], str(tmp_path / "wh"), **schedule)
