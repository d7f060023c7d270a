"""Filled PDF forms whose field boxes stand where the page's lines leave it unclear.

A form's box is put on its label's line by the line's letters it overlaps
(``read/pdf_widget_lines.py``). The forms here print a generated legacy progress
form (its tab dialect) as a form program lays one out: each project field's label,
then a box for its value right after it; each report's date and detail, its
progress, budget and their signs on two lines in a smaller size, the progress and
the budget in boxes between their printed words. The boxes are drawn a few points
above their labels, of mixed heights, or the detail in a multi-line box over
lines of its own; the truth is the generated values.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, BooleanObject, NameObject, TextStringObject

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_widget_lines import Line, line_for

from corpus.doc import GeneratedDoc
from corpus.score import score
from corpus_prints import generated_form
from read_back import assert_read_as_generated
from thai_fonts import font_file

SEED = 4127
#: The project fields whose values the form takes in boxes.
HEADS = ("ชื่อโครงการ/กิจกรรม", "รหัสโครงการ", "ปีงบประมาณ พ.ศ.", "เริ่มต้นโครงการ",
         "งบประมาณที่ได้รับ", "สิ้นสุดโครงการ", "งบประมาณที่ใช้ไป", "หน่วยงานที่รับผิดชอบ",
         "ชื่อผู้รับผิดชอบ", "ผู้ประสานงาน สยป")
FIELD = re.compile(r"^(?P<label>.+?) : (?P<value>.+)$")
#: A report's progress cell: its words, then the progress and budget between them.
PROGRESS = re.compile(r"^(?P<sign>:: ความก้าวหน้าของงานฯ =) (?P<pct>[0-9.]+) "
                      r"(?P<spent>% : งบประมาณที่เบิกใช้ \(ครั้งที่ \d+\) =) "
                      r"(?P<amount>[0-9,.]+) (?P<unit>บาท)$")
#: A report's date cell: its date, then its detail.
DETAIL = re.compile(r"^(?P<date>:: [0-9/]+ :) (?P<detail>.+)$")
#: The left edge (points) of each of a report row's cells.
CELLS = (30.0, 95.0, 425.0, 495.0)
#: A box's bottom and height (points) from its label's baseline and its value's size.
Place = Callable[[float, float], tuple[float, float]]
#: A multi-line field (PDF 32000-1, table 228: bit 13).
MULTILINE = "multiline"


def _doc(key: str) -> GeneratedDoc:
    """A generated tab-dialect progress form with two to four reports."""
    return generated_form("tab", f"{SEED}-{key}", (2, 4), 50)


def _form(doc: GeneratedDoc, pdf: Path, places: list[Place], size: float = 12.0,
          row_size: float = 8.0, pitch: float = 20.0, wrap: int = 0,
          shift: float = 0.0) -> dict[str, str]:
    """Print ``doc``'s labels on A4 pages, an empty field for each value, the ``n``-th
    box placed by ``places[n % len(places)]``. ``wrap``: a report's detail in a
    multi-line box of lines of about that many characters (its box's top a little
    over its date's line, the lines after it left blank for it), 0: one line; -1: its
    last word alone on the second line. ``shift``: points a detail's box stands right
    of its place.

    Returns the fields' values by name.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("FormThai", str(font_file("Sarabun"))))
    c = canvas.Canvas(str(pdf), pagesize=A4)
    values: dict[str, str] = {}
    y = 780.0

    def label(x: float, text: str, points: float) -> float:
        c.setFont("FormThai", points)
        c.drawString(x, y, text)
        return x + pdfmetrics.stringWidth(text, "FormThai", points) + 3

    def field(x: float, width: float, value: str, points: float, lines: int = 1) -> float:
        name = f"f{len(values) + 1}"
        bottom, height = places[len(values) % len(places)](y, points)
        if lines > 1:  # the text starts at the box's top, a little over the line
            height = (points * 1.5) * lines + 4
            bottom = y + points + 2 - height
        values[name] = value
        c.acroForm.textfield(name=name, value="", x=x, y=bottom, width=width, height=height,
                             fontSize=points, borderWidth=0,
                             fieldFlags=MULTILINE if lines > 1 else "")
        return x + width + 3

    def next_line(lines: float = 1) -> None:
        nonlocal y
        y -= lines * pitch
        if y < 60:
            c.showPage()
            y = 780.0

    for line in doc.text.split("\n"):
        pair = FIELD.match(line)
        if not line.strip():
            continue
        if pair and "\t" not in line and pair["label"].startswith(HEADS):
            x = label(30, pair["label"] + " :", size)
            field(x + 3, 560 - x, pair["value"], size)
        elif "\t" in line:
            rows = 1
            if any(map(DETAIL.match, line.split("\t"))) and y < 60 + 4 * pitch:
                next_line(y)  # a report's lines kept on one page
            for left, cell in zip(CELLS, line.split("\t"), strict=False):
                progress, detail = PROGRESS.match(cell), DETAIL.match(cell)
                if progress:
                    x = label(left, progress["sign"], row_size)
                    x = label(field(x, 30, progress["pct"], row_size), progress["spent"],
                              row_size)
                    label(field(x, 50, progress["amount"], row_size), progress["unit"],
                          row_size)
                elif detail:
                    x = label(left, detail["date"], row_size) + shift
                    parts = _wrapped(detail["detail"], wrap) if wrap > 0 else \
                        detail["detail"].rsplit(" ", 1) if wrap else [detail["detail"]]
                    field(x, CELLS[2] - x - 5, "\n".join(parts), row_size, len(parts))
                    rows = len(parts)
                elif cell:
                    label(left, cell, row_size)
            next_line(rows)
            continue
        else:
            label(30, line, size)
        next_line()
    c.save()
    return values


def _wrapped(text: str, width: int) -> list[str]:
    """``text``'s words in lines of at most about ``width`` characters."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _filled(pdf: Path, values: dict[str, str], shuffled: bool = False) -> None:
    """Each field's ``/V`` set, its appearance left for the reader to make; ``shuffled``:
    each page's fields listed in a random order (``/Annots``)."""
    writer = PdfWriter(clone_from=str(pdf))
    for page in writer.pages:
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            widget[NameObject("/V")] = TextStringObject(values[widget["/T"]])
            del widget["/AP"]
        if shuffled and "/Annots" in page:
            listed = list(page["/Annots"])
            random.Random(SEED).shuffle(listed)
            page[NameObject("/Annots")] = ArrayObject(listed)
    writer.root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    writer.write(str(pdf))


def _read_as_generated(tmp_path: Path, key: str, places: list[Place], **layout: float) -> None:
    doc = _doc(key)
    pdf = tmp_path / f"{key}.pdf"
    _filled(pdf, _form(doc, pdf, places, **layout))  # type: ignore[arg-type]
    assert_read_as_generated(pdf, json.loads(doc.truth_json()))


def test_fields_listed_out_of_order_read_with_their_labels(tmp_path: Path) -> None:
    """A form whose fields a program listed in no order (``/Annots`` shuffled): each
    value is read on its label's line, not after the value listed before it (a
    report's progress read with another report's date, a whole form undetected)."""
    doc = _doc("shuffled")
    pdf = tmp_path / "shuffled.pdf"
    _filled(pdf, _form(doc, pdf, [_above(-4), _above(2)]), shuffled=True)
    assert_read_as_generated(pdf, json.loads(doc.truth_json()))


def _above(points: float, height: float | None = None) -> Place:
    """A box ``points`` above its label's baseline, ``height`` tall (default: its
    value's size and 4)."""
    return lambda y, size: (y + points, size + 4 if height is None else height)


@pytest.mark.parametrize(("offset", "height", "size", "row_size"), [
    (4.0, 16.0, 12.0, 8.0),  # the report rows' boxes overlap two lines' letters alike
    (5.0, None, 12.0, 8.0),  # the project fields' boxes overlap two lines' letters alike
    (4.0, 18.0, 14.0, 9.0),
    (6.0, None, 12.0, 8.0),  # the report rows' boxes touch neither line's letters
])
def test_a_box_above_its_label_reads_with_its_label(tmp_path: Path, offset: float,
                                                    height: float | None, size: float,
                                                    row_size: float) -> None:
    """Boxes drawn 4 to 6 points above their labels' baselines, as far into the line
    above's letters as into their own, or between the two touching neither: every
    value reads with its label (a report's progress and budget went to its date's
    line, its detail to the report before, or stood on a line of their own)."""
    _read_as_generated(tmp_path, f"above-{offset}-{size}", [_above(offset, height)],
                       size=size, row_size=row_size)


def test_boxes_of_mixed_heights_on_one_line_keep_their_values_apart(tmp_path: Path) -> None:
    """Boxes of four placements in turn (on the line, tall, 4 points above, 10 below):
    a detail whose box went to the line above no longer runs through the progress box
    there, letter by letter (``ลงนามในสัญ1ญ9า.5จ้0าง…``)."""
    places = [_above(-4), lambda y, size: (y - 12, 30), _above(4, 16), _above(-10, 16)]
    _read_as_generated(tmp_path, "mixed", places)


def test_a_box_goes_to_the_line_its_label_stands_on() -> None:
    """Two lines whose letters a box overlaps alike: the one with a word just left of
    the box and none under it is the box's; the heights alone decide when one line's
    letters are twice as much under the box, or no letters are given."""
    own = Line(700.0, 698.0, 706.0, ((30.0, 180.0, False),))  # its label ends at 180
    above = Line(720.0, 718.0, 726.0, ((30.0, 120.0, False), (200.0, 380.0, False)))
    assert line_for(704.0, 720.0, [above, own], 185.0, 215.0) == 700.0
    assert line_for(704.0, 720.0, [above, own]) == 720.0  # (a tie: the upper line, first)
    assert line_for(702.0, 719.0, [above, own], 185.0, 215.0) == 700.0
    assert line_for(698.0, 719.0, [above, own], 235.0, 300.0) == 700.0  # own's 6 to 1
    # a line whose label runs into the box is not its line; a leader under it is
    heading = Line(720.0, 718.0, 726.0, ((30.0, 190.0, False),))
    dotted = Line(700.0, 698.0, 706.0, ((30.0, 90.0, False), (95.0, 300.0, True)))
    assert line_for(704.0, 720.0, [heading, own], 185.0, 215.0) == 700.0
    assert line_for(704.0, 720.0, [above, dotted], 185.0, 215.0) == 700.0
    # a box between the two lines, touching neither's letters: its label's; none when
    # it stands further from both than it is tall
    assert line_for(707.0, 717.0, [above, own], 185.0, 215.0) == 700.0
    assert line_for(707.0, 717.0, [above, own]) is None
    assert line_for(740.0, 750.0, [above, own], 185.0, 215.0) is None


def _letters(pdf: Path, value: str) -> tuple[str, list[tuple[float, float]]]:
    """The raw text of the page that holds ``value``, as pdfium reads it, its values
    drawn, and each character's left and right edges (points, of its advance)."""
    import pypdfium2 as pdfium

    from bma_etl.read.pdf_widgets import draw_form_values

    document = pdfium.PdfDocument(str(pdf))
    try:
        draw_form_values(document)
        for page in document:
            textpage = page.get_textpage()
            raw = textpage.get_text_range()
            if value in raw:
                return raw, [textpage.get_charbox(i, loose=True)[::2]
                             for i in range(len(raw))]
        raise AssertionError(f"{value!r} not drawn")
    finally:
        document.close()


def test_a_value_right_where_a_multiline_value_ends_above_reads_on_its_line(
        tmp_path: Path) -> None:
    """A report's detail in a multi-line box, and the progress box on the line under its
    last line starting right where that line ends: drawn one after the other at the
    page's end, each in its box's own space, pdfium read the two values as one word,
    and the progress, budget and flags were lost into the detail (``…ครั้งที่
    2/256641.50``). The details' boxes are moved until a report's progress starts
    where its detail ends (its last word alone on its second line)."""
    doc = _doc("glued")
    pdf = tmp_path / "glued.pdf"
    values = list(_form(doc, pdf, [_above(-4)], wrap=-1).items())
    _filled(pdf, dict(values))
    at = min((i for i, (_, value) in enumerate(values) if "\n" in value),
             key=lambda i: len(values[i][1].split("\n")[-1]))  # the shortest last line
    head, detail = values[at][1].split("\n")
    progress = values[at + 1][1]
    raw, boxes = _letters(pdf, head)
    last = raw.index(detail, raw.index(head) + len(head))
    end = boxes[last + len(detail) - 1][1]
    start = boxes[raw.index(progress, last)][0]
    assert end < start
    _filled(pdf, _form(doc, pdf, [_above(-4)], wrap=-1, shift=start - end - 0.2))
    result = score(process_file(pdf), json.loads(doc.truth_json()))
    # (a space at the wrap of a multi-line value, between two Thai words, is not seen)
    assert [lost for lost in result.lost if not lost[3].startswith("space_lost")] == []


def test_a_box_its_drawn_value_runs_past_is_widened(tmp_path: Path) -> None:
    """A one-line field whose appearance draws its whole value past the box's right edge
    (a form program's, the box too narrow for the project code) is widened to take
    it, a little more than the text; a value within its box keeps its box."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from bma_etl.read.pdf_widgets import _widened_to_value

    pdf = tmp_path / "narrow.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    for name, value, width, y in (("code", "12356257-4494", 30.0, 800.0),
                                  ("year", "2567", 60.0, 780.0)):
        c.drawString(30, y, name)
        c.acroForm.textfield(name=name, value=value, x=110, y=y - 4, width=width, height=14,
                             fontSize=10, borderWidth=0)
    c.save()
    document = pdfium.PdfDocument(str(pdf))
    document.init_forms()
    page = document[0]
    rect = pdfium_c.FS_RECTF()
    widths = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        widened = _widened_to_value(page.raw, annot)
        pdfium_c.FPDFAnnot_GetRect(annot, rect)
        widths.append((widened, round(rect.right - rect.left)))
        pdfium_c.FPDFPage_CloseAnnot(annot)
    page.close()
    document.close()
    assert widths[1] == (False, 60)
    assert widths[0][0] and widths[0][1] > 1.2 * 10 * 0.5 * len("12356257-4494")
