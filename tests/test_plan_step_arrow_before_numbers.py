"""A flowing step row whose schedule arrow the line break set before its percentages.

fpdf2 writes a step table's row as flowing text, cut anywhere at the margin: the
schedule's first arrow may come back right after the step's words, before the
percentages (``๔. จัดทำรายงาน…ถัดไป →<tab>๓๐ ๗๐ ←``). An arrow is a mark of the
month columns, never a word of the step: the step's words end before it.

Generated plans (bench/corpus) with their step rows written so; the truth is the
steps they were generated from.
"""

from __future__ import annotations

import random
import re

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

#: A step row of the text file: number and words, percentage, cumulative, schedule.
_ROW = re.compile(
    r"^(?P<words>[0-9๐-๙]{1,2}\. [^\t]+)\t(?P<pct>[0-9๐-๙]+)\t(?P<cum>[0-9๐-๙]+)\t(?P<rest>.*)$"
)
_HEADER = re.compile(r"^ขั้นตอนการดำเนินงาน\t|^\t+(?:พ\.ศ\.|ต\.ค\.)")


def _flowing(text: str) -> str:
    """``text`` with each step row flowing, its first arrow after its words."""
    out = []
    for line in text.split("\n"):
        m = _ROW.match(line)
        if m is not None:
            arrows = m.group("rest").split()
            first = f" {arrows[0]}" if arrows else ""
            line = f"{m['words']}{first}\t{m['pct']} {m['cum']} {' '.join(arrows[1:])}".rstrip()
        elif _HEADER.match(line):
            line = " ".join(line.split())
        out.append(line)
    return "\n".join(out)


def test_step_words_end_before_an_arrow() -> None:
    for k in range(3):
        doc = GENERATORS["plan"](random.Random(f"arrow-before-numbers-{k}"))
        text = _flowing(doc.text)
        assert " →\t" in text or " ↔\t" in text or " ←\t" in text
        records = records_of(extract, text, ocr_used=False, screened=False)
        assert_rows_read(
            "plan_steps",
            records["plan_steps"],
            doc.truth["tables"]["plan_steps"],
            ("description", "step_pct", "cumulative_pct"),
        )
