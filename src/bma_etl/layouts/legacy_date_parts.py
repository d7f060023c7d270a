"""The date that opens a legacy form's report entry, as printed and as OCR reads it.

Stage: extract (patterns of :mod:`bma_etl.layouts.legacy_report_dates`, not a layout).
Each pattern matches at a report cell's start and names the date ``date``.
"""

from __future__ import annotations

import re

from bma_etl.normalize.dates import THAI_MONTH

#: The report's date opens its entry, after ``::`` (OCR: one to three colons, or
#: a stray mark read for them): ``29/12/2565``, ``6-11-2568``, ``11.10.67``, ``2567-11-30``,
#: its year of two digits (``16/2/62``: :func:`~bma_etl.layouts.legacy_dates.short_years`)
#: or its month a Thai word (``15 พ.ย. 2563``, ``3 มีนาคม 2564``); a time of day the
#: system printed after it (``14/11/2565 10:30``, ``10:30:00``, ``10.30 น.``) is no
#: narrative: it is passed over (its hour and minute are not stored: the column is a date).
DATE_PART_RE = re.compile(
    r"^[\s:;.'\"]*(?:(?:ณ[ \t]*)?วันที่[ \t]*)?"  # ``:: วันที่ 19 มีนาคม พ.ศ. 2567 :``
    r"(?P<date>[0-9๐-๙]{1,2}(?:\s*/\s*[0-9๐-๙]{1,2}\s*/\s*|(?P<sep>[.-])"
    r"[0-9๐-๙]{1,2}(?P=sep))[0-9๐-๙]{2,4}|[0-9๐-๙]{4}-[0-9๐-๙]{1,2}-[0-9๐-๙]{1,2}(?![0-9๐-๙])"
    rf"|[0-9๐-๙]{{1,2}}[ \t]*(?:{THAI_MONTH})[ \t]*(?:พ\.[ ]?ศ\.[ \t]*)?"
    r"[0-9๐-๙]{2,4}(?![0-9๐-๙]))"
    r"(?:[ \t]+(?:เวลา[ \t]*)?[0-2๐-๒]?[0-9๐-๙](?::[0-5๐-๕][0-9๐-๙]){1,2}(?:[ \t]*น\.)?"
    r"|[ \t]+(?:เวลา[ \t]*)?[0-2๐-๒]?[0-9๐-๙]\.[0-5๐-๕][0-9๐-๙][ \t]*น\.)?\s*:?")

#: After OCR the row's rules may stand before it too (``| | :: ก 21/12/2568``: a line
#: whose first ``|`` OCR read as a letter is no pipe row, so its cells are not split), and
#: a speck read as a bracket or quote glued to it (``:% (26/1/2568:``).
OCR_DATE_PART_RE = re.compile(
    r"^[\s:;.'\"|]*(?:[1lI!\[\]]:[\s:;.'\"|]*)?"  # a table rule read as 1, l or ] (``1:: 21/6``)
    r"(?:\S{1,2}\s+)?[(\[\u201c\"'\u2018]?(?P<date>[0-9]{1,2}\s*/\s*[0-9]{1,2}\s*/\s*[0-9]{4})\s*:?"
)
#: A row whose label cell OCR read as a few short tokens of junk, the date after them
#: (``ป ATs | ว ป 21/12/2568``, ``ก รางหต | | ฏี | 11/11/2566``: the label's word read as
#: six letters at most): read only at the start of a report's first cells, before any
#: date or narrative of it.
OCR_DATE_AFTER_JUNK_RE = re.compile(
    r"^[\s:;.'\"|]*(?:[^\s/0-9๐-๙]{1,6}[\s|:]+){1,5}"
    r"(?P<date>[0-9]{1,2}\s*/\s*[0-9]{1,2}\s*/\s*[0-9]{4})\s*:?")
