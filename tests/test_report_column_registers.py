"""A report register set as a wide table: the columns it does not have, where it ends.

The registers are generated (bench/corpus: the legacy form's head and reports, the
tracking page and its entries, from known values) and set as the text a reader
makes of a column table (tab cells), with what real exports add: a percent unit on
a budget's or a plan's column, a total's row under the reports, a register listed
oldest first, a steps table that is no register, a header of months each over a
plan and a result, amounts with their own unit word, numbers a narrow column split
with a space, other tables after the register. The truth is the values they were
written from.
"""

from __future__ import annotations

import re
import time
from decimal import Decimal

import pytest

from bma_etl.errors import NormalizeError
from bma_etl.layouts import legacy_progress_form, web_progress_history
from bma_etl.normalize.text import parse_flag
from test_report_column_tables import PLAN, _be_date, _history_as_table, _legacy

from corpus import forms
from corpus.build import GENERATORS, _rng
from read_back import assert_rows_read, records_of


def _read_legacy(lines: list[str]) -> list:
    text = "\n".join([*lines, *forms._FOOTER])
    return records_of(legacy_progress_form.extract, text,
                      ocr_used=False).get("progress_updates", [])


def _tabbed(text: str) -> str:
    return re.sub(r"^\| (.*) \|$", lambda m: m[1].replace(" | ", "\t"), text, flags=re.M)


def test_a_percent_on_a_budget_or_plan_column_is_no_progress() -> None:
    """``เบิกจ่าย (ร้อยละ)``, ``ผลการเบิกจ่าย (%)``, ``ตามแผน (%)``: a percent, not the
    progress; only ``ผลการดำเนินงาน (%)`` is."""
    for seed, (heading, progress) in enumerate((("เบิกจ่าย (ร้อยละ)", None),
                                                ("ผลการเบิกจ่าย (%)", None),
                                                ("ตามแผน (%)", "ผลการดำเนินงาน (%)"),
                                                ("งบประมาณที่เบิกจ่าย (%)", "ความก้าวหน้า (ร้อยละ)"))):
        _project, reports, lines = _legacy(40 + seed, 4, 1)
        lines.append("\t".join(["ครั้งที่", "วันที่รายงาน", "รายละเอียด",
                                *([progress] if progress else []), heading]))
        for k, r in enumerate(reports):
            other = f"{(k * 17 + 23) % 97}.50"  # a figure that is not the progress
            lines.append("\t".join([str(r["seq_label"]), _be_date(r["report_date"]), r["detail"],
                                    *([r["progress_pct"]] if progress else []), other]))
        got = _read_legacy(lines)
        assert_rows_read("progress_updates", got, reports, ("seq_label", "report_date", "detail"))
        want = [Decimal(r["progress_pct"]) if progress else None for r in reports]
        assert [g.progress_pct for g in got] == want, heading


@pytest.mark.parametrize("total", ["รวม", "รวมทั้งสิ้น", "Total"])
def test_a_total_row_ends_the_register(total: str) -> None:
    """``\\tรวม\\t\\t\\t8,632,000.00`` under the reports is no part of the last one; a line
    continuing a row adds to its text, never a number the row has not."""
    _project, reports, lines = _legacy(51, 4, 1)
    reports[-1]["budget_disbursed_thb"] = None  # the last report states no budget
    lines.append("ครั้งที่\tวันที่รายงาน\tผลการดำเนินงาน\tความก้าวหน้า (%)\tเบิกใช้ (บาท)")
    for r in reports:
        budget = r["budget_disbursed_thb"]
        words = r["detail"].split(" ")
        lines.append("\t".join([str(r["seq_label"]), _be_date(r["report_date"]),
                                " ".join(words[:1]), r["progress_pct"],
                                f"{Decimal(budget):,.2f}" if budget else ""]))
        if r is reports[-1]:  # the wrap's line holds a stray number in the budget's column
            lines.append("\t".join(["", "", " ".join(words[1:]), "", "77,000.00"]))
        elif len(words) > 1:
            lines.append("\t".join(["", "", " ".join(words[1:]), "", ""]))
    known = sum(Decimal(r["budget_disbursed_thb"]) for r in reports[:-1])
    lines.append(f"\t{total}\t\t\t{known:,.2f}")
    got = _read_legacy(lines)
    assert_rows_read("progress_updates", got, reports,
                     ("seq_label", "report_date", "progress_pct", "detail"))
    assert [g.budget_disbursed_thb for g in got] == [
        Decimal(r["budget_disbursed_thb"]) if r["budget_disbursed_thb"] else None
        for r in reports]
    assert total not in (got[-1].detail or "")


def test_a_register_listed_oldest_first_gives_the_latest_progress_and_status() -> None:
    """The page's history as a table, oldest report first: the project's progress and
    status are the latest report's (the highest number), not the first row's."""
    doc, text = _history_as_table(9)
    entries = doc.tables["progress_updates"]
    latest = entries[0]  # the page prints its latest entry first
    text = text.replace(f"ร้อยละ {latest['progress_pct']} ", "ร้อยละ 100.00 ", 1)
    text = text.replace(f"| {latest['detail']} |", "| ดำเนินการแล้วเสร็จเรียบร้อย |", 1)
    text = re.sub(r"^ความคืบหน้าโครงการ ร้อยละ .*\n", "", text, flags=re.M)  # no head figure
    head, *rows = [ln for ln in text.split("\n") if ln.startswith("| (")]
    at = text.index(head)
    rest = text[at + len("\n".join([head, *rows])):]
    text = text[:at] + "\n".join(reversed([head, *rows])) + rest  # oldest first
    got = records_of(web_progress_history.extract, _tabbed(text), ocr_used=False)
    project = got["projects"][0]
    assert (project.progress_pct, project.status) == (Decimal("100.00"), "completed")
    assert len(got["progress_updates"]) == len(entries)


def test_a_steps_table_on_a_history_page_is_no_register() -> None:
    """``ลำดับ | ขั้นตอนการดำเนินงาน | วันที่ | ร้อยละ``: the plan's steps, not reports."""
    doc = GENERATORS["web_history"](_rng(9, "web_history", 0))
    text = doc.text
    steps = ["ลำดับ\tขั้นตอนการดำเนินงาน\tวันที่\tร้อยละ",
             "1\tสำรวจพื้นที่\t01/11/2560\t20", "2\tจัดจ้าง\t01/02/2561\t80"]
    text = re.sub(r"^(\(\d+\) ความคืบหน้าโครงการฯ)", "\n".join(steps) + "\n" + r"\1", text,
                  count=1, flags=re.M)
    got = records_of(web_progress_history.extract, text, ocr_used=False)
    assert_rows_read("progress_updates", got.get("progress_updates", []),
                     doc.tables["progress_updates"],
                     ("seq_label", "report_date", "progress_pct", "detail"))


def test_a_header_of_months_over_plan_and_result_is_read_at_once() -> None:
    """``ครั้งที่ | วันที่รายงาน | ผลการดำเนินงาน | ต.ค. … มี.ค.`` over ``แผน | ผล`` six
    times (and twelve): the header's groupings are bounded, the reports still read."""
    for months in (6, 12):
        _project, reports, lines = _legacy(61, 3, 1)
        names = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                 "ก.ค.", "ส.ค.", "ก.ย."][:months]
        lines += ["\t".join(["ครั้งที่", "วันที่รายงาน", "ผลการดำเนินงาน", *names]),
                  "\t".join(["แผน", "ผล"] * months)]
        for r in reports:
            lines.append("\t".join([str(r["seq_label"]), _be_date(r["report_date"]), r["detail"],
                                    *["10", "8"] * months]))
        started = time.monotonic()
        got = _read_legacy(lines)
        assert time.monotonic() - started < 10
        assert [g.seq_label for g in got] == [r["seq_label"] for r in reports]
        assert all(g.progress_pct is None for g in got)  # no column states it


def test_an_amount_with_its_own_unit_word_is_read_in_that_unit() -> None:
    """``1.5 ล้านบาท`` under ``เบิกจ่าย (บาท)`` is 1,500,000 baht; ``480 พันบาท`` 480,000."""
    _project, reports, lines = _legacy(71, 4, 1)
    lines.append("ครั้งที่\tวันที่รายงาน\tผลการดำเนินงาน\tเบิกจ่าย (บาท)")
    stated = (("1.5", "ล้านบาท", 6), ("480", "พันบาท", 3), ("2.7270", "ล้านบาท", 6),
              ("12,500", "บาท", 0))
    for r, (number, unit, power) in zip(reports, stated, strict=True):
        r["budget_disbursed_thb"] = str(Decimal(number.replace(",", "")) * 10**power)
        said = f"{number} {unit}"
        lines.append("\t".join([str(r["seq_label"]), _be_date(r["report_date"]), r["detail"],
                                said]))
    got = _read_legacy(lines)
    assert [g.budget_disbursed_thb for g in got] == [Decimal(r["budget_disbursed_thb"])
                                                    for r in reports]


def test_a_number_split_by_a_space_is_not_joined() -> None:
    """``1 5`` in a progress's column, ``12,000 500`` in a budget's: which number was
    meant is not known, so NULL (a date split so is still joined: its shape says)."""
    _project, reports, lines = _legacy(81, 3, 1)
    lines.append("ครั้งที่\tวันที่รายงาน\tผลการดำเนินงาน\tความก้าวหน้า (%)\tเบิกใช้ (บาท)")
    for r in reports:
        pct, baht = r["progress_pct"].split(".")[0], f"{Decimal(r['budget_disbursed_thb']):,.0f}"
        lines.append("\t".join([str(r["seq_label"]), _be_date(r["report_date"]), r["detail"],
                                f"{pct[:1]} {pct[1:] or '0'}", f"{baht} 500"]))
    got = _read_legacy(lines)
    assert [g.seq_label for g in got] == [r["seq_label"] for r in reports]
    assert [(g.progress_pct, g.budget_disbursed_thb) for g in got] == [(None, None)] * 3


def test_a_stray_slash_is_no_flag_outside_a_register() -> None:
    """A ``/`` is a tick only in a register's flag column (tested with the registers);
    anywhere else a slash OCR left is no yes."""
    with pytest.raises(NormalizeError):
        parse_flag("/")


def test_the_register_ends_at_a_line_of_another_width() -> None:
    """Another table below the register (two cells a line) is not eaten as the
    register's unread lines: the legacy form reads it on its own."""
    _project, reports, lines = _legacy(91, 3, 1)
    lines.append("ครั้งที่\tวันที่รายงาน\tผลการดำเนินงาน\tผลเทียบแผน")
    for r in reports:
        lines.append("\t".join([str(r["seq_label"]), _be_date(r["report_date"]), r["detail"],
                                PLAN[r["on_plan"]]]))
    lines += ["หมายเหตุ\tข้อเสนอแนะ", "ไม่มี\tไม่มี", "ผู้รายงาน\tนายทดสอบ ระบบ"]
    text = "\n".join([*lines, *forms._FOOTER])
    from bma_etl.layouts.base import Extraction, RepairedText
    from bma_etl.layouts.report_columns import column_reports

    doc = RepairedText.of(text, (), ocr_used=False)
    out = Extraction()
    rows, used = column_reports(doc, doc.rows(), out)
    assert len(rows) == len(reports)
    assert not [f for f in out.findings if f.code == "unparsed_line"]
    assert not {ln.no for ln in doc.rows() if "หมายเหตุ" in ln.text or "ไม่มี\t" in ln.text} & used
