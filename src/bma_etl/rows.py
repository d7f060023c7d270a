"""Logical lines: physical lines that a page wrapped, joined back into one.

Part of the document model (:mod:`bma_etl.document`); belongs to no layout.
A line is joined to the next when

- the reader saw it wrap (``wraps``: it ends at the right margin of its text
  block and the next line's first word would not have fitted);
- it opens a pipe-table row (``| รายงาน… | …``) that it does not close: the row
  goes on until a line ends with ``|``;
- it is a label with nothing after its ``:`` or ``=`` and the next line is no
  label, heading or table row of its own: the value starts on the next line.

Between the pieces goes one space, or nothing where a Thai letter meets a Thai
letter (Thai is written without spaces between words, so the page may cut it
anywhere).
"""

from __future__ import annotations

import re

from bma_etl.document import Line

#: Most physical lines one logical line is joined from.
MAX_PIECES = 8

_THAI = re.compile("[\u0e01-\u0e5b]")
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


def _separator(left: str, right: str) -> str:
    if left and right and _THAI.match(left[-1]) and _THAI.match(right[0]):
        return ""
    return " "


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
        out.append(line if len(run) == 1 else _joined(run))
    return out


def _joined(run: list[Line]) -> Line:
    text = ""
    pieces: list[tuple[int, int, int]] = []
    for line in run:
        body = line.text.rstrip()
        lead = len(body) - len(body.lstrip())
        body = body.lstrip() if pieces else body
        if pieces:
            text = text.rstrip()
            text += _separator(text, body)
        pieces.append((len(text), line.start + (lead if pieces else 0), len(body)))
        text += body
    return Line(run[0].no, run[0].start, text, tuple(pieces))
