"""A progress-history entry's colons as OCR misread them: after a label, after the date.

History pages are generated from known values (``bench/corpus``); each entry's
problem and obstacle labels are then damaged the way Tesseract read them on the
corpus's scans: the ``:`` read as ``(`` glued to the value (``** อุปสรรคของโครงการ
(ไม่มี``), beside the readings already known (``1ไม่มี``), or as ``ไ1`` (``ไ1ไม่มี``),
``1]``, ``!`` or ``1!`` (``1]ไม่มี``);
the ``:`` after an entry's report date lost, a gap (a tab) left before the narrative
(``11/06/2565⇥⇥อยู่…``); on a tracking page the assessment banner's ``ไตรมาส`` misread,
and the project's code read on a line of its own.
The truth is the generated values: every entry's date, detail, problems and obstacles
read as generated.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.web_progress_history import extract

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

_ENTRY_LABEL = re.compile(r"^\*\* (ปัญหา|อุปสรรค)ของโครงการ :", re.M)


@pytest.mark.parametrize("seed", range(6))
def test_entry_label_whose_colon_ocr_read_as_a_bracket(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)

    def damaged(m: re.Match[str]) -> str:
        return f"** {m.group(1)}ของโครงการ {rng.choice(('(', '(', '1'))}"

    text = _ENTRY_LABEL.sub(damaged, generated.text)
    text = re.sub(r"(ของโครงการ [(1]) ", r"\1", text)  # glued to the value
    assert "ของโครงการ (" in text
    got = records_of(extract, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [(r.detail, r.problems, r.obstacles) for r in got] == [
        (w["detail"], w["problems"], w["obstacles"]) for w in want
    ]


@pytest.mark.parametrize("seed", range(4))
def test_entry_label_whose_colon_ocr_read_as_a_letter_and_a_digit(seed: int) -> None:
    """``** อุปสรรคของโครงการ ไ1ไม่มี``: the ``:`` read as ``ไ1`` glued to the value is no
    part of it."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _ENTRY_LABEL.sub(lambda m: f"** {m.group(1)}ของโครงการ ไ1", generated.text)
    text = re.sub(r"(ของโครงการ ไ1) ", r"\1", text)  # glued to the value
    assert "ของโครงการ ไ1" in text
    got = records_of(extract, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [(r.problems, r.obstacles) for r in got] == [
        (w["problems"], w["obstacles"]) for w in want
    ]


@pytest.mark.parametrize("seed", range(4))
def test_entry_label_whose_colon_ocr_read_as_a_stroke_and_a_bracket(seed: int) -> None:
    """``** ปัญหาของโครงการ 1]ไม่มี``, ``… !ไม่มี`` (seeds 53, 59, 83 at 150-300 dpi),
    ``… 1!ไม่มี`` (a scan cut at its top): the ``:`` read as a stroke, a bracket or a
    second stroke after it or not, glued to the value is no part of it."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _ENTRY_LABEL.sub(
        lambda m: f"** {m.group(1)}ของโครงการ {rng.choice(('1]', '!', 'l]', '1!'))}\x00",
        generated.text)
    text = text.replace("\x00 ", "").replace("\x00", "")  # glued to the value
    assert "ของโครงการ 1]" in text or "ของโครงการ !" in text or "ของโครงการ l]" in text
    got = records_of(extract, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [(r.problems, r.obstacles) for r in got] == [
        (w["problems"], w["obstacles"]) for w in want
    ]


_ENTRY_DATE = re.compile(r"^(?P<date>[0-9]{2}/[0-9]{2}/[0-9]{4}) : ", re.M)


@pytest.mark.parametrize("seed", range(4))
def test_entry_date_whose_colon_ocr_lost_before_a_gap(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _ENTRY_DATE.sub(lambda m: m["date"] + rng.choice(("\t", "\t\t")), generated.text)
    assert text != generated.text
    got = records_of(extract, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [(str(r.report_date), r.detail) for r in got] == [
        (w["report_date"], w["detail"]) for w in want
    ]


@pytest.mark.parametrize("seed", range(4))
def test_entry_date_whose_slash_ocr_read_as_a_sign_and_colon_lost(seed: int) -> None:
    """``10!042566 อยู่…`` (``10/04/2566 : อยู่…``, one ``/`` read as ``!``, the other and the
    ``:`` lost): not the detail; the entry's system date stands."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _ENTRY_DATE.sub(
        lambda m: f"{m['date'][:2]}!{m['date'][3:5]}{m['date'][6:]} ", generated.text
    )
    assert text != generated.text
    got = records_of(extract, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [(str(r.report_date), r.detail) for r in got] == [
        (w["report_date"], w["detail"]) for w in want
    ]


_BANNER = re.compile(r"\*\*\* สยป\. ประเมินโครงการ : ไตรมาสที่")
_FIELDS = (
    "project_code",
    "project_name",
    "agency",
    "fiscal_year_be",
    "progress_pct",
    "assessment_quarter",
)


@pytest.mark.parametrize("misread", ["ไตรมาลสที่", "ไตรมาศที่", "ไตรมสที่"])
@pytest.mark.parametrize("seed", range(3))
def test_tracking_banner_whose_quarter_word_ocr_misread(seed: int, misread: str) -> None:
    """``*** สุยป. ประเมินโครงการ : ไตรมาลสที่ 2`` (a letter of ``ไตรมาส`` read twice, as
    another or lost): still the assessment banner, its quarter read, never the rationale."""
    rng = random.Random(seed)
    generated = GENERATORS["web_tracking"](rng)
    while not _BANNER.search(generated.text):
        generated = GENERATORS["web_tracking"](rng)
    text = _BANNER.sub(f"*** สุยป. ประเมินโครงการ : {misread}", generated.text)
    assert text != generated.text
    got = records_of(extract, text, screened=False)["projects"]
    assert_rows_read("projects", got, generated.tables["projects"], _FIELDS)


@pytest.mark.parametrize("seed", range(4))
def test_tracking_name_and_code_read_as_two_lines(seed: int) -> None:
    """``<name>`` / ``04488126-7819`` (OCR lost the ``:`` and read the code as a line of its
    own) above ``<agency> : (<year>)``: the code is the project's code, the line above it
    its name."""
    rng = random.Random(seed)
    generated = GENERATORS["web_tracking"](rng)
    while not re.search(r" : \([0-9]{4}\)$", generated.text, flags=re.M):  # the agency's year
        generated = GENERATORS["web_tracking"](rng)
    text = re.sub(
        r"^(โครงการ.*?) : ([0-9]{8}-[0-9]{4})$", r"\1\n\2", generated.text, count=1, flags=re.M
    )
    assert text != generated.text
    got = records_of(extract, text, screened=False)["projects"]
    assert_rows_read("projects", got, generated.tables["projects"], _FIELDS)


@pytest.mark.parametrize("seed", range(4))
def test_tracking_code_whose_last_digit_ocr_read_as_a_mark(seed: int) -> None:
    """``<name> : 12549184-998]`` (seed 71, 150 dpi 1-bit, for ``…-9981``): the name is
    read, the code is NULL, never ``…-998``."""
    rng = random.Random(seed)
    generated = GENERATORS["web_tracking"](rng)
    while not re.search(r"^โครงการ.*? : [0-9]{8}-[0-9]{4}$", generated.text, flags=re.M):
        generated = GENERATORS["web_tracking"](rng)
    mark = rng.choice(("]", "|", "ๆ", "l"))
    text = re.sub(r"^(โครงการ.*? : [0-9]{8}-[0-9]{3})[0-9]$", lambda m: m[1] + mark,
                  generated.text, count=1, flags=re.M)
    assert text != generated.text
    [got] = records_of(extract, text, screened=False)["projects"]
    [want] = generated.tables["projects"]
    assert (got.project_name, got.project_code) == (want["project_name"], None)
    fields = tuple(f for f in _FIELDS if f not in ("project_name", "project_code"))
    assert_rows_read("projects", [got], [want], fields)


@pytest.mark.parametrize("seed", range(4))
def test_entry_value_ocr_read_as_a_few_latin_letters_is_unknown(seed: int) -> None:
    """``** อุปสรรคของโครงการ :Lit`` (``ไม่มี`` read as Latin, seeds 59, 71 and 73): the
    obstacles are NULL, never ``Lit``; the entry's other values are read."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    while ":ไม่มี" not in generated.text:
        generated = GENERATORS["web_history"](rng)
    text = re.sub(r"^(\*\* (?:ปัญหา|อุปสรรค)ของโครงการ :)ไม่มี$",
                  lambda m: m.group(1) + rng.choice(("Lit", "Lidl", "aid", "Laid")),
                  generated.text, flags=re.M)
    got = records_of(extract, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [(r.detail, r.problems, r.obstacles) for r in got] == [
        (w["detail"], None if w["problems"] == "ไม่มี" else w["problems"],
         None if w["obstacles"] == "ไม่มี" else w["obstacles"]) for w in want
    ]
