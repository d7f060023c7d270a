"""The header of an indicator-definition table printed as flowing text, as OCR reads it.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow_definitions`, not a
layout). Consumes one line's text; tells whether it heads a definition table
(``มาตรการ | ตัวชี้วัดมาตรการ | นิยาม/คำอธิบายตัวชี้วัด | โครงการ/กิจกรรม``), as
printed or damaged as OCR damages it.
"""

from __future__ import annotations

from functools import lru_cache

from bma_etl.matchkey import LINE_CACHE, KeyRegex

__all__ = ["OCR_KPI_TAIL_RE", "is_kpi_header"]

#: The definition table's header words (``นิยาม/คำอธิบายตัวชี้วัด`` and the columns
#: around it), which may wrap onto the next lines.
_KPI_HEADER_RE = KeyRegex(r"^\s*(?:มาตรการ\s*ตัวชี้วัด|ตัวชี้วัด).*(?:นิยาม|คำอธิบาย)")
#: The same header on an OCR'd page with one letter of ตัวชี้วัด read as another
#: (``ตัวขี้วัด``): all its columns' words, the line no longer than a header.
_OCR_KPI_HEADER_RE = KeyRegex(
    r"^\s*(?:มาตรการ|ตัว\Sวัด).*(?:นิยาม|คำอธิบาย).*(?:โครงการ|กิจกรรม)")
_KPI_HEADER_MAX = 90
#: ...or with the definition column's words misread (``มียคม/ศักย์ธีบายตัวซี้ชัด``): the
#: indicator's column, then two words joined by a slash as that column's are, then
#: the activities' ``โครงการ/กิจกรรม``, which no other table's header holds.
_OCR_KPI_COLUMNS_RE = KeyRegex(
    r"^\s*(?:มาตรการ\s+)?ตัว\S{1,3}วัด\S*\s+\S{2,16}/\S{2,30}\s+โครงการ\s*/\s*กิจกรรม")
#: ...or with its first columns' words misread (``Se<tab>นิยาม/คำอธิบายตัวชี้วัด
#: โครงการ/กิจกรรม...``): a short word of no Thai letter, then the definition column's
#: and the activities column's words, which no other table's header holds together.
OCR_KPI_TAIL_RE = KeyRegex(
    r"^\s*(?:[^\s\u0e01-\u0e4e]{1,4}\s+)?นิยาม\s*/\s*คำอธิบาย\S*\s+โครงการ\s*/\s*กิจ")


@lru_cache(maxsize=LINE_CACHE)
def is_kpi_header(text: str, ocr: bool) -> bool:
    """Whether ``text`` is a definition table's header (damaged as OCR damages it, on OCR)."""
    return bool(_KPI_HEADER_RE.match(text)) or (
        ocr and len(text.strip()) <= _KPI_HEADER_MAX
        and bool(_OCR_KPI_HEADER_RE.match(text) or _OCR_KPI_COLUMNS_RE.match(text)
                 or OCR_KPI_TAIL_RE.match(text)))
