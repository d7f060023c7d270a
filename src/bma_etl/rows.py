"""Logical lines: physical lines that a page wrapped, joined back into one.

Part of the document model (:mod:`bma_etl.document`); belongs to no layout.
A line is joined to the next when

- the reader saw it wrap (``wraps``: it ends at the right margin of its text
  block and the next line's first word would not have fitted);
- it opens a pipe-table row (``| รายงาน… | …``) that it does not close: the row
  goes on until a line ends with ``|``;
- it is a label with nothing after its ``:`` or ``=`` and the next line is no
  label, heading or table row of its own: the value starts on the next line.

Between the pieces goes one space, or nothing inside a Thai word or a cut number
(:func:`separator`); every reader and layout joins cut pieces with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bma_etl.document import Line

#: Most physical lines one logical line is joined from.
MAX_PIECES = 8

_THAI_LETTER = re.compile("[\u0e01-\u0e4f]")
_DIGIT = re.compile("[0-9\u0e50-\u0e59]")
#: A number cut in a thousands group or after its decimal point: ``13,077,40``, ``898,300.``.
_CUT_NUMBER_END = re.compile("[0-9๐-๙](?:,[0-9๐-๙]{1,2}|\\.)$")
#: A pipe row (its label cell closed: two ``|`` at least) that its line does not close.
_OPEN_PIPE_ROW = re.compile(r"^\s*\|[^|]*\|(?!.*\|\s*$)")
_CLOSES_PIPE_ROW = re.compile(r"\|\s*$")
_NEW_PIPE_ROW = re.compile(r"^\s*\|")
#: ``label :`` / ``label =`` with nothing after (a value on the next line).
_EMPTY_LABEL = re.compile(r"^[^|:=]{2,80}?[:=]\s*$")
#: A line that starts something of its own: a label, a numbered heading or item
#: (``1.2 ``, ``(3)``), a bullet.
_OWN_START = re.compile(
    r"^\s*(?:[^\t|:=]{1,60}[.…\s]*[:=](?!/)|[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*[.)]?\s"
    r"|\(\s*[0-9๐-๙]{1,4}\s*\)|[-•*]+\s)"
)


def separator(left: str, right: str) -> str:
    """What goes between two pieces of one line that a page cut: a space, or nothing.

    Nothing inside a Thai word (Thai sets no space between words, so a page may
    cut anywhere) or inside a number cut after a separator or in a thousands
    group; a space elsewhere.

    >>> [separator(a, b) for a, b in [("งบประมา", "ณ"), ("13,077,40", "0 บาท"),
    ...                                 ("898,300.", "00"), ("10,665", ",900"),
    ...                                 ("31.50", "% :"), ("ครั้งที่ 2.", "ดำเนินการ")]]
    ['', '', '', '', ' ', ' ']
    """
    if not left or not right:
        return ""
    if _THAI_LETTER.match(left[-1]) and _THAI_LETTER.match(right[0]):
        return ""
    if _DIGIT.match(right[0]) and (left[-1] in ",/-" or _CUT_NUMBER_END.search(left)):
        return ""
    if right[0] == "," and _DIGIT.match(left[-1]):
        return ""
    return " "


def join_lines(lines: list[Line], between: Callable[[str, str], str] = separator) -> Line:
    """Physical lines as one :class:`Line`, each stripped, pieces keeping their offsets.

    ``between`` says what goes between two pieces (:func:`separator`).

    >>> line = join_lines([Line(1, 0, "1 ก 6,106,7"), Line(2, 12, " 00.- บาท ข")])
    >>> line.text, line.at(12), line.end
    ('1 ก 6,106,700.- บาท ข', 14, 23)
    """
    text = ""
    pieces: list[tuple[int, int, int]] = []
    for line in lines:
        body = line.text.strip()
        if not body:
            continue
        lead = len(line.text) - len(line.text.lstrip())
        if pieces:
            text += between(text, body)
        pieces.append((len(text), line.start + lead, len(body)))
        text += body
    first = lines[0]
    if not pieces:
        return first
    return Line(first.no, pieces[0][1], text, tuple(pieces))


def _joins_next(line: Line, following: Line, wraps: frozenset[int], in_pipe_row: bool,
                alone: re.Pattern[str] | None) -> bool:
    if not following.text.strip():
        return False
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
              alone: re.Pattern[str] | None = None) -> list[Line]:
    """``lines`` with each run of wrapped lines made one :class:`Line`.

    A line ``alone`` matches is never joined to another (a layout's line that is
    complete in itself, such as a numbered entry's heading).

    >>> rows = join_rows([Line(1, 0, "| a | b ="), Line(2, 10, "14.00 % |"), Line(3, 20, "x")])
    >>> [(r.no, r.text) for r in rows]
    [(1, '| a | b = 14.00 % |'), (3, 'x')]
    >>> rows[0].at(11), rows[0].end
    (11, 19)
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
        out.append(line if len(run) == 1 else join_lines(run))
    return out
