"""Values of forms and web pages a scan's OCR moved, cut or misread around their labels.

Forms, tracking, history and detail pages are generated from known values
(``bench/corpus``); their text is then damaged the ways Tesseract read the corpus's
scans: a date's rest a wrap put on the next line read after the next section
(``… ตั้งแต่วันที่ 15`` … ``ตุลาคม พ.ศ. 2564`` below the objectives), an entry label's
``**`` read as letters on a label alone (``ab  อุปสรรคของโครงการ`` / ``:…``), a date's
second ``/`` lost (``1/22566``), the ``:`` before a flag read as a dot after the budget's
unit (``บาท . เป็นไปตามแผน``), a budget's commas read as dots (``37.500.00 บาท``), the
Kpi ID's label misread (``Kol ID6348- 6816``). The truth is the generated values.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from bma_etl.layouts.base import Extraction, RepairedText
from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.layouts.web_progress_history import extract as history
from bma_etl.layouts.web_project_detail import extract as detail
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS


def _read(extract: Callable[[RepairedText], Extraction], text: str) -> dict[str, list[Any]]:
    """The records ``extract`` reads from ``text`` as an OCR'd page (before the trust screen)."""
    doc = RepairedText.of(text, ocr_used=True)
    return build_records(normalize(extract(doc), doc.text, doc.words, None), "0" * 64)


def _generated(name: str, rng: random.Random, wanted: re.Pattern[str]) -> Any:
    while True:
        generated = GENERATORS[name](rng)
        if wanted.search(generated.text):
            return generated


_DAY_THEN_REST = re.compile(r"(วันที่ [0-9๐-๙]{1,2}) (\S+ พ\.ศ\. [0-9๐-๙]{4}) ")


@pytest.mark.parametrize("year_apart", (False, True))
@pytest.mark.parametrize("seed", range(3))
def test_tracking_rationale_date_rest_read_after_the_objectives_goes_back(
        seed: int, year_apart: bool) -> None:
    """``… ตั้งแต่วันที่ 15`` / ``เพื่อแก้ไข…`` … objectives … ``ตุลาคม พ.ศ. 2564`` (the
    wrapped line's first words read as a block of their own, last): the rationale is
    whole again and the objectives are their own items."""
    rng = random.Random(seed)
    generated = _generated("web_tracking", rng, _DAY_THEN_REST)
    m = _DAY_THEN_REST.search(generated.text)
    assert m is not None
    rest = m.group(2).replace(" 25", "\n25") if year_apart else m.group(2)
    project, want = _read_moved(generated, m, rest)
    assert (" ".join(project.rationale.split()), project.objectives) == (
        want["rationale"], want["objectives"])


def _read_moved(generated: Any, m: re.Match[str], rest: str) -> tuple[Any, dict[str, Any]]:
    """The tracking page with ``m``'s date cut after its first group and ``rest`` read
    after the first objective (as OCR's block order puts it): the project read, and
    the project generated."""
    text = generated.text[:m.start()] + m.group(1) + "\n" + generated.text[m.end():]
    text = re.sub(r"(วัตถุประสงค์ของโครงการ\n.+\n)", lambda o: o.group(1) + rest + "\n",
                  text, count=1)
    assert rest in text
    [project] = _read(history, text)["projects"]
    [want] = generated.tables["projects"]
    return project, want


_DATE_AFTER_DAY_WORD = re.compile(r"(วันที่) ([0-9๐-๙]{1,2} \S+) (พ\.ศ\.) ([0-9๐-๙]{4}) ")


@pytest.mark.parametrize("seed", range(4))
def test_tracking_rationale_whole_date_read_after_the_objectives_goes_back(seed: int) -> None:
    """``… ตั้งแต่วันที่`` / ``เพื่อแก้ไข…`` … objectives … ``26⇥มีนาคม`` / ``พ.ศ.⇥2568``
    (the day went with the month and the year to the block read last): the rationale is
    whole again and the objectives are their own items."""
    rng = random.Random(seed)
    generated = _generated("web_tracking", rng, _DATE_AFTER_DAY_WORD)
    m = _DATE_AFTER_DAY_WORD.search(generated.text)
    assert m is not None
    rest = m.group(2).replace(" ", "\t") + "\n" + m.group(3) + "\t" + m.group(4)
    project, want = _read_moved(generated, m, rest)
    assert ("".join(project.rationale.split()), project.objectives) == (
        "".join(want["rationale"].split()), want["objectives"])


@pytest.mark.parametrize("seed", range(4))
def test_tracking_rationale_without_a_cut_date_keeps_its_objectives(seed: int) -> None:
    """A month's name alone under the objectives with no day cut in the rationale stays
    where OCR put it: nothing moves unless both parts are there."""
    rng = random.Random(seed)
    generated = _generated("web_tracking", rng, re.compile(r"วัตถุประสงค์ของโครงการ\n.+\n"))
    text = re.sub(r"(วัตถุประสงค์ของโครงการ\n.+\n)", lambda o: o.group(1) + "มีนาคม\n",
                  _DAY_THEN_REST.sub(r"\1 \2 ", generated.text), count=1)
    [project] = _read(history, text)["projects"]
    [want] = generated.tables["projects"]
    assert project.objectives == [*want["objectives"], "มีนาคม"]


_OBSTACLES_LABEL = re.compile(r"^\*\* (อุปสรรคของโครงการ) :", re.M)


@pytest.mark.parametrize("seed", range(4))
def test_history_obstacles_label_alone_its_stars_read_as_letters(seed: int) -> None:
    """``ab\\t\\tอุปสรรคของโครงการ`` / ``:ผู้รับจ้าง…`` (the label's ``**`` read as letters,
    its value wrapped onto the next line): the value is the obstacles', not the problems'."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _OBSTACLES_LABEL.sub(lambda m: f"{rng.choice(('ab', 'ae', 'si'))}\t\t{m.group(1)}\n:",
                                generated.text)
    assert text != generated.text
    got = _read(history, text).get("progress_updates", [])
    want = generated.tables["progress_updates"]
    assert [(r.problems, r.obstacles) for r in got] == [
        (w["problems"], w["obstacles"]) for w in want]


def _form(rng: random.Random) -> Any:
    return _generated(rng.choice(("legacy_pipe", "legacy_tab")), rng,
                      re.compile(r":: [0-9]{1,2}/[0-9]/25[0-9]{2}"))


@pytest.mark.parametrize("seed", range(4))
def test_report_date_whose_second_slash_ocr_lost(seed: int) -> None:
    """``:: 1/22566 :`` for 1/2/2566 (a one-digit month): the only date the digits make;
    ``1/112566`` (1/1 or 1/11) stays unread."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"(?<=:: )([0-9]{1,2})/([0-9]{1,2})/(25[0-9]{2})",
                  lambda m: f"{m.group(1)}/{m.group(2)}{m.group(3)}", generated.text)
    got = [r.report_date for r in _read(legacy, text)["progress_updates"]]
    want = generated.tables["progress_updates"]
    assert len(got) == len(want)
    for got_date, w in zip(got, want, strict=True):
        month = int(w["report_date"][5:7])
        if month < 10:  # ``1/22566``: one reading
            assert str(got_date) == w["report_date"]
        else:  # ``12/112565``: 12/1 or 12/11, unread; ``20/122565``: 20/12 only
            assert got_date is None or str(got_date) == w["report_date"]


@pytest.mark.parametrize("seed", range(4))
def test_plan_flag_after_the_budget_unit_its_colon_read_as_a_dot(seed: int) -> None:
    """``= 0 บาท . เป็น[ปตามแผน : …`` (the ``:`` read as ``.``, a letter of the flag
    misread): the plan flag is read; a negated one (``บาท . ไม่เป็น[ปตามแผน``) stays
    negative."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"(บาท)[ \t|]*:[ \t]*((?:ไม่)?)เป็นไปตามแผน", r"\1 . \2เป็น[ปตามแผน",
                  generated.text)
    assert "[ปตามแผน" in text
    assert [r.on_plan for r in _read(legacy, text)["progress_updates"]] == [
        w["on_plan"] for w in generated.tables["progress_updates"]]


@pytest.mark.parametrize("seed", range(4))
def test_project_budget_whose_commas_ocr_read_as_dots(seed: int) -> None:
    """``งบประมาณที่ใช้ไป : 37.500.00 บาท`` (commas read as dots, satang after them): the
    amount; ``37.50 บาท`` (satang only) stays what it says."""
    rng = random.Random(seed)
    generated = _generated(rng.choice(("legacy_pipe", "legacy_tab", "legacy_html")), rng,
                           re.compile(r"งบประมาณที่ใช้ไป : [0-9]{1,3},[0-9]{3}"))
    text = re.sub(r"(?<=งบประมาณที่ใช้ไป : )([0-9,]+)(?:\.[0-9]{2})?",
                  lambda m: m.group(1).replace(",", ".") + ".00", generated.text)
    [project] = _read(legacy, text)["projects"]
    [want] = generated.tables["projects"]
    assert f"{project.budget_spent_thb:.2f}" == want["budget_spent_thb"]
    text = re.sub(r"(?<=งบประมาณที่ใช้ไป : )([0-9,]+)(?:\.[0-9]{2})?", "37.50",
                  generated.text)
    [project] = _read(legacy, text)["projects"]
    assert project.budget_spent_thb == Decimal("37.50")


@pytest.mark.parametrize("label", ("Kol ID", "%๒110", "Kpi 1D "))
@pytest.mark.parametrize("seed", range(2))
def test_detail_page_kpi_id_whose_label_ocr_misread(seed: int, label: str) -> None:
    """``Kol ID6348- 6816``, ``%๒1106529-7253``: between the Branch ID and the budgets,
    the line's ID is the Kpi ID; the other IDs and the budgets read as before."""
    rng = random.Random(seed)
    generated = GENERATORS[rng.choice(("web_detail", "web_detail_long"))](rng)
    text = re.sub(r"^Kpi ID(?=[0-9]{4}-[0-9]{4}$)", label, generated.text, flags=re.M)
    assert text != generated.text
    [project] = _read(detail, text)["projects"]
    [want] = generated.tables["projects"]
    assert (project.kpi_id, project.branch_id, project.policy_id,
            f"{project.budget_allocated_thb:.2f}") == (
        want["kpi_id"], want["branch_id"], want["policy_id"], want["budget_allocated_thb"])
