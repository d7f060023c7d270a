"""A detail page printed with each label over its value: a month's result on the next line.

LibreOffice's print of a tracking page's grid or definition list sets
``ผลงานเดือนที่ 1`` on one line and ``5`` on the next; every month was read with no
value (breaker14 T24, T25). Pages generated from known values (bench/corpus
``web_detail``), their month lines set so; the truth is the values they were
generated from.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from conftest import assert_read_as_generated

_MONTH = re.compile(r"^ผลงานเดือนที่ ")


@pytest.mark.parametrize("k", range(4))
def test_month_values_under_their_labels(k: int, tmp_path: Path) -> None:
    from corpus.build import GENERATORS

    doc = GENERATORS["web_detail"](random.Random(f"month-below-{k}"))
    months = iter(doc.truth["tables"]["monthly_progress"])
    lines = []
    for line in doc.text.split("\n"):
        if _MONTH.match(line):
            month = next(months)
            lines.append(f"ผลงานเดือนที่ {month['month_no']}")
            if month.get("value") is not None:
                lines.append(f"{month['value']}{' %' if k % 2 else ''}")
        else:
            lines.append(line)
    path = tmp_path / "detail.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=["monthly_progress"])
