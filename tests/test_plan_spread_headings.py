"""SWOT headings a Word print spread letter by letter, read as headings.

A heading set with Thai distributed alignment (``จุดแข็ง (Strength)`` in a Word
file printed by LibreOffice) is spread to the margin: each gap between its
letters widens, and the reader gives the gaps as tabs (``โ\\tอ\\tก\\tา\\tส\\t
(Opportunity)``, six cells: more than a line of text has). Read as a table row,
the plan's SWOT items were lost (seed 11, Garuda). A scoring heading's quoted
indicator whose last line was spread so (``ป<tab>ร<tab>ะ<tab>เ<tab>ท<tab>ศ<tab>”``)
was taken for the first row of the table under it, and the levels lost their
indicator. The spread lines are generated here from the words, cut at random
letters; the truth is the kind and items, or the indicator's name.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.plan_swot import swot_rows

KINDS = (("จุดแข็ง", "Strength", "strength"), ("จุดอ่อน", "Weakness", "weakness"),
         ("โอกาส", "Opportunity", "opportunity"), ("อุปสรรค", "Threat", "threat"))
_MARKS = "".join(map(chr, [0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4E)]))


def _spread(word: str, rng: random.Random) -> str:
    """``word`` cut into pieces of one to three letters (a mark stays on its letter)."""
    pieces: list[str] = []
    for ch in word:
        if pieces and (ch in _MARKS or len(pieces[-1]) < rng.randint(1, 3)):
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return "\t".join(pieces)


@pytest.mark.parametrize("seed", range(6))
def test_spread_swot_headings_name_their_kind(seed: int) -> None:
    rng = random.Random(f"spread-{seed}")
    parts = ["การวิเคราะห์สภาพแวดล้อมภายในและภายนอก (SWOT Analysis)", ""]
    want = []
    for thai, english, kind in KINDS:
        parts += [f"{_spread(thai, rng)}\t({english})", ""]
        for n in range(1, rng.randint(2, 4)):
            parts.append(f"{n}. ข้อ{thai}ของหน่วยงานลำดับที่ {n}")
            want.append((kind, str(n)))
        parts.append("")
    doc = RepairedText.of("\n".join(parts) + "\n")
    rows = swot_rows(doc, list(doc.lines()))
    assert [(r.fields["kind"].value, r.fields["seq"].text)  # type: ignore[union-attr]
            for r in rows] == want


def test_a_row_of_letters_that_spells_no_heading_is_none() -> None:
    doc = RepairedText.of("การวิเคราะห์ SWOT\n\nก\tข\tค\tง\tจ\n\n1. ข้อที่หนึ่ง\n")
    assert swot_rows(doc, list(doc.lines())) == []


NAMES = ("ระดับความสำเร็จในการส่งเสริมผลงานที่โดดเด่นของกรุงเทพมหานครสู่แพลตฟอร์มออนไลน์ต่างประเทศ",
         "ร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไขภายในเวลาที่กำหนด")
LEVELS = ("ระดับความสำเร็จ\tเกณฑ์ร้อยละความสำเร็จ\tการดำเนินงาน\tคะแนนที่ได้รับ\n"
          + "".join(f"{n}\tร้อยละ {50 + 10 * n} ของน้ำหนักคะแนน\tดำเนินการได้ครบ {n} ขั้นตอน\t{4 * n}\n"
                    for n in range(5, 0, -1)))


@pytest.mark.parametrize("seed", range(4))
def test_scoring_heading_whose_last_line_is_spread_names_its_indicator(seed: int) -> None:
    # a distributed heading's last line (``ป<tab>ร<tab>ะ<tab>เ<tab>ท<tab>ศ<tab>”``) is
    # no row of the scoring table under it
    from bma_etl.layouts.plan_indicators import read_scoring_table
    from bma_etl.layouts.plan_tables import blocks_of, tables_of

    rng = random.Random(f"quote-{seed}")
    name = NAMES[seed % len(NAMES)]
    cut = len(name) - rng.randint(4, 7)
    while name[cut] in _MARKS or name[cut] in "ะาำ":  # a line starts at a letter
        cut -= 1
    tail = _spread(name[cut:], rng) + "\t”"
    text = (f"แผนปฏิบัติราชการประจำปี พ.ศ. ๒๕๖๖\n\nเกณฑ์การให้คะแนน “{name[:cut]}\n{tail}\n\n"
            + LEVELS)
    doc = RepairedText.of(text)
    tables = [t for t in tables_of(blocks_of(doc)) if t.kind == "scoring"]
    assert len(tables) == 1
    rows = read_scoring_table(doc, tables[0], [])
    assert len(rows) == 5
    # (the spread gaps stay in the raw value; normalize closes white space between Thai letters)
    assert all(isinstance(r.fields["indicator"], Raw)
               and "".join(r.fields["indicator"].text.split()) == name
               for r in rows), [r.fields["indicator"] for r in rows]
