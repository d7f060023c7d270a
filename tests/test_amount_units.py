"""Amounts stated in ล้านบาท or พันบาท, in a cell or in its column's or label's heading.

A plan's budget column headed ``งบประมาณ (ล้านบาท)`` or ``(พันบาท)`` prints bare
numbers (``2.7270``: 2,727,000 baht, never ``2.72``); a cell may state its unit
itself (``13.8149 ล้านบาท``); a report's paid amount on the legacy form may be
``0.24 ล้านบาท``; a tracking detail page's budget label may say
``งบฯ ที่ได้รับ (ล้านบาท)``. Each is generated from known baht amounts, written
as text and printed as PDF, and read back as those amounts.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.normalize.digits import parse_amount
from bma_etl.normalize.unit_words import heading_unit

from corpus import forms, plans, render, web
from corpus.doc import GeneratedDoc
from read_back import assert_read_as_generated, assert_rows_read, records_of
from thai_fonts import font_file

_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
#: A unit's heading word and its power of ten; the decimals a cell prints in it.
UNITS = {"ล้าน": (6, 4), "พัน": (3, 1)}


@pytest.mark.parametrize("seed", range(6))
def test_a_number_in_a_stated_unit_is_read_whole_and_scaled(seed: int) -> None:
    rng = random.Random(seed)
    for word, (power, places) in UNITS.items():
        baht = Decimal(rng.randint(1, 99_999)) * 100  # whole hundreds: exact in either unit
        number = baht.scaleb(-power).quantize(Decimal(1).scaleb(-places))
        assert heading_unit(f"งบประมาณ ({word}บาท)") == power
        assert parse_amount(f"{number:,}", power) == baht
        assert parse_amount(f"{number} {word}บาท") == baht
        assert parse_amount(f"{number} {word}บาท", 0) == baht  # the cell's own unit wins
    assert heading_unit("งบฯ ที่ใช้ไป (บาท)") == heading_unit("ชื่อโครงการ") == 0


def _plan_in_unit(seed: int, word: str, in_cells: bool) -> GeneratedDoc:
    """A plan whose strategic table states its amounts in ``word``บาท: in the column's
    heading (bare numbers in the cells), or in each cell (``in_cells``)."""
    power, places = UNITS[word]
    doc = plans.action_plan(random.Random(seed))
    lines = doc.text.split("\n")
    at, header = -1, None
    rows = [r for r in doc.tables["plan_projects"] if r["section"] == "strategic"]
    for r in rows:
        at = next(i for i, line in enumerate(lines) if i > at and f"\t{r['name']}\t" in line)
        if header is None:
            header = max(i for i in range(at) if lines[i] == plans._HEADER)
            if not in_cells:
                lines[header] = lines[header].replace("\tงบประมาณ\t", f"\tงบประมาณ ({word}บาท)\t")
        if r["budget_thb"] is None:
            continue
        number = Decimal(r["budget_thb"]).scaleb(-power).quantize(Decimal(1).scaleb(-places))
        cells = lines[at].split("\t")
        cells[2] = f"{number:,} {word}บาท" if in_cells else f"{number:,}"
        lines[at] = "\t".join(cells)
        r["budget_thb"] = f"{number.scaleb(power):.2f}"
    total = sum(Decimal(r["budget_thb"]) for r in rows if r["budget_thb"])
    end = next(i for i in range(at, len(lines)) if lines[i].startswith("รวมงบประมาณทั้งสิ้น"))
    stated = f"{total.scaleb(-power):,}" + (f" {word}บาท" if in_cells else "")
    lines[end] = f"รวมงบประมาณทั้งสิ้น\t\t{stated}\t"
    doc.text = "\n".join(lines)
    section = doc.tables["plan_sections"][0]
    assert section["section"] == "strategic"
    section["computed_total_thb"] = section["stated_total_thb"] = f"{total:.2f}"
    return doc


def _read_as_text_and_pdf(doc: GeneratedDoc, tmp_path: Path, tables: tuple[str, ...]) -> None:
    """``doc`` read as generated from its text, its HTML (if any), a ruled ReportLab print
    and a flowing fpdf2 one (tab stops, no rules)."""
    text = tmp_path / "doc.txt"
    text.write_text(doc.text, encoding="utf-8")
    assert_read_as_generated(text, doc.truth, tables)
    if doc.html is not None:
        page = tmp_path / "doc.html"
        page.write_bytes(doc.html_bytes())
        assert_read_as_generated(page, doc.truth, tables)
    ruled, flowing = tmp_path / "ruled.pdf", tmp_path / "flowing.pdf"
    render.render_reportlab(doc, ruled, "Sarabun", font_file("Sarabun"), random.Random(3))
    assert_read_as_generated(ruled, doc.truth, tables)
    render.render_fpdf(doc, flowing, "Sarabun", font_file("Sarabun"), random.Random(3),
                       shaping=False, pt=12)
    assert_read_as_generated(flowing, doc.truth, tables)


@pytest.mark.parametrize("in_cells", [False, True])
@pytest.mark.parametrize(("seed", "word"), [(11, "ล้าน"), (12, "พัน"), (13, "ล้าน")])
def test_plan_amounts_in_a_stated_unit(tmp_path: Path, seed: int, word: str,
                                       in_cells: bool) -> None:
    doc = _plan_in_unit(seed, word, in_cells)
    _read_as_text_and_pdf(doc, tmp_path, ("plan_projects", "plan_sections"))


@pytest.mark.parametrize("seed", [14, 15])
def test_a_cell_stating_baht_under_a_heading_in_millions(tmp_path: Path, seed: int) -> None:
    """A cell's own ``บาท`` is its unit, never the heading's (``5,746,100.00 บาท`` under
    ``งบประมาณ (ล้านบาท)`` is 5,746,100 baht), its total's too."""
    doc = _plan_in_unit(seed, "ล้าน", False)
    lines = doc.text.split("\n")
    rows = [r for r in doc.tables["plan_projects"]
            if r["section"] == "strategic" and r["budget_thb"] is not None]
    for r in rows[::2]:  # every other cell, and the total, in baht
        at = next(i for i, line in enumerate(lines) if f"\t{r['name']}\t" in line)
        cells = lines[at].split("\t")
        cells[2] = f"{Decimal(r['budget_thb']):,.2f} บาท"
        lines[at] = "\t".join(cells)
    end = next(i for i, line in enumerate(lines) if line.startswith("รวมงบประมาณทั้งสิ้น"))
    total = doc.tables["plan_sections"][0]["stated_total_thb"]
    lines[end] = f"รวมงบประมาณทั้งสิ้น\t\t{Decimal(total):,.2f} บาท\t"
    doc.text = "\n".join(lines)
    _read_as_text_and_pdf(doc, tmp_path, ("plan_projects", "plan_sections"))


@pytest.mark.parametrize(("seed", "word"), [(16, "ล้าน"), (17, "พัน")])
def test_a_unit_note_above_a_plan_table(tmp_path: Path, seed: int, word: str) -> None:
    """``(หน่วย : ล้านบาท)`` on its own line above the table's header states the unit of
    its bare numbers, as the budget column's heading would."""
    doc = _plan_in_unit(seed, word, False)
    headed = f"\tงบประมาณ ({word}บาท)\t"
    doc.text = "\n".join(
        f"(หน่วย : {word}บาท)\n{line.replace(headed, chr(9) + 'งบประมาณ' + chr(9))}"
        if headed in line else line for line in doc.text.split("\n"))
    _read_as_text_and_pdf(doc, tmp_path, ("plan_projects", "plan_sections"))


@pytest.mark.parametrize(("seed", "dialect"), [(21, "pipe"), (22, "tab"), (23, "pipe")])
def test_a_report_paid_amount_in_millions(tmp_path: Path, seed: int, dialect: str) -> None:
    doc = forms.legacy_form(random.Random(seed), dialect)
    doc.html = None  # the web page's table is another test's
    reports = doc.tables["progress_updates"]
    r = next(r for r in reports if Decimal(r["budget_disbursed_thb"]) >= 10_000)
    millions = (Decimal(r["budget_disbursed_thb"]) / 1_000_000).quantize(Decimal("0.01"))
    seq = f"(?:{r['seq_label']}|{str(r['seq_label']).translate(_THAI)})"  # either digits
    doc.text, n = re.subn(rf"(งบประมาณที่เบิกใช้ \(ครั้งที่ {seq}\) = )[0-9๐-๙,.]+ บาท",
                          rf"\g<1>{millions} ล้านบาท", doc.text)
    assert n == 1
    r["budget_disbursed_thb"] = f"{millions * 1_000_000:.2f}"
    _read_as_text_and_pdf(doc, tmp_path, ("progress_updates",))


@pytest.mark.parametrize("seed", [31, 32, 33])
def test_detail_budgets_in_the_unit_their_label_states(tmp_path: Path, seed: int) -> None:
    doc = web.project_detail(random.Random(seed))
    project = doc.tables["projects"][0]
    for label, column, word in (("งบฯ ที่ได้รับ", "budget_allocated_thb", "ล้าน"),
                                ("งบฯ ที่ใช้ไป", "budget_spent_thb", "พัน")):
        power, places = UNITS[word]
        number = Decimal(project[column]).scaleb(-power).quantize(Decimal(1).scaleb(-places))
        printed = re.compile(rf"{label} \(บาท\)(?P<gap></th><td>)?[0-9๐-๙,.]+")
        new = f"{label} ({word}บาท)" + r"\g<gap>" + f"{number:,}"
        doc.text, n = printed.subn(new, doc.text)
        assert n == 1
        if doc.html is not None:
            doc.html, n = printed.subn(new, doc.html)
            assert n == 1
        project[column] = f"{number.scaleb(power):.2f}"
    _read_as_text_and_pdf(doc, tmp_path, ("projects",))


def _plan_in_thousands(seed: int, printed: Callable[[Decimal], tuple[str, Decimal]]
                       ) -> GeneratedDoc:
    """A plan whose strategic table is headed ``งบประมาณ (พันบาท)``, each budget cell and
    the total printed as ``printed(baht)`` gives it: ``(cell, baht the truth holds)``."""
    doc = _plan_in_unit(seed, "พัน", False)
    lines = doc.text.split("\n")
    rows = [r for r in doc.tables["plan_projects"]
            if r["section"] == "strategic" and r["budget_thb"] is not None]
    drawn = sum(Decimal(r["budget_thb"]) for r in rows)
    for r in rows:
        at = next(i for i, line in enumerate(lines) if f"\t{r['name']}\t" in line)
        cells = lines[at].split("\t")
        cells[2], baht = printed(Decimal(r["budget_thb"]))
        lines[at] = "\t".join(cells)
        r["budget_thb"] = f"{baht:.2f}"
    end = next(i for i, line in enumerate(lines) if line.startswith("รวมงบประมาณทั้งสิ้น"))
    stated, total = printed(drawn)
    assert total == sum(Decimal(r["budget_thb"]) for r in rows)
    lines[end] = f"รวมงบประมาณทั้งสิ้น\t\t{stated}\t"
    doc.text = "\n".join(lines)
    section = doc.tables["plan_sections"][0]
    section["computed_total_thb"] = section["stated_total_thb"] = f"{total:.2f}"
    return doc


@pytest.mark.parametrize("seed", [41, 42, 43])
def test_a_point_before_three_digits_under_a_unit_is_a_comma_only_in_ocr(
        tmp_path: Path, seed: int) -> None:
    """``14,863.600`` under ``งบประมาณ (พันบาท)``: typed, 14,863.6 thousand baht (a point
    is a point); OCR'd, the point may be the last thousands comma of ``14,863,600``
    thousand baht misread, and is read as that comma, as in a cell in baht. The same
    characters, read by their medium."""
    def typed(baht: Decimal) -> tuple[str, Decimal]:
        return f"{baht.scaleb(-3):,.3f}", baht

    def scanned(baht: Decimal) -> tuple[str, Decimal]:  # ``baht`` thousands, its comma lost
        printed = f"{baht.to_integral_value():,}"
        damaged = re.sub(r"(?<=,[0-9]{3}),(?=[0-9]{3}$)", ".", printed)
        return damaged, baht.to_integral_value().scaleb(3)

    doc = _plan_in_thousands(seed, typed)
    assert re.search(r"\t[0-9]{1,3},[0-9]{3}\.[0-9]{3}\t", doc.text), "a number OCR would mend"
    _read_as_text_and_pdf(doc, tmp_path, ("plan_projects", "plan_sections"))
    scan = _plan_in_thousands(seed, scanned)
    assert re.search(r"\t[0-9]{1,3},[0-9]{3}\.[0-9]{3}\t", scan.text)
    got = records_of(extract, scan.text, ocr_used=True, screened=False)
    assert_rows_read("plan_projects", got["plan_projects"], scan.tables["plan_projects"],
                     ("name", "budget_thb"))
    assert_rows_read("plan_sections", got["plan_sections"], scan.tables["plan_sections"],
                     ("section", "stated_total_thb", "computed_total_thb"))


@pytest.mark.parametrize(("seed", "dialect"), [(51, "pipe"), (52, "tab")])
def test_a_paid_amount_whose_label_carries_a_second_bracket(
        tmp_path: Path, seed: int, dialect: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``งบประมาณที่เบิกใช้ (ครั้งที่ 2) (ล้านบาท) = 0.24``, a date or a unit note in the
    second bracket or a third; and the project's ``งบประมาณที่ใช้ไป (ณ วันที่ 30 ก.ย.
    2566) (พันบาท) : 4,687``: read, in the unit the label states."""
    monkeypatch.setattr(forms, "_in_thai_digits", lambda doc, n: None)
    doc = forms.legacy_form(random.Random(seed), dialect)
    doc.html = None
    brackets = ("(ล้านบาท) = {m}", "(ณ วันที่ 15 ม.ค. 2567) = {b} บาท",
                "(ณ วันที่ 15/1/2567) (บาท) = {b}", "(หน่วย : พันบาท) = {k}", "(บาท) = {b}")
    for k, r in enumerate(doc.tables["progress_updates"]):
        baht = Decimal(r["budget_disbursed_thb"]).quantize(Decimal(10_000))  # exact in millions
        second = brackets[k % len(brackets)].format(
            m=baht.scaleb(-6).normalize(), k=f"{baht.scaleb(-3):,f}", b=f"{baht:,}")
        doc.text, n = re.subn(rf"(งบประมาณที่เบิกใช้ \(ครั้งที่ {r['seq_label']}\)) = [0-9,.]+ บาท",
                              rf"\g<1> {second}", doc.text)
        assert n == 1
        r["budget_disbursed_thb"] = f"{baht:.2f}"
    project = doc.tables["projects"][0]
    spent = sum(Decimal(r["budget_disbursed_thb"]) for r in doc.tables["progress_updates"])
    doc.text, n = re.subn(r"งบประมาณที่ใช้ไป : [0-9,.]+ บาท",
                          f"งบประมาณที่ใช้ไป (ณ วันที่ 30 ก.ย. 2566) (พันบาท) : "
                          f"{spent.scaleb(-3):,f}", doc.text)
    assert n == 1
    project["budget_spent_thb"] = f"{spent:.2f}"
    _read_as_text_and_pdf(doc, tmp_path, ("projects", "progress_updates"))
