"""A page's margin lines (its page number, a browser's print header and footer), and its ends.

Stage: read. Consumes a page's :class:`~.pdf_layout.TextLine` list (PDF text layer
or OCR) and gives the indexes of lines printed in the page's margins, which no
table's row holds, and the page's first and last lines of text past them (running
text goes on over a page break). Used by :mod:`.pdf_columns`, :mod:`.pdf_cutrows`
and :mod:`.pdf_layers`.
"""

from __future__ import annotations

from bma_etl.furniture_marks import PAGE_NUMBER_RE, browser_print_edges
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_page import DEFAULT_PITCH_EM, SAME_SIZE

#: Least distance (line pitches of its font size) between a page number and the text
#: next to it: a page's footer or header is set apart from the body (a Word footer by
#: the page's bottom margin), a table's rows follow one another.
PAGE_NUMBER_GAP_PITCHES = 1.5
#: The same for a page number in words or dashes (``หน้า 5``, ``- 5 -``), which no
#: table's cell holds: more than a line's pitch (a word processor's footer may stand
#: just under the body's last line, 1.2 pitches off).
WORDED_PAGE_NUMBER_GAP_PITCHES = 1.1


def margin_lines(lines: list[TextLine]) -> set[int]:
    """Indexes of the page's lines printed in its margins.

    Its page number (:func:`page_number_edges`), a running header in small type
    (:func:`small_header_edge`) and a browser's print header and footer
    (:func:`.furniture_marks.browser_print_edges`).
    """
    return page_number_edges(lines) | small_header_edge(lines) \
        | browser_print_edges([line.text for line in lines])


#: Least difference (points) between a running header's type and the body's under it.
SMALLER_PT = 0.5


def small_header_edge(lines: list[TextLine]) -> set[int]:
    """Index of the page's first inked line when it is a running header in small type.

    One cell, in type smaller than the next inked line's by :data:`SMALLER_PT` or
    more, and more than :data:`PAGE_NUMBER_GAP_PITCHES` line pitches above it: a
    header a program draws in the page's top margin (``ระบบติดตามและประเมินผลโครงการ``
    in 9 pt over 10 pt text), which may start left of the body's margin. Taken for
    the margin, it would make every line of the body an indented row of a table,
    and the lines of a paragraph the cell lines of one row.
    """
    inked = [k for k, line in enumerate(lines) if line.text.strip()]
    if len(inked) < 2:
        return set()
    line, other = lines[inked[0]], lines[inked[1]]
    if line.baseline is None or other.baseline is None or line.table is not None \
            or "\t" in line.text.strip() or line.size > other.size - SMALLER_PT:
        return set()
    pitch = DEFAULT_PITCH_EM * (line.size or 1.0)
    apart = line.baseline - other.baseline > PAGE_NUMBER_GAP_PITCHES * pitch
    return {inked[0]} if apart else set()


def page_number_edges(lines: list[TextLine]) -> set[int]:
    """Indexes of the page's first and last inked lines that are its page number.

    Such a line (``หน้า 5``, ``- 5 -``, ``5``; :data:`.furniture_marks.PAGE_NUMBER_RE`)
    stands more than :data:`PAGE_NUMBER_GAP_PITCHES` line pitches from the next
    inked line inwards (:data:`WORDED_PAGE_NUMBER_GAP_PITCHES` for one in words or
    dashes). Centred, it starts a tab's width or more from the margin and
    would pass for a row of the table above it, whose columns it would then bend
    (an indented cell under every other column's text). A page's only line is none.
    """
    inked = [k for k, line in enumerate(lines) if line.text.strip()]
    found: set[int] = set()
    if len(inked) < 2:
        return found
    for k, inner in ((inked[0], inked[1]), (inked[-1], inked[-2])):
        line, other = lines[k], lines[inner]
        if line.baseline is None or other.baseline is None or line.table is not None \
                or not PAGE_NUMBER_RE.match(line.text.replace("\t", " ")):
            continue
        pitch = DEFAULT_PITCH_EM * (line.size or 1.0)
        worded = not line.text.strip().isdigit()  # หน้า 5, - 5 -: no cell of a table
        gap = WORDED_PAGE_NUMBER_GAP_PITCHES if worded else PAGE_NUMBER_GAP_PITCHES
        if abs(line.baseline - other.baseline) > gap * pitch:
            found.add(k)
    return found


def last_text_line(lines: list[TextLine]) -> TextLine | None:
    """A page's last line of text, past its margins (:func:`margin_lines`); None: no text."""
    edge = margin_lines(lines)
    return next((line for k, line in reversed(list(enumerate(lines)))
                 if k not in edge and line.text.strip()), None)


def first_text_line(lines: list[TextLine]) -> TextLine | None:
    """A page's first line of text, past its margins (:func:`margin_lines`); None: no text."""
    edge = margin_lines(lines)
    return next((line for k, line in enumerate(lines) if k not in edge and line.text.strip()),
                None)


def opens_page(lines: list[TextLine], i: int, edge: set[int]) -> bool:
    """Whether ``lines[i]`` is the page's first line of text of its size.

    Lines in the page's margins (``edge``: :func:`margin_lines`) do not count.
    """
    size = lines[i].size or 1.0
    return all(k in edge or not lines[k].text.strip()
               or abs(lines[k].size - lines[i].size) > SAME_SIZE * size for k in range(i))


def ends_page(lines: list[TextLine], j: int, edge: set[int]) -> bool:
    """Whether no line of text of ``lines[j - 1]``'s size follows it on the page.

    Lines in the page's margins (``edge``: :func:`margin_lines`) do not count.
    """
    size = lines[j - 1].size or 1.0
    return all(k in edge or not lines[k].text.strip()
               or abs(lines[k].size - lines[j - 1].size) > SAME_SIZE * size
               for k in range(j, len(lines)))
