"""A history page printed by LibreOffice keeps its responsible unit when the progress line is lost.

The tracking system's history page prints the progress line (``ความคืบหน้าโครงการ
ร้อยละ 47``), the responsible unit under it (``ฝ่ายโยธา``), then the links line
(``ดูโครงการแผนปีฯ : พิมพ์ข้อมูล``). LibreOffice's print of a page of ``<div>`` lines
(an empty first page) loses the first one: the unit opened the page with no progress
line over it and was read as no field (``division`` NULL). The unit is the short line
right over the links line (:func:`bma_etl.layouts.history_head_unit.unit_over_links`).

The page is built here from known values in the template's shape and printed by
LibreOffice (``render._soffice``); the truth is those values.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from bma_etl.pipeline_file import process_file

from corpus import render

_STYLE = "<style>.tl{border-left:3px solid #39c;margin:6px 0;padding:4px}.lbl{color:#666}</style>"


def _page(unit: str, pct: int, rationale: str, code: str) -> str:
    """A history page of ``<div>`` lines over a ``<th>`` table of one entry."""
    top = [f"ความคืบหน้าโครงการ ร้อยละ {pct}", unit, "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล", rationale,
           f"{code}/{code}", "เพื่อซ่อมแซมผิวถนนที่ชำรุด", "ซ่อมแซมถนน 12 สาย"]
    html = ["<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'><title>ความคืบหน้า"
            f"โครงการ - ระบบติดตามโครงการ กทม.</title>{_STYLE}</head><body>"]
    html += [f"<div>{line}</div>" for line in top]
    html.append("<table><thead><tr><th>ครั้งที่</th><th>ความคืบหน้า</th><th>วันที่/รายละเอียด"
                "</th><th>ปัญหา/อุปสรรค</th></tr></thead><tbody>")
    html.append(f"<tr><td>(1)</td><td>ความคืบหน้าโครงการฯ ร้อยละ {pct}.00 (2024-05-02)</td>"
                "<td>02/05/2567 : ซ่อมแซมแล้ว 5 สาย</td><td>** ปัญหาของโครงการ :ไม่มี<br>"
                "** อุปสรรคของโครงการ :ไม่มี</td></tr>")
    html.append("</tbody></table></body></html>")
    return "\n".join(html)


@pytest.mark.parametrize(("unit", "pct", "rationale", "code"), [
    ("ฝ่ายโยธา", 47, "สำนักงานเขตดำเนินการซ่อมแซมถนนในพื้นที่เขตบางกะปิ", "50020100"),
    ("กองระบบคลอง", 83, "พื้นที่ริมคลองแสนแสบมีตลิ่งทรุดตัวต่อเนื่องหลายจุด", "11040200"),
])
def test_the_unit_over_the_links_line_is_the_division(tmp_path: Path, unit: str, pct: int,
                                                      rationale: str, code: str) -> None:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    html = tmp_path / "history.html"
    html.write_text(_page(unit, pct, rationale, code), encoding="utf-8")
    pdf = tmp_path / "history.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        assert render._soffice(tmp, [str(html)], [pdf], "--convert-to", "pdf") == {}
    for path in (html, pdf):  # the page as served, and as LibreOffice printed it
        processed = process_file(path)
        assert processed.layout == "web_progress_history"
        (project,) = processed.rows("projects")
        assert project.division == unit, path.suffix
        assert project.unit_code == code
