"""Progress-form labels OCR misread: every report row still opens, every budget is read.

Forms are generated from known values (``bench/corpus``) in their three table dialects;
their text is then damaged the ways Tesseract read a row's label on the corpus's scans:
the whole label read as a short run of junk before the date (``Seb :: 21/3/2564 :``,
``| Seb | :: 21/3/2564 :``), or the label's number read as a sign glued to its words
(``รายงานครั้งที่ๆ = …``, ``รายงานครั้งที่ๆ 2 9/3/2563``). The truth is the generated values:
the row is its own, not glued to the one above, and its number is its place (derived)
where a row below reads its own, else left unknown. A
budget label whose bracket's ``(ครั้งที่`` OCR read as letters or lost (``งบประมาณที่เบิกใช้
REG 1) = 4,313,500 บาท``), or whose words it misread past finding, its bracket whole
(``งบประ ยาณ์ท ใด้ (ครั้งที่ 4) = 2,173,000 บาท``), still gives its amount. So does a
budget on the line after a progress whose digits OCR read as letters. A label behind
specks (``ร7รายงานครั้งที่ว)``), a label joined to the row above when OCR lost that row's
closing ``|``, a label read as junk before a date whose ``/`` were read as digits
(``ว0 Ls 10722566 :``) each open their own row; specks past a label and a date read as
letters (``เพผิวร6ย :``) are not the detail.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS

#: What OCR read for a whole label cell on the corpus's scans.
_LABEL_JUNK = ("Seb", "ว", "|ad", "Ss.")


def _numbers(want: list[dict[str, Any]], lost: int | None) -> list[int | None]:
    """The rows' numbers when OCR lost row ``lost``'s: its place where a row below reads its
    own number, unknown on the last row (nothing below confirms it)."""
    return [None if k == lost == len(want) - 1 else w["seq_label"] for k, w in enumerate(want)]


def _read(text: str, ocr: bool = True) -> list[Any]:
    doc = RepairedText.of(text, ocr_used=ocr)
    return build_records(normalize(legacy(doc), doc.text, doc.words, None),
                         "0" * 64).get("progress_updates", [])


def _amount(value: object) -> str | None:
    return None if value is None else f"{value:.2f}"


def _values(rows: list[Any]) -> list[tuple[Any, ...]]:
    return [(r.on_plan, r.on_target, _amount(r.progress_pct), _amount(r.budget_disbursed_thb))
            for r in rows]


def _want(generated: Any) -> list[tuple[Any, ...]]:
    return [(w["on_plan"], w["on_target"], w["progress_pct"], w["budget_disbursed_thb"])
            for w in generated.tables["progress_updates"]]


def _form(generator: str, rng: random.Random) -> Any:
    """A generated form with at least three reports."""
    while True:
        generated = GENERATORS[generator](rng)
        if len(generated.tables["progress_updates"]) >= 3:
            return generated


_LABEL = r"(\| )?รายงานครั้งที่[0-9๐-๙]+(\t| \| )::"


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(4))
def test_row_whose_whole_label_ocr_read_as_junk_is_its_own_row(generator: str,
                                                                 seed: int) -> None:
    """``Seb :: 21/3/2564 : …`` after a row that read its values: a row of its own, its
    number its place (:func:`_numbers`)."""
    rng = random.Random(seed)
    generated = _form(generator, rng)
    at = rng.randrange(1, len(generated.tables["progress_updates"]))
    junk, same_cell = rng.choice(_LABEL_JUNK), rng.random() < 0.5
    labels = list(re.finditer(_LABEL, generated.text, flags=re.M))
    m = labels[at]
    mended = f"{m.group(1) or ''}{junk} ::" if same_cell \
        else f"| {junk} | ::" if m.group(1) else f"{junk}\t::"
    text = generated.text[:m.start()] + mended + generated.text[m.end():]
    rows = _read(text)
    assert _values(rows) == _want(generated)
    assert [str(r.report_date) for r in rows] == [
        w["report_date"] for w in generated.tables["progress_updates"]]
    assert [r.seq_label for r in rows] == _numbers(generated.tables["progress_updates"], at)


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab"])
@pytest.mark.parametrize("seed", range(4))
def test_label_whose_number_ocr_read_as_a_glued_sign_opens_a_row_of_unknown_number(
        generator: str, seed: int) -> None:
    """``รายงานครั้งที่ๆ = 9/3/2563 :`` and ``รายงานครั้งที่ๆ 2 9/3/2563 :`` (the ``::`` read as
    ``=`` or ``2``): the row is its own, its number its place (:func:`_numbers`), never
    the ``2`` read."""
    rng = random.Random(seed)
    generated = _form(generator, rng)
    at = rng.randrange(1, len(generated.tables["progress_updates"]))
    colons = rng.choice(("=", "2"))
    m = list(re.finditer(_LABEL, generated.text, flags=re.M))[at]
    text = generated.text[:m.start()] + f"รายงานครั้งที่ๆ {colons}" + generated.text[m.end():]
    rows = _read(text)
    assert _values(rows) == _want(generated)
    assert [r.seq_label for r in rows] == _numbers(generated.tables["progress_updates"], at)
    if colons == "=":
        assert str(rows[at].report_date) == generated.tables["progress_updates"][at][
            "report_date"]


@pytest.mark.parametrize("seed", range(3))
def test_a_line_of_the_detail_is_never_read_as_a_junk_label(seed: int) -> None:
    """Without OCR, and before a row has read its values, a short word and a date open no
    row: the text-layer reading is unchanged."""
    rng = random.Random(seed)
    generated = _form("legacy_html", rng)
    m = list(re.finditer(_LABEL, generated.text, flags=re.M))[1]
    text = generated.text[:m.start()] + "Seb ::" + generated.text[m.end():]
    assert len(_read(text, ocr=False)) == len(generated.tables["progress_updates"]) - 1


#: What OCR read for a budget's ``(ครั้งที่`` on the corpus's scans, its number and ``)`` kept.
_BRACKET_JUNK = ("REG ", "", "ก ", "เล ", "(EG ")
_BUDGET = r"งบประมาณที่เบิกใช้ \(ครั้งที่ ?([0-9๐-๙]+)\)"


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(4))
def test_budget_whose_bracket_or_label_words_ocr_misread_still_gives_its_amount(
        generator: str, seed: int) -> None:
    """``งบประมาณที่เบิกใช้ REG 1) = …`` and ``งบประ ยาณ์ท ใด้ (ครั้งที่ 4) = …``: every amount."""
    rng = random.Random(seed)
    generated = _form(generator, rng)

    def damaged(m: re.Match[str]) -> str:
        if rng.random() < 0.5:
            return f"งบประมาณที่เบิกใช้ {rng.choice(_BRACKET_JUNK)}{m.group(1)})"
        return f"{rng.choice(('งบประ ยาณ์ท ใด้', 'งบประ 0', 'งบบระมาณตีเบ็ก'))} (ครั้งที่ {m.group(1)})"

    text = re.sub(_BUDGET, damaged, generated.text)
    assert text != generated.text
    assert _values(_read(text)) == _want(generated)


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab"])
@pytest.mark.parametrize("seed", range(4))
def test_date_read_as_letters_glued_to_its_year_is_not_the_detail(generator: str,
                                                                  seed: int) -> None:
    """``รายงานครั้งที่4 = ไอภา561`` / ``อยู่ระหว่าง…`` (the date's ``::`` read as ``=``, the
    date as letters and its year's last digits, its ``:`` lost; the number read or
    not): the detail is its words, the date unknown."""
    rng = random.Random(seed)
    generated = _form(generator, rng)
    at = rng.randrange(len(generated.tables["progress_updates"]))
    m = list(re.finditer(r"(รายงานครั้งที่[0-9๐-๙]+)\t:: \S+?([0-9๐-๙]{3}) : ", generated.text))[at]
    label = m.group(1) if rng.random() < 0.5 else "รายงานครั้งที่ๆ"
    junk = rng.choice(("ไอภา", "ฮรณ", "ไปอก"))
    text = (generated.text[:m.start()] + f"{label} = {junk}{m.group(2)}\n"
            + generated.text[m.end():])
    rows = _read(text)
    want = generated.tables["progress_updates"]
    assert [" ".join((r.detail or "").split()) for r in rows] == [w["detail"] for w in want]
    assert rows[at].report_date is None


#: What OCR read before a label's words on the corpus's scans (a speck, the ``|``).
_SPECKS = ("ร7", "7 '", "“4")


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(4))
def test_label_behind_specks_opens_its_row(generator: str, seed: int) -> None:
    """``ร7รายงานครั้งที่ว) | :: …``, ``7 ' รายงานครั้งที่13 :: …``: the row is its own,
    its number read when OCR read it, unknown when it read a letter."""
    rng = random.Random(seed)
    generated = _form(generator, rng)
    at = rng.randrange(1, len(generated.tables["progress_updates"]))
    m = list(re.finditer(_LABEL, generated.text, flags=re.M))[at]
    lost = rng.random() < 0.5
    label = m.group()[len(m.group(1) or ""):].replace("::", "").rstrip(" |\t")
    if lost:
        label = re.sub(r"[0-9๐-๙]+$", "ว)", label)
    mended = f"{m.group(1) or ''}{rng.choice(_SPECKS)} {label}{m.group(2)}::"
    rows = _read(generated.text[:m.start()] + mended + generated.text[m.end():])
    want = generated.tables["progress_updates"]
    assert _values(rows) == _want(generated)
    assert [str(r.report_date) for r in rows] == [w["report_date"] for w in want]
    assert [r.seq_label for r in rows] == _numbers(want, at if lost else None)


@pytest.mark.parametrize("seed", range(4))
def test_pipe_row_whose_closing_bar_ocr_lost_keeps_the_next_row_apart(seed: int) -> None:
    """A wrapped pipe row whose last ``|`` OCR read as ``(A``, the next row's first ``|``
    as a speck (``“4 รายงานครั้งที่4 | …``): the reader joins the two lines, yet each row
    is its own."""
    rng = random.Random(seed)
    generated = _form("legacy_pipe", rng)
    at = rng.randrange(1, len(generated.tables["progress_updates"]))
    lines = generated.text.split("\n")
    rows_at = [k for k, line in enumerate(lines) if line.startswith("| รายงานครั้งที่")]
    above, below = rows_at[at - 1], rows_at[at]
    head, tail = lines[above].split(" :: ความก้าวหน้า", 1)
    lines[above] = f"{head} ::\nความก้าวหน้า{tail.rstrip(' |')} (A"
    lines[below] = rng.choice(_SPECKS) + lines[below][1:]
    rows = _read("\n".join(lines))
    want = generated.tables["progress_updates"]
    assert _values(rows) == _want(generated)
    assert [r.seq_label for r in rows] == [w["seq_label"] for w in want]


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(4))
def test_row_whose_label_ocr_read_as_junk_and_date_slashes_as_digits_is_its_own_row(
        generator: str, seed: int) -> None:
    """``| ว0 Ls 10722566 : …`` (the label read as two tokens of junk, the date's ``::``
    lost, one ``/`` read as ``7``, the other lost) after a row that read its values: a
    row of its own, its number its place (:func:`_numbers`), every value of every row its
    own."""
    rng = random.Random(seed)
    generated = _form(generator, rng)
    at = rng.randrange(1, len(generated.tables["progress_updates"]))
    m = list(re.finditer(_LABEL + r" ?([0-9๐-๙]+)/([0-9๐-๙]+)/([0-9๐-๙]{4}) :",
                         generated.text, flags=re.M))[at]
    seven = "๗" if m.group(3) in "๐๑๒๓๔๕๖๗๘๙" * 2 else "7"
    mended = f"{m.group(1) or ''}{rng.choice(('ว0 Ls', 'Ss. e', 'ก'))} " \
             f"{m.group(3)}{seven}{m.group(4)}{m.group(5)} :"
    rows = _read(generated.text[:m.start()] + mended + generated.text[m.end():])
    want = generated.tables["progress_updates"]
    assert _values(rows) == _want(generated)
    assert [r.seq_label for r in rows] == _numbers(want, at)
    assert [str(r.report_date) for k, r in enumerate(rows) if k != at] == [
        w["report_date"] for k, w in enumerate(want) if k != at]
    assert [" ".join((r.detail or "").split()) for r in rows] == [w["detail"] for w in want]


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(4))
def test_specks_after_a_label_and_date_colons_read_as_percent_are_not_the_detail(
        generator: str, seed: int) -> None:
    """``“4 รายงานครั้งที่4 - | :% 33/ย2567 : …`` (specks past the label's number, the
    date's ``::`` read ``:%``, the date past reading): the detail is its words."""
    rng = random.Random(seed)
    generated = _form(generator, rng)
    at = rng.randrange(1, len(generated.tables["progress_updates"]))
    m = list(re.finditer(_LABEL + r" ?([0-9๐-๙]+)/([0-9๐-๙]+)/([0-9๐-๙]{4}) :",
                         generated.text, flags=re.M))[at]
    label = m.group()[len(m.group(1) or ""):].split("::")[0].rstrip(" |\t")
    mended = f"{m.group(1) or ''}“4 {label} - | :% 33/ย{m.group(5)} :"
    rows = _read(generated.text[:m.start()] + mended + generated.text[m.end():])
    want = generated.tables["progress_updates"]
    assert _values(rows) == _want(generated)
    assert [r.seq_label for r in rows] == [w["seq_label"] for w in want]
    assert [" ".join((r.detail or "").split()) for r in rows] == [w["detail"] for w in want]


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(4))
def test_budget_on_the_line_after_a_progress_ocr_misread_is_read_not_the_detail(
        generator: str, seed: int) -> None:
    """``:: ความก้าวหน้าของงานฯ = อ๐.๐๐ % :`` / ``งบประมาณที่เบิกใช้ (ครั้งที่ 5) = …`` (the
    progress's digits read as letters, the budget on the next line): the budget is read,
    the progress left unknown, and the detail is its words."""
    rng = random.Random(seed)
    generated = _form(generator, rng)
    at = rng.randrange(len(generated.tables["progress_updates"]))
    m = list(re.finditer(r"(ความก้าวหน้าของงานฯ = )([0-9๐-๙])[0-9๐-๙]*(\.[0-9๐-๙]+ % :) ",
                         generated.text))[at]
    mended = f"{m.group(1)}อ{m.group(2)}{m.group(3)}\n"
    rows = _read(generated.text[:m.start()] + mended + generated.text[m.end():])
    want = generated.tables["progress_updates"]
    assert [_amount(r.budget_disbursed_thb) for r in rows] == [
        w["budget_disbursed_thb"] for w in want]
    assert rows[at].progress_pct is None
    assert [" ".join((r.detail or "").split()) for r in rows] == [w["detail"] for w in want]


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab"])
@pytest.mark.parametrize("seed", range(4))
def test_date_read_as_one_run_of_letters_with_a_digit_inside_is_not_the_detail(
        generator: str, seed: int) -> None:
    """``รายงานครั้งที่3 เพผิวร6ย : อยู่…`` (the date's ``::`` lost, the date read as letters
    with one digit inside): the detail is its words, the date unknown."""
    rng = random.Random(seed)
    generated = _form(generator, rng)
    at = rng.randrange(len(generated.tables["progress_updates"]))
    m = list(re.finditer(r"(รายงานครั้งที่[0-9๐-๙]+)\t:: \S+ : ", generated.text))[at]
    text = generated.text[:m.start()] + f"{m.group(1)} เพผิวร6ย : " + generated.text[m.end():]
    rows = _read(text)
    want = generated.tables["progress_updates"]
    assert [" ".join((r.detail or "").split()) for r in rows] == [w["detail"] for w in want]
    assert rows[at].report_date is None


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(4))
def test_budget_whose_equals_sign_ocr_misread_or_bracket_doubled_still_gives_its_amount(
        generator: str, seed: int) -> None:
    """``(ครั้งที่ 2 - 0 บาท``, ``(ครั้งที่ 2) - 0 บาท`` (the ``=`` read as ``-``), ``(ค (ครั้งที่ 6) =``
    (the bracket read twice with junk), ``(ครั้งที่ 11)] =`` (its ``)`` twice), ``= ~ 0 บาท``
    (a speck before the amount), ``(ครั้งที่ 1)⇥0 บาท`` (the ``=`` read as a gap in a pipe
    row's cell): every amount."""
    rng = random.Random(seed)
    generated = _form(generator, rng)

    def damaged(m: re.Match[str]) -> str:
        kinds = ["{b} {n} - ", "{b} {n}) - ", "(ค {b} {n}) = ", "{b} {n})] = ", "{b} {n}) = ~ "]
        if generator == "legacy_pipe":  # a gap inside a pipe row's cell (the others' a column)
            kinds.append("{b} {n})\t")
        return rng.choice(kinds).format(b="งบประมาณที่เบิกใช้ (ครั้งที่", n=m.group(1))

    text = re.sub(_BUDGET + " = ", damaged, generated.text)
    assert text != generated.text
    assert _values(_read(text)) == _want(generated)


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(3))
def test_date_with_a_speck_read_as_a_bracket_glued_before_it_is_read(generator: str,
                                                                      seed: int) -> None:
    """``:% (26/1/2568: …`` (the ``::`` read ``:%``, a speck glued to the date as ``(``):
    the date is read and is not the detail."""
    rng = random.Random(seed)
    m: list[re.Match[str]] = []
    while not m:  # a form in Arabic digits (Tesseract reads Thai ones as such, not as this)
        generated = _form(generator, rng)
        m = list(re.finditer(r":: ?([0-9]+/[0-9]+/[0-9]{4}) :", generated.text))
    hit = m[rng.randrange(len(m))]
    rows = _read(generated.text[:hit.start()] + f":% ({hit.group(1)}:"
                 + generated.text[hit.end():])
    want = generated.tables["progress_updates"]
    assert [str(r.report_date) for r in rows] == [w["report_date"] for w in want]
    assert [" ".join((r.detail or "").split()) for r in rows] == [w["detail"] for w in want]


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(3))
def test_budget_with_a_speck_read_as_a_dash_before_its_amount_gives_its_amount(
        generator: str, seed: int) -> None:
    """``(ครั้งที่ 3) = – 758,000 บาท``, ``= — 0 บาท``: a speck OCR read as an en or em dash
    between the ``=`` and the amount (a 1-bit scan's) is no sign of the amount; every
    amount is read."""
    rng = random.Random(seed)
    generated = _form(generator, rng)
    text = re.sub(_BUDGET + " = ", lambda m: f"{m.group(0)}{rng.choice(('–', '—'))} ",
                  generated.text)
    assert text != generated.text
    assert _values(_read(text)) == _want(generated)


#: A report's label OCR read as junk as long as itself, one token (a 300 dpi scan's).
_LONG_LABEL_JUNK = ("ยาานทร์ทีล์", "ฆายาานศรังกี", "Sewnnaiioi", "ราบาาาทร์ท")


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(4))
def test_row_whose_label_ocr_read_as_junk_as_long_as_itself_is_its_own_row(
        generator: str, seed: int) -> None:
    """``ยาานทร์ทีล์ :: 26/2/2568 : …`` after a row that read its values: a row of its own,
    its date, values and number (its place) read."""
    rng = random.Random(seed)
    generated = _form(generator, rng)
    at = rng.randrange(1, len(generated.tables["progress_updates"]))
    m = list(re.finditer(_LABEL, generated.text, flags=re.M))[at]
    mended = f"{m.group(1) or ''}{rng.choice(_LONG_LABEL_JUNK)} ::"
    rows = _read(generated.text[:m.start()] + mended + generated.text[m.end():])
    assert _values(rows) == _want(generated)
    assert [str(r.report_date) for r in rows] == [
        w["report_date"] for w in generated.tables["progress_updates"]]
    assert [r.seq_label for r in rows] == _numbers(generated.tables["progress_updates"], at)
