"""Thai word breaks written as spaces that move the pen nowhere read as no space.

A web page marks where Thai may wrap with U+200B (ZERO WIDTH SPACE, or ``<wbr>``);
PyMuPDF's HTML ``Story`` writes each one as a space character whose next letter
is drawn from the space's own origin, while the page's real spaces are gaps with
no character (pdfium makes their spaces up). Read as written, every Thai word
stood apart (``สำนักการ ระบาย น้ำ``: white space in names, agencies, details)
and a line wrapped at such a break joined its cell's lines with a space.

Pages are printed here the same way with ReportLab's canvas: each phrase one text
run whose word spacing (``Tw``) takes the space's width back, the words cut at
PyThaiNLP's word breaks, real spaces left as gaps, long cells wrapped at a break
(its space ending the line, as Story leaves it). The truth is the generated values.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import read_pdf
from bma_etl.textnorm import repair_text

from corpus import fonts, render
from corpus.build import GENERATORS
from corpus.score import score

_THAI = re.compile("[\u0e00-\u0e7f]+")
PT = 11
LEADING = PT * 1.4
LINES = ["สำนักการระบายน้ำ / กองระบบคลอง / ฝ่ายบำรุงรักษาท่อระบายน้ำ",
         "นางสาวกมลา รุ่งเรืองศรี โทร. 2231",
         "วางท่อระบายน้ำคอนกรีตเสริมเหล็กขนาด 1.00 เมตร ความยาว 420 เมตร"]


def _words(phrase: str) -> list[str]:
    """``phrase`` (no space in it) cut at its Thai word breaks."""
    from pythainlp.tokenize import word_tokenize

    out: list[str] = []
    for piece in re.split(f"({_THAI.pattern})", phrase):
        if piece:
            out.extend(word_tokenize(piece, engine="newmm", keep_whitespace=False)
                       if _THAI.fullmatch(piece) else [piece])
    return out


class _Printer:
    """A ReportLab canvas that writes word breaks as zero-advance spaces (see the module)."""

    def __init__(self, out: Path, font: str, font_path: Path) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen.canvas import Canvas

        if font not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(font, str(font_path)))
        self.font, self.width_of = font, pdfmetrics.stringWidth
        self.canvas = Canvas(str(out), pagesize=A4)
        self.space = self.width_of(" ", font, PT)
        self.top, self.bottom, self.left = A4[1] - 50, 50, 50.0
        self.frame = A4[0] - 100
        self.y = self.top

    def _run(self, x: float, y: float, words: list[str]) -> float:
        """Draw ``words`` joined by zero-advance spaces from ``x``; return where they end."""
        text = self.canvas.beginText(x, y)
        text.setFont(self.font, PT)
        text.setWordSpace(-self.space)
        text.textOut(" ".join(words))
        self.canvas.drawText(text)
        return x + sum(self.width_of(w, self.font, PT) for w in words)

    def _wrapped(self, cell: str, width: float) -> list[list[tuple[str, bool]]]:
        """``cell`` as lines of ``(word, real space before it)`` no wider than ``width``."""
        lines: list[list[tuple[str, bool]]] = [[]]
        used = 0.0
        for p, phrase in enumerate(cell.split()):
            for w, word in enumerate(_words(phrase)):
                real = p > 0 and w == 0
                wide = self.width_of(word, self.font, PT) + (self.space if real else 0.0)
                if lines[-1] and used + wide > width:
                    lines.append([])
                    used, real = 0.0, False
                    wide = self.width_of(word, self.font, PT)
                lines[-1].append((word, real))
                used += wide
        return lines

    def _line(self, x: float, y: float, words: list[tuple[str, bool]], broken: bool) -> None:
        """One line of a cell; ``broken``: it wraps at a word break (a space ends it)."""
        run: list[str] = []
        for word, real in words:
            if real and run:
                x = self._run(x, y, run) + self.space  # a real space: a gap, no character
                run = []
            run.append(word)
        self._run(x, y, [*run, ""] if broken else run)

    def fitted(self, rows: list[list[str]], widths: list[float]) -> list[float]:
        """``widths`` widened as a browser widens a column to its longest word."""
        least = [max((self.width_of(w, self.font, PT) for r in rows if i < len(r)
                      for p in r[i].split() for w in _words(p)), default=0.0) + 10
                 for i in range(len(widths))]
        spare = sum(max(w - m, 0.0) for w, m in zip(widths, least, strict=True))
        short = sum(max(m - w, 0.0) for w, m in zip(widths, least, strict=True))
        scale = max(0.0, 1 - short / spare) if spare else 1.0
        return [m if w <= m else m + (w - m) * scale for w, m in zip(widths, least, strict=True)]

    def row(self, cells: list[str], widths: list[float] | None = None) -> None:
        """A paragraph, or a table row whose cells are boxed ``widths`` wide (points)."""
        ruled = widths is not None
        widths = widths or [self.frame]
        wrapped = [self._wrapped(cell, width - 8)
                   for cell, width in zip(cells, widths, strict=True)]
        height = max(len(lines) for lines in wrapped) * LEADING + 4
        if self.y - height < self.bottom:
            self.canvas.showPage()
            self.y = self.top
        x = self.left
        for lines, width in zip(wrapped, widths, strict=True):
            if ruled:
                self.canvas.rect(x, self.y - height + PT, width, height)
            for j, words in enumerate(lines):
                self._line(x + 3, self.y - j * LEADING, words,
                           broken=j + 1 < len(lines) and not lines[j + 1][0][1])
            x += width
        self.y -= height + (0 if ruled else PT * 0.3)

    def save(self) -> None:
        self.canvas.save()


def _print(text: str, out: Path, family: str = "Garuda") -> None:
    printer = _Printer(out, family, fonts.available()[family])
    for kind, rows in render.blocks(text):
        if kind == "p":
            if rows[0][0].strip():
                printer.row([rows[0][0].strip()])
            continue
        columns = max(len(r) for r in rows)
        rows = [[c.strip() for c in r] + [""] * (columns - len(r)) for r in rows]
        widths = printer.fitted(rows, render._widths(rows, printer.frame, 40))
        for cells in rows:
            printer.row(cells, widths)
    printer.save()


def test_the_printed_breaks_move_the_pen_nowhere(tmp_path: Path) -> None:
    """The input is what the module says: a written space, the next letter at its origin."""
    import pypdfium2

    pdf = tmp_path / "words.pdf"
    _print("\n".join(LINES), pdf)
    page = pypdfium2.PdfDocument(pdf)[0].get_textpage()
    at = page.get_text_range().index(" ")
    here, after = page.get_charbox(at, loose=True), page.get_charbox(at + 1, loose=True)
    assert here[2] > here[0] + 1  # the space has a box of its own width
    assert abs(after[0] - here[0]) < 0.01  # and the next letter starts where it starts


@pytest.mark.parametrize("family", ["Garuda", "Sarabun", "Norasi"])
def test_words_read_as_written(family: str, tmp_path: Path) -> None:
    pdf = tmp_path / "words.pdf"
    _print("\n".join(LINES), pdf, family)
    text, _, ocr_used = read_pdf(pdf.read_bytes(), pdf.name, ocr="never")
    assert [line.strip() for line in repair_text(text).splitlines() if line.strip()] == LINES
    assert not ocr_used


def test_a_cell_wrapped_at_a_break_joins_without_a_space(tmp_path: Path) -> None:
    long = "โครงการปรับปรุงระบบระบายน้ำซอยสุขุมวิทเพื่อลดปัญหาน้ำท่วมขังในพื้นที่" * 2
    pdf = tmp_path / "wrapped.pdf"
    _print(f"ชื่อโครงการ\t{long}", pdf)
    import pypdfium2

    raw = pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()
    assert len(raw.splitlines()) > 1  # it wrapped
    text, _, _ = read_pdf(pdf.read_bytes(), pdf.name, ocr="never")
    assert repair_text(text).strip() == f"ชื่อโครงการ\t{long}"  # one row, no space added


@pytest.mark.parametrize(("generator", "family"), [
    ("legacy_pipe", "Sarabun"), ("web_detail", "Garuda"), ("web_history", "Loma"),
    ("plan", "Sarabun")])
def test_generated_documents_read_their_values(generator: str, family: str,
                                               tmp_path: Path) -> None:
    doc = GENERATORS[generator](random.Random(f"zero-width-{generator}-0"))
    truth = json.loads(doc.truth_json())
    pdf = tmp_path / "printed.pdf"
    _print(doc.text, pdf, family)
    right, total, lost = score(process_file(pdf), truth)
    assert right == total, lost[:6]
