"""A line of Latin specks OCR read before a Thai text value is dropped, with an issue."""

from __future__ import annotations

import random

import pytest

from bma_etl.normalize.fields import Normalized, NormalizedRow
from bma_etl.normalize.ocr_junk import drop_junk_lines

#: Thai values of text fields (written for this test).
RATIONALES = [
    "กรุงเทพมหานครประสบปัญหาน้ำท่วมขังในพื้นที่ชุมชนริมคลอง",
    "ประชาชนในเขตชั้นในต้องการพื้นที่สีเขียวเพิ่มขึ้น\nจึงจำเป็นต้องปรับปรุงสวนสาธารณะ",
    "ถนนสายหลักชำรุดเสียหายจากการใช้งานมานาน",
]


def _specks(rng: random.Random) -> str:
    """A line of one to three short Latin words, as Tesseract reads speckle."""
    letters = "AaBbEeIilOoSsYyWwe"
    return " ".join("".join(rng.choice(letters) for _ in range(rng.randint(1, 4)))
                    for _ in range(rng.randint(1, 3)))


@pytest.mark.parametrize("seed", range(6))
def test_a_line_of_latin_specks_before_a_thai_value_is_dropped(seed: int) -> None:
    rng = random.Random(seed)
    value = rng.choice(RATIONALES)
    junk = _specks(rng)
    normalized = Normalized(rows=[NormalizedRow("projects", None, {
        "rationale": f"{junk}\n{value}", "project_name": "โครงการพัฒนาคลอง"})])
    drop_junk_lines(normalized)
    assert normalized.rows[0].values["rationale"] == value
    assert normalized.rows[0].values["project_name"] == "โครงการพัฒนาคลอง"
    (finding,) = normalized.findings
    assert finding.field == "rationale" and junk in finding.message


@pytest.mark.parametrize("value", [
    "BTS\nโครงการรถไฟฟ้า BTS สายสีเขียว",      # Latin in the Thai lines: the field holds Latin
    "Smart City Bangkok 2030\nเมืองอัจฉริยะ",  # a long Latin line
    "กรุงเทพมหานคร\nBio",                       # not the first line
])
def test_a_value_that_holds_latin_is_left_as_read(value: str) -> None:
    normalized = Normalized(rows=[NormalizedRow("projects", None, {"rationale": value})])
    drop_junk_lines(normalized)
    assert normalized.rows[0].values["rationale"] == value
    assert not normalized.findings
