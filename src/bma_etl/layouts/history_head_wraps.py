"""Head lines of the progress-history page a narrow column wrapped or cut.

Stage: extract (a helper of :mod:`bma_etl.layouts.web_progress_history`, not a
layout). A page set in two columns (a writer's two-column section, a scan of its
print) wraps ``*** สยป. ประเมินโครงการ : ไตรมาสที่ 3`` before the quarter: the
quarter alone would open the rationale (``3``), and the banner's line, no longer a
whole banner (:data:`~.history_header.BANNER_RE`), the rationale before it. It ends
``<agency> : (<year>)`` near the column's edge, so the reader takes the unit on the
next line (``ฝ่ายโยธา``) for the rest of a wrapped line: :func:`agency_apart`. A
print narrower than ``<name> : <code>`` wraps it after the colon, and OCR, which
does not know the page's wraps, gives the code a line of its own: :func:`with_wrapped_code`.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Line
from bma_etl.layouts.history_header import UNIT_NAME_MAX, banner_match, header_match
from bma_etl.rows import join_lines

#: The banner's quarter (and score) alone on a line: a narrow column wrapped it there.
_QUARTER_ALONE_RE = re.compile(
    r"^\s*[0-9\u0e50-\u0e59](?:\s*:?\s*[0-9\u0e50-\u0e59.,]+)?\s*\**\s*$")

#: The banner cut before its quarter (a narrow column wrapped it, and the scan's quarter
#: alone was dropped as a speck): still the banner, its quarter not stated.
_BANNER_CUT_RE = re.compile(r"^\W{0,4}\S{0,6}[.,]?\s*ประเมินโครงการ\s*:?\s*ไตรมาส(?:ที่)?"
                            r"(?P<quarter>(?!))?(?P<score>(?!))?\s*$")


def with_wrapped_banner(lines: list[Line], ocr: bool) -> list[Line]:
    """``lines`` with the banner's line joined to its quarter a narrow column wrapped.

    A page set in two columns (a writer's section, a scan of it) wraps
    ``*** สยป. ประเมินโครงการ : ไตรมาสที่ 3`` before the quarter: the quarter's line
    alone would start the rationale (``3``). Joined when the line is no banner alone,
    the next holds the quarter (and score) only, and the two are the banner.
    """
    for i in range(len(lines) - 1):
        if _QUARTER_ALONE_RE.match(lines[i + 1].text) and banner_match(
                lines[i].text, ocr) is None and banner_match(
                f"{lines[i].text.rstrip()} {lines[i + 1].text.strip()}", ocr) is not None:
            joined = join_lines([lines[i], lines[i + 1]], lambda _a, _b: " ")
            return [*lines[:i], joined, *lines[i + 2:]]
    return lines


def banner_cut(text: str) -> re.Match[str] | None:
    """The banner with no quarter after ``ไตรมาสที่`` (:data:`_BANNER_CUT_RE`), or None.

    Its ``quarter`` and ``score`` groups never match: the quarter is not stated.
    """
    return _BANNER_CUT_RE.match(text)


def agency_apart(lines: list[Line]) -> list[Line]:
    """``lines`` with ``<agency> : (<year>)`` parted from the line the reader joined it to.

    The line stands whole by itself (its year's bracket ends it) and the page puts
    the responsible unit on the next line; a reader that saw the agency's line end at
    the column's edge took the two for one wrapped line (``สำนักงานเขตบางขุนเทียน :
    (2567) ฝ่ายโยธา``: no agency, and that as the division). Parted when the first of
    two joined lines is the agency's whole and the second a short line with no ``:``.
    """
    out: list[Line] = []
    for line in lines:
        if len(line.pieces) == 2:
            (at0, doc0, len0), (at1, doc1, len1) = line.pieces
            first, second = line.text[at0:at0 + len0], line.text[at1:at1 + len1]
            found = header_match(first)
            if found is not None and found[1] == "_agency_year" and ":" not in second \
                    and len(second.strip()) <= UNIT_NAME_MAX:
                out += [Line(line.no, doc0, first), Line(line.no + 1, doc1, second)]
                continue
        out.append(line)
    return out


def with_wrapped_code(lines: list[Line]) -> list[Line]:
    """``lines`` with a name's line that ends in ``:`` joined to its code on the next line.

    A print narrower than ``<name> : <code>`` wraps it after the colon
    (``โครงการติดตั้ง…เขตลาดกระบัง :`` / ``50270000-0419``); a reader that measured the
    wrap joins them already, OCR does not: the code went unread and the name into the
    rationale. Joined when the first line ends in ``:``, is no header line itself, and
    the two together are a name and its code (:func:`.history_header.header_match`).
    """
    for i in range(len(lines) - 1):
        first, second = lines[i], lines[i + 1]
        if not first.text.rstrip().endswith(":") or second.no != first.no + 1 \
                or header_match(first.text) is not None:
            continue
        found = header_match(f"{first.text.rstrip()} {second.text.strip()}")
        if found is not None and found[1] == "_name_code" and found[0]["code"]:
            joined = join_lines([first, second], lambda _a, _b: " ")
            return [*lines[:i], joined, *lines[i + 2:]]
    return lines
