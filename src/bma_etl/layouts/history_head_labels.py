"""The progress-history page's head as a labelled view prints it: a label over each value.

Stage: extract (a helper of :mod:`bma_etl.layouts.web_progress_history`, not a layout).
The page's own head states its values unlabelled, in a fixed order (``<name> :
<code>``, ``<agency> : (<year>)``, the unit under the progress line; see
:mod:`.history_header`). Its responsive view, narrowed to a phone's width, sets a label
over each (``ชื่อโครงการ`` / ``<name>``, ``รหัสโครงการ`` / ``<code>``, ``หน่วยงาน`` /
``<agency>``, ``ปีงบประมาณ`` / ``2567``, ``ส่วนราชการ`` / ``<unit>``, ``รหัสหน่วยงาน`` /
``<code>/<code>``), and a copy of it keeps the lines apart;
:func:`~.history_stacked.stacked_joined` joins each label to its value
(``ชื่อโครงการ : <name>``). Read as unlabelled lines, ``รหัสโครงการ : <code>`` named
a project ``รหัสโครงการ`` and the labels ran into the paragraphs.

:func:`head_label` reads such a line into the ``projects`` row: :data:`HEAD_LABELS` says
which column each label fills; a value not of its column's shape (a code, a year, a
unit code pair) is not read, and the label's line is still the head's, no paragraph's.
Never raises.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Line, RawRow, RepairedText
from bma_etl.layouts.common import split_agency_raw
from bma_etl.layouts.history_header import (
    DIGIT,
    UNIT_CODE_LINE,
    put_first,
    read_responsible,
)
from bma_etl.layouts.wrapped import rest_of
from bma_etl.normalize.codes import CODE_DASH

__all__ = ["HEADING_ALONE", "HEAD_LABELS", "head_label"]

#: Labels of the head's values (label as printed → projects column; ``_unit``: the
#: responsible unit or person, read as the line under the progress line is). Longer
#: labels first (``รหัสหน่วยงาน`` before ``หน่วยงาน``).
HEAD_LABELS: dict[str, str] = {
    r"ชื่อโครงการ(?:\s*/\s*กิจกรรม)?": "project_name",
    r"รหัสโครงการ": "project_code",
    r"รหัสหน่วยงาน": "unit_code",
    r"หน่วยงาน(?:ที่รับผิดชอบ)?": "agency",
    r"ปีงบประมาณ(?:\s*พ\.ศ\.)?": "fiscal_year_be",
    r"ส่วนราชการ": "_unit",
}
#: What each column's value must be, whole (others: any text).
_SHAPES: dict[str, re.Pattern[str]] = {
    "project_code": re.compile(rf"{DIGIT}{{6,10}}\s?{CODE_DASH}\s?{DIGIT}{{3,5}}"),
    "fiscal_year_be": re.compile(rf"{DIGIT}{{4}}"),
}
_UNIT_CODE_RE = re.compile(UNIT_CODE_LINE)
#: A labelled line: the label, then ``:`` or a tab, then its value (or nothing).
_LABELLED = [(re.compile(rf"^\s*(?:{label})\s*(?:[:\t]\s*(?P<value>.*?))?\s*$"), column)
             for label, column in HEAD_LABELS.items()]
#: A heading alone on its line over lines the head reads by their shape (the strategy
#: lines under ``ยุทธศาสตร์``): no paragraph's.
HEADING_ALONE = re.compile(r"^\s*ยุทธศาสตร์(?:ที่เกี่ยวข้อง|ของโครงการ)?\s*:?\s*$")


def head_label(doc: RepairedText, line: Line, project: RawRow) -> str | None:
    """The column of the labelled head ``line`` (its value put in ``project``), or None.

    The first stated value of a column is kept (:func:`~.history_header.put_first`).
    """
    for regex, column in _LABELLED:
        m = regex.match(line.text)
        if m is None:
            continue
        raw = doc.raw_match(m, "value", line=line)
        if raw is None:
            return column
        if column == "unit_code":
            pair = _UNIT_CODE_RE.match(raw.text)
            if pair is not None:
                put_first(project, column, doc.sub_raw(raw, *pair.span("value")))
        elif column == "agency":
            split_agency_raw(doc, raw, project)
        elif column == "_unit":
            value = rest_of(line, m.start("value"))
            if value is not None:
                read_responsible(doc, value, project)
        elif column not in _SHAPES or _SHAPES[column].fullmatch(raw.text):
            put_first(project, column, raw)
        return column
    return None

