"""A phone photo of a form read as two columns: every report's value line after the labels.

Forms are generated from known values (``bench/corpus``, the tab-set dialect: each
report a label line and an indented value line). Their text is then laid out the way
Tesseract's page layout read an outside tester's phone photo of a printed form
(keystone 5 %, light falling off): every report's label, date and narrative first,
then every report's value line (``:: ความก้าวหน้าของงานฯ = 6.50 % : งบประมาณที่เบิกใช้
(ครั้งที่ 1]] = 0 บาท : …``), a closing bracket read as ``]`` now and then. The last
report took the first value line (6.50 % and 0 baht for 63.00 % and 670,000) and so
did the project's progress, the reports above lost theirs. The truth is the
generated values: each report reads its own, by the number its amount's label
states; when a line's number is unreadable, no report reads another's values.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy

from corpus.build import GENERATORS
from corpus.score import score_tables
from read_back import records_of

#: A report's label line and its value line (the tab dialect: the value line indented).
_ROW = re.compile(r"^(?P<label>รายงานครั้งที่[0-9๐-๙]+\t[^\n]*)\n(?P<values>\t[^\n]*)$",
                  re.MULTILINE)
#: The closing bracket of a value line's amount label.
_CLOSE = re.compile(r"(?<=ครั้งที่ [0-9๐-๙])\)|(?<=ครั้งที่ [0-9๐-๙]{2})\)")


def _form(seed: int) -> tuple[str, dict[str, list[dict[str, object]]]]:
    rng = random.Random(seed)
    for _ in range(20):
        generated = GENERATORS["legacy_tab"](rng)
        if len(_ROW.findall(generated.text)) >= 3:
            return generated.text, generated.tables
    pytest.fail("no form of 3 reports or more in 20 generated")


def _stacked(text: str, rng: random.Random) -> str:
    """``text`` with every value line after the last label line, some ``)`` read as ``]``."""
    rows = list(_ROW.finditer(text))
    labels = [m["label"] for m in rows]
    values = [_CLOSE.sub(lambda _: rng.choice((")", "]", "]]")), m["values"]) for m in rows]
    stacked = "\n\n".join(labels) + "\n" + "\n\n".join(values)
    return text[:rows[0].start()] + stacked + text[rows[-1].end():]


def _wrong(got: dict[str, list[object]], tables: dict[str, list[dict[str, object]]]
           ) -> tuple[int, int, list[tuple[object, ...]]]:
    truth = {"tables": {t: tables[t] for t in ("projects", "progress_updates")}}
    right, total, lost = score_tables(got, truth, by_place=True)
    return right, total, [miss for miss in lost if miss[2] is not None]


@pytest.mark.parametrize("seed", [3281, 3283, 3285, 3287])
def test_each_report_reads_the_value_line_its_number_names(seed: int) -> None:
    text, tables = _form(seed)
    got = records_of(legacy, _stacked(text, random.Random(seed)), screened=False)
    right, total, wrong = _wrong(got, tables)
    assert not wrong, wrong[:6]
    assert right == total
    updates = got["progress_updates"]
    assert len(updates) == len(tables["progress_updates"])
    for row, want in zip(updates, tables["progress_updates"], strict=True):
        assert str(row.progress_pct) == str(want["progress_pct"])
        assert (row.on_plan, row.on_target) == (want["on_plan"], want["on_target"])
    assert str(got["projects"][0].progress_pct) == str(tables["projects"][0]["progress_pct"])


@pytest.mark.parametrize("seed", [3281, 3283])
def test_an_unread_number_leaves_the_values_null_never_another_reports(seed: int) -> None:
    text, tables = _form(seed)
    stacked = _stacked(text, random.Random(seed))
    # the second value line's number unreadable: which line is whose cannot be told
    at = [m.start() for m in re.finditer(r"\(ครั้งที่ [0-9๐-๙]+", stacked)][1]
    stacked = stacked[:at] + re.sub(r"^\(ครั้งที่ [0-9๐-๙]+", "(ครั้งที่ ?", stacked[at:])
    got = records_of(legacy, stacked, screened=False)
    _, _, wrong = _wrong(got, tables)
    assert not wrong, wrong[:6]
    assert got["projects"][0].progress_pct is None


@pytest.mark.parametrize("seed", [3281, 3283])
def test_a_latest_progress_below_an_earlier_one_is_not_the_projects(seed: int) -> None:
    text, tables = _form(seed)
    rows = list(_ROW.finditer(text))
    last = rows[-1]
    # the last report's progress read lower than an earlier one (a digit misread)
    values = re.sub(r"= [0-9๐-๙.]+ %", "= 0.25 %", last["values"], count=1)
    assert max(float(str(r["progress_pct"])) for r in tables["progress_updates"][:-1]) > 0.25
    text = text[:last.start("values")] + values + text[last.end("values"):]
    got = records_of(legacy, text, screened=False)
    assert got["projects"][0].progress_pct is None


@pytest.mark.parametrize("seed", [3281, 3283])
def test_reports_whose_labels_are_cut_take_no_values_of_each_other(seed: int) -> None:
    text, tables = _form(seed)
    # the photo's left edge cut every label's head: the reports run into one
    cut = re.sub(r"^รายงานครั้งที่([0-9๐-๙]+)\t", lambda m: f"านครั้งที่{m[1]} ", text,
                 flags=re.MULTILINE)
    got = records_of(legacy, cut, screened=False)
    _, _, wrong = _wrong(got, tables)
    values = ("progress_pct", "budget_disbursed_thb", "on_plan", "on_target")
    wrong = [miss for miss in wrong if str(miss[0]).endswith(values)]
    assert not wrong, wrong[:6]
