"""What the analyst's report shows, read from the warehouse.

Stage: none (after load). :func:`collect` reads, through the locked-down reader of
:mod:`bma_etl.query`, the budget by agency and fiscal year, each project's dated
progress beside the straight-line plan, the projects behind plan, cancelled or
suspended, the quality issues and the ingestion health, into a
:class:`ReportData`. Drawn by :mod:`bma_etl.report_html`; the sections are told in
:mod:`bma_etl.report`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from bma_etl.normalize.fiscal import fiscal_year_bounds
from bma_etl.query import Result, reading, status
from bma_etl.warehouse_file import Target

#: Progress curves drawn at most; the rest are counted in a note (most behind first).
MAX_CURVES = 48

MEASURES = ("งบตามแผน", "งบที่ได้รับ", "งบที่ใช้ไป")  # planned, allocated, spent
PLAN_SERIES, ACTUAL_SERIES = "แผนเส้นตรง", "ผลงานที่รายงาน"
STATUS_TH = {"cancelled": "ยกเลิก", "suspended": "ชะลอ/ระงับ", "completed": "เสร็จสิ้น",
             "in_progress": "อยู่ระหว่างดำเนินการ"}
BEHIND_TH = "ช้ากว่าแผน"
NOT_ON_PLAN_TH = "รายงานว่าไม่เป็นไปตามแผน"
NO_AGENCY_TH = "(ไม่ระบุหน่วยงาน)"
_MONTHS_TH = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
              "ต.ค.", "พ.ย.", "ธ.ค.")


@dataclass(slots=True)
class ReportData:
    """What the report shows, read from one warehouse."""

    db: Target
    generated_at: datetime
    documents: int = 0
    projects: int = 0
    plans: int = 0
    budget: list[dict[str, Any]] = field(default_factory=list)
    curves: list[dict[str, Any]] = field(default_factory=list)
    curves_total: int = 0
    undated: int = 0
    flagged: list[dict[str, Any]] = field(default_factory=list)
    issues: list[dict[str, Any]] = field(default_factory=list)
    runs: Result = field(default_factory=lambda: Result([], []))
    quarantined: Result = field(default_factory=lambda: Result([], []))


def thai_date(d: date) -> str:
    """``d`` as a Thai date with its Buddhist-era year.

    >>> thai_date(date(2019, 10, 15))
    '15 ต.ค. 2562'
    """
    return f"{d.day} {_MONTHS_TH[d.month - 1]} {d.year + 543}"


def planned_pct(fy_be: int, on: date) -> float:
    """The straight-line plan's percent on ``on``: 0 on 1 October, 100 on 30 September.

    Days before the fiscal year give 0, days after it 100. Raises
    :class:`~bma_etl.errors.NormalizeError` for a year that is not BE.

    >>> planned_pct(2563, date(2019, 10, 1)), planned_pct(2563, date(2020, 9, 30))
    (0.0, 100.0)
    >>> planned_pct(2563, date(2020, 4, 1))  # 183 of 365 days
    50.14
    """
    start, end = fiscal_year_bounds(fy_be)
    share = (on - start).days / (end - start).days
    return round(100.0 * min(1.0, max(0.0, share)), 2)


def _num(value: Decimal | float | int | None) -> float | None:
    return None if value is None else float(value)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


_BUDGET_SQL = """
SELECT fiscal_year_be, plan_agency AS agency, planned_thb, allocated_thb, spent_thb
FROM v_plan_vs_actual
UNION ALL  -- projects of an agency and year that no plan covers
SELECT a.fiscal_year_be, a.agency, NULL, sum(a.budget_allocated_thb), sum(a.budget_spent_thb)
FROM v_projects_latest a
WHERE NOT EXISTS (SELECT 1 FROM v_plan_vs_actual v
                  WHERE v.fiscal_year_be = a.fiscal_year_be
                    AND a.agency IN (v.plan_agency, v.parent_agency))
GROUP BY ALL
ORDER BY fiscal_year_be, agency
"""

_PROJECTS_SQL = """
WITH dated AS (
    SELECT doc_id, max(report_date) AS last_date,
           arg_max(progress_pct, report_date) AS last_pct,
           arg_max(on_plan, report_date) AS last_on_plan
    FROM progress_updates
    WHERE report_date IS NOT NULL AND progress_pct IS NOT NULL
    GROUP BY doc_id
)
SELECT p.doc_id, p.project_code, p.project_name, p.agency, p.fiscal_year_be, p.status,
       p.progress_pct, p.source_path, d.last_date, d.last_pct, d.last_on_plan
FROM v_projects_latest p
LEFT JOIN dated d USING (doc_id)
ORDER BY p.fiscal_year_be, p.project_code, p.project_name
"""

_ENTRIES_SQL = """
SELECT doc_id, report_date, progress_pct, seq_label
FROM progress_updates
WHERE report_date IS NOT NULL AND progress_pct IS NOT NULL
ORDER BY doc_id, report_date, ordinal
"""


def collect(db: Target) -> ReportData:
    """Read what the report shows from the warehouse at ``db`` (opened read-only).

    Raises :class:`~bma_etl.errors.UsageError` when there is no file at ``db`` and
    :class:`~bma_etl.errors.WarehouseError` when it is not a bma-etl warehouse.
    """
    data = ReportData(db=db, generated_at=datetime.now().replace(microsecond=0))
    with reading(db) as con:
        counts = con.execute(
            "SELECT (SELECT count(*) FROM documents WHERE status = 'loaded'), "
            "(SELECT count(*) FROM v_projects_latest), (SELECT count(*) FROM plans)").fetchone()
        data.documents, data.projects, data.plans = (int(v) for v in counts or (0, 0, 0))
        data.budget = _budget(_rows(con, _BUDGET_SQL))
        projects = _rows(con, _PROJECTS_SQL)
        entries = _rows(con, _ENTRIES_SQL)
        data.issues = _rows(con, "SELECT code, severity, count(*) AS issues, "
                                 "count(DISTINCT doc_id) AS documents FROM quality_issues "
                                 "GROUP BY ALL ORDER BY issues DESC, code")
    _progress(data, projects, entries)
    health = status(db)
    data.runs, data.quarantined = health.runs, health.quarantined
    return data


def _budget(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Budget rows in long form: one per fiscal year, agency and measure with an amount."""
    out = []
    for row in rows:
        amounts = (row["planned_thb"], row["allocated_thb"], row["spent_thb"])
        for measure, amount in zip(MEASURES, amounts, strict=True):
            if amount is not None:
                out.append({"fiscal_year": f"ปีงบประมาณ {row['fiscal_year_be'] or '?'}",
                            "agency": row["agency"] or NO_AGENCY_TH, "measure": measure,
                            "amount_thb": _num(amount)})
    return out


def _progress(data: ReportData, projects: list[dict[str, Any]],
              entries: list[dict[str, Any]]) -> None:
    """Fill the progress curves and the table of flagged projects."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        by_doc.setdefault(entry["doc_id"], []).append(entry)
    drawable = []
    for p in projects:
        fy = p["fiscal_year_be"]
        plan = None
        if fy is not None and fy >= 2400 and p["last_date"] is not None:
            plan = planned_pct(fy, p["last_date"])
        gap = None if plan is None else round(plan - float(p["last_pct"]), 2)
        reasons = []
        if gap is not None and gap > 0:
            reasons.append(BEHIND_TH)
        if p["status"] in ("cancelled", "suspended"):
            reasons.append(STATUS_TH[p["status"]])
        if p["last_on_plan"] is False:
            reasons.append(NOT_ON_PLAN_TH)
        label = (" ".join(x for x in (p["project_code"], _short(p["project_name"])) if x)
                 or f"({Path(p['source_path'] or '?').name})")  # neither code nor name
        if reasons:
            data.flagged.append({
                "project": label, "agency": p["agency"] or "", "fiscal_year_be": fy,
                "status": STATUS_TH.get(p["status"] or "", ""),
                "as_of": thai_date(p["last_date"]) if p["last_date"] else "",
                "progress": _num(p["last_pct"] if p["last_date"] else p["progress_pct"]),
                "plan": plan, "gap": gap, "reasons": ", ".join(reasons)})
        if fy is None or fy < 2400 or p["doc_id"] not in by_doc:
            data.undated += 1
            continue
        drawable.append((-(gap or 0.0), label, fy, by_doc[p["doc_id"]]))
    data.flagged.sort(key=lambda r: (-(r["gap"] or 0.0), r["project"]))
    data.curves_total = len(drawable)
    for _, label, fy, rows in sorted(drawable, key=lambda d: (d[0], d[1]))[:MAX_CURVES]:
        start, end = fiscal_year_bounds(fy)
        title = f"{label} (ปีงบประมาณ {fy})"
        for d, pct in ((start, 0.0), (end, 100.0)):
            data.curves.append(_point(title, PLAN_SERIES, d, pct))
        for row in rows:
            data.curves.append(_point(title, ACTUAL_SERIES, row["report_date"],
                                      _num(row["progress_pct"])))


def _point(project: str, series: str, d: date, pct: float | None) -> dict[str, Any]:
    # a local-time timestamp: Vega reads a bare ISO date as UTC midnight
    return {"project": project, "series": series, "date": f"{d.isoformat()}T00:00:00",
            "date_th": thai_date(d), "progress_pct": pct}


def _short(name: str | None, limit: int = 60) -> str:
    """``name`` cut to ``limit`` characters with an ellipsis.

    >>> _short("โครงการ" * 20, 10)
    'โครงการโคร…'
    """
    if not name:
        return ""
    return name if len(name) <= limit else name[:limit] + "…"
