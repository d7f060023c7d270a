"""A distributed table's header row at a page's foot keeps the next page's first row apart.

Word's Thai ``distribute`` alignment, printed by LibreOffice, spreads every line of a
cell to the cell's width, its last line too: a header row (``มาตรการ`` |
``ตัวชี้วัดมาตรการ`` | ``นิยาม/คำอธิบายตัวชี้วัด`` | ``โครงการ/กิจกรรม``) left alone
at a page's foot seems to leave no room in any cell, as a row the page cut after a
wrapped line does. Its cells were taken for cut, the measure's row on the next page
was joined into them and the plan lost that measure's definition (soffice-docx,
Sarabun and Garuda). A line drawn wider than its characters could be is spread: its
room is what the column leaves beside its characters at their widest
(read/pdf_cut_marks.py ``natural_end``). A header the page did cut, its last line
wrapped full, still goes on.

Rows are drawn here from known words, each line spread across its cell as
``distribute`` draws it; and two plans generated from known values (bench/corpus)
printed from Word files as the corpus builder prints them; the truth is the rows and
the plans' measures.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from bma_etl.read.pdf_breaks import Cut, join_cut_rows, mark_open
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_tables import Rules, with_table_rows

from corpus_prints import corpus_word_print
from read_back import assert_read_as_generated

SIZE = 10.0
PAD = 4.5
#: Width (points) a character that advances the pen takes unspread; a mark takes none.
ADVANCE = 0.5 * SIZE
MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                  + "".join(map(chr, range(0x0E47, 0x0E4F))))
#: Header rows of the tables a plan's measures are defined in, and a first row's cells.
HEADERS = [
    (["มาตรการ", "ตัวชี้วัดมาตรการ", "นิยาม/คำอธิบายตัวชี้วัด", "โครงการ/กิจกรรม"],
     ["มน. การส่งเสริมผลงานที่โดดเด่น", "ระดับความสำเร็จในการส่งเสริมผลงาน",
      "นิยาม การส่งเสริมผลงาน หมายถึง", "โครงการซ่อมแซมป้ายรถประจำทาง"]),
    (["ตัวชี้วัด", "นิยาม/คำอธิบายตัวชี้วัด", "โครงการ/กิจกรรมและส่วนราชการที่รับผิดชอบ"],
     ["5.1 ร้อยละความสำเร็จของการเบิกจ่าย", "ความสำเร็จ หมายถึง หน่วยงาน",
      "กิจกรรมสนับสนุนการลดปริมาณมูลฝอย"]),
]


def _width(text: str) -> float:
    return ADVANCE * sum(ch not in MARKS for ch in text)


def _edges(rng: random.Random, columns: int) -> list[float]:
    """Left edges of ``columns`` cells (points) and the table's right edge last."""
    edges = [52.0]
    for _ in range(columns):
        edges.append(edges[-1] + rng.uniform(110.0, 170.0))
    return edges


def _page(cells: list[str], edges: list[float], spread: bool, top: float,
          bottom: float) -> tuple[list[TextLine], Rules]:
    """One ruled row of one line a cell, its lines spread to each cell's edge or not."""
    xs = [edge + PAD for edge in edges[:-1]]
    ends = [right - PAD if spread else x + _width(text)
            for x, right, text in zip(xs, edges[1:], cells, strict=True)]
    baseline = bottom + 0.6 * SIZE
    piece = replace(TextLine("\t".join(cells), baseline, SIZE, tuple(xs), xs[0], ends[-1]),
                    ends=tuple(ends), heights=(baseline,) * len(xs))
    verticals = tuple((edge, bottom, top) for edge in edges)
    rules = Rules(verticals, ((bottom, edges[0], edges[-1]), (top, edges[0], edges[-1])))
    return mark_open(with_table_rows([piece], rules), rules, Cut(), [piece]), rules


@pytest.mark.parametrize("seed", range(8))
def test_a_spread_header_at_a_page_foot_keeps_the_next_row(seed: int) -> None:
    rng = random.Random(seed)
    header, first = HEADERS[seed % len(HEADERS)]
    edges = _edges(rng, len(header))
    foot, _ = _page(header, edges, spread=True, top=92.0, bottom=66.0)
    head = next(line for line in foot if line.table is not None)
    assert all(head.reach), head  # every cell runs down to the row's foot
    top, _ = _page(first, edges, spread=False, top=790.0, bottom=740.0)
    pages = [foot, top]
    join_cut_rows(pages)
    assert [line.text for line in pages[0] if line.table is not None] == ["\t".join(header)]
    assert [line.text for line in pages[1] if line.table is not None] == ["\t".join(first)]


@pytest.mark.parametrize("seed", range(8))
def test_a_header_cut_after_a_full_spread_line_goes_on(seed: int) -> None:
    """The page cut the header after a line that filled each cell: its rest goes on."""
    rng = random.Random(seed)
    header, _ = HEADERS[seed % len(HEADERS)]
    edges = _edges(rng, len(header))
    # each cell's line as long as its column holds unspread (less than a letter left):
    # the breaker wrapped there
    above = []
    for cell, left, right in zip(header, edges[:-1], edges[1:], strict=True):
        text = cell
        while _width(text + "ก") <= right - left - 2 * PAD:
            text += "ก"
        above.append(text)
    rest = ["ขั้นตอน", "ของหน่วยงาน", "หลักสูตร", "ส่วนราชการ"][:len(header)]
    foot, _ = _page(above, edges, spread=True, top=92.0, bottom=66.0)
    top, _ = _page(rest, edges, spread=False, top=790.0, bottom=760.0)
    pages = [foot, top]
    join_cut_rows(pages)
    joined = [line.text for line in pages[0] if line.table is not None]
    assert joined == ["\t".join(a + r for a, r in zip(above, rest, strict=True))]
    assert not any(line.table is not None for line in pages[1])


@pytest.mark.parametrize(("seed", "k", "font"), [(1805, 0, "Sarabun"), (2213, 1, "Garuda")])
def test_word_prints_keep_the_measure_under_a_header_at_a_page_foot(
        tmp_path: Path, seed: int, k: int, font: str) -> None:
    doc, pdf, settings = corpus_word_print(tmp_path, seed, "plan", k, font)
    assert settings["align"] in ("distribute", "left")
    assert_read_as_generated(pdf, doc.truth, ["plan_kpi_definitions"])
