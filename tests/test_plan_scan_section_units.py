"""A scanned plan's row whose number OCR garbled and whose unit names a section.

``ดน ณร ทษ ๑๑,๐๑๔,๙๐๐ บาท กองยุทธศาสตร์ฯ``: a line with no row number that names
``ยุทธศาสตร์`` reads like the next table's heading; it is one only when the next
table's header follows within a few lines and no total (``รวม…``) stands between.
"""

from __future__ import annotations

import random
import re

import pytest

from test_plan_scan_budget_specks import _flowing, _read

from read_back import assert_rows_read

_UNIT = "กองยุทธศาสตร์ฯ"
#: The first generated plans whose strategic table has two rows or more.
_SEEDS = [s for s in range(12)
          if sum(w["section"] == "strategic" for w in _flowing(s)[1]) >= 2][:4]


@pytest.mark.parametrize("seed", _SEEDS)
def test_a_garbled_row_naming_a_section_before_the_last_row_is_a_row(seed: int) -> None:
    """The strategic table's next-to-last row garbled, its unit ``กองยุทธศาสตร์ฯ``: the
    row, the last row and the total after it are the table's (every row read)."""
    text, want = _flowing(seed)
    lines = text.split("\n")
    total = next(i for i, ln in enumerate(lines) if ln.startswith("รวมงบประมาณทั้งสิ้น"))
    last, before = total - 1, total - 2
    assert re.match(r"\S+ โครงการ", lines[last]) and re.match(r"\S+ โครงการ", lines[before])
    strategic = [w for w in want if w["section"] == "strategic"]
    row = strategic[-2]
    assert row["responsible_unit"] and lines[before].endswith(row["responsible_unit"])
    lines[before] = lines[before][: -len(row["responsible_unit"])] + _UNIT
    lines[before] = re.sub(r"^\S+ โครงการ\S*", random.Random(seed).choice(
        ("ตา ซาร์ บ รร", "ดน ณร ทษ")), lines[before])
    want = [dict(w, responsible_unit=_UNIT) if w is row else w for w in want]
    assert_rows_read("plan_projects", _read("\n".join(lines)), want,
                     ("section", "budget_thb", "uses_budget", "responsible_unit"))
