"""A scanned page of tab rows printed on default tab stops: a cell's narrow gap is a tab.

LibreOffice prints a text file's tab rows by moving the pen to the next default
stop (every 1.25 cm from the left margin), however little room the cell before
left, and wraps a long row back to the margin. On a scan Tesseract gives only word
boxes: a name that ends a word space or two before a stop leaves a gap far narrower
than a tab's, and the next cell (a plan's first target) was read onto the name
(``…เมืองพี่เมืองน้อง ๗ ราย``). The TSVs below are such pages, set from known
cells the way the pen moves (:func:`_printed`, 300 dpi): every cell must come back
as a cell of its own. A page of running text whose wide spaces land anywhere is left
one cell a line; so is a word after a plain space that happens to start on a stop.
"""

from __future__ import annotations

import random

from bma_etl.read.ocr_image import PageRules
from bma_etl.read.ocr_layout import page_layout

DPI = 300
STOP = 1.25 / 2.54 * DPI  # LibreOffice's default tab stop, pixels
MARGIN = 240
RIGHT = 2240  # the text's right edge: a row wraps back to the margin past it
HEIGHT = 50  # a line's height
CHAR = 15  # a letter's width
SPACE = 20  # a word space
BEARING = 3  # a letter's ink starts this far right of its pen position

NAMES = ("ระดับความสำเร็จในการจัดกิจกรรมกระชับและส่งเสริมความสัมพันธ์กับเมืองพี่เมืองน้อง",
         "ระดับความสำเร็จในการพัฒนาระบบฐานข้อมูล สำหรับบูรณาการภารกิจของหน่วยงาน",
         "ร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไข ภายในเวลาที่กำหนด")
TARGETS = ("๗ ราย ๑๔ ผลิตภัณฑ์", "ร้อยละ ๖ ของกลุ่มเป้าหมาย", "เพิ่มขึ้น ๑๖ ราย")


def _printed(rows: list[list[str]]) -> list[list[tuple[str, int]]]:
    """Each row's cells set as a word processor sets tab text: ``[(word, ink left)]`` a line.

    The pen moves to the next stop past it for each tab; a word that does not fit
    before :data:`RIGHT` goes to the next line, at the margin.
    """
    lines: list[list[tuple[str, int]]] = []
    for row in rows:
        line: list[tuple[str, int]] = []
        pen = MARGIN
        for n, cell in enumerate(row):
            if n:
                pen = MARGIN + (int((pen - MARGIN) // STOP) + 1) * STOP
            for k, word in enumerate(cell.split()):
                pen += SPACE if k else 0
                if pen + CHAR * len(word) > RIGHT:
                    lines.append(line)
                    line, pen = [], MARGIN
                line.append((word, round(pen) + BEARING))
                pen += CHAR * len(word)
        lines.append(line)
    return lines


def _tsv(lines: list[list[tuple[str, int]]]) -> str:
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
            "\tconf\ttext"]
    for n, words in enumerate(lines, 1):
        top = 100 + 70 * n
        rows.append(f"4\t1\t1\t1\t{n}\t0\t0\t{top}\t1\t{HEIGHT}\t-1\t")
        for i, (word, left) in enumerate(words, 1):
            rows.append(f"5\t1\t1\t1\t{n}\t{i}\t{left}\t{top}\t{CHAR * len(word)}"
                        f"\t{HEIGHT}\t95\t{word}")
    return "\n".join(rows)


def _rows(seed: int) -> list[list[str]]:
    """A target table's rows: number, indicator name, one target a year, a stop apart.

    The name is padded with words until it ends 2.2-3.5 word spaces before a stop: the
    target after it starts on that stop, a gap far narrower than a tab's.
    """
    rng = random.Random(seed)
    rows = [["ลำดับที่", "ตัวชี้วัด", "ค่าเป้าหมาย"], ["", "", "๒๕๖๔", "๒๕๖๕"]]
    for n, name in enumerate(NAMES, 1):
        words: list[str] = []
        while not words:
            words = name.split()
            pen = MARGIN + STOP + CHAR * sum(map(len, words)) + SPACE * (len(words) - 1)
            while not 2.2 * SPACE <= STOP - (pen - MARGIN) % STOP <= 3.5 * SPACE:
                extra = "ก" * rng.randint(1, 4)
                words.append(extra)
                pen += SPACE + CHAR * len(extra)
                if pen > RIGHT - 2 * STOP:  # the row's first line is full: again
                    words = []
                    break
        rows.append([str(n), " ".join(words), *rng.sample(TARGETS, 2)])
    return rows


def _cells(text: str) -> list[list[str]]:
    return [[cell for cell in line.split("\t") if cell] for line in text.splitlines()]


def test_a_cell_set_on_a_stop_a_word_space_after_the_last_is_a_cell() -> None:
    for seed in range(4):
        rows = _rows(seed)
        printed = _printed(rows)
        text, _, _ = page_layout(_tsv(printed), "", PageRules(dpi=DPI))
        read = _cells(text)
        for row in rows[2:]:
            first = next(cells for cells in read if cells and cells[0] == row[0])
            # (a target that ends right at the next stop runs on into the next target:
            # no white space tells them apart on a scan)
            assert first[:2] == row[:2] and first[2].startswith(row[2]), (seed, first, row)


def test_running_text_with_wide_spaces_stays_one_cell_a_line() -> None:
    rng = random.Random(5)
    words = "การดำเนินงาน ของหน่วยงาน ร่วมกับ ภาคีเครือข่าย เพื่อให้ บรรลุ เป้าหมาย".split()
    lines = []
    for _ in range(12):
        pen, line = MARGIN, []
        for word in rng.sample(words, 6):
            line.append((word, pen + BEARING))
            pen += CHAR * len(word) + rng.choice((SPACE, SPACE, 2 * SPACE + 5, 3 * SPACE))
        lines.append(line)
    text, _, _ = page_layout(_tsv(lines), "", PageRules(dpi=DPI))
    assert "\t" not in text, text


def test_a_word_after_a_plain_space_on_a_stop_stays_in_its_cell() -> None:
    rows = _rows(0)
    printed = _printed(rows)
    # a running line whose word after a word space starts right on a stop
    word = "ก" * round((STOP - SPACE) / CHAR)
    printed.append([(word, MARGIN + BEARING), ("หมายถึง", MARGIN + BEARING
                                                + CHAR * len(word) + SPACE)])
    text, _, _ = page_layout(_tsv(printed), "", PageRules(dpi=DPI))
    assert f"{word} หมายถึง" in text.splitlines()[-1]


STEPS = ("สืบค้น ค้นคว้า และวางแผนการดำเนินการ", "ประสานงานกับหน่วยงานที่เกี่ยวข้อง",
         "จัดทำรายงานผลการดำเนินโครงการ", "ขออนุมัติโครงการและค่าใช้จ่าย")
SHARE_STOP = 5  # the stop (from the margin) a step table's share column starts on


def _step_rows(seed: int) -> list[tuple[list[str], float]]:
    """A step table's rows ``[description, share, cumulative share]`` and the gap
    (word spaces) each description leaves before the share's stop: every other row
    ends about a word space before it, the others four spaces before it.
    """
    rng = random.Random(seed)
    rows = []
    total = 0
    for n in range(6):
        words = f"{n + 1}. {rng.choice(STEPS)}".split()
        gap = rng.uniform(0.8, 1.3) if n % 2 else 4.0
        width = CHAR * sum(map(len, words)) + SPACE * len(words)
        fill = round((SHARE_STOP * STOP - gap * SPACE - width) / CHAR)
        share = rng.choice((10, 20, 30))
        total += share
        rows.append(([" ".join([*words, "ก" * fill]), str(share), str(total)],
                     (SHARE_STOP * STOP - width - CHAR * fill) / SPACE))
    return rows


def test_a_share_a_word_space_after_its_step_at_the_tables_column_is_a_cell() -> None:
    for seed in range(4):
        rows = _step_rows(seed)
        assert all(0.4 < gap < 1.8 for _, gap in rows[1::2]), rows
        printed = _printed([cells for cells, _ in rows])
        # a wrapped description's line whose number, words before its end, starts there
        at = round(MARGIN + SHARE_STOP * STOP) + BEARING
        printed.append([("ได้ครบ", at - SPACE - 6 * CHAR), ("๔", at),
                        ("ขั้นตอน", at + CHAR + SPACE),
                        ("๒๕", round(MARGIN + (SHARE_STOP + 3) * STOP) + BEARING)])
        text, _, _ = page_layout(_tsv(printed), "", PageRules(dpi=DPI))
        read = _cells(text)
        for (cells, _), got in zip(rows, read, strict=False):
            assert got == cells, (seed, got, cells)
        assert read[-1][0] == "ได้ครบ ๔ ขั้นตอน", (seed, read[-1])
