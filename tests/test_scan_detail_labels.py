"""A project-detail page's date and budget lines as OCR misread them.

Detail pages are generated from known values (``bench/corpus``); their lines are then
damaged the ways Tesseract read them on the corpus's scans (seeds 43 and 101): the
word ``Date`` of ``Start Date`` and ``Finish Date`` read as junk glued to the date
(``Start ไว๊ล6เ62021-10-01 00:00:00.000``), a budget's thousands commas read as dots,
some or all (``19,696.000.00``, ``20,833.000``), and the ``ฯ`` of ``งบฯ`` read as a
letter (``งบซ ที่ได้รับ``). The truth is the generated values: the agency stands
alone, both dates and both budgets are read.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.common import amount_dots_misread
from bma_etl.layouts.web_project_detail import extract

from corpus.build import GENERATORS
from corpus.score import same
from read_back import records_of

#: What OCR read for the word ``Date`` on the corpus's scans.
_DATE_JUNK = ("ไว๊ล6เ6", "ไวล6เ6", "Dato", "ๆ")
_BUDGET = re.compile(r"^(งบฯ (?:ที่ได้รับ|ที่ใช้ไป) \(บาท\))([0-9,]+)(\.[0-9]{2})?$", re.M)
_FIELDS = ("agency", "start_date", "end_date", "budget_allocated_thb", "budget_spent_thb")


@pytest.mark.parametrize("generator", ["web_detail", "web_detail_long"])
@pytest.mark.parametrize("seed", range(4))
def test_date_word_read_as_junk_and_budget_commas_as_dots(generator: str, seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = re.sub(r"^(Start|Finish) Date", lambda m: f"{m[1]} {rng.choice(_DATE_JUNK)}",
                  generated.text, flags=re.M)

    def budget(m: re.Match[str]) -> str:
        amount = m[2]
        if amount.count(",") >= 1:  # the last comma, or every one, read as a dot
            amount = amount.replace(",", ".") if rng.random() < 0.5 else \
                amount[:amount.rindex(",")] + "." + amount[amount.rindex(",") + 1:]
        label = m[1].replace("งบฯ", rng.choice(("งบฯ", "งบซ", "งบๆ")))
        return f"{label}{amount}{m[3] or ''}"

    text = _BUDGET.sub(budget, text)
    assert "Start Date" not in text and "Finish Date" not in text
    (got,) = records_of(extract, text, screened=False)["projects"]
    (want,) = generated.tables["projects"]
    for name in _FIELDS:
        assert name in want and same(want[name], getattr(got, name)), name


@pytest.mark.parametrize(("text", "value"), [
    ("19,696.000.00", "19696000.00"), ("20,833.000", "20833000"), ("1.250.500", "1250500"),
    ("20,833.00", None), ("20,833,000", None), ("833.0000", None), ("12.5", None),
])
def test_amount_whose_commas_read_as_dots(text: str, value: str | None) -> None:
    """Groups of three digits after a dot are no satang; two after the last dot are."""
    from bma_etl.layouts.base import Raw

    got = amount_dots_misread(Raw(text, None))  # type: ignore[arg-type]
    assert (None if got is None else str(got.value)) == value


#: Labels as Tesseract read them glued to their values on the corpus's scans (seed 569:
#: web_detail_005 at 200 dpi, web_detail_long_002 at 150 dpi): a letter lost, doubled
#: or read as another.
_ONE_EDIT_OFF = {"ผู้รับผิดชอบ": ("ผู้ร้ผิดชอบ", "งูรับผิดชอบ"),
                 "ผู้ตรวจประเมิน": ("ผู้ตรวจปประเมิน", "ผู้ตรวจประมิน"),
                 "หลักการและเหตุผล": ("หลักการและเหตุผส",)}
_PEOPLE = ("rationale", "target", "responsible_person", "coordinator")


@pytest.mark.parametrize("generator", ["web_detail", "web_detail_long"])
@pytest.mark.parametrize("seed", range(4))
def test_label_read_one_edit_off_glued_to_its_value(generator: str, seed: int) -> None:
    """The responsible unit, the coordinator and the rationale are read under their
    labels OCR misread by one letter, and none runs into the value above (the target)."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = generated.text
    for label, misread in _ONE_EDIT_OFF.items():
        text = re.sub(f"^{label}", rng.choice(misread), text, count=1, flags=re.M)
    assert all(not re.search(f"^{label}", text, re.M) for label in _ONE_EDIT_OFF)
    (got,) = records_of(extract, text, screened=False)["projects"]
    (want,) = generated.tables["projects"]
    names = [name for name in _PEOPLE if name in want]
    assert {"responsible_person", "coordinator"} <= set(names)
    for name in names:
        assert same(want[name], getattr(got, name)), name


@pytest.mark.parametrize("line", ["ผู้รับจ้างดำเนินการตามสัญญา", "ผู้ตรวจรับงานงวดที่ 2",
                                  "หน่วยงานที่เกี่ยวข้อง"])
def test_words_two_edits_from_a_label_open_none(line: str) -> None:
    from bma_etl.layouts.web_detail_labels import label_one_edit_off

    assert label_one_edit_off(line, ["ผู้รับผิดชอบ", "ผู้ตรวจประเมิน", "หน่วยงาน"]) is None


@pytest.mark.parametrize("generator", ["web_detail", "web_detail_long"])
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("misread", ['qu"', "งบขฯ", "aun"])
def test_budget_label_whose_word_ocr_read_as_letters_and_a_speck(generator: str, seed: int,
                                                                  misread: str) -> None:
    """``qu" ที่ใช้ไป (บาท)777,000.00`` and ``งบขฯ ที่ได้รับ (บาท)7,517,000`` (seed 569,
    web_detail_long at 150 and 300 dpi): both budgets are read as generated."""
    generated = GENERATORS[generator](random.Random(seed))
    text = re.sub(r"^งบฯ(?= ที่)", misread, generated.text, flags=re.M)
    assert text.count(misread) >= 2
    (got,) = records_of(extract, text, screened=False)["projects"]
    (want,) = generated.tables["projects"]
    for name in ("budget_allocated_thb", "budget_spent_thb"):
        assert same(want[name], getattr(got, name)), name
