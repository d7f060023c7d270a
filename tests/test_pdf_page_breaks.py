"""Ruled table rows a page break cuts, on the document model (read/pdf_breaks.py).

Rows are built from known cell texts, cut where a page would cut them (the top
part at page N's foot, the rest under a page footer, a running header and the
table's repeated header row on page N+1); the truth is the cell texts they were
cut from. Printed PDFs of the same kind: tests/test_robustness.py (``legacy_html``).
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from bma_etl.document import RepairedText
from bma_etl.furniture import furniture_lines
from bma_etl.read.pdf_breaks import Cut, closed, join_cut_rows, mark_open
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_tables import SLACK, Rules, with_table_rows

from ocr_text import paged

WORDS = ["โครงการ", "ปรับปรุง", "ศาลาท่าน้ำ", "ริมคลอง", "ก่อสร้าง", "ทางเท้า", "ถนน",
         "สุขุมวิท", "ซอย 12", "ระยะที่ 2", "กรุงเทพมหานคร", "15,000 บาท", "31/10/2566"]
#: Left edges (points) of a four-column table and its right edge.
EDGES = (34.0, 108.0, 403.0, 483.0)
RIGHT = 561.0
TABLE = (round(EDGES[0]), round(RIGHT), 0)
HEAD = ["ครั้งที่รายงาน", "รายละเอียดการดำเนินงาน", "ผลการดำเนินงาน", "การประเมิน"]


def _row(texts: list[str], baseline: float, *, above: bool = False,
         below: bool = False) -> TextLine:
    """A ruled table row as :func:`with_table_rows` makes it."""
    return TextLine("\t".join(texts), baseline, 12.0, tuple(x + SLACK for x in EDGES),
                    EDGES[0] + 3, RIGHT - 3, table=TABLE, open_above=above, open_below=below)


def _plain(text: str, baseline: float) -> TextLine:
    return TextLine(text, baseline, 9.0, (), 40.0, 40.0 + 5 * len(text))


def _cells(rng: random.Random) -> list[str]:
    return [f"รายงานครั้งที่{rng.randint(1, 14)}",
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))),
            ": เป็นไปตามแผน", ": ไม่เป็นไปตามเป้าหมาย"]


def _cut(text: str, rng: random.Random) -> tuple[str, str]:
    """``text`` cut where a page could cut it (at or inside a word; either part may be empty)."""
    at = rng.randint(0, len(text))
    return text[:at].strip(), text[at:].strip()


def _letters(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("repeated_head", [True, False])
def test_a_row_cut_by_a_page_break_is_one_row_again(seed: int, repeated_head: bool) -> None:
    rng = random.Random(seed)
    before, cut, after = _cells(rng), _cells(rng), _cells(rng)
    parts = [_cut(text, rng) for text in cut]
    page_n = [_plain("หัวกระดาษ รายงาน", 800.0), _row(HEAD, 700.0), _row(before, 650.0),
              _row([p[0] for p in parts], 120.0, below=True), _plain("- 1 -", 30.0)]
    page_next = [_plain("หัวกระดาษ รายงาน", 800.0)]
    if repeated_head:  # the rest stands under the header row: a rule above it
        page_next.append(_row(HEAD, 770.0))
    page_next += [_row([p[1] for p in parts], 740.0, above=not repeated_head),
                  _row(after, 600.0), _plain("- 2 -", 30.0)]
    pages = [page_n, page_next]
    join_cut_rows(pages)
    rows = [line.text.split("\t") for line in pages[0] if line.table is not None]
    assert [[_letters(c) for c in r] for r in rows] == [
        [_letters(c) for c in r] for r in (HEAD, before, cut)]
    assert [line.text for line in pages[1]] == (
        ["หัวกระดาษ รายงาน"] + (["\t".join(HEAD)] if repeated_head else [])
        + ["\t".join(after), "- 2 -"])


def test_a_row_the_page_closes_is_not_joined_to_the_next_page_s_first_row() -> None:
    rng = random.Random(3)
    first, second = _cells(rng), _cells(rng)
    second[0] = ""  # even a row with no label of its own: nothing says it goes on
    pages = [[_row(HEAD, 700.0), _row(first, 120.0)], [_row(second, 740.0)]]
    join_cut_rows(pages)
    assert [len(p) for p in pages] == [2, 1]


def test_rows_of_other_columns_are_not_joined() -> None:
    rng = random.Random(4)
    top, rest = _cells(rng), _cells(rng)
    other = TextLine("\t".join(rest[:3]), 740.0, 12.0, (37.0, 200.0, 400.0), 37.0, 500.0,
                     table=TABLE, open_above=True)
    pages = [[_row(top, 120.0, below=True)], [other]]
    join_cut_rows(pages)
    assert pages[1] == [other] and pages[0][0].text == "\t".join(top)


def test_a_row_cut_over_three_pages_is_joined_twice() -> None:
    rng = random.Random(5)
    cells = _cells(rng)
    detail = cells[1]
    a, b, c = detail[: len(detail) // 3], detail[len(detail) // 3: 2 * len(detail) // 3], \
        detail[2 * len(detail) // 3:]
    pages = [[_row(HEAD, 800.0), _row([cells[0], a, cells[2], cells[3]], 100.0, below=True)],
             [_row(HEAD, 800.0), _row(["", b, "", ""], 780.0, below=True)],
             [_row(HEAD, 800.0), _row(["", c, "", ""], 780.0)]]
    join_cut_rows(pages)
    assert _letters(pages[0][1].text.split("\t")[1]) == _letters(detail)
    assert [len(p) for p in pages] == [2, 1, 1]
    assert not pages[0][1].open_below


# ------------------------------------------------------------------ the rules of a cut

VERTICALS = tuple((x, 28.0, 814.0) for x in (*EDGES, RIGHT))


def test_a_table_the_page_cut_is_closed_where_its_column_rules_end() -> None:
    rules = Rules(VERTICALS, ((202.0, EDGES[0], RIGHT), (390.0, EDGES[0], RIGHT),
                              (814.0, EDGES[0], RIGHT)))
    shut, cut = closed(rules)
    assert cut.heights == (28.0,) and 28.0 in cut and 202.0 not in cut
    assert (28.0, EDGES[0], RIGHT) in shut.horizontal


def test_the_rest_of_a_cut_row_alone_at_a_page_s_top_is_closed_above() -> None:
    # Chromium prints the rest of a row a page break cut under no rule of its own: the
    # column rules run up to the page's top margin, one row rule closes it below
    top = tuple((x, 696.0, 764.0) for x in (*EDGES, RIGHT))
    shut, cut = closed(Rules(top, ((696.0, EDGES[0], RIGHT),)))
    assert cut.heights == (764.0,) and (764.0, EDGES[0], RIGHT) in shut.horizontal
    lines = [TextLine("แพลตฟอร์มออนไลน์", 750.0, 12.0, (EDGES[0] + 3,), EDGES[0] + 3, 100.0),
             TextLine("ออนไลน์ต่างประเทศ", 750.0, 12.0, (EDGES[1] + 3,), EDGES[1] + 3, 200.0)]
    rows = mark_open(with_table_rows(lines, shut), shut, cut, lines)
    assert [(row.text, row.open_above) for row in rows] == [
        ("แพลตฟอร์มออนไลน์\tออนไลน์ต่างประเทศ\t\t", True)]


@pytest.mark.parametrize("horizontal", [
    ((28.0, EDGES[0], RIGHT), (814.0, EDGES[0], RIGHT), (400.0, EDGES[0], RIGHT)),  # closed
    (),  # column rules and no row rules: no ruled table to close
    ((400.0, EDGES[0], 200.0),),  # a rule under part of the columns only
])
def test_a_closed_table_or_columns_without_rows_get_no_rule(
        horizontal: tuple[tuple[float, float, float], ...]) -> None:
    rules = Rules(VERTICALS, horizontal)
    assert closed(rules) == (rules, Cut())


def test_the_cut_row_is_one_row_marked_open_below() -> None:
    rules, cut = closed(Rules(VERTICALS, ((202.0, EDGES[0], RIGHT), (814.0, EDGES[0], RIGHT))))
    lines = [TextLine("รายงานครั้ง", 183.0, 12.0, (37.5,), 37.5, 90.0),
             TextLine(":: 7/6/2560 : จัดประชุม", 183.0, 12.0, (111.0,), 111.0, 390.0),
             TextLine("ที่8", 160.0, 12.0, (38.0,), 38.0, 60.0),
             TextLine("คณะทำงาน", 160.0, 12.0, (111.0,), 111.0, 300.0)]
    rows = mark_open(with_table_rows(lines, rules), rules, cut)
    assert [r.text for r in rows] == ["รายงานครั้งที่8\t:: 7/6/2560 : จัดประชุมคณะทำงาน\t\t"]
    assert rows[0].open_below and not rows[0].open_above


# ------------------------------------------------------------------ furniture and the model



def test_a_header_row_repeated_on_later_pages_is_furniture() -> None:
    head = "\t".join(HEAD)
    rng = random.Random(9)
    rows = ["\t".join(_cells(rng)) for _ in range(5)]
    text, starts = paged([["แบบรายงาน", "2. รายงานความก้าวหน้า", head, rows[0], rows[1]],
                           ["12/1/26, 10:19 AM", head, rows[2], rows[3]], [""],
                           [head, rows[4], "ขอรับรองว่า"]])
    found = furniture_lines(text, starts)
    lines = text.split("\n")
    assert [lines[no - 1] for no in sorted(found)] == ["12/1/26, 10:19 AM", head, head]
    assert 3 not in found  # the header where the table starts is the table's


def test_a_repeated_row_below_the_top_of_a_page_is_content() -> None:
    head = "\t".join(HEAD)
    text, starts = paged([["แบบรายงาน", head, "ก\tข\tค\tง"], ["บทนำ", head, "จ\tฉ\tช\tซ"]])
    assert not {n for n in furniture_lines(text, starts) if "\t" in text.split("\n")[n - 1]}


def test_a_value_runs_on_past_the_page_footer_and_running_header() -> None:
    value = "โครงการปรับปรุงศาลาท่าน้ำริมคลองมหาสวัสดิ์"
    text, starts = paged([["หัวกระดาษ รายงาน", "แบบรายงาน", "ชื่อโครงการ/กิจกรรม :", "- 1 -"],
                           ["หัวกระดาษ รายงาน", value, "รหัสโครงการ : 1"]])
    doc = RepairedText.of(text, starts, furniture=furniture_lines(text, starts))
    rows = [r.text for r in doc.rows()]
    assert f"ชื่อโครงการ/กิจกรรม : {value}" in rows
    line = next(r for r in doc.rows() if r.text.startswith("ชื่อโครงการ"))
    raw = doc.raw_in(line, line.text.index(value), len(line.text))
    assert raw is not None and raw.text == value
    assert text[raw.span.char_start:raw.span.char_end] == value


def test_a_new_table_under_the_same_header_at_a_page_s_top_is_content() -> None:
    """A plan's scoring tables share one header: the next one starting a page is no repeat."""
    head = "\t".join(HEAD)
    text, starts = paged([["แบบรายงาน", "เกณฑ์ ก", head, "ก\tข\tค\tง", "เกณฑ์ ข"],
                           [head, "จ\tฉ\tช\tซ", "จบ"]])
    assert not {n for n in furniture_lines(text, starts) if "\t" in text.split("\n")[n - 1]}


# ------------------------------------------------------------------ rows an office suite cut

def _officepaged(top: list[list[str]], rest: list[str]) -> list[list[TextLine]]:
    """A row closed by rules on both pages: its pieces (``top``: each cell's lines) made
    a row as the reader does, and the rest under the next page's top rule."""
    verticals = tuple((x, 60.0, 790.0) for x in (*EDGES, RIGHT))
    page_n = Rules(verticals, ((60.0, EDGES[0], RIGHT), (400.0, EDGES[0], RIGHT),
                               (790.0, EDGES[0], RIGHT)))
    pieces = [TextLine(text, 385.0 - 16 * i, 12.0, (EDGES[k] + 3,), EDGES[k] + 3, EDGES[k] + 60)
              for k, cell in enumerate(top) for i, text in enumerate(cell)]
    row = mark_open(with_table_rows(pieces, page_n), page_n, Cut(), pieces)
    part = _row(rest, 770.0)
    return [[_row(HEAD, 700.0), *row], [part]]


def test_a_row_closed_on_both_pages_goes_on_in_the_cells_that_ran_to_its_foot() -> None:
    rng = random.Random(11)
    cells = _cells(rng)
    lines = [rng.choice(WORDS) for _ in range(21)]  # down to the page's last line
    rest = " ".join(rng.choice(WORDS) for _ in range(3))
    pages = _officepaged([[cells[0]], lines, [cells[2]], [cells[3]]], ["", rest, "", ""])
    assert pages[0][1].reach == (False, True, False, False)
    join_cut_rows(pages)
    assert pages[1] == []
    assert _letters(pages[0][1].text.split("\t")[1]) == _letters("".join(lines) + rest)


def test_a_next_row_filling_a_cell_that_ended_early_is_its_own_row() -> None:
    rng = random.Random(12)
    cells, following = _cells(rng), _cells(rng)
    lines = [rng.choice(WORDS) for _ in range(21)]
    pages = _officepaged([[cells[0]], lines, [cells[2]], [cells[3]]],
                          ["", following[1], following[2], ""])
    join_cut_rows(pages)
    assert [len(p) for p in pages] == [2, 1]


def test_a_row_that_ended_above_the_page_s_foot_is_not_joined() -> None:
    rng = random.Random(13)
    cells = _cells(rng)
    lines = [rng.choice(WORDS) for _ in range(8)]  # the row ends; the next did not fit
    pages = _officepaged([[cells[0]], lines, [cells[2]], [cells[3]]], ["", "ต่อ", "", ""])
    assert pages[0][1].reach == (False, False, False, False)
    join_cut_rows(pages)
    assert [len(p) for p in pages] == [2, 1]


def test_a_word_wrapped_at_a_space_needs_room_for_the_space_too() -> None:
    # a project's amount cut before its unit: the unit (drawn 27.7 points wide) fitted
    # the row's last line with no room left for the space before it, so it was wrapped
    unit = 27.7
    row = replace(_row(["", "", "๔. โครงการ", "๘,๓๑๗,๗๐๐.-"], 60.0, below=False),
                  reach=(False, False, True, True), room=(0.0, 0.0, 0.0, unit + 0.01))
    part = replace(_row(["", "", "ซ่อมแซมป้ายรถประจำทาง", "บาท"], 770.0),
                   lead=(0.0, 0.0, 104.1, unit))
    pages = [[_row(HEAD, 700.0), row], [part]]
    join_cut_rows(pages)
    assert pages[1] == []
    assert pages[0][1].text.split("\t")[2:] == ["๔. โครงการซ่อมแซมป้ายรถประจำทาง",
                                                 "๘,๓๑๗,๗๐๐.- บาท"]
    # a next row whose first word and its space would have fitted is a row of its own
    roomy = replace(row, room=(0.0, 0.0, 0.0, unit + 0.5 * 12.0))
    pages = [[_row(HEAD, 700.0), roomy], [part]]
    join_cut_rows(pages)
    assert [len(p) for p in pages] == [2, 1]
