"""A legacy form's head fields set side by side: two ``label : value`` pairs on one line.

Forms are generated from known values (bench/corpus ``legacy_tab``); their head's
pairs (code and fiscal year, start date and allocated budget, end date and spent
budget) are set two to a line, as a two-column grid prints them: in a text file
spaced apart or tab-separated, in an HTML page as one table row of four cells
(label, value, label, value). The truth is the generated values: each field is
read whole and alone, none swallowed by the value beside it.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

import pytest

from bma_etl.layouts.base import Line
from bma_etl.layouts.legacy_head_pairs import side_by_side
from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score

#: The pairs set on one line: the first label's words → the second's.
_PAIRS = (("รหัสโครงการ", "ปีงบประมาณ"), ("เริ่มต้นโครงการ", "งบประมาณที่ได้รับ"),
          ("สิ้นสุดโครงการ", "งบประมาณที่ใช้ไป"))
_FIELDS = ("project_code", "fiscal_year_be", "start_date", "end_date", "budget_allocated_thb",
           "budget_spent_thb")


def _paired(doc: GeneratedDoc, gap: str) -> list[str | tuple[str, str]]:
    """The form's lines, each pair of head lines one item ``(left, right)``."""
    lines = doc.text.split("\n")
    out: list[str | tuple[str, str]] = []
    for line in lines:
        for left, right in _PAIRS:
            if line.startswith(right):
                k = max(i for i, item in enumerate(out)
                        if isinstance(item, str) and item.startswith(left))
                del out[k + 1:]
                out[k] = (out[k], line) if isinstance(out[k], str) else out[k]
                break
        else:
            out.append(line)
    return out


def _text(items: list[str | tuple[str, str]], gap: str) -> str:
    return "\n".join(item if isinstance(item, str) else gap.join(item) for item in items)


def _html(items: list[str | tuple[str, str]]) -> str:
    body = []
    for item in items:
        if isinstance(item, str):
            body.append(f"<p>{html.escape(item)}</p>" if item.strip() else "")
            continue
        cells = []
        for pair in item:
            label, value = pair.split(" : ", 1)
            cells += [f"<td>{html.escape(label)} :</td>", f"<td>{html.escape(value)}</td>"]
        body.append(f"<table><tr>{''.join(cells)}</tr></table>")
    return ('<!doctype html><html lang="th"><head><meta charset="utf-8"></head><body>'
            + "\n".join(body) + "</body></html>")


@pytest.mark.parametrize("kind", ["spaces", "tab", "html"])
def test_head_pairs_side_by_side_read_apart(tmp_path: Path, kind: str) -> None:
    for k in range(4):
        doc: GeneratedDoc = GENERATORS["legacy_tab"](random.Random(f"head-pairs-{k}"))
        items = _paired(doc, "")
        assert sum(isinstance(item, tuple) for item in items) == 3
        path = tmp_path / f"form-{k}.{'html' if kind == 'html' else 'txt'}"
        text = _html(items) if kind == "html" else _text(items, "\t" if kind == "tab" else " " * 8)
        path.write_text(text, encoding="utf-8")
        processed = process_file(path)
        assert processed.layout == "legacy_progress_form", path.name
        lost = [item for item in score(processed, doc.truth).lost
                if item[0].split(".")[-1] in _FIELDS]
        assert not lost, (kind, k, lost)


def test_a_value_with_spaces_but_no_label_after_stays_whole() -> None:
    labels = {"ชื่อ : ": ("name", 7)}
    line = Line(1, 0, "ชื่อ : โครงการก    ระยะที่ 2\tในเขตบางรัก")
    cut = side_by_side(line, ("name", 7), lambda t: labels.get(t[:7]))
    assert [ln.text for ln in cut] == [line.text]
