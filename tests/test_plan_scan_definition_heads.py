"""A flowing definition row whose indicator's ``ระดับ`` OCR misread at the measure's end.

Plans are generated from known values (``bench/corpus``); their definition tables are
printed flowing (cells run into wrapped lines, no tab) and the indicator's opening
``ระดับ`` is damaged the ways Tesseract read it where the measure's line ended on
150 and 200 dpi scans, grey and 1-bit: ``... ต่างประเทศ ระ`` / ``ดับชั้นความสำเร็จ...``,
``... ในชุมชน 3 ดับ`` / ``ความสำเร็จ...``, ``... เมืองน้อง ธะดับ`` / ``ความสำเร็จ...``,
glued to the measure's last word (``... ต่างประเทศชะดับ``).
The target table and the scoring headings print the name whole.

The truth is the generated values: every definition row keeps its measure and its
indicator (``ระดับความสำเร็จ...``, as its other copies print it); without another copy
of the name, the measure and indicator stay as read.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from ocr_text import thai_wrapped
from read_back import records_of

_KPI_HEADER = re.compile(r"^(?:มาตรการ\t)?ตัวชี้วัด[^\t]*\tนิยาม")
_ROW = re.compile(r"^(?P<measure>มน\. [^\t]+)\tระดับ(?P<rest>ความสำเร็จ[^\t]*\t.*)$")
#: ``(end of the measure's line, start of the next line)`` as OCR read ``ระดับ``.
_REMNANTS = ((" ระ", "ดับชั้น"), (" 3 ดับ", ""), (" ธะดับ", ""), ("ชะดับ", ""))
#: The fields compared (a wrap the test makes inside a definition may drop its space).
_FIELDS = ("measure", "indicator")


def _damaged(seed: int, *, copies: bool = True) -> tuple[Any, str]:
    """A generated plan with a measured definition table flowing, each ``ระดับ`` damaged;
    without ``copies``, the other tables' copies of the names cut off."""
    rng = random.Random(seed)
    while True:
        generated = GENERATORS["plan"](rng)
        if any(_ROW.match(line) for line in generated.text.split("\n")):
            break
    out: list[str] = []
    table = False
    for k, line in enumerate(generated.text.split("\n")):
        if _KPI_HEADER.match(line):
            out.append(line.replace("\t", " "))
            table = True
            continue
        table = table and bool(line.strip())
        m = _ROW.match(line) if table else None
        if m is None:
            out.append(line.replace("\t", " ") if table else line)
            continue
        end, start = _REMNANTS[(seed + k) % len(_REMNANTS)]
        measure = thai_wrapped(m.group("measure"), rng.choice((60, 75, 90)))
        out.extend([*measure[:-1], measure[-1] + end])  # the remnant ends the measure's line
        out.extend(thai_wrapped(start + m.group("rest").replace("\t", " "),
                                rng.choice((60, 75, 90))))
    text = "\n".join(out)
    if not copies:
        text = text.replace("“ระดับความสำเร็จ", "“").replace("\tระดับความสำเร็จ", "\t")
    return generated, text


def _rows(text: str) -> list[tuple[Any, ...]]:
    got = records_of(extract, text, screened=False).get("plan_kpi_definitions", [])
    return [tuple(getattr(r, f) for f in _FIELDS) for r in got]


@pytest.mark.parametrize("seed", range(8))
def test_indicator_takes_its_opening_word_back_from_the_measure(seed: int) -> None:
    generated, text = _damaged(seed)
    want = [tuple(row[f] for f in _FIELDS) for row in generated.tables["plan_kpi_definitions"]]
    assert _rows(text) == want


@pytest.mark.parametrize("seed", range(3))
def test_without_another_copy_of_the_name_measure_and_indicator_stay_as_read(seed: int
                                                                            ) -> None:
    generated, text = _damaged(seed, copies=False)
    got = [row for row in _rows(text) if row[0] is not None and row[0].startswith("มน.")]
    measured = [row for row in generated.tables["plan_kpi_definitions"]
                if str(row["measure"]).startswith("มน.")
                and str(row["indicator"]).startswith("ระดับความสำเร็จ")]
    assert len(got) >= len(measured) > 0
    assert not any(row[1].startswith("ระดับความสำเร็จ") for row in got
                   if row[1] is not None and "ดับ" in row[0][-12:])
