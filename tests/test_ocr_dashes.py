"""En dashes Tesseract read as hyphens, told apart by the length of their boxes.

Lines holding an en dash between two years (``(พ.ศ. 2566 – 2570)``, as the
generated plans name their projects) and a hyphen between words (``ตัวชี้วัด -
ร้อยละ 80``) are printed by fpdf2 in several of the generator's fonts on one small
page, scanned at 150 and 300 dpi (``bench/corpus/scan.py``) and read by the
pipeline. The truth is the lines as printed: Tesseract reads both dashes ``-``,
and the page reads ``–`` where an en dash was printed (all but one at most: a
dash boxed with a speck is left as read) and never where a hyphen was. Unit
checks on laid-out words: a dash read unsure, a page without Arabic digits, and a
dash inside a word are left as read; a dashed rule read as a line of dashes (with a
few letters from its dots) goes, a line of text with a few dashes stays.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.read.ocr_dashes import EN_DASH, with_en_dashes, without_dashed_rules
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.pdf import extract_pdf

from corpus.scan import scan_pdf
from thai_fonts import fonts_or_fail

SEED = 5113
#: The generator's fonts but Kinnari, whose en dash (1.01 of its digits' height, longer
#: than Garuda's em dash) Tesseract reads ``—`` at 300 dpi: left as read.
FONTS = ("Loma", "Laksaman", "Sarabun", "Norasi", "Garuda")


def _lines(rng: random.Random) -> list[tuple[str, str, str, str]]:
    """Per font: a line with an en dash, its years, a line with a hyphen, the words after it."""
    out = []
    for _ in FONTS:
        first = rng.randint(2540, 2590)
        years = f"{first} {EN_DASH} {first + rng.randint(1, 9)}"
        after = f"ร้อยละ {rng.randint(10, 99)}"
        out.append(
            (
                f"ระยะที่ {rng.randint(1, 5)} (พ.ศ. {years})",
                years,
                f"{rng.choice(('ตัวชี้วัด', 'แผนงาน', 'ผลผลิต'))} - {after}",
                after,
            )
        )
    return out


def _print(path: Path, lines: list[tuple[str, str, str, str]], fonts: dict[str, Path]) -> None:
    from fpdf import FPDF

    pdf = FPDF(format=(120, 20 + 15 * len(fonts)))
    pdf.set_margins(8, 8, 8)
    pdf.set_auto_page_break(False)
    pdf.set_text_shaping(True)
    pdf.add_page()
    for (family, file), (span, _, hyphen, _) in zip(fonts.items(), lines, strict=False):
        pdf.add_font(family, fname=str(file))
        pdf.set_font(family, size=14)
        pdf.cell(0, 7, span, new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 7, hyphen, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@pytest.mark.parametrize("dpi", [150, 300])
def test_scanned_en_dash_and_hyphen_read_as_printed(tmp_path: Path, dpi: int) -> None:
    fonts = fonts_or_fail(FONTS, least=3)
    lines = _lines(random.Random(SEED))[: len(fonts)]
    printed = tmp_path / "dashes.pdf"
    _print(printed, lines, fonts)
    scanned = tmp_path / f"dashes.scan{dpi}.pdf"
    scan_pdf(printed, scanned, dpi, "grey", random.Random(SEED + dpi))
    text = " ".join(extract_pdf(scanned.read_bytes(), scanned.name).text.split())
    # No hyphen becomes an en dash: every en dash read stands between two years.
    for m in re.finditer(f" {EN_DASH} ", text):
        assert re.search(r"[0-9]{4}$", text[: m.start()]), text[m.start() - 20 : m.end() + 20]
        assert re.match(r"[0-9]{4}", text[m.end() :]), text[m.start() - 20 : m.end() + 20]
    assert len(re.findall(r"- ?ร้อย", text)) >= len(fonts) - 1, text
    # The en dashes read as such: all but one at most (a dash boxed with a speck
    # beside it is left as read, see ocr_dashes.DASH_FLAT).
    read = sum(years in text for _, years, _, _ in lines)
    assert read >= len(fonts) - 1, text


def _line(
    pieces: list[tuple[str, float, int]], height: int = 40
) -> tuple[str, tuple[OcrWord, ...]]:
    """Words (text, confidence, width in pixels) on one line, 12 pixels apart."""
    words, at, left = [], 0, 100
    for text, conf, width in pieces:
        flat = text in ("-", EN_DASH)
        top, bottom = (118, 122) if flat else (100, 100 + height)
        words.append(OcrWord(text, conf, (left, top, left + width, bottom), at))
        at += len(text) + 1
        left += width + 12
    return " ".join(p[0] for p in pieces), tuple(words)


def test_a_long_dash_between_years_is_an_en_dash_a_short_one_a_hyphen() -> None:
    text, words = _line(
        [
            ("(พ.ศ.", 93, 90),
            ("2566", 93, 80),
            ("-", 93, 28),
            ("2570)", 93, 95),
            ("ผลผลิต", 93, 120),
            ("-", 93, 14),
            ("ร้อยละ", 93, 110),
            ("80", 93, 40),
        ]
    )
    new, moved = with_en_dashes(text, words)
    assert new == "(พ.ศ. 2566 – 2570) ผลผลิต - ร้อยละ 80"
    assert [w.text for w in moved] == new.split(" ")
    assert all(new[w.start : w.end] == w.text for w in moved)


def test_unsure_dashes_pages_without_digits_and_dashes_in_words_stay() -> None:
    unsure = _line([("2566", 93, 80), ("-", 60, 30), ("2570", 93, 80)])
    assert with_en_dashes(*unsure)[0] == unsure[0]
    no_digits = _line([("แผนงาน", 93, 120), ("-", 93, 30), ("ผลผลิต", 93, 120)])
    assert with_en_dashes(*no_digits)[0] == no_digits[0]
    inside = _line([("2566-2570", 93, 200), ("2567", 93, 80), ("2568", 93, 80)])
    assert with_en_dashes(*inside)[0] == inside[0]


def test_a_dash_partly_in_the_box_of_the_number_before_it_is_measured_whole() -> None:
    """``2566`` boxed to 841 and its ``-`` from 806 to 822: the dash runs to 841."""
    words = (
        OcrWord("2566", 93, (643, 894, 841, 945), 0),
        OcrWord("-", 93, (806, 920, 822, 925), 5),
        OcrWord("2570", 93, (868, 894, 1026, 945), 7),
    )
    assert with_en_dashes("2566 - 2570", words)[0] == "2566 – 2570"
    alone = (words[0], OcrWord("-", 93, (846, 920, 862, 925), 5), words[2])
    assert with_en_dashes("2566 - 2570", alone)[0] == "2566 - 2570"


def _page(lines: list[str]) -> tuple[str, tuple[OcrWord, ...]]:
    """A page of ``lines``, each space-separated piece a word boxed 20 pixels a letter."""
    text = "\n".join(lines)
    words, at = [], 0
    for row, line in enumerate(lines):
        for m in re.finditer(r"\S+", line):
            words.append(OcrWord(m.group(), 90.0, (20 * m.start(), 40 * row,
                                                    20 * m.end(), 40 * row + 30), at + m.start()))
        at += len(line) + 1
    return text, tuple(words)


@pytest.mark.parametrize("rule", ["-----------ซิเซิดิเค-----------<",
                                  "w-n--------------- 8 &&--------------------",
                                  "= ซิเชิเติว-------------"])
@pytest.mark.parametrize("where", [0, 1, 2])
def test_a_dashed_rule_read_as_a_line_goes(rule: str, where: int) -> None:
    """A dashed rule read as dashes with a few letters goes with its line break;
    the other lines and their words stay, their offsets right."""
    kept = ["ผู้รับจ้างขาดแคลนแรงงาน", "ไม่มี 12 - 15 ราย"]
    lines = [*kept[:where], rule, *kept[where:]]
    text, words = without_dashed_rules(*_page(lines))
    assert text == "\n".join(kept)
    assert [w.text for w in words] == " ".join(kept).split()
    assert all(text[w.start:w.end] == w.text for w in words)


@pytest.mark.parametrize("line", ["ไม่มี - - - -", "2566 - 2570 -- ระยะที่ 2 ---",
                                  "รวม ------ 1,250,000.00 บาท และค่าใช้จ่ายอื่น ๆ"])
def test_a_line_of_text_with_dashes_stays(line: str) -> None:
    """Fewer than RULE_DASHES dashes, or dashes under half the line: text, kept."""
    page = _page(["หัวข้อ", line])
    assert without_dashed_rules(*page) == page
