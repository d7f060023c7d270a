"""A scanned legacy form's report row that holds the text of other reports.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes the report rows read from an OCR'd page and each row's cell texts;
produces the rows with the values of a row holding other reports' text taken out
(:func:`without_mixed_values`), and an ``ocr_doubtful_value`` finding for each.

A borderless table (a Word table with no rules) scanned comes out of Tesseract's
page layout column by column now and then: the report labels first
(``รายงานครั้งที่3``, ``รายงานครั้งที่4``), then one column holding the tail of
report 2, all of report 3 and all of report 4. Every cell after the last label
went to report 4, which read report 3's date, progress and amount (an outside
tester's 200 dpi scan: 28/3/2567, 41.00 %, 496,000 for 10/6/2567, 70.25 %,
667,250.75). A row states its own number in its amount's label
(``งบประมาณที่เบิกใช้ (ครั้งที่ 4) = …``): a row whose text names another report's
number there first and its own after it holds other reports' text before its own,
and which values are its own cannot be told. A row that names its own number first
(another's after it: a label OCR lost) reads its own values first, and one that
names only another's may have had its digit misread: both are left; so is a row with
one report's date only (its narrative quoting another report's amount label).
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Extraction, Finding, RawRow
from bma_etl.layouts.legacy_dates import _seq_number
from bma_etl.normalize.digits import to_arabic_digits

__all__ = ["VALUE_COLUMNS", "without_mixed_values"]

#: A report's number in its amount's label, as OCR reads it (``เบิกใช้ (ครั้งที่ 4)``,
#: ``เบิกใช้ (ครั้ง ที่ 2 )``).
_PAID_NUMBER = re.compile(r"เบิก\s*ใช้\s*\(\s*ครั้?ง\s*ที่?\s*(?P<no>[0-9๐-๙]{1,2})\s*\)")
#: A report's date as its row opens with it (``:: 28/3/2567``): a row holding another
#: report's text holds that report's date too. A narrative quoting another report's
#: amount label (``ขออนุมัติงบประมาณที่เบิกใช้ (ครั้งที่ 1) = 90,000 บาท``) holds none.
_REPORT_DATE = re.compile(r"[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{4}")
#: The values a mixed row loses; its number stays.
VALUE_COLUMNS = ("report_date", "progress_pct", "budget_disbursed_thb", "on_plan",
                 "on_target", "detail")


def without_mixed_values(rows: list[RawRow], texts: list[str], out: Extraction) -> None:
    """Take out, in place, the values of each row holding other reports' text.

    ``texts``: each row's cells joined, row for row; a finding for each row. Such a
    row has a known number, the first amount's label in its text
    (:data:`_PAID_NUMBER`) names another and a later one its own, and it holds two
    report dates at least (:data:`_REPORT_DATE`); a row with its number unread is left.
    """
    for row, text in zip(rows, texts, strict=True):
        seq = _seq_number(row)
        named = [int(to_arabic_digits(m["no"])) for m in _PAID_NUMBER.finditer(text)]
        if seq is None or not named or named[0] == seq or seq not in named \
                or len(set(_REPORT_DATE.findall(text))) < 2:
            continue
        lost = [column for column in VALUE_COLUMNS if row.fields.pop(column, None) is not None]
        if not lost:
            continue
        others = ", ".join(str(n) for n in sorted(set(named) - {seq}))
        out.findings.append(Finding(
            "progress_updates", row.ordinal, None, "warning", "ocr_doubtful_value",
            f"report {seq}: OCR read the text of report {others} into its row (the table's "
            f"columns out of order); its {', '.join(lost)} not loaded"))
