"""The progress-history page's KPI blocks: their labels and the lines under the heading.

Stage: extract (a helper of :mod:`bma_etl.layouts.history_entries`, not a layout).
A block opens with its heading (``ตัวชี้วัด : 2.8 <name>``, :data:`KPI_RE`; as OCR
damages it, :mod:`.history_kpi`) and holds the target, achieved and kind lines
(:data:`KPI_LABELS`). :func:`read_kpi_line` puts one such line's value into the
block's raw ``indicators`` row. Never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bma_etl.furniture_marks import PAGE_NUMBER_RE
from bma_etl.layouts.base import Line, Raw, RawRow, RepairedText
from bma_etl.layouts.history_entry_heads import EVALUATION_RE
from bma_etl.layouts.history_header import DIGIT, put_first
from bma_etl.layouts.history_labels import LABEL_SIMILARITY
from bma_etl.layouts.history_specks import OCR_SPECKS_RE
from bma_etl.layouts.wrapped import join, rest_of
from bma_etl.matchkey import key, match_key

#: The KPI block (label → indicators column); on the target and achieved lines the
#: word between label and colon is the unit (``ค่าเป้าหมาย ระดับ : 1``).
KPI_LABELS: dict[str, str] = {
    r"ค่าเป้าหมาย": "target_value",
    r"ผลงานที่ทำได้": "achieved_value",
    r"ประเภทตัวชี้วัด": "kind",
}
#: A KPI block's first line: ``ตัวชี้วัด : 2.8 <name>``.
KPI_RE = re.compile(
    rf"^\s*ตัวชี้วัด\s*:\s*(?:(?P<code>{DIGIT}{{1,2}}(?:\.{DIGIT}{{1,3}}){{0,3}})\.?\s+)?(?P<name>\S.*?)\s*$"
)
#: :data:`KPI_LABELS` as line patterns: the label, the unit (if any), ``:``, the value.
KPI_LABEL_RES = [
    (re.compile(rf"^\s*{label}\s*(?P<unit>[^:\s][^:]*?)?\s*:\s*(?P<value>.*?)\s*$"), column)
    for label, column in KPI_LABELS.items()
]
#: A KPI heading's name that is only its code: the page wrapped the name onto the next line.
CODE_ALONE_RE = re.compile(rf"^{DIGIT}{{1,2}}(?:\.{DIGIT}{{1,3}}){{0,3}}\.?$")


def read_kpi_line(doc: RepairedText, line: Line, kpi: RawRow, ocr: bool = False
                  ) -> KpiText | None:
    """Put ``line``'s value into ``kpi`` when the line is one of :data:`KPI_LABELS`.

    ``ocr``: the label is also matched in key form, the kind label approximately.
    None when the line is no label's; else the value's column, and the value's own
    line when it is a text the page may wrap (:data:`TEXT_COLUMNS`) and stands first.
    """
    for regex, column in KPI_LABEL_RES:
        m = regex.match(line.text) or (match_key(regex.pattern, line.text) if ocr else None)
        if m:
            value = doc.raw_match(m, "value", line=line)
            put_first(kpi, column, value)
            if column != "kind" and kpi.fields.get("unit") is None:
                kpi.fields["unit"] = doc.raw_match(m, "unit", line=line)
            return _held(kpi, column, value, line, m.start("value"))
    if ocr and (found := _approx_kpi_kind(line.text)) is not None:
        value = doc.raw_in(line, found, len(line.text.rstrip()))
        put_first(kpi, "kind", value)
        return _held(kpi, "kind", value, line, found)
    return None


@dataclass(frozen=True, slots=True)
class KpiText:
    """A KPI block's text value as read so far: its column, and the line holding it.

    ``line`` is None when the value is not one a page wraps or was stated before.
    """

    column: str
    line: Line | None = None


#: The KPI block's columns whose values are running text, which a narrow page wraps
#: onto lines of their own (``…เพื่อการบริหารจัดการ`` / ``เมือง``, ``…ระดับผลผลิต`` /
#: ``(output)``).
TEXT_COLUMNS = frozenset({"name", "kind"})


def _held(kpi: RawRow, column: str, value: Raw | None, line: Line, at: int) -> KpiText:
    if column not in TEXT_COLUMNS or value is None or kpi.fields.get(column) is not value:
        return KpiText(column)
    return KpiText(column, rest_of(line, at))


def name_text(kpi: RawRow, line: Line | None) -> KpiText:
    """The block's name as :class:`KpiText`, ``line`` the line (or lines) it was read from."""
    return KpiText("name", line if kpi.fields.get("name") is not None else None)


def goes_on(line: Line, held: KpiText | None, ocr: bool) -> bool:
    """Whether ``line`` (no label, heading or separator) goes on with the value ``held``.

    The value is a text (:data:`TEXT_COLUMNS`) on the line just above, and ``line``
    holds letters and no ``:`` (no label of its own), is no page number
    (:data:`~bma_etl.furniture_marks.PAGE_NUMBER_RE`) and no evaluation heading OCR
    damaged; after OCR, it is not specks (:data:`~.history_specks.OCR_SPECKS_RE`).
    A kind already closed by its bracket (``…ระดับผลผลิต (output)``) is whole: the
    line under it is no part of it (a copy's ``COPY`` stamped across the page).
    """
    text = line.text.strip()
    if held is not None and held.line is not None and held.column == "kind" \
            and held.line.text.rstrip().endswith(")"):
        return False
    return (held is not None and held.line is not None and any(c.isalpha() for c in text)
            and ":" not in text and not PAGE_NUMBER_RE.match(text)
            and not (ocr and (OCR_SPECKS_RE.match(line.text)
                              or match_key(EVALUATION_RE.pattern, text))))


def go_on(doc: RepairedText, kpi: RawRow, held: KpiText, line: Line) -> KpiText:
    """``held``'s value read again with ``line`` joined to it (:func:`~.wrapped.join`)."""
    if held.line is None:
        return held
    joined = join([held.line, line])
    kpi.fields[held.column] = doc.raw_in(joined, 0, len(joined.text))
    return KpiText(held.column, joined)


_KIND_KEY = key("ประเภทตัวชี้วัด")
_KIND_COLON = re.compile(r"\s*[:;]\s*")


def _approx_kpi_kind(text: str) -> int | None:
    """Where the value of a KPI kind label OCR read with a letter wrong starts, or None.

    ``ประเภทตัวขี้วัด : …``, ``ประเภททตัวชี้วัด : …``: the words before the line's
    first ``:`` are the label's, whole, in key form, at :data:`LABEL_SIMILARITY`.
    """
    from rapidfuzz.fuzz import ratio

    colon = _KIND_COLON.search(text, 0, 40)
    if colon is None:
        return None
    head = key(text[:colon.start()]).strip(" *'\".,")
    if ratio(head, _KIND_KEY) < LABEL_SIMILARITY:
        return None
    return colon.end()
