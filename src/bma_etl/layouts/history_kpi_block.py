"""The progress-history page's KPI blocks: their labels and the lines under the heading.

Stage: extract (a helper of :mod:`bma_etl.layouts.history_entries`, not a layout).
A block opens with its heading (``ตัวชี้วัด : 2.8 <name>``, :data:`KPI_RE`; as OCR
damages it, :mod:`.history_kpi`) and holds the target, achieved and kind lines
(:data:`KPI_LABELS`). :func:`read_kpi_line` puts one such line's value into the
block's raw ``indicators`` row. Never raises.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Line, RawRow, RepairedText
from bma_etl.layouts.history_header import DIGIT, put_first
from bma_etl.layouts.history_labels import LABEL_SIMILARITY
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


def read_kpi_line(doc: RepairedText, line: Line, kpi: RawRow, ocr: bool = False) -> bool:
    """Put ``line``'s value into ``kpi`` when the line is one of :data:`KPI_LABELS`; whether it was.

    ``ocr``: the label is also matched in key form, the kind label approximately.
    """
    for regex, column in KPI_LABEL_RES:
        m = regex.match(line.text) or (match_key(regex.pattern, line.text) if ocr else None)
        if m:
            put_first(kpi, column, doc.raw_match(m, "value", line=line))
            if column != "kind" and kpi.fields.get("unit") is None:
                kpi.fields["unit"] = doc.raw_match(m, "unit", line=line)
            return True
    if ocr and (found := _approx_kpi_kind(line.text)) is not None:
        put_first(kpi, "kind", doc.raw_in(line, found, len(line.text.rstrip())))
        return True
    return False


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
