"""A remark printed after a value, and a page's "as of" line, are never read into a field.

An outside tester's forms wrote what agencies write after a value:
``งบประมาณที่ได้รับ : 2,480,000 บาท (ไม่รวมเงินกันเหลื่อมปี 350,000 บาท)`` and
``ปีงบประมาณ พ.ศ. : 2567 (ต่อเนื่องจากปี 2566)`` were NULL ("several numbers"); a
person followed by ``ตำแหน่ง <position>`` kept the position in the name, and a
coordinator's ``โทร. 1544 (ผู้ช่วย นายกิตติ ใจดี)`` was all stored as the name. A saved
progress-history page with ``(ข้อมูล ณ วันที่ 30 มิถุนายน 2567 เวลา 16:45 น.)`` under its
progress line stored that line as the responsible person or unit.

Documents are generated from known values (bench/corpus ``legacy_tab``, ``legacy_pipe``,
``legacy_long``, ``web_history``); the remarks are printed from other values; the truth
is the generated values.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from bma_etl.document import Finding
from bma_etl.layouts import legacy_progress_form, web_progress_history

from corpus.build import GENERATORS
from read_back import records_of

FORMS = ["legacy_tab", "legacy_pipe", "legacy_long"]


def _put(text: str, label: str, after: str) -> str:
    """``text`` with ``after`` printed after the value of ``label``'s line."""
    out, count = re.subn(rf"^({label}[^\n:]*:[^\n]*?)[ \t]*$", lambda m: m[1] + after, text,
                         count=1, flags=re.M)
    assert count == 1, label
    return out


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("generator", FORMS)
@pytest.mark.parametrize("seed", range(3))
def test_remarks_after_a_forms_values_are_not_read_into_them(
        seed: int, generator: str, ocr: bool) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    want = generated.tables["projects"][0]
    year = want["fiscal_year_be"]
    carried = f"{rng.randrange(10, 900) * 1000:,}"
    text = _put(generated.text, "งบประมาณที่ได้รับ", f" (ไม่รวมเงินกันเหลื่อมปี {carried} บาท)")
    text = _put(text, r"ปีงบประมาณ พ\.ศ\.", f" (ต่อเนื่องจากปี {year - 1})")
    text = _put(text, "ชื่อผู้รับผิดชอบ", "")
    text = re.sub(r"^(ชื่อผู้รับผิดชอบ[^\n:]*: )(\S+ \S+)", r"\1\2 ตำแหน่ง หัวหน้าฝ่ายโยธา",
                  text, count=1, flags=re.M)
    text = _put(text, "ผู้ประสานงาน", " (ผู้ช่วย นายกิตติ ใจดี)")
    got = records_of(legacy_progress_form.extract, text, ocr_used=ocr,
                     screened=False)["projects"][0]
    assert got.budget_allocated_thb == Decimal(want["budget_allocated_thb"])
    assert got.fiscal_year_be == year
    assert got.responsible_person == want["responsible_person"]
    assert got.coordinator == want["coordinator"]
    assert (got.responsible_phone, got.coordinator_phone) == (
        want.get("responsible_phone"), want.get("coordinator_phone"))


AS_OF = [
    "(ข้อมูล ณ วันที่ 30 มิถุนายน 2567 เวลา 16:45 น.)",
    "ข้อมูล ณ วันที่ ๓๐ มิ.ย. ๒๕๖๗",
    "[ณ วันที่ 1/10/2566]",
    "(เมื่อวันที่ 12 ธันวาคม 2566 เวลา 9.30 น.)",
]


@pytest.mark.parametrize("person", [False, True])
@pytest.mark.parametrize("as_of", range(len(AS_OF)))
@pytest.mark.parametrize("seed", range(3))
def test_an_as_of_line_under_the_progress_is_no_person_or_unit(
        seed: int, as_of: int, person: bool) -> None:
    generated = GENERATORS["web_history"](random.Random(seed))
    want = dict(generated.tables["projects"][0])
    text, count = re.subn(r"^(ความคืบหน้าโครงการ ร้อยละ [0-9.]+)$", rf"\1\n{AS_OF[as_of]}",
                          generated.text, count=1, flags=re.M)
    assert count == 1
    if person:  # the page names a person under the progress, not a unit
        text = text.replace(f"\n{want['division']}\n", "\nนางสุภาพร ทองมี โทร. 4415\n", 1)
        want.update(division=None, responsible_person="นางสุภาพร ทองมี")
    got = records_of(web_progress_history.extract, text, ocr_used=False,
                     screened=False)["projects"][0]
    for field in ("responsible_person", "division"):
        assert getattr(got, field) == want.get(field), field


THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")


def _thai(day: date, numeric: bool) -> str:
    """``day`` as forms print it: ``30 กันยายน 2567`` or ``30/09/2567`` (Buddhist era)."""
    if numeric:
        return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"
    return f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + 543}"


def _read(text: str) -> tuple[dict[str, list[Any]], list[Finding]]:
    """A form's records (as :func:`read_back.records_of`, unscreened) and what was found."""
    from bma_etl.layouts.base import RepairedText
    from bma_etl.normalize.fields import normalize
    from bma_etl.validate import build_records

    doc = RepairedText.of(text, (), ocr_used=False)
    normalized = normalize(legacy_progress_form.extract(doc), doc.text, doc.words, None)
    return build_records(normalized, "0" * 64), normalized.findings


@pytest.mark.parametrize("numeric", [False, True])
@pytest.mark.parametrize("generator", FORMS)
@pytest.mark.parametrize("seed", range(3))
def test_an_end_date_with_its_extension_after_it_is_the_printed_end_date(
        seed: int, generator: str, numeric: bool) -> None:
    # ``สิ้นสุดโครงการ : 30 กันยายน 2567 (ขยายเวลาถึง 31 ธันวาคม 2567)``: the warehouse has
    # one end_date, the date printed under the label; the extension is a warning.
    generated = GENERATORS[generator](random.Random(seed))
    want = generated.tables["projects"][0]
    end = date.fromisoformat(str(want["end_date"]))
    extended = end + timedelta(days=random.Random(seed).randrange(30, 200))
    text, count = re.subn(r"^(สิ้นสุดโครงการ : ).*$",
                          rf"\g<1>{_thai(end, numeric)} (ขยายเวลาถึง {_thai(extended, numeric)})",
                          generated.text, count=1, flags=re.M)
    assert count == 1
    records, findings = _read(text)
    got = records["projects"][0]
    assert got.end_date == end
    assert got.start_date == date.fromisoformat(str(want["start_date"]))
    warned = [q for q in findings if q.field == "end_date"]
    assert [(q.severity, q.code) for q in warned] == [("warning", "unparsed_line")], warned
    assert f"ขยายเวลาถึง {_thai(extended, numeric)}" in warned[0].message


@pytest.mark.parametrize(("label", "field", "words"),
                         [("สิ้นสุดโครงการ", "end_date", "แก้ไขเป็น"),
                          ("เริ่มต้นโครงการ", "start_date", "เลื่อนเป็น"),
                          ("เริ่มต้นโครงการ", "start_date", "ขยายเวลาถึง")])
@pytest.mark.parametrize("generator", FORMS)
@pytest.mark.parametrize("seed", range(2))
def test_a_date_corrected_or_moved_in_brackets_is_not_read(
        seed: int, generator: str, label: str, field: str, words: str) -> None:
    # ``สิ้นสุดโครงการ : 30 กันยายน 2567 (แก้ไขเป็น 31 มีนาคม 2568)``: the printed date no
    # longer holds and the bracket is no extension of an end date: NULL, with the issue.
    generated = GENERATORS[generator](random.Random(seed))
    want = generated.tables["projects"][0]
    printed = date.fromisoformat(str(want[field]))
    other = printed + timedelta(days=random.Random(seed).randrange(30, 200))
    text, count = re.subn(rf"^({label} : ).*$",
                          rf"\g<1>{_thai(printed, False)} ({words} {_thai(other, False)})",
                          generated.text, count=1, flags=re.M)
    assert count == 1
    records, findings = _read(text)
    assert getattr(records["projects"][0], field) is None
    assert [q.code for q in findings if q.field == field] == ["unparsed_value"]
