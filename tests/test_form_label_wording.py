"""The legacy form's section 1.1 labels in other wording, and values on the line after them.

A form may print its budget and date labels in other words than the samples
(``งบประมาณที่ได้รับจัดสรร``, ``งบประมาณที่เบิกจ่ายแล้ว``, ``งปม. ที่ได้รับ``,
``วันเริ่มต้นโครงการ``, ``รหัส``): each is the same field. A value may be printed on the line
after its label, a date with its time too (``2025-10-01 00:00:00``), and the start
and end lines may be one period (``ระยะเวลาดำเนินการ : 1 ต.ค. 2562 - 30 ก.ย. 2563``).
The forms are generated (bench/corpus ``legacy_form``, pipe and tab dialects, and a
text-layer PDF of one); the truth is the values they were generated from.
"""

from __future__ import annotations

import calendar
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from bma_etl.normalize.dates import format_thai_date

from corpus import forms, render
from read_back import assert_read_as_generated
from thai_fonts import font_file

#: Each label as the samples print it → the other wording a form may print instead.
SYNONYMS = {
    "plain_words": {"งบประมาณที่ได้รับ :": "งบประมาณที่ได้รับจัดสรร :",
                    "งบประมาณที่ใช้ไป :": "งบประมาณที่เบิกจ่ายแล้ว :",
                    "เริ่มต้นโครงการ :": "วันเริ่มต้นโครงการ :",
                    "สิ้นสุดโครงการ :": "วันสิ้นสุดโครงการ :"},
    "abbreviated": {"งบประมาณที่ได้รับ :": "งปม. ที่ได้รับ :",
                    "งบประมาณที่ใช้ไป :": "งปม. ที่ใช้ไป :", "รหัสโครงการ... :": "รหัส :"},
}


def _reworded(text: str, words: dict[str, str]) -> str:
    for printed, other in words.items():
        assert printed in text
        text = text.replace(printed, other, 1)
    return text


@pytest.fixture
def arabic(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forms in Arabic digits only (the Thai-digit forms are another kind's)."""
    monkeypatch.setattr(forms, "_in_thai_digits", lambda doc, n: None)


@pytest.mark.parametrize("wording", list(SYNONYMS))
@pytest.mark.parametrize("k", range(4))
def test_labels_in_other_wording(wording: str, k: int, arabic: None, tmp_path: Path) -> None:
    doc = forms.legacy_form(random.Random(f"labels-{wording}-{k}"), ("pipe", "tab")[k % 2])
    path = tmp_path / "form.txt"
    path.write_text(_reworded(doc.text, SYNONYMS[wording]), encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


def test_labels_in_other_wording_on_a_printed_form(arabic: None, tmp_path: Path) -> None:
    doc = forms.legacy_form(random.Random("labels-pdf"), "pipe")
    doc.text = _reworded(doc.text, SYNONYMS["plain_words"])
    pdf = tmp_path / "form.pdf"
    render.render_fpdf(doc, pdf, "Loma", font_file("Loma"), random.Random(3), shaping=False)
    assert_read_as_generated(pdf, doc.truth)


#: Labels whose value a form may print on the line after them (``เริ่มต้นโครงการ :`` /
#: ``2025-10-01 00:00:00``): a date with its time is no label of its own.
NEXT_LINE = ("ชื่อโครงการ/กิจกรรม", "รหัสโครงการ", "เริ่มต้นโครงการ", "สิ้นสุดโครงการ",
             "งบประมาณที่ได้รับ", "งบประมาณที่ใช้ไป")


@pytest.mark.parametrize("k", range(4))
def test_values_on_the_line_after_their_labels(k: int, arabic: None, tmp_path: Path) -> None:
    doc = forms.legacy_form(random.Random(f"next-line-{k}"), ("pipe", "tab")[k % 2])
    lines = []
    for line in doc.text.split("\n"):
        label, sep, value = line.partition(" : ")
        lines += [f"{label} :", value] if sep and label.startswith(NEXT_LINE) else [line]
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


def _with_period(text: str, period: str, tmp_path: Path) -> Path:
    """The form ``text`` with its start and end lines printed as one period line."""
    lines = []
    for line in text.split("\n"):
        if line.startswith("เริ่มต้นโครงการ :"):
            lines.append(f"ระยะเวลาดำเนินการ : {period}")
        elif not line.startswith("สิ้นสุดโครงการ :"):
            lines.append(line)
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("k", range(4))
def test_a_period_in_place_of_the_start_and_end_lines(k: int, arabic: None,
                                                      tmp_path: Path) -> None:
    """``ระยะเวลาดำเนินการ : 1 ต.ค. 2562 - 30 ก.ย. 2563`` states the start and end dates."""
    doc = forms.legacy_form(random.Random(f"period-{k}"), ("pipe", "tab")[k % 2])
    project = doc.tables["projects"][0]
    start, end = (date.fromisoformat(project[c]) for c in ("start_date", "end_date"))
    period = f"{format_thai_date(start, 'abbr_be')} - {format_thai_date(end, 'abbr_be')}"
    assert_read_as_generated(_with_period(doc.text, period, tmp_path), doc.truth)


@pytest.mark.parametrize("k", range(4))
def test_dates_on_their_own_lines_win_over_a_period_printed_before_them(
        k: int, arabic: None, tmp_path: Path) -> None:
    """A period whose dates are not the project's, above the start and end lines: the
    dates printed on their own lines are kept, whichever line comes first."""
    doc = forms.legacy_form(random.Random(f"period-first-{k}"), ("pipe", "tab")[k % 2])
    project = doc.tables["projects"][0]
    start, end = (date.fromisoformat(project[c]) for c in ("start_date", "end_date"))
    other = (start.replace(year=start.year - 1), end.replace(year=end.year - 1))
    period = " - ".join(format_thai_date(d, "abbr_be") for d in other)
    lines = []
    for line in doc.text.split("\n"):
        if line.startswith("เริ่มต้นโครงการ :"):
            lines.append(f"ระยะเวลาดำเนินการ : {period}")
        lines.append(line)
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


def _month(day: date, form: str, year_digits: int = 4) -> str:
    """``ต.ค. 2566`` / ``ตุลาคม 2566`` / ``ต.ค. 66`` / ``ต.ค.`` (no year) of ``day``."""
    month, year = format_thai_date(day, form).split(" ")[1:]
    return f"{month} {year[4 - year_digits:]}".strip()


#: A period of whole months as forms print it: the first month's year may be left off.
MONTH_PERIODS = {
    "abbreviated, two-digit years": lambda a, b: f"{_month(a, 'abbr_be', 2)} - "
                                                 f"{_month(b, 'abbr_be', 2)}",
    "full names, ถึง": lambda a, b: f"{_month(a, 'full_be')} ถึง {_month(b, 'full_be')}",
    "first year left off": lambda a, b: f"{_month(a, 'abbr_be', 0)} - {_month(b, 'abbr_be')}",
}


@pytest.mark.parametrize("form", list(MONTH_PERIODS))
@pytest.mark.parametrize("k", range(3))
def test_a_period_of_whole_months(form: str, k: int, arabic: None, tmp_path: Path) -> None:
    """``ระยะเวลาดำเนินการ : ต.ค. 66 - ก.ย. 67`` states a project that runs from the
    first day of its first month to the last day of its last."""
    rng = random.Random(f"month-period-{form}-{k}")
    doc = forms.legacy_form(rng, ("pipe", "tab")[k % 2])
    project = doc.tables["projects"][0]
    first = date(rng.randint(2019, 2024), rng.randint(1, 12), 1)
    months = rng.randint(1, 11 if "left off" in form else 24)  # one year, when it is unsaid
    y, m = divmod(first.month - 1 + months, 12)
    last = date(first.year + y, m + 1, 1) - timedelta(days=1)
    project["start_date"], project["end_date"] = first.isoformat(), last.isoformat()
    period = MONTH_PERIODS[form](first, last)
    assert_read_as_generated(_with_period(doc.text, period, tmp_path), doc.truth)


@pytest.mark.parametrize("k", range(4))
def test_a_period_of_a_day_and_a_month(k: int, arabic: None, tmp_path: Path) -> None:
    """``1 ต.ค. 2566 - ก.ย. 2567``: the day starts it, the month's last day ends it (and
    ``ต.ค. 2566 - 30 ก.ย. 2567`` the other way round) — never one day for both."""
    rng = random.Random(f"day-month-period-{k}")
    doc = forms.legacy_form(rng, ("pipe", "tab")[k % 2])
    project = doc.tables["projects"][0]
    start = date(rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28))
    end = date(start.year + 1, rng.randint(1, 12), rng.randint(1, 28))
    if k % 2 == 0:  # a day, then a month
        period = f"{format_thai_date(start, 'abbr_be')} - {_month(end, 'abbr_be')}"
        end = date(end.year, end.month, calendar.monthrange(end.year, end.month)[1])
    else:  # a month, then a day
        period = f"{_month(start, 'full_be')} ถึง {format_thai_date(end, 'full_be')}"
        start = start.replace(day=1)
    project["start_date"], project["end_date"] = start.isoformat(), end.isoformat()
    assert_read_as_generated(_with_period(doc.text, period, tmp_path), doc.truth)
