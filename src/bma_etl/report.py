"""The analyst's report: one self-contained HTML file of charts and tables.

Stage: none (after load). Reads the warehouse through the locked-down reader of
:mod:`bma_etl.query` and writes one HTML file that opens without a network: the
charts are Vega-Lite specifications made with altair, drawn by the vega-embed
bundle that vl-convert-python ships, inlined into the page with the data. The
sections are

- budget: planned (``v_plan_vs_actual``) against allocated and spent
  (``v_projects_latest``) by agency and fiscal year, in baht;
- progress: each project's dated progress entries (``progress_updates`` of its
  latest snapshot) over its fiscal year, beside the straight-line plan that runs
  from 0 % on 1 October to 100 % on 30 September;
- projects behind plan, cancelled or suspended (a table);
- quality issues by code;
- ingestion health: the last runs and the quarantined files with their reasons
  (:func:`bma_etl.query.status`).

An empty warehouse gives a valid report whose sections say there is no data.

The parts: :mod:`bma_etl.report_data` reads what the report shows,
:mod:`bma_etl.report_html` draws it; this module writes the file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bma_etl.errors import BmaEtlError, UsageError
from bma_etl.exports import check_output
from bma_etl.report_data import (
    ACTUAL_SERIES,
    BEHIND_TH,
    MAX_CURVES,
    MEASURES,
    NO_AGENCY_TH,
    NOT_ON_PLAN_TH,
    PLAN_SERIES,
    STATUS_TH,
    ReportData,
    collect,
    planned_pct,
    thai_date,
)
from bma_etl.report_html import THAI_FONTS, Chart, charts, render_html
from bma_etl.warehouse_file import Target

__all__ = [
    "ACTUAL_SERIES", "BEHIND_TH", "MAX_CURVES", "MEASURES", "NOT_ON_PLAN_TH", "NO_AGENCY_TH",
    "PLAN_SERIES", "STATUS_TH", "THAI_FONTS", "Chart", "ReportData", "ReportError", "charts",
    "collect", "planned_pct", "render_html", "thai_date", "write_report",
]


class ReportError(BmaEtlError):
    """The report file could not be written (permissions, disk)."""

    stage = "report"


def write_report(db: Target, out: Path, force: bool = False) -> ReportData:
    """Write the report of the warehouse at ``db`` to the HTML file ``out``; return its data.

    ``out`` is refused like an ``export`` target (never the warehouse or a DuckDB
    file, an existing file only with ``force``: :class:`~bma_etl.errors.UsageError`).
    The page is written to a temporary file beside ``out`` and renamed into place, so
    ``out`` is the old file or the whole new one.
    """
    _check(out, db, force)
    data = collect(db)
    page = render_html(data)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise ReportError(f"{out}: cannot write here ({exc.strerror})") from exc
    part = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(page)
        _check(out, db, force)  # again: the file may have appeared meanwhile
        part.chmod(0o666 & ~_umask())  # mkstemp's file is private; a report is not
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return data


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _check(out: Path, db: Target, force: bool) -> None:
    try:
        check_output(out, db, force)
    except UsageError as exc:  # the same refusals as export, named for this command
        raise UsageError(str(exc), stage="report") from exc
