"""The responsible unit of a tracking page whose progress line is lost.

Stage: extract (a helper of :mod:`.web_progress_history`). The progress-history page
prints its progress line, the responsible unit under it (``ฝ่ายโยธา``: the division),
then the links line; a print that loses the progress line (LibreOffice's empty first
page, a fixed bar over the page's top read by OCR) leaves the unit with nothing to
be read under: it is found by the links line instead.
"""

from __future__ import annotations

from bma_etl.layouts.base import Line, RepairedText
from bma_etl.layouts.history_header import (
    _UNIT_WORDS,
    UNIT_NAME_MAX,
    header_match,
    links_match,
)


def unit_over_links(doc: RepairedText, lines: list[Line], first: int) -> Line | None:
    """The unit line right over the links line that opens the page (``first``), or None.

    The page prints the progress line, the responsible unit under it, then the links
    line (``ดูโครงการแผนปีฯ : พิมพ์ข้อมูล``). LibreOffice's print of the page may lose the
    progress line (the first ``<div>``: an empty first page): the unit, a short line
    whose words open a unit's name (``ฝ่ายโยธา``), is then the line over the links line,
    on its page. Read it with :func:`.history_header.read_responsible`. A page whose top a fixed bar
    hid (OCR of its print: the progress line under the bar) opens at its name and code
    line instead, the agency's and the unit's lines under it, then the links line: the
    links line is looked for among the :data:`_OPENING_LINES` lines from ``first``.
    """
    at = next((k for k in range(first, min(len(lines), first + _OPENING_LINES))
               if links_match(lines[k].text, doc.ocr_used) is not None), None)
    if not at:
        return None
    above = lines[at - 1]
    if len(above.text.strip()) > UNIT_NAME_MAX or not _UNIT_WORDS.match(above.text) \
            or header_match(above.text) is not None \
            or doc.index.page_of(above.start) != doc.index.page_of(lines[at].start):
        return None
    return above


#: How many lines from where a page opens its links line may stand: the name and
#: code's line, the agency's, the unit's, then the links.
_OPENING_LINES = 4
