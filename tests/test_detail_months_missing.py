"""A detail page's monthly results with months missing between two read are flagged.

The twenty-third outside tester's scan whose page 1 the scanner cut short (its image ends inside
the month-3 row) loaded months 1, 2 and 7-12 without a word. A detail page is generated
from known values and written as a text file; lines of months are taken out of its middle
as a cut page or lines OCR could not read lose them. The months read are loaded as
printed, and a ``month_missing`` warning names the months not read; a whole page has none.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS

_MONTH = "ผลงานเดือนที่ "


def _issues(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "detail.txt"
    path.write_text(text, encoding="utf-8")
    return [i.message for i in process_file(path).rows("quality_issues")
            if i.code == "month_missing"]


@pytest.mark.parametrize("seed", range(3))
def test_months_missing_between_two_read_are_flagged(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    text = GENERATORS["web_detail"](rng).text
    lines = text.split("\n")
    months = [k for k, line in enumerate(lines) if line.startswith(_MONTH)]  # 1 to 12
    assert len(months) == 12, "the generated page prints no twelve month lines"
    assert _issues(tmp_path, text) == []
    first = rng.randint(2, 6)
    last = first + rng.randint(0, 3)
    gone = set(months[first - 1:last])
    cut = "\n".join(line for k, line in enumerate(lines) if k not in gone)
    (message,) = _issues(tmp_path, cut)
    missing = f"{first}" if first == last else f"{first}-{last}"
    assert f"month {missing} is not read" in message and f"to {last + 1}" in message
