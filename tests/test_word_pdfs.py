"""Word documents printed by LibreOffice: narrow table columns, distributed justification.

Two kinds of text layer that are right but looked damaged:

- an action plan's month columns are so narrow that LibreOffice wraps ``มี.ค.``
  between the letter and its vowel, so the vowel starts a line of its own (or of
  the next page) with no letter before it. Such pages scored over
  ``MAX_DAMAGE``, were OCR'd, and one lost cell quarantined the whole plan;
- Thai distributed justification spreads every character of a line, so the
  layer put a tab between ``ท`` and its ``ี่`` and 16 monthly results were lost.

The documents are generated from known values (bench/corpus), written as Word
files with python-docx and printed by ``soffice`` in one run; the truth is the
generated values.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import MAX_DAMAGE, extract_pdf

from corpus import render
from corpus.build import GENERATORS
from corpus.build import _rng as corpus_rng
from corpus.doc import GeneratedDoc
from corpus.score import score
from repo_paths import FIXTURES

SEED = 1010
#: Font sizes (pt) the distributed ruled form is printed at again: each moves its
#: report rows' page breaks (at 12 pt one row ends at a page's foot, whole).
BREAK_SIZES = (11, 12, 13)
#: A vowel above or below its letter, at a line or cell start before a month's ``.``.
_WRAPPED_VOWEL = re.compile("(?:^|[\t ])[\u0e34-\u0e37]\\.", re.MULTILINE)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, GeneratedDoc]]:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("word")
    jobs = {
        "plan": ("plan", "left", "Norasi"),
        "detail_distributed": ("web_detail", "distribute", "Norasi"),
        "form_distributed": ("legacy_pipe", "distribute", "Sarabun"),
    }
    made: dict[str, tuple[Path, GeneratedDoc]] = {}
    batch = []
    for name, (gen, align, font) in jobs.items():
        doc = GENERATORS[gen](random.Random(f"{SEED}-{gen}"))
        if name == "form_distributed":  # eight reports: a page break cuts the fifth
            doc = GENERATORS[gen](corpus_rng(7, gen, 0))
        pdf = out / f"{name}.pdf"
        made[name] = (pdf, doc)
        batch.append((doc, pdf, font, {"align": align, "pt": "14", "widths": "content"}))
    for pt in BREAK_SIZES:  # the same eight reports at other sizes: rows end at page feet
        doc = GENERATORS["legacy_pipe"](corpus_rng(7, "legacy_pipe", 0))
        pdf = out / f"form_distributed_{pt}.pdf"
        made[pdf.stem] = (pdf, doc)
        batch.append((doc, pdf, "Sarabun", {"align": "distribute", "pt": str(pt),
                                             "widths": "content", "lang": "th-TH",
                                             "margin_cm": "2.0"}))
    failed = render.render_docx_batch(batch)
    assert not failed, failed
    return made


def test_narrow_month_columns_are_a_text_layer(
        printed: dict[str, tuple[Path, GeneratedDoc]]) -> None:
    pdf, doc = printed["plan"]
    # the print wraps a month in its narrow column (``ม`` / ``ิ.``): pdfium's own text
    # shows it; the reader puts the vowel back on its letter (``มิ.``)
    raw = pdfium.PdfDocument(pdf)
    try:
        layer = "\n".join(raw[k].get_textpage().get_text_range() for k in range(len(raw)))
    finally:
        raw.close()
    assert _WRAPPED_VOWEL.search(layer), "no month wrapped"
    pages = extract_pdf(pdf.read_bytes(), ocr="never").pages
    assert [p.kind for p in pages] == ["text"] * len(pages)
    assert max(p.damage for p in pages) <= MAX_DAMAGE
    processed = process_file(pdf)  # --ocr auto: nothing to OCR, nothing quarantined
    assert not processed.rows("documents")[0].ocr_used  # type: ignore[attr-defined]
    truth = {"tables": {"plan_scoring_levels": doc.tables["plan_scoring_levels"]}}
    right, total, lost = score(processed, truth)
    assert right == total, lost[:5]


def test_distributed_justification_keeps_marks_on_their_letter(
        printed: dict[str, tuple[Path, GeneratedDoc]]) -> None:
    pdf, doc = printed["detail_distributed"]
    text = extract_pdf(pdf.read_bytes(), ocr="never").text
    assert "ผลงานเดือนที่" in text
    assert not re.search("[\u0e01-\u0e2e][ \t]+[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", text)
    processed = process_file(pdf)
    assert not processed.rows("documents")[0].ocr_used  # type: ignore[attr-defined]
    right, total, lost = score(processed, json.loads(doc.truth_json()))
    assert right == total, lost[:5]
    assert len(processed.rows("monthly_progress")) == len(doc.tables["monthly_progress"])


#: A report's progress and budget in the form's text (its last cell's second half).
_PROGRESS_PHRASE = re.compile(r":: ความก้าวหน้าของงานฯ = [^|]*?บาท")


def test_a_distributed_form_keeps_its_cell_lines_and_cut_rows(
        printed: dict[str, tuple[Path, GeneratedDoc]]) -> None:
    # Sarabun 14 pt in distributed justification: a cell's lines 16 pt apart, the
    # marks of the lower reaching the upper's baseline; pdfium ran the two into one
    # line and the reader interleaved them ("ความก้าวหน้าของ้งานฯ =ี่ประมาณ..."). A
    # page break cuts the fifth report (``รายงานครั้ง`` / ``ที่๕``), LibreOffice closing
    # both parts with rules: each cell's first word on the next page is wider, as
    # drawn, than its cut line left room for (``เป้า`` / ``หมาย``: 35.5 pt in 29).
    pdf, doc = printed["form_distributed"]
    read = "".join(extract_pdf(pdf.read_bytes(), ocr="never").text.split())
    phrases = _PROGRESS_PHRASE.findall(doc.text)
    assert len(phrases) == len(doc.tables["progress_updates"])
    assert [p for p in phrases if "".join(p.split()) not in read] == []
    processed = process_file(pdf)
    truth = {"tables": {"progress_updates": doc.tables["progress_updates"]}}
    right, total, lost = score(processed, truth)
    assert right == total, lost[:5]


@pytest.mark.parametrize("pt", BREAK_SIZES)
def test_a_whole_row_at_a_page_foot_takes_no_row_of_the_next_page(
        printed: dict[str, tuple[Path, GeneratedDoc]], pt: int) -> None:
    # Distributed justification fills every line of every cell, so a row at a page's
    # foot looks cut in each cell; LibreOffice draws no rule at the break. The next
    # page's first row opens the label the row holds whole (``รายงานครั้งที่๗`` /
    # ``รายงานครั้งที่๘``): a row of its own, not the rest of the one above.
    pdf, doc = printed[f"form_distributed_{pt}"]
    processed = process_file(pdf)
    truth = {"tables": {"progress_updates": doc.tables["progress_updates"]}}
    right, total, lost = score(processed, truth)
    assert right == total, lost[:5]


def test_a_mark_drawn_over_a_letter_the_text_lacks_is_still_damage() -> None:
    # The damaged Royal Gazette layer has a tone mark on a line of its own, drawn
    # over a letter of the next line (เลม for เล่ม): that stays counted.
    pages = extract_pdf((FIXTURES / "royal-gazette-2566-damaged-sara-am.pdf").read_bytes(),
                        ocr="never").pages
    assert re.match("[^\n]*\t\u0e48\n", pages[0].text)
    assert pages[0].damage > 0
