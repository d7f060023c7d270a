"""A progress-history page copied from its stacked (phone-width) view: labels above values.

Stage: extract (a helper of :mod:`bma_etl.layouts.web_progress_history`, not a layout).
A responsive page narrowed to a phone's width sets each of an entry's parts on a line of
its own, and a copy of it keeps those lines::

    (22)                                  the entry heading, in pieces
    ความคืบหน้าโครงการฯ
    ร้อยละ 93.00
    (2024-09-13)
    13/09/2567                            the report date, its narrative on the next line
    อบรมอาสาสมัคร…
    ** ปัญหาของโครงการ :                    a label, its value on the next line
    ไม่มี
    ตัวชี้วัด                                 the KPI block's labels alike
    1.7 จำนวนจุดเสี่ยงที่ได้รับการแก้ไข
    ค่าเป้าหมาย จุด
    450

and the head's progress line too (``ความคืบหน้าโครงการ`` / ``ร้อยละ`` / ``93``). Read as
printed, no line opened an entry and the page read as one of no entries.
:func:`stacked_joined` gives such lines the shape the page's readers know:

- the pieces of one whole line joined with a space: lines that open an entry heading
  (``(N)``) or the head's progress line (``ความคืบหน้า…``) and with up to
  :data:`MAX_PIECES` - 1 lines under them make that whole line, and no fewer do
  (:data:`~.history_entry_heads.ENTRY_RE` with its system date; the progress line of
  :data:`~.history_header.HEADER_LINES`);
- a label that ends its line without a value (:data:`_LABEL_ALONE`: an entry's or a KPI
  block's label, a ``:`` after it or not; the report date on the line under an entry's
  heading) joined to the next line, its value, with ``" : "`` between them where the
  label has no ``:`` of its own (nor does the value's line open with one); not when the
  next line is a label, a heading or a separator itself: the value is then empty and
  stays so (an entry label alone: :func:`~.history_labels.bare_label_column`).

Every piece keeps its offsets (:func:`~bma_etl.document.joined_line`): the ``:`` put
between a label and its value is in no piece, so no value read holds it. Never raises.
"""

from __future__ import annotations

import re

from bma_etl.document import Line, joined_line
from bma_etl.layouts.history_entry_heads import (
    BE_DATE,
    BULLET,
    ENTRY_RE,
    EVALUATION_RE,
    SEPARATOR_RE,
)
from bma_etl.layouts.history_head_labels import HEAD_LABELS
from bma_etl.layouts.history_header import DIGIT, header_match
from bma_etl.layouts.history_kpi_block import KPI_LABEL_RES, KPI_LABELS, KPI_RE
from bma_etl.layouts.history_labels import ENTRY_LABEL_RES, ENTRY_LABELS

__all__ = ["MAX_PIECES", "stacked_joined"]

#: Most lines one whole line of the page is stacked over (an entry heading's number,
#: words, progress and date).
MAX_PIECES = 4
#: A line that opens an entry heading (``(22)``, a bullet before it or not) or the head's
#: progress line (``ความคืบหน้าโครงการ``) and is not the whole of it.
_OPENS_WHOLE = re.compile(
    rf"^\s*(?:{BULLET}\(\s*{DIGIT}{{1,4}}\s*\)|ความคืบหน้า)")
#: The words of an entry heading with no number: a line the stacked heading goes on with.
_HEADING_WORDS = re.compile(r"^\s*ความคืบหน้าโครงการฯ")
#: A label alone on its line, a ``:`` after it or not: an entry's (``** ปัญหาของโครงการ``),
#: a KPI block's heading (``ตัวชี้วัด``) or label (``ค่าเป้าหมาย จุด``: its unit after it,
#: a word with no digit), the KPI kind's (``ประเภทตัวชี้วัด``), or one of the head's
#: (:data:`~.history_head_labels.HEAD_LABELS`: ``ชื่อโครงการ``, ``รหัสโครงการ``…).
_LABEL_ALONE = re.compile(
    rf"^\s*(?:\*{{0,3}}\s*(?:{'|'.join(ENTRY_LABELS)})"
    rf"|ตัวชี้วัด|(?:{'|'.join(KPI_LABELS)})(?:\s+[^\s:0-9๐-๙]{{1,20}})?"
    rf"|{'|'.join(HEAD_LABELS)})\s*(?P<colon>:)?\s*$")
#: The report date alone on its line (``13/09/2567``), its ``:`` there or not.
_DATE_ALONE = re.compile(rf"^\s*(?:(?:ณ\s*)?วันที่\s*)?(?:{BE_DATE})\s*(?P<colon>:)?\s*$")


def stacked_joined(lines: list[Line]) -> list[Line]:
    """``lines`` with a stacked copy's pieces of one line joined (see the module)."""
    out: list[Line] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        took = _whole_over(lines, at)
        if took > 1:
            out.append(_joined(lines[at:at + took], " "))
            at += took
            continue
        under_heading = bool(out) and ENTRY_RE.match(out[-1].text) is not None
        alone = _LABEL_ALONE.match(line.text) or (
            _DATE_ALONE.match(line.text) if under_heading else None)
        if alone is not None and at + 1 < len(lines) and _is_value(lines, at + 1):
            # the label's ``:`` on its line, or opening the next (a print wrapped it there)
            said = alone["colon"] or lines[at + 1].text.lstrip().startswith((":", ";"))
            out.append(_joined(lines[at:at + 2], " " if said else " : "))
            at += 2
            continue
        out.append(line)
        at += 1
    return out


def _whole_over(lines: list[Line], at: int) -> int:
    """How many lines from ``at`` make one entry heading or progress line (1: none)."""
    first = lines[at].text
    if not _OPENS_WHOLE.match(first) or _is_whole(first):
        return 1
    text = first.strip()
    for took in range(2, min(MAX_PIECES, len(lines) - at) + 1):
        piece = lines[at + took - 1].text.strip()
        if not piece or ":" in piece:
            return 1
        text = f"{text} {piece}"
        if _is_whole(text):
            return took
    return 1


def _is_whole(text: str) -> bool:
    """Whether ``text`` is a whole entry heading (with its date) or the head's progress line."""
    m = ENTRY_RE.match(text)
    if m is not None:
        return m.group("iso") is not None
    found = header_match(text)  # the progress said as one (``ร้อยละ``), not a bare number
    return found is not None and found[1] == "progress_pct" and "ร้อยละ" in text


def _is_value(lines: list[Line], k: int) -> bool:
    """Whether line ``k`` may be the value of the label alone above it.

    Not a blank line, a label (alone or with its value), an entry heading or its first
    piece, a KPI heading, a separator or the closing evaluation heading.
    """
    text = lines[k].text
    if not text.strip() or SEPARATOR_RE.match(text) or EVALUATION_RE.match(text):
        return False
    if _LABEL_ALONE.match(text) or KPI_RE.match(text) or _HEADING_WORDS.match(text):
        return False
    if _OPENS_WHOLE.match(text) and (_is_whole(text) or _whole_over(lines, k) > 1):
        return False
    return not any(regex.match(text) for regex, _ in ENTRY_LABEL_RES) and not any(
        regex.match(text) for regex, _ in KPI_LABEL_RES)


def _joined(lines: list[Line], sep: str) -> Line:
    """``lines`` as one line, each stripped, ``sep`` between them (offsets kept)."""
    parts = []
    for line in lines:
        lead = len(line.text) - len(line.text.lstrip())
        parts.append((line, lead, lead + len(line.text.strip())))
    return joined_line(parts, sep)
