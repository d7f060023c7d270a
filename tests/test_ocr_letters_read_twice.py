"""Letters Tesseract read twice where it cut a line into two overlapping words.

Lines of generated report text (``bench/corpus``) are cut into two words the way
Tesseract cut the corpus's scans (``…สาธารณะริ ริมคลอง…``, ``…แล้วผู้ ผู้รับจ้าง…``):
the letters at the cut end the first word and open the second, and the two boxes
overlap by those letters' width. The tidied text is the line as generated.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import without_letters_read_twice

from corpus.build import GENERATORS

_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
#: A letter's width in pixels on the made-up page; marks take none.
_WIDTH = 25


def _wide(text: str) -> int:
    return _WIDTH * len(_MARK.sub("", text))


def _details(seed: int) -> list[str]:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_tab"](rng)
    return [line for row in generated.tables["progress_updates"]
            for line in row["detail"].split(" ") if len(line) > 12]


@pytest.mark.parametrize("seed", range(6))
def test_letters_read_twice_where_two_words_overlap_are_read_once(seed: int) -> None:
    """Each line, cut with one or two letters read twice, reads as generated."""
    rng = random.Random(seed)
    lines = _details(seed)
    page: list[str] = []
    words: list[OcrWord] = []
    at = 0
    for no, line in enumerate(lines):
        # a cut before a letter that takes width, the one or two such letters before it
        # (with their marks) read twice
        cuts = [m.start() for m in re.finditer("[\u0e01-\u0e2e]", line) if m.start() > 6]
        cut = rng.choice(cuts)
        bases = [m.start() for m in re.finditer("[^\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]",
                                                line[:cut])]
        twice = line[bases[-rng.choice((1, 2))]:cut]
        if len(twice) < 2:
            twice = line[bases[-2]:cut]
        first, second = line[:cut], twice + line[cut:]
        top = 100 + 120 * no
        left = (100, top, 100 + _wide(first), top + 90)
        start = left[2] - _wide(twice)  # the second word's box opens over the letters
        right = (start, top, start + _wide(second), top + 90)
        words += [OcrWord(first, 90.0, left, at), OcrWord(second, 90.0, right, at + cut + 1)]
        page.append(f"{first} {second}")
        at += len(page[-1]) + 1
    text, tidy = without_letters_read_twice("\n".join(page), tuple(words))
    assert text.split("\n") == lines
    assert all(text[w.start:w.end] == w.text for w in tidy)


def test_words_apart_that_share_letters_stay_as_read() -> None:
    """``การ การประชุม`` a word's space apart, and two words whose boxes overlap by
    less than the shared letters' width: both stay as read."""
    line = "การ การประชุม"
    apart = (OcrWord("การ", 90.0, (100, 0, 175, 90), 0),
             OcrWord("การประชุม", 90.0, (200, 0, 400, 90), 4))
    assert without_letters_read_twice(line, apart)[0] == line
    touching = (OcrWord("การ", 90.0, (100, 0, 175, 90), 0),
                OcrWord("การประชุม", 90.0, (170, 0, 370, 90), 4))
    assert without_letters_read_twice(line, touching)[0] == line


@pytest.mark.parametrize("seed", range(6))
def test_letter_read_twice_its_marks_lost_the_second_time_is_read_once(seed: int) -> None:
    """``…สาธารณะริ รมคลอง…``: the first word ends with a consonant and its marks, the
    second opens with that consonant bare, the boxes overlap by the letter's width;
    each line reads as generated."""
    def split(line: str, rng: random.Random) -> tuple[str, str] | None:
        # a marked consonant inside the line, not at its end, the letter after it bare
        cuts = [m.end() for m in re.finditer("[\u0e01-\u0e2e][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+"
                                             "(?=[\u0e01-\u0e2e\u0e40-\u0e44])", line)
                if 6 < m.start()]
        if not cuts:
            return None
        cut = rng.choice(cuts)
        return line[:cut], _MARK.sub("", line[:cut])[-1] + line[cut:]

    _read_once(seed, split)


def _read_once(seed: int,
               split: Callable[[str, random.Random], tuple[str, str] | None]) -> None:
    """Each generated detail line ``split`` reads as two words sharing a letter (their
    boxes overlapping by its width) reads as generated once the letter is read once."""
    rng = random.Random(seed)
    page, words, lines, at = [], [], [], 0
    for line in _details(seed):
        pair = split(line, rng)
        if pair is None:
            continue
        first, second = pair
        top = 100 + 120 * len(lines)
        left = (100, top, 100 + _wide(first), top + 90)
        start = left[2] - _WIDTH
        right = (start, top, start + _wide(second), top + 90)
        words += [OcrWord(first, 90.0, left, at),
                  OcrWord(second, 90.0, right, at + len(first) + 1)]
        page.append(f"{first} {second}")
        lines.append(line)
        at += len(page[-1]) + 1
    assert lines, "the generator writes details with marked letters"
    text, tidy = without_letters_read_twice("\n".join(page), tuple(words))
    assert text.split("\n") == lines
    assert all(text[w.start:w.end] == w.text for w in tidy)


def test_a_bare_letter_a_space_after_a_marked_one_stays_as_read() -> None:
    """``ที่ ทาง`` a word's space apart: both words stay as read."""
    line = "ที่ ทางเท้า"
    apart = (OcrWord("ที่", 90.0, (100, 0, 125, 90), 0),
             OcrWord("ทางเท้า", 90.0, (150, 0, 275, 90), 4))
    assert without_letters_read_twice(line, apart)[0] == line


@pytest.mark.parametrize("seed", range(6))
def test_letter_read_twice_its_marks_lost_the_first_time_is_read_once(seed: int) -> None:
    """``เพ พื่อนำมา…``: the first word ends with a consonant bare, the second opens
    with that consonant and its marks, the boxes overlap by the letter's width; each
    line reads as generated."""
    def split(line: str, rng: random.Random) -> tuple[str, str] | None:
        # a consonant with marks inside the line, not at its start
        places = [m.start() for m in re.finditer("[\u0e01-\u0e2e](?=[\u0e31\u0e34-\u0e3a"
                                                 "\u0e47-\u0e4e])", line) if m.start() > 1]
        if not places:
            return None
        place = rng.choice(places)
        return line[:place + 1], line[place:]

    _read_once(seed, split)


def test_a_marked_letter_a_space_after_a_bare_one_stays_as_read() -> None:
    """``แผน นี้`` a word's space apart: both words stay as read."""
    line = "แผน นี้"
    apart = (OcrWord("แผน", 90.0, (100, 0, 175, 90), 0),
             OcrWord("นี้", 90.0, (200, 0, 225, 90), 4))
    assert without_letters_read_twice(line, apart)[0] == line
