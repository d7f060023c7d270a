"""Filled PDF forms whose report rows are a ruled table, filled and flattened or not.

A tester's fillable progress form (``read/pdf_widgets.py``, ``read/pdf_flat_fields.py``)
prints the project's ``label : value`` lines with a text field after each label,
and its reports as a ruled table, in one of two designs:

- ``labels``: the printed form's four cells (report, the report's text, plan,
  target), the report's labels printed in its second cell with a field in each gap
  (``:: [date] :``, the detail in a multi-line field under it, ``:: ความก้าวหน้า
  ของงานฯ = [pct] % : งบประมาณที่เบิกใช้ (ครั้งที่ n) = [amount] บาท``);
- ``columns``: a header row naming a column per value (``ครั้งที่ | วันที่รายงาน |
  ผลการดำเนินงาน | ความก้าวหน้า (%) | …``), the report's number printed and a field
  in each other cell, filling it (``cell``) or one line tall at its top (``line``).

Fields are reportlab's (a light blue background, as a viewer shows a field), their
``/V`` set and their appearances left to the reader (``/NeedAppearances``), or the
form flattened: by pdfium as a viewer prints it, or by qpdf from the appearances a
viewer saved. The truth is the generated values.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import BooleanObject, NameObject, TextStringObject

from bma_etl.read.pdf_tables import Rules
from bma_etl.read.pdf_widget_lines import Line

from corpus.doc import GeneratedDoc
from corpus_prints import generated_form
from pdf_sheets import flattened_form
from read_back import assert_read_as_generated
from thai_fonts import font_file

SEED = 1717
FIELD_LINE = re.compile(r"^(?P<label>[^:|\t]{2,40}?)\s*:\s*(?P<value>.+)$")
REPORT_ROW = re.compile(
    r"^\| (?P<report>รายงานครั้งที่(?P<n>\S+)) \| :: (?P<date>\S+) : (?P<detail>.*?) :: "
    r"(?P<progress>ความก้าวหน้าของงานฯ) = (?P<pct>[\d.]+) % : "
    r"(?P<spent>งบประมาณที่เบิกใช้ \(ครั้งที่ \S+\)) = (?P<amount>[\d,]+) บาท \| "
    r": (?P<plan>\S+) \| : (?P<target>\S+) \|$")
#: Thai marks: a line is never cut before one.
MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
#: The ``labels`` design's cells and the ``columns`` design's (left edges, then the right).
LABEL_CELLS = (20.0, 85.0, 445.0, 505.0, 580.0)
COLUMN_CELLS = (30.0, 62.0, 112.0, 330.0, 380.0, 445.0, 505.0, 570.0)
HEADS = ("ครั้งที่", "วันที่รายงาน", "ผลการดำเนินงาน", "ความก้าวหน้า (%)",
         "งบประมาณที่เบิกใช้ (บาท)", "ผลเทียบแผน", "ผลเทียบเป้าหมาย")
SIZE, VALUE_SIZE, PAD = 9.0, 8.0, 2.0
PITCH = 1.5 * SIZE


def _doc(key: str) -> GeneratedDoc:
    """A generated pipe-dialect progress form with three to six reports."""
    return generated_form("pipe", f"{SEED}-{key}", (3, 6), 80)


def _wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` in lines at most ``width`` points wide, cut at spaces or inside a word."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for word in text.split(" "):
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] += f" {word}"
            continue
        while stringWidth(word, font, size) > width:
            cut = len(word)
            while stringWidth(word[:cut], font, size) > width or MARKS.match(word[cut:cut + 1]):
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines


def _form(doc: GeneratedDoc, pdf: Path, font: Path, design: str, boxes: str = "line"
          ) -> dict[str, str]:
    """Print ``doc`` as a fillable form of ``design`` with empty fields; their values by name.

    ``boxes`` (``columns``): a value's box fills its cell (``cell``) or its top line.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("FormThai", str(font)))
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setLineWidth(0.5)
    values: dict[str, str] = {}
    y, headed = 800.0, False

    def label(x: float, at: float, text: str) -> float:
        c.setFont("FormThai", SIZE)
        c.drawString(x, at, text)
        return x + pdfmetrics.stringWidth(text, "FormThai", SIZE) + 2

    def field(x: float, bottom: float, width: float, height: float, value: str,
              multiline: bool = False) -> float:
        values[name := f"f{len(values) + 1}"] = value
        c.acroForm.textfield(name=name, value="", x=x, y=bottom, width=width, height=height,
                             fontSize=VALUE_SIZE, borderWidth=0, maxlen=1000,
                             fieldFlags="multiline" if multiline else "")
        return x + width + 2

    def one_line(x: float, at: float, width: float, value: str) -> float:
        return field(x, at - 0.3 * VALUE_SIZE - 2, width, VALUE_SIZE + 5, value)

    def ruled(cells: tuple[float, ...], bottom: float, top: float) -> None:
        c.rect(cells[0], bottom, cells[-1] - cells[0], top - bottom)
        for x in cells[1:-1]:
            c.line(x, bottom, x, top)

    def room(height: float) -> None:
        nonlocal y, headed
        if y - height < 40:
            c.showPage()
            y, headed = 800.0, False

    for line in doc.text.split("\n"):
        row, pair = REPORT_ROW.match(line), FIELD_LINE.match(line)
        if row is not None and design == "labels":
            inner = LABEL_CELLS[2] - LABEL_CELLS[1] - 2 * PAD
            detail = _wrapped(row["detail"], "FormThai", VALUE_SIZE, inner - 2 * PAD)
            height = (len(detail) + 2) * PITCH + 4
            room(height)
            ruled(LABEL_CELLS, y + SIZE - height, y + SIZE)
            label(LABEL_CELLS[0] + PAD, y, row["report"])
            x = label(LABEL_CELLS[1] + PAD, y, "::")
            label(one_line(x, y, 60, row["date"]), y, ":")
            # the detail's box under the date's line, as many lines tall as it wraps to
            under = len(detail) * PITCH + 2
            field(LABEL_CELLS[1] + PAD, y - 0.3 * SIZE - 1 - under, inner, under, row["detail"],
                  multiline=True)
            at = y - (len(detail) + 1) * PITCH
            x = label(LABEL_CELLS[1] + PAD, at, f":: {row['progress']} =")
            x = label(one_line(x, at, 26, row["pct"]), at, f"% : {row['spent']} =")
            label(one_line(x, at, 44, row["amount"]), at, "บาท")
            for k, flag in ((2, row["plan"]), (3, row["target"])):
                x = label(LABEL_CELLS[k] + PAD, y, ":")
                one_line(x, y, LABEL_CELLS[k + 1] - x - PAD, flag)
            y -= height + 2
        elif row is not None:
            width = COLUMN_CELLS[3] - COLUMN_CELLS[2] - 4 * PAD
            height = len(_wrapped(row["detail"], "FormThai", VALUE_SIZE, width)) * PITCH + 6
            room(height + (0 if headed else 2 * PITCH + 7))
            if not headed:  # (on each page the table's rows start)
                ruled(COLUMN_CELLS, y + SIZE - 2 * PITCH - 4, y + SIZE)
                for k, head in enumerate(HEADS):
                    width = COLUMN_CELLS[k + 1] - COLUMN_CELLS[k] - 2 * PAD
                    for j, part in enumerate(_wrapped(head, "FormThai", SIZE, width)):
                        label(COLUMN_CELLS[k] + PAD, y - j * PITCH, part)
                y -= 2 * PITCH + 7
                headed = True
            ruled(COLUMN_CELLS, y + SIZE - height, y + SIZE)
            label(COLUMN_CELLS[0] + PAD, y, row["n"])
            cells = (row["date"], row["detail"], row["pct"], row["amount"], row["plan"],
                     row["target"])
            for k, value in enumerate(cells, start=1):
                x0, x1 = COLUMN_CELLS[k] + 1, COLUMN_CELLS[k + 1] - 1
                if boxes == "cell" or k == 2:
                    field(x0, y + SIZE - height + 1, x1 - x0, height - 2, value, k == 2)
                else:
                    one_line(x0, y, x1 - x0, value)
            y -= height + 3
        elif pair is not None and "|" not in line:
            room(PITCH)
            x = label(30, y, pair["label"] + " :")
            one_line(max(x, 170), y, 390, pair["value"])
            y -= PITCH
        elif not line.startswith("|"):
            room(PITCH)
            if line.strip():
                label(30, y, line[:110])
            y -= PITCH if line.strip() else SIZE / 2
    c.save()
    return values


def _filled(pdf: Path, values: dict[str, str]) -> None:
    """Each field's ``/V`` set, its appearance left for the reader to make."""
    writer = PdfWriter(clone_from=str(pdf))
    for page in writer.pages:
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            widget[NameObject("/V")] = TextStringObject(values[widget["/T"]])
            del widget["/AP"]
    writer.root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    writer.write(str(pdf))


def _made(tmp_path: Path, key: str, font: str, design: str, boxes: str = "line",
          empty: bool = False) -> tuple[Path, GeneratedDoc]:
    """The form filled; ``empty``: the second report's amount left empty (its truth NULL)."""
    doc = _doc(key)
    pdf = tmp_path / f"{key}.pdf"
    values = _form(doc, pdf, font_file(font), design, boxes)
    if empty:
        # a report's fields in order: date, detail, progress, amount, plan, target
        names = list(values)
        first = next(k for k, name in enumerate(names)
                     if re.fullmatch(r"\d+/\d+/\d{4}", values[name]))
        values[names[first + 6 + 3]] = ""
        doc.tables["progress_updates"][1]["budget_disbursed_thb"] = None
    _filled(pdf, values)
    return pdf, doc


@pytest.mark.parametrize(("font", "boxes"), [("Sarabun", "cell"), ("Loma", "line")])
def test_a_column_tables_fields_read_in_their_cells(tmp_path: Path, font: str,
                                                    boxes: str) -> None:
    """A report table of a column per value, a field in each cell, filled and not
    flattened: every report reads as generated. Each value was moved onto the line of
    its row's number (another column's word) and its field's frame drawn there read as
    rules across the row: a row's date, progress, budget and flags went to other rows
    or were lost (generated forms: 14-19 of 35-42 fields). A value now stays in its cell, and a
    field's frame is no rule."""
    pdf, doc = _made(tmp_path, f"columns-{boxes}", font, "columns", boxes)
    assert_read_as_generated(pdf, json.loads(doc.truth_json()))


@pytest.mark.parametrize(("font", "how", "empty"), [
    ("Sarabun", "pdfium", False), ("Loma", "qpdf", False), ("Sarabun", "qpdf", True)])
def test_a_flattened_forms_values_read_with_their_labels(tmp_path: Path, font: str,
                                                         how: str, empty: bool) -> None:
    """The ``labels`` form filled and flattened: each value is its field's appearance,
    drawn after the page's text at its box, a point off its label's baseline. A
    report's progress and budget read after the label that follows them, or as a line
    of their own, and were lost (generated forms: 29 of 35); they go onto their labels' line in
    their cell now, as in the form before it was flattened. A field left empty (its
    frame alone drawn) does not stop the others being placed."""
    pdf, doc = _made(tmp_path, "labels", font, "labels", empty=empty)
    flat = tmp_path / f"flat-{how}.pdf"
    flattened_form(pdf, flat, how)
    assert_read_as_generated(flat, json.loads(doc.truth_json()))
    assert_read_as_generated(pdf, json.loads(doc.truth_json()))  # (and before it was)


def test_a_box_in_a_ruled_cell_goes_to_a_line_of_its_cell() -> None:
    """A box in a ruled table's cell takes only lines of its cell, with their letters
    in it: another row's line, or a word of another column on its row's line, is not
    its line; in a cell with no words the box stays where it is."""
    from bma_etl.read.pdf_widget_lines import in_its_cell

    rules = Rules(vertical=((30.0, 100.0, 300.0), (100.0, 100.0, 300.0),
                            (400.0, 100.0, 300.0)),
                  horizontal=((100.0, 30.0, 400.0), (200.0, 30.0, 400.0),
                              (300.0, 30.0, 400.0)))
    number = Line(280.0, 278.0, 286.0, ((35.0, 40.0, False),))  # the row's number, column 1
    label = Line(250.0, 248.0, 256.0, ((110.0, 180.0, False),))  # a label in column 2
    below = Line(180.0, 178.0, 186.0, ((110.0, 180.0, False),))  # the next row's
    lines = [number, label, below]
    assert in_its_cell(lines, rules, (105.0, 210.0, 390.0, 295.0)) == [label]
    assert in_its_cell(lines, rules, (35.0, 210.0, 95.0, 260.0)) == [number]
    assert in_its_cell([number, below], rules, (105.0, 210.0, 390.0, 295.0)) == []
    assert in_its_cell(lines, Rules(), (105.0, 210.0, 390.0, 295.0)) == lines
