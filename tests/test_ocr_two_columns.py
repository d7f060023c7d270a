"""A page printed in two text columns reads column by column when scanned, as its text layer does.

A user printed a tracking-system history page from Word in a two-column section
(US Letter) and scanned the print: Tesseract reads each column as blocks of its
own, but a line of the left column and the line beside it stand on one row, and the
two columns were read interleaved line by line (every entry lost, the division
running into the other column's text). The pages here are generated from known
values (``bench/corpus``), written with python-docx in two columns, printed by
LibreOffice and scanned at 200 dpi: every field is scored against those values. A
one-column page whose borderless table stands in two halves of one width (a gap
down the middle, its cells side by side) must keep its rows.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read import read_source

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.scan import scan_pdf
from corpus.score import score


def _printed(doc: GeneratedDoc, out: Path, *, columns: int, ruled: bool = True,
             widths: str = "equal") -> None:
    """``doc`` written by python-docx on US Letter in ``columns`` columns, printed by soffice."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches

    with tempfile.TemporaryDirectory(prefix="bma-twocol-") as tmp:
        source = Path(tmp) / f"{out.stem}.docx"
        render.write_docx(doc, source, "Sarabun", pt=12, ruled=ruled, widths=widths)
        word = Document(str(source))
        section = word.sections[0]
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        if columns > 1:
            cols = section._sectPr.find(qn("w:cols"))
            if cols is None:
                cols = OxmlElement("w:cols")
                section._sectPr.append(cols)
            cols.set(qn("w:num"), str(columns))
            cols.set(qn("w:space"), "720")  # Word's 0.5 inch between columns
        word.save(str(source))
        failed = render._soffice(tmp, [str(source)], [out], "--convert-to", "pdf")
    assert not failed, failed


def _scanned(pdf: Path, out: Path, seed: int) -> Path:
    """A 200 dpi grey scan of ``pdf`` (skewed a little, noise, JPEG), image only."""
    scan_pdf(pdf, out, 200, "grey", random.Random(seed))
    return out


@pytest.fixture(scope="module")
def history_in_columns(tmp_path_factory: pytest.TempPathFactory
                       ) -> tuple[Path, GeneratedDoc]:
    """A generated history page of seven entries, in two columns on one Letter sheet, scanned."""
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("twocol")
    doc = GENERATORS["web_history"](random.Random("twocol-5"))
    assert len(doc.tables["progress_updates"]) == 7  # the left column full, the right not
    pdf = out / "history.pdf"
    _printed(doc, pdf, columns=2)
    assert len(pdfium.PdfDocument(pdf)) == 1
    return _scanned(pdf, out / "history.scan.pdf", 5), doc


def test_a_scanned_page_in_two_columns_reads_every_field(
        history_in_columns: tuple[Path, GeneratedDoc]) -> None:
    # Tesseract reads each column as blocks of its own; both columns stand on one grid
    # of lines. Before, every left line was joined to the right line beside it: the
    # header's fields ran into the entries and no entry was read (4 of 53 fields).
    scan, doc = history_in_columns
    processed = process_file(scan)
    assert processed.ocr_note is not None
    result = score(processed, doc.truth)
    assert result.quarantined is None, result.quarantined
    assert result.right == result.total, (result.total, result.lost[:5])
    # the left column, then the right: the entries in the order written (newest first)
    text = processed.text.replace("\n", "")
    at = [text.find(str(entry["detail"])[:12]) for entry in doc.tables["progress_updates"]]
    assert -1 not in at and at == sorted(at), at


def _borderless_table(out: Path, both_wrap: bool) -> list[tuple[str, str]]:
    """A page of one borderless table in two halves of one width; its rows (left, right).

    Each row's right cell is a plan's scoring level's description, wrapped over
    several lines; its left cell is ``ระดับ N`` on one line, or with ``both_wrap``
    another level's description, wrapped too. The gap between the halves runs down
    the page's middle as a gutter does.
    """
    from plan_text import levels_sheet

    pdf, levels, half = levels_sheet()
    rows = []
    for k, level in enumerate(levels[:8]):
        left = str(levels[-1 - k]["description"]) if both_wrap else f"ระดับ {level['level']}"
        top = pdf.get_y()
        pdf.set_xy(pdf.l_margin, top)
        pdf.multi_cell(half - 10, 7, left, new_x="LMARGIN", new_y="NEXT")
        bottom = pdf.get_y()
        pdf.set_xy(pdf.l_margin + half, top)
        pdf.multi_cell(half, 7, str(level["description"]), new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(bottom, pdf.get_y()))
        rows.append((left, str(level["description"])))
    pdf.output(str(out))
    return rows


def test_a_borderless_table_beside_its_labels_keeps_its_rows(tmp_path: Path) -> None:
    # A one-column page: a table without rules whose labels stand in the left half and
    # whose descriptions wrap in the right half. The gap between runs down the page,
    # but the halves are no columns of text (the labels fill no width and do not wrap):
    # each label stays on the line of its description's first line.
    pdf = tmp_path / "table.pdf"
    rows = _borderless_table(pdf, both_wrap=False)
    text = read_source(_scanned(pdf, tmp_path / "table.scan.pdf", 3)).text
    labels = [line for line in text.splitlines() if line.startswith(rows[0][0][:5])]
    assert labels and all("\t" in line and len(line.split("\t")[1]) > 20 for line in labels)
