r"""Read a page saved as Markdown (``.md``, ``.markdown``): render it, then read it as HTML.

Stage: read. Consumes the text of a Markdown file, most often a tracking-system page
or an action plan converted by html2text (``html2text page.html > page.md``);
produces the same plain lines :mod:`bma_etl.read.html` gives for the page itself.
The Markdown is rendered to HTML by markdown-it-py (CommonMark with GitHub's pipe
tables; raw HTML kept), and that HTML is read by :func:`~.html.render_text`: a
heading (``#### หลักการและเหตุผล``) or a ``**bold**`` line is a line of its own
without its marks, an escape (``1\.``, ``\---``) is its character, a table row is
one line of tab-joined cells, a hard line break (two spaces or ``\`` at a line's
end) ends a line and a soft one (the converter wrapping at 78 columns) does not.

html2text writes pipe tables GFM misreads; they are mended before rendering
(:func:`mended_tables`): rows without a leading pipe whose first cell is empty
(``| | ๒\. โครงการ…| ไม่ใช้งบประมาณ``), a header whose last cell is empty
(``เป้าหมาย|``), and a cell's lines broken by ``<br>`` or wrapped, which html2text
writes on lines of their own.

A file with no sign of Markdown in it (no ``#`` heading, ``**strong**`` text, escape,
pipe table or link: a plain text report saved under ``.md``) is not rendered: it is
read as a text file, line for line (:func:`has_markdown`). Raises
:class:`~bma_etl.errors.ReadError` when the bytes are no text or no text is left.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt

from bma_etl.errors import ReadError
from bma_etl.read.html import render_text

__all__ = ["has_markdown", "markdown_html", "markdown_text", "mended_definitions",
           "mended_tables"]

#: A pipe table's delimiter row as html2text writes it: no leading pipe, cells of
#: dashes (``---|---``), at least two columns.
_BARE_DELIMITER = re.compile(r" {0,3}:?-+:?(?: *\| *:?-+:?)+ *\|? *")
#: html2text's delimiter row under a first row of one cell (``---`` and its row's end):
#: a table when the rows under it have pipes.
_ONE_COLUMN = re.compile(r" {0,3}-{3,} {2,}")
#: A pipe not escaped by a backslash.
_PIPE = re.compile(r"(?<!\\)\|")
#: What only Markdown writes: an ATX heading, ``**strong**`` (not a run of stars), a
#: backslash before punctuation, a pipe table's delimiter row, a link.
_MARKDOWN_SIGN = re.compile(
    r"^ {0,3}#{1,6} \S"
    r"|(?<![*\w])\*\*(?=[^\s*])[^*\n]*?[^\s*]\*\*(?![*\w])"
    r"|\\[-.*_#|!\[\]()`>+]"
    r"|^ {0,3}\|? *:?-{3,}:? *(?:\| *:?-{3,}:? *)+\|? *$"
    r"|\]\([^)\s]+\)", re.MULTILINE)


@cache
def _renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def has_markdown(text: str) -> bool:
    r"""Whether ``text`` shows a sign only Markdown makes (:data:`_MARKDOWN_SIGN`).

    A ``#`` heading, ``**strong**`` text, a backslash escape, a pipe table's delimiter
    row or a link. A numbered line, a rule of dashes, an indented block or two spaces
    at a line's end are no sign: text dumps and copies have them too.

    >>> has_markdown("รหัสโครงการ 04160000-6961\nปีงบประมาณ พ.ศ. 2567\n1. เพื่อพัฒนา")
    False
    >>> has_markdown("**** แบบแสดงรายงานความก้าวหน้า ***\n--------")
    False
    >>> has_markdown("#### หลักการและเหตุผล\nชุมชนริมคลอง")
    True
    >>> has_markdown("1\\. เพื่อพัฒนา")
    True
    """
    return _MARKDOWN_SIGN.search(text) is not None


def _pipes(line: str) -> int:
    return len(_PIPE.findall(line))


def _hard(line: str) -> bool:
    """Whether ``line`` ends in a hard break (two spaces or a backslash)."""
    return line.endswith("  ") or line.rstrip(" ").endswith("\\")


def _rows(lines: list[str]) -> list[str]:
    """A bare pipe table's lines → its rows.

    A line the converter wrapped (no hard break at its end) is joined to the next
    with a space.
    """
    rows: list[str] = []
    hard = True
    for line in lines:
        text = line.strip()
        if rows and not hard:
            rows[-1] = rows[-1] + " " + text
        else:
            rows.append(text)
        hard = _hard(line)
    return rows


def _table(rows: list[str]) -> str:
    """Rows of cells split at their pipes → one line of HTML (a Markdown HTML block)."""
    def cells(row: str) -> str:
        parts = _PIPE.split(row.rstrip("\\").strip())
        return "".join(f"<td>{_renderer().renderInline(part.strip())}</td>" for part in parts)

    return "<table>" + "".join(f"<tr>{cells(row)}</tr>" for row in rows) + "</table>"


def _delimiter(line: str, body: list[str]) -> bool:
    return bool(_BARE_DELIMITER.fullmatch(line) or (_ONE_COLUMN.fullmatch(line) and body))


def mended_tables(text: str) -> str:
    r"""``text`` with html2text's bare pipe tables written as HTML tables.

    A table whose delimiter row has no leading pipe (``---|---``, or ``---`` under a
    first row of one cell) has rows without one either, whose cells GFM would shift
    (an empty first cell) or drop (a row short of the header's cells, a line of
    one cell: a ``colspan`` or a ``<br>``). Each row is written as an HTML row, its
    cells as html2text cut them, their Markdown rendered; a row's wrapped lines are
    joined. Other text, and tables written with leading pipes, are left as they are.

    >>> mended_tables("ลำดับ| งบ  \n---|---  \n| ๑.- บาท  \n").split("\n")[1]
    '<table><tr><td>ลำดับ</td><td>งบ</td></tr><tr><td></td><td>๑.- บาท</td></tr></table>'
    """
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        end = k + 1
        while end < len(lines) and lines[end].strip() and not (
                end + 1 < len(lines) and _delimiter(lines[end + 1], [lines[end]])):
            end += 1
        body = lines[k + 1:end]
        if not (out and out[-1].strip() and _delimiter(line, body)):
            out.append(line)
            k += 1
            continue
        start = len(out)  # the header: the lines since the last blank one
        while start > 0 and out[start - 1].strip():
            start -= 1
        above = _rows(out[start:])
        out[start:] = [*above[:-1], "", _table(above[-1:] + _rows(body)), ""]
        k = end
    return "\n".join(out)


#: A line indented four spaces: html2text's ``<dd>`` under its ``<dt>`` line.
_DEFINITION = re.compile(r" {4}(?! )\S")
#: A line that opens a list item, a quote or a heading: its indented next line is its own.
_OPENS_BLOCK = re.compile(r" {0,3}(?:[-+*>#]|\d{1,9}[.)])(?: |$)")


def mended_definitions(text: str) -> str:
    r"""``text`` with html2text's ``<dd>`` lines as lines of their own.

    html2text writes a definition list as the term's line, then the definition's four
    spaces in: under a blank line (wrapped output) Markdown reads that as code, its
    escapes kept (``1\.``); right under the term (``body_width=0``) it joins both into
    one paragraph. Such a line loses its indent and, with the term's line, gets a
    hard break. A line indented under a list item, a quote or a heading, or under
    another indented line that is not such a definition, is left as it is.

    >>> mended_definitions("รหัสโครงการ\n    07000000-7354\nปี\n    2568")
    'รหัสโครงการ  \n07000000-7354  \nปี  \n2568  '
    """
    lines = text.split("\n")
    defined = [False] * len(lines)
    for k in range(1, len(lines)):
        above = k - 1 if lines[k - 1].strip() or k < 2 else k - 2
        term = lines[above]
        if not (_DEFINITION.match(lines[k]) and term.strip()):
            continue
        if defined[above] or not (term.startswith(" ") or _OPENS_BLOCK.match(term)):
            defined[k] = True
            if not defined[above]:
                lines[above] = term.rstrip() + "  "
            end = k  # the definition's lines its hard breaks (a <br>) went on to
            while end + 1 < len(lines) and _hard(lines[end]) and lines[end + 1].strip():
                end += 1
            lines[k] = lines[k].lstrip()
            lines[end] = lines[end].rstrip() + "  "
    return "\n".join(lines)


def markdown_html(text: str) -> str:
    """Markdown → HTML (markdown-it-py, CommonMark and pipe tables, html2text's mended)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _renderer().render(mended_definitions(mended_tables(text)))


def markdown_text(text: str, name: str = "file") -> str:
    """A Markdown file's text → the plain lines the extractors read (as a page's).

    ReadError when nothing is left once the markup is rendered and read.
    """
    lines = render_text(markdown_html(text))
    if not lines.strip():
        raise ReadError(f"{name}: no text left after rendering its Markdown")
    return lines
