"""Lines a page break wrapped: running text that goes on at the top of the next page.

Stage: read (runs in the PDF worker process, on the laid-out lines of every page
that :func:`.pdf.extract_pdf` made). A page's own wraps are measured line against
next line (:func:`.pdf_page.wrapped_lines`); a paragraph that runs over a page
break has its last line on one page and the next at the top of the next, with the
page's running footer and the next page's header (furniture:
:func:`bma_etl.furniture.furniture_lines`) between them. Those two body lines are
paired here as two lines of one page are.
"""

from __future__ import annotations

from bma_etl.furniture import furniture_lines
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_page import page_margin, wrap_at_space, wraps_into


def page_end_wraps(pages: list[list[TextLine]], widths: list[float], fills: bool = False,
                   wraps_at_spaces: bool = False) -> list[tuple[list[int], list[int]]]:
    """For each page, the index of its last body line when it goes on on the next page.

    ``pages`` are the pages' laid-out lines (one line of text each, as the page's
    text joins them), ``widths`` the pages' widths (points); ``fills`` and
    ``wraps_at_spaces`` are the writer's rules (:func:`.pdf_page.writer_rules`).
    Returns one ``(wrapped, spaced)`` per page, lists of line indexes: ``wrapped``
    holds the page's last body line (furniture and blank lines aside) when it wraps
    into the next page's first body line by the test of :func:`.pdf_page.wraps_into`
    against the page's own margin (else it is empty), and ``spaced`` holds it too
    when the wrap stands for a space (:func:`.pdf_page.wrap_at_space`). The last
    page never wraps.
    """
    out: list[tuple[list[int], list[int]]] = [([], [])] * len(pages)
    if len(pages) < 2:
        return out
    texts = ["\n".join(line.text for line in lines) for lines in pages]
    starts: list[int] = []
    at = 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    furniture = furniture_lines("\n".join(texts), tuple(starts))
    body: list[list[int]] = []  # each page's body lines (indexes into its lines)
    first = 1  # the 1-based document line number of the page's first line
    for lines in pages:
        body.append([i for i, line in enumerate(lines)
                     if line.text.strip() and first + i not in furniture])
        first += len(lines)
    for k in range(len(pages) - 1):
        if not body[k] or not body[k + 1] or not any(ln.right > 0.0 for ln in pages[k]):
            continue
        line, following = pages[k][body[k][-1]], pages[k + 1][body[k + 1][0]]
        body_left, margin = page_margin(pages[k], widths[k])
        if wraps_into(line, following, body_left, margin, fills):
            end = [body[k][-1]]
            out[k] = (end, end if wrap_at_space(line, following, body_left, margin,
                                                wraps_at_spaces) else [])
    return out
