"""A scanned register whose header OCR could not read: no report made of its rows.

A legacy form's reports are generated (``bench/corpus``, known values) and set as a
register, a column per field, as a scan of a Word table with a dark header band
reads: the header's white letters lost but for a group heading or two (``การประเมิน``,
``ร้อยละ  เบิกจ่าย (บาท) ตามแผน``), each row's cells run together where the columns
stand closer than a tab (``20/11/2566 สำรวจพื้นที่และ 8.00``), a row's long text
wrapped onto lines of its own. Without the header the register cannot be read column
by column; the legacy form's labelled reports are not there either. No value may be
taken from it for a report: the header's words and several reports' cells are no
one report's detail, date or progress. The truth is the generated values: what is
read of a report must be them, and the rows are reported as unread.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bma_etl.layouts import legacy_progress_form
from bma_etl.layouts.base import RepairedText
from test_report_column_tables import PLAN, _be_date, _legacy

from corpus import forms
from read_back import records_of


def _scanned_register(seed: int) -> tuple[list[dict[str, object]], str]:
    _project, reports, lines = _legacy(seed, 4, 1)
    lines += ["\t\t\t\t\t\tการประเมิน", "\t\t\t\tร้อยละ\tเบิกจ่าย (บาท) ตามแผน\t\tตามเป้าหมาย"]
    for r in reports:
        words = r["detail"].split(" ")
        budget = f"{Decimal(r['budget_disbursed_thb']):,.2f}"
        lines.append(f"{r['seq_label']}\t{_be_date(r['report_date'])} {words[0]} "
                     f"{r['progress_pct']}\t\t{budget}\t{PLAN[r['on_plan']]}")
        if len(words) > 1:
            lines.append("\t\t" + " ".join(words[1:]))
    return reports, "\n".join([*lines, *forms._FOOTER])


@pytest.mark.parametrize("seed", range(6))
def test_rows_of_a_register_with_its_header_unread_make_no_report(seed: int) -> None:
    reports, text = _scanned_register(seed)
    got = records_of(legacy_progress_form.extract, text, ocr_used=True,
                     screened=False)
    for row in got.get("progress_updates", []):
        want = next((r for r in reports if r["seq_label"] == row.seq_label), None)
        assert want is not None, f"a report of unknown number: {row.detail!r}"
        assert row.detail is None or row.detail == want["detail"]
    found = legacy_progress_form.extract(RepairedText.of(text, ocr_used=True)).findings
    assert any("register's rows" in f.message for f in found), found
