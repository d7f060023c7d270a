"""Specks OCR reads as a point before a word or a digit after one, and words read twice.

Lines of generated report text (``bench/corpus``) are laid out as Tesseract's words
(a box and a confidence each), then given what the robustness corpus's scans
showed: a point read from a speck glued before a Thai word after a ``:`` or at a
line's start (``: .อยู่ระหว่าง…``) or alone before one (``: . โครงการ``); a speck read
as a digit after a line's last word, unsure and lower than the page's digits
(``ที่เกี่ยวข้อง 0``); the first letters of a word read again as a word of their own
whose box runs into the whole word's (``วิ วิธีคำนวณ``, overlapping 0.43-0.5 of the
short word). The tidied text is the line as generated. Real points (``น.ส.``,
``1. ``, a point after a letter Tesseract set apart: ``มี.ค .เม.ย.``), digits of the
page's height read unsure, and words written twice apart stay.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import tidied, without_words_read_twice

from corpus.build import GENERATORS

#: Pixels: a letter's width, a line's height, the page's Arabic digits' height.
_WIDTH, _HEIGHT, _DIGITS = 25, 90, 42


def _laid(line: str, top: int, at: int, conf: float = 92.0) -> list[OcrWord]:
    """``line``'s words with boxes: digits the digits' height, a point small."""
    words, x = [], 100
    for m in re.finditer(r"\S+", line):
        text = m.group()
        if text == ".":
            box = (x, top + _HEIGHT - 12, x + 8, top + _HEIGHT - 4)
        elif re.fullmatch(r"[0-9][0-9.,/]*", text):
            box = (x, top + _HEIGHT - _DIGITS, x + 20 * len(text), top + _HEIGHT)
        else:
            box = (x, top, x + _WIDTH * len(text), top + _HEIGHT)
        words.append(OcrWord(text, conf, box, at + m.start()))
        x = box[2] + 30
    return words


def _page(lines: list[str]) -> tuple[str, tuple[OcrWord, ...]]:
    words: list[OcrWord] = []
    at = 0
    for no, line in enumerate(lines):
        words += _laid(line, 100 + 130 * no, at)
        at += len(line) + 1
    return "\n".join(lines), tuple(words)


def _details(seed: int) -> list[str]:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_tab"](rng)
    return [row["detail"] for row in generated.tables["progress_updates"]]


@pytest.mark.parametrize("seed", range(6))
def test_a_point_read_before_a_thai_word_goes(seed: int) -> None:
    rng = random.Random(seed)
    written = [
        f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2560, 2570)} : {d}"
        for d in _details(seed)
    ]
    written += [d for d in _details(seed + 100)]
    read = []
    for line in written:
        head, colon, rest = line.rpartition(" : ")
        kind = rng.choice(("glued", "alone")) if colon else "start"
        if kind == "glued":
            read.append(f"{head} : .{rest}")
        elif kind == "alone":
            read.append(f"{head} : . {rest}")
        else:
            read.append(f".{line}")
    assert tidied(*_page(read))[0] == "\n".join(written)


def test_real_points_stay() -> None:
    for line in (
        "ผู้ประสานงาน : น.ส.จิราพร บุญมา",
        "1. เพื่อให้ประชาชนได้รับบริการ",
        "ข้อ 1 . เพื่อให้ประชาชน",
        "มี.ค .เม.ย. พ.ค.",
        "นาง .ส.ส. ทดสอบ",
    ):
        assert tidied(*_page([line, "ปีงบประมาณ 2567 งวด 12"]))[0].split("\n")[0] == line


@pytest.mark.parametrize("seed", range(4))
def test_a_low_unsure_digit_after_a_line_goes_a_digit_of_the_page_height_stays(
    seed: int,
) -> None:
    rng = random.Random(seed)
    written = [f"{d} งวดที่ {rng.randint(1, 9)}" for d in _details(seed)]
    year = rng.randint(2560, 2570)
    written.append(f"งบประมาณ {rng.randint(100, 999)},000 บาท ปี {year} ถึง {year + 2}")
    read = [f"{line} {rng.randint(0, 9)}" for line in written[:-1]] + written[-1:]
    words: list[OcrWord] = []
    at = 0
    for no, line in enumerate(read):
        laid = _laid(line, 100 + 130 * no, at)
        if no < len(read) - 1:
            real, speck = laid[-2], laid[-1]  # the line's digit read unsure, a speck after it
            laid[-2] = OcrWord(real.text, rng.uniform(0, 79), real.box, real.start)
            tall = round(_DIGITS * rng.uniform(0.3, 0.64))
            box = (speck.box[0], speck.box[3] - tall, speck.box[0] + tall, speck.box[3])
            laid[-1] = OcrWord(speck.text, rng.uniform(0, 60), box, speck.start)
        words += laid
        at += len(line) + 1
    got, kept = tidied("\n".join(read), tuple(words))
    assert got == "\n".join(written)
    assert all(got[w.start : w.end] == w.text for w in kept)


def test_a_word_read_again_inside_the_next_is_read_once_words_written_apart_stay() -> None:
    twice = (
        OcrWord("กำหนด", 93, (1500, 1904, 1680, 1965), 0),
        OcrWord("วิ", 93, (1696, 1911, 1734, 1952), 6),
        OcrWord("วิธีคำนวณ", 92, (1717, 1904, 1895, 1965), 9),
    )
    assert without_words_read_twice("กำหนด วิ วิธีคำนวณ", twice)[0] == "กำหนด วิธีคำนวณ"
    apart = (
        OcrWord("รุ่น", 93, (1555, 1021, 1617, 1108), 0),
        OcrWord("รุ่นละ", 93, (1635, 1021, 1758, 1108), 5),
    )
    assert without_words_read_twice("รุ่น รุ่นละ", apart)[0] == "รุ่น รุ่นละ"
