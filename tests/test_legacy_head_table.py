"""A legacy form whose head fields are set in a table: label cell, value cell.

Agencies print the head of the progress form (section 1.1: ชื่อโครงการ, รหัสโครงการ,
ปีงบประมาณ, dates, budgets) as a two-column (label | value) or four-column
(label | value | label | value) table with no ``:`` between a label and its value.
Forms are generated from known values (bench/corpus ``legacy_tab``); their head's
``label : value`` lines are set as such a table, the pairs in a shuffled order, the
year and amounts maybe in Thai digits, one value cell maybe left empty; printed as an
HTML table, as a ruled fpdf2 grid and by LibreOffice from the HTML; and a whole form
written as a Word file in two newspaper columns (its tables run past their column).
The truth is the generated values: each field read from its own value cell, an empty
cell NULL. Also: an allocated budget with a note in a bracket after it
(``2,480,000 บาท (ไม่รวมเงินกันเหลื่อมปี 350,000 บาท)*``) is the amount before the note.
"""

from __future__ import annotations

import copy
import html
import random
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.render import fpdf_lines, fpdf_page
from corpus.score import score
from thai_fonts import font_file

#: Section 1.1's labels as the generator prints them → the column each states.
_HEAD = {"ชื่อโครงการ/กิจกรรม": "project_name", "รหัสโครงการ...": "project_code",
         "ปีงบประมาณ พ.ศ.": "fiscal_year_be", "เริ่มต้นโครงการ": "start_date",
         "งบประมาณที่ได้รับ": "budget_allocated_thb", "สิ้นสุดโครงการ": "end_date",
         "งบประมาณที่ใช้ไป": "budget_spent_thb"}
_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

Item = str | list[list[str]]


def _tabled(doc: GeneratedDoc, rng: random.Random, pairs_per_row: int, thai: bool,
            empty: str | None) -> tuple[list[Item], dict[str, Any]]:
    """The form's lines with section 1.1's ``label : value`` lines made one table.

    The table's rows hold ``pairs_per_row`` (label, value) pairs, in a shuffled order;
    ``thai``: the year and the amounts in Thai digits; ``empty``: that column's value
    cell left empty. Returns the lines (the table one item of rows of cells) and the
    truth, ``empty``'s field None.
    """
    truth = copy.deepcopy(doc.truth)
    out: list[Item] = []
    pairs: list[tuple[str, str]] = []
    at = None
    for line in doc.text.split("\n"):
        label, sep, value = line.partition(" : ")
        if sep and label in _HEAD:
            column = _HEAD[label]
            if column == empty:
                value = ""
                truth["tables"]["projects"][0][column] = None
            elif thai and column in ("fiscal_year_be", "budget_allocated_thb",
                                     "budget_spent_thb"):
                value = value.translate(_THAI)
            pairs.append((label, value))
            if at is None:
                at = len(out)
                out.append([])
            continue
        if at is not None and not line.strip() and len(out) == at + 1:
            continue  # the blank lines between the head's lines
        out.append(line)
    assert at is not None and len(pairs) == len(_HEAD)
    rng.shuffle(pairs)
    rows = []
    for k in range(0, len(pairs), pairs_per_row):
        rows.append([cell for pair in pairs[k:k + pairs_per_row] for cell in pair])
    out[at] = rows
    return out, truth


def _html(items: list[Item]) -> str:
    body = []
    for item in items:
        if isinstance(item, str):
            body.append(f"<p>{html.escape(item)}</p>" if item.strip() else "")
            continue
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                       for row in item)
        body.append(f'<table border="1">{rows}</table>')
    return ('<!doctype html><html lang="th"><head><meta charset="utf-8"></head><body>'
            + "\n".join(body) + "</body></html>")


def _fpdf(items: list[Item], out: Path) -> None:
    """The form printed by fpdf2, the head a ruled grid (one bordered box a cell)."""
    font = "Loma"
    pdf = fpdf_page(font, font_file(font), 12)
    h = 6.0
    for item in items:
        if isinstance(item, str):
            fpdf_lines(pdf, [item], h)
            continue
        width = pdf.w - pdf.l_margin - pdf.r_margin
        for row in item:
            shares = (0.3, 0.7) if len(row) == 2 else (0.22, 0.28, 0.22, 0.28)[:len(row)]
            widths = [width * share for share in shares]
            high = max(len(pdf.multi_cell(w - 2, h, text, dry_run=True, output="LINES"))
                       for w, text in zip(widths, row, strict=True)) * h
            x, y = pdf.l_margin, pdf.get_y()
            for w, text in zip(widths, row, strict=True):
                pdf.rect(x, y, w, high)
                pdf.set_xy(x + 1, y)
                pdf.multi_cell(w - 2, h, text)
                x += w
            pdf.set_xy(pdf.l_margin, y + high)
    pdf.output(str(out))


_CASES = [(per_row, thai, empty) for per_row in (1, 2) for thai in (False, True)
          for empty in (None, "budget_spent_thb", "fiscal_year_be")]


@pytest.mark.parametrize("kind", ["html", "fpdf2"])
@pytest.mark.parametrize(("per_row", "thai", "empty"), _CASES)
def test_head_fields_set_in_a_table_read_from_their_cells(
        tmp_path: Path, kind: str, per_row: int, thai: bool, empty: str | None) -> None:
    seed = f"head-table-{kind}-{per_row}-{thai}-{empty}"
    rng = random.Random(seed)
    doc: GeneratedDoc = GENERATORS["legacy_tab"](rng)
    items, truth = _tabled(doc, rng, per_row, thai, empty)
    path = tmp_path / f"form.{'html' if kind == 'html' else 'pdf'}"
    if kind == "html":
        path.write_text(_html(items), encoding="utf-8")
    else:
        _fpdf(items, path)
    processed = process_file(path)
    assert processed.layout == "legacy_progress_form", path.name
    head = {"tables": {"projects": [{c: v for c, v in truth["tables"]["projects"][0].items()
                                     if c in _HEAD.values()}]}}
    result = score(processed, head)
    assert result.total == len(_HEAD) and not result.lost, (seed, result.lost)


def test_head_table_printed_by_libreoffice_reads_from_its_cells(tmp_path: Path) -> None:
    from corpus import render

    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    jobs = []
    for per_row, thai, empty in _CASES[::3]:  # one LibreOffice run for all
        seed = f"head-table-soffice-{per_row}-{thai}-{empty}"
        rng = random.Random(seed)
        items, truth = _tabled(GENERATORS["legacy_tab"](rng), rng, per_row, thai, empty)
        source = tmp_path / f"form-{len(jobs)}.html"
        source.write_text(_html(items), encoding="utf-8")
        jobs.append((source, tmp_path / f"form-{len(jobs)}.pdf", truth, seed))
    failed = render._soffice(str(tmp_path), [str(job[0]) for job in jobs],
                             [job[1] for job in jobs], "--convert-to", "pdf:writer_web_pdf_Export")
    assert not failed, failed
    for _, pdf, truth, seed in jobs:
        processed = process_file(pdf)
        assert processed.layout == "legacy_progress_form", seed
        head = {"tables": {"projects": [{c: v for c, v in truth["tables"]["projects"][0].items()
                                         if c in _HEAD.values()}]}}
        result = score(processed, head)
        assert result.total == len(_HEAD) and not result.lost, (seed, result.lost)


def test_an_amount_with_a_note_after_it_is_the_amount(tmp_path: Path) -> None:
    for k in range(3):
        doc: GeneratedDoc = GENERATORS["legacy_tab"](random.Random(f"budget-note-{k}"))
        lines = doc.text.split("\n")
        at = next(i for i, ln in enumerate(lines) if ln.startswith("งบประมาณที่ได้รับ : "))
        carried = f"{(k + 1) * 125_000:,}"
        lines[at] += f" (ไม่รวมเงินกันเหลื่อมปี {carried} บาท)" + "*" * (k % 2)
        path = tmp_path / f"form-{k}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        processed = process_file(path)
        want = doc.truth["tables"]["projects"][0]["budget_allocated_thb"]
        head = {"tables": {"projects": [{"budget_allocated_thb": want}]}}
        result = score(processed, head)
        assert result.total == 1 and not result.lost, (k, result.lost)


def test_an_amount_stated_again_in_digits_is_no_note(tmp_path: Path) -> None:
    doc: GeneratedDoc = GENERATORS["legacy_tab"](random.Random("budget-again"))
    lines = doc.text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("งบประมาณที่ได้รับ : "))
    lines[at] += " (9,999,999 บาท)"  # two amounts: which is meant is not for the reader
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    project = process_file(path).tables["projects"][0]
    assert project.budget_allocated_thb is None


def _word_in_columns(docs: list[GeneratedDoc], tmp_path: Path, font: str) -> list[Path]:
    """Each form written as a Word file set in two newspaper columns, printed by LibreOffice.

    Its tables are as wide as the page (:func:`corpus.render.write_docx`): in a column
    they run past it, over the gap and the page's right margin.
    """
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from corpus import render

    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    sources, outs = [], []
    for k, doc in enumerate(docs):
        source = tmp_path / f"columns-{k}.docx"
        render.write_docx(doc, source, font, pt=14)
        word = docx.Document(str(source))
        section = word.sections[0]._sectPr
        cols = section.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section.append(cols)
        cols.set(qn("w:num"), "2")
        cols.set(qn("w:space"), "567")  # 1 cm between the columns, Word's default
        word.save(str(source))
        sources.append(str(source))
        outs.append(tmp_path / f"columns-{k}.pdf")
    failed = render._soffice(str(tmp_path), sources, outs, "--convert-to", "pdf")
    assert not failed, failed
    return outs


def test_a_word_form_in_two_columns_reads_column_by_column(tmp_path: Path) -> None:
    docs = [GENERATORS["legacy_tab"](random.Random(f"word-columns-{k}")) for k in range(2)]
    for doc, pdf in zip(docs, _word_in_columns(docs, tmp_path, "Loma"), strict=True):
        processed = process_file(pdf)
        assert processed.layout == "legacy_progress_form", pdf.name
        tables = doc.truth["tables"]
        truth = {"tables": {
            "projects": tables["projects"],
            # the flags' column runs past the page's edge, where no reader sees it
            "progress_updates": [{c: v for c, v in row.items()
                                  if c not in ("on_plan", "on_target")}
                                 for row in tables["progress_updates"]]}}
        result = score(processed, truth)
        assert not result.lost, (pdf.name, result.lost[:6])
