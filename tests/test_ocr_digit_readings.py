"""A number the OCR's Thai and English models read with other digits is not loaded.

Tesseract's ``tha+eng`` reads an Arabic-digit number on a Thai line with the Thai
model now and then, whose Arabic digits are weak: seed 1525's 200 dpi 1-bit scan of
a web project page stored the budget 4,429,000 as 6,429,000 and a month's 84 as 86,
each digit 97-99 sure (:mod:`bma_etl.read.ocr_rereads`). Every word holding a digit
is read again by the English model alone; a word the two read in one shape with
other digits is doubted, and a value read from it is NULL with an
``ocr_doubtful_value`` issue unless the page confirms it (:mod:`bma_etl.normalize.trust`).
The values here are known (the page's), the readings the ones OCR gave.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PIL import Image

from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.normalize.trust import screen
from bma_etl.read.ocr_rereads import digit_readings, other_digits
from bma_etl.read.ocr_tsv import DOUBTED_CONF, digit_words, with_words_doubted

BUDGET = Decimal("4429000")  # the page prints 4,429,000


@pytest.mark.parametrize(("page", "english", "other"), [
    (")6,429,000", ")4,429,000", True),   # the Thai model's 4 read as 6
    ("686", "684", True),                 # a month's number and its value, glued
    ("2019-10-01", "2019-10-04", True),   # either may be the wrong one: doubted
    ("2", "12", False),                   # a stroke of the margin read as a digit
    ("2/2566", "2/25660", False),
    ("10.50", "16-50%.", False),          # another shape: the margin's marks
    ("98.5", "98.5", False),
    ("(บาท)", "(UM)", False),             # no number
])
def test_what_counts_as_read_with_other_digits(page: str, english: str, other: bool) -> None:
    assert other_digits(page, english) is other


def _tsv(words: list[tuple[str, float]]) -> str:
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\t"
            "height\tconf\ttext", "4\t1\t1\t1\t1\t0\t0\t0\t900\t40\t-1\t"]
    rows += [f"5\t1\t1\t1\t1\t{i}\t{i * 100}\t0\t90\t40\t{conf:f}\t{text}"
             for i, (text, conf) in enumerate(words, start=1)]
    return "\n".join(rows) + "\n"


class _English:
    """A stand-in for the English engine: reads each crop as the next of ``readings``."""

    def __init__(self, readings: list[str]) -> None:
        self.readings = list(readings)
        self.mode = 3

    def GetPageSegMode(self) -> int:  # tesserocr's names
        return self.mode

    def SetPageSegMode(self, mode: int) -> None:
        self.mode = mode

    def SetImage(self, image: Any) -> None:
        pass

    def SetSourceResolution(self, dpi: int) -> None:
        pass

    def Recognize(self, timeout: int = 0) -> bool:
        return True

    def GetUTF8Text(self) -> str:
        return self.readings.pop(0)

    def AllWordConfidences(self) -> list[int]:
        return [90]

    def Clear(self) -> None:
        pass


def test_words_the_english_model_reads_with_other_digits_are_doubted() -> None:
    tsv = _tsv([("งบฯ", 91.0), (")6,429,000", 56.8), ("เดือนที่", 92.0), ("2", 97.0),
                ("686", 90.8)])
    words = digit_words(tsv)
    assert [text for _, _, text in words] == [")6,429,000", "2", "686"]
    english = _English([")4,429,000", "12", "684"])
    doubted = digit_readings(english, Image.new("L", (600, 60), 255), words, 300, 10)
    assert sorted(doubted.values()) == [")4,429,000", "684"]
    assert english.mode == 3  # the engine's mode is given back
    confs = {cells[11]: float(cells[10]) for cells in
             (row.split("\t") for row in with_words_doubted(tsv, doubted).splitlines()[2:])}
    assert confs == {"งบฯ": 91.0, ")6,429,000": DOUBTED_CONF, "เดือนที่": 92.0, "2": 97.0,
                     "686": DOUBTED_CONF}


def _budget_read(raw: str, confidence: float) -> Normalized:
    row = NormalizedRow("projects", None, {"budget_allocated_thb": Decimal(raw.replace(",", ""))})
    prov = ProvenanceRow("projects", None, "budget_allocated_thb", 1, 14, 20, 20 + len(raw),
                         raw, False, confidence < 60, None, confidence)
    return Normalized([row], [prov], [])


def test_a_budget_the_two_models_read_otherwise_is_null_with_an_issue() -> None:
    n = _budget_read("6,429,000", DOUBTED_CONF)
    screen(n, "งบฯ ที่ได้รับ (บาท)6,429,000")
    assert "budget_allocated_thb" not in n.rows[0].values
    assert not n.provenance
    [issue] = n.findings
    assert issue.code == "ocr_doubtful_value" and "'6,429,000'" in issue.message
    assert "Thai and English models" in issue.message


def test_a_budget_the_two_models_read_alike_is_loaded_however_unsure() -> None:
    n = _budget_read("4,429,000", 56.8)
    screen(n, "งบฯ ที่ได้รับ (บาท)4,429,000")
    assert n.rows[0].values["budget_allocated_thb"] == BUDGET and not n.findings


def test_a_doubted_budget_printed_again_is_confirmed() -> None:
    n = _budget_read("4,429,000", DOUBTED_CONF)
    screen(n, "งบฯ ที่ได้รับ (บาท)4,429,000\nรวมงบประมาณ 4,429,000 บาท")
    assert n.rows[0].values["budget_allocated_thb"] == BUDGET and not n.findings
