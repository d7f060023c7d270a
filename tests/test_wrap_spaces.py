"""Values wrapped by a page keep their spaces where the line breaking rules say one was.

By the Unicode line breaking rules (UAX #14; browsers through ICU, LibreOffice and
Word follow them) a line breaks with no space only between two Thai words, after a
hyphen and at some punctuation; between a letter and a digit (LB23), a Thai and a
Latin letter (LB28), a letter and an opening bracket or a closing bracket and a
letter (LB30) only at a space. So where a page wrapped a value there, the wrap
stands for a space (:func:`bma_etl.unwrap.wrap_space`).

Values are generated with spaces at such places (Thai-Latin, Thai-digit, digit-Thai,
before a bracket and after one) among Thai words written together and Thai phrases
set apart by a space, and printed as running paragraphs and as the narratives of
a report table's wrapping cells, by Chromium, LibreOffice (from HTML) and Word
(a .docx printed by LibreOffice), in two fonts. The truth is the generated values,
compared as spaced: at every place between two letters that is not between two
Thai letters, white space is read where the value has it and only there; between
two Thai letters a space is never invented (one the writer set there is read only
where the PDF shows it: Thai orthography gives no other evidence).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import extract_pdf
from bma_etl.unwrap import spaced_breaks, unwrapped_text, writer_breaks

from corpus import forms, render
from corpus.doc import GeneratedDoc
from corpus.paragraphs import WORDS, render_paragraphs
from thai_fonts import font_file

SEED = 20270
LATIN = ("Smart", "City", "Zoom", "Video", "Conference", "Traffy", "Fondue", "Big", "Data",
         "Online", "Platform", "Bangkok")
FONTS = ("Garuda", "Loma")


def _thai(rng: random.Random) -> str:
    return "".join(rng.sample(WORDS, rng.randint(1, 3)))  # Thai words written together


def _junction(rng: random.Random) -> str:
    """A phrase whose spaces stand between a Thai letter and something else."""
    kind = rng.randrange(6)
    n = str(rng.choice((rng.randint(1, 9), rng.randint(10, 999))))
    latin = " ".join(rng.sample(LATIN, rng.randint(1, 2)))
    if kind == 0:
        return f"{_thai(rng)} {latin}"  # Thai-Latin
    if kind == 1:
        return f"{_thai(rng)} {latin} {_thai(rng)}"  # Latin-Thai
    if kind == 2:
        return f"{_thai(rng)} {n} {_thai(rng)}"  # Thai-digit, digit-Thai
    if kind == 3:
        return f"{_thai(rng)} ({_thai(rng)})"  # before an opening bracket
    if kind == 4:
        return f"({latin}) {_thai(rng)}"  # after a closing bracket
    return f"{_thai(rng)} ({latin}) {_thai(rng)}"


def value(rng: random.Random, phrases: int) -> str:
    """Phrases set apart by spaces: Thai runs, and phrases with spaces at a junction."""
    return " ".join(_junction(rng) if rng.random() < 0.6 else _thai(rng)
                    for _ in range(phrases))


def _is_thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4f"


def _white(text: str) -> tuple[str, dict[int, str]]:
    """``text``'s letters, and the white space before each letter that has some:
    ``" "`` (spaces), ``"\\n"`` (one line break) or ``"\\n\\n"`` (a blank line)."""
    letters: list[str] = []
    white: dict[int, str] = {}
    for run in re.finditer(r"(\s*)(\S)", text):
        if run.group(1) and letters:
            breaks = run.group(1).count("\n")
            white[len(letters)] = " " if not breaks else "\n" if breaks == 1 else "\n\n"
        letters.append(run.group(2))
    return "".join(letters), white


def spacing_faults(want: str, got: str) -> tuple[list[str], int, int]:
    """Where ``got`` (read) has other white space than ``want``, Thai-Thai places aside.

    A line break where ``want`` has a space is a fault (an analyst comparing values
    sees another value); between two Thai letters only a space or break invented is.
    Returns the faults (a few letters around each), the white space invented between
    two Thai letters, and the places compared. ``got`` must have ``want``'s letters.
    """
    letters, spaces = _white(want)
    got_letters, got_spaces = _white(got)
    assert got_letters == letters, f"letters read otherwise: {got!r}"
    faults, invented = [], 0
    for at in range(1, len(letters)):
        w, g = spaces.get(at, ""), got_spaces.get(at, "")
        if _is_thai(letters[at - 1]) and _is_thai(letters[at]):
            invented += bool(g) and not w
        elif w != g:
            faults.append(f"…{letters[max(0, at - 8):at]}{g!r}{letters[at:at + 8]}… "
                          f"(written {w!r})")
    return faults, invented, len(letters) - 1


def _need(writer: str) -> None:
    tool = writer.split("-")[0]
    if not render.have(tool):
        pytest.fail(f"{tool} not installed: apt-get install "
                    f"{'libreoffice-writer-nogui' if tool == 'soffice' else 'chromium'} "
                    "(make venv installs it)")


def read_value(pdf: Path) -> str:
    """The PDF's text as the pipeline reads a value from a page: wraps unwrapped."""
    layer = extract_pdf(pdf.read_bytes(), pdf.name, ocr="never")
    text = layer.text
    return unwrapped_text(text, writer_breaks(text, layer.wraps),
                          spaced_breaks(text, layer.spaced, layer.wraps))


#: Faults left per paragraph printing, measured on this change (they may only get
#: fewer); before it, with a wrap at such a place read as a line break: Chromium 13 /
#: 12, LibreOffice from HTML 2 / 7, Word 9 / 0 (Garuda / Loma). What is left is no
#: wrap the reader saw: Chromium's justified lines whose stretched spaces the reader
#: takes for cell gaps (a line with a tab is no wrap), and a LibreOffice line the
#: reader's margin took for short.
MOST_FAULTS = {("chromium", "Loma"): 4, ("soffice-html", "Garuda"): 1}


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("writer", ["chromium", "soffice-html", "soffice-docx"])
def test_wrapped_paragraphs_keep_their_spaces(writer: str, font: str, tmp_path: Path) -> None:
    _need(writer)
    rng = random.Random(f"{SEED}-{writer}-{font}")
    paras = [value(rng, rng.randint(12, 20)) for _ in range(4)]
    pdf = tmp_path / f"{writer}.pdf"
    render_paragraphs(writer, paras, pdf, font, font_file(font), rng.choice((12, 14)),
                      rng.choice((90, 120)), rng.choice(("left", "justify")))
    faults, invented, places = spacing_faults("\n\n".join(paras), read_value(pdf))
    print(f"{writer} {font}: {len(faults)} faults, {invented} invented of {places} places")
    assert len(faults) <= MOST_FAULTS.get((writer, font), 0), faults
    assert not invented


def _print_table(writer: str, doc: GeneratedDoc, pdf: Path, font: str,
                 rng: random.Random) -> None:
    if writer == "chromium":
        render.render_chromium(doc, pdf, font, font_file(font), rng, header_footer=False)
    elif writer == "soffice-narrow":
        _made, failed = render.render_narrow_tables_batch([(doc, pdf, font, rng)])
        assert not failed, failed
    else:
        settings = {"align": "left", "pt": "14", "widths": rng.choice(render.DOCX_WIDTHS)}
        failed = render.render_docx_batch([(doc, pdf, font, settings)])
        assert not failed, failed


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("writer", ["chromium", "soffice-narrow", "soffice-docx"])
def test_wrapped_table_cells_keep_their_spaces(writer: str, font: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _need(writer)
    rng = random.Random(f"{SEED}-cells-{writer}-{font}")
    monkeypatch.setattr(forms, "DETAILS", tuple(value(rng, rng.randint(2, 4))
                                                for _ in range(12)))
    doc = forms.legacy_html(rng, reports=5, sentences=2)
    pdf = tmp_path / f"cells.{writer}.pdf"
    _print_table(writer, doc, pdf, font, rng)
    got = process_file(pdf).tables["progress_updates"]
    want = doc.tables["progress_updates"]
    assert len(got) == len(want)
    faults: list[str] = []
    invented = 0
    for row, truth in zip(got, want, strict=True):
        more, extra, _places = spacing_faults(truth["detail"], row.detail or "")
        faults += more
        invented += extra
    print(f"{writer} {font}: {len(faults)} faults, {invented} invented")
    assert not faults, faults
    assert not invented
