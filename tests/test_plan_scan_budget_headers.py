"""A budget table's header whose ``งบประมาณ`` OCR misread, on generated plans.

Plans are generated from known values (``bench/corpus``); their strategic and key
budget tables are printed flowing (no tab: what Tesseract gives for a borderless
table) and the budget column's word in a table's header damaged the ways
Tesseract damages it on the corpus's scans: half the word kept, the rest read as
Latin letters or another letter (``งบประ aie``, ``งบประมาน``, ``จบประมาณ``).

The truth is the generated values: every table is found under its heading and
every row read, so the plan loads instead of losing the whole document.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from plan_text import budget_rows_read
from read_back import assert_rows_read, records_of

#: ``งบประมาณ`` as OCR reads it in a header cell.
_BUDGET_WORD_DAMAGE = ("งบประ aie", "งบประมาน", "จบประมาณ", "งบปร:ะมาณ")
#: A text-layer header line that starts a budget table flowing.
_HEADER = "ลำดับ ที่ ชื่อโครงการ"


def _headers_damaged(text: str, rng: random.Random) -> tuple[str, int]:
    """``text`` with the budget word of its flowing budget headers damaged; how many."""
    out: list[str] = []
    damaged = 0
    for line in text.split("\n"):
        if line.startswith(_HEADER) and "งบประมาณ" in line:
            line = line.replace("งบประมาณ", rng.choice(_BUDGET_WORD_DAMAGE), 1)
            damaged += 1
        out.append(line)
    return "\n".join(out), damaged


@pytest.mark.parametrize("seed", range(8))
def test_budget_header_with_its_budget_word_misread_is_a_header(seed: int) -> None:
    """``ลำดับ ที่ ชื่อโครงการ... งบประ aie ส่วนราชการ...`` over row ``1``: the table is
    read with its rows, its units, and the tables after it."""
    assert_flowing_tables_read(seed, _headers_damaged)


def assert_flowing_tables_read(
        seed: int, damage: Callable[[str, random.Random], tuple[str, int]]) -> None:
    """A plan generated from ``seed``, its budget tables printed flowing (no tab: what
    Tesseract gives for a borderless table) and then ``damage`` done (the text and how
    many lines it damaged): its strategic and key tables' rows are read as generated."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    flowing = budget_rows_read(
        generated.text,
        lambda m: f"{m.group('no')} {m.group('name')} {m.group('rest').replace(chr(9), ' ')}",
    )
    text, damaged = damage(flowing, rng)
    assert damaged, "the generated plan has a flowing budget table"
    got = [
        r
        for r in records_of(extract, text, screened=False).get("plan_projects", [])
        if r.section != "routine"
    ]
    assert_rows_read(
        "plan_projects", got, want, ("section", "seq", "name", "budget_thb", "responsible_unit")
    )


@pytest.mark.parametrize("seed", range(4))
def test_budget_header_whose_budget_word_lost_its_po_to_a_speck_is_a_header(seed: int) -> None:
    """``ลำดับ| ที่ ชื่อโครงการยุทธศาสตร์ งบา|ระมาณ ส่วนราชการ...``: the ป of the budget
    word and the rule beside it read as ``า|``; the header still names the budget and
    the unit columns, and the plan is read instead of lost whole."""

    def damage(text: str, rng: random.Random) -> tuple[str, int]:
        lines = [ln.replace("ลำดับ ที่", "ลำดับ| ที่", 1).replace("งบประมาณ", "งบา|ระมาณ", 1)
                 if ln.startswith(_HEADER) else ln for ln in text.split("\n")]
        return "\n".join(lines), sum("งบา|ระมาณ" in ln for ln in lines)

    assert_flowing_tables_read(seed, damage)


def test_a_ranked_list_without_a_budget_word_is_no_budget_table() -> None:
    """A ``ลำดับ`` header naming a project but no budget, over row ``1``, is no header:
    the plan's summary without a budget table stays an error, not a table made up."""
    from bma_etl.errors import ExtractError

    text = (
        "แผนปฏิบัติการประจำปี พ.ศ. 2566\nสำนักงานเขตสาทร กรุงเทพมหานคร\n\n"
        "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการ\n\n"
        "ลำดับ ที่ ชื่อโครงการ ส่วนราชการ ที่รับผิดชอบ\n"
        "1 โครงการพัฒนาระบบระบายน้ำ ส่วนโยธา\n"
    )
    with pytest.raises(ExtractError, match="no budget table after the summary heading"):
        records_of(extract, text)


#: ``ลำดับ ที่`` as Tesseract read it at 200 dpi on a 1-bit scan: the last letters of
#: ``ลำดับ`` misread, a sign among them, ``ที่`` kept or read as a letter.
_SEQ_WORD_DAMAGE = ("ลำตัง) i", "ลำด้า) ที่")


@pytest.mark.parametrize("seed", range(6))
def test_budget_header_whose_seq_word_ocr_misread_is_a_header(seed: int) -> None:
    """``ลำตัง) i ชื่อโครงการยุทธศาสตร์ งท|ระมาณ ส่วนราชการ...``: the header still opens
    with ``ลำ`` and names the name and budget columns; the table is read with its rows
    (the first row's number read or not), and the tables after it, instead of the
    plan being lost whole."""

    def damage(text: str, rng: random.Random) -> tuple[str, int]:
        lines = [ln.replace("ลำดับ ที่", rng.choice(_SEQ_WORD_DAMAGE), 1)
                 .replace("งบประมาณ", rng.choice(("งบประมาณ", "งท|ระมาณ")), 1)
                 if ln.startswith(_HEADER) else ln for ln in text.split("\n")]
        return "\n".join(lines), sum(ln.startswith("ลำ") and ")" in ln[:7] for ln in lines)

    assert_flowing_tables_read(seed, damage)


def test_a_sentence_opening_with_lam_is_no_budget_header() -> None:
    """A line opening with a word ``ลำ...`` (no sign in it) before ``ชื่อ`` is no header
    whose ``ลำดับ`` OCR misread."""
    from bma_etl.layouts.base import Line
    from bma_etl.layouts.plan_plain_header import header_at

    lines = [Line(1, 0, "ลำไย ชื่อดัง งบประมาณ ส่วนราชการ"), Line(2, 33, "1 โครงการ")]
    assert header_at(lines, 0, ocr=True) == 0


@pytest.mark.parametrize("seed", range(4))
def test_budget_header_whose_seq_word_ocr_read_with_a_letter_misread_is_a_header(
        seed: int) -> None:
    """``สำดับ ที่ ชื่อโครงการ...`` (one letter of ``ลำดับ`` misread): a header."""

    def damage(text: str, rng: random.Random) -> tuple[str, int]:
        lines = [rng.choice(("สำดับ", "ลำตับ")) + ln[len("ลำดับ"):]
                 if ln.startswith(_HEADER) else ln for ln in text.split("\n")]
        return "\n".join(lines), sum(ln.startswith(("สำดับ", "ลำตับ")) for ln in lines)

    assert_flowing_tables_read(seed, damage)
