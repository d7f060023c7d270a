"""Word files in the Thai language, justified, printed by LibreOffice: letter-spaced lines.

LibreOffice justifies a Thai line (a Word file whose text is marked ``th-TH``, as
Thai Word files are) that has few or no spaces by widening every gap between its
letters; in small type (10-11 pt), on 1.5 cm margins, in the narrow cells of a
ruled table, many lines are drawn so. pdfium then makes up a space in each gap
(``แ พ ล ต ฟ อ ร์ม``), and the repair stage read a space before SARA AA as a
lost NIKHAHIT (``ก า ร`` -> ``กำ ร``). The reader now drops white space no wider
than a letter-spaced run's common letter gap (:mod:`bma_etl.read.pdf_letters`).

Plans and long progress forms are generated from known values (bench/corpus),
written as Word files (python-docx) in two fonts and printed by ``soffice`` in
one run; the truth is the generated values. Two letters alone on a narrow cell's
line (``ม า`` of ``ประมาณ``, one gap) are read as one word too (no space is written
in them), and so is a word spread after a date (``: อ ย ู่``: its one gap narrower
than the line's word spaces): no field may gain a space between two Thai letters.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import Score, score
from ocr_text import letters_and_spaces
from thai_fonts import fonts_or_fail

SEED = 2611
#: ``(font, pt)``: the two fonts the documents are printed in, in small type.
FONTS = (("Garuda", "10"), ("Loma", "11"))
#: ``(generator, k, widths)``: the documents, columns sized to their contents or equal.
DOCS = (("plan", 0, "equal"), ("plan", 1, "content"), ("legacy_long", 0, "equal"),
        ("legacy_long", 1, "content"))
#: Four Thai letters or more each alone between spaces: a letter-spaced line in
#: pdfium's own text.
_SPREAD = re.compile("(?:[\u0e01-\u0e2e\u0e40-\u0e44] ){3,}[\u0e01-\u0e2e]")
_THAI = re.compile("[\u0e01-\u0e4e]")
#: A Thai letter with its marks (SARA AM counted as a mark).
_CLUSTER = re.compile("[\u0e01-\u0e30\u0e32\u0e40-\u0e45][\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]*")
#: Fields right of all counted over the prints, at least (today's 1102/1104; main
#: read 1063/1104 of them: 226, 216, 205, 197, 73, 70, 38, 38 of the eight).
FLOOR = 0.99

Printed = dict[tuple[str, int, str], tuple[Path, GeneratedDoc]]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    fonts_or_fail([font for font, _ in FONTS])
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("letterspaced")
    made: Printed = {}
    batch = []
    for gen, k, widths in DOCS:
        doc = GENERATORS[gen](random.Random(f"{SEED}-{gen}-{k}"))
        for font, pt in FONTS:
            pdf = out / f"{gen}{k}.{font}.pdf"
            made[(gen, k, font)] = (pdf, doc)
            batch.append((doc, pdf, font, {"align": "justify", "pt": pt, "widths": widths,
                                           "lang": "th-TH", "margin_cm": "1.5"}))
    failed = render.render_docx_batch(batch)
    assert not failed, failed
    return made


def _keys() -> list[tuple[str, int, str]]:
    return [(gen, k, font) for gen, k, _ in DOCS for font, _ in FONTS]


def inner_spaces(lines: list[str], written: str) -> list[str]:
    """Spaces inside a word of ``written`` on the physical ``lines`` of a print.

    Each tab-separated piece of a line with three Thai letters or more (a letter
    with its marks counts once: a piece of two, ``า ม`` alone on a narrow cell's
    line, has one gap only, no evidence of its spacing) is searched for white
    space between two Thai characters; the text around it (six characters or fewer
    a side, six at least in all) found in ``written`` with its white space taken
    out, only where ``written`` has none there, is a space inside a word.

    >>> inner_spaces(["โครง การ ดี"], "โครงการ ดี"), inner_spaces(["ไม่ทราบ"], "ไม่ ทราบ")
    (['โครง|การ'], [])
    """
    letters, spaced = letters_and_spaces(written)
    found = []
    for piece in (p for line in lines for p in line.split("\t")):
        if len(_CLUSTER.findall(piece)) < 3:
            continue
        for space in re.finditer(" ", piece):
            at = space.start()
            if at == 0 or at + 1 >= len(piece) or not (
                    _THAI.match(piece[at - 1]) and _THAI.match(piece[at + 1])):
                continue
            left = re.split(r"\s", piece[max(0, at - 6):at])[-1]
            right = re.split(r"\s", piece[at + 1:at + 7])[0]
            if len(left) + len(right) < 6:
                continue
            starts = [m.start() for m in re.finditer(re.escape(left + right), letters)]
            if starts and all(s + len(left) not in spaced for s in starts):
                found.append(f"{left}|{right}")
    return found


def physical_lines(pdf: Path) -> list[str]:
    """The reader's lines of every page of ``pdf``, cells cut at the table rules."""
    import pypdfium2 as pdfium

    from bma_etl.read.pdf_breaks import closed
    from bma_etl.read.pdf_layout import page_lines
    from bma_etl.read.pdf_tables import page_shapes, rules_of

    document = pdfium.PdfDocument(str(pdf))
    out = []
    for index in range(len(document)):
        page = document[index]
        rules, _cut = closed(rules_of(page_shapes(page)[0]))
        out += [line.text for line in page_lines(page.get_textpage(), rules.vertical)]
    return out


@pytest.mark.parametrize("key", [k for k in _keys() if k[0] == "plan"],
                         ids=lambda k: f"{k[0]}{k[1]}-{k[2]}")
def test_plan_prints_are_letter_spaced(printed: Printed, key: tuple[str, int, str]) -> None:
    """The kind is there: pdfium's own text reads some of each plan letter by letter."""
    pdf, _doc = printed[key]
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    raw = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert len(_SPREAD.findall(raw)) >= 3


#: A Thai letter, white space, another (marks and SARA AM taken out): a line of two
#: letters alone that LibreOffice spread across a narrow cell (``ม า``, ``ใ ช ้``).
_LONE = re.compile("[\u0e01-\u0e30\u0e32\u0e40-\u0e44] +[\u0e01-\u0e30\u0e32\u0e40-\u0e44]")
_MARKS_AM = re.compile("[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]")


@pytest.mark.parametrize("font", [font for font, _ in FONTS])
def test_plan_prints_have_two_letters_spread_alone(printed: Printed, font: str) -> None:
    """The kind is there: lines of two Thai letters alone, one gap pdfium reads as a space."""
    import pypdfium2 as pdfium

    lone = 0
    for (gen, _k, key_font), (pdf, _doc) in printed.items():
        if gen != "plan" or key_font != font:
            continue
        document = pdfium.PdfDocument(str(pdf))
        raw = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
        lone += sum(1 for line in raw.split("\r\n")
                    if _LONE.fullmatch(_MARKS_AM.sub("", line).strip()))
    assert lone >= 5, lone


@pytest.fixture(scope="module")
def scores(printed: Printed) -> dict[tuple[str, int, str], Score]:
    return {key: score(process_file(pdf), doc.truth) for key, (pdf, doc) in printed.items()}


def test_letter_spaced_prints_give_their_fields(scores: dict[tuple[str, int, str], Score]
                                                ) -> None:
    right = sum(result.right for result in scores.values())
    total = sum(result.total for result in scores.values())
    assert right / total >= FLOOR, {key: (r.right, r.total) for key, r in scores.items()}


@pytest.mark.parametrize("key", _keys(), ids=lambda k: f"{k[0]}{k[1]}-{k[2]}")
def test_no_field_letter_spaced_or_am_for_aa(scores: dict[tuple[str, int, str], Score],
                                             key: tuple[str, int, str]) -> None:
    """No field read comes out letter by letter, nor with SARA AM for SARA AA."""
    result = scores[key]
    spread = [lost for lost in result.lost if _SPREAD.search(str(lost[2]))]
    assert not spread, spread[:3]
    am_for_aa = [lost for lost in result.lost
                 if str(lost[2]).count("\u0e33") > str(lost[1]).count("\u0e33")]
    assert not am_for_aa, am_for_aa[:3]


@pytest.mark.parametrize("key", _keys(), ids=lambda k: f"{k[0]}{k[1]}-{k[2]}")
def test_no_space_inside_a_letter_spaced_word(printed: Printed,
                                              key: tuple[str, int, str]) -> None:
    pdf, doc = printed[key]
    inside = inner_spaces(physical_lines(pdf), doc.text)
    assert not inside, inside[:10]


@pytest.mark.parametrize("key", _keys(), ids=lambda k: f"{k[0]}{k[1]}-{k[2]}")
def test_no_space_read_between_two_letters_of_a_word(
        scores: dict[tuple[str, int, str], Score], key: tuple[str, int, str]) -> None:
    """No field read right but for white space has one where none was written between
    two Thai letters: two letters spread alone on a narrow cell's line are one word
    (``ม า`` of ``ประมาณ``, which the repair stage would mend into ``มำ``), and a line
    pdfium ran on into the next (``สืบค ้ น``) ends with no space."""
    gained = [lost for lost in scores[key].space_lost if lost[3] == "space_gained thai-thai"]
    assert not gained, gained[:3]
