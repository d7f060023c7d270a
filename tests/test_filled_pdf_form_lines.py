"""Filled PDF forms whose field boxes stand off their labels' baselines.

A form's boxes are seldom drawn on their labels' line: a box taller than the
line, one a little above or below its label, a multi-line field whose text
starts at its box's top (``read/pdf_widget_lines.py``). The forms here print a
generated legacy progress form's labels and put each value into a field beside
its label, the boxes cycling through those placements; a report row's date,
detail, progress and budget are fields on its labels' lines, its flags
checkboxes taller than the line. The truth is the generated values.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import BooleanObject, NameObject, TextStringObject

from bma_etl.read.pdf import extract_pdf
from bma_etl.read.pdf_widget_lines import line_for
from bma_etl.read.pdf_widgets import BOX, TICK

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from read_back import assert_read_as_generated
from thai_fonts import font_file

SEED = 2711
#: A printed ``label : value`` line (no table row): its value goes into a field.
FIELD_LINE = re.compile(r"^(?P<label>[^:|\t]{2,40}?)\s*:\s*(?P<value>.+)$")
#: A legacy report row as generated.
REPORT_ROW = re.compile(
    r"^\| (?P<report>รายงานครั้งที่\S+) \| :: (?P<date>\S+) : (?P<detail>.*?) :: "
    r"(?P<progress>ความก้าวหน้าของงานฯ) = (?P<pct>[\d.]+) % : "
    r"(?P<spent>งบประมาณที่เบิกใช้ \(ครั้งที่ \S+\)) = (?P<amount>[\d,]+) บาท \| "
    r": (?P<plan>\S+) \| : (?P<target>\S+) \|$")
#: Each flag's options as the form prints them, a box before each.
OPTIONS = (("เป็นไปตามแผน", "ไม่เป็นไปตามแผน"), ("เป็นไปตามเป้าหมาย", "ไม่เป็นไปตามเป้าหมาย"))
#: Label and value sizes (points): the geometries the boxes are drawn at.
SIZES = {"same": (9.0, 8.0), "larger": (12.0, 10.0)}
#: Where a single-line field's box stands against its label's baseline ``y`` (label
#: size ``s``, value size ``v``): its bottom and height, cycled through field by field.
PLACES = {
    "tall": lambda y, s, v: (y - 1.4 * v, 2.6 * v),  # value centred half a line low
    "above": lambda y, s, v: (y + 0.2 * s, v + 5),  # value half a label size high
    "below": lambda y, s, v: (y + 0.2 * s - (v + 5), v + 5),  # value low
}
#: A multi-line field (PDF 32000-1, table 228: bit 13).
MULTILINE = 1 << 12


def _form(doc: GeneratedDoc, pdf: Path, font: Path, size: float, value_size: float
          ) -> tuple[dict[str, str], dict[str, bool]]:
    """Print ``doc``'s labels on A4 pages, an empty field for each value (its box placed
    by :data:`PLACES` in turn), a report's detail in a multi-line field whose box
    starts a label size above its line, its flags as checkboxes taller than the line.

    Returns the text fields' values and the checkboxes' states, by field name.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("FormThai", str(font)))
    c = canvas.Canvas(str(pdf), pagesize=A4)
    values: dict[str, str] = {}
    checks: dict[str, bool] = {}
    places = list(PLACES.values())
    y, right = 800.0, 560.0

    def label(x: float, text: str) -> float:
        c.setFont("FormThai", size)
        c.drawString(x, y, text)
        return x + pdfmetrics.stringWidth(text, "FormThai", size) + size / 2

    def field(x: float, width: float, value: str, bottom: float, height: float,
              flags: str = "") -> float:
        name = f"f{len(values) + 1}"
        values[name] = value
        c.acroForm.textfield(name=name, value="", x=x, y=bottom, width=width, height=height,
                             fontSize=value_size, borderWidth=0, fieldFlags=flags)
        return x + width + size / 2

    def next_line(lines: float = 1.8) -> None:
        nonlocal y
        y -= lines * size
        if y < 60:
            c.showPage()
            y = 800.0

    for line in doc.text.split("\n"):
        row, pair = REPORT_ROW.match(line), FIELD_LINE.match(line)
        if row is not None:
            next_line(0.6)
            x = label(30, f"{row['report']} ::")
            x = label(field(x, 90, row["date"], *places[0](y, size, value_size)), ":")
            # the detail's box from a label size over the line down past it: its text
            # starts at the box's top, over the label's baseline
            field(x, right - x, row["detail"], y - 1.2 * size, 2.8 * size, "multiline")
            next_line(2.0)
            x = label(50, f":: {row['progress']} =")
            x = label(field(x, 60, row["pct"], *places[1](y, size, value_size)),
                      f"% : {row['spent']} =")
            label(field(x, 90, row["amount"], *places[2](y, size, value_size)), "บาท")
            next_line()
            x = 50.0
            for options, chosen in zip(OPTIONS, (row["plan"], row["target"]), strict=True):
                for option in options:
                    checks[f"c{len(checks) + 1}"] = option == chosen
                    c.acroForm.checkbox(name=f"c{len(checks)}", x=x, y=y - 0.4 * size,
                                        size=size + 4, checked=False, buttonStyle="check",
                                        borderWidth=1)
                    x = label(x + size + 6, option) + size
            next_line()
        elif pair is not None and "|" not in line:
            x = label(30, pair["label"] + " :")
            field(max(x, 200.0), 360, pair["value"],
                  *places[len(values) % len(places)](y, size, value_size))
            next_line()
        else:
            label(30, line)
            next_line()
    c.save()
    return values, checks


def _filled(pdf: Path, values: dict[str, str], checks: dict[str, bool]) -> None:
    """Each text field's ``/V`` set, the form asking for new appearances; each
    checkbox ticked or not as ``checks`` says."""
    writer = PdfWriter(clone_from=str(pdf))
    for page in writer.pages:
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            name = widget["/T"]
            if name in values:
                widget[NameObject("/V")] = TextStringObject(values[name])
                del widget["/AP"]
            elif name in checks:
                state = next(k for k in widget["/AP"]["/N"] if k != "/Off") \
                    if checks[name] else "/Off"
                widget[NameObject("/V")] = widget[NameObject("/AS")] = NameObject(state)
    writer.root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    writer.write(str(pdf))


def _made(tmp_path: Path, sizes: str) -> tuple[Path, GeneratedDoc]:
    doc = GENERATORS["legacy_pipe"](random.Random(f"{SEED}-{sizes}"))
    pdf = tmp_path / f"form-{sizes}.pdf"
    values, checks = _form(doc, pdf, font_file("Sarabun"), *SIZES[sizes])
    assert len(values) > 20 and len(set(checks.values())) == 2
    _filled(pdf, values, checks)
    return pdf, doc


@pytest.mark.parametrize("sizes", list(SIZES))
def test_values_off_their_labels_line_read_with_their_labels(tmp_path: Path,
                                                             sizes: str) -> None:
    """Boxes taller than the line, above or below their labels: the project's fields and
    every report's date, detail, progress, budget and flags read as generated (each
    report took the next one's values, its values a line of their own above its
    labels). The progress's ``%``, printed after its box, a gap after the value, is
    read with it, not as the detail's end."""
    pdf, doc = _made(tmp_path, sizes)
    truth = json.loads(doc.truth_json())
    assert len(truth["tables"]["progress_updates"]) >= 2
    assert_read_as_generated(pdf, truth)


def test_a_multiline_value_starts_on_its_labels_line(tmp_path: Path) -> None:
    """A report's detail, drawn from its multi-line box's top, reads on its report's
    line after its date (cells apart: its tabs aligned to the page's columns), not on a
    line of its own above it. (A tab or a space between the cells: a field's frame,
    which set a tab before the date, is no rule.)"""
    pdf, doc = _made(tmp_path, "larger")
    lines = extract_pdf(pdf.read_bytes(), pdf.name).text.split("\n")
    rows = [REPORT_ROW.match(line) for line in doc.text.split("\n")]
    for row in filter(None, rows):
        wanted = f"{row['report']} :: {row['date']} : {row['detail']}"
        assert wanted in [re.sub("[\t ]+", " ", line.strip()) for line in lines]


def test_a_box_belongs_to_the_line_it_overlaps_most() -> None:
    """The line whose letters a box covers most is its label's; none when it covers none."""
    lines = [(700.0, 697.5, 707.5), (682.0, 679.5, 689.5)]  # (baseline, bottom, top)
    assert line_for(690.0, 703.0, lines) == 700.0
    assert line_for(670.0, 698.0, lines) == 682.0  # a tall box over the line below
    assert line_for(708.0, 720.0, lines) is None


def _as_read(row: re.Match[str]) -> str:
    """A report row as a form with its values in boxes reads: its date and detail on the
    report's line, its progress and budget a line under it, each value a cell apart
    from its label (its ``%`` and ``บาท`` after it), its flags as ticked boxes."""
    marks = [" ".join(f"{TICK if option == chosen else BOX} {option}" for option in options)
             for options, chosen in zip(OPTIONS, (row["plan"], row["target"]), strict=True)]
    return (f"{row['report']} ::\t{row['date']}\t:\t{row['detail']}\n"
            f"\t:: {row['progress']} =\t{row['pct']}\t% : {row['spent']} =\t{row['amount']}"
            f"\tบาท\n\t{marks[0]}\t{marks[1]}\n")


def test_a_progress_sign_a_gap_after_its_value_is_the_progress(tmp_path: Path) -> None:
    """``ความก้าวหน้าของงานฯ =`` ⇥ ``21.00`` ⇥ ``% : งบประมาณ…`` (a form's progress in its
    box, its printed sign after the box) reads the progress, and the ``%`` is not the
    end of the report's detail on the line above."""
    doc = GENERATORS["legacy_pipe"](random.Random(f"{SEED}-sign"))
    text = "\n".join(_as_read(row) if (row := REPORT_ROW.match(line)) else line
                     for line in doc.text.split("\n"))
    assert text.count("\t% :") >= 2
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, json.loads(doc.truth_json()))


def test_a_one_line_value_longer_than_its_box_and_max_length_reads_whole(
        tmp_path: Path) -> None:
    """A generated project name longer than its one-line box and than the form
    program's ``/MaxLen`` (ReportLab's default, 100 characters) reads whole on its
    label's line, not cut at the hundredth character or the box's edge."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    doc = GENERATORS["legacy_pipe"](random.Random(f"{SEED}-long"))
    name = json.loads(doc.truth_json())["tables"]["projects"][0]["project_name"]
    while len(name) <= 100:
        name += " และพื้นที่ใกล้เคียง"
    pdfmetrics.registerFont(TTFont("FormThai", str(font_file("Sarabun"))))
    pdf = tmp_path / "long.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("FormThai", 10)
    c.drawString(30, 800, "ชื่อโครงการ/กิจกรรม :")
    c.drawString(30, 780, "ปีงบประมาณ พ.ศ. :")
    c.acroForm.textfield(name="f1", value="", x=140, y=796, width=300, height=14,
                         fontSize=10, borderWidth=0)
    c.acroForm.textfield(name="f2", value="", x=140, y=776, width=300, height=14,
                         fontSize=10, borderWidth=0)
    c.save()
    _filled(pdf, {"f1": name, "f2": "2567"}, {})
    lines = ["".join(line.split())  # (a space pdfium puts into a word past the page's edge)
             for line in extract_pdf(pdf.read_bytes(), pdf.name).text.split("\n")]
    assert "".join(f"ชื่อโครงการ/กิจกรรม : {name}".split()) in lines
    assert "ปีงบประมาณพ.ศ.:2567" in lines
