"""A target cell fpdf2 set at a tab stop, its word space ending a point short of the next stop.

bench/corpus ``fpdf2`` / ``fpdf2-shaped`` set a target table's row at default tab
stops. In Loma at 14 pt an indicator's name wraps back to the margin and its rest
(``งหน่วยงาน``) leaves the first target (``เพิ่มขึ้น ๑๙ ราย จากปี …``) at the stop
of the first year's column; the word after ``๑๙`` starts a point left of the next
stop, the second year's column. The row was cut there, inside the target, as a
column's cell (:func:`bma_etl.read.pdf_cuts.split_cells_at_columns`), and the
indicator's targets were lost. In a line set at tab stops, a column on a stop is
cut only where text after white space starts on it, as
:func:`bma_etl.read.pdf_cuts.split_at_columns` cuts a line of one cell.

The plan is generated (bench/corpus, drawn and printed as the corpus builder draws
and prints the eighth plan of seed 1151); the truth is its indicators as generated.
"""

from __future__ import annotations

import random
from pathlib import Path

from bma_etl.read.pdf_cuts import split_cells_at_columns
from bma_etl.read.pdf_line import TextLine

from corpus.build import GENERATORS, _rng
from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated

#: x (points) of the line's start and of the default stops right of it (half an inch).
PEN, STOP = 59.5, 36.0
#: A 14 pt Loma space (points) and a letter's width, near enough.
SPACE, LETTER = 4.7, 7.0


def test_a_target_row_in_loma_keeps_its_targets(tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 1151, "plan", 7, "Loma", shaping=True)
    assert doc.truth["tables"]["plan_indicators"]
    assert_read_as_generated(pdf, doc.truth, ("plan_indicators",))


def _set_at_stops(pieces: list[str], stops: list[int], shift: float) -> TextLine:
    """The words of ``pieces`` set from tab stops ``stops``, the words a space apart.

    The word after the first piece's first word lands ``shift`` points left of the stop
    after that piece's stop (by the words' widths).
    """
    text, gaps, cells, ends = "", [], [], []
    for piece, stop in zip(pieces, stops, strict=True):
        x = PEN + stop * STOP
        cells.append(x)
        words = piece.split()
        for n, word in enumerate(words):
            if n:
                gaps.append((x, x + SPACE))
                x += SPACE
            if n == 1 and len(cells) == 1:
                x = PEN + (stop + 1) * STOP - shift  # the word near the next stop
                gaps[-1] = (x - SPACE, x)
            x += LETTER * len(word)
        ends.append(x)
        text += ("\t" if text else "") + piece
    return TextLine(text, 300.0, 14.0, tuple(cells), cells[0], ends[-1], ends=tuple(ends),
                    gaps=tuple(gaps))


def test_a_word_space_short_of_a_stop_is_no_cell() -> None:
    rng = random.Random(5)
    for k in range(6):
        rows = GENERATORS["plan"](_rng(1151, "plan", k)).truth["tables"]["plan_indicators"]
        targets = [row["target_text"] for row in rows if len(row["target_text"].split()) > 2]
        if not targets:
            continue
        target = rng.choice(targets)
        columns = [PEN + STOP, PEN + 2 * STOP, PEN + 8 * STOP]
        near = _set_at_stops([target, "๑๐"], [1, 8], shift=1.0)
        assert split_cells_at_columns(near, columns).text == near.text
        on = _set_at_stops([target, "๑๐"], [1, 8], shift=0.0)
        words = target.split()
        assert split_cells_at_columns(on, columns).text == \
            f"{words[0]}\t{' '.join(words[1:])}\t๑๐"
