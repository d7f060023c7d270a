"""The first word of a cut row's rest is measured by the characters that advance the pen.

An office suite closes both parts of a ruled row a page break cut with rules of
their own; whether the next page's first row goes on the row above is told by the
room each cell's last line left for the rest's first word. That word's width is
its share of its line's width as drawn. Shared out by all characters, a line of
Thai words whose marks (``ึ`` ``่`` ``ำ`` ``ิ``) take no width gave the word too
little (``ประเทศ`` of ``ประเทศ หมายถึง การดำเนินงาน…``: 41 pt for 45 pt drawn, in a
42 pt room): the row was read as ended, and a KPI definition's measure read
``ประเทศ`` (soffice-docx, Laksaman). Lines are drawn here from known words, each
character advancing a known width and each mark none; the truth is the cell's text
(read/pdf_breaks.py ``_lead``).
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from bma_etl.read.pdf_break_words import BEARING_EM
from bma_etl.read.pdf_breaks import Cut, join_cut_rows, mark_open
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_tables import SLACK, Rules, with_table_rows

EDGES = (34.0, 150.0, 270.0, 430.0)
RIGHT = 561.0
TABLE = (round(EDGES[0]), round(RIGHT), 0)
SIZE = 12.0
#: Width (points) a character that advances the pen takes; a Thai mark takes none.
ADVANCE = 0.5 * SIZE
MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                  + "".join(map(chr, range(0x0E47, 0x0E4F))))
#: Words a line breaker cut inside at a page's foot: (the part above, the rest).
CUT_WORDS = [("ต่าง", "ประเทศ"), ("ยุทธ", "ศาสตร์ฯ)"), ("กรุงเทพ", "มหานคร"),
             ("ภาค", "ประชาชน")]
TAIL = ["หมายถึง", "การดำเนินงาน", "ของหน่วยงาน", "ร่วมกับ", "ภาคีเครือข่าย", "เพื่อให้",
        "บรรลุเป้าหมาย", "ที่กำหนด", "ผลการดำเนินการ", "ที่ทำได้"]


def _width(text: str) -> float:
    return ADVANCE * sum(ch not in MARKS for ch in text)


def _row(cells: list[str], baseline: float) -> TextLine:
    return TextLine("\t".join(cells), baseline, SIZE, tuple(x + SLACK for x in EDGES),
                    EDGES[0] + 3, RIGHT - 3, table=TABLE)


@pytest.mark.parametrize("seed", range(8))
def test_a_cut_word_s_rest_under_a_line_of_marks_goes_on(seed: int) -> None:
    rng = random.Random(seed)
    above, rest = rng.choice(CUT_WORDS)
    column = rng.randrange(1, 4)
    line = f"{rest} " + " ".join(rng.sample(TAIL, 4))  # the rest's first line, as drawn
    # page N: the row's every cell runs down to its foot; the cut cell's last line left
    # a little less room than the rest's first word takes
    word = _width(rest) + BEARING_EM * SIZE
    texts = ["๑", "ระดับความสำเร็จ", "การส่งเสริมผลงาน", "โครงการพัฒนา"]
    texts[column] += above
    room = [60.0] * 4
    room[column] = word - 0.5
    row = replace(_row(texts, 70.0), reach=(True,) * 4, room=tuple(room))
    # page N+1: the rest, two lines in the cut cell, closed above by a rule of its own
    x = EDGES[column] + 3
    pieces = [replace(TextLine(text, y, SIZE, (x,), x, x + _width(text)), ends=(x + _width(text),))
              for text, y in [(line, 770.0), (" ".join(rng.sample(TAIL, 2)), 755.0)]]
    verticals = tuple((edge, 600.0, 790.0) for edge in (*EDGES, RIGHT))
    rules = Rules(verticals, ((790.0, EDGES[0], RIGHT), (740.0, EDGES[0], RIGHT)))
    rows = mark_open(with_table_rows(pieces, rules), rules, Cut(), pieces)
    part = next(r for r in rows if r.table is not None)
    pages = [[row], [part, *(r for r in rows if r is not part)]]
    join_cut_rows(pages)
    cell = pages[0][0].text.split("\t")[column]
    assert "".join(cell.split()).startswith("".join((texts[column] + line).split()))
    assert all(part is not r for r in pages[1])
