"""The analyst's report drawn: Vega-Lite charts and one self-contained HTML page.

Stage: none (after load). Draws a :class:`~bma_etl.report_data.ReportData`: the
charts are Vega-Lite specifications made with altair, drawn by the vega-embed
bundle that vl-convert-python ships, inlined into the page with the data, so the
page opens without a network.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from bma_etl.report_data import (
    _MONTHS_TH,
    ACTUAL_SERIES,
    MAX_CURVES,
    MEASURES,
    PLAN_SERIES,
    ReportData,
    thai_date,
)

#: Fonts with Thai glyphs, first choice first (Debian's fonts-thai-tlwg-ttf gives the
#: first two); the charts and the page use the same list.
THAI_FONTS = "Garuda, Loma, Noto Sans Thai, sans-serif"
_MONTHS_TH_LONG = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                   "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart of the report: its container id and Vega-Lite spec (a dict)."""

    chart_id: str
    spec: dict[str, Any]


# --- charts --------------------------------------------------------------------------

#: Axis labels of dates: Thai month, Buddhist-era year.
_BE_LABEL = "timeFormat(datum.value, '%b') + ' ' + (year(datum.value) + 543)"


def charts(data: ReportData) -> list[Chart]:
    """The report's Vega-Lite charts (made with altair); a section without data has none."""
    import altair as alt

    out = []
    if data.budget:
        budget = alt.Chart(alt.Data(values=data.budget)).mark_bar().encode(
            x=alt.X("amount_thb:Q", title="บาท", axis=alt.Axis(format=",.0f")),
            y=alt.Y("agency:N", title=None, axis=alt.Axis(labelLimit=360)),
            yOffset=alt.YOffset("measure:N", sort=list(MEASURES)),
            color=alt.Color("measure:N", sort=list(MEASURES), title=None,
                            scale=alt.Scale(domain=list(MEASURES),
                                            range=["#9ecae1", "#3182bd", "#e6550d"]),
                            legend=alt.Legend(orient="top")),
            tooltip=[alt.Tooltip("fiscal_year:N", title="ปี"),
                     alt.Tooltip("agency:N", title="หน่วยงาน"),
                     alt.Tooltip("measure:N", title="รายการ"),
                     alt.Tooltip("amount_thb:Q", title="บาท", format=",.2f")],
        ).properties(width=560, height=alt.Step(8)).facet(
            row=alt.Row("fiscal_year:N", title=None,
                        header=alt.Header(labelAngle=0, labelAlign="left", labelFontSize=13,
                                          labelFontWeight="bold")),
        ).resolve_scale(y="independent")
        out.append(Chart("chart-budget", _configured(budget)))
    if data.curves:
        order = list(dict.fromkeys(p["project"] for p in data.curves))
        series = [ACTUAL_SERIES, PLAN_SERIES]
        curves = alt.Chart(alt.Data(values=data.curves)).mark_line(point=True).encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(labelExpr=_BE_LABEL, tickCount=4)),
            y=alt.Y("progress_pct:Q", title="ร้อยละ", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("series:N", title=None, scale=alt.Scale(
                domain=series, range=["#3182bd", "#999999"]), legend=alt.Legend(orient="top")),
            strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(
                domain=series, range=[[1, 0], [4, 4]]), legend=None),
            tooltip=[alt.Tooltip("date_th:N", title="วันที่"),
                     alt.Tooltip("progress_pct:Q", title="ร้อยละ"),
                     alt.Tooltip("series:N", title="ชุดข้อมูล")],
        ).properties(width=250, height=150).facet(
            facet=alt.Facet("project:N", title=None, sort=order,
                            header=alt.Header(labelLimit=260, labelFontSize=12)),
            columns=3,
        ).resolve_scale(x="independent")
        out.append(Chart("chart-progress", _configured(curves)))
    if data.issues:
        issues = alt.Chart(alt.Data(values=data.issues)).mark_bar().encode(
            y=alt.Y("code:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("sum(issues):Q", title="จำนวนปัญหา", axis=alt.Axis(tickMinStep=1,
                                                                        format="d")),
            color=alt.Color("severity:N", title="ระดับ", scale=alt.Scale(
                domain=["warning", "error"], range=["#fdae6b", "#de2d26"])),
            tooltip=[alt.Tooltip("code:N", title="ประเภท"),
                     alt.Tooltip("severity:N", title="ระดับ"),
                     alt.Tooltip("issues:Q", title="จำนวนปัญหา"),
                     alt.Tooltip("documents:Q", title="จำนวนเอกสาร")],
        ).properties(width=480)
        out.append(Chart("chart-issues", _configured(issues)))
    return out


def _configured(chart: Any) -> dict[str, Any]:
    """The chart's spec with the Thai fonts on every text it draws."""
    spec: dict[str, Any] = (
        chart.configure(font=THAI_FONTS)
        .configure_axis(labelFontSize=12, titleFontSize=12)
        .configure_legend(labelFontSize=12, titleFontSize=12, labelLimit=300)
        .configure_header(labelFontSize=12)
        .configure_view(stroke=None)
        .to_dict())
    return spec


# --- HTML ----------------------------------------------------------------------------

def _locale() -> dict[str, Any]:
    """d3's time-format locale in Thai (month names for the axes)."""
    return {"dateTime": "%a %e %b %Y %X", "date": "%d/%m/%Y", "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"],
            "shortDays": ["อา.", "จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส."],
            "months": list(_MONTHS_TH_LONG), "shortMonths": list(_MONTHS_TH)}


def _script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</`` to close it early)."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def render_html(data: ReportData) -> str:
    """The whole report as one HTML page: scripts, data and styles inline."""
    import jinja2
    import vl_convert
    from altair.utils.html import vl_version_for_vl_convert

    made = charts(data)
    # vl-convert's stub marks the snippet required; without one, the bundle sets
    # window.vegaEmbed (what altair's own inline template relies on)
    bundle = vl_convert.javascript_bundle(  # type: ignore[call-arg]
        vl_version=vl_version_for_vl_convert())
    template = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined
                                  ).from_string(
        resources.files("bma_etl").joinpath("report.html.j2").read_text(encoding="utf-8"))
    return template.render(
        data=data, fonts=THAI_FONTS, charts={c.chart_id for c in made},
        max_curves=MAX_CURVES, generated=thai_date(data.generated_at.date())
        + data.generated_at.strftime(" %H:%M"),
        bundle=jinja2.utils.markupsafe.Markup(bundle.replace("</script", "<\\/script")),
        specs=jinja2.utils.markupsafe.Markup(_script_json({c.chart_id: c.spec for c in made})),
        embed_options=jinja2.utils.markupsafe.Markup(_script_json(
            {"renderer": "svg", "actions": False, "timeFormatLocale": _locale()})),
    )
