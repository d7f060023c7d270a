"""Rebuild an OCR'd page's text from Tesseract's word boxes.

Stage: read. Consumes Tesseract's TSV output (one row per word with its box
and confidence, grouped by block, paragraph and line) and its plain text (for
the spaces between words); produces the page's text in the shape the
extractors read in text files, the way :mod:`~bma_etl.read.pdf_layout` does
for a text layer, and every word with its confidence, box and offset in that
text (:class:`OcrWord`).

- Tesseract's Thai model reports nearly every character as a "word" of its own.
  Whether a space separates two of them is Tesseract's own decision, which
  ``tha`` (``preserve_interword_spaces=1``) writes in the plain text: the TSV
  words are matched to it in order and pieces written without a space between
  them become one word. When the two do not match (never seen), the gap decides:
  less than :data:`JOIN_GAP` line heights between two Thai letters is no space.
- A gap of :data:`TAB_GAP` line heights or more is a tab; the cells of a table's
  rows are aligned into columns and vertical space becomes blank lines by
  :func:`~bma_etl.read.pdf_columns.with_columns` and
  :func:`~bma_etl.read.pdf_page.with_blank_lines`, as for a text layer.
- Rows of specks are dropped: on a 1-bit scan, Tesseract reads the tone marks
  and upper vowels over a line as a line of their own (``A we ๕ ๑4 we gu``),
  of small pieces (:data:`SPECK_HEIGHT`) read with little confidence
  (:data:`SPECK_CONF`). Those rows are real marks (the ones of the line below,
  drawn high above their letter), but read as Latin junk they cannot be put
  back: keeping them is worse (12 generated scans, CER 6.5 % → 7.2 %), and
  Tesseract's plain text loses the same marks. A line cut out with its marks and
  read alone (``--psm 7``) does keep them.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from bma_etl.read.ocr_columns import column_parts
from bma_etl.read.ocr_cut_rows import with_cut_rows_closed
from bma_etl.read.ocr_image import PageRules
from bma_etl.read.ocr_rule_cells import on_rule, row_cells, rule_letter
from bma_etl.read.ocr_side_blocks import rows_across_blocks
from bma_etl.read.ocr_tabstops import TabStops, tab_stops
from bma_etl.read.ocr_tsv import MISSED_BLOCK, TsvLine, TsvPiece, parse_tsv
from bma_etl.read.pdf_columns import with_columns
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_page import line_pitches, with_blank_lines
from bma_etl.rows import separator

#: A gap between two words of this many line heights or more is a tab. On the
#: fixtures' scans a space is 0.3-0.6 line heights and a tab or table column 2.5
#: and more; pdf_layout uses 2 font sizes, a line height being about one.
TAB_GAP = 2.0
#: Without Tesseract's own spacing, two Thai pieces closer than this many line
#: heights are one word (pieces of a word: 0-0.25; spaces 0.3 and up).
JOIN_GAP = 0.28
#: A line whose pieces are (median) lower than this share of the page's usual
#: piece height (the x-height: a piece is a letter, or a letter and its marks)...
SPECK_HEIGHT = 0.75
#: ...and less sure than this (mean, 0..100) is a row of specks, not text. On the
#: fixtures' scans rows of marks have 9-16 px pieces where the x-height is 25,
#: and a mean confidence of 49-78 where lines of text have 90 and more.
SPECK_CONF = 80.0

_THAI = re.compile("[\u0e00-\u0e7f]")
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")

@dataclass(frozen=True, slots=True)
class OcrWord:
    """One word of an OCR'd page.

    ``text`` is ``page.text[start:start + len(text)]`` exactly. ``box`` is
    ``(left, top, right, bottom)`` in pixels of the image Tesseract read
    (:attr:`~bma_etl.read.ocr.OcrPage.dpi` pixels per inch, from the page's top
    left corner). ``conf`` is Tesseract's confidence, 0..100: for a word it
    reported in pieces (Thai), the least of its pieces'. ``doubted``: OCR's Thai
    and English models read the word's digits otherwise (:mod:`.ocr_rereads`);
    ``conf`` stays Tesseract's own. ``agreed``: the glyph reader read its Thai digits
    as Tesseract did (:data:`~.ocr_tsv.AGREED`), every piece of it.
    """

    text: str
    conf: float
    box: tuple[int, int, int, int]
    start: int
    doubted: bool = False
    agreed: bool = False

    def at(self, start: int) -> OcrWord:
        """The same word at offset ``start``."""
        return OcrWord(self.text, self.conf, self.box, start, self.doubted, self.agreed)

    @property
    def end(self) -> int:
        """Offset just past the word in the page text."""
        return self.start + len(self.text)


def _in_reading_order(lines: list[TsvLine]) -> list[TsvLine]:
    """Lines read again from missed bands put before the first line below them."""
    missed = [line for line in lines if line.pieces[0].line[0] >= MISSED_BLOCK]
    if not missed:
        return lines
    out = [line for line in lines if line.pieces[0].line[0] < MISSED_BLOCK]
    for line in sorted(missed, key=lambda ln: ln.pieces[0].top):
        top = min(p.top for p in line.pieces)
        at = next((i for i, other in enumerate(out)
                   if min(p.top for p in other.pieces) > top), len(out))
        out.insert(at, line)
    return out


def align_spaces(lines: list[TsvLine], text: str) -> bool:
    """Set each piece's ``spaces`` from Tesseract's plain ``text``; False if they differ."""
    pos = 0
    for line in lines:
        for piece in line.pieces:
            spaces = 0
            while pos < len(text) and text[pos].isspace():
                spaces += text[pos] == " "
                pos += 1
            if not text.startswith(piece.text, pos):
                for other in line.pieces:
                    other.spaces = None
                return False
            piece.spaces = spaces
            pos += len(piece.text)
    return True


def page_layout(tsv: str, text: str = "", rules: PageRules | None = None
                ) -> tuple[str, tuple[OcrWord, ...], float | None]:
    """The page's text, its words and their mean confidence (None when no word was read).

    ``tsv`` and ``text`` are Tesseract's ``tsv`` and ``txt`` outputs of the
    same recognition; ``rules``, the page's drawn rules (:func:`~.ocr_image.page_rules`):
    each row of a ruled table becomes one line of tab-separated cells
    (:func:`_table_rows`), a row the page cuts too (:mod:`.ocr_cut_rows`).
    """
    lines = parse_tsv(tsv)
    if not lines:
        return "", (), None
    aligned = align_spaces(lines, text)
    lines = _without_specks(_in_reading_order(lines))
    size = float(round(statistics.median(line.height for line in lines)))
    texts: list[str] = []
    words: list[OcrWord] = []
    at = 0
    for part in column_parts(lines):  # a page set in two columns: the left one first
        part_text, part_words = _part_layout(rows_across_blocks(part), size, aligned, rules)
        texts.append(part_text)
        words.extend(w.at(at + w.start) for w in part_words)
        at += len(part_text) + 1
    kept = [p.conf for line in lines for p in line.pieces]
    return "\n".join(texts), tuple(words), round(sum(kept) / len(kept), 2)


def _part_layout(lines: list[TsvLine], size: float, aligned: bool, rules: PageRules | None
                 ) -> tuple[str, list[OcrWord]]:
    """The text of ``lines`` (a page, or one column of it) and its words, offsets from 0."""
    grouped = _table_rows(lines, with_cut_rows_closed(rules)) \
        if rules is not None and rules.vertical else lines
    stops = tab_stops([line for line in grouped if not isinstance(line, _Row)],
                      rules.dpi if rules is not None else 0.0, TAB_GAP)
    built = [_build_row(line, size, aligned) if isinstance(line, _Row)
             else _build_line(line, size, aligned, stops=stops) for line in grouped]
    text_lines = [tl for tl, _ in built]
    laid = with_columns(with_blank_lines(text_lines, line_pitches([text_lines])))
    out = "\n".join(line.text for line in laid)
    words: list[OcrWord] = []
    line_start = 0
    cells_of = iter([cells for _, cells in built])
    for line in laid:
        if line.text:  # a line of words; with_blank_lines adds empty ones only
            at = 0
            for cell in next(cells_of):
                cell_text = "".join(w.text if isinstance(w, OcrWord) else w for w in cell)
                at = line.text.index(cell_text, at)
                words.extend(w.at(line_start + at + w.start)
                             for w in cell if isinstance(w, OcrWord))
                at += len(cell_text)
        line_start += len(line.text) + 1
    return out, words


# ------------------------------------------------------------------ ruled tables

#: Slack (inches) for a word on a rule's ends and for rules that cross.
RULE_SLACK = 0.04
#: A band holding more lines of text than this is a frame around text, not a table row
#: (lines counted by their height on the page, :func:`_text_lines`: a form's report
#: cell wrapped over 15 lines beside its flags' cells is a row; a page holds 45 or more).
MAX_LINES_PER_ROW = 40


@dataclass(slots=True)
class _Row:
    """A ruled table's row: the pieces of each of its columns, line by line."""

    key: tuple[int, int, int, int]  # top and bottom rules' y, the table's left and right
    edges: tuple[int, ...]  # left edge of every column
    columns: list[list[TsvLine]]
    first: TsvLine


def _table_rows(lines: list[TsvLine], rules: PageRules) -> list[TsvLine | _Row]:
    """The lines with those inside one ruled table row gathered into a :class:`_Row`.

    A table drawn as boxes wraps each cell inside its column, and Tesseract reads
    a row as lines across the cells (``รายงานครั้`` / ``งที่1``): the pieces of
    each cell are put back together, as :mod:`.pdf_tables` does for a text layer.
    A line only partly inside one row stays as it is. A rule's speck
    (:func:`~.ocr_rule_cells.on_rule`) is left out of a line that is a row without
    it; a line that is no row loses only a rule read as a letter
    (:func:`~.ocr_rule_cells.rule_letter`): what stands on a line outside a table,
    or a letter's own stroke taken for a rule, is text.
    """
    slack = RULE_SLACK * rules.dpi
    placed: dict[int, tuple[tuple[int, int, int, int], tuple[int, ...],
                            list[tuple[int, TsvPiece]]]] = {}
    for index, line in enumerate(lines):
        kept = [p for p in line.pieces if not on_rule(p, rules, slack)]
        if not kept:
            continue
        cells = row_cells(TsvLine(line.height, kept), rules, slack)
        if cells is None:  # no row: only a rule read as a letter is left out
            letters = [p for p in line.pieces if not rule_letter(p, rules, slack)]
            if letters:
                lines[index] = TsvLine(line.height, letters)
            continue
        line = lines[index] = TsvLine(line.height, kept)
        first = cells[0]
        placed[index] = (first[0], first[2],
                         [(c[1], p) for c, p in zip(cells, line.pieces, strict=True)])
    members: dict[tuple[int, int, int, int], list[int]] = {}
    for index, (key, _, _) in placed.items():
        members.setdefault(key, []).append(index)
    out: list[TsvLine | _Row] = []
    done: set[tuple[int, int, int, int]] = set()
    for index, line in enumerate(lines):
        if index not in placed or _text_lines(members[placed[index][0]], lines) \
                > MAX_LINES_PER_ROW:
            out.append(line)
            continue
        key, edges, _ = placed[index]
        if key in done:
            continue
        done.add(key)
        columns: list[list[TsvLine]] = [[] for _ in edges]
        for member in sorted(members[key], key=lambda i: min(p.top for p in lines[i].pieces)):
            by_column: dict[int, list[TsvPiece]] = {}
            for column, piece in placed[member][2]:
                by_column.setdefault(column, []).append(piece)
            for column, pieces in by_column.items():
                columns[column].append(TsvLine(lines[member].height, pieces))
        out.append(_Row(key, edges, columns, line))
    return _rows_top_down(out)


def _text_lines(members: list[int], lines: list[TsvLine]) -> int:
    """How many lines of text the ``lines`` at ``members`` stand on, top to bottom.

    Tesseract gives each cell's lines apart, so the cells of a row side by side make
    several lines at one height: a line starting more than half a line's height under
    the first of the lines before it starts a new one (a report's 15 lines beside its
    flags' 2 and 2 are 15).
    """
    tops = sorted(min(p.top for p in lines[i].pieces) for i in members)
    height = statistics.median(lines[i].height for i in members)
    count, first = 0, None
    for top in tops:
        if first is None or top - first > height / 2:
            count, first = count + 1, top
    return count


def _rows_top_down(out: list[TsvLine | _Row]) -> list[TsvLine | _Row]:
    """``out`` with each ruled table's rows in the places its rows hold, top row first.

    Tesseract may read a row's cells as a block before the rows above it (the
    last report of a form first): a row goes where its rules put it on the page.
    """
    places: dict[tuple[int, int], list[tuple[int, _Row]]] = {}
    for at, item in enumerate(out):
        if isinstance(item, _Row):
            places.setdefault((item.key[2], item.key[3]), []).append((at, item))
    for held in places.values():
        rows = sorted((row for _, row in held), key=lambda row: row.key[0])
        for (at, _), row in zip(held, rows, strict=True):
            out[at] = row
    return out


def _build_row(row: _Row, size: float, aligned: bool) -> tuple[TextLine, list[_Cell]]:
    """A ruled table row as one line of tab-separated cells, empty cells kept.

    A cell's lines are joined as :func:`bma_etl.rows.separator` joins a wrap:
    nothing between two Thai letters, a space otherwise.
    """
    cells: list[_Cell] = []
    for pieces_by_line in row.columns:
        cell: _Cell = []
        offset = 0
        last = ""
        for line in pieces_by_line:
            _, (part,) = _build_line(TsvLine(line.height, line.pieces), size, aligned,
                                     one_cell=True)
            text = "".join(w.text if isinstance(w, OcrWord) else w for w in part)
            between = separator(last, text)
            if between:
                cell.append(between)
                offset += len(between)
            for w in part:
                if isinstance(w, OcrWord):
                    cell.append(w.at(offset + w.start))
                else:
                    cell.append(w)
            offset += len(text)
            last = text
        cells.append(cell)
    text = "\t".join("".join(w.text if isinstance(w, OcrWord) else w for w in c) for c in cells)
    baseline = -statistics.median(p.bottom for p in row.first.pieces)
    table = (row.key[2], row.key[3])
    return TextLine(text, baseline, size, tuple(float(x) for x in row.edges),
                    table=table), cells


def _agreed(pieces: list[TsvPiece]) -> bool:
    """Whether the glyph reader read alike every piece of a word holding a Thai digit."""
    digits = [p for p in pieces if _THAI_DIGIT.search(p.text)]
    return bool(digits) and all(p.agreed for p in digits)


def _without_specks(lines: list[TsvLine]) -> list[TsvLine]:
    usual = statistics.median(p.height for line in lines for p in line.pieces)
    return [line for line in lines
            if statistics.median(p.height for p in line.pieces) >= SPECK_HEIGHT * usual
            or sum(p.conf for p in line.pieces) / len(line.pieces) >= SPECK_CONF]


# A cell is a list of words and the spaces between them: OcrWord.start is the
# offset in the cell's text until page_layout makes it the offset in the page.
_Cell = list[OcrWord | str]


def _build_line(line: TsvLine, size: float, aligned: bool, one_cell: bool = False,
                stops: TabStops | None = None) -> tuple[TextLine, list[_Cell]]:
    """``line`` as one line of tab-separated cells (one cell with ``one_cell``).

    White space of :data:`TAB_GAP` line heights is a tab, and so is a narrower one
    that ends on one of the page's tab ``stops`` (:mod:`.ocr_tabstops`), or, on a
    line with a tab, a word space before a number alone in a table's column's cell
    (``TabStops.with_cell_starts``).
    """
    height = max(line.height, size / 2)  # a line of digits only is lower
    pairs = list(zip(line.pieces, line.pieces[1:], strict=False))
    tabs = [not one_cell and (b.left - a.right >= TAB_GAP * height or (
        stops is not None and stops.is_tab(b.left - a.right, b.left))) for a, b in pairs]
    if stops is not None and any(tabs):
        tabs = stops.with_cell_starts(line.pieces, tabs, height, [
            _joined(a, b, b.left - a.right, height, aligned) for a, b in pairs])
    groups: list[list[list[TsvPiece]]] = [[[line.pieces[0]]]]  # cells → words → pieces
    for tab, (before, piece) in zip(tabs, pairs, strict=True):
        gap = piece.left - before.right
        if tab:
            groups.append([[piece]])
        elif _joined(before, piece, gap, height, aligned):
            groups[-1][-1].append(piece)
        else:
            groups[-1].append([piece])
    cells: list[_Cell] = []
    for group in groups:
        cell: _Cell = []
        offset = 0
        for i, pieces in enumerate(group):
            if i:
                cell.append(" ")
                offset += 1
            word = "".join(p.text for p in pieces)
            box = (min(p.left for p in pieces), min(p.top for p in pieces),
                   max(p.right for p in pieces), max(p.bottom for p in pieces))
            cell.append(OcrWord(word, min(p.conf for p in pieces), box, offset,
                                any(p.doubted for p in pieces),
                                _agreed(pieces)))
            offset += len(word)
        cells.append(cell)
    text = "\t".join("".join(w.text if isinstance(w, OcrWord) else w for w in c)
                     for c in cells)
    baseline = -statistics.median(p.bottom for p in line.pieces)  # y grows upwards, as in PDF
    starts = tuple(float(group[0][0].left) for group in groups)
    return TextLine(text, baseline, size, starts), cells


def _joined(before: TsvPiece, piece: TsvPiece, gap: int, height: float, aligned: bool) -> bool:
    if aligned and piece.spaces is not None:
        return piece.spaces == 0
    return (gap < JOIN_GAP * height and bool(_THAI.search(before.text[-1:]))
            and bool(_THAI.search(piece.text[:1])))
