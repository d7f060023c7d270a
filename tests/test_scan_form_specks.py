"""Specks a scan's OCR reads around the fixed wording of a progress form or history page.

Forms and history pages are generated from known values (``bench/corpus``); their
text is then damaged the ways Tesseract reads the dust and rules of a scan next to
the wording the readers key on: a speck standing apart after a section heading's
number (``2. . รายงานความก้าวหน้า…``), an entry label's ``:`` read as a run of
specks (``: :``, ``| :``, ``1:``), specks before the label and its first letter
misread (``** 1!โญหาของโครงการ``). The truth is the generated values: every section
and every report row is read, and an entry's problems and obstacles are their
values without the specks.
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

#: A numbered section heading of the legacy form (``1.3 หลักการ…``, ``2. รายงาน…``);
#: a numbered objective (``1. เพื่อ…``) is not one.
_HEADING = re.compile(r"^(?P<no>[0-9]\.(?:[0-9])?) (?P<title>(?!เพื่อ)\S.*)$", re.M)
#: What OCR reads between a heading's number and its words.
_HEADING_SPECKS = (". ", ", ", "' ", "| ", ": ")


def _read(extract: Callable[[RepairedText], Extraction], text: str) -> dict[str, list[Any]]:
    """The records ``extract`` reads from ``text`` as an OCR'd page, before the trust screen
    (which loads a Thai-digit number only when the page confirms it)."""
    doc = RepairedText.of(text, ocr_used=True)
    return build_records(normalize(extract(doc), doc.text, doc.words, None), "0" * 64)


def history_separators_read_as(rng: random.Random, reads: tuple[str, ...], separator: str
                               ) -> tuple[Any, str]:
    """A generated progress history and its text, the later separators read as OCR read them.

    The history (``web_history``, three entries or more) is drawn from ``rng``; every line
    ``separator`` (a regular expression, multi-line) matches but the first is written as
    one of ``reads``, ``rng``'s choice in turn.
    """
    generated = GENERATORS["web_history"](rng)
    while len(generated.tables["progress_updates"]) < 3:
        generated = GENERATORS["web_history"](rng)
    seen = iter(range(100))
    text = re.sub(separator, lambda m: m[0] if next(seen) == 0 else rng.choice(reads),
                  generated.text, flags=re.M)
    return generated, text


def assert_entries_read(records: dict[str, list[Any]], generated: Any) -> None:
    """Every entry of the generated history ``generated`` read in ``records``, with its
    problems and obstacles as generated."""
    got = records.get("progress_updates", [])
    want = generated.tables["progress_updates"]
    assert [(r.problems, r.obstacles) for r in got] == [
        (w["problems"], w["obstacles"]) for w in want]


def _amount(value: object) -> str | None:
    """A number as the generator writes it (``56.50``), None when not stated."""
    return None if value is None else f"{value:.2f}"


@pytest.mark.parametrize("seed", range(8))
def test_section_heading_with_a_speck_after_its_number_still_opens_its_section(
        seed: int) -> None:
    """``2. . รายงานความก้าวหน้า…``: the report table is still read, every row, and the
    project's progress and status from it."""
    rng = random.Random(seed)
    generated = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab"))](rng)
    text = _HEADING.sub(lambda m: f"{m.group('no').rstrip()} "
                                  f"{rng.choice(_HEADING_SPECKS)}{m.group('title')}",
                        generated.text)
    assert text != generated.text
    records = _read(legacy, text)
    want_rows = generated.tables["progress_updates"]
    got_rows = records.get("progress_updates", [])
    assert [(r.detail, r.on_plan, r.on_target, _amount(r.progress_pct), str(r.report_date))
            for r in got_rows] == [(w["detail"], w["on_plan"], w["on_target"], w["progress_pct"],
                                    w["report_date"]) for w in want_rows]
    [project] = records["projects"]
    [want] = generated.tables["projects"]
    assert (project.project_code, project.project_name, project.agency, project.status,
            _amount(project.progress_pct)) == (want["project_code"], want["project_name"],
                                               want["agency"], want["status"],
                                               want["progress_pct"])


_ENTRY_LABEL = re.compile(r"^\*\* (?P<label>ปัญหา|อุปสรรค)(?P<rest>ของโครงการ) :", re.M)
#: The label's ``:`` as OCR reads it with specks of dust or a rule around it.
_COLON_RUNS = (": :", "| :", "1:", ". :", " : :", ";", ".")
#: Specks before a label whose first letter OCR misread.
_LEAD_SPECKS = ("** 1!", "** |", "** '", "*# ")
_THAI_LETTERS = "กขคจฉชซญฎฏฐฑฒณดตถทธนบปผพฟภมยรลวศษสหฬอฮ"


@pytest.mark.parametrize("seed", range(10))
def test_history_entry_label_whose_colon_and_letters_ocr_read_with_specks(seed: int) -> None:
    """``** ปัญหาของโครงการ : :ผู้รับจ้าง…``, ``** 1!โญหาของโครงการ 1ไม่มี``: problems and
    obstacles are their values, never the specks, never run into the detail."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)

    def damaged(m: re.Match[str]) -> str:
        label, rest = m.group("label"), m.group("rest")
        colon = rng.choice(_COLON_RUNS)
        if rng.random() < 0.4:  # specks before it, its first letter misread
            first = rng.choice(_THAI_LETTERS.replace(label[0], ""))
            return f"{rng.choice(_LEAD_SPECKS)}{first}{label[1:]}{rest} {colon}"
        return f"** {label}{rest} {colon}"

    text = _ENTRY_LABEL.sub(damaged, generated.text)
    got = _read(history, text).get("progress_updates", [])
    want = generated.tables["progress_updates"]
    assert [(r.detail, r.problems, r.obstacles) for r in got] == [
        (w["detail"], w["problems"], w["obstacles"]) for w in want]


@pytest.mark.parametrize("seed", range(6))
def test_history_entry_label_whose_colon_ocr_lost_its_value_glued_on(seed: int) -> None:
    """``si อุปสรรคของโครงการไม่มี`` (``** อุปสรรคของโครงการ :ไม่มี``, the ``**`` read as
    letters, the ``:`` lost): the label read whole still ends the problems before it and
    gives its value."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _ENTRY_LABEL.sub(lambda m: f"{rng.choice(('si', 'ae', '**', '*'))} "
                                      f"{m.group('label')}{m.group('rest')}", generated.text)
    got = _read(history, text).get("progress_updates", [])
    want = generated.tables["progress_updates"]
    assert [(r.detail, r.problems, r.obstacles) for r in got] == [
        (w["detail"], w["problems"], w["obstacles"]) for w in want]


@pytest.mark.parametrize("seed", range(4))
def test_history_detail_wrapped_before_a_number_of_a_year_keeps_it(seed: int) -> None:
    """``…ครั้งที่`` / ``2/2566`` (a meeting's number wrapped onto a line of its own): the
    line is the detail's end, not specks."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    while not re.search(r"ครั้งที่ [0-9]/25[0-9]{2}", generated.text):
        generated = GENERATORS["web_history"](rng)
    text = re.sub(r"(ครั้งที่) ([0-9]/25[0-9]{2})", r"\1\n\2", generated.text)
    got = _read(history, text).get("progress_updates", [])
    want = generated.tables["progress_updates"]
    assert [" ".join((r.detail or "").split()) for r in got] == [w["detail"] for w in want]


_CODE_DASH = re.compile(r" : ([0-9๐-๙]{6,10})-([0-9๐-๙]{3,5})$", re.M)
_BANNER_WORD = re.compile(r"^\*\*\* สยป\. ", re.M)
#: What OCR makes of the banner's ``สยป.``: Latin or Thai letters, a comma for its point.
_BANNER_JUNK = ("ayy,", "au.", "สขป", "ลยบ,", "eu")


@pytest.mark.parametrize("seed", range(8))
def test_tracking_page_code_with_a_space_at_its_dash_and_banner_word_ocr_misread(
        seed: int) -> None:
    """``โครงการ… : 03503144- 5709`` and ``*** ayy, ประเมินโครงการ : ไตรมาสที่ 2 80``: the
    code, name and agency are read, the quarter and score too, and the banner is not
    taken for the rationale."""
    rng = random.Random(seed)
    generated = GENERATORS["web_tracking"](rng)
    while not (_BANNER_WORD.search(generated.text) and _CODE_DASH.search(generated.text)):
        generated = GENERATORS["web_tracking"](rng)  # a page that prints both
    text = _CODE_DASH.sub(lambda m: f" : {m.group(1)}{rng.choice(('- ', ' -', ' - '))}"
                                    f"{m.group(2)}", generated.text)
    text = _BANNER_WORD.sub(lambda m: f"*** {rng.choice(_BANNER_JUNK)} ", text)
    [project] = _read(history, text)["projects"]
    [want] = generated.tables["projects"]
    columns = [c for c in ("project_code", "project_name", "agency", "assessment_quarter",
                           "assessment_score", "rationale") if c in want]
    got = {c: getattr(project, c) for c in columns}
    if "assessment_score" in got:
        got["assessment_score"] = _amount(got["assessment_score"])
    assert got == {c: want[c] for c in columns}


_PROGRESS_LABEL = re.compile(r"ความก้าวหน้าของงาน(?=ฯ)")
#: The progress label as OCR reads it with a letter wrong, one added or one lost.
_PROGRESS_MISREAD = ("ความก้าวหน้าของงวาน", "ความก้าวหน้าของงวน", "ความก้าวหน้าขอางาน",
                     "ความก้าวหน้าของาน")
_BUDGET_AMOUNT = re.compile(r"(?P<label>งบประมาณที่เบิกใช้ \(ครั้งที่ [๐-๙0-9]+\) = )"
                            r"(?P<amount>[๐-๙0-9,]+ บาท)")
#: What OCR makes of an amount past reading: Latin letters and specks.
_AMOUNT_JUNK = ("o UM", "ee Ua", "o", "dado vn")


@pytest.mark.parametrize("seed", range(8))
def test_report_row_whose_progress_label_or_budget_amount_ocr_misread(seed: int) -> None:
    """``ประกาศ… :: ความก้าวหน้าของงวานฯ = ๔๙.๐๐ %`` and ``… = o UM | : เป็นไปตามแผน``:
    the narrative ends at the label read approximately, and the flags after an amount
    OCR made junk are still read (the amount NULL), never run into the narrative."""
    rng = random.Random(seed)
    generated = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab"))](rng)
    junk: list[bool] = []

    def amount(m: re.Match[str]) -> str:
        junk.append(rng.random() < 0.5)
        return m.group("label") + (rng.choice(_AMOUNT_JUNK) if junk[-1] else m.group("amount"))

    text = _PROGRESS_LABEL.sub(lambda m: rng.choice(_PROGRESS_MISREAD), generated.text)
    text = _BUDGET_AMOUNT.sub(amount, text)
    want = generated.tables["progress_updates"]
    assert len(junk) == len(want)
    got = _read(legacy, text).get("progress_updates", [])
    assert [(r.detail, r.on_plan, r.on_target) for r in got] == [
        (w["detail"], w["on_plan"], w["on_target"]) for w in want]
    assert [_amount(r.budget_disbursed_thb) for r in got] == [
        None if lost else w["budget_disbursed_thb"] for w, lost in zip(want, junk, strict=True)]


_SEPARATOR = re.compile(r"^-+&&&-+$", re.M)
#: A separator OCR read in part, dust beside it.
_SEPARATOR_MISREAD = ("ว\tB&&", "&&", "- &&8 -", "ร &&&")
_KIND_LABEL = re.compile(r"^ประเภทตัวชี้วัด :", re.M)
#: The KPI kind label with a letter OCR misread or doubled.
_KIND_MISREAD = ("ประเภทตัวขี้วัด :", "ประเภททตัวชี้วัด :", "ประเกทตัวชี้วัด :", "ประเภทตัวชีวัด ;")


@pytest.mark.parametrize("seed", range(8))
def test_history_separator_read_in_part_and_kpi_kind_label_misread(seed: int) -> None:
    """``ว\tB&&`` for the ``---&&&---`` between entries: not glued to the obstacles;
    ``ประเภทตัวขี้วัด : …``: the KPI's kind is still read."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    while not _KIND_LABEL.search(generated.text):
        generated = GENERATORS["web_history"](rng)  # a page with a KPI block
    text = _SEPARATOR.sub(lambda m: rng.choice(_SEPARATOR_MISREAD), generated.text)
    text = _KIND_LABEL.sub(lambda m: rng.choice(_KIND_MISREAD), text)
    records = _read(history, text)
    want = generated.tables["progress_updates"]
    assert [(r.detail, r.problems, r.obstacles) for r in records.get("progress_updates", [])] == [
        (w["detail"], w["problems"], w["obstacles"]) for w in want]
    assert [i.kind for i in records.get("indicators", [])] == [
        w["kind"] for w in generated.tables["indicators"]]


_ID_LABEL = re.compile(r"^(?P<label>Policy|Branch|Kpi) ID(?=[0-9])", re.M)
#: What OCR makes of ``ID`` glued to its value: two strokes for the I (``1!0``), or
#: two Thai letters (``โบ``).
_ID_MISREAD = ("1!0", "l|O", "โบ", "ไบ", "1D", "|D")


@pytest.mark.parametrize("seed", range(8))
def test_detail_page_id_label_ocr_read_as_other_letters(seed: int) -> None:
    """``Branch โบ2212``, ``Policy 1!058``: the policy, branch and KPI ids are their values."""
    rng = random.Random(seed)
    generated = GENERATORS["web_detail"](rng)
    while not _ID_LABEL.search(generated.text):
        generated = GENERATORS["web_detail"](rng)
    text = _ID_LABEL.sub(lambda m: f"{m.group('label')} {rng.choice(_ID_MISREAD)}",
                         generated.text)
    [project] = _read(detail, text)["projects"]
    [want] = generated.tables["projects"]
    columns = [c for c in ("policy_id", "branch_id", "kpi_id") if c in want]
    assert columns
    assert {c: getattr(project, c) for c in columns} == {c: want[c] for c in columns}


#: What OCR read for an objective's number, the gap after it read as a tab.
_ITEM_NUMBERS = ("8", "Pe", "a", "3,")


@pytest.mark.parametrize("seed", range(4))
def test_objective_whose_number_ocr_misread_before_a_gap_opens_its_item(seed: int) -> None:
    """``8⇥เพื่อ…``, ``Pe⇥เพื่อ…`` (each objective's number misread, its gap a tab) and a
    page's number read as specks between two objectives' lines (``7``, ``ฑา``): every
    objective its own, without the specks."""
    rng = random.Random(seed)
    while True:
        generated = GENERATORS["legacy_long"](rng)
        want = generated.tables["projects"][0]["objectives"]
        if len(want) >= 2:
            break
    items = re.compile(r"(?:(?<=\n)|(?<=ของโครงการ ))[0-9]\. (เพื่อ)")
    text = items.sub(lambda m: f"\n{rng.choice(_ITEM_NUMBERS)}\t{m.group(1)}", generated.text)
    assert text.count("\tเพื่อ") == len(want)
    first = text.index("\tเพื่อ")
    cut = text.index(" ", text.index(" ", first) + 1)  # within the first objective
    text = text[:cut] + f"\n\n{rng.choice(('7', 'ฑา'))}\n\n" + text[cut + 1:]
    got = _read(legacy, text)["projects"][0].objectives
    assert [" ".join(o.split()) for o in got] == want


@pytest.mark.parametrize("seed", range(6))
def test_history_report_date_with_its_colon_misread_and_last_separator_read_as_letters(
        seed: int) -> None:
    """``24,12/2567 - …``, ``26/01/2569 « …``, ``Ov 10/2567 : …`` (a ``/`` read as ``,``,
    the ``:`` as a sign, the day as letters apart) are not the detail, and the date beside
    a misread colon is not loaded over the entry's system date; the separator before the
    KPI block read as ``B&R`` or ``ร⇥๕๕๕`` is not the last entry's obstacles."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)

    def damaged(m: re.Match[str]) -> str:
        day, month, year = m.group(1), m.group(2), m.group(3)
        return rng.choice((f"{day},{month}/{year} - ", f"{day}/{month}/{year} « ",
                           f"Ov {month}/{year} : "))

    text = re.sub(r"^([0-9]{2})/([0-9]{2})/([0-9]{4}) : ", damaged, generated.text, flags=re.M)
    text = re.sub(r"^-+&&&-+$(?=\nตัวชี้วัด)", rng.choice(("B&R", "ร\t๕๕๕")), text, flags=re.M)
    assert text.count("B&R") + text.count("๕๕๕") == 1
    got = _read(history, text).get("progress_updates", [])
    want = generated.tables["progress_updates"]
    assert [(r.detail, r.problems, r.obstacles, str(r.report_date)) for r in got] == [
        (w["detail"], w["problems"], w["obstacles"], w["report_date"]) for w in want]


@pytest.mark.parametrize("seed", range(4))
def test_detail_page_id_label_whose_id_and_value_ocr_misread_ends_the_name(seed: int) -> None:
    """``Policy 8 149ร`` (the ``ID`` and value past reading) under the project's name: the
    name is its own words, the policy ID unknown, the other IDs read."""
    rng = random.Random(seed)
    generated = GENERATORS[rng.choice(("web_detail", "web_detail_long"))](rng)
    text = re.sub(r"^Policy ID\S*$", "Policy 8 149ร", generated.text, flags=re.M)
    assert text != generated.text
    [project] = _read(detail, text)["projects"]
    [want] = generated.tables["projects"]
    assert (project.project_name, project.policy_id, project.kpi_id) == (
        want["project_name"], None, want.get("kpi_id"))


@pytest.mark.parametrize("seed", range(4))
def test_number_wrapped_alone_under_its_text_is_no_speck(seed: int) -> None:
    """``…ไม่น้อยกว่าร้อยละ`` / ``80``: a number the wrap put on a line of its own, right
    under its text, stays the text's tail (only a number with blank lines on both sides,
    a page's number, is specks)."""
    rng = random.Random(seed)
    while True:
        generated = GENERATORS["legacy_long"](rng)
        want = generated.tables["projects"][0]["target"]
        tail = re.search(r" ([0-9]+)$", want or "")
        if tail is not None and want in generated.text:
            break
    text = generated.text.replace(want, f"{want[:tail.start()]}\n{tail.group(1)}")
    assert " ".join(_read(legacy, text)["projects"][0].target.split()) == want


def _latin_and_signs(rng: random.Random) -> str:
    """The separator ``---&&&---`` as OCR reads it beside Latin letters: a few Latin bits
    of any case and a run of the signs it makes of the dashes and ``&``."""
    def bit() -> str:
        letters = "".join(rng.choice("aceinrsuBEIRSU") for _ in range(rng.randint(1, 5)))
        return letters.upper() if rng.random() < 0.5 else letters
    signs = "".join(rng.choice("<:.|&~") for _ in range(rng.randint(1, 5)))
    parts = [bit() for _ in range(rng.randint(1, 2))]
    parts.insert(rng.randint(0, len(parts)), signs if "<" in signs else "<" + signs)
    return " ".join(parts)


@pytest.mark.parametrize("seed", range(8))
def test_history_separator_read_as_latin_letters_and_signs_is_no_obstacle(seed: int) -> None:
    """``SUEUR <:.<: cama``, ``inn <a``: the separator between two entries read as Latin
    bits and signs, no Thai letter, is not the entry's obstacles; a value's Latin words
    wrapped onto a line of their own (``COVID-19``, ``PM 2.5``) stay words."""
    from bma_etl.layouts.history_specks import separator_read_as_letters

    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    while len(generated.tables["progress_updates"]) < 2:  # a separator between two entries
        generated = GENERATORS["web_history"](rng)
    text = re.sub(r"^-+&&&-+$(?=\n\()", lambda m: _latin_and_signs(rng), generated.text,
                  flags=re.M)
    assert "<" in text
    got = _read(history, text).get("progress_updates", [])
    want = generated.tables["progress_updates"]
    assert [(r.problems, r.obstacles) for r in got] == [
        (w["problems"], w["obstacles"]) for w in want]
    assert not any(separator_read_as_letters(t) for t in ("COVID-19", "PM 2.5", "Compact City"))


@pytest.mark.parametrize("generator", ["legacy_long", "legacy_pipe", "legacy_tab"])
@pytest.mark.parametrize("seed", range(4))
def test_leading_vowel_glued_before_the_progress_label_ends_no_detail(generator: str,
                                                                      seed: int) -> None:
    """``::เความก้าวหน้าของงานฯ = …`` (the second ``:`` read as ``เ``; a 1-bit scan at 200
    dpi): a leading vowel opens a syllable, so the detail does not end with it."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = re.sub(r"::? ?(?=ความก้าวหน้าของงาน)",
                  lambda m: rng.choice(("::เ", ":เ", ":: แ", "::โ")), generated.text)
    assert text != generated.text
    records = _read(legacy, text)
    assert [r.detail for r in records["progress_updates"]] == [
        w["detail"] for w in generated.tables["progress_updates"]]


#: What OCR read for the progress's label and value on a line of their own (seed 449's
#: grey scan at 150 dpi): letters that are no label, a digit glued to the value.
_PROGRESS_JUNK = ("IE EE HORSE ต{}", 'จ ศวกังสัทิจิททักจลงทม" > {}', "ee Ee ด{}")


@pytest.mark.parametrize("generator", ["legacy_long", "legacy_tab"])
@pytest.mark.parametrize("seed", range(4))
def test_progress_label_read_as_junk_at_a_line_start_ends_the_detail(generator: str,
                                                                     seed: int) -> None:
    """``…ดำเนินการ`` / ``IE EE HORSE ต๒.๐๐ % : งบประมาณที่เบิกใช้ (ครั้งที่ ๒) = ๐ บาท : …``:
    the detail ends before the junk, the budget and flags after it are read, the progress
    is not guessed."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    labels = list(re.finditer(r"[ \t]*:: ความก้าวหน้าของงานฯ = ([0-9๐-๙.]+) %", generated.text))
    k = rng.randrange(len(labels))
    m = labels[k]
    junk = rng.choice(_PROGRESS_JUNK).format(m.group(1)[1:])
    text = generated.text[:m.start()] + f"\n{junk} %" + generated.text[m.end():]
    records = _read(legacy, text)
    want = generated.tables["progress_updates"]
    got = records["progress_updates"]
    assert [(r.detail, r.on_plan, r.on_target, r.budget_disbursed_thb) for r in got] == [
        (w["detail"], w["on_plan"], w["on_target"], Decimal(w["budget_disbursed_thb"]))
        for w in want]
    assert got[k].progress_pct is None


@pytest.mark.parametrize("seed", range(6))
def test_history_separator_read_as_a_latin_bit_after_one_read_is_no_obstacle(seed: int) -> None:
    """``BEE``, ``BRE``, ``:⇥88S`` (seed 569, web_history_004 at 200 dpi): on a page whose
    first separator was read, a later one OCR made a Latin bit and specks is still the
    separator, not the obstacles' last line."""
    from bma_etl.layouts.history_specks import separator_read_as_bits

    generated, text = history_separators_read_as(random.Random(seed), ("BEE", "BRE", ":\t88S"),
                                                 r"^-+&&&-+$(?=\n\()")
    assert "&&&" in text and re.search(r"^(?:BEE|BRE|:\t88S)$", text, re.M)
    assert_entries_read(_read(history, text), generated)
    assert not any(separator_read_as_bits(t) for t in ("City", "ไม่มี", "COVID", "2/2566"))
