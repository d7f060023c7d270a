"""Action plans written in Word (python-docx) and printed by LibreOffice, as an office makes them.

Three kinds the 20th outside test found losing fields with no finding:

- a section that lists nothing: its table holds one row merged over every column
  (``- ไม่มีโครงการในหมวดนี้ -``) and a total of ``-``. The total row was cut off
  into a table of its own, which ended the summary: the next section (its items and
  its stated total) was dropped unread;
- a running footer too long for one line (``ระบบติดตามและประเมินผล… | พิมพ์`` /
  ``เมื่อ …``): only its outer line was furniture; the inner one, between a table's
  rows where the table crosses a page (or under its header left at a page's foot),
  opened a table of its own, and the rows after it were lost or run together;
- a running header (``แผนปฏิบัติการประจำปี … หน้า 1 จาก 5``) on the cover too: the
  first page's top line is its title, so the header was read as the plan's first
  line and the agency under the title was lost.

The plans are generated from known values (agency, year, every project's name,
budget and unit, each section's total), written as Word files and printed in one
LibreOffice run; the truth is the generated values.
"""

from __future__ import annotations

import random
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.values import draw_amount, project_name

SEED = 2026
FONT = "Sarabun"
AGENCIES = (("กองโรงเรียน", "สำนักการศึกษา"), ("กองควบคุมอาคาร", "สำนักการโยธา"),
            ("กองจัดการคุณภาพอากาศและเสียง", "สำนักสิ่งแวดล้อม"))
UNITS = ("กลุ่มงานเทคโนโลยีฯ", "กลุ่มงานสวัสดิการฯ", "ฝ่ายบริหารงานทั่วไป", "ส่วนแผนงานฯ")
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
#: A print system's footer, too long for one line of the page at 16 pt.
FOOTER = ("ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร (สำนักยุทธศาสตร์และประเมินผล) | "
          "พิมพ์เมื่อ 15/09/2566 10:42 น.")

Project = tuple[str, Decimal | None, str]  # name, budget (None: ไม่ใช้งบประมาณ), unit


def _amount(amount: Decimal | None) -> str:
    """A budget cell in Thai digits (``๔,๒๕๐,๐๐๐.- บาท``), or ``ไม่ใช้งบประมาณ``."""
    if amount is None:
        return "ไม่ใช้งบประมาณ"
    whole, cents = divmod(amount, 1)
    said = f"{int(whole):,}" + (f".{int(cents * 100):02d}" if cents else ".-")
    return f"{said} บาท".translate(THAI)


def _plan(rng: random.Random, key_items: int) -> dict[str, Any]:
    """A plan's values: agency, parent, year and three sections' projects."""
    agency, parent = rng.choice(AGENCIES)

    def projects(n: int) -> list[Project]:
        return [(project_name(rng, long=False),
                 None if k == n - 1 and n > 2 else draw_amount(rng, 200_000, 90_000_000, 250),
                 rng.choice(UNITS)) for k in range(n)]

    return {"agency": agency, "parent": parent, "year": rng.randint(2568, 2572),
            "strategic": projects(rng.randint(2, 4)), "key": projects(key_items),
            "routine": [(n, a or Decimal(312_000), u) for n, a, u in projects(3)]}


def _field(paragraph: Any, instr: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) at the end of ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind in ("begin", "instr", "separate", "t", "end"):
        run = paragraph.add_run()._r
        if kind == "instr":
            e = OxmlElement("w:instrText")
            e.text = instr
        elif kind == "t":
            e = OxmlElement("w:t")
            e.text = "1"
        else:
            e = OxmlElement("w:fldChar")
            e.set(qn("w:fldCharType"), kind)
        run.append(e)


def _docx(plan: dict[str, Any], out: Path, furniture: bool) -> None:
    """The plan as a Word file: a cover, the three summary tables, a closing paragraph.

    ``furniture``: a running header (the title, ``หน้า X จาก Y``) and the long
    :data:`FOOTER` on every page, the cover too.
    """
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    word = Document()
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(16)
    normal.element.rPr.rFonts.set(qn("w:cs"), FONT)
    normal.paragraph_format.space_after = Pt(0)
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    year = str(plan["year"]).translate(THAI)
    title = f"แผนปฏิบัติการประจำปี พ.ศ. {year}"
    if furniture:
        head = section.header.paragraphs[0]
        head.add_run(f"{title}\tหน้า ")
        _field(head, "PAGE")
        head.add_run(" จาก ")
        _field(head, "NUMPAGES")
        foot = section.footer.paragraphs[0]
        foot.text, foot.alignment = FOOTER, WD_ALIGN_PARAGRAPH.CENTER
    for text in ("แผนปฏิบัติการ ประจำปี", f"พ.ศ. {year}", plan["agency"], plan["parent"]):
        word.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    word.add_page_break()
    word.add_paragraph(f"สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. {year}")
    head_cells = ("ลำดับ ที่", "ชื่อโครงการ", "งบประมาณ", "ส่วนราชการ ที่รับผิดชอบ")
    for section_name, heading in (
            ("strategic", f"โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. {year}"),
            ("key", f"โครงการสำคัญตามภารกิจของ{plan['agency']}")):
        rows = plan[section_name]
        word.add_paragraph(heading)
        table = word.add_table(rows=2 + max(len(rows), 1), cols=4)
        table.style = "Table Grid"
        for j, text in enumerate(head_cells):
            table.cell(0, j).text = text
        if not rows:
            table.cell(1, 0).merge(table.cell(1, 3)).text = "- ไม่มีโครงการในหมวดนี้ -"
            table.cell(2, 0).merge(table.cell(2, 1)).text = "รวมงบประมาณทั้งสิ้น"
            table.cell(2, 2).text = "-"
            continue
        for i, (name, amount, unit) in enumerate(rows, start=1):
            for j, text in enumerate((str(i).translate(THAI), name, _amount(amount), unit)):
                table.cell(i, j).text = text
        table.cell(len(rows) + 1, 0).merge(table.cell(len(rows) + 1, 1)).text = \
            "รวมงบประมาณทั้งสิ้น"
        table.cell(len(rows) + 1, 2).text = _amount(_total(rows))
    word.add_paragraph("บัญชีรายการ/โครงการประจำปีพื้นฐาน")
    routine = plan["routine"]
    table = word.add_table(rows=2 + len(routine), cols=4)
    table.style = "Table Grid"
    for j, text in enumerate(("ลำดับที่", "ด้าน/แผนงาน", "รายการ/โครงการ", "งบประมาณ")):
        table.cell(0, j).text = text
    table.cell(1, 0).merge(table.cell(len(routine), 0)).text = "๑"
    table.cell(1, 1).merge(table.cell(len(routine), 1)).text = "ด้านการบริหารจัดการ"
    for i, (name, amount, _unit) in enumerate(routine, start=1):
        table.cell(i, 2).text = f"{str(i).translate(THAI)}. {name}"
        table.cell(i, 3).text = _amount(amount)
    table.cell(len(routine) + 1, 0).merge(table.cell(len(routine) + 1, 2)).text = "รวม"
    table.cell(len(routine) + 1, 3).text = _amount(_total(routine))
    word.add_paragraph("การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล")
    word.add_paragraph(f"{plan['agency']}จะติดตามผลการดำเนินงานตามแผนเป็นรายไตรมาส")
    word.save(str(out))


def _total(rows: list[Project]) -> Decimal:
    return sum((a for _, a, _ in rows if a is not None), Decimal(0))


#: name -> (key items, running header and footer)
PRINTS = {"empty_key": (0, False), "empty_key_furniture": (0, True),
          "long_key_furniture": (14, True)}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("wordplans")
    made: dict[str, tuple[Path, dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="bma-wordplans-") as tmp:
        sources = []
        for name, (key_items, furniture) in PRINTS.items():
            plan = _plan(random.Random(f"{SEED}-{name}"), key_items)
            src = Path(tmp) / f"{name}.docx"
            _docx(plan, src, furniture)
            sources.append(str(src))
            made[name] = (out / f"{name}.pdf", plan)
        failed = render._soffice(tmp, sources, [pdf for pdf, _ in made.values()],
                                 "--convert-to", "pdf")
    assert not failed, failed
    return made


def _read(pdf: Path) -> dict[str, list[dict[str, Any]]]:
    done = process_file(pdf, ocr="never")
    assert done.layout == "annual_action_plan"
    return {table: [r.model_dump() for r in done.rows(table)]
            for table in ("plans", "plan_projects", "plan_sections")}


def _assert_plan(got: dict[str, list[dict[str, Any]]], plan: dict[str, Any]) -> None:
    """Every generated value read back: agency, each project, each section's total."""
    assert (got["plans"][0]["agency"], got["plans"][0]["parent_agency"]) == (
        plan["agency"], plan["parent"])
    want = [(s, k, name, amount, unit if s != "routine" else None)
            for s in ("strategic", "key", "routine")
            for k, (name, amount, unit) in enumerate(plan[s], start=1)]
    read = [(p["section"], p["seq"], p["name"], p["budget_thb"],
             p["responsible_unit"] if p["section"] != "routine" else None)
            for p in got["plan_projects"]]
    assert read == want
    sections = {s["section"]: (s["items"], s["stated_total_thb"]) for s in got["plan_sections"]}
    assert sections["strategic"] == (len(plan["strategic"]), _total(plan["strategic"]))
    assert sections["routine"] == (3, _total(plan["routine"]))
    key = plan["key"]
    assert sections["key"][0] == len(key)
    assert sections["key"][1] in ((_total(key),) if key else (None, Decimal(0)))


@pytest.mark.parametrize("name", ["empty_key", "empty_key_furniture"])
def test_a_section_listing_nothing_leaves_the_next_section_read(
        printed: dict[str, tuple[Path, dict[str, Any]]], name: str) -> None:
    pdf, plan = printed[name]
    _assert_plan(_read(pdf), plan)


def test_a_table_over_a_page_break_under_a_wrapped_footer_and_a_header_on_the_cover(
        printed: dict[str, tuple[Path, dict[str, Any]]]) -> None:
    pdf, plan = printed["long_key_furniture"]
    from bma_etl.read import read_source

    text = read_source(pdf).text
    # the print is what it is meant to be: the footer wraps, the key table crosses a page
    assert FOOTER not in text and FOOTER.replace(" ", "") in text.replace("\n", "").replace(
        " ", "")
    first, last = (text.index(f"\t{_amount(plan['key'][k][1])}") for k in (0, -2))
    assert first < text.index("หน้า 3", first) < last
    _assert_plan(_read(pdf), plan)


@pytest.mark.parametrize("pages", [2, 3, 5])
def test_a_wrapped_footer_and_a_numbered_header_are_furniture_on_every_page(pages: int) -> None:
    """Text level: a Word header (title, tab, ``หน้า n จาก N``) on every page, the
    first too, and a footer wrapped over two lines; the body's lines, the first page's
    title under the header and a table's rows over the break, are all kept."""
    from bma_etl.furniture import furniture_lines

    rng = random.Random(pages)
    title, (foot_1, foot_2) = "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๗๑", FOOTER.split(" | ")
    texts, body = [], []
    for n in range(1, pages + 1):
        rows = [f"{k}\tโครงการที่ {k} ของหน้า {n}\t{rng.randint(1, 99)},000.- บาท"
                for k in range(rng.randint(2, 4))]
        own = (["แผนปฏิบัติการ ประจำปี", "กองโรงเรียน"] if n == 1 else []) + rows
        body += own
        texts.append("\n".join([f"{title}\tหน้า {n} จาก {pages}", "", *own, "", "",
                                f"{foot_1} |", foot_2]))
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    text = "\n".join(texts)
    furniture = furniture_lines(text, tuple(starts))
    kept = [line for no, line in enumerate(text.split("\n"), start=1)
            if no not in furniture and line.strip()]
    assert kept == body


def _plan_text(plan: dict[str, Any], empty_row: str) -> str:
    """The plan as a text print's tab lines; the key section's one row is ``empty_row``."""
    year = str(plan["year"]).translate(THAI)
    out = ["แผนปฏิบัติการ ประจำปี", f"พ.ศ. {year}", plan["agency"], plan["parent"], "",
           f"สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. {year}"]
    header = "ลำดับที่\tชื่อโครงการ\tงบประมาณ\tส่วนราชการที่รับผิดชอบ"
    for name, heading in (("strategic", "โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร"),
                          ("key", f"โครงการสำคัญตามภารกิจของ{plan['agency']}")):
        rows = [f"{str(k).translate(THAI)}\t{n}\t{_amount(a)}\t{u}"
                for k, (n, a, u) in enumerate(plan[name], start=1)] or [empty_row]
        total = _amount(_total(plan[name])) if plan[name] else "-"
        out += ["", heading, header, *rows, f"รวมงบประมาณทั้งสิ้น\t\t{total}\t"]
    out += ["", "บัญชีรายการ/โครงการประจำปีพื้นฐาน",
            "ลำดับที่\tด้าน/แผนงาน\tรายการ/โครงการ\tงบประมาณ"]
    for k, (n, a, _u) in enumerate(plan["routine"], start=1):
        out.append(f"{'๑' if k == 1 else ''}\t{'ด้านการบริหารจัดการ' if k == 1 else ''}"
                   f"\t{str(k).translate(THAI)}. {n}\t{_amount(a)}")
    out += [f"รวม\t\t\t{_amount(_total(plan['routine']))}", "", "การนำแผนฯ ไปสู่การปฏิบัติ"]
    return "\n".join(out)


@pytest.mark.parametrize("empty_row", [
    "- ไม่มีโครงการในหมวดนี้ -", "\t- ไม่มีโครงการในหมวดนี้ -\t\t", "(ไม่มีรายการ)",
    "", "- ไม่มี -"], ids=["alone", "merged_cell", "brackets", "no_row", "dash_word"])
def test_a_section_listing_nothing_in_a_text_print(empty_row: str) -> None:
    """Text level: the statement alone, as a merged row's one cell, or no row at all."""
    from bma_etl.layouts.annual_action_plan import extract

    from read_back import records_of

    plan = _plan(random.Random(f"{SEED}-text-{empty_row}"), 0)
    got = records_of(extract, _plan_text(plan, empty_row), ocr_used=False, screened=False)
    _assert_plan({table: [r.model_dump() for r in got.get(table, [])]
                  for table in ("plans", "plan_projects", "plan_sections")}, plan)
