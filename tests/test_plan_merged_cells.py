"""Action plans whose project tables have cells merged over rows (Word, spreadsheets, HTML).

A plan is generated from known values (agency, year, projects with their budgets
and units, drawn by seed) and printed by headless Chromium from HTML with
``rowspan`` cells, top- or middle-aligned as Word and a spreadsheet's Merge &
Center set them. The truth is the generated values:

- a responsible-unit cell merged over two or three projects states that unit for
  each of them;
- a budget cell merged over two projects (one amount for both) states neither
  project's own budget: both ``budget_thb`` NULL, each ``uses_budget``, a quality
  issue naming the shared amount, the section's stated total as printed.

The reader's part is checked on its own too: a ruled table drawn box by box, with
one box spanning rows, gives each row one line, the merged cell's text in its first
row and :data:`~bma_etl.read.pdf_rowspans.DITTO` in the others.
"""

from __future__ import annotations

import random
from decimal import Decimal
from html import escape
from itertools import pairwise
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_rowspans import DITTO
from bma_etl.read.pdf_tables import Box, rules_of, with_table_rows

from conftest import font_file
from corpus import render
from corpus.doc import GeneratedDoc
from corpus.values import draw_amount, money_str, project_name

FONT = "Garuda"
AGENCIES = ("สำนักการระบายน้ำ", "สำนักการโยธา", "สำนักสิ่งแวดล้อม", "สำนักการจราจรและขนส่ง")
UNITS = ("กองระบบท่อระบายน้ำ", "กองสารสนเทศระบายน้ำ", "ฝ่ายบริหารงานทั่วไป", "ส่วนแผนงานฯ",
         "กองควบคุมการก่อสร้าง")

Project = tuple[str, Decimal | None, str]  # name, budget (None: ไม่ใช้งบประมาณ), unit


def _plan(rng: random.Random) -> tuple[str, int, list[Project], list[Project]]:
    agency, year = rng.choice(AGENCIES), rng.randint(2565, 2569)

    def projects(n: int) -> list[Project]:
        return [(project_name(rng, long=False), draw_amount(rng, 200_000, 15_000_000)
                 if k != n - 1 else None, rng.choice(UNITS)) for k in range(n)]

    return agency, year, projects(rng.randint(2, 3)), projects(rng.randint(4, 5))


def _money(amount: Decimal | None) -> str:
    return "ไม่ใช้งบประมาณ" if amount is None else f"{money_str(amount)}.- บาท"


def _table(title: str, rows: list[Project], merge: tuple[str, int, int] | None,
           valign: str, shown: list[str] | None = None) -> str:
    """One ruled project table; ``merge``: (column, first row, rows spanned)."""
    out = [f"<p><b>{escape(title)}</b></p><table><tr><th>ลำดับที่</th><th>ชื่อโครงการ</th>"
           "<th>งบประมาณ</th><th>ส่วนราชการที่รับผิดชอบ</th></tr>"]
    for k, (name, amount, unit) in enumerate(rows):
        cells = {"seq": str(k + 1), "name": escape(name),
                 "budget": escape(shown[k] if shown else _money(amount)), "unit": escape(unit)}
        tds = []
        for column in ("seq", "name", "budget", "unit"):
            if merge and merge[0] == column and merge[1] < k < merge[1] + merge[2]:
                continue  # covered by the merged cell above
            span = f' rowspan="{merge[2]}" style="vertical-align: {valign}"' \
                if merge and merge[0] == column and k == merge[1] else ""
            tds.append(f"<td{span}>{cells[column]}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    total = sum((a for _, a, _ in rows if a is not None), Decimal(0))
    out.append(f"<tr><td colspan='2'>รวมงบประมาณทั้งสิ้น</td><td>{_money(total)}</td><td></td>"
               "</tr></table>")
    return "".join(out)


def _html(agency: str, year: int, strategic: list[Project], key: list[Project],
          merge: tuple[str, int, int] | None, valign: str, shown: list[str] | None) -> str:
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


def _print(tmp_path: Path, html: str, seed: int) -> Path:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: make venv installs chromium")
    doc = GeneratedDoc("merged", "annual_action_plan", "", {}, html=html)
    out = tmp_path / f"plan{seed}.pdf"
    render.render_chromium(doc, out, FONT, font_file(FONT), random.Random(seed),
                           header_footer=False, paper="A4")
    return out


def _key_rows(pdf: Path) -> tuple[list[dict[str, object]], list[str]]:
    result = process_file(pdf)
    assert result.layout == "annual_action_plan"
    rows = [r.model_dump() for r in result.rows("plan_projects") if r.section == "key"]
    issues = [i.message for i in result.rows("quality_issues")]
    return rows, issues


@pytest.mark.parametrize(("seed", "valign", "spanned"),
                         [(1, "top", 2), (2, "middle", 2), (3, "top", 3)])
def test_a_unit_cell_merged_over_rows_is_each_row_s_unit(tmp_path: Path, seed: int, valign: str,
                                                         spanned: int) -> None:
    rng = random.Random(f"merged-unit-{seed}")
    agency, year, strategic, key = _plan(rng)
    first = rng.randint(0, len(key) - spanned)
    unit = key[first][2]
    key = [(n, a, unit if first <= k < first + spanned else u) for k, (n, a, u) in enumerate(key)]
    pdf = _print(tmp_path, _html(agency, year, strategic, key, ("unit", first, spanned), valign,
                                 None), seed)
    rows, _ = _key_rows(pdf)
    assert [r["responsible_unit"] for r in rows] == [u for _, _, u in key]
    assert [r["budget_thb"] for r in rows] == [a for _, a, _ in key]
    assert [r["name"] for r in rows] == [n for n, _, _ in key]


@pytest.mark.parametrize(("seed", "valign"), [(4, "top"), (5, "middle")])
def test_a_budget_cell_merged_over_two_projects_is_neither_project_s_budget(
        tmp_path: Path, seed: int, valign: str) -> None:
    rng = random.Random(f"merged-budget-{seed}")
    agency, year, strategic, key = _plan(rng)
    first = rng.randint(0, len(key) - 3)  # two projects with amounts of their own
    shared = sum((a for _, a, _ in key[first:first + 2] if a is not None), Decimal(0))
    shown = [_money(shared) if first <= k < first + 2 else _money(a)
             for k, (_, a, _) in enumerate(key)]
    pdf = _print(tmp_path, _html(agency, year, strategic, key, ("budget", first, 2), valign,
                                 shown), seed)
    rows, issues = _key_rows(pdf)
    expected = [None if first <= k < first + 2 else a for k, (_, a, _) in enumerate(key)]
    assert [r["budget_thb"] for r in rows] == expected
    assert [r["uses_budget"] for r in rows] == [
        True if first <= k < first + 2 else a is not None for k, (_, a, _) in enumerate(key)]
    assert [r["responsible_unit"] for r in rows] == [u for _, _, u in key]
    assert [r["name"] for r in rows] == [n for n, _, _ in key]
    assert any(money_str(shared) in m and "merged" in m for m in issues), issues


# ---------------------------------------------------------------- the reader on its own

SIZE = 10.0


@pytest.mark.parametrize("seed", range(12))
def test_a_box_over_rows_gives_its_text_to_its_first_row_and_a_ditto_to_the_others(
        seed: int) -> None:
    """A table drawn cell by cell (each box a fraction of a point off), one box spanning rows."""
    rng = random.Random(seed)
    edges = [40.0, 80.0, 300.0, 400.0, 550.0]
    rows, column = rng.randint(3, 5), rng.randint(1, 3)
    first = rng.randint(0, rows - 2)
    spanned = rng.randint(2, rows - first)
    heights = [rng.uniform(18.0, 40.0) for _ in range(rows)]
    tops = [700.0 - sum(heights[:k]) for k in range(rows + 1)]
    boxes: list[Box] = []
    pieces: list[TextLine] = []
    texts = [[f"{k + 1}", f"โครงการที่ {k + 1}", f"{rng.randint(1, 99)},000.- บาท",
              f"กองที่ {k + 1}"] for k in range(rows)]
    where = rng.choice(("top", "middle", "bottom"))
    for k in range(rows):
        for c, (left, right) in enumerate(pairwise(edges)):
            shake = [rng.uniform(-0.4, 0.4) for _ in range(4)]
            if c == column and first < k < first + spanned:
                texts[k][c] = DITTO
                continue
            low = tops[first + spanned] if c == column and k == first else tops[k + 1]
            boxes.append((left + shake[0], low + shake[1], right + shake[2], tops[k] + shake[3]))
            y = tops[k] - SIZE - 2.0
            if c == column and k == first:
                y = {"top": y, "middle": (tops[k] + low) / 2 - SIZE / 2,
                     "bottom": low + 3.0}[where]
            pieces.append(TextLine(texts[k][c], y, SIZE, (left + 3.0,), left + 3.0,
                                   left + 3.0 + 4 * len(texts[k][c])))
    lines = with_table_rows(sorted(pieces, key=lambda p: -(p.baseline or 0.0)), rules_of(boxes))
    assert [line.text.split("\t") for line in lines] == texts
