"""The analysts' report: one self-contained HTML file of charts, tables and document views.

``build_report(warehouse, out)`` reads the warehouse (:mod:`~transforms.report.data`), builds
the Vega-Lite charts (:mod:`~transforms.report.charts`) and writes the page
(:mod:`~transforms.report.render`); :mod:`~transforms.report.filters` holds the scope.
"""

from __future__ import annotations

from pathlib import Path

from transforms.report.filters import Scope


def build_report(warehouse: Path, out: Path, scope: Scope | None = None) -> Path:
    """Write the report of ``warehouse`` (within ``scope``) to ``out``, atomically; returns ``out``."""
    from transforms.report import charts, data, render

    scope = scope or Scope()
    payload = data.load(Path(warehouse), scope)
    payload["charts"] = charts.overview_charts(payload, render.basemap())
    payload["status_colors"] = charts.status_colors()
    title = "Dateline report" + ("" if not scope.filtered else f": {scope.describe()}")
    return render.write_atomic(Path(out), render.render_html(payload, title))


__all__ = ["Scope", "build_report"]
