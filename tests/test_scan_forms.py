"""A legacy progress form's report rows as OCR damages them on a scan, on generated forms.

Forms are generated from known values (``bench/corpus``); their pipe report
table is then damaged the ways Tesseract's Thai model damages a scan of it: the
date misread past reading (its digits read as Thai letters, its ``::`` read as
``1:1``, a ``|`` read inside it, Latin junk before its colon, Thai junk glued to its
year's digits), a row's label read
without its number, the first row's label lost whole. The truth is the generated
values: every row is read, in its place, its narrative without the date's remains,
and a number OCR lost is its place (derived) where a row below reads its own, else
NULL, never another row's.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract

from corpus.build import GENERATORS
from read_back import records_of

_ROW = re.compile(r"^\| รายงานครั้งที่(?P<no>[๐-๙0-9]+) \| :: (?P<date>\S+) : ")
#: What the date's place becomes (``{d}`` the date as printed): its digits read as
#: letters, ``::`` read as ``1:1``, a ``|`` read inside, Latin junk, all but its colon lost,
#: letters glued to its year (``ร“ฮับปอล9501:``).
_DATE_DAMAGE = (
    lambda d: f":: {d[:1]}ญ่{d[2:]} :",
    lambda d: f"1:1 {d[:2]}ี{d[3:]} :",
    lambda d: f":: Be {d[:2]}|{d[3:5]}",
    lambda d: "ร ญ่๑ไ๒๕๒๓",
    lambda d: "onload oe :",
    lambda d: f"3? {d[:4]}",
    lambda d: f"ร“ฮับปอล{d[-4:]}:",
)


def _scanned(text: str, rng: random.Random) -> tuple[str, set[int]]:
    """The form with its report rows damaged; the rows (0-based) whose number is lost."""
    out: list[str] = []
    lost: set[int] = set()
    row = -1
    for line in text.split("\n"):
        m = _ROW.match(line)
        if m is None:
            out.append(line)
            continue
        row += 1
        damage = rng.choice(_DATE_DAMAGE)(m.group("date"))
        label = f"| รายงานครั้งที่{m.group('no')} |"
        if row == 0 and rng.random() < 0.5:
            label = rng.choice(("ก ' ก |", "|"))  # the first label lost whole
            lost.add(row)
        elif row > 0 and rng.random() < 0.3:
            label = "| รายงานครั้งที่ |"  # its number lost
            lost.add(row)
        out.append(f"{label} {damage} {line[m.end():]}")
    return "\n".join(out), lost


@pytest.mark.parametrize("seed", range(10))
def test_report_rows_read_whole_and_in_place_from_damaged_dates(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_pipe"](rng)
    want = generated.tables["progress_updates"]
    text, lost = _scanned(generated.text, rng)
    got = records_of(extract, text, screened=False).get("progress_updates", [])
    assert len(got) == len(want)
    confirmed = max((i for i in range(len(want)) if i not in lost), default=-1)
    for i, (row, truth) in enumerate(zip(got, want, strict=True)):
        assert row.seq_label == (None if i in lost and i > confirmed else truth["seq_label"])
        assert row.detail == truth["detail"]
        assert f"{row.progress_pct:.2f}" == truth["progress_pct"]
        assert (row.on_plan, row.on_target) == (truth["on_plan"], truth["on_target"])
        assert row.report_date is None  # every date was damaged past reading


def test_table_specks_before_the_first_label_make_no_row() -> None:
    """The table's head read as specks (``[111!!|``) opens no report."""
    rng = random.Random(0)
    generated = GENERATORS["legacy_pipe"](rng)
    text = re.sub(r"^\| \| \| \| \|$", "[111!!|\n| [| ว | =|", generated.text, flags=re.M)
    doc = RepairedText.of(text, ocr_used=True)
    rows = [r for r in extract(doc).rows if r.table == "progress_updates"]
    assert len(rows) == len(generated.tables["progress_updates"])


# ------------------------------------------------------------------ spaces inside words

_WORDS = ("ความก้าวหน้า", "งบประมาณ", "ที่เบิกใช้", "ผู้รับจ้าง", "ประสานงาน", "และ",
          "หน่วยงาน", "ยกระดับ", "คุณภาพ", "๑๒", "(ครั้งที่", "๓)", "โครงการฯ")


@pytest.mark.parametrize("seed", range(20))
def test_spaces_tesseract_wrote_inside_words_are_taken_out(seed: int) -> None:
    """Words laid out with their true spaces (0.17-0.5 of a word's height), some read in
    two with a space between pieces 0-0.12 apart: the page reads as written, every
    word's offset and box still its own."""
    from bma_etl.read.ocr_layout import OcrWord
    from bma_etl.read.ocr_tidy import without_narrow_spaces

    rng = random.Random(seed)
    written = [rng.choice(_WORDS) for _ in range(rng.randint(3, 12))]
    height = rng.choice((40, 60, 90))  # 150 to 300 dpi
    pieces: list[tuple[str, int]] = []  # (text, gap before it in pixels)
    for n, word in enumerate(written):
        gap = round(height * rng.uniform(0.17, 0.5)) if n else 0
        cut = rng.randint(1, len(word) - 1) if len(word) > 3 and rng.random() < 0.4 else 0
        thai_cut = cut and re.match("[\u0e01-\u0e2e]", word[cut]) and \
            re.match("[\u0e01-\u0e4e]", word[cut - 1]) and not word[cut - 1].isdigit()
        if thai_cut:  # Tesseract splits it, a space between the halves
            pieces += [(word[:cut], gap), (word[cut:], round(height * rng.uniform(0, 0.12)))]
        else:
            pieces.append((word, gap))
    text, words, x = "", [], 0
    for piece, gap in pieces:
        if text:
            text += " "
        x += gap
        width = 20 * len(piece)
        words.append(OcrWord(piece, 90.0, (x, 100, x + width, 100 + height), len(text)))
        text += piece
        x += width
    out, kept = without_narrow_spaces(text, tuple(words))
    assert out == " ".join(written)
    assert [w.text for w in kept] == written
    assert all(out[w.start:w.end] == w.text for w in kept)


# ------------------------------------------------------------------ progress-history dates

_HISTORY_DATE = re.compile(r"^(\d{2})/(\d{2}/\d{4}) : ", re.M)
_DAY_AS_LETTERS = ("เม", "1บ", "ญ", "ee", "ร1")


@pytest.mark.parametrize("seed", range(8))
def test_history_entry_date_whose_day_ocr_misread_is_not_detail(seed: int) -> None:
    """``เม07/2563 : อยู่…`` for ``14/07/2563 : อยู่…``: the detail alone, the date from
    the entry's heading."""
    from bma_etl.layouts.web_progress_history import extract as history

    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _HISTORY_DATE.sub(lambda m: f"{rng.choice(_DAY_AS_LETTERS)}{m.group(2)} : ",
                             generated.text)
    got = records_of(history, text, screened=False).get("progress_updates", [])
    want = generated.tables["progress_updates"]
    assert [r.detail for r in got] == [w["detail"] for w in want]
    assert [str(r.report_date) for r in got] == [w["report_date"] for w in want]


_ISO_CLOSE = re.compile(r"\((\d{4}-\d{2}-) ?(\d)\d\)$", re.M)
_BE_LINE = re.compile(r"^(\d{2}/\d{2}/\d{4} : )", re.M)
_LABEL_COLON = re.compile(r"^(\*\* ปัญหาของโครงการ) :", re.M)


@pytest.mark.parametrize("seed", range(8))
def test_history_entries_stay_in_place_when_ocr_cuts_their_heading_and_colons(seed: int) -> None:
    """An entry heading whose system date OCR cut or made junk (``(2020-05- 1``,
    ``(2020- -()0- 1)``), a speck before the
    entry's own date (``. 17/05/2563 :``), the problems label's ``:`` read as a single quote or
    lost: every entry is read in its place, its date from its own line."""
    from bma_etl.layouts.web_progress_history import extract as history

    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _ISO_CLOSE.sub(lambda m: rng.choice((
        f"({m.group(1)} {m.group(2)}", f"({m.group(1)[:5]} -(){m.group(2)}- 1)", m.group(0))),
        generated.text)
    text = _BE_LINE.sub(lambda m: rng.choice((". ", "' ", "")) + m.group(1), text)
    text = _LABEL_COLON.sub(lambda m: rng.choice((f"{m.group(1)} \u2018", "ปัญหาของโครงการ ",
                                                  f"{m.group(1)} :")), text)
    got = records_of(history, text, screened=False).get("progress_updates", [])
    want = generated.tables["progress_updates"]
    assert [(r.seq_label, f"{r.progress_pct:.2f}", str(r.report_date), r.detail, r.problems)
            for r in got] == [(w["seq_label"], w["progress_pct"], w["report_date"], w["detail"],
                               w["problems"]) for w in want]


_PROGRESS_VALUE = re.compile(r"(ความก้าวหน้าของงานฯ = )([๐-๙0-9]+)")


@pytest.mark.parametrize("seed", range(6))
def test_progress_value_ocr_misread_leaves_the_rest_of_the_row(seed: int) -> None:
    """``ความก้าวหน้าของงานฯ = ส๒.๕๐ %``: the progress is NULL, the narrative still ends at
    its label, the budget and flags after it are read."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_pipe"](rng)
    damaged: set[int] = set()

    def misread(m: re.Match[str]) -> str:
        if rng.random() < 0.5:
            return m.group(0)
        damaged.add(len(damaged) + len(kept))
        return m.group(1) + rng.choice("สตจ") + m.group(2)[1:]

    kept: list[int] = []
    out = []
    for n, line in enumerate(generated.text.split("\n")):
        before = len(damaged)
        line = _PROGRESS_VALUE.sub(misread, line)
        if _ROW.match(line) and len(damaged) == before:
            kept.append(n)
        out.append(line)
    got = records_of(extract, "\n".join(out), screened=False).get("progress_updates", [])
    want = generated.tables["progress_updates"]
    assert [r.detail for r in got] == [w["detail"] for w in want]
    assert [(r.on_plan, r.on_target) for r in got] == [(w["on_plan"], w["on_target"])
                                                       for w in want]
    assert [f"{r.budget_disbursed_thb:.2f}" for r in got] == [w["budget_disbursed_thb"]
                                                              for w in want]
    assert sum(r.progress_pct is None for r in got) == len(damaged)


def test_specks_read_as_letters_are_dropped_and_words_keep_their_offsets() -> None:
    from bma_etl.read.ocr_layout import OcrWord
    from bma_etl.read.ocr_tidy import tidied

    text = "รหัสโครงการ : 06159793-4252 0\nงบ 0 ประมาณ"
    words = (OcrWord("รหัสโครงการ", 90, (0, 0, 300, 40), 0),
             OcrWord(":", 90, (310, 10, 315, 35), 12),
             OcrWord("06159793-4252", 88, (330, 5, 650, 40), 14),
             OcrWord("0", 70, (700, 20, 703, 22), 28),  # 3 x 2 pixels
             OcrWord("งบ", 90, (0, 60, 50, 100), 30),
             OcrWord("0", 95, (90, 60, 110, 100), 33),  # a digit's size: kept
             OcrWord("ประมาณ", 90, (150, 60, 300, 100), 35))
    out, kept = tidied(text, words)
    assert out == "รหัสโครงการ : 06159793-4252\nงบ 0 ประมาณ"
    assert [w.text for w in kept] == ["รหัสโครงการ", ":", "06159793-4252", "งบ", "0", "ประมาณ"]
    assert all(out[w.start:w.end] == w.text for w in kept)


# ------------------------------------------------------------------ project-detail pages

@pytest.mark.parametrize("seed", range(6))
def test_detail_page_fiscal_year_whose_label_ocr_misread(seed: int) -> None:
    """``ปี2565`` read ``12565``, ``112565`` or ``U2560``: the year alone between the code
    and the name is the fiscal year; another line of a year elsewhere is not."""
    from bma_etl.layouts.web_project_detail import extract as detail

    rng = random.Random(seed)
    generated = GENERATORS["web_detail"](rng)
    text = re.sub(r"^ปี(?=[0-9๐-๙]{4}$)", lambda m: rng.choice(("1", "11", "U", "ป", "")),
                  generated.text, count=1, flags=re.M)
    assert "\nปี" not in text.split("ชื่อโครงการ")[0]
    (project,) = records_of(detail, text, screened=False)["projects"]
    want = generated.tables["projects"][0]
    assert str(project.fiscal_year_be) == str(want["fiscal_year_be"])
    assert project.project_name == want["project_name"]


@pytest.mark.parametrize("seed", range(4))
def test_detail_page_fiscal_year_whose_label_a_fold_misread_apart(seed: int) -> None:
    """``ปี`` ⇥ ``2567`` read ``บี`` ⇥ ``2567`` (a fold over the label; the cells apart by a
    tab, as OCR lays out a scanned web page's table): the year is still the fiscal year."""
    from bma_etl.layouts.web_project_detail import extract as detail

    rng = random.Random(seed)
    generated = GENERATORS["web_detail"](rng)
    text = re.sub(r"^ปี\s*(?=[0-9๐-๙]{4}$)", lambda m: rng.choice(("บี\t", "ปั\t", "บี ", "1 ")),
                  generated.text, count=1, flags=re.M)
    assert "\nปี" not in text.split("ชื่อโครงการ")[0]
    (project,) = records_of(detail, text, screened=False)["projects"]
    want = generated.tables["projects"][0]
    assert str(project.fiscal_year_be) == str(want["fiscal_year_be"])
    assert project.project_name == want["project_name"]
