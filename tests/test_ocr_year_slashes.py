"""Numbers over a year (``ครั้งที่ 2/2566``) whose ``/`` Tesseract read as a digit.

Lines of generated report text (``bench/corpus``) get a number over a Buddhist-era
year after ``ที่`` (a meeting, an order), made up of random values; the page's words
are laid out as Tesseract gives them, the ``/`` read as ``7``, ``1`` or ``2`` in an
unsure word (``ครั้งที่ 272566``, confidence 57), as on the corpus's scans. The tidied
text is the line as generated; a run of digits read sure, or with no ``ที่`` before it,
stays as read.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import tidied

from corpus.build import GENERATORS


def _page(pieces: list[tuple[str, float]]) -> tuple[str, tuple[OcrWord, ...]]:
    """One line of words (text, confidence), a space between them, boxes 25 px a letter."""
    words: list[OcrWord] = []
    at, left = 0, 100
    for text, conf in pieces:
        words.append(OcrWord(text, conf, (left, 100, left + 25 * len(text), 160), at))
        at += len(text) + 1
        left += 25 * len(text) + 20
    return " ".join(text for text, _ in pieces), tuple(words)


def _detail(rng: random.Random) -> str:
    generated = GENERATORS["legacy_tab"](rng)
    return rng.choice(generated.tables["progress_updates"])["detail"].split(" ")[0]


@pytest.mark.parametrize("seed", range(8))
def test_the_slash_read_as_a_digit_in_an_unsure_word_is_put_back(seed: int) -> None:
    rng = random.Random(seed)
    number, year = str(rng.randint(1, 30)), str(rng.randint(2540, 2599))
    stroke = rng.choice("712")
    head = rng.choice(("ครั้งที่", "คำสั่งที่", "เลขที่"))
    glued = rng.random() < 0.5  # Tesseract wrote no space after ที่
    said = [(_detail(rng), 92.0)]
    read = f"{number}{stroke}{year}"
    pieces = said + ([(f"{head}{read}", 61.0)] if glued else [(head, 93.0), (read, 61.0)])
    text, words = tidied(*_page([*pieces, (_detail(rng), 91.0)]))
    want = f"{head}{number}/{year}" if glued else f"{head} {number}/{year}"
    assert want in text
    assert all(text[w.start : w.end] == w.text for w in words)


@pytest.mark.parametrize("seed", range(4))
def test_a_run_of_digits_read_sure_or_not_after_ที่_stays_as_read(seed: int) -> None:
    """``ครั้งที่ 272566`` read sure, ``จำนวน 172566`` unsure, ``ที่ 1,272,566``: as read."""
    rng = random.Random(seed)
    number, year = str(rng.randint(1, 30)), str(rng.randint(2540, 2599))
    read = f"{number}{rng.choice('712')}{year}"
    for pieces in (
        [("ครั้งที่", 93.0), (read, 93.0)],
        [("จำนวน", 93.0), (read, 40.0)],
        [("ที่", 93.0), (f"1,{read[:-3]},{read[-3:]}", 40.0)],
        [("ที่", 93.0), (f"{read}.50", 40.0)],
    ):
        text, words = _page([*pieces, (_detail(rng), 91.0)])
        assert tidied(text, words)[0].split(" ")[:2] == [p for p, _ in pieces]
