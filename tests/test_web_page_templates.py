"""Tracking pages saved from other page templates: labels and values in other elements.

The system's own pages set each field as a table row ``<tr><th>label</th><td>value``
and each history entry as rows of its own. Other templates of the same pages set a
field as a definition list's ``<dt>label</dt><dd>value</dd>``, as a grid row's label
column and value column (``<div class="row"><div class="col-3">…``), or as a form's
``<label>`` beside a read-only ``<input value=…>``; and the history as one table, a
header row naming its columns over a row per entry (its number, heading, date line
and labelled problems and obstacles each in a cell). Read block by block, each label
and its value fell on lines of their own (or the value, a control's, was not read at
all) and ten project fields were lost; the history's entries were read as one glued
register row (``problems`` ``** ปัญหาของโครงการ :…``). The monthly results set as
one table, a head cell ``ผลงานเดือนที่ N`` per month over a row of values, were lost.

Pages generated from known values (bench/corpus ``web.project_detail``,
``web.progress_history``), re-templated; the truth is their values.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from corpus import web
from corpus.doc import GeneratedDoc
from read_back import assert_read_as_generated


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _dl(pairs: list[tuple[str, str]]) -> str:
    return "<dl class=\"dl-horizontal\">" + "".join(
        f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in pairs) + "</dl>"


def _grid(pairs: list[tuple[str, str]]) -> str:
    return "".join(
        f'<div class="row"><div class="col-sm-3"><strong>{_e(k)}</strong></div>'
        f'<div class="col-sm-9"><span>{_e(v)}</span></div></div>\n' for k, v in pairs)


def _inputs(pairs: list[tuple[str, str]]) -> str:
    def control(k: str, v: str) -> str:
        if k == "หลักการและเหตุผล":
            return f"<textarea class=\"form-control\" readonly>{_e(v)}</textarea>"
        return f'<input class="form-control" type="text" value="{_e(v)}" readonly>'
    return "<form>" + "".join(
        f'<div class="form-group"><label>{_e(k)}</label>{control(k, v)}'
        '<input type="hidden" name="x" value="999"></div>' for k, v in pairs) + "</form>"


def _month_columns(pairs: list[tuple[str, str]]) -> str:
    """Months as one table: a head cell ``ผลงานเดือนที่ N`` per month over a row of values;
    the other fields as the system sets them."""
    months = [(k, v) for k, v in pairs if k.startswith("ผลงานเดือนที่")]
    fields = "<table>" + "".join(f'<tr><th scope="row">{_e(k)}</th><td>{_e(v)}</td></tr>'
                                 for k, v in pairs if (k, v) not in months) + "</table>"
    if not months:
        return fields
    return (fields + "<table><tr>" + "".join(f"<th>{_e(k)}</th>" for k, _ in months)
            + "</tr><tr>" + "".join(f"<td>{_e(v)}</td>" for _, v in months) + "</tr></table>")


TEMPLATES: dict[str, Callable[[list[tuple[str, str]]], str]] = {
    "dl": _dl, "grid": _grid, "inputs": _inputs, "month_columns": _month_columns}


def _retemplated(doc: GeneratedDoc, template: str) -> bytes:
    """``doc``'s detail page with its label/value rows (fields and months) re-set."""
    assert doc.html is not None
    soup = BeautifulSoup(doc.html, "html.parser")
    for table in soup.find_all("table"):
        pairs = [(cells[0].get_text(), cells[1].get_text())
                 for tr in table.find_all("tr")
                 if len(cells := tr.find_all(["th", "td"])) == 2 and cells[0].get_text()]
        fragment = BeautifulSoup(TEMPLATES[template](pairs), "html.parser")
        table.replace_with(fragment)
    codec = "cp874" if doc.html_encoding == "windows-874" else doc.html_encoding
    return str(soup).encode(codec)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
@pytest.mark.parametrize("k", range(3))
def test_a_detail_page_of_another_template(template: str, k: int, tmp_path: Path) -> None:
    doc = web.project_detail(random.Random(f"detail-template-{template}-{k}"))
    path = tmp_path / "page.html"
    path.write_bytes(_retemplated(doc, template))
    assert_read_as_generated(path, doc.truth, tables=["projects", "monthly_progress"])


def _stamp(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d:02d}/{m:02d}/{y + 543}"


def _history_table(doc: GeneratedDoc, one_line: bool) -> str:
    head = "".join(f"<th>{h}</th>" for h in
                   ("ครั้งที่", "ความคืบหน้า", "วันที่/รายละเอียด", "ปัญหา/อุปสรรค"))
    rows = []
    for e in doc.tables["progress_updates"]:
        between = " " if one_line else "<br>"
        rows.append(
            f"<tr><td>({e['seq_label']})</td>"
            f"<td>ความคืบหน้าโครงการฯ ร้อยละ {e['progress_pct']} ({e['report_date']})</td>"
            f"<td>{_stamp(e['report_date'])} : {_e(e['detail'])}</td>"
            f"<td>** ปัญหาของโครงการ :{_e(e['problems'])}{between}"
            f"** อุปสรรคของโครงการ :{_e(e['obstacles'])}</td></tr>")
    return (f'<table class="table"><thead><tr>{head}</tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>")


@pytest.mark.parametrize("one_line", [False, True])
@pytest.mark.parametrize("k", range(3))
def test_a_history_set_as_one_table(one_line: bool, k: int, tmp_path: Path) -> None:
    doc = web.progress_history(random.Random(f"history-table-{k}"))
    assert doc.html is not None
    soup = BeautifulSoup(doc.html, "html.parser")
    body = next(t for t in soup.find_all("table") if "ความคืบหน้าโครงการฯ" in t.get_text())
    assert isinstance(body, Tag)
    body.replace_with(BeautifulSoup(_history_table(doc, one_line), "html.parser"))
    path = tmp_path / "page.html"
    path.write_text(str(soup), encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=["progress_updates"])
