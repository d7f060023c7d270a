r"""Render parsed page markup as the plain lines the extractors read.

Stage: read (a helper of :mod:`bma_etl.read.html`). Consumes a BeautifulSoup tree
(``html.parser``); produces text in the shape of the tracking system's text dumps:

- every block element (``p``, ``div``, ``li``, ``br``...) ends a line;
- every table row is one line, its cells joined by a tab, so a label cell and
  its value cell stay on one line (``รหัสโครงการ<TAB>04160000-6961``) and an
  empty value cell still leaves its tab (``ผลงานเดือนที่ 10<TAB>``);
- a label and its value set in other elements than a table row are one such
  line too: a definition list's term and its description (``<dt>``/``<dd>``), a
  grid row's columns (``<div class="row">`` of ``col-*`` blocks), a form
  control's label and the value it shows;
- a form control's value is text the page shows: a text ``<input value>``, a
  ``<textarea>``'s text, a ``<select>``'s selected ``<option>`` (hidden inputs,
  buttons, check boxes and a select with nothing selected show none);
- ``script``, ``style``, ``head`` and navigation (``nav``, ``role=navigation``,
  menu/breadcrumb blocks, the site's sidebar: an ``<aside>`` outside ``<main>``)
  are dropped; blank lines are dropped.

Never raises but :class:`RecursionError` on markup nested past Python's limit.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bs4.element import (
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    PageElement,
    ProcessingInstruction,
    Tag,
)

__all__ = ["BLOCK_TAGS", "DROP_TAGS", "NAV_TOKENS", "render_lines"]

#: Elements whose content is never page text (a form control's value is read apart).
DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "nav",
    "iframe", "object", "embed", "svg", "canvas", "button", "option", "map",
})
#: ``class``/``id`` tokens that mark navigation boilerplate.
NAV_TOKENS = frozenset({"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb",
                        "breadcrumbs", "sidebar", "skip-link"})
#: Elements that end a line (block-level in a browser).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "legend",
    "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "ul",
})
#: ``<input type>``s whose value is text the page shows (no type is ``text``).
TEXT_INPUTS = frozenset({"text", "number", "date", "datetime-local", "month", "time", "week",
                         "email", "tel", "url", "search"})
_CELL_TAGS = ("td", "th")
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v\u00a0]+")
#: A grid column's class (bootstrap's ``col``, ``col-3``, ``col-sm-9``, ``col-md-auto``).
_GRID_COLUMN = re.compile(r"^col(?:-[a-z0-9]+)*$")


def _tokens(tag: Tag, attr: str) -> list[str]:
    value = tag.get(attr)
    if isinstance(value, str):
        return value.split()
    return list(value) if value else []


def _is_dropped(tag: Tag) -> bool:
    if tag.name in DROP_TAGS:
        return True
    if (tag.get("role") or "") == "navigation" or tag.has_attr("hidden"):
        return True
    if _site_sidebar(tag):
        return True
    return any(token.lower() in NAV_TOKENS
               for attr in ("class", "id") for token in _tokens(tag, attr))


#: Elements that hold the document's own content: an ``<aside>`` in one is a note of it.
_CONTENT_TAGS = frozenset({"main", "article"})


def _site_sidebar(tag: Tag) -> bool:
    """Whether ``tag`` is the site's sidebar: an ``<aside>`` outside ``<main>``/``<article>``.

    ``role=complementary`` is an ``<aside>`` too. A logged-in tracking page sets a
    column beside its content: a fiscal-year menu
    (``ปีงบประมาณ`` / ``2566`` / ``2567`` / ``2568``), the unit's other projects with
    their codes and progress. Read as text, the menu's first year stood before the
    page's own ``ปี 2568`` and was taken for the project's year. An ``<aside>``
    inside the content (a note of the document) is read.
    """
    if tag.name != "aside" and (tag.get("role") or "") != "complementary":
        return False
    return not any(parent.name in _CONTENT_TAGS or (parent.get("role") or "") == "main"
                   for parent in tag.parents if isinstance(parent, Tag))


class _Lines:
    """Builds lines from inline text pieces and line breaks."""

    def __init__(self) -> None:
        self.lines: list[str] = [""]
        self.done: set[int] = set()  # rows already read (a block of pairs: down its columns)

    def text(self, piece: str) -> None:
        self.lines[-1] += piece

    def cell(self, value: str) -> None:
        """A value beside what the line already shows: after a tab, its own cell."""
        if self.lines[-1].strip(" \t"):
            self.lines[-1] = self.lines[-1].rstrip(" ") + "\t"
        self.lines[-1] += value

    def newline(self) -> None:
        if self.lines[-1].strip(" "):
            self.lines.append("")
        else:
            self.lines[-1] = ""

    def hard_break(self) -> None:
        self.lines.append("")

    def result(self) -> str:
        return "\n".join(line.strip(" ") for line in self.lines if line.strip(" \t"))


def render_lines(root: PageElement) -> str:
    """The text of ``root`` (a parsed page or any element of it) as described above."""
    out = _Lines()
    _render(root, out)
    return out.result()


def _render(node: PageElement, out: _Lines, pre: bool = False) -> None:
    if isinstance(node, NavigableString):
        if isinstance(node, _SKIPPED_STRINGS):
            return
        text = str(node)
        if pre:
            first, *rest = text.replace("\r\n", "\n").split("\n")
            out.text(first)
            for line in rest:
                out.hard_break()
                out.text(line)
        else:
            out.text(_SPACE_RUN.sub(" ", text))
        return
    if not isinstance(node, Tag) or _is_dropped(node):
        return
    name = node.name
    if name == "br":
        out.hard_break()
        return
    if name in ("input", "textarea", "select"):
        value = _control_value(node)
        if value is not None:
            out.cell(value)
        return
    if name == "tr":
        if id(node) in out.done:
            return  # read with the block of pairs above it
        cell_tags = _row_cells(node)
        if cell_tags:
            _row_lines(node, cell_tags, out, pre)
            return
        out.newline()
    elif name == "dd" and _follows_term(node):
        out.cell(_cell_text(node, pre).replace("\n", " "))
        out.newline()
        return
    elif name == "dt":
        out.newline()
        out.text(_cell_text(node, pre).replace("\n", " "))
        return
    elif name in BLOCK_TAGS:
        columns = _grid_columns(node)
        if columns and _cells_line(columns, out, pre, single=True):
            return
    block = name in BLOCK_TAGS or name in _CELL_TAGS
    if block:
        out.newline()
    for child in node.children:
        _render(child, out, pre or name == "pre")
    if block:
        out.newline()


def _row_lines(node: Tag, cell_tags: list[Tag], out: _Lines, pre: bool) -> None:
    """A table row's line(s): a group header first, then each label/value pair or one line.

    A header cell spanning rows ahead of a label and its value (``<th rowspan=3>
    งบประมาณ</th><th>งบฯ ที่ได้รับ (บาท)</th><td>3,645,000</td>``) heads the rows it
    spans, not this row's label: it is a line of its own, ending in an empty cell
    (``งบประมาณ<TAB>``: no value of its own), above the row. A row of label/value
    pairs side by side (header, data, header, data... ``ผลงานเดือนที่ 1 | 0 |
    ผลงานเดือนที่ 7 | 52``) is a line per pair; with the rows under it that set as many
    pairs (a block of them), across each row, unless their labels number a series
    (``ผลงานเดือนที่ 1..12``) that runs one by one down each column of pairs and not
    across (months 1-6 down the left, 7-12 down the right): then down the columns.
    """
    if _group_header(cell_tags):
        head = _cell_text(cell_tags[0], pre).replace("\n", " ")
        out.newline()
        out.text(head + "\t")
        out.hard_break()
        cell_tags = cell_tags[1:]
    if _pairs(cell_tags) < 2:
        _cells_line(cell_tags, out, pre)
        return
    run = [cell_tags]  # the rows below set as many pairs side by side: read down each column
    for row in node.find_next_siblings("tr"):
        cells = _row_cells(row)
        if _pairs(cells) != _pairs(cell_tags) or _group_header(cells):
            break
        run.append(cells)
        out.done.add(id(row))
    pairs = [cells[k:k + 2] for cells in run for k in range(0, len(cells), 2)]
    down = [cells[k:k + 2] for k in range(0, len(cell_tags), 2) for cells in run]
    for pair in down if _numbered(down) and not _numbered(pairs) else pairs:
        _cells_line(pair, out, pre)


#: A label's number at its end (``ผลงานเดือนที่ 7``, ``Q3``), Arabic or Thai digits.
_LABEL_NUMBER = re.compile(r"([0-9\u0e50-\u0e59]{1,3})\W*$")


def _numbered(pairs: list[list[Tag]]) -> bool:
    """Whether the pairs' labels end in numbers that rise one by one in this order."""
    numbers = []
    for pair in pairs:
        m = _LABEL_NUMBER.search(_cell_text(pair[0], False))
        if m is None:
            return False
        numbers.append(int(m.group(1).translate(_THAI_DIGITS)))
    return all(b == a + 1 for a, b in pairwise(numbers))


_THAI_DIGITS = str.maketrans("\u0e50\u0e51\u0e52\u0e53\u0e54\u0e55\u0e56\u0e57\u0e58\u0e59",
                             "0123456789")


def _row_cells(row: Tag) -> list[Tag]:
    """The row's own cells (``find_all(recursive=False)``'s, without its search machinery)."""
    return [child for child in row.children if isinstance(child, Tag) and child.name in _CELL_TAGS]


def _pairs(cell_tags: list[Tag]) -> int:
    """How many label/value pairs the row sets side by side (header, data...), else 0."""
    if len(cell_tags) % 2 or not all(cell.name == ("th" if k % 2 == 0 else "td")
                                     for k, cell in enumerate(cell_tags)):
        return 0
    return len(cell_tags) // 2


def _rowspan(cell: Tag) -> int:
    value = cell.get("rowspan")
    text = value.strip() if isinstance(value, str) else ""
    return int(text) if text.isdigit() else 1


def _group_header(cell_tags: list[Tag]) -> bool:
    """Whether the row's first cell is a header over the rows it spans (see :func:`_row_lines`).

    A ``th`` spanning two rows or more, then a ``th`` (the row's own label) and a
    ``td`` (its value) among the cells after it. A header row's column titles (all
    ``th``) and a data cell spanning rows (a ``td``) are no group header.
    """
    return (len(cell_tags) >= 3 and cell_tags[0].name == "th" and _rowspan(cell_tags[0]) > 1
            and cell_tags[1].name == "th" and any(c.name == "td" for c in cell_tags[2:])
            and bool(_cell_text(cell_tags[0], False)))


def _cells_line(cell_tags: list[Tag], out: _Lines, pre: bool, single: bool = False) -> bool:
    """Put the cells on one line, tab between.

    Returns False (nothing put) when ``single`` and a cell holds more than one line.
    """
    cells = [_cell_text(cell, pre) for cell in cell_tags]
    if single and any("\n" in cell for cell in cells):
        return False
    out.newline()
    if any(cells):
        out.text("\t".join(cells))
    out.newline()
    return True


def _cell_text(cell: Tag, pre: bool) -> str:
    inner = _Lines()
    for child in cell.children:
        _render(child, inner, pre)
    return inner.result().strip()


def _follows_term(dd: Tag) -> bool:
    previous = dd.find_previous_sibling(True)
    return isinstance(previous, Tag) and previous.name == "dt"


def _grid_columns(node: Tag) -> list[Tag]:
    """A grid row's column blocks (two or more, every child a ``col-*``), else []."""
    children: list[Tag] = []
    for child in node.children:  # the first child that is no column ends the look
        if not isinstance(child, Tag) or _is_dropped(child):
            continue
        if child.name not in BLOCK_TAGS \
                or not any(_GRID_COLUMN.match(t.lower()) for t in _tokens(child, "class")):
            return []
        children.append(child)
    return children if len(children) >= 2 else []


def _control_value(node: Tag) -> str | None:
    """The text a form control shows, '' for an empty box.

    A text input's value, a textarea's text, a select's selected option; None for
    a control that shows no text (hidden, button, check box, nothing selected).
    """
    if node.name == "input":
        kind = str(node.get("type") or "text").strip().lower()
        value = node.get("value")
        if kind not in TEXT_INPUTS:
            return None
        return " ".join(value.split()) if isinstance(value, str) else ""
    if node.name == "textarea":
        return " ".join(node.get_text().split())
    chosen = node.find("option", selected=True)
    return " ".join(chosen.get_text().split()) if isinstance(chosen, Tag) else None
