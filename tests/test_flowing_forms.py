"""A progress form's report rows printed as flowing text: values a line's end cut.

fpdf2 prints a form's tab rows as text at tab stops: a long report row wraps, and
the flags that follow the budget after a tab stop's gap put a tab on its last
line, so the reader keeps that line apart from the one before (a tab row is a row
of its own). The line's end cut a value there: ``ความก้าวหน้าของงานฯ`` / ``= 64.00 %``,
``งบประมาณที่`` / ``เบิกใช้ (...) = 0 บาท``, ``= 6`` / ``73,000 บาท``. The layout
joins the cut value again (:func:`bma_etl.layouts.legacy_cells._goes_on`).

The forms are generated (bench/corpus ``legacy_html``: 6-14 reports of 2-6
sentences) and printed by fpdf2 in two fonts at the corpus's drawn sizes and
margins; the truth is every report's progress and budget.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.forms import legacy_form, legacy_html
from corpus.score import score
from thai_fonts import font_file

FORMS = 6


@pytest.mark.parametrize("font", ["Loma", "Sarabun"])
def test_report_values_a_wrap_cut_are_read_whole(font: str, tmp_path: Path) -> None:
    found = {font: font_file(font)}
    lost = []
    for k in range(FORMS):
        doc = legacy_html(random.Random(f"flow-{font}-{k}"))
        pdf = tmp_path / f"form{k}.pdf"
        render.render_fpdf(doc, pdf, font, found[font], random.Random(f"fpdf-{k}"),
                           shaping=False)
        values = [{n: r[n] for n in ("seq_label", "progress_pct", "budget_disbursed_thb")}
                  for r in doc.tables["progress_updates"]]
        lost += score(process_file(pdf), {"tables": {"progress_updates": values}}).lost
    assert lost == []


@pytest.mark.parametrize("font", ["Loma", "Garuda"])
def test_a_report_s_flags_and_the_next_report_s_head_stay_two_lines(
        font: str, tmp_path: Path) -> None:
    # At 12 pt a report's last line (its flags at a tab stop, ``เป็นไปตามแผน⇥: ไม่เป็นไป…``)
    # often stands right above the next report's head (``รายงานครั้งที่2⇥:: 4/3/2568 :``),
    # between lines of running text, or on a page's first line under the last page's
    # text: two lines of text set at tab stops, no table row whose cells wrapped. Every
    # field of every report is read.
    found = font_file(font)
    lost = []
    for k in (0, 1, 9):
        doc = legacy_html(random.Random(f"rows-{font}-legacy_html-{k}"))
        pdf = tmp_path / f"form{k}.pdf"
        render.render_fpdf(doc, pdf, font, found, random.Random(f"fpdf-{k}"), shaping=False,
                           pt=12)
        truth = {"tables": {"progress_updates": doc.tables["progress_updates"]}}
        lost += score(process_file(pdf), truth).lost
    assert lost == []


def _page_ends_on_flags_and_head(pdf: Path) -> bool:
    """Whether a page of ``pdf`` (not its last) ends on a report's flags line and the next
    report's head line (its page number aside)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        for page in list(document)[:-1]:
            text = [line for line in page.get_textpage().get_text_range().split("\r\n")
                    if line.strip() and not re.fullmatch(r"- [0-9]+ -", line.strip())]
            if len(text) > 1 and re.match("(เป็นไปตาม|ไม่เป็นไป)", text[-2]) \
                    and text[-1].startswith("รายงานครั้งที่"):
                return True
        return False
    finally:
        document.close()


def test_a_report_s_flags_and_the_next_report_s_head_that_end_a_page_stay_two_lines(
        tmp_path: Path) -> None:
    # The flags line of a report (``เป็นไปตามแผน⇥: เป็นไปตามเป้าหมาย``) and the next report's
    # head (``รายงานครั้งที่7⇥:: 3/8/2562 :``) on a page's last two lines, the report's
    # running text going on at the next page's top: two lines of text set at tab stops,
    # no table row whose cells wrapped (``เป็นไปตามแผนรายงานครั้งที่7⇥: เป็นไปตามเป้าหมาย …``
    # lost report 7). The generated form is printed by fpdf2 (Loma, 12 pt) with blank
    # lines before its reports, as many as put such a pair at a page's foot; every
    # field of every report is read.
    from corpus.render import fpdf_lines, fpdf_page

    doc = legacy_html(random.Random("foot-Loma-0"))
    lines = doc.text.split("\n")
    first = next(k for k, line in enumerate(lines) if line.startswith("รายงานครั้งที่"))
    truth = {"tables": {"progress_updates": doc.tables["progress_updates"]}}
    found = 0
    for blanks in range(18):
        pdf = tmp_path / f"form{blanks}.pdf"
        page = fpdf_page("Loma", font_file("Loma"), 12, margin=20.0)
        fpdf_lines(page, lines[:first] + [""] * blanks + lines[first:], 6.0)
        page.output(str(pdf))
        if _page_ends_on_flags_and_head(pdf):
            found += 1
            assert score(process_file(pdf), truth).lost == [], blanks
    assert found >= 2  # the case: such a pair ends a page


def test_a_budget_s_unit_wrapped_under_its_value_stays_on_its_line(tmp_path: Path) -> None:
    # The tab dialect's report ends ``… = 6,380,500`` / ``บาท : เป็นไปตามแผน : …``: the unit's
    # line cut at the table's columns is no foot of a bottom-aligned cell whose head is
    # the indented line above (both run over the next column's start: text at tab stops).
    doc = legacy_form(random.Random("rows-Loma-legacy_tab-0"), "tab")
    pdf = tmp_path / "form.pdf"
    render.render_fpdf(doc, pdf, "Loma", font_file("Loma"), random.Random("fpdf-0"),
                       shaping=False)
    truth = {"tables": {"progress_updates": doc.tables["progress_updates"]}}
    assert score(process_file(pdf), truth).lost == []


@pytest.mark.parametrize("k", range(4))
def test_a_value_cut_between_its_digits_is_read_whole(k: int, tmp_path: Path) -> None:
    # LibreOffice's text print wraps a report's row inside its values where the line is
    # full: a progress between its digits (``ความก้าวหน้าของงานฯ = 2`` / ``3.00 % : …``),
    # after its point (``= 13.`` / ``50 %``) or between its decimals (``= 3.0`` / ``0 %``),
    # an amount before or after a thousands comma
    # (``(ครั้งที่ 3) = 6,499`` / ``,500 บาท⇥: …``). The generated form's rows are cut so,
    # by turns, as that print cuts them; every report reads whole.
    doc = legacy_html(random.Random(f"digits-{k}"))
    turns = iter(range(1000))
    text = re.sub(r"(= [0-9]{1,3})(,)([0-9]{3})",
                  lambda m: m[1] + ("\n," if next(turns) % 2 else ",\n") + m[3], doc.text)
    text = re.sub(r"(งานฯ = [0-9]{1,2}\.)([0-9]{2} %)",
                  lambda m: ((m[1][:-2] + "\n" + m[1][-2:] + m[2], m[1] + "\n" + m[2],
                              m[1] + m[2][0] + "\n" + m[2][1:])[next(turns) % 3]), text)
    assert all(re.search(cut, text) for cut in (r"[0-9]\n,", r",\n[0-9]", r"\.\n[0-9]",
                                                 r"\.[0-9]\n[0-9] %", r"งานฯ = [0-9]\n")), \
        "nothing cut: shows nothing"
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    truth = {"tables": {"progress_updates": doc.tables["progress_updates"]}}
    assert score(process_file(path), truth).lost == []


@pytest.mark.parametrize("k", range(3))
def test_an_amount_cut_inside_a_thousands_group_is_read_whole(k: int, tmp_path: Path) -> None:
    # LibreOffice's text print also cuts an amount between the digits of one thousands
    # group (``(ครั้งที่ 2) = 1,0`` / ``34,500 บาท⇥: ไม่เป็นไปตามแผน``), the flags after a tab on
    # the next line. The generated form's amounts are cut so, after one digit of a group
    # or two by turns (Arabic or Thai digits); every report reads whole.
    doc = legacy_html(random.Random(f"groups-{k}"))
    turns = iter(range(1000))

    def cut(m: re.Match[str]) -> str:
        at = 1 + next(turns) % 2
        return f"{m[1]}{m[2][:at]}\n{m[2][at:]}"

    digit = "[0-9๐-๙]"
    text = re.sub(f"(= {digit}{{1,3}}(?:,{digit}{{3}})*?,)({digit}{{3}})(?=(?:,{digit}{{3}})* บาท)",
                  cut, doc.text)
    assert re.search(f",{digit}{{1,2}}\n{digit}", text), "nothing cut: shows nothing"
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    truth = {"tables": {"progress_updates": doc.tables["progress_updates"]}}
    assert score(process_file(path), truth).lost == []


@pytest.mark.parametrize("k", range(3))
def test_a_progress_cut_before_its_decimal_point_is_read_whole(k: int, tmp_path: Path) -> None:
    # LibreOffice's Thai line breaker may also wrap a report's row before a progress's
    # decimal point (``ความก้าวหน้าของงานฯ = 51`` / ``.50 % : งบประมาณ…``): read as 51 before.
    # The generated form's progress values (Arabic or Thai digits) are cut so; every
    # report reads whole.
    doc = legacy_html(random.Random(f"point-{k}"))
    text = re.sub(r"(งานฯ = [0-9๐-๙]{1,3})(\.[0-9๐-๙]{2} %)", r"\1\n\2", doc.text)
    assert re.search(r"งานฯ = [0-9๐-๙]{1,3}\n\.[0-9๐-๙]{2} %", text), "nothing cut: shows nothing"
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    truth = {"tables": {"progress_updates": doc.tables["progress_updates"]}}
    assert score(process_file(path), truth).lost == []
