"""An OCR'd ruled table's wrapped cells, laid out from Tesseract's boxes.

The inputs are written from known values: a table's rules (pixels, 300 dpi) and
the word pieces Tesseract reports inside its cells, line by line, with what a scan
adds that Tesseract reads as pieces of their own, as it did on the 19th outside
test's 240 dpi scan of a Word plan:

- a speck where two rules cross (``.`` two pixels high on a row's top rule), a
  rule's rough foot read ``|`` standing on the rule, and a rule and a digit's
  edge read ``2.`` across a column rule;
- a tone mark over the first line of a cell with no room above its text, its box
  over the rule above the row.

Each of them put the row's lines out of the row: the cells stayed lines across the
table, a name's second line a row of its own whose text went on the unit. The row
must come back as one line of cells, each cell's lines joined, the specks left out.
A row a page break cut (its rest at the next page's top, the first column empty)
is one row again (:mod:`bma_etl.read.ocr_page_rows`).
"""

from __future__ import annotations

from bma_etl.read.ocr_image import PageRules
from bma_etl.read.ocr_layout import OcrWord, page_layout
from bma_etl.read.ocr_page_rows import goes_on, rows_across_pages
from bma_etl.read.pdf import PdfPage

#: Column edges of a four-column table (pixels): number, name, budget, unit.
EDGES = (150, 400, 1200, 1700, 2300)
#: The rows' rules: the header's top, the header's foot (= the row's top), the row's foot.
TOPS = (200, 300, 520)


def _rules() -> PageRules:
    horizontal = tuple((y, EDGES[0], EDGES[-1]) for y in TOPS)
    vertical = tuple((x, TOPS[0], TOPS[-1]) for x in EDGES)
    return PageRules(horizontal, vertical, 300.0)


def _tsv(lines: list[list[tuple[str, int, int, int, int]]]) -> str:
    """Tesseract's TSV of ``lines``, each of pieces ``(text, left, top, right, bottom)``."""
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth"
            "\theight\tconf\ttext"]
    for n, line in enumerate(lines, start=1):
        top, bottom = min(p[2] for p in line), max(p[4] for p in line)
        rows.append(f"4\t1\t1\t1\t{n}\t0\t{line[0][1]}\t{top}\t100\t{bottom - top}\t-1\t")
        for k, (text, left, t, right, b) in enumerate(line, start=1):
            rows.append(f"5\t1\t1\t1\t{n}\t{k}\t{left}\t{t}\t{right - left}\t{b - t}\t95\t{text}")
    return "\n".join(rows) + "\n"


def _word_pieces(text: str, left: int, top: int) -> list[tuple[str, int, int, int, int]]:
    """A run of letters as Tesseract's Thai pieces: one letter each, 30 px wide, 40 high."""
    return [(ch, left + 30 * k, top, left + 30 * k + 28, top + 40) for k, ch in enumerate(text)]


def _row_text(lines: list[list[tuple[str, int, int, int, int]]]) -> list[str]:
    text, _, _ = page_layout(_tsv(lines), "", _rules())
    return [line for line in text.split("\n") if line.strip()]


HEADER = [*_word_pieces("ลำดับ", 160, 230), *_word_pieces("ชื่อ", 410, 230),
          *_word_pieces("งบ", 1210, 230), *_word_pieces("ส่วน", 1710, 230)]


def _row(first_extra: list[tuple[str, int, int, int, int]]
         ) -> list[list[tuple[str, int, int, int, int]]]:
    """The header and a row whose name and unit wrap over two lines; ``first_extra``
    goes with the row's first line, as Tesseract reads it."""
    first = [*_word_pieces("๑", 160, 320), *_word_pieces("โครงการจัด", 410, 320),
             *_word_pieces("๕๐๐", 1210, 320), *_word_pieces("ส่วนแผน", 1710, 320),
             *first_extra]
    first.sort(key=lambda p: p[1])
    second = [*_word_pieces("ทำแผนที่", 410, 380), *_word_pieces("ที่ฯ", 1710, 380)]
    return [HEADER, first, second]


def test_a_speck_where_rules_cross_keeps_the_row_whole() -> None:
    speck = [(".", 398, 299, 403, 301)]  # two pixels high, on the row's top rule
    assert _row_text(_row(speck))[1] == "๑\tโครงการจัดทำแผนที่\t๕๐๐\tส่วนแผนที่ฯ"


def test_a_mark_over_the_rule_above_keeps_the_row_whole() -> None:
    mark = [("\u0e49", 712, 286, 722, 298)]  # a tone mark, its box above the rule at 300
    lines = _row_text(_row(mark))
    assert len(lines) == 2, lines
    number, name, budget, unit = lines[1].split("\t")
    assert (number, budget, unit) == ("๑", "๕๐๐", "ส่วนแผนที่ฯ")
    assert name.startswith("โครงการจัด") and name.endswith("ทำแผนที่"), name


def test_a_rough_rule_read_as_a_stroke_and_a_digit_read_across_a_rule_are_left_out() -> None:
    stroke = [("|", 2000, 505, 2004, 521)]  # its foot on the row's bottom rule at 520
    across = [("2.", 385, 320, 420, 420)]  # the column rule at 400 runs through it
    assert _row_text(_row(stroke + across))[1] == "๑\tโครงการจัดทำแผนที่\t๕๐๐\tส่วนแผนที่ฯ"


def _page(text: str) -> PdfPage:
    words, at = [], 0
    for line in text.split("\n"):
        for cell in line.split("\t"):
            for word in cell.split():
                start = text.index(word, at)
                words.append(OcrWord(word, 90.0, (0, 0, 1, 1), start))
                at = start + len(word)
            at += 1
    return PdfPage(text=text, kind="image", ocr=True, words=tuple(words))


def test_a_row_a_page_break_cut_is_one_row_again_its_words_moved_with_it() -> None:
    row = "๑\tโครงการจัดทำแผนที่ภาษี\t๒๑๒,๕๐๐,๐๐๐.- บาท\tส่วนแผนที่ฯ"
    before = _page(f"สรุปโครงการ\nลำดับที่\tชื่อโครงการ\tงบประมาณ\tส่วนราชการ\n{row}\n")
    after = _page("\tและทะเบียนทรัพย์สิน กรุงเทพมหานคร\t\t\n\tโครงการสำรวจ\t๔๘ บาท\tส่วนสำรวจฯ")
    first, second = rows_across_pages([before, after])
    assert first.text.split("\n")[2] == (
        "๑\tโครงการจัดทำแผนที่ภาษีและทะเบียนทรัพย์สิน กรุงเทพมหานคร\t"
        "๒๑๒,๕๐๐,๐๐๐.- บาท\tส่วนแผนที่ฯ")
    assert second.text == "\tโครงการสำรวจ\t๔๘ บาท\tส่วนสำรวจฯ"
    for page in (first, second):
        assert all(page.text[w.start:w.end] == w.text for w in page.words)
    assert [w.text for w in first.words][5:] == [
        "๑", "โครงการจัดทำแผนที่ภาษี", "และทะเบียนทรัพย์สิน", "กรุงเทพมหานคร",
        "๒๑๒,๕๐๐,๐๐๐.-", "บาท", "ส่วนแผนที่ฯ"]
    assert len(first.words) + len(second.words) == len(before.words) + len(after.words)


def test_a_next_row_is_no_rest_of_the_row_above() -> None:
    row = ["๑", "ด้านบริหาร", "๑. โครงการจัดซื้อ", "๘๔๕ บาท"]
    assert not goes_on(row, ["", "", "๒. โครงการเช่า", "๑๒ บาท"])  # the next item
    assert not goes_on(["๑", "โครงการ", "๑ บาท", "ส่วน"], ["", "โครงการ", "๒ บาท", "ส่วน"])
    assert not goes_on(["๑", "โครงการ", "", "ส่วน"], ["", "ต่อ", "๒ บาท", ""])  # empty above
    assert goes_on(["๑", "โครงการ", "๑ บาท", "ส่วน"], ["", "ต่อ", "", "แผนที่ฯ"])


def test_a_number_cell_ocr_read_as_letters_leaves_the_table_read_by_its_cells() -> None:
    """``เจ`` for ``๖`` in a ruled table's number cell: the table is still read cell by
    cell, each wrapped name's rest (a line of its own, no number, no budget) on its name."""
    from bma_etl.layouts.annual_action_plan import extract

    from read_back import records_of

    names = [("โครงการจัดทำแผนที่ภาษี", "และทะเบียนทรัพย์สิน", "ส่วนแผนที่ฯ"),
             ("โครงการสำรวจข้อมูล", "อาคารสามมิติ", "ส่วนสำรวจฯ"),
             ("โครงการปรับปรุงหมุด", "หลักฐานแผนที่", "ส่วนระบบสารสนเทศฯ")]
    rows = []
    for number, (name, rest, unit) in zip(("๑", "๒", "เจ"), names, strict=True):
        rows += [f"{number}\t{name}\t๑,๐๐๐,๐๐๐.- บาท\t{unit}", f"\t{rest}\t\t"]
    text = "\n".join([
        "แผนปฏิบัติการประจำปี พ.ศ. 2568", "กองสารสนเทศภูมิศาสตร์",
        "สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. 2568",
        "โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. 2568",
        "ลำดับที่\tชื่อโครงการ\tงบประมาณ\tส่วนราชการที่รับผิดชอบ", *rows,
        "รวมงบประมาณทั้งสิ้น\t\t๓,๐๐๐,๐๐๐.- บาท\t"]) + "\n"
    got = [("".join(r.name.split()), r.responsible_unit)  # (a wrap kept as a line break)
           for r in records_of(extract, text)["plan_projects"]]
    assert got == [(name + rest, unit) for name, rest, unit in names]


def test_a_letters_own_stroke_found_as_a_rule_leaves_its_text_outside_a_table() -> None:
    """A 300 dpi scan on a page declared at 72 dpi: a rule is 0.4 inch, 29 pixels, and a
    digit's or a letter's stroke is found as one. ``1.``, ``1.1``, ``2566`` and a ``|`` or
    ``.`` beside a heading are text there: no ruled table holds them (a line under a
    label is no row's rule either)."""
    heading = [("1.1", 100, 300, 160, 340), *_word_pieces("รหัส", 180, 300)]
    year = [*_word_pieces("ปีงบ", 100, 380), (":", 230, 380, 240, 420),
            ("2566", 260, 380, 360, 420), ("1", 380, 380, 392, 421)]
    strokes = [(112, 300, 340), (140, 300, 340), (270, 380, 420), (300, 380, 420),
               (386, 380, 420)]  # the digits' own strokes, as long as they are tall
    under = ((421, 100, 400),)  # a line under the year, which the ``1`` stands on
    text, _, _ = page_layout(_tsv([heading, year]), "", PageRules(under, strokes, 72.0))
    assert text.split("\n") == ["1.1 รหัส", "ปีงบ : 2566 1"], text
