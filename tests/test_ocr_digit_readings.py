"""A number the OCR's Thai and English models read with other digits is not loaded.

Tesseract's ``tha+eng`` reads an Arabic-digit number on a Thai line with the Thai
model now and then, whose Arabic digits are weak: seed 1525's 200 dpi 1-bit scan of
a web project page stored the budget 4,429,000 as 6,429,000 and a month's 84 as 86,
each digit 97-99 sure (:mod:`bma_etl.read.ocr_rereads`). Every word holding a digit
is read again by the English model alone; a word the two read in one shape with
other digits is doubted (a flag of the word: its confidence stays Tesseract's), and a
value read from it is NULL with an ``ocr_doubtful_value`` issue unless the page
confirms it (:mod:`bma_etl.normalize.trust`). The values here are known (the page's),
the readings the ones OCR gave.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PIL import Image

from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.normalize.trust import screen
from bma_etl.read.ocr import OcrPage
from bma_etl.read.ocr_cache import page_from_json, page_to_json
from bma_etl.read.ocr_layout import OcrWord, page_layout
from bma_etl.read.ocr_rereads import digit_readings, other_digits
from bma_etl.read.ocr_tsv import digit_words, with_words_doubted

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
    _, laid, _ = page_layout(with_words_doubted(tsv, doubted), "")
    assert {(w.text, w.conf) for w in laid if w.doubted} == {(")6,429,000", 56.8), ("686", 90.8)}
    assert {w.text for w in laid if not w.doubted} == {"งบฯ", "เดือนที่", "2"}
    cached = page_from_json(page_to_json(OcrPage("", 90.0, laid, 300.0)))
    assert cached is not None and cached.words == laid  # the flag survives the OCR cache


def _read(page: str, conf: float, english: str, after: str = ""
          ) -> tuple[Normalized, str, tuple[tuple[int, int, float], ...]]:
    """A page stating its budget, OCR'd: the Thai-English reading ``page`` at ``conf``,
    the English model's ``english``; ``after``: more text. The budget's value, its
    provenance (its word's confidence, as :mod:`bma_etl.normalize.fields` gives it), the
    page's text and its doubted words."""
    tsv = _tsv([("งบฯ", 91.0), (page, conf), ("บาท", 92.0)])
    doubted = digit_readings(_English([english]), Image.new("L", (600, 60), 255),
                             digit_words(tsv), 300, 10)
    text, words, _ = page_layout(with_words_doubted(tsv, doubted), "")
    word: OcrWord = words[1]
    assert text[word.start:word.end] == page
    row = NormalizedRow("projects", None, {"budget_allocated_thb": Decimal(page.replace(",", ""))})
    prov = ProvenanceRow("projects", None, "budget_allocated_thb", 1, 1, word.start, word.end,
                         page, False, word.conf < 60, None, word.conf)
    return (Normalized([row], [prov], []), text + after,
            tuple((w.start, w.end, w.conf) for w in words if w.doubted))


def test_a_budget_the_two_models_read_otherwise_is_null_with_an_issue() -> None:
    n, text, doubted = _read("6,429,000", 98.0, "4,429,000")
    screen(n, text, doubted)
    assert "budget_allocated_thb" not in n.rows[0].values
    assert not n.provenance
    [issue] = n.findings
    assert issue.code == "ocr_doubtful_value" and "'6,429,000'" in issue.message
    assert "Thai and English models" in issue.message


@pytest.mark.parametrize("conf", [56.8, 0.0])  # 0: Tesseract's own score, not a doubt
def test_a_budget_the_two_models_read_alike_is_loaded_however_unsure(conf: float) -> None:
    n, text, doubted = _read("4,429,000", conf, "4,429,000")
    assert not doubted
    screen(n, text, doubted)
    assert n.rows[0].values["budget_allocated_thb"] == BUDGET and not n.findings
    assert n.provenance[0].confidence == conf


def test_a_doubted_budget_printed_again_is_confirmed_with_its_own_confidence() -> None:
    n, text, doubted = _read("4,429,000", 97.0, "4,428,000", "\nรวมงบประมาณ 4,429,000 บาท")
    assert doubted
    screen(n, text, doubted)
    assert n.rows[0].values["budget_allocated_thb"] == BUDGET and not n.findings
    assert n.provenance[0].confidence == 97.0  # Tesseract's, not a mark of the doubt


@pytest.mark.parametrize("newest_first", [False, True])
@pytest.mark.parametrize(("doubted_month", "loaded"), [(2, True), (4, False)])
def test_a_doubted_report_date_between_its_neighbours_is_confirmed(
        newest_first: bool, doubted_month: int, loaded: bool) -> None:
    """Reports one a month (generated dates); the middle one's date is a word the two
    OCR models read with other digits. Between its neighbours' dates it is the page's
    (loaded); outside them it is NULL with an issue."""
    from datetime import date, timedelta

    first = date(2021, 1, 26)
    dates = [first, date(2021, doubted_month, 23), first + timedelta(days=62)]
    if newest_first:
        dates.reverse()
    words = [d.strftime("%d/%m/") + str(d.year + 543) for d in dates]
    text = "\n".join(f"รายงานครั้งที่ {i} : {w}" for i, w in enumerate(words, start=1))
    rows, provs = [], []
    for i, (d, w) in enumerate(zip(dates, words, strict=True)):
        start = text.index(w)
        rows.append(NormalizedRow("progress_updates", i, {"report_date": d}))
        provs.append(ProvenanceRow("progress_updates", i, "report_date", 1, i + 1, start,
                                   start + len(w), w, False, False, None, 90.0))
    middle = text.index(words[1])
    n = Normalized(rows, provs, [])
    screen(n, text, ((middle, middle + len(words[1]), 90.0),))
    assert (n.rows[1].values.get("report_date") == dates[1]) is loaded
    assert [r.values["report_date"] for r in (n.rows[0], n.rows[2])] == [dates[0], dates[2]]
    assert bool(n.findings) is not loaded
