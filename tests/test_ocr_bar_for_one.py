"""A count's ``1`` Tesseract read as a bar (``ได้ครบ | ขั้นตอน``), put back.

The scoring levels of generated plans (``bench/corpus``) say how many steps each
level completes (``…ได้ครบ ๑ ขั้นตอน และรายงานผล…``); written in Arabic digits, the
``1`` is laid out as Tesseract gives it on the 1-bit and grey scans of seeds 43 and
47: a bar, a word of its own. The tidied text is the description as generated. A
bar that is a table's rule between cells (``ตัวชี้วัด | โครงการ/กิจกรรม``, ``ลำดับที่ |
ชื่อโครงการ``) stays as read.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.read.ocr_tidy import tidied

from corpus.build import GENERATORS
from ocr_text import ocr_line

_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _descriptions(seed: int) -> list[str]:
    """The generated plan's level descriptions that count one step, in Arabic digits."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    return [row["description"].translate(_ARABIC)
            for row in generated.tables["plan_scoring_levels"]
            if " 1 ขั้นตอน" in row["description"].translate(_ARABIC)]


@pytest.mark.parametrize("seed", range(4))
def test_a_counts_one_read_as_a_bar_is_put_back(seed: int) -> None:
    descriptions = _descriptions(seed)
    assert descriptions, "the generator writes a level of one step"
    for description in descriptions:
        text, words = tidied(*ocr_line(description.replace(" 1 ขั้นตอน", " | ขั้นตอน")))
        assert text == description
        assert all(text[w.start : w.end] == w.text for w in words)


@pytest.mark.parametrize("line", [
    "มาตรการ ตัวชี้วัดมาตรการ นิยาม/คำอธิบายตัวชี้วัด | โครงการ/กิจกรรม",
    "ลำดับ ที่ | ชื่อโครงการยุทธศาสตร์ งบประมาณ",
    "ลำดับที่ | ขั้นตอนการดำเนินงาน",
    "ดำเนินการได้ครบ | ตามแผน",
])
def test_a_bar_between_cells_stays_as_read(line: str) -> None:
    assert tidied(*ocr_line(line))[0] == line
