"""The text path's cheap tests go first, and answers kept per line text stay right.

Inputs are built here from known values: a typed text with a quote in one line, a
tab-separated export whose text cells are quoted, plan table headers, names with and
without an amount, clean dump lines, a table saved a cell a line, a saved page.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from bs4.element import Tag

from bma_etl.document import Line
from bma_etl.layouts import plan_amounts
from bma_etl.layouts.plan_cells import row_of
from bma_etl.layouts.plan_tables import kind_of
from bma_etl.normalize import trust_clusters
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fields import Normalized
from bma_etl.read import text_dumps, text_quoted, text_stacked
from bma_etl.read.html import page_url
from bma_etl.read.html_render import render_lines


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


class _Unused:
    """Stands in for a regex a cheap test must make needless: fails the test when run."""

    def __init__(self, regex: re.Pattern[str], name: str) -> None:
        self.regex, self.name = regex, name

    def __getattr__(self, method: str) -> object:
        if method == self.name:
            raise AssertionError(f"{self.regex.pattern[:30]!r}.{method} was run")
        return getattr(self.regex, method)


def test_a_text_with_no_digit_states_no_budget_without_the_amount_regexes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    name, amount = "สำนักการโยธา กองสำรวจและแผนที่", "1,250,000"
    monkeypatch.setattr(plan_amounts, "AMOUNT_BAHT_RE",
                        _Unused(plan_amounts.AMOUNT_BAHT_RE, "finditer"))
    assert plan_amounts.budget_said(name) is None
    assert plan_amounts.budget_said(f"{name} ไปรษณีย์กลาง ใช้ได้") is None  # a SARA AI, no ``ไม``
    monkeypatch.undo()
    said = plan_amounts.budget_said(f"{name} {amount} บาท")
    assert said is not None and said["amount"] == amount
    assert plan_amounts.budget_said(f"{name} ไม่ใช้งบประมาณ") is not None
    assert plan_amounts.budget_said(f"{name} ไ ม่ ใ ช้ ง บ") is not None  # (a dump's spaces)


def test_a_text_with_no_mark_opening_a_line_skips_the_cut_marks_regex(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "ชื่อโครงการ : ปรับปรุงถนน\n\nสำนักงานเขต\n"
    monkeypatch.setattr(text_dumps, "_CUT", _Unused(text_dumps._CUT, "sub"))
    assert text_dumps.rejoined_marks(text) == text


def test_a_clean_dump_skips_the_doubled_tone_and_orphan_counts(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "ชื่อโครงการ : ปรับปรุงถนน\nผู้รับผิดชอบ : สำนักงานเขต\n"
    monkeypatch.setattr(trust_clusters, "_DOUBLED",
                        _Unused(trust_clusters._DOUBLED, "findall"))
    monkeypatch.setattr(trust_clusters, "_ORPHAN", _Unused(trust_clusters._ORPHAN, "findall"))
    normalized = Normalized()
    trust_clusters.drop_dump_misreads(normalized, text)
    assert normalized.findings == []
    # marks opening three lines still are orphans (the count is the same)
    assert trust_clusters._orphans("\u0e48ก\n \u0e34ข\n\u0e49ค") == 3


def test_a_stacked_table_is_read_without_reading_digits_in_long_lines(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def short_only(text: str) -> str:
        assert len(text) <= 4, f"digits read in {text!r}"
        return to_arabic_digits(text)

    monkeypatch.setattr(text_stacked, "to_arabic_digits", short_only)
    text = "ผลการดำเนินงานประจำปี ๒๕๖๗\nลำดับที่\nชื่อ\nงบ\n๑\nก\n5\n2\nข\n7\nท้าย\n"
    assert text_stacked.restacked_cells(text) == (
        "ผลการดำเนินงานประจำปี ๒๕๖๗\nลำดับที่\tชื่อ\tงบ\n๑\tก\t5\n2\tข\t7\nท้าย\n")


def test_a_page_naming_no_address_is_not_searched_tag_by_tag(
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = ("<html><head><meta charset='utf-8'><!-- a note --></head><body><table>"
            "<tr><th>รหัสโครงการ</th><td>50140000-7215</td></tr></table></body></html>")

    def searched(*args: object, **kwargs: object) -> None:
        raise AssertionError("the page was searched with find/find_all")

    monkeypatch.setattr(Tag, "find", searched)
    monkeypatch.setattr(Tag, "find_all", searched)
    soup = BeautifulSoup(page, "html.parser")
    assert page_url(soup) is None
    assert render_lines(soup) == "รหัสโครงการ\t50140000-7215"
    monkeypatch.undo()
    named = page.replace("<meta charset='utf-8'>",
                         "<link rel='canonical' href='https://x.example/a?pid=7'>")
    assert page_url(BeautifulSoup(named, "html.parser")) == "https://x.example/a?pid=7"
