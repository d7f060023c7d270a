"""A strategy issue's number is put back from its name only where OCR misread it so.

:mod:`bma_etl.normalize.trust_issue_names` writes the number the 20-year plan gives an
issue's name where OCR read it as a digit the model reads for it (``๔`` as ``๕``, ``๑``
as ``๐``, ``9`` or ``อ๑``). A text file, or a PDF's text layer when another page of it
is scanned, states its numbers as the agency wrote them, a plan's name under a number of
the agency's own included: never rewritten (a form whose signature page was scanned had
its text layer's ``๕`` rewritten ``๔``). An OCR'd outline whose numbers disagree in a
way none of those tables holds (a digit no misreading of the name's, a number or a name
the plan has not) is left as read where the lines agree, and NULL with an
``ocr_doubtful_value`` finding where they do not: never a guess. The strategy lines are
written first (known outline numbers), then read.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.normalize.trust_outline import OUTLINE_FIELDS, drop_outline_misreads
from bma_etl.pipeline import process_file
from test_tab_leaders import ISSUE_LABEL

from corpus.build import GENERATORS
from outline_lines import outline_row, strategy_lines

#: The texts after each line's number below the issue (written for this test).
_BELOW = ("\u0e01\u0e32\u0e23\u0e1a\u0e23\u0e34\u0e01\u0e32\u0e23\u0e2a\u0e32\u0e18\u0e32"
          "\u0e23\u0e13\u0e30",  # การบริการสาธารณะ
          "\u0e1b\u0e23\u0e30\u0e0a\u0e32\u0e0a\u0e19\u0e44\u0e14\u0e49\u0e23\u0e31\u0e1a"
          "\u0e1a\u0e23\u0e34\u0e01\u0e32\u0e23",  # ประชาชนได้รับบริการ
          "\u0e23\u0e49\u0e2d\u0e22\u0e25\u0e30\u0e02\u0e2d\u0e07\u0e0a\u0e38\u0e21\u0e0a"
          "\u0e19")  # ร้อยละของชุมชน
_COMPACT = "\u0e21\u0e2b\u0e32\u0e19\u0e04\u0e23\u0e01\u0e23\u0e30\u0e0a\u0e31\u0e1a"  # 4
_SAFE = "\u0e21\u0e2b\u0e32\u0e19\u0e04\u0e23\u0e1b\u0e25\u0e2d\u0e14\u0e20\u0e31\u0e22"  # 1
_NOT_IN_PLAN = ("\u0e07\u0e32\u0e19\u0e1a\u0e23\u0e34\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30"
                "\u0e0a\u0e32\u0e0a\u0e19")  # งานบริการประชาชน

#: Outlines an agency may print as it numbers them: under OCR each would be read as a
#: misreading of the name's number (``๕`` for ``๔``, ``๐`` or ``9`` for ``๑``).
_OWN_NUMBERING = (
    (["\u0e55", "\u0e51", "\u0e52", "\u0e51"], f"{_COMPACT} : Compact City"),
    (["\u0e55", "\u0e52", "\u0e51", "\u0e53"], _COMPACT),
    (["\u0e50", "\u0e51", "\u0e52", "\u0e51"], f"{_SAFE} : Safe City"),
)


def _with_strategy(lines: list[str], written: dict[str, str]) -> list[str]:
    """A generated form's ``lines`` with its four strategy lines' values ``written``."""
    lines = list(lines)
    at = next(i for i, ln in enumerate(lines) if ln.startswith(f"{ISSUE_LABEL} : "))
    fields = iter(OUTLINE_FIELDS)
    for k in range(at, at + 8):
        if " : " in lines[k]:
            lines[k] = f"{lines[k].split(' : ', 1)[0]} : {written[next(fields)]}"
    assert next(fields, None) is None, "the form's four strategy lines were not all found"
    return lines


@pytest.mark.parametrize(("parts", "name"), _OWN_NUMBERING)
def test_an_issue_stated_in_a_text_file_is_never_rewritten(tmp_path: Path, parts: list[str],
                                                           name: str) -> None:
    written = strategy_lines(parts, (name, *_BELOW))
    doc = GENERATORS["legacy_tab"](random.Random("issue-names-text"))
    path = tmp_path / "form.txt"
    path.write_text("\n".join(_with_strategy(doc.text.split("\n"), written)), encoding="utf-8")
    result = process_file(path)
    project = result.rows("projects")[0]  # type: ignore[attr-defined]
    assert {f: getattr(project, f) for f in OUTLINE_FIELDS} == written
    assert not [q for q in result.rows("quality_issues")
                if q.code.startswith("ocr_")]


#: A signature page's lines, drawn into a scanned page after a form's text pages.
_SIGNED = ("\u0e25\u0e07\u0e0a\u0e37\u0e48\u0e2d \u0e1c\u0e39\u0e49\u0e23\u0e32\u0e22"
           "\u0e07\u0e32\u0e19",  # ลงชื่อ ผู้รายงาน
           "(\u0e19\u0e32\u0e07\u0e2a\u0e32\u0e27\u0e1e\u0e34\u0e21\u0e1e\u0e4c"
           "\u0e0a\u0e19\u0e01 \u0e17\u0e2d\u0e07\u0e1b\u0e23\u0e30\u0e40\u0e2a"
           "\u0e23\u0e34\u0e10)",  # (นางสาวพิมพ์ชนก ทองประเสริฐ)
           "\u0e27\u0e31\u0e19\u0e17\u0e35\u0e48 \u0e51\u0e55 \u0e01\u0e31\u0e19\u0e22"
           "\u0e32\u0e22\u0e19 \u0e52\u0e55\u0e56\u0e56")  # วันที่ ๑๕ กันยายน ๒๕๖๖


def test_an_issue_in_a_text_layer_is_kept_when_another_page_is_scanned(tmp_path: Path
                                                                       ) -> None:
    """A form printed with a text layer, a scanned signature page after it: OCR read one
    page, and the strategy lines, read from the text layer, keep the numbers printed."""
    from PIL import Image, ImageDraw, ImageFont
    from pypdf import PdfWriter

    from corpus import render
    from thai_fonts import fonts_or_fail

    parts, name = _OWN_NUMBERING[0]
    written = strategy_lines(parts, (name, *_BELOW))
    doc = GENERATORS["legacy_tab"](random.Random("issue-names-mixed"))
    doc.text = "\n".join(_with_strategy(doc.text.split("\n"), written))
    found = fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)
    font = next(iter(found))
    printed, scanned, mixed = (tmp_path / f"{n}.pdf" for n in ("printed", "scanned", "mixed"))
    render.render_fpdf(doc, printed, font, found[font], random.Random(1), shaping=True, pt=12)
    page = Image.new("L", (2480, 3508), 255)  # A4 at 300 dpi
    face = ImageFont.truetype(str(found[font]), 60)
    for k, line in enumerate(_SIGNED):
        ImageDraw.Draw(page).text((400, 600 + 120 * k), line, font=face, fill=0)
    page.save(scanned, resolution=300)
    writer = PdfWriter(clone_from=str(printed))
    writer.append(str(scanned))
    writer.write(str(mixed))
    result = process_file(mixed)
    assert result.ocr_note and result.ocr_note.startswith("OCR 1 of")
    project = result.rows("projects")[0]  # type: ignore[attr-defined]
    assert {f: getattr(project, f) for f in OUTLINE_FIELDS} == written
    assert not [q for q in result.rows("quality_issues") if q.code == "ocr_outline_repaired"]


@pytest.mark.parametrize(("parts", "name"), [
    (["\u0e58", "\u0e58", "\u0e51", "\u0e52"], f"{_COMPACT} : Compact City"),  # no ๘ in the plan
    (["\u0e53", "\u0e53", "\u0e52", "\u0e51"], _COMPACT),  # ๓: no misreading of ๔
])
def test_an_ocr_outline_that_agrees_on_a_number_no_misreading_is_kept(parts: list[str],
                                                                       name: str) -> None:
    read = strategy_lines(parts, (name, *_BELOW))
    normalized = outline_row(dict(read))
    drop_outline_misreads(normalized)
    assert normalized.rows[0].values == read
    assert not normalized.findings


@pytest.mark.parametrize(("issue", "name", "below"), [
    ("\u0e55", _COMPACT, "\u0e53"),      # ๕ and ๓ for ๔: only one a misreading of it
    ("\u0e50", _SAFE, "\u0e52"),         # ๐ and ๒ for ๑: ๒ no misreading of it
])
def test_an_ocr_outline_read_otherwise_than_the_tables_say_is_null(issue: str, name: str,
                                                                    below: str) -> None:
    read = strategy_lines([issue, below, "\u0e52", "\u0e51"], (name, *_BELOW))
    read["strategy_sub_issue"] = read["strategy_sub_issue"].replace(issue, below, 1)
    read["strategy_goal"] = read["strategy_goal"].replace(issue, below, 1)
    read["strategy_indicator"] = read["strategy_indicator"].replace(issue, below, 1)
    normalized = outline_row(dict(read))
    drop_outline_misreads(normalized)
    assert {f.code for f in normalized.findings} == {"ocr_doubtful_value"}
    assert {f.field for f in normalized.findings} == set(OUTLINE_FIELDS)
    assert all(normalized.rows[0].values.get(f) is None for f in OUTLINE_FIELDS)
