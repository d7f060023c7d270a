"""A scanned plan's Thai-digit amounts that Tesseract and the glyph reader read alike load.

An outside tester's clean 200 dpi raster of a plan in Thai digits kept 72 of 103
fields: its amounts read exactly (``๓,๖๗๕,๒๕๐.๕๐``) were NULL with
``ocr_doubtful_value``, a Thai digit being doubtful by its text alone. Debian's ``tha``
model has no ``๔ ๖ ๗ ๘ ๙``: a number holding them is the glyph reader's reading alone
(``read/ocr_thai_digits``), while one of ``๐ ๑ ๒ ๓ ๕`` that Tesseract and the glyph
reader read the same is two readings, and is loaded
(``normalize/trust_doubts.read_alike``). The others stay NULL or right, never wrong.
The plan is written first (its amounts, some of ``๐ ๑ ๒ ๓ ๕`` only, some holding
``๔``-``๙``), printed by Chromium, rasterised at 200 or 300 dpi and read back.
"""

from __future__ import annotations

import random
from decimal import Decimal
from html import escape
from pathlib import Path

import pytest

from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.normalize.trust import screen
from bma_etl.pipeline import process_file
from bma_etl.read.ocr import OcrPage
from bma_etl.read.ocr_cache import page_from_json, page_to_json
from bma_etl.read.ocr_layout import OcrWord

from corpus.values import project_name
from plan_prints import plan_scan

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
FONT = "Laksaman"
FONT_FILE = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")
#: Digits Debian's Thai model gives (it has no 4 6 7 8 9).
TESSERACT_DIGITS = "01235"


def _amount(rng: random.Random, digits: str) -> Decimal:
    """A budget of seven digits and satang drawn from ``digits``, holding one of the last."""
    while True:
        text = rng.choice("123") + "".join(rng.choice(digits) for _ in range(8))
        if digits == TESSERACT_DIGITS or set(text) - set(TESSERACT_DIGITS):
            return Decimal(text) / 100


def _printed(amount: Decimal) -> str:
    return f"{amount:,.2f}".translate(THAI)


def _plan(seed: int) -> tuple[list[Decimal], str]:
    """``(amounts, html)``: a plan's cover and strategic table, every digit Thai.

    The table has no total row: no sum confirms its amounts (``trust_totals``).
    """
    rng = random.Random(seed)
    amounts = [_amount(rng, TESSERACT_DIGITS), _amount(rng, "0123456789"),
               _amount(rng, TESSERACT_DIGITS), _amount(rng, "0123456789")]
    rows = "".join(f"<tr><td>{k}</td><td>{escape(project_name(rng, long=False))}</td>"
                   f"<td>{_printed(a)} บาท</td><td>ฝ่ายโยธา</td></tr>".translate(THAI)
                   for k, a in enumerate(amounts, start=1))
    body = ("<p style='text-align:center;font-size:28px'><b>แผนปฏิบัติการ ประจำปี</b></p>"
            "<p style='text-align:center;font-size:28px'><b>พ.ศ. ๒๕๖๗</b></p>"
            "<p style='text-align:center'>สำนักงานเขตบางรัก</p>"
            "<p style='text-align:center'>สำนักปลัดกรุงเทพมหานคร</p>"
            "<p><b>สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. ๒๕๖๗</b></p>"
            "<p><b>โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. ๒๕๖๗</b></p>"
            "<table><tr><th>ลำดับที่</th><th>ชื่อโครงการ</th><th>งบประมาณ</th>"
            "<th>ส่วนราชการที่รับผิดชอบ</th></tr>" + rows + "</table>")
    html = ("<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'><style>"
            "table { border-collapse: collapse; width: 100%; }"
            " td, th { border: 1px solid #000; padding: 2px 6px; } p { margin: 3px 0; }"
            "</style></head><body>" + body + "</body></html>")
    return amounts, html


#: Laksaman (TH Sarabun's free twin) at 200 and 300 dpi: Tesseract reads these plans'
#: amounts of ๐ ๑ ๒ ๓ ๕ right (it reads ๓ as ต now and then: such an amount is the
#: glyph reader's reading alone, and stays NULL).
@pytest.mark.parametrize(("seed", "dpi"), [(1, 200), (2, 300)])
def test_amounts_read_alike_by_both_readers_load(seed: int, dpi: int, tmp_path: Path) -> None:
    amounts, html = _plan(seed)
    result = process_file(plan_scan(tmp_path, html, seed, family=FONT, font=FONT_FILE, dpi=dpi,
                                    pt=16))
    got = [getattr(r, "budget_thb", None) for r in result.rows("plan_projects")]
    assert len(got) == len(amounts)
    for k, (want, read) in enumerate(zip(amounts, got, strict=True)):
        if set(str(want).replace(".", "")) <= set(TESSERACT_DIGITS):
            assert read is not None and Decimal(str(read)) == want, (k, want, read)
        else:
            assert read is None or Decimal(str(read)) == want, (k, want, read)


# ------------------------------------------------------------------ the rules alone

AMOUNT = "๑,๐๒๑,๐๒๒.๑๑"
LINE = f"๓\tโครงการส่งเสริมอาชีพ\t{AMOUNT} บาท\tฝ่ายโยธา\n"


def _screened(agreed: tuple[tuple[int, int, float], ...]) -> Normalized:
    start = LINE.index(AMOUNT)
    row = NormalizedRow("plan_projects", 1, {"budget_thb": Decimal("1021022.11")})
    prov = ProvenanceRow("plan_projects", 1, "budget_thb", 1, 1, start, start + len(AMOUNT),
                         AMOUNT, False, False, confidence=90.0)
    normalized = Normalized([row], [prov], [])
    screen(normalized, LINE, (), agreed)
    return normalized


def test_an_amount_both_readers_read_alike_is_loaded() -> None:
    start = LINE.index(AMOUNT)
    words = ((start, start + 2, 90.0), (start + 2, start + len(AMOUNT), 90.0))  # two words
    assert _screened(words).rows[0].values == {"budget_thb": Decimal("1021022.11")}


@pytest.mark.parametrize("agreed", [
    (),  # the glyph reader's reading alone (or none)
    ((LINE.index(AMOUNT), LINE.index(AMOUNT) + 5, 90.0),),  # a word of it read otherwise
    ((0, 1, 90.0),),  # another number of the line read alike
])
def test_an_amount_not_read_alike_stays_doubtful(
        agreed: tuple[tuple[int, int, float], ...]) -> None:
    normalized = _screened(agreed)
    assert normalized.rows[0].values == {}
    assert [f.code for f in normalized.findings] == ["ocr_doubtful_value"]


def test_the_ocr_cache_keeps_words_read_alike() -> None:
    words = (OcrWord(AMOUNT, 90.0, (0, 0, 9, 9), 0, agreed=True),
             OcrWord("บาท", 90.0, (10, 0, 19, 9), 13, doubted=True),
             OcrWord("๕", 90.0, (20, 0, 29, 9), 17, doubted=True, agreed=True))
    page = OcrPage(f"{AMOUNT} บาท ๕", 90.0, words, 300.0)
    back = page_from_json(page_to_json(page))
    assert back is not None
    assert [(w.doubted, w.agreed) for w in back.words] == [(False, True), (True, False),
                                                           (True, True)]
