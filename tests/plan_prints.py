"""Action plans generated from known values and printed by Chromium from HTML tables.

Shared by the tests of plans whose tables have merged cells or a sheet's headings
(:mod:`test_plan_merged_cells`, :mod:`test_plan_sheet_headings`, :mod:`test_merged_cell_ditto`).
A plan's agency, year and projects (name, budget, responsible unit) are drawn by
seed; its tables may merge one column's cell over rows (``rowspan``).
"""

from __future__ import annotations

import random
from decimal import Decimal
from html import escape
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.doc import GeneratedDoc
from corpus.values import draw_amount, money_str, project_name
from thai_fonts import font_file

FONT = "Garuda"
AGENCIES = ("สำนักการระบายน้ำ", "สำนักการโยธา", "สำนักสิ่งแวดล้อม", "สำนักการจราจรและขนส่ง")
UNITS = ("กองระบบท่อระบายน้ำ", "กองสารสนเทศระบายน้ำ", "ฝ่ายบริหารงานทั่วไป", "ส่วนแผนงานฯ",
         "กองควบคุมการก่อสร้าง")

Project = tuple[str, Decimal | None, str]  # name, budget (None: ไม่ใช้งบประมาณ), unit


def plan(rng: random.Random) -> tuple[str, int, list[Project], list[Project]]:
    """``(agency, year, strategic projects, key projects)`` drawn from ``rng``."""
    agency, year = rng.choice(AGENCIES), rng.randint(2565, 2569)

    def projects(n: int) -> list[Project]:
        return [(project_name(rng, long=False), draw_amount(rng, 200_000, 15_000_000)
                 if k != n - 1 else None, rng.choice(UNITS)) for k in range(n)]

    return agency, year, projects(rng.randint(2, 3)), projects(rng.randint(4, 5))


def money(amount: Decimal | None) -> str:
    """A budget cell as a plan prints it (``ไม่ใช้งบประมาณ``: no budget)."""
    return "ไม่ใช้งบประมาณ" if amount is None else f"{money_str(amount)}.- บาท"


def _table(title: str, rows: list[Project], merge: tuple[str, int, int] | None,
           valign: str, shown: list[str] | None = None) -> str:
    """One ruled project table; ``merge``: (columns, first row, rows spanned).

    ``columns``: ``seq``, ``name``, ``budget`` or ``unit``, several apart by spaces. When
    the number is merged, the rows it covers are one project's (numbered once).
    """
    merged = merge[0].split() if merge else []
    out = [f"<p><b>{escape(title)}</b></p><table><tr><th>ลำดับที่</th><th>ชื่อโครงการ</th>"
           "<th>งบประมาณ</th><th>ส่วนราชการที่รับผิดชอบ</th></tr>"]
    for k, (name, amount, unit) in enumerate(rows):
        covered = merge is not None and merge[1] < k < merge[1] + merge[2]
        seq = k + 1 - (min(k - merge[1], merge[2] - 1) if merge and "seq" in merged
                       and k > merge[1] else 0)
        cells = {"seq": str(seq), "name": escape(name),
                 "budget": escape(shown[k] if shown else money(amount)), "unit": escape(unit)}
        tds = []
        for column in ("seq", "name", "budget", "unit"):
            if column in merged and covered:
                continue  # covered by the merged cell above
            span = f' rowspan="{merge[2]}" style="vertical-align: {valign}"' \
                if merge and column in merged and k == merge[1] else ""
            tds.append(f"<td{span}>{cells[column]}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    total = sum((a for _, a, _ in rows if a is not None), Decimal(0))
    out.append(f"<tr><td colspan='2'>รวมงบประมาณทั้งสิ้น</td><td>{money(total)}</td><td></td>"
               "</tr></table>")
    return "".join(out)


def plan_html(agency: str, year: int, strategic: list[Project], key: list[Project],
              merge: tuple[str, int, int] | None, valign: str, shown: list[str] | None) -> str:
    """A plan's page: its heads, a strategic table and a key table (``merge``: :func:`_table`)."""
    head = [f"<p>แผนปฏิบัติการประจำปี พ.ศ. {year}</p>", f"<p>{agency}</p>", "<p>วิสัยทัศน์</p>",
            "<p>กรุงเทพมหานครเมืองน่าอยู่ ปลอดภัย ระบายน้ำได้รวดเร็ว</p>", "<p>พันธกิจ</p>",
            "<p>๑. พัฒนาระบบงานให้มีประสิทธิภาพ</p>",
            f"<p>สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. {year}</p>"]
    return ("<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'><style>"
            "table { border-collapse: collapse; width: 100%; margin: 6px 0; }"
            " td, th { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }"
            " th { background: #ddd; } p { margin: 2px 0; }</style></head><body>"
            + "".join(head)
            + _table(f"โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. {year}",
                     strategic, None, valign)
            + _table(f"โครงการสำคัญตามภารกิจของ{agency}", key, merge, valign, shown)
            + "<p>การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล</p></body></html>")


def print_html(tmp_path: Path, html: str, seed: int) -> Path:
    """``html`` printed by headless Chromium (A4, Garuda) to ``tmp_path``; fails without it."""
    if not render.have("chromium"):
        pytest.fail("needs Chromium: make venv installs chromium")
    doc = GeneratedDoc("merged", "annual_action_plan", "", {}, html=html)
    out = tmp_path / f"plan{seed}.pdf"
    render.render_chromium(doc, out, FONT, font_file(FONT), random.Random(seed),
                           header_footer=False, paper="A4")
    return out


def plan_scan(tmp_path: Path, html: str, seed: int, *, family: str, font: Path, dpi: int,
              pt: int) -> Path:
    """``html`` printed by Chromium (A4 landscape, ``family`` from the font file ``font``
    at ``pt``), its first page rasterised in grey at ``dpi`` and saved as an image-only
    PDF (JPEG, quality 85): a clean scan. Fails the test without Chromium or the font."""
    import subprocess

    from PIL import Image

    if not render.have("chromium"):
        pytest.fail("needs Chromium: make venv installs chromium")
    if not font.is_file():
        pytest.fail(f"needs {family}: apt-get install fonts-thai-tlwg-ttf fonts-noto-core"
                    " (make venv does)")
    pdf = tmp_path / "plan.pdf"
    render.render_chromium(GeneratedDoc("plan", "annual_action_plan", "", {}, html=html), pdf,
                           family, font, random.Random(seed), header_footer=False,
                           paper="A4 landscape", pt=pt)
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    (page,) = [Image.open(p).convert("L") for p in tmp_path.glob("page*.pgm")]
    scan = tmp_path / "scan.pdf"
    page.save(scan, resolution=dpi, quality=85)
    return scan


def key_rows(pdf: Path) -> tuple[list[dict[str, object]], list[str]]:
    """The plan's key projects as read from ``pdf`` (dicts of their fields), and its issues."""
    result = process_file(pdf)
    assert result.layout == "annual_action_plan"
    rows = [r.model_dump() for r in result.rows("plan_projects") if r.section == "key"]
    issues = [i.message for i in result.rows("quality_issues")]
    return rows, issues
