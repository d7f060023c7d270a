"""A scanned form's cells and labels as OCR reads them, on generated forms and pages.

Legacy progress forms are generated from known values (``bench/corpus``); their
text is then damaged the ways a scan's OCR reads a justified row: the ``:`` at a
line's right margin lost (the date alone on its line, a label alone on its line,
its value on the lines below), a date made junk (a ``/`` and digits read as other
strokes), a row's first ``|`` read as a letter, a thousands comma read as a space.
OCR'd words are laid out with boxes as Tesseract gives them, and damaged as a scan
reads them: a rule's piece or a row of specks read as a flat Latin word at a line's
end, a word's first letters read twice. The truth is the generated values.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts import BY_ID
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import tidied, without_strays

from corpus.build import GENERATORS
from read_back import records_of

_LEGACY = BY_ID["legacy_progress_form"].extract
_THAI_LETTERS = "กขคงจฉชซญฎฏฐฑฒณดตถทธนบปผพฟภมยรลวศษสหฬอฮ"
_DIGITS = "0123456789๐๑๒๓๔๕๖๗๘๙"
_MARKS = "\u0e48\u0e49\u0e31\u0e34"


def _amount(value: object) -> str | None:
    return None if value is None else f"{value:.2f}"


def _rows(got: list[object]) -> list[tuple[object, ...]]:
    return [(r.detail, str(r.report_date) if r.report_date else None,  # type: ignore[attr-defined]
             _amount(r.progress_pct), _amount(r.budget_disbursed_thb))  # type: ignore[attr-defined]
            for r in got]


def _want(rows: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(w["detail"], w["report_date"], w["progress_pct"], w["budget_disbursed_thb"])
            for w in rows]


# ------------------------------------------------------------------ the row's date

#: A pipe row's label cell and the date opening its entry.
_PIPE_DATE = re.compile(r"^(\| รายงานครั้งที่\S+ \| ):: (\S+) : ", re.M)


def _junk_date(date: str, rng: random.Random) -> str:
    """``date`` as OCR makes it unreadable: a ``/`` lost or read as a digit, a digit
    read as a Thai letter, a mark glued to its end; never three Thai letters in a row."""
    chars = list(date)
    slash = rng.choice([i for i, c in enumerate(chars) if c == "/"])
    chars[slash] = rng.choice(("", rng.choice(_DIGITS)))
    digits = [i for i, c in enumerate(chars) if c in _DIGITS]
    chars[rng.choice(digits)] = rng.choice(_THAI_LETTERS)
    return "".join(chars) + rng.choice(("", *_MARKS))


@pytest.mark.parametrize("seed", range(8))
def test_date_alone_on_its_line_its_colon_lost_is_not_the_detail(seed: int) -> None:
    """``| รายงานครั้งที่๒ | 5 ฒ/๕๒๓๕๒ผ่`` / ``อยู่ระหว่าง…``: a justified row set its
    date alone on the line and OCR lost the ``:`` at the margin and made the date
    junk; the detail is the next line's, the date unread, the rest of the row read."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_pipe"](rng)
    damaged: list[int] = []

    def wrapped(m: re.Match[str]) -> str:
        if rng.random() < 0.5:
            return m.group()
        damaged.append(len(damaged))
        speck = rng.choice(("", "5 ", ": ", ":: "))
        return f"{m.group(1)}{speck}{_junk_date(m.group(2), rng)}\n"

    text = _PIPE_DATE.sub(wrapped, generated.text)
    if not damaged:  # every row kept its date: damage the first
        text = _PIPE_DATE.sub(lambda m: f"{m.group(1)}{_junk_date(m.group(2), rng)}\n",
                              generated.text, count=1)
    assert text != generated.text
    got = records_of(_LEGACY, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [r.detail for r in got] == [w["detail"] for w in want]
    assert [(_amount(r.progress_pct), _amount(r.budget_disbursed_thb)) for r in got] == [
        (w["progress_pct"], w["budget_disbursed_thb"]) for w in want]


def _arabic_form(kind: str, rng: random.Random) -> object:
    """A generated form whose report dates are printed in Arabic digits."""
    while True:
        generated = GENERATORS[kind](rng)
        if re.search(r"รายงานครั้งที่\S+ \| :: [0-9]", generated.text):
            return generated


@pytest.mark.parametrize("seed", range(6))
def test_row_whose_first_rule_ocr_read_as_a_letter_keeps_its_date(seed: int) -> None:
    """``ก รายงานครั้งที่1 | | :: ก 21/12/2568`` (the row's first ``|`` read as a letter,
    so the line is no pipe row, a speck before the date, its ``:`` lost at the
    margin): the report's date is read."""
    rng = random.Random(seed)
    generated = _arabic_form("legacy_pipe", rng)
    letter = rng.choice(_THAI_LETTERS)

    def damaged(m: re.Match[str]) -> str:
        label = m.group(1).removeprefix("| ").removesuffix("| ")
        return f"{letter} {label}| | :: {rng.choice(_THAI_LETTERS)} {m.group(2)}\n"

    text = _PIPE_DATE.sub(damaged, generated.text)  # type: ignore[attr-defined]
    got = records_of(_LEGACY, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]  # type: ignore[attr-defined]
    assert [str(r.report_date) for r in got] == [w["report_date"] for w in want]
    assert [r.detail for r in got] == [w["detail"] for w in want]


# ------------------------------------------------------------------ amounts

_MILLIONS = re.compile(r"(= [0-9]{1,3}),([0-9]{3}),([0-9]{3}(?:\.[0-9]{2})? บาท)")


@pytest.mark.parametrize("seed", range(8))
def test_budget_whose_thousands_comma_ocr_read_as_a_space(seed: int) -> None:
    """``= 1,354 000 บาท`` (or ``1 354,000``, ``1 354 000``): the whole amount."""
    rng = random.Random(seed)
    while True:
        generated = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab"))](rng)
        if _MILLIONS.search(generated.text):
            break
    def spaced(m: re.Match[str]) -> str:
        first, second = rng.choice(((",", " "), (" ", ","), (" ", " ")))
        return f"{m.group(1)}{first}{m.group(2)}{second}{m.group(3)}"

    text = _MILLIONS.sub(spaced, generated.text)
    assert text != generated.text
    got = records_of(_LEGACY, text, screened=False)["progress_updates"]
    assert [_amount(r.budget_disbursed_thb) for r in got] == [
        w["budget_disbursed_thb"] for w in generated.tables["progress_updates"]]


def test_amount_with_a_space_for_a_comma_is_one_number() -> None:
    from bma_etl.normalize.digits import parse_amount, parse_number

    assert parse_amount("1,354 000 บาท") == Decimal("1354000")
    assert parse_amount("๒ ๑๐๓,๐๐๐.๕๐ บาท") == Decimal("2103000.50")
    assert parse_number("ร้อยละ 74. 00") == Decimal("74.00")


_HEADING_PCT = re.compile(r"^(\([0-9]+\) ความคืบหน้าโครงการฯ ร้อยละ [0-9]+)\.([0-9]{2}) ", re.M)


@pytest.mark.parametrize("seed", range(6))
def test_progress_whose_point_ocr_set_a_space_after(seed: int) -> None:
    """``(7) ความคืบหน้าโครงการฯ ร้อยละ 74. 00 (2026-07-08)``: the entry's progress."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _HEADING_PCT.sub(lambda m: f"{m.group(1)}. {m.group(2)} " if rng.random() < 0.6
                            else m.group(), generated.text)
    text = _HEADING_PCT.sub(lambda m: f"{m.group(1)}. {m.group(2)} ", text, count=1)
    assert text != generated.text
    got = records_of(BY_ID["web_progress_history"].extract, text,
                     screened=False)["progress_updates"]
    assert [_amount(r.progress_pct) for r in got] == [
        w["progress_pct"] for w in generated.tables["progress_updates"]]


# ------------------------------------------------------------------ labels

_NAME_LINE = re.compile(r"^(ชื่อโครงการ/กิจกรรม) : (.+)$", re.M)


@pytest.mark.parametrize("seed", range(6))
def test_label_alone_on_its_line_its_colon_lost_still_gives_its_value(seed: int) -> None:
    """``ชื่อโครงการ/กิจกรรม`` / ``โครงการ…``: the justified line set the ``:`` at the margin,
    OCR lost it; the name is the line below, and the next label's value its own."""
    rng = random.Random(seed)
    generated = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab"))](rng)
    speck = rng.choice(("", " .", " '", " |"))
    text = _NAME_LINE.sub(lambda m: f"{m.group(1)}{speck}\n{m.group(2)}", generated.text)
    assert text != generated.text
    [project] = records_of(_LEGACY, text, screened=False)["projects"]
    [want] = generated.tables["projects"]
    assert (project.project_name, project.project_code) == (want["project_name"],
                                                            want["project_code"])


_YEAR_LABEL = re.compile(r"^ปีงบประมาณ(?= พ\.ศ\. : )", re.M)


@pytest.mark.parametrize("seed", range(6))
def test_label_with_a_letter_misread_and_its_optional_words_still_gives_its_value(
        seed: int) -> None:
    """``ปีงาประมาณ พ.ศ. : 2566``: a letter of the label misread, and the label printed with
    its optional ``พ.ศ.``: the fiscal year is read (and nothing else takes it)."""
    rng = random.Random(seed)
    generated = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab"))](rng)

    def misread(m: re.Match[str]) -> str:
        words = list(m.group())
        at = rng.choice([i for i, c in enumerate(words) if c in _THAI_LETTERS and i > 0])
        words[at] = rng.choice(_THAI_LETTERS.replace(words[at], ""))
        return "".join(words)

    text = _YEAR_LABEL.sub(misread, generated.text)
    assert text != generated.text
    [project] = records_of(_LEGACY, text, screened=False)["projects"]
    [want] = generated.tables["projects"]
    assert (project.fiscal_year_be, project.budget_allocated_thb is not None) == (
        want["fiscal_year_be"], want["budget_allocated_thb"] is not None)


# ------------------------------------------------------------------ OCR'd words


def _laid_out(text: str, height: int, rng: random.Random) -> tuple[str, tuple[OcrWord, ...]]:
    """``text``'s words with boxes as OCR lays them out: a word of ``n`` letters about
    ``0.5 n`` heights wide, spaces 0.3-0.5 of a height, tabs three heights."""
    words: list[OcrWord] = []
    base = 0
    for no, line in enumerate(text.split("\n")):
        x, end, top = 100, 0, 100 + round(no * 1.6 * height)
        for m in re.finditer(r"[^ \t]+", line):
            x += round(height * (3 if "\t" in line[end:m.start()] else rng.uniform(0.3, 0.5)))
            width = max(3, round(0.5 * height * len(m.group())))
            words.append(OcrWord(m.group(), rng.uniform(85, 97), (x, top, x + width, top + height),
                                 base + m.start()))
            x, end = x + width, m.end()
        base += len(line) + 1
    return text, tuple(words)


def _with_flat_words(text: str, rng: random.Random, height: int
                     ) -> tuple[str, tuple[OcrWord, ...], int]:
    """``text`` laid out, a flat Latin word (a rule's piece, a ``::`` read ``cs``) after a
    wide gap at some lines' ends; the page, its words and how many were added."""
    lines, added = [], 0
    for line in text.split("\n"):
        if line.strip() and line == line.rstrip() and rng.random() < 0.4:
            flat = "".join(rng.choice("acemnorsuvwxz") for _ in range(rng.randint(1, 3)))
            line = line + rng.choice(("\t", "\t\t\t")) + flat
            added += 1
        lines.append(line)
    page, words = _laid_out("\n".join(lines), height, rng)
    out: list[OcrWord] = []
    for i, word in enumerate(words):
        last_on_line = i + 1 == len(words) or page.count("\n", word.end, words[i + 1].start)
        if last_on_line and page[:word.start].endswith("\t") and word.text.isascii() \
                and word.text.isalpha() and word.text.islower():
            x, top = word.box[0], word.box[1] + height // 2
            word = OcrWord(word.text, rng.uniform(20, 60),
                           (x, top, x + round(height * rng.uniform(0.2, 0.6)),
                            top + max(1, round(height * rng.uniform(0.03, 0.12)))), word.start)
        out.append(word)
    return page, tuple(out), added


@pytest.mark.parametrize("seed", range(8))
def test_flat_latin_word_at_a_lines_end_is_a_stray(seed: int) -> None:
    """``…อิเล็กทรอนิกส์\\t\\tcs``: a word flatter than any letter is no word of the page;
    a Latin word of the page's (``Compact City``, ``(output)``) stays."""
    rng = random.Random(seed)
    written = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab", "web_history"))](rng).text
    height = rng.choice((40, 60, 90))
    page, words, added = _with_flat_words(written, rng, height)
    assert added
    out, kept = without_strays(page, words)
    assert out == written
    assert len(kept) == len(words) - added
    assert all(out[w.start:w.end] == w.text for w in kept)


def test_real_latin_word_at_a_cells_end_is_kept() -> None:
    """A Latin word of a letter's height after a tab is text, however unsure."""
    page = "ประเด็นยุทธศาสตร์\tCompact\tcs\nตัวชี้วัด\t(output)"
    words = (OcrWord("ประเด็นยุทธศาสตร์", 92, (0, 0, 400, 60), 0),
             OcrWord("Compact", 70, (600, 15, 760, 60), 18),
             OcrWord("cs", 40, (900, 30, 940, 55), 26),  # 0.42 of the line: letters
             OcrWord("ตัวชี้วัด", 92, (0, 100, 200, 160), 29),
             OcrWord("(output)", 60, (400, 100, 560, 160), 39))
    assert without_strays(page, words) == (page, words)


def _read_twice(text: str, rng: random.Random, height: int
                ) -> tuple[str, tuple[OcrWord, ...], int]:
    """``text`` laid out, some Thai words' first letters read as a word of their own
    too, its box inside the word's; the page, its words and how many were added."""
    page, words = _laid_out(text, height, rng)
    out_text, out_words, shift, added = [], [], 0, 0
    at = 0
    for word in words:
        head = re.match(r"[\u0e01-\u0e2e][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*"
                        r"(?:[\u0e01-\u0e2e][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*)?", word.text)
        out_text.append(page[at:word.start])
        if head and len(head.group()) < len(word.text) and rng.random() < 0.15:
            left = word.box[0] - round(height * rng.uniform(0, 0.2))
            right = word.box[0] + round(height * 0.5 * len(head.group()))
            out_words.append(OcrWord(head.group(), rng.uniform(60, 95),
                                     (left, word.box[1], right, word.box[3]), word.start + shift))
            out_text.append(head.group() + " ")
            shift += len(head.group()) + 1
            added += 1
        out_words.append(OcrWord(word.text, word.conf, word.box, word.start + shift))
        out_text.append(word.text)
        at = word.end
    out_text.append(page[at:])
    return "".join(out_text), tuple(out_words), added


@pytest.mark.parametrize("seed", range(8))
def test_word_whose_first_letters_ocr_read_twice_is_read_once(seed: int) -> None:
    """``ลงนามในสัญญาจ้างแล้ว ผู้ ผู้รับจ้าง…``: a word's first letters read again as a
    word whose box lies inside the word's are the word alone; the history page's
    details, problems and obstacles read as generated."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    page, words, added = _read_twice(generated.text, rng, rng.choice((40, 60, 90)))
    assert added
    text, kept = tidied(page, words)
    assert all(text[w.start:w.end] == w.text for w in kept)
    got = records_of(BY_ID["web_progress_history"].extract, text,
                     screened=False)["progress_updates"]
    assert [(r.detail, r.problems, r.obstacles) for r in got] == [
        (w["detail"], w["problems"], w["obstacles"])
        for w in generated.tables["progress_updates"]]


def test_a_word_repeated_apart_is_kept() -> None:
    """``นะ นะ``: the same letters twice with their boxes apart are two words."""
    page = "นะ นะคะ"
    words = (OcrWord("นะ", 90, (0, 0, 60, 60), 0), OcrWord("นะคะ", 90, (80, 0, 200, 60), 3))
    assert tidied(page, words)[0] == page


# ------------------------------------------------------------------ history page's head

_LINKS_LINE = re.compile(r"^ดูโครงการแผนปีฯ(?= : พิมพ์ข้อมูล$)", re.M)


@pytest.mark.parametrize("seed", range(8))
def test_links_line_whose_first_words_ocr_misread_still_closes_the_head(seed: int) -> None:
    """``ตูโครงการแผนปีฯ : พิมพ์ข้อมูล``: the line under the unit still closes the page's
    head, so the paragraph below it is no division (the unit OCR misread too is not
    read: NULL, never the paragraph)."""
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    assert _LINKS_LINE.search(generated.text)

    def misread(m: re.Match[str]) -> str:
        words = list(m.group())
        for at in rng.sample([i for i, c in enumerate(words) if c in _THAI_LETTERS], 2):
            words[at] = rng.choice(_THAI_LETTERS.replace(words[at], ""))
        return "".join(words)

    [want] = generated.tables["projects"]
    text = _LINKS_LINE.sub(misread, generated.text)
    unit = re.compile(rf"^{re.escape(want['division'])}$", re.M)
    assert unit.search(text)
    # the unit's first letter misread too: no unit's word opens it, its value unread
    text = unit.sub(lambda m: rng.choice(_THAI_LETTERS.replace(m.group()[0], ""))
                    + m.group()[1:], text)
    [project] = records_of(BY_ID["web_progress_history"].extract, text,
                           screened=False)["projects"]
    assert project.division is None
