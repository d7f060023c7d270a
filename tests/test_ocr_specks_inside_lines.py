"""Specks OCR reads inside a line of running text: over a word's edge, as a word again, a comma.

Lines of generated report text (``bench/corpus``) are laid out as Tesseract's words
(a box and a confidence each), then given what the robustness corpus's scans (seed
3501, 300 dpi grey) showed: a speck read as digits or marks between two words, unsure,
its box lying over the next word's edge (``ตามสัญญา 8% อยู่ระหว่าง``); a digit read a
second time from a speck under it, its box inside the first's (``งวดที่ 2 2``); a comma
read from a speck glued to a word's start after a space (``นางสาวอรุณี ,ศรีสุข``). The
tidied text is the line as generated. Real digits and marks, sure or apart from their
neighbours, words written twice apart and commas after a word stay.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import tidied

from corpus.build import GENERATORS

#: Pixels: a letter's width, a line's height, the page's Arabic digits' height.
_WIDTH, _HEIGHT, _DIGITS = 25, 90, 42


def _laid(line: str, top: int, at: int) -> list[OcrWord]:
    """``line``'s words with boxes, sure: digits the digits' height, 30 pixels apart."""
    words, x = [], 100
    for m in re.finditer(r"\S+", line):
        text = m.group()
        if re.fullmatch(r"[0-9(][0-9.,/%)]*", text):  # digits, ``(`` and ``)`` 1.3 of them
            tall = round(_DIGITS * (1.3 if "(" in text else 1.0))
            box = (x, top + _HEIGHT - tall, x + 20 * len(text), top + _HEIGHT)
        else:
            box = (x, top, x + _WIDTH * len(text), top + _HEIGHT)
        words.append(OcrWord(text, 92.0, box, at + m.start()))
        x = box[2] + 30
    return words


def _lines(seed: int) -> list[str]:
    """Generated progress details, each a line of running text (three words or more)."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_tab"](rng)
    return [
        " ".join(row["detail"].split())
        for row in generated.tables["progress_updates"]
        if len(row["detail"].split()) >= 3
    ]


def _page(read: list[str], change: Callable[[int, list[OcrWord]], list[OcrWord]]
          ) -> tuple[str, tuple[OcrWord, ...]]:
    """``read`` laid out line by line, each line's words given to ``change`` first."""
    words: list[OcrWord] = []
    at = 0
    for no, line in enumerate(read):
        words += change(no, _laid(line, 100 + 130 * no, at))
        at += len(line) + 1
    return "\n".join(read), tuple(words)


def _inserted(line: str, k: int, word: str) -> str:
    parts = line.split(" ")
    return " ".join([*parts[:k], word, *parts[k:]])


def _amounts(rng: random.Random) -> list[str]:
    """Lines of amounts, each an Arabic number: they give the page its digits' height."""
    return [f"งบประมาณ {rng.randint(1, 999) * 1000:,} บาท" for _ in range(3)]


def _speck_box(rng: random.Random, shape: str, before: OcrWord, after: OcrWord
               ) -> tuple[int, int, int, int]:
    """A speck's box by ``shape``, from what seed 3501's scans showed.

    ``tall``: the line's height, mostly over the next word's edge (``8%`` of 15 x 80
    beside digits of 31); ``short``: under half the digits' height, over that edge;
    ``within``: wholly inside the word before it (a colon read again, 4 x 9).
    """
    wide = rng.randint(4, 16)
    if shape == "within":
        left = before.box[2] - wide - rng.randint(0, 6)
        return (left, before.box[3] - 20, left + wide, before.box[3] - 11)
    left = after.box[0] - round(wide * rng.uniform(0.0, 0.4))
    if shape == "tall":
        return (left, after.box[3] - _HEIGHT, left + wide, after.box[3])
    return (left, after.box[3] - rng.randint(6, 20), left + wide, after.box[3])


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("shape", ["tall", "short", "within"])
def test_an_unsure_speck_over_a_words_edge_goes(seed: int, shape: str) -> None:
    rng = random.Random(seed)
    written = _lines(seed) + _amounts(rng)
    places = [rng.randint(1, len(line.split(" ")) - 1) for line in written]
    marks = ("8%", "1", ":", "/", ",", "0)", "1]") if shape != "short" else ("1", "0", "8%")
    specks = [rng.choice(marks) for _ in written]
    read = [_inserted(line, k, s) for line, k, s in zip(written, places, specks, strict=True)]

    def speck(no: int, laid: list[OcrWord]) -> list[OcrWord]:
        k = places[no]
        word = laid[k]
        box = _speck_box(rng, shape, laid[k - 1], laid[k + 1])
        laid[k] = OcrWord(word.text, rng.uniform(0, 49), box, word.start)
        return laid

    got, kept = tidied(*_page(read, speck))
    assert got == "\n".join(written)
    assert all(got[w.start : w.end] == w.text for w in kept)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("amounts", [True, False])
def test_a_real_digit_read_unsure_under_a_neighbours_edge_stays(seed: int, amounts: bool
                                                                 ) -> None:
    # a thin ``1`` (8-12 pixels at 300 dpi) read at 40-49, the digits' height, a
    # neighbour's box swollen over it by half its width or more, not past its far edge;
    # on a page whose digits' height is known (``amounts``) and on one without
    rng = random.Random(seed)
    written = [_inserted(line, 1, rng.choice(("1", "7", "15", "3%", "(2)")))
               for line in _lines(seed)]
    written += _amounts(rng) if amounts else ["งบประมาณ บาท"] * 3
    sides = [rng.choice(("before", "after")) for _ in written]

    def swollen(no: int, laid: list[OcrWord]) -> list[OcrWord]:
        if no >= len(written) - 3:
            return laid  # the amounts, or lines without
        before, word, after = laid[0], laid[1], laid[2]
        wide = rng.randint(8, 12)
        over = rng.randint(-(-wide // 2), wide - 1)
        if sides[no] == "after":
            left = after.box[0] - wide + over
            after = OcrWord(after.text, after.conf, (left + wide - over, *after.box[1:]),
                            after.start)
        else:
            left = before.box[2] - over
        box = (left, word.box[1], left + wide, word.box[3])  # the digits' height
        laid[:3] = [before, OcrWord(word.text, rng.uniform(40, 49.9), box, word.start), after]
        return laid

    assert tidied(*_page(written, swollen))[0] == "\n".join(written)


@pytest.mark.parametrize("seed", range(4))
def test_a_word_read_again_over_itself_is_read_once(seed: int) -> None:
    rng = random.Random(seed)
    written = [f"{line} งวดที่ {rng.randint(1, 9)} {line.split(' ')[-1]}" for line in _lines(seed)]
    places = [len(line.split(" ")) - 1 for line in written]  # the digit's place
    read = [_inserted(line, k, line.split(" ")[k - 1])
            for line, k in zip(written, places, strict=True)]

    def again(no: int, laid: list[OcrWord]) -> list[OcrWord]:
        first, second = laid[places[no] - 1], laid[places[no]]
        w = first.box[2] - first.box[0]
        left = first.box[0] + round(w * rng.uniform(0.2, 0.5))  # a smaller reading inside
        box = (left, first.box[3] - 14, first.box[2], first.box[3] + 14)
        laid[places[no]] = OcrWord(second.text, rng.uniform(60, 95), box, second.start)
        return laid

    got, kept = tidied(*_page(read, again))
    assert got == "\n".join(written)
    assert all(got[w.start : w.end] == w.text for w in kept)


def test_words_written_twice_apart_stay() -> None:
    for line in ("ตรวจรับงานงวดที่ 2 2 งวด", "ค่อย ค่อย ดำเนินการ", "ปี 2567 2567 แล้ว"):
        assert tidied(*_page([line], lambda no, laid: laid))[0] == line


@pytest.mark.parametrize("seed", range(4))
def test_a_comma_glued_to_a_words_start_goes_a_comma_after_a_word_stays(seed: int) -> None:
    rng = random.Random(seed)
    written, read = [], []
    for line in _lines(seed):
        parts = line.split(" ")
        thai = [k for k in range(1, len(parts)) if re.match("[\u0e01-\u0e2e\u0e40-\u0e44]",
                                                            parts[k])]
        if thai:
            k = rng.choice(thai)
            written.append(line)
            read.append(" ".join([*parts[:k], "," + parts[k], *parts[k + 1 :]]))
    assert read
    got, kept = tidied(*_page(read, lambda no, laid: laid))
    assert got == "\n".join(written)
    assert all(got[w.start : w.end] == w.text for w in kept)
    for line in ("งบประมาณ 1,000,000 บาท", "วัสดุ, ครุภัณฑ์ และอุปกรณ์", "ข้อ ,1 ดำเนินการ"):
        assert tidied(*_page([line], lambda no, laid: laid))[0] == line
