"""A value's line breaks: which of those a page made go, and which stand for a space.

Part of the document model (:mod:`bma_etl.document`), used by normalize on the
values read from a page (a PDF's text layer or OCR): a value that runs over lines
keeps its writer's line breaks (a blank line, a short line, a line that starts an
item) and loses the page's wraps, which stand for nothing inside Thai text or a
cut number (:func:`bma_etl.rows.separator`) and for a space where the Unicode line
breaking rules give no break without one (:func:`wrap_space`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from bma_etl.document import Raw
from bma_etl.provenance import Span
from bma_etl.rows import _CUT_NUMBER_END, _OWN_START, separator

#: Of the starts of a line of its own, those of an item or a label (a number
#: alone, ``3 รุ่น``, goes on a text).
_ITEM_START = re.compile(_OWN_START.pattern.replace("[.)]?\\s", "[.)]\\s"))


def wrap_break(left: str, right: str) -> str:
    r"""What a line break between two lines of one value on a page stands for.

    A page wraps a value's lines where its column is full, so a break the
    :func:`separator` sets nothing at (two Thai letters, a cut number, a hyphen
    or slash that ends a word) is no break of the writer's and goes; one before
    a line that starts something of its own (a number, a bullet, a label) or
    where the separator puts a space stays a line break. White space the page
    kept at the break (a space written before the wrap) is the writer's: it stays.

    >>> [wrap_break(a, b) for a, b in [("ทุก", "ด้าน"), ("ทุก ", "ด้าน"), ("Covid-", "19"),
    ...                                  ("โครงการ", "2. เพื่อ"), ("2570", "ณ กรุง"),
    ...                                  ("จำนวน 2,500,0", "00 บาท")]]
    ['', '\n', '', '\n', '\n', '']
    """
    if not left or not right or left[-1].isspace() or right[0].isspace():
        return "\n"
    own = _OWN_START.match(right) and not _CUT_NUMBER_END.search(left)  # not ``2,500,0`` / ``00``
    if (own and left[-1] not in "-/,") or separator(left, right):
        return "\n"  # (a line that ends in ``-`` ``/`` ``,`` goes on: ``10-`` / ``16 เมษายน``)
    return ""


def _none(_at: int) -> bool:
    return False

#: Line breaks inside a value, with the white space around them.
_BREAK = re.compile("[ \t]*(?:\n[ \t]*)+")


def unwrapped_text(text: str, kept: Callable[[int], bool] = _none,
                   spaced: Callable[[int], bool] = _none) -> str:
    r"""``text`` (one value read from a page) without the line breaks the page made.

    Each line break goes or stays as :func:`wrap_break` says; a blank line (two
    breaks) is a paragraph, a break with a space beside it and one ``kept`` names
    (by the index of its ``\n`` in ``text``: :func:`writer_breaks`) the writer's:
    they stay. A break ``spaced`` names (the reader saw the page wrap at a space:
    :func:`spaced_breaks`) is a space. Tabs beside a break are the page's cells.

    >>> unwrapped_text("เจริญเติบโตในทุก\nด้าน รวมทั้ง\n\nย่อหน้า\n1. ข้อ")
    'เจริญเติบโตในทุกด้าน รวมทั้ง\n\nย่อหน้า\n1. ข้อ'
    """
    if "\n" not in text:
        return text
    out: list[str] = []
    done = 0
    for found in _BREAK.finditer(text):
        a, b = found.span()
        run = found.group()
        out.append(text[done:a])
        space = run.count("\n") == 1 and "\t" not in run and spaced(a + run.index("\n"))
        keep = run.count("\n") > 1 or " " in run or kept(a + run.index("\n")) \
            or wrap_break(text[:a], text[b:])
        out.append(" " if space else run if keep else "")
        done = b
    out.append(text[done:])
    return "".join(out)


def spaced_breaks(text: str, spaced: frozenset[int],
                  wraps: frozenset[int] = frozenset()) -> Callable[[int], bool]:
    """Whether the break at an offset of ``text`` stands for a space (1-based line numbers).

    It does after a line of ``spaced`` (the page wrapped it at a space), and after
    one of ``wraps`` (the page wrapped it: it is full against its column) where a
    line breaker breaks only at a space (:func:`wrap_space`).
    """
    if not spaced and not wraps:
        return _none
    starts = [m.start() for m in re.finditer("\n", text)]

    def at_space(at: int) -> bool:
        no = bisect_right(starts, at - 1) + 1
        if no in spaced or no not in wraps:
            return no in spaced
        return wrap_space(text[max(0, at - 40):at].rpartition("\n")[2],
                          text[at + 1:at + 41].partition("\n")[0])

    return at_space


def wrap_space(left: str, right: str) -> bool:
    """Whether a page that wrapped a full line between ``left`` and ``right`` broke at a space.

    By the Unicode line breaking rules (UAX #14, which ICU, so browsers, LibreOffice
    and Word follow) a line breaks with no space only between two Thai words (a
    dictionary break), after a hyphen or slash and at a few punctuation marks, where
    :func:`separator` sets nothing; between a letter and a digit (LB23), two letters
    (LB28: Thai and Latin) or a letter and an opening bracket (LB30) only at a
    space. A next line that starts an item or a label (``2.``, ``(3)``, ``-``,
    ``ผลการดำเนินงาน :``) is taken as the writer's line.

    >>> [wrap_space(a, b) for a, b in [("งวดที่", "3 และ"), ("กรุงจากาตาร์", "(สาธารณรัฐ"),
    ...                                  ("ทูต", "PM 2.5"), ("Conference)", "สำนักงาน"),
    ...                                  ("ทุก", "ด้าน"), ("โครงการ", "2. เพื่อ"), ("Covid-", "19")]]
    [True, True, True, True, False, False, False]
    """
    return bool(left.strip() and right.strip()) and separator(left, right) == " " \
        and not _ITEM_START.match(right)


def writer_breaks(text: str, wraps: frozenset[int]) -> Callable[[int], bool]:
    """Whether the line break at an offset of ``text`` (a page's) is known to be the writer's.

    It is when the reader measured the line and saw it end before the margin (a
    line of running text, no cells: no tab in it or the next, that the reader did
    not find wrapped: ``wraps``, 1-based line numbers) and the line is short
    beside the one before or after it (:data:`SHORT_LINE`). Lines of table cells
    are not measured: their breaks are not known; nor are narrow lines
    (:data:`NARROW_LINE`) of a run right under a row of cells, no blank line
    between (a cell the reader could not close, a ruled row a page break cut:
    ``5. จัดทำ<tab>20`` / ``รายงานสรุป`` / ``บริหาร``).
    """
    starts: list[int] = []
    under: list[bool] = []  # by line index: a line of a run right under a row of cells
    widest: list[int] = []

    def kept(at: int) -> bool:
        if not starts:
            starts.extend([0, *(m.end() for m in re.finditer("\n", text))])
            cells = False
            for line in text.split("\n"):
                under.append(cells and bool(line.strip()) and "\t" not in line)
                cells = "\t" in line or under[-1]
        no = bisect_right(starts, at)  # the line the break ends
        if no in wraps or no >= len(starts):
            return False
        line, following = _line(text, starts, no), _line(text, starts, no + 1)
        if not line.strip() or not following.strip() or "\t" in line + following:
            return False
        around = max(_width(following), _width(_line(text, starts, no - 1)))
        if under[no - 1] and not widest:  # measured once, when first needed
            widest.append(max(_width(line) for line in text.split("\n")))
        if under[no - 1] and around < NARROW_LINE * widest[0]:
            return False  # a narrow cell's lines under its row: nothing to measure them by
        return _width(line) < SHORT_LINE * around

    return kept


#: A line of running text is short (ends where its writer broke it) when it is
#: narrower than this share of the line before or after it (a page fills its lines
#: to within a word; the reader's margin may be wrong for a narrow column).
SHORT_LINE = 0.85
#: Lines whose neighbours are all narrower than this share of the text's widest line
#: are a column's, not running text's (a page's text is as wide as its widest line).
NARROW_LINE = 0.5
_MARK_CHARS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+")


def _line(text: str, starts: list[int], no: int) -> str:
    """Line ``no`` (1-based) of ``text`` (``starts``: each line's offset), or ``""``."""
    if not 1 <= no <= len(starts):
        return ""
    end = text.find("\n", starts[no - 1])
    return text[starts[no - 1]:end if end >= 0 else None]


def _width(line: str) -> int:
    """How wide ``line`` is set, in letters (Thai marks take no width)."""
    line = line.strip()
    return len(_MARK_CHARS.sub("", line))


def unwrapped(value: Raw | list[Raw], text: str, merge: bool,
              kept: Callable[[int], bool] = _none,
              spaced: Callable[[int], bool] = _none) -> Raw | list[Raw]:
    """A value read from a page, without the line breaks the page made (:func:`wrap_break`).

    ``text`` is the document text the spans index; ``kept`` names the breaks (by
    offset in ``text``) known to be the writer's (:func:`writer_breaks`). Each
    piece's own line breaks go by :func:`unwrapped_text`; with ``merge`` (a value
    of one running text, not a list of items), two pieces on consecutive lines
    the page wrapped between become one piece spanning both. ``spaced`` names
    the breaks (by offset in ``text``) the page wrapped at a space (:func:`spaced_breaks`).
    """
    if isinstance(value, Raw) and "\n" not in value.text:
        return value  # most values: one piece on one line, nothing a page wrapped
    pieces = [value] if isinstance(value, Raw) else value
    out: list[Raw] = []
    for raw in pieces:
        at = raw.span.char_start
        own = (_joined_breaks(raw, text, kept), _joined_breaks(raw, text, spaced, False)) \
            if raw.joined else (_shifted(kept, at), _shifted(spaced, at))
        flat = unwrapped_text(raw.text, *own)
        if flat != raw.text:
            raw = replace(raw, text=flat, joined=True)
        at = text.find("\n", out[-1].span.char_end) if out else -1
        if merge and out and (_consecutive(out[-1], raw, text) or _cell_below(out[-1], raw, text)) \
                and not kept(at) \
                and (spaced(at) or not wrap_break(out[-1].text, raw.text)):
            last = out[-1]
            span = Span(last.span.line_no, last.span.char_start, raw.span.char_end,
                        last.span.page)
            raw = Raw(last.text + (" " if spaced(at) else "") + raw.text, span,
                      last.low_confidence or raw.low_confidence, joined=True)
            out[-1] = raw
            continue
        out.append(raw)
    if isinstance(value, Raw):
        return out[0]
    return out


def _joined_breaks(raw: Raw, text: str, kept: Callable[[int], bool],
                   blank: bool = True) -> Callable[[int], bool]:
    """``kept`` for a value a layout joined from lines (its breaks by offset in ``raw.text``).

    Its line breaks stand for the page's between the lines it spans: when the two
    agree in number, a break is the writer's where the page's is a blank line
    (with ``blank``) or one ``kept`` names (a list item's lines set apart as
    paragraphs); otherwise none is known.
    """
    own = list(_BREAK.finditer(raw.text))
    page = list(_BREAK.finditer(text, raw.span.char_start, raw.span.char_end))
    if len(own) != len(page):
        return lambda _at: False
    writer = {a.start() + a.group().index("\n") for a, b in zip(own, page, strict=True)
              if (blank and b.group().count("\n") > 1) or kept(b.start() + b.group().index("\n"))}
    return writer.__contains__


def _shifted(kept: Callable[[int], bool], base: int) -> Callable[[int], bool]:
    """``kept`` for offsets counted from ``base``."""
    return lambda at: kept(base + at)


def _cell_below(first: Raw, second: Raw, text: str) -> bool:
    r"""Whether ``second`` goes on ``first``'s table cell on the next line.

    ``first`` ends its cell (a tab or the line's end follows, whatever the later
    cells hold) and ``second`` starts the next line in the same column: as many
    tabs before it as before ``first`` (``5. จัดทำ\t20\t100`` / ``รายงานสรุป``). A
    cell the reader could not close (a ruled row a page break cut) comes so.

    >>> t = "5. จัดทำ\t20\t100\nรายงาน\t\n"
    >>> _cell_below(Raw("จัดทำ", Span(1, 3, 8)), Raw("รายงาน", Span(2, 16, 22)), t)
    True
    """
    between = text[first.span.char_end:second.span.char_start]
    if first.span.char_end > second.span.char_start or between.count("\n") != 1:
        return False
    rest, _, lead = between.partition("\n")
    if (rest.strip(" ") and not rest.lstrip(" ").startswith("\t")) or lead.strip("\t "):
        return False
    line_start = text.rfind("\n", 0, first.span.char_start) + 1
    return text.count("\t", line_start, first.span.char_start) == lead.count("\t")


def _consecutive(first: Raw, second: Raw, text: str) -> bool:
    """Whether ``second`` starts on the line after the one ``first`` ends on, nothing between."""
    between = text[first.span.char_end:second.span.char_start]
    return first.span.char_end <= second.span.char_start and between.count("\n") == 1 \
        and not between.strip()
