"""A legacy progress form's reports in other wording: what each report row reads.

The forms are generated (bench/corpus ``legacy_form`` in its pipe and tab dialects,
``legacy_html`` as the web page) with other content than the samples print:

- a narrative that names the progress in the label's own words
  (``ความก้าวหน้าของงานก่อสร้าง 60 % ตามแผนงานงวดที่ 3``): the narrative is the
  detail, the value after the label the progress;
- report dates with a Thai month (``15 พ.ย. 2563``, ``3 มีนาคม 2564``), a year of two
  digits (``16/2/62``, ``11.10.67``: the form's Buddhist era, 2562), dashes or year first
  (``6-11-2568``, ``2567-11-30``);
- reports printed newest first, or shuffled (``2, 7, 1, 4, 6, 3, 5``): the project's
  progress and status are the latest report's (by its number, else its date), not
  the bottom row's;
- a budget whose satang are written as a word (``1,234,567 บาท 50 สตางค์``).

The truth is the values each form was generated from.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bma_etl.document import Raw, RawRow
from bma_etl.errors import NormalizeError
from bma_etl.layouts.legacy_dates import latest_first
from bma_etl.normalize.dates import format_thai_date
from bma_etl.normalize.digits import parse_amount
from bma_etl.pipeline import process_file
from bma_etl.provenance import Span

from corpus import forms, render
from corpus.doc import GeneratedDoc
from corpus.score import score
from corpus.values import money_text
from thai_fonts import font_file

FORMS = 4
#: Narratives naming the progress in words of its label, or a percent of their own.
PERCENT_DETAILS = ("ความก้าวหน้าของงานก่อสร้าง {n} % ตามแผนงานงวดที่ 3",
                   "ความก้าวหน้าของงาน {n} %", "ดำเนินการได้ {n} % ตามแผน",
                   "ความก้าวหน้าของงานฯ ร้อยละ {n} ของแผนงาน")


@pytest.fixture
def arabic(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forms in Arabic digits only (the Thai-digit forms are another kind's)."""
    monkeypatch.setattr(forms, "_in_thai_digits", lambda doc, n: None)


def _read(doc: GeneratedDoc, path: Path) -> list[tuple[str, object, object]]:
    """What the pipeline lost of ``doc`` written to ``path`` (text, HTML or PDF)."""
    if path.suffix == ".txt":
        path.write_text(doc.text, encoding="utf-8")
    elif path.suffix == ".html":
        assert doc.html is not None
        path.write_text(doc.html, encoding=doc.html_encoding)
    return [(k, w, g) for k, w, g, _ in score(process_file(path), doc.truth).lost]


def _forms(make: Callable[[random.Random, str], GeneratedDoc], tag: str) -> list[GeneratedDoc]:
    return [make(random.Random(f"{tag}-{k}"), ("pipe", "tab")[k % 2]) for k in range(FORMS)]


def test_a_narrative_naming_the_progress_is_the_detail(
        monkeypatch: pytest.MonkeyPatch, arabic: None, tmp_path: Path) -> None:
    def detail(rng: random.Random, sentences: int) -> str:
        return rng.choice(PERCENT_DETAILS).format(n=rng.randrange(5, 95, 5))

    monkeypatch.setattr(forms, "_detail", detail)
    docs = _forms(forms.legacy_form, "pct")
    lost = []
    for k, doc in enumerate(docs):
        lost += _read(doc, tmp_path / f"form{k}.txt")
    page = forms.legacy_html(random.Random("pct-html"), reports=6, sentences=1)
    lost += _read(page, tmp_path / "page.html")
    pdf = tmp_path / "form.pdf"
    render.render_fpdf(docs[0], pdf, "Loma", font_file("Loma"), random.Random("pct-pdf"),
                       shaping=False)
    lost += _read(docs[0], pdf)
    assert lost == []
    assert any("ความก้าวหน้าของงาน" in r["detail"] for d in docs
               for r in d.tables["progress_updates"])


def _dated(printed: Callable[[date], str]) -> Callable[[random.Random, dict], tuple]:
    parts = forms._report_parts

    def report_parts(rng: random.Random, r: dict) -> tuple[str, str, str, str, str]:
        _, *rest = parts(rng, r)
        return (printed(date.fromisoformat(r["report_date"])), *rest)  # type: ignore[return-value]
    return report_parts


#: Report dates in numbers other than ``d/m/yyyy`` (Buddhist era): dashes, dots and a
#: two-digit year, year first.
NUMERIC_DATES: dict[str, Callable[[date], str]] = {
    "two_digits": lambda d: f"{d.day}/{d.month}/{(d.year + 543) % 100:02d}",
    "dashes": lambda d: f"{d.day}-{d.month}-{d.year + 543}",
    "dots_two_digits": lambda d: f"{d.day}.{d.month}.{(d.year + 543) % 100:02d}",
    "year_first": lambda d: f"{d.year + 543}-{d.month:02d}-{d.day:02d}",
}


@pytest.mark.parametrize("form", ["abbr_be", "full_be", *NUMERIC_DATES])
def test_report_dates_with_month_words_or_two_digit_years(
        form: str, monkeypatch: pytest.MonkeyPatch, arabic: None, tmp_path: Path) -> None:
    def printed(d: date) -> str:
        if form in NUMERIC_DATES:
            return NUMERIC_DATES[form](d)
        return format_thai_date(d, form)

    monkeypatch.setattr(forms, "_report_parts", _dated(printed))
    lost = []
    for k, doc in enumerate(_forms(forms.legacy_form, form)):
        lost += _read(doc, tmp_path / f"form{k}.txt")
    page = forms.legacy_html(random.Random(f"{form}-html"), reports=6, sentences=1)
    lost += _read(page, tmp_path / "page.html")
    assert lost == []


def _printed_in(doc: GeneratedDoc, order: list[int]) -> GeneratedDoc:
    """``doc`` with its report rows printed in ``order`` (indices of the rows as generated).

    Each row's lines are kept together; the truth's rows follow the print, the
    project's progress stays the latest report's.
    """
    lines = doc.text.split("\n")
    rows = [k for k, line in enumerate(lines) if line.lstrip("| ").startswith("รายงานครั้งที่")]
    size = 2 if lines[rows[0] + 1].startswith("\t") else 1
    block = [lines[k:k + size] for k in rows]
    first, last = rows[0], rows[-1] + size
    doc.text = "\n".join([*lines[:first], *(x for k in order for x in block[k]),
                          *lines[last:]])
    table = doc.tables["progress_updates"]
    table[:] = [table[k] for k in order]
    return doc


@pytest.mark.parametrize("order", ["newest first", "shuffled"])
def test_reports_printed_out_of_order_give_the_latest_progress(
        order: str, arabic: None, tmp_path: Path) -> None:
    docs = [d for d in _forms(forms.legacy_form, "newest")
            if len(d.tables["progress_updates"]) > 2]
    assert docs
    lost = []
    for k, doc in enumerate(docs):
        project = doc.tables["projects"][0]
        latest = doc.tables["progress_updates"][-1]
        assert project["progress_pct"] == latest["progress_pct"]
        count = len(doc.tables["progress_updates"])
        printed = list(reversed(range(count)))
        if order == "shuffled":  # the latest neither first nor last, the rest any order
            random.Random(f"shuffle-{k}").shuffle(printed)
            printed.remove(count - 1)
            printed.insert(1, count - 1)
        _printed_in(doc, printed)
        assert latest in doc.tables["progress_updates"][:-1]
        lost += _read(doc, tmp_path / f"form{k}.txt")
    assert lost == []


def _report(number: int | None, when: str | None) -> RawRow:
    span = Span(1, 0, 1)
    row = RawRow("progress_updates", None)
    if number is not None:
        row.fields["seq_label"] = Raw(f"รายงานครั้งที่{number}", span)
    if when is not None:
        row.fields["report_date"] = Raw(when, span)
    return row


@pytest.mark.parametrize(("printed", "latest"), [
    ([(2, "9/2/2566"), (7, "11/8/2566"), (1, "18/11/2565"), (5, "1/6/2566")], 1),
    ([(None, "9/2/2566"), (None, "11/8/2566"), (None, "18/11/2565"), (None, "1/6/2566")], 1),
    ([(3, "9/2/2566"), (2, "1/1/2566"), (1, "18/11/2565")], 0),  # newest first
    ([(1, "18/11/2565"), (2, "1/1/2566"), (8, "9/2/2566"), (4, "1/6/2566")], 3),  # 3 read 8
    ([(None, None), (None, None), (None, None)], 2)])  # nothing read: the last printed
def test_the_latest_report_by_number_else_date_else_print(
        printed: list[tuple[int | None, str | None]], latest: int) -> None:
    rows = [_report(n, d) for n, d in printed]
    assert latest_first(rows)[0] is rows[latest]


@pytest.mark.parametrize(("printed", "value"), [
    ("1,234,567 บาท 50 สตางค์", "1234567.50"), ("๙๐๐ บาท ๕ สตางค์", "900.05"),
    ("25,000 บาท 75 สตางค์.", "25000.75")])
def test_satang_in_words_are_the_amount_s_fraction(printed: str, value: str) -> None:
    assert parse_amount(printed) == Decimal(value)


def _satang_budgets(tmp_path: Path, tag: str, words: bool) -> None:
    """Generated forms whose allocated budget prints its satang after the baht, as a
    number or in Thai words (``… บาท ห้าสิบสตางค์``), each read as generated."""
    lost = []
    for k, doc in enumerate(_forms(forms.legacy_form, tag)):
        rng = random.Random(f"{tag}-{k}")
        baht, satang = rng.randrange(10_000, 9_000_000), rng.choice(list(_SATANG_WORDS))
        said = f"{_SATANG_WORDS[satang]}สตางค์" if words else f"{satang} สตางค์"
        doc.text = "\n".join(
            f"งบประมาณที่ได้รับ : {money_text(Decimal(baht), rng, decimals=False)} บาท {said}"
            if line.startswith("งบประมาณที่ได้รับ") else line for line in doc.text.split("\n"))
        doc.tables["projects"][0]["budget_allocated_thb"] = f"{baht}.{satang:02d}"
        lost += _read(doc, tmp_path / f"form{k}.txt")
    assert lost == []


#: Satang 1-99 in Thai words, as a form may write them after the baht.
_SATANG_WORDS = {21: "ยี่สิบเอ็ด", 50: "ห้าสิบ", 75: "เจ็ดสิบห้า", 5: "ห้า", 99: "เก้าสิบเก้า",
                 10: "สิบ", 11: "สิบเอ็ด"}


def test_a_budget_with_satang_in_words(arabic: None, tmp_path: Path) -> None:
    _satang_budgets(tmp_path, "satang", words=False)


def test_a_budget_with_satang_in_thai_words(arabic: None, tmp_path: Path) -> None:
    """``23,369,000 บาท ห้าสิบสตางค์``: the satang's words are read (PyThaiNLP), never
    the baht alone."""
    _satang_budgets(tmp_path, "satang-words", words=True)


def _budgets_printed_as(tmp_path: Path, tag: str,
                        printed: Callable[[random.Random], str]) -> list[str]:
    """Generated legacy forms whose allocated budget is printed as ``printed(rng)``:
    each form's budget is asserted NULL with an ``unparsed_value`` issue on it, never
    another value. Returns the issues' messages, one a form."""
    messages = []
    for k, doc in enumerate(_forms(forms.legacy_form, tag)):
        line = f"งบประมาณที่ได้รับ : {printed(random.Random(f'{tag}-{k}'))}"
        doc.text = "\n".join(line if old.startswith("งบประมาณที่ได้รับ") else old
                             for old in doc.text.split("\n"))
        path = tmp_path / f"form{k}.txt"
        path.write_text(doc.text, encoding="utf-8")
        parsed = process_file(path)
        assert parsed.tables["projects"][0].budget_allocated_thb is None
        issues = [i for i in parsed.tables["quality_issues"]
                  if i.code == "unparsed_value" and i.field == "budget_allocated_thb"]
        assert issues
        messages.append(issues[0].message)
    return messages


def test_a_budget_whose_satang_words_spell_no_number_is_null_with_an_issue(
        arabic: None, tmp_path: Path) -> None:
    """``… บาท ห้าสิบห้าสิบสตางค์`` (no Thai numeral) or ``… บาท ร้อยห้าสตางค์`` (105 satang):
    the budget is NULL with an ``unparsed_value`` issue quoting the words."""
    def printed(rng: random.Random) -> str:
        words = rng.choice(("ห้าสิบห้าสิบ", "ร้อยห้า", "สองสอง"))
        return f"{money_text(Decimal(rng.randrange(10_000, 9_000_000)), rng)} บาท {words}สตางค์"

    for message in _budgets_printed_as(tmp_path, "satang-no-number", printed):
        assert "สตางค์" in message


@pytest.mark.parametrize("seed", range(4))
def test_three_decimals_after_comma_groups_are_read_as_thousands_only_in_ocr(seed: int) -> None:
    """``12,872,200.000 บาท``: typed, three decimal places (an error); OCR'd, the point
    may be a thousands comma misread (``2,533.100 บาท``: 2,533,100 baht)."""
    rng = random.Random(seed)
    baht = Decimal(rng.randrange(1_000, 99_999_999))
    printed = f"{baht:,}.000 บาท"
    with pytest.raises(NormalizeError):
        parse_amount(printed, ocr=False)
    assert parse_amount(printed) == baht * 1000


def test_a_budget_with_three_decimals_typed_is_null_with_an_issue(
        arabic: None, tmp_path: Path) -> None:
    """A form's typed ``11,723,000.000 บาท`` is NULL with an ``unparsed_value`` issue,
    never a thousand times the amount."""
    _budgets_printed_as(tmp_path, "dec3",
                        lambda rng: f"{Decimal(rng.randrange(10_000, 9_000_000)):,}.000 บาท")


#: A report's progress printed another way: (the text after ``=``, the value read).
PROGRESS_PRINTS: dict[str, Callable[[str], tuple[str, str | None]]] = {
    "words": lambda pct: (f"ร้อยละ {pct}", pct),
    "dash": lambda pct: ("- %", None),
    "below_nothing": lambda pct: (f"-{pct} %", None),
}


@pytest.mark.parametrize("form", list(PROGRESS_PRINTS))
def test_a_progress_in_words_a_dash_or_below_nothing(
        form: str, monkeypatch: pytest.MonkeyPatch, arabic: None, tmp_path: Path) -> None:
    """``= ร้อยละ 45.00`` is 45.00; ``= - %`` is not stated (NULL); ``= -5.00 %`` is out of
    range (NULL with an ``unparsed_value`` issue). The first report's progress is printed
    so; its clause never reaches the detail and the paid amount after it is read."""
    parts = forms._report_parts

    def report_parts(rng: random.Random, r: dict) -> tuple[str, str, str, str, str]:
        when, detail, progress, plan, target = parts(rng, r)
        if r["seq_label"] == 1 or form == "words":
            printed, r["progress_pct"] = PROGRESS_PRINTS[form](r["progress_pct"])
            progress = re.sub(r"= [0-9.]+ %", f"= {printed}", progress)
        return when, detail, progress, plan, target

    monkeypatch.setattr(forms, "_report_parts", report_parts)
    lost = []
    for k, doc in enumerate(_forms(forms.legacy_form, f"progress-{form}")):
        reports = doc.tables["progress_updates"]
        if len(reports) == 1:  # the project's progress is its one report's
            doc.tables["projects"][0]["progress_pct"] = reports[0]["progress_pct"]
        path = tmp_path / f"form{k}.txt"
        lost += _read(doc, path)
        if form == "below_nothing":
            issues = process_file(path).tables["quality_issues"]
            assert any(i.field == "progress_pct" and i.code == "unparsed_value" for i in issues)
    assert lost == []


#: A form's flags in other wording (on, not on): the plan's, the target's.
FLAG_WORDINGS = {
    "plan_words": (("ตามแผน", "ล่าช้ากว่าแผน"), None),
    "target_words": (None, ("บรรลุเป้าหมาย", "ไม่บรรลุเป้าหมาย")),
    "short_words": (("ตามแผน", "ไม่ตามแผน"), ("ตามเป้าหมาย", "ไม่ตามเป้าหมาย")),
}


@pytest.mark.parametrize("wording", list(FLAG_WORDINGS))
def test_flags_in_other_wording(wording: str, monkeypatch: pytest.MonkeyPatch, arabic: None,
                                tmp_path: Path) -> None:
    """``ตามแผน`` / ``ล่าช้ากว่าแผน`` and ``(ไม่)บรรลุเป้าหมาย``, ``(ไม่)ตามเป้าหมาย`` are the
    flags they say, in the pipe and tab forms and the web page."""
    plan, target = FLAG_WORDINGS[wording]
    monkeypatch.setattr(forms, "PLAN", plan or forms.PLAN)
    monkeypatch.setattr(forms, "TARGET", target or forms.TARGET)
    lost = []
    for k, doc in enumerate(_forms(forms.legacy_form, wording)):
        lost += _read(doc, tmp_path / f"form{k}.txt")
    page = forms.legacy_html(random.Random(f"{wording}-html"), reports=6, sentences=1)
    lost += _read(page, tmp_path / "page.html")
    assert lost == []


def test_a_flag_ahead_of_plan_is_null_with_an_issue_naming_it(
        monkeypatch: pytest.MonkeyPatch, arabic: None, tmp_path: Path) -> None:
    """``เร็วกว่าแผน`` (ahead of plan) is neither of the plan flag's values: NULL with an
    issue naming the wording, never silent; the rest of the form reads as generated."""
    monkeypatch.setattr(forms, "PLAN", ("เร็วกว่าแผน", forms.PLAN[1]))
    for k, doc in enumerate(_forms(forms.legacy_form, "ahead")):
        ahead = [r for r in doc.tables["progress_updates"] if r["on_plan"]]
        for r in ahead:
            r["on_plan"] = None
        path = tmp_path / f"form{k}.txt"
        assert _read(doc, path) == []
        issues = [i for i in process_file(path).tables["quality_issues"]
                  if i.field == "on_plan" and "เร็วกว่าแผน" in i.message]
        assert len(issues) == len(ahead)
