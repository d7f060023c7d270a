"""An indicator's name OCR misread over its scoring table, read right elsewhere, on generated plans.

Plans are generated from known values (``bench/corpus``); the quoted name over each
scoring table (``เกณฑ์การให้คะแนน “ระดับความสำเร็จ...”``) is damaged the way Tesseract
misread one letter or mark of it on grey and 1-bit scans (``สำเร็ง`` for ``สำเร็จ``,
``พิ`` for ``พี่``, ``โตด`` for ``โดด``, ``ข้อมุล`` for ``ข้อมูล``), its other copies (the
indicator table, the definition) left as printed. Each level carries the name as
generated; on a text layer the quote is kept as printed. The truth is the generated
values.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from conftest import records_of
from corpus.build import GENERATORS

#: ``(printed, as OCR read it)``: the first of these a name holds is misread.
_MISREADS = (("สำเร็จ", "สำเร็ง"), ("พี่", "พิ"), ("โดด", "โตด"), ("ข้อมูล", "ข้อมุล"),
             ("ส่งเสริม", "ส่งเสรืม"), ("การ", "กาว"))
_HEADING_RE = re.compile(r"^(เกณฑ์การให้คะแนน “)(?P<name>[^”]*)”$", re.M)


def _misread(name: str, k: int) -> str:
    """``name`` with one of :data:`_MISREADS` made (the k-th it holds, in turn)."""
    found = [(printed, read) for printed, read in _MISREADS if printed in name]
    assert found, name
    printed, read = found[k % len(found)]
    return name.replace(printed, read, 1)


def _damaged(seed: int) -> tuple[Any, str]:
    generated = GENERATORS["plan"](random.Random(seed))
    count = 0

    def heading(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"{m.group(1)}{_misread(m.group('name'), seed + count)}”"

    text = _HEADING_RE.sub(heading, generated.text)
    assert count, "the generator writes quoted scoring headings"
    return generated, text


@pytest.mark.parametrize("seed", range(6))
def test_scoring_levels_carry_the_name_their_other_copies_spell(seed: int) -> None:
    generated, text = _damaged(seed)
    want = [(row["indicator"], row["level"]) for row in generated.tables["plan_scoring_levels"]]
    got = [(r.indicator, r.level)
           for r in records_of(extract, text, screened=False).get("plan_scoring_levels", [])]
    assert got == want


def test_a_text_layer_keeps_the_name_as_printed() -> None:
    generated, text = _damaged(0)
    printed = {m.group("name") for m in _HEADING_RE.finditer(text)}
    got = {r.indicator for r in records_of(extract, text, ocr_used=False)
           .get("plan_scoring_levels", [])}
    assert got == printed
    assert printed != {row["indicator"] for row in generated.tables["plan_scoring_levels"]}
