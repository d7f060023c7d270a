"""SWOT headings a Word print spread letter by letter, read as headings.

A heading set with Thai distributed alignment (``จุดแข็ง (Strength)`` in a Word
file printed by LibreOffice) is spread to the margin: each gap between its
letters widens, and the reader gives the gaps as tabs (``โ\\tอ\\tก\\tา\\tส\\t
(Opportunity)``, six cells: more than a line of text has). Read as a table row,
the plan's SWOT items were lost (seed 11, Garuda). The spread headings are
generated here from each kind's words, cut at random letters; the truth is the
kind and the items listed under it.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.base import RepairedText
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
