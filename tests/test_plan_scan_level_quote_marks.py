"""A scoring table's quoted indicator whose closing mark OCR read as Thai letters in a cell.

Plans are generated from known values (``bench/corpus``); their scoring tables are
printed flowing (a row's cells run into wrapped lines, no tab: what Tesseract gives
for a table without ruled cells) and each ``เกณฑ์การให้คะแนน “…”`` heading wrapped as a
narrow print wraps it: the heading words, then the quote over two lines. Tesseract
read the closing ``”`` as Thai letters set off by a gap (``…หน่วยงา`` / ``น<tab>ฝี``,
a 150 dpi grey scan): they went into every level's indicator.

The truth is the generated values: every level keeps its indicator.
"""

from __future__ import annotations

import random
import re
import textwrap

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from plan_text import LEVEL_LINE
from read_back import records_of

_HEADING = re.compile(r"^เกณฑ์การให้คะแนน “(?P<name>.+)”$")
#: What OCR read the closing mark as, a cell of its own.
_MARKS = ("ฝี", "ป", "รี")


def _as_ocr_reads(text: str, rng: random.Random) -> str:
    """The plan with its scoring tables flowing, each heading's quote wrapped and its
    closing mark read as Thai letters after a tab."""
    out: list[str] = []
    for line in text.split("\n"):
        m, level = _HEADING.match(line), LEVEL_LINE.match(line)
        if m is not None:
            cut = rng.randrange(len(m["name"]) // 2, len(m["name"]) - 2)
            out += ["เกณฑ์การให้คะแนน", f"“{m['name'][:cut]}",
                    f"{m['name'][cut:]}\t{rng.choice(_MARKS)}"]
        elif level is not None:
            out += textwrap.wrap(f"{level['level']} ร้อยละ {level['rest']}".replace("\t", " "), 80)
        else:
            out.append(line.replace("\t", " ") if line.startswith("ระดับความสำเร็จ\t") else line)
    return "\n".join(out)


@pytest.mark.parametrize("seed", range(6))
def test_closing_mark_read_as_letters_in_a_cell_is_no_part_of_the_indicator(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text = _as_ocr_reads(generated.text, rng)
    got = records_of(extract, text, screened=False).get("plan_scoring_levels", [])
    assert [r.indicator for r in got] == \
        [w["indicator"] for w in generated.tables["plan_scoring_levels"]]
