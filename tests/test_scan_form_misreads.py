"""What a scan's OCR misreads around the values of progress forms and tracking pages.

Forms, detail and history pages are generated from known values (``bench/corpus``);
their text is then damaged the ways Tesseract misread the fixed wording of the
corpus's scans: a section heading's number read as letters (``oe หลักการและเหตุผล``),
a label's ``:`` read as a lone mark, a letter of a label or flag read as another
(``ชื่อผู้รับถิดชอบ``, ``เป็นไปดามเป้าหมาย``), a report's number read as a letter, a
thousands comma read with a space after it or as a dot (``282, 500``, ``232.500``),
``งบฯ`` read as Latin letters, a KPI heading's word misread. The truth is the
generated values: what OCR left readable reads right, and nothing is guessed.
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
from bma_etl.normalize.digits import parse_amount, to_arabic_digits
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS


def _read(extract: Callable[[RepairedText], Extraction], text: str) -> dict[str, list[Any]]:
    """The records ``extract`` reads from ``text`` as an OCR'd page (before the trust screen)."""
    doc = RepairedText.of(text, ocr_used=True)
    return build_records(normalize(extract(doc), doc.text, doc.words, None), "0" * 64)


def _amount(value: object) -> str | None:
    return None if value is None else f"{value:.2f}"


def _form(rng: random.Random, arabic: bool = False) -> Any:
    """A generated legacy form (pipe or tab rows), its report values in Arabic digits if asked."""
    while True:
        generated = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab"))](rng)
        if not arabic or re.search(r"งานฯ = [0-9]", generated.text):
            return generated


def _rows(records: dict[str, list[Any]]) -> list[tuple[Any, ...]]:
    return [(r.on_plan, r.on_target, _amount(r.progress_pct), _amount(r.budget_disbursed_thb),
             str(r.report_date)) for r in records.get("progress_updates", [])]


def _want_rows(generated: Any) -> list[tuple[Any, ...]]:
    return [(w["on_plan"], w["on_target"], w["progress_pct"], w["budget_disbursed_thb"],
             w["report_date"]) for w in generated.tables["progress_updates"]]


#: What OCR read for a heading's number on the corpus's scans.
_NUMBER_JUNK = ("oe", "Tae เวส:", "ee", "|:", "ia.")


@pytest.mark.parametrize("seed", range(6))
def test_section_heading_whose_number_ocr_read_as_letters_still_opens_its_section(
        seed: int) -> None:
    """``oe หลักการและเหตุผล``, ``Tae เวส: รายงานความก้าวหน้า…``: the coordinator stops
    before the rationale and every report row is read."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"^(?:1\.3|2\.) (?=หลักการ|รายงานความก้าวหน้า)",
                  lambda m: f"{rng.choice(_NUMBER_JUNK)} ", generated.text, flags=re.M)
    assert text.count("\n1.3 ") == 0
    records = _read(legacy, text)
    assert _rows(records) == _want_rows(generated)
    [project] = records["projects"]
    [want] = generated.tables["projects"]
    assert (project.coordinator, project.coordinator_phone) == (want["coordinator"],
                                                              want.get("coordinator_phone"))


@pytest.mark.parametrize("seed", range(6))
def test_label_whose_colon_ocr_read_as_a_mark_or_a_letter_as_another(seed: int) -> None:
    """``หน่วยงานที่รับผิดชอบ.\\t๊\\tสำนัก…`` and ``ชื่อผู้รับถิดชอบ... : นาย…``: the agency,
    the person and the phone are read."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"^(หน่วยงานที่รับผิดชอบ\.) : ",
                  lambda m: f"{m.group(1)}\t{rng.choice('๊่้')}\t", generated.text, flags=re.M)
    text = text.replace("ชื่อผู้รับผิดชอบ... :", "ชื่อผู้รับถิดชอบ... :")
    [project] = _read(legacy, text)["projects"]
    [want] = generated.tables["projects"]
    columns = ("agency", "responsible_person", "responsible_phone")
    assert {c: getattr(project, c) for c in columns} == {c: want.get(c) for c in columns}


_BUDGET = re.compile(r"(?P<label>งบประมาณที่เบิกใช้) (?P<no>\(ครั้งที่ [0-9]+\)) = "
                     r"(?P<amount>[0-9]{1,3}),(?P<rest>[0-9]{3}) บาท")


@pytest.mark.parametrize("seed", range(8))
def test_budget_amounts_and_label_as_ocr_misread_their_marks(seed: int) -> None:
    """``= 282, 500 บาท``, ``= 232.500 บาท``, ``งบประมาณที่เบิกใช้ : (ครั้งที่ 6) = …``: each
    amount reads as printed."""
    rng = random.Random(seed)
    generated = _form(rng, arabic=True)
    while not _BUDGET.search(generated.text):
        generated = _form(rng, arabic=True)

    def damaged(m: re.Match[str]) -> str:
        comma = rng.choice((", ", "."))
        return f"{m['label']} : {m['no']} = {m['amount']}{comma}{m['rest']} บาท"

    text = _BUDGET.sub(damaged, generated.text)
    assert _rows(_read(legacy, text)) == _want_rows(generated)


@pytest.mark.parametrize("seed", range(6))
def test_target_flag_on_its_own_line_its_colon_lost_and_a_letter_misread(seed: int) -> None:
    """``… บาท : เป็นไปตามแผน`` / ``เป็นไปดามเป้าหมาย``: the target flag is read, and a
    negated one is never read affirmative."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"[\t ]*\|?[\t ]*: (ไม่)?เป็นไปตามเป้าหมาย",
                  lambda m: f"\n{m.group(1) or ''}เป็นไปดามเป้าหมาย", generated.text)
    assert [r.on_target for r in _read(legacy, text)["progress_updates"]] == [
        w["on_target"] for w in generated.tables["progress_updates"]]


@pytest.mark.parametrize("seed", range(6))
def test_report_whose_number_ocr_read_as_a_letter_is_still_a_report(seed: int) -> None:
    """``รายงานครั้งที่อ:: 10/10/2565 : …``: the row is read, and its number is its place
    (derived: the reports below read theirs)."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"(รายงานครั้งที่)[0-9๐-๙]+[\t |]*::", lambda m: f"{m.group(1)}อ::",
                  generated.text, count=1)
    records = _read(legacy, text)
    assert _rows(records) == _want_rows(generated)
    assert records["progress_updates"][0].seq_label == 1


def test_first_row_whose_label_cell_ocr_read_as_junk_keeps_its_date() -> None:
    """``ป ATs | ว ป 21/12/2568`` (``| รายงานครั้งที่1 | :: 21/12/2568``): the date is read."""
    rng = random.Random(2)
    generated = GENERATORS["legacy_pipe"](rng)
    while not re.search(r"\| รายงานครั้งที่1 \| :: [0-9]", generated.text):
        generated = GENERATORS["legacy_pipe"](rng)
    text = re.sub(r"\| รายงานครั้งที่1 \| :: ", "ป ATs | ว ป ", generated.text)
    got = _read(legacy, text)["progress_updates"]
    assert str(got[0].report_date) == generated.tables["progress_updates"][0]["report_date"]


@pytest.mark.parametrize("seed", range(6))
def test_detail_page_budget_label_ocr_read_as_latin_letters(seed: int) -> None:
    """``aun ที่ได้รับ (บาท)20,150,000.00``, ``งบๆ ที่ได้รับ (บาท)…`` (``ฯ`` read as ``ๆ``),
    ``งบฯ ที่ใช้ไป (U1N)1,508,500``: both read."""
    rng = random.Random(seed)
    generated = GENERATORS["web_detail"](rng)
    text = to_arabic_digits(generated.text)
    text = text.replace("งบฯ ที่ได้รับ", rng.choice(("aun", "dus", "งบๆ")) + " ที่ได้รับ")
    text = text.replace("ที่ใช้ไป (บาท)", "ที่ใช้ไป (U1N)")
    [project] = _read(detail, text)["projects"]
    [want] = generated.tables["projects"]
    assert (_amount(project.budget_allocated_thb), _amount(project.budget_spent_thb)) == (
        want.get("budget_allocated_thb"), want.get("budget_spent_thb"))


@pytest.mark.parametrize("seed", range(6))
def test_history_kpi_heading_and_entry_date_as_ocr_misread_them(seed: int) -> None:
    """``ต้าชี้วัต : 5.12 ระดับ…`` opens its KPI block; ``IN/092568 : อยู่…`` is no detail."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = re.sub(r"^ตัวชี้วัด : ", "ต้าชี้วัต : ", generated.text, flags=re.M)
    text = re.sub(r"^[0-9]{2}/([0-9]{2})/([0-9]{4}) : ", r"IN/\1\2 : ", text, flags=re.M)
    records = _read(history, text)
    want_kpis = generated.tables.get("indicators", [])
    assert [(k.code, k.name, str(k.target_value)) for k in records.get("indicators", [])] == [
        (w["code"], w["name"], w["target_value"]) for w in want_kpis]
    assert [r.detail for r in records["progress_updates"]] == [
        w["detail"] for w in generated.tables["progress_updates"]]


def test_amount_with_a_space_after_its_thousands_comma() -> None:
    assert parse_amount("282, 500 บาท") == Decimal("282500")
    assert parse_amount("1,354, 000 บาท") == Decimal("1354000")


@pytest.mark.parametrize("seed", range(6))
def test_objective_numbers_ocr_read_as_signs_and_a_sign_before_the_progress(seed: int) -> None:
    """``i\\tเพื่อ…`` / ``% เพื่อ…`` for ``1.`` and ``2.``: each objective is an item of its
    own; ``… คน = ความก้าวหน้าของงานฯ`` (the ``::`` misread): the detail ends at the words."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_long"](rng)
    text = re.sub(r"^[0-9]\. (?=เพื่อ)", lambda m: rng.choice(("i\t", "% ", "l. ", "| ")),
                  generated.text, flags=re.M)
    text = re.sub(r" :: (?=ความก้าวหน้าของงาน)", lambda m: f" {rng.choice('=ร')} ", text)
    records = _read(legacy, text)
    [project] = records["projects"]
    [want] = generated.tables["projects"]
    assert project.objectives == want["objectives"]
    assert [r.detail for r in records["progress_updates"]] == [
        w["detail"] for w in generated.tables["progress_updates"]]


@pytest.mark.parametrize("seed", range(4))
def test_label_alone_on_its_line_with_a_letter_misread(seed: int) -> None:
    """``ซื่อโครงการ/กิจกรรม`` alone, its ``:`` lost, the name on the lines after: read."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"^ชื่อโครงการ/กิจกรรม : ", "ซื่อโครงการ/กิจกรรม\n", generated.text, flags=re.M)
    [project] = _read(legacy, text)["projects"]
    assert project.project_name == generated.tables["projects"][0]["project_name"]


@pytest.mark.parametrize("rule", ("1", "l", "I", "]"))
@pytest.mark.parametrize("seed", range(3))
def test_report_date_after_a_table_rule_ocr_read_as_a_letter_or_digit(seed: int,
                                                                      rule: str) -> None:
    """``รายงานครั้งที่5⇥1:: 21/6/2566 : …``: the row's rule glued to the date's ``::``."""
    generated = _form(random.Random(seed), arabic=True)  # OCR reads Thai digits apart
    text = re.sub(r"(รายงานครั้งที่[0-9๐-๙]+)[\t |]*::", lambda m: f"{m.group(1)}\t{rule}::",
                  generated.text)
    assert _rows(_read(legacy, text)) == _want_rows(generated)


@pytest.mark.parametrize("generator", ["legacy_long", "legacy_tab"])
@pytest.mark.parametrize("seed", range(4))
def test_a_sign_before_the_progress_opening_the_line_after_the_detail(generator: str,
                                                                       seed: int) -> None:
    """``…อิเล็กทรอนิกส์`` / ``ม ความก้าวหน้าของงานฯ = …`` (the ``::`` misread, the label
    on the line after the detail's): the detail ends at its words."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = re.sub(r"[ \t]*:: (?=ความก้าวหน้าของงาน)",
                  lambda m: f"\n{rng.choice('=มร;')} ", generated.text)
    records = _read(legacy, text)
    assert [r.detail for r in records["progress_updates"]] == [
        w["detail"] for w in generated.tables["progress_updates"]]


def _dates_read_with(date: str) -> set[str]:
    """Every date ``d/m/yyyy`` a damaged date (one ``/`` read as ``7`` or ``1``) allows: a
    ``7`` or ``1`` read as the ``/``, or a ``/`` lost between two digits before the other."""
    out = set()
    for at, c in enumerate(date):
        for candidate in ([f"{date[:at]}/{date[at + 1:]}"] if c in "71" else []) + (
                [f"{date[:at]}/{date[at:]}"] if 0 < at < date.index("/") else []):
            shape = re.fullmatch(r"([1-9][0-9]?)/([1-9][0-9]?)/([0-9]{4})", candidate)
            if shape and 1 <= int(shape[2]) <= 12 and int(shape[1]) <= (
                    31 if int(shape[2]) in (1, 3, 5, 7, 8, 10, 12) else 30):
                out.add(f"{int(shape[1])}/{int(shape[2])}/{shape[3]}")
    return out


@pytest.mark.parametrize("stroke", ("7", "1"))
@pytest.mark.parametrize("seed", range(4))
def test_report_date_whose_slash_ocr_read_as_a_digit(seed: int, stroke: str) -> None:
    """``21/1172562`` for 21/11/2562: the date where one ``7`` or ``1`` read as the ``/``
    makes the only date the text allows; never a date the text does not allow."""
    rng = random.Random(seed)
    generated = _form(rng, arabic=True)
    dates = re.compile(r"(?<=:: )([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
    damaged: list[tuple[str, str]] = []  # (as read, as printed), in the rows' order

    def damage(m: re.Match[str]) -> str:
        day, month, year = m.groups()
        read = (f"{day}{stroke}{month}/{year}" if rng.random() < 0.5
                else f"{day}/{month}{stroke}{year}")
        damaged.append((read, f"{int(day)}/{int(month)}/{year}"))
        return read

    text = dates.sub(damage, generated.text)
    got = [r.report_date for r in _read(legacy, text)["progress_updates"]]
    want = [w["report_date"] for w in generated.tables["progress_updates"]]
    assert len(got) == len(want) == len(damaged)
    for (read, printed), got_date, want_date in zip(damaged, got, want, strict=True):
        readings = _dates_read_with(read)
        if readings == {printed}:
            assert str(got_date) == want_date, read
        elif got_date is not None:  # read as before: the slash lost (``113/2566``: 11/3)
            as_read = f"{got_date.day}/{got_date.month}/{got_date.year + 543}"
            assert as_read in readings, read
    assert any(str(g) == w for g, w in zip(got, want, strict=True))


@pytest.mark.parametrize("seed", range(6))
def test_plan_flag_whose_first_letter_ocr_read_as_another(seed: int) -> None:
    """``: แป็นไปตามแผน``, ``: ไม่โป็นไปตามแผน``: the flag's first letter read as another
    vowel, each plan flag reads as printed (a negated one stays negative)."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"(: (?:ไม่)?)เ(?=ป็นไปตามแผน)",
                  lambda m: m.group(1) + rng.choice("แโใ"), generated.text)
    assert "เป็นไปตามแผน" not in text.replace("เป็นไปตามแผนพัฒนา", "")
    assert [r.on_plan for r in _read(legacy, text)["progress_updates"]] == [
        w["on_plan"] for w in generated.tables["progress_updates"]]


#: What OCR read for the phone's label ``โทร.`` on the corpus's scans.
_PHONE_LABEL_JUNK = ("15.", "In.", "lns.")


@pytest.mark.parametrize("seed", range(6))
def test_person_whose_phone_label_ocr_misread_or_whose_number_it_could_not_read(
        seed: int) -> None:
    """``ชื่อผู้รับผิดชอบ... : นาง ก ข 15.4334`` reads the person and the phone;
    ``ผู้ประสานงาน สยป : นาย ค ง i โทร.5!`` reads the coordinator and no phone, and
    ``… i โทร.5! 5549`` the coordinator and the phone read after the junk."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"^(ชื่อผู้รับผิดชอบ\.\.\. : .*?) โทร\.(?=[0-9]+$)",
                  lambda m: f"{m.group(1)} {rng.choice(_PHONE_LABEL_JUNK)}",
                  generated.text, count=1, flags=re.M)
    again = seed % 2 == 1  # the number read again apart after the junk: ``โทร.5! 5549``
    text = re.sub(r"^(ผู้ประสานงาน สยป : .*?) โทร\.(([0-9])[0-9]+)$",
                  lambda m: f"{m.group(1)} {rng.choice('il|')} โทร.{m.group(3)}!"
                            + (f" {m.group(2)}" if again else ""), text, count=1, flags=re.M)
    [project] = _read(legacy, text)["projects"]
    [want] = generated.tables["projects"]
    assert (project.responsible_person, project.responsible_phone) == (
        want["responsible_person"], want["responsible_phone"])
    assert (project.coordinator, project.coordinator_phone) == (
        want["coordinator"], want["coordinator_phone"] if again else None)


@pytest.mark.parametrize("seed", range(4))
def test_agency_whose_slash_ocr_read_as_a_rule(seed: int) -> None:
    """``หน่วยงานที่รับผิดชอบ. : สำนักการคลัง | กองรายได้ / …``: the agency ends at the
    rule as at the slash, and the division reads as generated."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"^(หน่วยงานที่รับผิดชอบ\. : [^/\n]*?) / ", r"\1 | ", generated.text,
                  count=1, flags=re.M)
    assert text != generated.text
    [project] = _read(legacy, text)["projects"]
    [want] = generated.tables["projects"]
    assert project.agency == want["agency"]
    if "division" in want:
        assert project.division == want["division"]


@pytest.mark.parametrize("seed", range(6))
def test_agency_whose_slash_ocr_lost_where_its_line_wrapped(seed: int) -> None:
    """``หน่วยงานที่รับผิดชอบ. : สำนักสิ่งแวดล้อม`` / ``กองจัดการ… / …`` (the slash that
    ended the line lost, or read as ``if``): the agency ends with its line, and the
    division reads as generated."""
    rng = random.Random(seed)
    generated = _form(rng)
    lost = rng.choice(("", "\tif", " l"))
    text = re.sub(r"^(หน่วยงานที่รับผิดชอบ\. : [^/\n]*?) / ", lambda m: f"{m[1]}{lost}\n",
                  generated.text, count=1, flags=re.M)
    assert text != generated.text
    [project] = _read(legacy, text)["projects"]
    [want] = generated.tables["projects"]
    assert project.agency == want["agency"]
    if "division" in want:
        assert " ".join((project.division or "").split()) == " ".join(want["division"].split())


@pytest.mark.parametrize("seed", range(4))
def test_project_code_whose_dash_ocr_read_twice_or_with_a_space_among_its_digits(
        seed: int) -> None:
    """``รหัสโครงการ... : 06789641- -9098`` on a form and ``<name> : 2186757 1-8226`` on
    a tracking page: the code reads as printed, and the page's name with it."""
    rng = random.Random(seed)
    generated = _form(rng)
    text = re.sub(r"^(รหัสโครงการ\.\.\. : [0-9]+)-", r"\1- -", generated.text, count=1,
                  flags=re.M)
    assert "- -" in text
    [project] = _read(legacy, text)["projects"]
    assert project.project_code == generated.tables["projects"][0]["project_code"]

    page = GENERATORS["web_tracking"](rng)
    while not re.search(r" : [0-9]{8}-", page.text):  # a page that prints its code
        page = GENERATORS["web_tracking"](rng)
    [want] = page.tables["projects"]
    cut = rng.randint(1, 7)
    text = re.sub(r" : ([0-9]{8})-", lambda m: f" : {m[1][:cut]} {m[1][cut:]}-", page.text,
                  count=1)
    assert text != page.text
    [project] = _read(history, text)["projects"]
    assert (project.project_code, project.project_name) == (want["project_code"],
                                                            want["project_name"])


@pytest.mark.parametrize("seed", range(4))
def test_long_strategy_heading_with_a_mark_ocr_misread_still_ends_the_target(seed: int) -> None:
    """``1.6 สนับสนุ่นแผนพัฒนา กทม. ระยะ 20 0 (ยุทธศาสตร์-…/ตัวชี้วัด)``: a tone mark read
    where none is and ``ปี`` read ``0``; the target ends before it."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_long"](rng)
    text = generated.text.replace("1.6 สนับสนุนแผนพัฒนา กทม. ระยะ 20 ปี",
                                  "1.6 สนับสนุ่นแผนพัฒนา กทม. ระยะ 20 0")
    assert text != generated.text
    [project] = _read(legacy, text)["projects"]
    [want] = generated.tables["projects"]
    assert " ".join(project.target.split()) == want["target"]  # a wrap may stay a line break


_BUDGET_TAIL = re.compile(r"งบประมาณที่เบิกใช้ (?P<no>\(ครั้งที่ [0-9๐-๙]+\)) = [0-9๐-๙,]+ บาท"
                          r"(?P<tail>(?:[ \t]*\|?[ \t]*: (?:ไม่)?เป็นไปตาม(?:แผน|เป้าหมาย))+)")


@pytest.mark.parametrize("generator", ["legacy_long", "legacy_html"])
@pytest.mark.parametrize("seed", range(4))
def test_flags_after_a_budget_whose_label_and_amount_ocr_both_misread(generator: str,
                                                                      seed: int) -> None:
    """``… งานฯ = 87.50% : งบบระมาณตีเบ็กได้ (ครั้งที่ 8)=Oum : : เป็นไปตามแผน``: the
    amount is NULL, the flags after it read as printed."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = _BUDGET_TAIL.sub(lambda m: f"งบบระมาณตีเบ็กได้ {m['no']}=Oum :"
                            + m["tail"].replace("|", " ").replace("\t", " "), generated.text)
    assert "งบประมาณที่เบิกใช้" not in text
    rows = _read(legacy, text)["progress_updates"]
    assert [(r.on_plan, r.on_target, r.budget_disbursed_thb) for r in rows] == [
        (w["on_plan"], w["on_target"], None) for w in generated.tables["progress_updates"]]


@pytest.mark.parametrize("seed", range(6))
def test_objective_number_ocr_read_as_another_digit_without_its_dot(seed: int) -> None:
    """``5 เพื่อ…`` for ``3. เพื่อ…``: an item of its own when the items above open as it
    does; a wrapped line opening with a number (``20 ปี``) still continues its item."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_long"](rng)
    text = re.sub(r"^[3-9]\. (?=เพื่อ)", lambda m: f"{rng.choice('5689')} ", generated.text,
                  flags=re.M)
    [project] = _read(legacy, text)["projects"]
    [want] = generated.tables["projects"]
    assert project.objectives == want["objectives"]
    [undamaged] = _read(legacy, generated.text)["projects"]
    assert (project.target, project.rationale) == (undamaged.target, undamaged.rationale)


#: What OCR read for a budget label's words under a shadow or a speck (breaker31's
#: punched-hole scan: ``งบฯ Wald (บาท)``), and marks of no letter.
_BUDGET_WORDS_JUNK = ("Wald", "lala", "WI", "Ws:", "Tal |")


@pytest.mark.parametrize("seed", range(5))
def test_detail_page_spent_label_whose_words_ocr_read_as_latin_junk(seed: int) -> None:
    """``งบฯ Wald (บาท)7,418,925.50`` after ``งบฯ ที่ได้รับ (บาท)…``: where the page prints
    the budget spent, its amount is read; the same line above the budget received is
    no label's (which budget is not known)."""
    rng = random.Random(f"budget-junk-{seed}")
    generated = GENERATORS["web_detail"](rng)
    [want] = generated.tables["projects"]
    text = to_arabic_digits(generated.text)
    junk = _BUDGET_WORDS_JUNK[seed % len(_BUDGET_WORDS_JUNK)]
    assert "ที่ใช้ไป (บาท)" in text
    misread = text.replace("ที่ใช้ไป (บาท)", f"{junk} (บาท)")
    [project] = _read(detail, misread)["projects"]
    assert (_amount(project.budget_allocated_thb), _amount(project.budget_spent_thb)) == (
        want.get("budget_allocated_thb"), want.get("budget_spent_thb"))
    swapped = text.replace("ที่ได้รับ (บาท)", f"{junk} (บาท)")
    [project] = _read(detail, swapped)["projects"]
    assert (project.budget_allocated_thb, _amount(project.budget_spent_thb)) == (
        None, want.get("budget_spent_thb"))
