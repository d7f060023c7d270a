"""A report register set as a wide table: a header row naming the columns, a report per row.

Agencies export the legacy form's progress reports, and a tracking page's
history, as one table with a column per field (``ครั้งที่ | วันที่รายงาน |
ผลการดำเนินงาน | ความก้าวหน้า (%) | งบประมาณที่เบิกใช้ (บาท) | ผลเทียบแผน |
ผลเทียบเป้าหมาย``). The form's reader looked for its ``รายงานครั้งที่ N`` cells and
the history's for its ``(N) ความคืบหน้าโครงการฯ`` headings: neither found one, and
every report was lost (the header row an ``unparsed_line``, the progress NULL).

The documents are generated (bench/corpus: the form's head and reports, the
tracking page and its entries, from known values), their reports set as a column
table, printed by ReportLab in ruled boxes (cells wrap inside their box, the table
runs over a page) or given as the text a reader makes of such a table (tab cells:
a two-row merged header, ticks for flags, a row a page break cut, the header
repeated); the truth is the values they were written from.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from bma_etl.layouts import legacy_progress_form, web_progress_history

from corpus import forms, render
from corpus.build import GENERATORS, _rng
from corpus.doc import GeneratedDoc
from read_back import assert_read_as_generated, assert_rows_read, records_of
from thai_fonts import font_file

LEGACY_FIELDS = ("seq_label", "report_date", "progress_pct", "budget_disbursed_thb",
                 "on_plan", "on_target", "detail")
PLAN = {True: "เป็นไปตามแผน", False: "ไม่เป็นไปตามแผน"}
TARGET = {True: "เป็นไปตามเป้าหมาย", False: "ไม่เป็นไปตามเป้าหมาย"}
#: How exports state a flag: the form's words, yes/no, a tick or a cross.
FLAG_STYLES: tuple[dict[bool, str], ...] = ({True: "ใช่", False: "ไม่ใช่"},
                                           {True: "✓", False: "✗"}, {True: "/", False: "-"})


def _be_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d}/{m}/{y + 543}"


def _legacy(seed: int, reports: int, sentences: int) -> tuple[Any, list[dict[str, Any]],
                                                               list[str]]:
    rng = random.Random(seed)
    project, rows, head = forms._form_head(rng, reports, sentences=sentences)
    return project, rows, head


def _legacy_doc(project: Any, reports: list[dict[str, Any]], lines: list[str]) -> GeneratedDoc:
    return GeneratedDoc(name="legacy_columns", layout="legacy_progress_form",
                        text="\n".join([*lines, *forms._FOOTER]),
                        tables={"projects": [project], "progress_updates": reports})


def test_a_report_register_printed_in_ruled_boxes_reads_row_for_row(tmp_path: Path) -> None:
    for seed, font in ((3, "Loma"), (11, "Norasi")):
        project, reports, lines = _legacy(seed, 7, 3)  # long narratives: they wrap
        lines.append("| ครั้งที่ | วันที่รายงาน | ผลการดำเนินงาน | ความก้าวหน้า (%) "
                     "| งบประมาณที่เบิกใช้ (บาท) | ผลเทียบแผน | ผลเทียบเป้าหมาย |")
        for r in reports:
            lines.append(f"| {r['seq_label']} | {_be_date(r['report_date'])} | {r['detail']} "
                         f"| {r['progress_pct']} | {Decimal(r['budget_disbursed_thb']):,.2f} "
                         f"| {PLAN[r['on_plan']]} | {TARGET[r['on_target']]} |")
        doc = _legacy_doc(project, reports, lines)
        pdf = tmp_path / f"legacy-{seed}.pdf"
        render.render_reportlab(doc, pdf, font, font_file(font), random.Random(seed))
        assert_read_as_generated(pdf, doc.truth)


def _history_as_table(seed: int, keep: int = 0) -> tuple[GeneratedDoc, str]:
    """A tracking page whose entries are printed as a six-column table instead (all but
    the last ``keep``, which stay the page's own entries below the table)."""
    doc = GENERATORS["web_history"](_rng(seed, "web_history", 0))
    entries = doc.tables["progress_updates"]
    tabled = len(entries) - keep
    rows = ["| ครั้งที่ | วันที่ | ความคืบหน้าโครงการฯ | รายละเอียด | ปัญหาของโครงการ "
            "| อุปสรรคของโครงการ |"]
    rows += [f"| ({e['seq_label']}) | {e['report_date']} | ร้อยละ {e['progress_pct']} "
             f"| {e['detail']} | {e['problems']} | {e['obstacles']} |" for e in entries[:tabled]]
    last = "" if keep else r"(?!\(\d+\))"  # the table takes every entry
    text, n = re.subn(rf"^\(\d+\) ความคืบหน้าโครงการฯ(?:.*?-+&&&-+\n){{{tabled}}}{last}",
                      "\n".join(rows) + "\n", doc.text, count=1, flags=re.S | re.M)
    assert n == 1 and text.count("&&&") == keep
    return doc, text


def test_a_tracking_pages_history_printed_as_a_table_reads_row_for_row(tmp_path: Path) -> None:
    for seed in (5, 8):
        doc, text = _history_as_table(seed)
        table = GeneratedDoc(name="history_columns", layout=doc.layout, text=text,
                             tables={"progress_updates": doc.tables["progress_updates"]})
        pdf = tmp_path / f"history-{seed}.pdf"
        render.render_reportlab(table, pdf, "Loma", font_file("Loma"), random.Random(seed))
        assert_read_as_generated(pdf, table.truth)


def test_a_merged_header_ticks_and_a_row_cut_by_a_page_break() -> None:
    """The text a reader makes of such a table: a group heading over two rows of the
    header, flags as ticks or yes/no, a narrative wrapped onto a line of its own cells,
    a row the page break cut (its number cell empty on the next page, under the
    header printed again), and a cell that states nothing (``-``)."""
    for seed, style in zip((21, 22, 23), FLAG_STYLES, strict=True):
        _project, reports, lines = _legacy(seed, 5, 1)
        lines += ["ครั้งที่\tวันที่รายงาน\tรายละเอียด\tผลการดำเนินงาน/การเบิกจ่าย\tการประเมิน",
                  "ร้อยละ\tเบิกจ่าย (บาท)\tตามแผน\tตามเป้าหมาย"]
        starts: list[int] = []
        for k, r in enumerate(reports):
            plan, target = style[r["on_plan"]], style[r["on_target"]]
            if style[False] == "-":  # a cross left out: the flag is not stated
                r["on_plan"] = True if r["on_plan"] else None
                r["on_target"] = True if r["on_target"] else None
            words = r["detail"].split(" ")
            cut = max(1, len(words) // 2)
            first, rest = " ".join(words[:cut]), " ".join(words[cut:])
            row = [str(r["seq_label"]), _be_date(r["report_date"]), first,
                   r["progress_pct"], f"{Decimal(r['budget_disbursed_thb']):,.2f}", plan, target]
            lines.append("\t".join(row))
            if rest and k == 2:  # the page breaks inside this row
                starts.append(len("\n".join(lines)) + 1)
                lines += ["ครั้งที่\tวันที่รายงาน\tรายละเอียด\tผลการดำเนินงาน/การเบิกจ่าย"
                          "\tการประเมิน", "ร้อยละ\tเบิกจ่าย (บาท)\tตามแผน\tตามเป้าหมาย"]
            if rest:
                lines.append("\t\t" + rest + "\t\t\t\t")
        text = "\n".join([*lines, *forms._FOOTER])
        got = records_of(legacy_progress_form.extract, text, (0, *starts), ocr_used=False)
        fields = tuple(f for f in LEGACY_FIELDS if all(r[f] is not None for r in reports))
        read_rows = got.get("progress_updates", [])
        assert_rows_read("progress_updates", read_rows, reports, fields)
        for read, want in zip(read_rows, reports, strict=True):
            assert (read.on_plan, read.on_target) == (want["on_plan"], want["on_target"])


def test_a_cell_that_cannot_be_read_is_null_not_its_neighbours() -> None:
    """A progress cell holding no percent, a line whose cells do not line up: NULL."""
    _project, reports, lines = _legacy(31, 3, 1)
    lines.append("ครั้งที่\tวันที่รายงาน\tผลการดำเนินงาน\tความก้าวหน้า (%)\tผลเทียบแผน")
    for r in reports:
        pct = "รอรายงาน" if r["seq_label"] == 2 else r["progress_pct"]
        lines.append(f"{r['seq_label']}\t{_be_date(r['report_date'])}\t{r['detail']}\t{pct}"
                     f"\t{PLAN[r['on_plan']]}")
    lines.insert(-1, "\tหมายเหตุ\tข้อความ")  # three cells under five columns
    text = "\n".join([*lines, *forms._FOOTER])
    got = records_of(legacy_progress_form.extract, text, ocr_used=False).get("progress_updates", [])
    assert [r.seq_label for r in got] == [1, 2, 3]
    assert got[1].progress_pct is None
    assert [r.progress_pct for r in got[::2]] == [Decimal(reports[0]["progress_pct"]),
                                                  Decimal(reports[2]["progress_pct"])]
    assert [r.on_plan for r in got] == [r["on_plan"] for r in reports]


def test_the_history_reader_keeps_its_own_entries_beside_a_table() -> None:
    """Half the history as a table, the rest the page's own ``(N) ความคืบหน้า`` entries."""
    doc, text = _history_as_table(9, keep=3)
    assert len(re.findall(r"^\(\d+\) ความคืบหน้าโครงการฯ", text, flags=re.M)) == 3
    tabbed = re.sub(r"^\| (.*) \|$", lambda m: m[1].replace(" | ", "\t"), text, flags=re.M)
    got = records_of(web_progress_history.extract, tabbed, ocr_used=False)
    assert_rows_read("progress_updates", got.get("progress_updates", []),
                     doc.tables["progress_updates"],
                     ("seq_label", "report_date", "progress_pct", "detail", "problems",
                      "obstacles"))


def test_a_date_a_narrow_column_wrapped_reads_whole() -> None:
    """A narrow date column wraps ``2021-07-09`` as ``2021-0`` / ``7-09``; the reader
    joins the cell's lines with a space (``2021-0 7-09``): the date is still read."""
    doc, text = _history_as_table(12)
    rng = random.Random(12)

    def cut(m: re.Match[str]) -> str:
        at = rng.randint(2, len(m[0]) - 2)
        return f"| {m[0][:at]} {m[0][at:]} |"

    tabbed = re.sub(r"(?<=\| )\d{4}-\d{2}-\d{2}(?= \|)", lambda m: cut(m)[2:-2], text)
    tabbed = re.sub(r"^\| (.*) \|$", lambda m: m[1].replace(" | ", "\t"), tabbed, flags=re.M)
    assert not re.search(r"\t\d{4}-\d{2}-\d{2}\t", tabbed)
    got = records_of(web_progress_history.extract, tabbed, ocr_used=False)
    assert_rows_read("progress_updates", got.get("progress_updates", []),
                     doc.tables["progress_updates"], ("seq_label", "report_date", "detail"))
