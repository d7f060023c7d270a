"""A line OCR read from the marks over a word of the next line (read/ocr_mark_copies.py).

Pages are generated from known values (``bench/corpus``) and laid out as Tesseract's
words would be (a box and a confidence each). Before some lines opening with a Thai
word that has marks over its first letters, a seeded RNG puts a line of its own
holding what Tesseract read from those marks a second time: one or two short words,
a digit, Thai digits or Latin letters (``4`` over ``ชื่อผู้รับผิดชอบ...`` on an
outside tester's 300 dpi 1-bit scan, read at 94; ``๑ณ ๕๑`` on a 200 dpi scan;
``aad`` over ``มิติที่``), their boxes inside the top of that word's box. The
truth is the generated text and values: the tidied page reads as the page without
the copies, and a legacy form's division (the value before ``ชื่อผู้รับผิดชอบ``)
is read as generated, never with the copy glued on (``ฝ่ายโยธา / งานสวนสาธารณะ 4``).
A short line standing clear of every other line's words (a page number, a list's
number alone) is kept.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import tidied
from test_ocr_strays import _laid_out

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

#: A Thai word with a mark over one of its first three letters (``ชื่อ``, ``มิติ``).
_MARKED_START = re.compile("[\u0e01-\u0e2e]{1,2}[\u0e31\u0e33-\u0e37\u0e47-\u0e4c]")
#: What Tesseract read from such marks, as lines of their own.
_COPIES = (("4",), ("aad",), ("a",), ("๑ณ", "๕๑"), ("a", "da"), ("1",))


def _page(text: str, rng: random.Random, height: int, copy_before: re.Pattern[str] | None
          ) -> tuple[str, tuple[OcrWord, ...], str, tuple[OcrWord, ...], int]:
    """``text`` laid out as OCR words, clean and with mark copies before some lines.

    ``copy_before``: lines it matches get a copy; None: three of the lines opening
    with a marked Thai word (:data:`_MARKED_START`). Returns the clean page and
    words, the damaged ones and how many copies were put in.
    """
    rows = text.split("\n")
    marked = [no for no, line in enumerate(rows) if _MARKED_START.match(line)]
    chosen = ({no for no in marked if copy_before.match(rows[no])} if copy_before is not None
              else set(rng.sample(marked, min(3, len(marked)))))
    clean: list[str] = []
    clean_words: list[OcrWord] = []
    out: list[str] = []
    words: list[OcrWord] = []
    added = 0
    base = clean_base = 0
    top = 100
    for no, line in enumerate(rows):
        laid = _laid_out(line, top, height, rng)
        top += round(1.6 * height)
        clean_words.extend(w.at(clean_base + w.start) for w in laid)
        clean.append(line)
        clean_base += len(line) + 1
        if no in chosen:
            first = laid[0]
            pieces = rng.choice(_COPIES)
            left, top_, right, _ = first.box
            x = left + round(height * rng.uniform(0.0, 0.3))
            copy_line, at = [], 0
            for piece in pieces:
                wide = round(height * rng.uniform(0.2, 0.35) * len(piece))
                y = top_ - round(height * rng.uniform(0.0, 0.1))
                box = (x, y, min(x + wide, right), y + round(height * rng.uniform(0.25, 0.45)))
                words.append(OcrWord(piece, rng.uniform(50, 96), box, base + at))
                copy_line.append(piece)
                at += len(piece) + 1
                x = box[2] + round(height * 0.2)
            row = " ".join(copy_line)
            out.append(row)
            base += len(row) + 1
            added += 1
        words.extend(w.at(base + w.start) for w in laid)
        out.append(line)
        base += len(line) + 1
    page = "\n".join(out)
    assert all(page[w.start:w.end] == w.text for w in words)
    return "\n".join(clean), tuple(clean_words), page, tuple(words), added


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "web_history", "plan"])
@pytest.mark.parametrize("seed", range(4))
def test_a_line_read_from_marks_over_a_word_is_taken_out(generator: str, seed: int) -> None:
    """The page with copies tidies to the page without them, word for word."""
    rng = random.Random(seed)
    text = GENERATORS[generator](rng).text
    height = rng.choice((40, 60, 90))  # 150 to 300 dpi
    clean, clean_words, page, words, added = _page(text, rng, height, None)
    assert added
    want_text, want_words = tidied(clean, clean_words)
    got_text, got_words = tidied(page, words)
    assert got_text == want_text
    assert [(w.text, w.start) for w in got_words] == [(w.text, w.start) for w in want_words]


@pytest.mark.parametrize("seed", range(6))
def test_a_division_before_a_mark_copy_reads_as_generated(seed: int) -> None:
    """A copy of ``ชื่อ``'s marks before ``ชื่อผู้รับผิดชอบ...`` is no part of the division
    (or the agency) on the line above: every head value reads as generated."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_long"](rng)
    height = rng.choice((40, 60, 90))
    # Tesseract reads the head as one block: no blank line between its lines
    lines = "\n".join(line for line in generated.text.split("\n") if line.strip())
    _, _, page, words, added = _page(lines, rng, height, re.compile("ชื่อผู้รับผิดชอบ"))
    assert added == 1
    text, tidied_words = tidied(page, words)
    confidences = tuple((w.start, w.end, w.conf) for w in tidied_words)
    got = records_of(legacy, text, words=confidences)["projects"]
    fields = ("agency", "division", "responsible_person", "coordinator", "project_code")
    assert_rows_read("projects", got, generated.tables["projects"], fields)


@pytest.mark.parametrize("piece", ["4", "12", "- 3 -"])
def test_a_short_line_clear_of_other_words_is_kept(piece: str) -> None:
    """A page number or a list's number on a line of its own, below or beside the
    line before it and not inside any of its words, stays."""
    rng = random.Random(7)
    lines = ["ชื่อผู้รับผิดชอบ... : นายธนพล วงศ์สุวรรณ", piece, "ผู้ประสานงาน สยป : นางสาวปวีณา"]
    words: list[OcrWord] = []
    base = 0
    for no, line in enumerate(lines):
        words.extend(w.at(base + w.start) for w in _laid_out(line, 100 + 96 * no, 60, rng))
        base += len(line) + 1
    page = "\n".join(lines)
    text, _ = tidied(page, tuple(words))
    assert piece in text.split("\n")
