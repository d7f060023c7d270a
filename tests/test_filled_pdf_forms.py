"""Filled PDF forms: the values live in AcroForm fields, not in the page's text.

A progress form filled in a viewer keeps its labels printed on the page and its
values in form field widgets (``read/pdf_widgets.py``). The forms here are made
from generated documents (bench/corpus): every ``label : value`` line printed as
its label, its value put into a text field beside it, the other lines printed as
they are; the truth is the generated values. A form is filled in the ways viewers
and programs leave them:

- ``/V`` only, the form asking the reader to make the appearances
  (``/NeedAppearances``; reportlab's empty field filled by pypdf);
- an appearance stream only: each field's ``/AP`` draws its value in an embedded
  Thai font (made from a page reportlab printed the value on), no ``/V``;
- ``/V`` beside the field's old, empty appearance, no new one asked for;
- ``/V`` in comb fields (one character to a cell).

A report's plan and target flags are checkboxes beside both options printed, the
generated option's box ticked; a scanned form made fillable has its labels in a
page image and its values in fields over it.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from bma_etl.read.pdf import extract_pdf

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus_prints import generated_form
from pdf_sheets import flattened_form
from read_back import assert_read_as_generated
from thai_fonts import font_file

SEED = 2701
#: A printed ``label : value`` line (no table row): its value goes into a field.
FIELD_LINE = re.compile(r"^(?P<label>[^:|\t]{2,40}?)\s*:\s*(?P<value>.+)$")
#: Where a field stands beside its label, and its width (points).
FIELD_X, FIELD_WIDTH = 200.0, 380.0
#: Label and value sizes (points) as forms set them: alike, and the value smaller
#: (a field's own font size, its box centred on the label's line).
SIZES = {"same": (9.0, 8.0), "smaller": (14.0, 10.0)}


def _printed_form(doc: GeneratedDoc, pdf: Path, font: Path, size: float, value_size: float
                  ) -> dict[str, tuple[str, int, float]]:
    """Print ``doc``'s labels (at ``size``) and other lines on A4 pages, one empty text
    field per value (its text at ``value_size``), its box centred on the label's line.

    Returns each field's name → (value, page index, baseline). reportlab's fields
    hold no value (its appearances cannot write Thai); the values are filled after.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("FormThai", str(font)))
    c = canvas.Canvas(str(pdf), pagesize=A4)
    fields: dict[str, tuple[str, int, float]] = {}
    y, page, height = 800.0, 0, value_size + 5
    for line in doc.text.split("\n"):
        if y < 50:
            c.showPage()
            y, page = 800.0, page + 1
        c.setFont("FormThai", size)
        m = FIELD_LINE.match(line)
        if m and "|" not in line:
            c.drawString(30, y, m["label"] + " :")
            name = f"f{len(fields) + 1}"
            fields[name] = (m["value"], page, y)
            c.acroForm.textfield(name=name, value="", x=FIELD_X, y=y + 0.3 * size - height / 2,
                                 width=FIELD_WIDTH, height=height, fontSize=value_size,
                                 borderWidth=0)
        else:
            c.drawString(30, y, line)
        y -= 1.5 * size
    c.save()
    return fields


def _values_as_v(pdf: Path, fields: dict[str, tuple[str, int, float]], way: str = "value"
                 ) -> None:
    """Each field's ``/V`` set. ``value``: its appearance dropped, the form asking for new
    appearances; ``stale``: reportlab's empty appearance kept, none asked for (a
    program that writes values without drawing them); ``comb``: as ``value``, each
    field a comb of as many cells as its value has characters; ``latin``: pypdf's
    own appearances, drawn in the field's Helvetica, which has no Thai (``?????``)."""
    writer = PdfWriter(clone_from=str(pdf))
    if way == "latin":
        for page in writer.pages:
            writer.update_page_form_field_values(
                page, {name: value for name, (value, _, _) in fields.items()},
                auto_regenerate=False)
        writer.write(str(pdf))
        return
    for page in writer.pages:
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            if widget["/T"] in fields:  # (a checkbox keeps its state)
                value = fields[widget["/T"]][0]
                widget[NameObject("/V")] = TextStringObject(value)
                if way != "stale":
                    del widget["/AP"]
                if way == "comb":
                    widget[NameObject("/Ff")] = NumberObject(1 << 24)
                    widget[NameObject("/MaxLen")] = NumberObject(len(value))
    if way != "stale":
        writer.root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    writer.write(str(pdf))


def _values_as_appearances(pdf: Path, fields: dict[str, tuple[str, int, float]],
                           font: Path, value_size: float, tmp_path: Path) -> None:
    """Each field's normal appearance draws its value in an embedded Thai font; no ``/V``.

    The value is printed by reportlab on a page of its own, at the padding a
    viewer leaves (2 points in, its box's descent up); that page's content and
    resources become the appearance's Form XObject, its box the field's size.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("FormThai", str(font)))
    values = tmp_path / "values.pdf"
    height = value_size + 5
    c = canvas.Canvas(str(values), pagesize=(FIELD_WIDTH, height))
    names = list(fields)
    for name in names:
        c.setFont("FormThai", value_size)
        c.drawString(2, 3, fields[name][0])
        c.showPage()
    c.save()
    drawn = PdfReader(str(values))
    writer = PdfWriter(clone_from=str(pdf))
    for page in writer.pages:
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            source = drawn.pages[names.index(widget["/T"])]
            stream = StreamObject()
            stream.set_data(source.get_contents().get_data())  # type: ignore[union-attr]
            stream.update({
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0),
                                                  FloatObject(FIELD_WIDTH),
                                                  FloatObject(height)]),
                NameObject("/Resources"): writer._add_object(
                    _copied(writer, source["/Resources"])),
            })
            widget[NameObject("/AP")] = DictionaryObject(
                {NameObject("/N"): writer._add_object(stream)})
            del widget["/V"]
    writer.write(str(pdf))


def _copied(writer: PdfWriter, resources: Any) -> Any:
    """``resources`` (of another file's page) cloned into ``writer``'s file."""
    return resources.get_object().clone(writer)


def _filled(tmp_path: Path, generator: str, k: int, way: str, sizes: str = "same"
            ) -> tuple[Path, GeneratedDoc]:
    font = font_file("Sarabun")
    doc = GENERATORS[generator](random.Random(f"{SEED}-{generator}-{k}"))
    pdf = tmp_path / f"{generator}-{way}.pdf"
    size, value_size = SIZES[sizes]
    fields = _printed_form(doc, pdf, font, size, value_size)
    assert len(fields) > 10
    if way == "appearance":
        _values_as_appearances(pdf, fields, font, value_size, tmp_path)
    else:
        _values_as_v(pdf, fields, way)
    return pdf, doc


@pytest.mark.parametrize(("way", "sizes"), [
    ("value", "same"), ("value", "smaller"), ("appearance", "same"), ("appearance", "smaller"),
    ("stale", "same"), ("comb", "same"), ("latin", "same")])
def test_filled_progress_form_reads_its_field_values(tmp_path: Path, way: str,
                                                     sizes: str) -> None:
    """A progress form's project fields (name, code, year, budgets, dates, agency,
    people) read from its filled fields; quarantined before, for want of its name.
    A value set smaller than its label stands on its label's line, not one of its own;
    a value left undrawn (``stale``) is drawn, a comb field's reads as one word, and a
    Thai value drawn in a font without Thai (``latin``) is drawn again from ``/V``.
    Every report reads as generated: its rows, printed one to a line, run off the
    page's right edge, and report 7's line was read as the wrapped end of report 6's
    (the second-widest row set the page's margin): report 7 lost, 6's target NULL."""
    pdf, doc = _filled(tmp_path, "legacy_pipe", 0, way, sizes)
    assert_read_as_generated(pdf, json.loads(doc.truth_json()))


@pytest.mark.parametrize(("key", "font", "flatten"), [
    ("long", "Loma", None), ("long-flat", "Sarabun", "pdfium"), ("more", "Sarabun", "qpdf")])
def test_a_forms_report_rows_past_the_page_edge_read_as_generated(
        tmp_path: Path, key: str, font: str, flatten: str | None) -> None:
    """A form of eight to twelve reports, its rows printed one to a line past the page's
    right edge (no margin wrapped them), filled or flattened: every report reads as
    generated. Two such rows put the page's margin past its edge, at the second-widest:
    that row read as wrapped, the next report's line as its end (the report lost, the
    row's target flag NULL, ``report_number_missing``)."""
    doc = generated_form("pipe", f"{SEED}-{key}", (8, 12))
    pdf = tmp_path / f"{key}.pdf"
    size, value_size = SIZES["same"]
    _values_as_v(pdf, _printed_form(doc, pdf, font_file(font), size, value_size))
    if flatten is not None:
        flattened_form(pdf, flat := tmp_path / f"{key}-flat.pdf", flatten)
        pdf = flat
    assert_read_as_generated(pdf, json.loads(doc.truth_json()))


def _moved_box(pdf: Path, name: str, bottom: float) -> None:
    """Field ``name``'s box moved down to ``bottom`` (points), its height and width kept."""
    writer = PdfWriter(clone_from=str(pdf))
    for page in writer.pages:
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            if widget.get("/T") == name:
                x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
                widget[NameObject("/Rect")] = ArrayObject(
                    [FloatObject(v) for v in (x0, bottom, x1, bottom + y1 - y0)])
    writer.write(str(pdf))


def test_a_value_on_no_line_is_a_finding(tmp_path: Path) -> None:
    """A filled field whose box overlaps no text line (moved to the page's blank foot)
    reads where its box stands, and a ``form_value_unplaced`` finding names the field
    and quotes its value (there was none: the value was read apart from its label, the
    label's field NULL, and nothing said why). A form whose values all found their
    lines has no such finding."""
    from bma_etl.pipeline import process_file

    doc = GENERATORS["legacy_pipe"](random.Random(f"{SEED}-unplaced"))
    code = json.loads(doc.truth_json())["tables"]["projects"][0]["project_code"]
    pdf = tmp_path / "form.pdf"
    fields = _printed_form(doc, pdf, font_file("Sarabun"), *SIZES["same"])
    _values_as_v(pdf, fields)

    def found(path: Path) -> list[str]:
        return [issue.message for issue in process_file(path).rows("quality_issues")
                if issue.code == "form_value_unplaced"]

    assert found(pdf) == []
    name = next(name for name, (value, _, _) in fields.items() if value == code)
    _moved_box(pdf, name, 12.0)
    (message,) = found(pdf)
    assert f'page 1 {name}: "{code}"' in message and message.startswith("1 filled form field")


@pytest.mark.parametrize("way", ["value", "appearance"])
def test_filled_history_page_reads_its_field_values(tmp_path: Path, way: str) -> None:
    """A web history page whose ``label : value`` lines were filled as fields reads
    every table as generated (the outside test's history page: 14 of 29 fields before)."""
    pdf, doc = _filled(tmp_path, "web_history", 0, way)
    assert_read_as_generated(pdf, json.loads(doc.truth_json()))


def test_a_field_value_stands_beside_its_label(tmp_path: Path) -> None:
    """The value is text on its label's line, one cell after it (as a printed value)."""
    pdf, doc = _filled(tmp_path, "legacy_pipe", 0, "value")
    code = json.loads(doc.truth_json())["tables"]["projects"][0]["project_code"]
    lines = extract_pdf(pdf.read_bytes(), pdf.name).text.split("\n")
    assert any(re.fullmatch(rf"รหัสโครงการ\.* :\t{re.escape(code)}", line) for line in lines)


#: A legacy report row as generated: its cells up to the budget, then its two flags.
REPORT_ROW = re.compile(r"^(?P<row>\|.*?\|) : (?P<plan>(?:ไม่)?เป็นไปตามแผน) \| "
                        r": (?P<target>(?:ไม่)?เป็นไปตามเป้าหมาย) \|$")
#: Each flag's options as a form prints them, a box beside each.
OPTIONS = (("เป็นไปตามแผน", "ไม่เป็นไปตามแผน"), ("เป็นไปตามเป้าหมาย", "ไม่เป็นไปตามเป้าหมาย"))


def _ticked_form(doc: GeneratedDoc, pdf: Path, font: Path, side: str) -> None:
    """``doc`` printed as :func:`_printed_form` does, its values filled as ``/V``, and each
    report row's flags as checkboxes: both options of a flag printed, a box ``side``
    (before or after) each (reportlab's, drawn checked or not), the generated
    option's box ticked."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("FormThai", str(font)))
    c = canvas.Canvas(str(pdf), pagesize=landscape(A4))
    fields: dict[str, tuple[str, int, float]] = {}
    size, y = 7.0, 560.0
    for line in doc.text.split("\n"):
        if y < 40:
            c.showPage()
            y = 560.0
        c.setFont("FormThai", size)
        field, row = FIELD_LINE.match(line), REPORT_ROW.match(line)
        if row is not None:
            c.drawString(20, y, row["row"])
            x = 20 + pdfmetrics.stringWidth(row["row"], "FormThai", size) + 3 * size
            for options, chosen in zip(OPTIONS, (row["plan"], row["target"]), strict=True):
                c.drawString(x, y, ":")
                x += 2 * size
                for option in options:
                    width = pdfmetrics.stringWidth(option, "FormThai", size)
                    box = x if side == "before" else x + width + 4
                    c.acroForm.checkbox(name=f"c{box:.0f}-{y:.0f}", x=box, y=y - 1,
                                        size=size + 1, checked=option == chosen,
                                        buttonStyle="check", borderWidth=1)
                    c.drawString(x + size + 4 if side == "before" else x, y, option)
                    x += size + 4 + width + 2 * size
        elif field is not None and "|" not in line:
            c.drawString(20, y, field["label"] + " :")
            name = f"f{len(fields) + 1}"
            fields[name] = (field["value"], 0, y)
            c.acroForm.textfield(name=name, value="", x=FIELD_X, y=y - 3, width=FIELD_WIDTH,
                                 height=size + 5, fontSize=size, borderWidth=0)
        else:
            c.drawString(20, y, line)
        y -= 1.6 * size
    c.save()
    _values_as_v(pdf, fields)


@pytest.mark.parametrize("side", ["before", "after"])
def test_ticked_flags_read_as_the_options_ticked(tmp_path: Path, side: str) -> None:
    """A progress form whose plan and target flags are boxes beside printed options
    reads each report's flags as ticked (the first option's words were read whatever
    the ticks said), and its other fields as generated."""
    doc = GENERATORS["legacy_pipe"](random.Random(f"{SEED}-ticked"))
    pdf = tmp_path / "ticked.pdf"
    _ticked_form(doc, pdf, font_file("Sarabun"), side)
    truth = json.loads(doc.truth_json())
    flags = [(r["on_plan"], r["on_target"]) for r in truth["tables"]["progress_updates"]]
    assert len(set(flags)) > 1 or len(flags) < 2  # the seed ticks both ways
    assert_read_as_generated(pdf, truth)


def test_a_tick_chooses_the_option_its_boxes_side_gives() -> None:
    """The option a tick is the box of is chosen, boxes before or after their words; a
    tick the text cannot place, or a flag ticked twice, reads no flag."""
    from bma_etl.layouts.legacy_flags import trailing_flags

    def read(text: str) -> list[tuple[str, str]]:
        return [(column, text[a:b]) for column, a, b in trailing_flags(text)]

    assert read(": ✔ เป็นไปตามแผน ❏ ไม่เป็นไปตามแผน : ❏ เป็นไปตามเป้าหมาย ✔ ไม่เป็นไปตามเป้าหมาย"
                ) == [("on_plan", "เป็นไปตามแผน"), ("on_target", "ไม่เป็นไปตามเป้าหมาย")]
    assert read(": เป็นไปตามแผน ✔ ไม่เป็นไปตามแผน ❏") == [("on_plan", "เป็นไปตามแผน")]
    assert read(": ✔ เป็นไปตามแผน ไม่เป็นไปตามแผน") == []  # whose box is it?
    assert read(": ❏ เป็นไปตามแผน ✔ ไม่เป็นไปตามแผน ❏") == []
    assert read(": ✔ เป็นไปตามแผน ✔ ไม่เป็นไปตามแผน") == []


#: The project's values short enough to fit a scanned form's fields at 12 points.
SHORT_VALUES = ("project_code", "fiscal_year_be", "budget_allocated_thb", "start_date",
                "end_date")


def _scanned_form(doc: GeneratedDoc, pdf: Path, font: Path, tmp_path: Path) -> None:
    """``doc``'s form as a scan made fillable: its first page printed with its labels
    (no values), rendered at 200 dpi as the page's image, the fields laid over it
    where they stood and filled as ``/V``."""
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    size, value_size = 12.0, 12.0
    printed = tmp_path / "printed.pdf"
    fields = _printed_form(doc, printed, font, size, value_size)
    source = pdfium.PdfDocument(printed)
    image = source[0].render(scale=200 / 72, grayscale=True, draw_annots=False).to_pil()
    source.close()
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.drawImage(ImageReader(image), 0, 0, *A4)
    height = value_size + 5
    first = {name: field for name, field in fields.items() if field[1] == 0}
    for name, (_, _, y) in first.items():
        c.acroForm.textfield(name=name, value="", x=FIELD_X, y=y + 0.3 * size - height / 2,
                             width=FIELD_WIDTH, height=height, fontSize=value_size,
                             borderWidth=0)
    c.save()
    _values_as_v(pdf, first)


def test_scanned_form_made_fillable_reads_labels_and_values(tmp_path: Path) -> None:
    """A scanned form made fillable has its labels in its image and its values in its
    fields: the page is read by OCR from a render that draws the values (drawn into
    its text layer, the values alone would have stood for the page and its labels
    gone unread)."""
    doc = GENERATORS["legacy_pipe"](random.Random(f"{SEED}-scan"))
    pdf = tmp_path / "scan.pdf"
    _scanned_form(doc, pdf, font_file("Sarabun"), tmp_path)
    assert extract_pdf(pdf.read_bytes(), pdf.name).ocr_used
    project = json.loads(doc.truth_json())["tables"]["projects"][0]
    short = {column: project[column] for column in SHORT_VALUES}  # (long ones run off the page)
    assert_read_as_generated(pdf, {"tables": {"projects": [short]}})
