"""Logical lines: physical lines that a page wrapped, joined back into one.

Part of the document model (:mod:`bma_etl.document`); belongs to no layout.
A line is joined to the next when

- the reader saw it wrap (``wraps``: it ends at the right margin of its text
  block and the next line's first word would not have fitted);
- it opens a pipe-table row (``| รายงาน… | …``) that it does not close: the row
  goes on until a line ends with ``|``;
- it is a label with nothing after its ``:`` or ``=`` and the next line is no
  label, heading or table row of its own: the value starts on the next line;
- it ends in a code's first digits and its dash (``… : 50280000-``) and the next
  line starts with the code's last digits (``1196``): a line breaker cuts after a
  hyphen, and a reader that saw no wrap (OCR, a fax) has the two lines apart.

Between the pieces goes one space, or nothing inside a Thai word or a cut number
(:func:`separator`); every reader and layout joins cut pieces with it. What a
value's own line breaks stand for: :mod:`bma_etl.unwrap`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bma_etl.document import Line
from bma_etl.normalize.codes import CODE_DASH

#: Most physical lines one logical line is joined from.
MAX_PIECES = 8

_THAI_LETTER = re.compile("[\u0e01-\u0e4f]")
_DIGIT = re.compile("[0-9\u0e50-\u0e59]")
#: A number cut in a thousands group or after its decimal point: ``13,077,40``, ``898,300.``.
_CUT_NUMBER_END = re.compile("[0-9๐-๙](?:,[0-9๐-๙]{1,2}|\\.)$")
#: An amount closed by ``.-`` (``๑,๐๕๓,๒๐๐.-``): its unit follows after a space.
_BAHT_DASH = re.compile("[0-9๐-๙]\\.-$")
#: A date whose year the wrap cut short (``30/10/256`` / ``2``): the year's digits so far.
_CUT_DATE_END = re.compile("(?<![0-9๐-๙])[0-9๐-๙]{1,2}[/.][0-9๐-๙]{1,2}[/.]([0-9๐-๙]{1,3})$")
_DIGITS_START = re.compile("[0-9๐-๙]+")
#: An amount cut in its satang (``๒,๑๒๗,๔๐๐.๐`` / ``๐ บาท``) or before its point
#: (``๔๐๐`` / ``.๐๐``): a grouped number, then what the next line must start with.
_GROUPED_END = re.compile("[0-9๐-๙],[0-9๐-๙]{3}(\\.[0-9๐-๙])?$")
_SATANG_START = re.compile("[0-9๐-๙](?![0-9๐-๙])")
_POINT_START = re.compile("\\.[0-9๐-๙]{2}(?![0-9๐-๙])")
_SLASH_DIGIT = re.compile("/[0-9๐-๙]")
#: Brackets and quotes a line may end after or start before, with no space there.
_OPENING = "([{\u201c\u2018"
_CLOSING = ")]}\u201d\u2019"
#: In a cell: a value's first digits alone after its label (``:: ๒`` / ``๓/๑๐/๒๕๖๖``,
#: ``= 10`` / ``5,000 บาท``), and what may follow them on the next line.
_VALUE_DIGITS_END = re.compile("(?:^|[:=])\\s*([0-9๐-๙]{1,2})$")
_DATE_START = re.compile("([0-9๐-๙]{1,2})[/.][0-9๐-๙]{1,2}[/.][0-9๐-๙]")
_GROUPED_START = re.compile("([0-9๐-๙]{1,2}),[0-9๐-๙]{3}(?![0-9๐-๙])")
_DECIMALS_START = re.compile("\\.[0-9๐-๙]")
_POINT_NUMBER_START = re.compile("([0-9๐-๙]{1,2})\\.[0-9๐-๙]")
#: A pipe row (its label cell closed: two ``|`` at least) that its line does not close.
_OPEN_PIPE_ROW = re.compile(r"^\s*\|[^|]*\|(?!.*\|\s*$)")
_CLOSES_PIPE_ROW = re.compile(r"\|\s*$")
_NEW_PIPE_ROW = re.compile(r"^\s*\|")
#: ``label :`` / ``label =`` with nothing after (a value on the next line).
_EMPTY_LABEL = re.compile(r"^[^|:=]{2,80}?[:=]\s*$")
#: A code's first digits and its dash ending a line (``… : 50280000-``), apart from
#: any number before them (a date's ``2566-`` has too few digits), and what the next
#: line must start with for the two to be one code: its last digits, standing alone.
_CODE_HEAD_END = re.compile(f"(?:^|[\\s:(])[0-9๐-๙]{{6,10}}{CODE_DASH}$")
_CODE_TAIL_START = re.compile("\\s*[0-9๐-๙]{2,5}(?![0-9๐-๙.,/])")
#: A line that starts something of its own: a label, a numbered heading or item
#: (``1.2 ``, ``(3)``), a bullet.
_OWN_START = re.compile(
    r"^\s*(?:[^\t|:=]{1,60}[.…\s]*[:=](?!/)|[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*[.)]?\s"
    r"|\(\s*[0-9๐-๙]{1,4}\s*\)|[-•*]+\s)"
)


def separator(left: str, right: str) -> str:
    """What goes between two pieces of one line that a page cut: a space, or nothing.

    Nothing inside a Thai text (Thai sets no space between words, so a page may
    cut at any word, and a soft wrap between two Thai letters stands for no space),
    after a hyphen or slash that ends a word, or before a slash, a closing bracket
    or quote, or after an opening one (a line breaker cuts there, a writer sets no
    space); nothing inside a number cut after or before a separator or its point, in a
    thousands group or in its satang, or inside a date whose year was cut short; a space elsewhere
    (Latin words and numbers, and around ``ๆ``, which Thai sets off by spaces: a
    line breaker never starts a line with it, so one there had a space before it).

    >>> [separator(a, b) for a, b in [("งบประมา", "ณ"), ("13,077,40", "0 บาท"),
    ...                                 ("898,300.", "00"), ("10,665", ",900"),
    ...                                 ("31.50", "% :"), ("ครั้งที่ 2.", "ดำเนินการ"),
    ...                                 ("30/10/256", "2 :"), (":: ๘", "/๑๐/๒๕๖๖"),
    ...                                 ("พ.ศ. 2563", "10 คน"), ("๒,๑๒๗,๔๐๐.๐", "๐ บาท"),
    ...                                 ("1,200", ".50 บาท"), ("1,200.5", "10 คน"),
    ...                                 ("ร้อยละ 51", ".50")]]
    ['', '', '', '', ' ', ' ', '', '', ' ', '', '', ' ', '']
    >>> [separator(a, b) for a, b in [("Covid-", "19"), ("นูร์-", "สุลต่าน"), ("25 -", "29"),
    ...                                 ("หน่วยงาน/", "ส่วนราชการ"), ("กิจกรรม", "/โครงการ"),
    ...                                 ("ต่าง", "ๆ ทั่วโลก"), ("ต่าง ๆ", "ทั่วโลก"),
    ...                                 ("(", "ASEAN)"), ("การจัดการน้ำ", ")"),
    ...                                 ("ของโรค", "Covid-19"), ("in", "Asia"), ("๒๐๐.-", "บาท")]]
    ['', '', ' ', '', '', ' ', ' ', '', '', ' ', ' ', ' ']
    """
    if not left or not right:
        return ""
    last, first = left[-1], right[0]
    if last == "\u0e46" or first == "\u0e46":  # ๆ (MAI YAMOK)
        return " "
    if _THAI_LETTER.match(last) and _THAI_LETTER.match(first):
        return ""
    if last in "-/" and len(left) > 1 and not left[-2].isspace() and not _BAHT_DASH.search(left):
        return ""  # ``Covid-`` / ``19``, ``หน่วยงาน/`` / ``ส่วนราชการ`` (not ``200.-`` / ``บาท``)
    if (first == "/" and not right[1:2].isspace()) or first in _CLOSING or last in _OPENING:
        return ""
    if _DIGIT.match(first) and (last in ",/" or _CUT_NUMBER_END.search(left)):
        return ""
    if _DIGIT.match(last) and (first == "," or _SLASH_DIGIT.match(right)
                               or _DECIMALS_START.match(right)):
        return ""  # ``= 51`` / ``.50 %``: a line breaker cut the number at its point
    grouped = _GROUPED_END.search(left)
    if grouped and (_SATANG_START if grouped.group(1) else _POINT_START).match(right):
        return ""
    date = _CUT_DATE_END.search(left)
    if date and _DIGIT.match(first):
        head = _DIGITS_START.match(right)
        if head and len(date.group(1)) + len(head.group()) in (2, 4):
            return ""
    return " "


def cell_separator(left: str, right: str) -> str:
    """What goes between two lines of one table cell: :func:`separator`, and more cuts.

    A narrow cell cuts a value that does not fit its width wherever the renderer
    can: so a value's first digits alone after its label (``:: ๒`` / ``๓/๑๐/๒๕๖๖``,
    ``= 10`` / ``5,000 บาท``, ``= 9`` / ``4.50 %``) and a number cut before its
    decimal point (``3`` / ``.50 %``) are one value, when the two make one day, one
    first group or a whole part of at most two or three digits. (A value of one digit and the next
    line starting with a date would be read as one: a cell rarely holds both.)

    >>> [cell_separator(a, b) for a, b in [(":: ๒", "๓/๑๐/๒๕๖"), ("= 10", "5,000 บาท"),
    ...                                      ("= 3", ".50 %"), ("ครั้งที่ 1", "5/10/2566"),
    ...                                      ("30/10/256", "2 :"), ("2562", "10 คน"),
    ...                                      ("งานฯ = 9", "4.50 %"), ("= 12", "34.5 %")]]
    ['', '', '', ' ', '', ' ', '', ' ']
    """
    between = separator(left, right)
    if not between or not _DIGIT.match(left[-1]):
        return between
    if _DECIMALS_START.match(right):
        return ""
    tail = _VALUE_DIGITS_END.search(left)
    if tail is None:
        return between
    date, grouped = _DATE_START.match(right), _GROUPED_START.match(right)
    if date and len(tail.group(1)) + len(date.group(1)) <= 2:
        return ""
    if grouped and len(tail.group(1)) + len(grouped.group(1)) <= 3:
        return ""
    point = _POINT_NUMBER_START.match(right)
    if point and not date and len(tail.group(1)) + len(point.group(1)) <= 3:
        return ""
    return between


def join_lines(lines: list[Line], between: Callable[[str, str], str] = separator,
               spaced: frozenset[int] = frozenset()) -> Line:
    """Lines as one :class:`Line`, each stripped, pieces keeping their offsets.

    A line that is itself several joined (its ``pieces``) keeps each piece's offsets,
    so a value read across both joins maps back to the document's letters.

    ``between`` says what goes between two pieces (:func:`separator`); a space goes
    after a line the reader saw wrapped at a space (``spaced``: 1-based numbers).

    >>> line = join_lines([Line(1, 0, "1 ก 6,106,7"), Line(2, 12, " 00.- บาท ข")])
    >>> line.text, line.at(12), line.end
    ('1 ก 6,106,700.- บาท ข', 14, 23)
    """
    text = ""
    pieces: list[tuple[int, int, int]] = []
    last = 0  # the number of the last line joined
    for line in lines:
        body = line.text.strip()
        if not body:
            continue
        lead = len(line.text) - len(line.text.lstrip())
        if pieces:
            text += " " if last in spaced and line.no == last + 1 else between(text, body)
        last = line.no
        # a line already joined from several (its pieces) keeps each piece's offsets
        own = line.pieces or ((0, line.start, len(line.text)),)
        for at, doc_at, length in own:
            lo, hi = max(lead, at), min(lead + len(body), at + length)
            if lo < hi:
                pieces.append((len(text) + lo - lead, doc_at + lo - at, hi - lo))
        text += body
    first = lines[0]
    if not pieces:
        return first
    return Line(first.no, pieces[0][1], text, tuple(pieces))


def _joins_next(line: Line, following: Line, wraps: frozenset[int], in_pipe_row: bool,
                alone: re.Pattern[str] | None) -> bool:
    if not following.text.strip():
        return False
    if _CODE_HEAD_END.search(line.text.rstrip()) and _CODE_TAIL_START.match(following.text):
        return True  # a code cut after its dash: whole only joined
    if alone is not None and (alone.match(line.text) or alone.match(following.text)):
        return False
    if in_pipe_row:  # a gap (tab) inside a wrapped pipe row is no new row: only a "|" is
        return not _NEW_PIPE_ROW.match(following.text)
    if "\t" in following.text:
        return False
    if line.no in wraps:
        return not _OWN_START.match(following.text)
    return bool(_EMPTY_LABEL.match(line.text)) and not _OWN_START.match(following.text)


def join_rows(lines: list[Line], wraps: frozenset[int] = frozenset(),
              alone: re.Pattern[str] | None = None,
              spaced: frozenset[int] = frozenset()) -> list[Line]:
    """``lines`` with each run of wrapped lines made one :class:`Line`.

    A line ``alone`` matches is never joined to another (a layout's line that is
    complete in itself, such as a numbered entry's heading); ``spaced`` (of
    ``wraps``) were wrapped at a space (:func:`join_lines`).

    >>> rows = join_rows([Line(1, 0, "| a | b ="), Line(2, 10, "14.00 % |"), Line(3, 20, "x")])
    >>> [(r.no, r.text) for r in rows]
    [(1, '| a | b = 14.00 % |'), (3, 'x')]
    >>> rows[0].at(11), rows[0].end
    (11, 19)
    >>> [r.text for r in join_rows([Line(1, 0, "ชื่อ : 50280000-"), Line(2, 17, "1196")])]
    ['ชื่อ : 50280000-1196']
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        run = [line]
        in_pipe_row = bool(_OPEN_PIPE_ROW.match(line.text))
        while len(run) < MAX_PIECES and i + 1 < len(lines) and _joins_next(
                run[-1], lines[i + 1], wraps, in_pipe_row, alone):
            i += 1
            run.append(lines[i])
            if in_pipe_row and _CLOSES_PIPE_ROW.search(lines[i].text):
                break
        i += 1
        out.append(line if len(run) == 1 else join_lines(run, spaced=spaced))
    return out
