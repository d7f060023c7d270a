"""A progress-history entry whose heading or report date OCR damaged keeps its own row.

History pages are generated from known values (``bench/corpus``); one entry's heading
or report date is then damaged the ways Tesseract read them on the corpus's scans
(seeds 43 and 47): a speck read as a bracket before the system date and the date's
dashes read as spaces (``ร้อยละ 72.50 ) (2024- -02 11)``), the entry's number misread
(``(4)`` for the last entry's ``(1)``), the report date before the narrative read as
junk (``eS ลงนาม…``, ``กรสลต อยู่…``, ``05 142564 . อยู่…``) or its ``/`` read ``.``
and its ``:`` as a letter (``01.09/2565 ร อยู่…``). The truth is the generated values:
every entry is read as its own row, so that one damaged entry shifts no other, and
the junk is no part of the narrative.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.history_specks import after_date_junk
from bma_etl.layouts.web_progress_history import extract

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

_FIELDS = ("seq_label", "report_date", "progress_pct", "detail", "problems", "obstacles")
_HEADING = re.compile(
    r"^\((\d+)\) ความคืบหน้าโครงการฯ ร้อยละ ([0-9.]+) \((\d{4})-(\d{2})-(\d{2})\)$", re.M)
_REPORT_DATE = re.compile(r"^[0-9]{2}/[0-9]{2}/[0-9]{4} : ", re.M)
#: What OCR read for an entry's report date and its colon on the corpus's scans.
_DATE_JUNK = ("eS ", "กรสลต ", "ae ", "oc 0 ", "05 142564 . ", "ร ")


def _generated(rng: random.Random, least: int = 2) -> object:
    generated = GENERATORS["web_history"](rng)
    while len(generated.tables["progress_updates"]) < least:
        generated = GENERATORS["web_history"](rng)
    return generated


def _read(text: str) -> list[object]:
    return records_of(extract, text, screened=False)["progress_updates"]


@pytest.mark.parametrize("seed", range(6))
def test_heading_with_a_bracket_speck_and_its_date_dashes_spaced(seed: int) -> None:
    """``(4) ความคืบหน้าโครงการฯ ร้อยละ 72.50 ) (2024- -02 11)``: the entry, its progress and
    its date are read; the entries below it are not shifted."""
    rng = random.Random(seed)
    generated = _generated(rng)
    headings = list(_HEADING.finditer(generated.text))
    m = rng.choice(headings)
    seq, pct, year, month, day = m.groups()
    date = rng.choice((f"{year}- -{month} {day}", f"{year}- -{month}-{day}",
                       f"{year}-{month} {day}"))
    damaged = f"({seq}) ความคืบหน้าโครงการฯ ร้อยละ {pct} {rng.choice(')]|')} ({date})"
    text = generated.text[:m.start()] + damaged + generated.text[m.end():]
    assert_rows_read("progress_updates", _read(text),
                     generated.tables["progress_updates"], _FIELDS)


@pytest.mark.parametrize("seed", range(6))
def test_entry_number_misread_is_put_right_by_the_countdown(seed: int) -> None:
    """``(4)`` read for ``(1)`` below ``(2)``, or for ``(n)`` between ``(n+1)`` and ``(n-1)``."""
    rng = random.Random(seed)
    generated = _generated(rng, least=3)
    headings = list(_HEADING.finditer(generated.text))
    m = rng.choice(headings[1:])  # the first entry's number has no countdown above it
    seq = int(m.group(1))
    wrong = rng.choice([n for n in range(1, 10) if n != seq])
    text = generated.text[:m.start()] + f"({wrong})" + generated.text[m.start(1) + len(
        m.group(1)) + 1:]
    got = _read(text)
    assert [r.seq_label for r in got] == [
        w["seq_label"] for w in generated.tables["progress_updates"]]


@pytest.mark.parametrize("seed", range(8))
def test_report_date_read_as_junk_is_no_part_of_the_narrative(seed: int) -> None:
    """``eS ลงนาม…``: the narrative without the junk; the entry's date is the system date."""
    rng = random.Random(seed)
    generated = _generated(rng)
    text = _REPORT_DATE.sub(lambda m: rng.choice(_DATE_JUNK), generated.text)
    assert not _REPORT_DATE.search(text)
    assert_rows_read("progress_updates", _read(text),
                     generated.tables["progress_updates"], _FIELDS)


@pytest.mark.parametrize("seed", range(4))
def test_report_date_whose_slash_read_as_a_point_and_colon_as_a_letter(seed: int) -> None:
    """``01.09/2565 ร อยู่…``: the narrative without the letter; the date is doubtful, the
    system date stands."""
    rng = random.Random(seed)
    generated = _generated(rng)

    def damaged(m: re.Match[str]) -> str:
        stamp = m.group()[:10]
        return f"{stamp[:2]}.{stamp[3:]} {rng.choice('รวซ')} "

    text = _REPORT_DATE.sub(damaged, generated.text)
    assert not _REPORT_DATE.search(text)
    assert_rows_read("progress_updates", _read(text),
                     generated.tables["progress_updates"], _FIELDS)


@pytest.mark.parametrize("narrative", [
    "3 รุ่น ผู้เข้าร่วม 150 คน", "ณ วันที่ 5 ดำเนินการแล้ว", "ก. ดำเนินการ", "PM 2.5 ลดลง",
    "COVID-19 ระบาด", "ฯลฯ ดำเนินการ", "อยู่ระหว่างตรวจรับงานงวดที่ 2",
])
def test_narrative_opening_with_text_is_kept_whole(narrative: str) -> None:
    """A number, ณ, a list's letter, an acronym or a word opening a narrative is text."""
    assert after_date_junk(narrative) is None


#: What OCR read for one entry's report date on seed 83's scan, the page's other dates
#: read: a digit or two alone, a quote and a digit before a gap, lower-case Latin bits,
#: letters glued to the date's digits, a letter alone.
_ONE_DATE_JUNK = ("0 ", "2\t", '"0\t', "fa beeen ", "ได1052568 5 ", "บ ")


@pytest.mark.parametrize("seed", range(8))
def test_one_report_date_read_as_junk_on_a_dated_page(seed: int) -> None:
    """The other entries open with their dates: this one's junk is its date, not the
    narrative (``0 ประกาศ…``, ``ได1052568 5 ลงนาม…``); its date is the system date."""
    rng = random.Random(seed)
    generated = _generated(rng, least=3)
    dates = list(_REPORT_DATE.finditer(generated.text))
    m = rng.choice(dates)
    text = generated.text[:m.start()] + rng.choice(_ONE_DATE_JUNK) + generated.text[m.end():]
    assert_rows_read("progress_updates", _read(text),
                     generated.tables["progress_updates"], _FIELDS)


_OBSTACLES = re.compile(r"^\*\* อุปสรรคของโครงการ :.*$", re.M)


@pytest.mark.parametrize("seed", range(6))
def test_separator_read_as_latin_bits_under_a_value_is_no_part_of_it(seed: int) -> None:
    """The separator under an entry read as a line of Latin bits (seeds 79, 83:
    ``mene BRB enone``, ``- BRR``, ``sak ก``; seed 67: ``~~⇥RAE``) joined to the obstacles
    above: not their text."""
    rng = random.Random(seed)
    generated = _generated(rng)
    text = _OBSTACLES.sub(lambda m: m.group() + "\n" + rng.choice(
        ("mene BRB enone", "- BRR", "sak ก", "~~\tRAE")), generated.text)
    assert text != generated.text
    assert_rows_read("progress_updates", _read(text),
                     generated.tables["progress_updates"], _FIELDS)


@pytest.mark.parametrize("seed", range(6))
def test_report_date_colon_read_as_a_sign_in_a_cell_of_its_own(seed: int) -> None:
    """``31/05/2568⇥7⇥ผู้รับจ้าง…`` (a 1-bit scan at 150 dpi): the date is read, the digit
    the ``:`` was read as is no part of the narrative."""
    rng = random.Random(seed)
    generated = _generated(rng)
    text = re.sub(r"^([0-9]{2}/[0-9]{2}/[0-9]{4}) : ",
                  lambda m: f"{m.group(1)}\t{rng.choice('71!|')}\t", generated.text, flags=re.M)
    assert not _REPORT_DATE.search(text)
    assert_rows_read("progress_updates", _read(text),
                     generated.tables["progress_updates"], _FIELDS)


@pytest.mark.parametrize("seed", range(6))
def test_separator_whose_ampersands_read_as_a_word_is_no_part_of_the_value(seed: int) -> None:
    """``---๕มิ---``: the separator's ``&&&`` read as letters that make a word (``มิ``)
    between its dashes, under an entry's obstacles: not their text."""
    rng = random.Random(seed)
    generated = _generated(rng)
    text = re.sub(r"-{3,}&&&-{3,}", lambda m: "-" * rng.randint(3, 18) + rng.choice(
        ("๕มิ", "มา", "ดี", "&ว")) + "-" * rng.randint(3, 20), generated.text)
    assert "&&&" not in text
    assert_rows_read("progress_updates", _read(text),
                     generated.tables["progress_updates"], _FIELDS)


#: The separator as Tesseract read it at 150 dpi (a history page): one half's
#: dashes read, the ``&&&`` and the other half as letters glued to them; or as bits
#: apart, a dash among them, above a KPI block.
_SEPARATOR_MISREAD = ("คคคคาซิณิเซิค---------", "ๆรคาซิพิสิง----------",
                      "----------ณิเซิคคคค", "เร\t~\t—\t2มย\tบ๓")


@pytest.mark.parametrize("seed", range(6))
def test_separator_read_half_as_letters_or_as_bits_is_no_part_of_the_value(seed: int) -> None:
    rng = random.Random(seed)
    generated = _generated(rng)
    text = re.sub(r"(?m)^-{3,}&&&-{3,}$", lambda m: rng.choice(_SEPARATOR_MISREAD),
                  generated.text)
    assert "&&&" not in text
    assert_rows_read("progress_updates", _read(text),
                     generated.tables["progress_updates"], _FIELDS)


@pytest.mark.parametrize("seed", range(4))
def test_kpi_heading_whose_name_wrapped_below_keeps_its_whole_code(seed: int) -> None:
    """``ตัวชี่วัด⇥⇥:⇥3.11`` / ``ระดับความสำเร็จ…`` (a letter misread, the name wrapped below,
    a 1-bit scan at 150 dpi): the code is ``3.11``, not ``3.1`` with a name ``1 ระดับ…``."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    while not re.search(r"^ตัวชี้วัด : [0-9]+\.[0-9]{2} ", generated.text, re.M):
        generated = GENERATORS["web_history"](rng)
    text = re.sub(r"^ตัวชี้วัด : ([0-9.]+) ", lambda m: f"ตัวชี่วัด\t\t:\t{m.group(1)}\n",
                  generated.text, flags=re.M)
    got = records_of(extract, text, screened=False)["indicators"]
    assert [(k.code, k.name) for k in got] == [
        (w["code"], w["name"]) for w in generated.tables["indicators"]]


@pytest.mark.parametrize("seed", range(6))
def test_report_date_alone_on_its_line_its_colon_lost(seed: int) -> None:
    """``03/05/2560`` / ``ประกาศเชิญชวน…`` (seed 569, web_history_003 at 150 dpi), the
    heading's system date past reading: the report date is read from its own line, and
    the narrative from the next."""
    rng = random.Random(seed)
    generated = _generated(rng)
    text = _HEADING.sub(lambda m: f"({m[1]}) ความคืบหน้าโครงการฯ ร้อยละ {m[2]}", generated.text)
    text = _REPORT_DATE.sub(lambda m: m[0][:-3] + "\n", text)
    assert not _REPORT_DATE.search(text)
    assert_rows_read("progress_updates", _read(text),
                     generated.tables["progress_updates"], _FIELDS)
