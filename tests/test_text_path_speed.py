"""The text path's cheap tests go first, and answers kept per line text stay right.

Inputs are built here from known values: a typed text with a quote in one line, a
tab-separated export whose text cells are quoted, and plan table headers.
"""

from __future__ import annotations

import pytest

from bma_etl.document import Line
from bma_etl.layouts.plan_cells import row_of
from bma_etl.layouts.plan_tables import kind_of
from bma_etl.read import text_quoted


class _NoWholeMatch:
    """Stands in for the whole-text regex: fails the test when it is run."""

    def fullmatch(self, text: str) -> None:
        raise AssertionError("the whole text was matched against the sheet regex")


def test_typed_text_with_a_quote_skips_the_whole_text_regex(monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    lines = [f"{n}. ชื่อโครงการ : โครงการที่ {n}" for n in range(1, 40)]
    lines[5] = 'ชื่อโครงการ : "สวนสาธารณะ" ระยะที่ 2'
    monkeypatch.setattr(text_quoted, "_SHEET", _NoWholeMatch())
    assert text_quoted.unquoted_cells("\n".join(lines) + "\n") is None


def test_quoted_export_is_still_read() -> None:
    code, year = "50140000-7215", "2567"
    text = f'"รหัสโครงการ :"\t"{code}"\t\t\n"ปี"\t{year}\t\t\n'
    assert text_quoted.unquoted_cells(text) == f"รหัสโครงการ :\t{code}\nปี\t{year}\n"


def test_target_header_kind_depends_on_each_rows_years() -> None:
    header = row_of(Line(1, 0, "ลำดับที่\tตัวชี้วัด\tเป้าหมาย\tหน่วยงาน"))
    years = row_of(Line(2, 40, "\t\t๒๕๖๖\t๒๕๖๗"))
    words = row_of(Line(2, 40, "๑\tร้อยละของงาน\tร้อยละ ๘๐\tกอง"))
    # the same header's cells asked again: the row under it still decides
    assert kind_of(header, years) == "targets"
    assert kind_of(header, words) is None
    assert kind_of(header, years) == "targets"
    assert kind_of(row_of(Line(1, 0, "ขั้นตอนการดำเนินงาน\tร้อยละ\tต.ค.")), None) == "steps"
