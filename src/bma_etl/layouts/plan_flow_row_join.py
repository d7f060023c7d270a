"""The lines of an indicator-target row printed as flowing text, joined as one.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow_kpi` and
:mod:`bma_etl.layouts.plan_flow_definitions`, not a layout). A row's name and its
targets run into one paragraph that the page wraps; its lines are joined with a
space, but none inside a target's number the page cut at a line's end
(:func:`join_row`). A row's opening alone on its line (a list mark, an indicator's
number) is read with the words the page wrapped after it (:func:`with_wrapped_opening`).
Consumes :class:`~bma_etl.layouts.base.Line` runs (page furniture left out) and the
lines the PDF reader saw wrapped with no space written
(:attr:`~bma_etl.document.RepairedText.wraps` less
:attr:`~bma_etl.document.RepairedText.spaced`); produces one joined line.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Line
from bma_etl.layouts.plan_cells import DIGIT
from bma_etl.rows import join_lines, separator

__all__ = ["join_row", "rests_cut_number", "with_wrapped_opening"]

#: A line's end that is a number's first digits (one to three) after the end of a
#: target before it: a cell's gap (a tab, two spaces), or a word (``ผลิตภัณฑ์ ๒``, the
#: gap read as a space or as none: ``ผลิตภัณฑ์๑``), or a year after พ.ศ. (``พ.ศ. 2558 3``;
#: the gap read as none, ``พ.ศ. ๒๕๖๓๒``: a year has four digits, the fifth is the next's).
_CUT_NUMBER_END_RE = re.compile(
    rf"(?:(?P<gap>\t| {{2}})|(?P<year>พ\.ศ\.\s*{DIGIT}{{4}}) |(?P<word>[ก-ฮเ-ไ][ก-๎]*) ?"
    rf"|(?P<glued>พ\.ศ\.\s*[๒2][๔-๖4-6]{DIGIT}{{2}})){DIGIT}{{1,3}}$")
_NUMBER_END_RE = re.compile(rf"{DIGIT}\s*$")
#: A line's start that is the rest of that number, then its unit (a space or none
#: between: a tab after the digits is a cell's gap, a row's number before its name).
_NUMBER_REST_RE = re.compile(rf"^{DIGIT}+(?:[.,]{DIGIT}+)*(?! ?\t) ?(?P<unit>[ก-ฮเ-ไ][ก-๎]*)")


def _row_separator(left: str, right: str, cut: bool = False) -> str:
    r"""What goes between two lines of a flowing target row: no space inside a cut number.

    ``left``: the row's text so far; ``right``: the next line's; ``cut``: the PDF
    reader saw the page wrap ``left``'s last line with no space written (full to the
    margin, the next line's first word not fitting). The page cut a target's number
    at the line's end when digits stand there after the target before
    (:data:`_CUT_NUMBER_END_RE`: after a year's four digits, a space between or
    none; after a word, that word a unit after a number, ``๒๙ ผลิตภัณฑ์ ๒``, or the
    row's name when the line was ``cut``: a writer that breaks a word anywhere cut
    the first target's ``๒๑``; else a word of a name, ``ระยะที่ ๒``, keeps its number)
    and the next line opens with digits and a unit.

    >>> [_row_separator(a, "๑ ราย") for a in ("๒๐ ราย ๓๙ ผลิตภัณฑ์  ๒", "๒๐ ราย ๓๙ ผลิตภัณฑ์ ๒",
    ...                                      "๒๙ ผลิตภัณฑ์๑", "แผน ระยะที่ ๒", "ชื่อ ๒๐๒")]
    ['', '', '', ' ', ' ']
    >>> _row_separator("จำนวนชุมชนต้นแบบ ๒", "๑ ชุมชน", cut=True)
    ''
    >>> [_row_separator(a, "๔ กิจกรรม") for a in ("ภายในปีพ.ศ. ๒๕๖๓๒", "ภายในปีพ.ศ. ๒๕๖๓")]
    ['', ' ']
    """
    m = _CUT_NUMBER_END_RE.search(left)
    if m is None or not _NUMBER_REST_RE.match(right):
        return separator(left, right)
    if m.group("word") is not None and not cut \
            and not _NUMBER_END_RE.search(left, 0, m.start("word")):
        return separator(left, right)  # a word of the name before a number, no target's unit
    return ""


def join_row(run: list[Line], cut: frozenset[int] = frozenset()) -> Line:
    """The lines of a flowing target row as one (:func:`bma_etl.rows.join_lines`).

    A number the page cut after its first digits, alone after a cell's gap at a
    line's end (``…ผลิตภัณฑ์  ๒`` / ``๑ ราย ๔๐ ผลิตภัณฑ์``), or after the name on a
    line of ``cut`` (1-based numbers of the lines the PDF reader saw wrapped with
    no space written: ``…เอกชน ๒`` / ``๑ ชุมชน``), is joined again without the
    wrap's space.
    """
    if not cut:
        return join_lines(run, _row_separator)
    # join_lines asks once per line after the first it keeps: the line before, in order
    before = iter([line.no for line in run if line.text.strip()])

    def between(left: str, right: str) -> str:
        return _row_separator(left, right, next(before) in cut)

    return join_lines(run, between)


def rests_cut_number(run: list[Line], text: str, cut: frozenset[int] = frozenset()) -> bool:
    r"""Whether ``text`` (the line after the row ``run``) opens with the rest of a number cut.

    The row's last line is one of ``cut`` (as :func:`join_row` takes it: the PDF
    reader saw the page wrap it with no space written, full to the margin) and ends
    with a target's first digits (``…๒๑ ผลิตภัณฑ์ ๑`` / ``๒ ราย ๒๒ ผลิตภัณฑ์``:
    :func:`join_row` joins them without the wrap's space); then the line's first
    digits are that number's rest, not the next row's number, though they stand as
    one (``๒`` after row ``๑``). A row whose last line ends where its text does
    (``ระดับ ๔`` / ``๒ ระดับความสำเร็จ…``) is whole.

    >>> from bma_etl.layouts.base import Line
    >>> run = [Line(1, 0, "๑\tจำนวนผู้ประกอบการ๑๐ ราย ๒๐ ผลิตภัณฑ์ ๑๑ ราย ๒๑ ผลิตภัณฑ์ ๑")]
    >>> rests_cut_number(run, "๒ ราย ๒๒ ผลิตภัณฑ์", frozenset({1}))
    True
    >>> rests_cut_number([Line(1, 0, "๑\tจำนวนผู้ประกอบการ ระดับ ๓ ระดับ ๔")], "๒ ระดับความสำเร็จ")
    False
    >>> whole = [Line(1, 0, "๑\tระดับความสำเร็จในการพัฒนาระบบ ร้อยละ ๙๐ ร้อยละ ๙๕")]
    >>> [rests_cut_number(whole, t, frozenset({1})) for t in ("๒\tจำนวนกิจกรรม ๑๐ กิจกรรม",
    ...                                                      "๒ จำนวนกิจกรรม ๑๐ กิจกรรม")]
    [False, False]
    """
    if not run or not text.strip() or run[-1].no not in cut:
        return False
    left = join_row(run, cut).text
    rest = _NUMBER_REST_RE.match(text)
    # a cut number's rest is followed by its unit, a word the row already printed
    # (``ราย``); a next row's number by the next indicator's name (``๒ จำนวนกิจกรรม…``)
    return rest is not None and rest.group("unit") in left \
        and _CUT_NUMBER_END_RE.search(left) is not None and _row_separator(left, text, True) == ""


#: A list mark or an indicator's number (``๕.๑``) alone on its line: the page wrapped
#: the words after it onto the next line.
_LONE_OPENING_RE = re.compile(rf"[-–—•·*]|{DIGIT}+\.{DIGIT}+")


def with_wrapped_opening(text: str, lines: list[Line], i: int) -> str:
    r"""``text`` (line ``i``), with the next line's words after it when it is an opening alone.

    A cell that opens with a list mark or an indicator's number and a word too
    long for the rest of the line (``- ระดับความสำเร็จในการ…``, ``๕.๑ ร้อยละ…``)
    leaves the opening alone on the row's first line; whether it opens a row is
    a question about the words it opens.

    >>> from bma_etl.layouts.base import Line
    >>> with_wrapped_opening("\t-", [Line(1, 0, "\t-"), Line(2, 3, "ร้อยละของ")], 0)
    '\t- ร้อยละของ'
    >>> with_wrapped_opening("๕.๑", [Line(1, 0, "๕.๑"), Line(2, 4, "ร้อยละของ")], 0)
    '๕.๑ ร้อยละของ'
    """
    if i + 1 >= len(lines) or not _LONE_OPENING_RE.fullmatch(text.strip()):
        return text
    return f"{text.rstrip()} {lines[i + 1].text.lstrip()}"


