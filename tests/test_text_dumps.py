"""Text dumps of PDFs made by pdfminer.six and pypdf read like the text printed.

pdfminer.six's ``extract_text`` starts a line with each tone mark a font raises over
an upper or lower vowel (``ชื`` / ``่อโครงการ``): labels were cut and the progress
form quarantined. pypdf's dumps of LibreOffice prints write SARA AM then SARA AA
(``สำานัก``): every value holding ``ำ`` was stored wrong. pypdf's NULs for unnamed
glyphs made a file binary (quarantined); a letter with two tone marks, or a cell read
across columns pypdf's layout mode set side by side, was stored cleaned and wrong.
Documents from the corpus generators are printed (fpdf2 in three fonts, ReportLab,
LibreOffice, Chromium) and dumped in the test; the truth is the generated values.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from bma_etl.errors import BmaEtlError
from bma_etl.pipeline import process_file
from bma_etl.read.text_dumps import rejoined_marks, undoubled_sara_am

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from corpus_prints import corpus_fpdf_print
from thai_fonts import font_file

#: A progress form's fields read from its last report row (scrambled by pdfminer's
#: text boxes in the report table): the head's fields are the ones this test counts.
FROM_REPORTS = ("progress_pct", "status")
#: The fields that name the project: read right from every dump.
IDENTITY = ("project_code", "project_name", "fiscal_year_be")
#: SARA AM then SARA AA, a tone mark between or none: what the dumps wrote for ``ำ``.
_DOUBLED = re.compile("\u0e33[\u0e48-\u0e4b]?\u0e32")


def _pdfminer(pdf: Path, out: Path) -> Path:
    from pdfminer.high_level import extract_text

    out.write_text(extract_text(str(pdf)), encoding="utf-8")
    return out


def _pypdf(pdf: Path, out: Path, mode: str) -> Path:
    from pypdf import PdfReader

    pages = PdfReader(str(pdf)).pages
    text = "\n".join(p.extract_text(extraction_mode=mode) for p in pages)
    out.write_text(text, encoding="utf-8")
    return out


def _scored(path: Path, truth: dict[str, Any]) -> Any:
    return score(process_file(path, ocr="never"), truth)


@pytest.mark.parametrize(("font", "k"), [("Loma", 0), ("Sarabun", 1), ("Norasi", 2)])
def test_pdfminer_dump_of_a_progress_form_reads_its_head(font: str, k: int,
                                                         tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 3611, "legacy_pipe", k, font, shaping=False)
    dump = _pdfminer(pdf, tmp_path / "form.txt")
    assert "ชื\n\n\u0e48อ" in dump.read_text(encoding="utf-8")  # the damage is there
    truth = json.loads(doc.truth_json())
    head = {key: value for key, value in truth["tables"]["projects"][0].items()
            if key not in FROM_REPORTS}
    result = _scored(dump, {"tables": {"projects": [head]}})
    assert result.total == len(head) > 8
    # a field pdfminer's boxes scrambled may be lost, none read wrong
    assert all(kind == "missing" for _, _, _, kind in result.lost), result.lost
    assert not [key for key, *_ in result.lost if key.split(".")[-1] in IDENTITY]
    assert result.right >= result.total - 2, result.lost


@pytest.mark.parametrize("generator", ["web_history", "legacy_pipe"])
def test_pypdf_dumps_of_a_libreoffice_print_read_sara_am(generator: str,
                                                         tmp_path: Path) -> None:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS[generator](random.Random(f"dumps-{generator}-3613"))
    pdf = tmp_path / "printed.pdf"
    assert not render.render_soffice_batch([(doc, pdf, "Garuda")])
    truth = json.loads(doc.truth_json())
    assert "\u0e33" in doc.text
    for mode in ("plain", "layout"):
        dump = _pypdf(pdf, tmp_path / f"{mode}.txt", mode)
        assert "\u0e33\u0e32" in dump.read_text(encoding="utf-8")  # the damage is there
        result = _scored(dump, truth)
        # no value keeps the doubled vowel; pypdf's own spaces may cost a field or two
        assert not [got for *_, got, _ in result.lost if _DOUBLED.search(str(got))]
        assert result.right >= result.total - 2, (mode, result.lost[:6])


def test_marks_are_rejoined_only_where_one_letter_carries_them() -> None:
    dump = ("หน่วยงานที\n\n\u0e48รับผิดชอบ : ผู\n\n\u0e49ว่าฯ\n"
            "งบประมาณ\n\u0e48ใช้ไป\n"  # a bare letter: the mark's letter is not known
            "ได้\n\n\u0e48เมื่อ\n")  # a letter carries one tone mark
    assert rejoined_marks(dump) == ("หน่วยงานที่รับผิดชอบ : ผู้ว่าฯ\n"
                                    "งบประมาณ\n\u0e48ใช้ไป\nได้\n\n\u0e48เมื่อ\n")
    clean = "ชื่อโครงการ : ก่อสร้างเขื่อน\nผู้รับผิดชอบ : นายสมชาย\n"
    assert rejoined_marks(clean) == clean


def test_sara_am_then_sara_aa_is_one_sara_am_where_the_text_writes_it_so() -> None:
    assert undoubled_sara_am("สำานักการระบายน้ำา จำานวน ศาลาท่านำ\u0e49า") == \
        "สำนักการระบายน้ำ จำนวน ศาลาท่าน้ำ"
    # once among many SARA AMs written right (a real file's slip): read as written
    clean = "สำนักการระบายน้ำ จำนวน ผลการดำาเนินงาน ประจำปี ทำให้"
    assert undoubled_sara_am(clean) == clean


def test_values_with_a_letter_of_two_tone_marks_are_not_loaded(tmp_path: Path) -> None:
    # LibreOffice's print in some fonts names SARA UU's glyph MAI THO: pypdf's dump
    # of ``ผู้บริหาร`` reads ``ผ้้บริหาร``; cleaned, ``ผ้บริหาร`` was stored
    doc = GENERATORS["plan"](random.Random("dumps-plan-doubled-tones"))
    assert doc.text.count("\u0e39\u0e49") >= 2
    dump = tmp_path / "plan.txt"
    dump.write_text(doc.text.replace("\u0e39\u0e49", "\u0e49\u0e49"), encoding="utf-8")
    truth = json.loads(doc.truth_json())
    result = _scored(dump, truth)
    assert result.lost, "no value held the damage"
    for key, want, got, _kind in result.lost:
        assert got is None, (key, want, got)  # NULL, never the cleaned wrong text
        assert "\u0e39\u0e49" in str(want), (key, want)
    # once in a clean file (a typist's slip): read as before
    once = tmp_path / "once.txt"
    once.write_text(doc.text.replace("\u0e39\u0e49", "\u0e49\u0e49", 1), encoding="utf-8")
    assert len(_scored(once, truth).lost) <= 1


def test_a_dump_with_nuls_for_unnamed_glyphs_is_read(tmp_path: Path) -> None:
    # pypdf writes NUL for a glyph the text map names nothing: a Thai mark (Chromium),
    # an arrow the font lacks (ReportLab in Norasi); the file was quarantined as binary
    doc = GENERATORS["web_detail"](random.Random("dumps-web-detail-nuls"))
    truth = json.loads(doc.truth_json())
    marked = re.compile("(?<=[\u0e01-\u0e2e])[\u0e48\u0e35](?=[\u0e01-\u0e2e ])")
    dump = tmp_path / "detail.txt"
    dump.write_text(marked.sub("\x00", doc.text), encoding="utf-8")
    assert "\x00" in dump.read_text(encoding="utf-8")
    result = _scored(dump, truth)
    assert result.quarantined is None and result.right > 0
    for key, want, got, _kind in result.lost:  # a value (or label) held one: lost, not wrong
        assert got is None, (key, want, got)


def test_a_reportlab_plan_dumped_by_pypdf_with_its_arrows_unnamed_loads(tmp_path: Path) -> None:
    doc = GENERATORS["plan"](random.Random("dumps-plan-arrows"))
    pdf = tmp_path / "plan.pdf"
    render.render_reportlab(doc, pdf, "Norasi", font_file("Norasi"),
                            random.Random("dumps-plan-arrows-print"))
    dump = _pypdf(pdf, tmp_path / "plan.txt", "plain")
    assert "\x00" in dump.read_text(encoding="utf-8")  # the arrows: no text
    processed = process_file(dump, ocr="never")
    truth = json.loads(doc.truth_json())
    values = [v for table, rows in processed.tables.items() if table in truth["tables"]
              for row in rows
              for v in (row.model_dump() if hasattr(row, "model_dump") else vars(row)).values()]
    assert not [v for v in values if isinstance(v, str) and "\ufffd" in v]
    result = score(processed, truth)
    assert result.right > result.total // 2


def test_cells_read_across_columns_of_a_layout_dump_are_not_loaded(tmp_path: Path) -> None:
    # pypdf's layout mode sets a plan's four wrapped KPI columns side by side: a cell
    # read over two lines took in pieces of the cells beside it, stored wrong
    if not render.have("chromium"):
        pytest.fail("needs Chromium: make venv installs chromium")
    doc = GENERATORS["plan"](random.Random("dumps-plan-columns-0"))
    pdf = tmp_path / "plan.pdf"
    render.render_chromium(doc, pdf, "Garuda", font_file("Garuda"),
                           random.Random("dumps-plan-columns-0-print"))
    dump = _pypdf(pdf, tmp_path / "plan.txt", "layout")
    truth = json.loads(doc.truth_json())
    kpi = {"tables": {"plan_kpi_definitions": truth["tables"]["plan_kpi_definitions"]}}
    processed = process_file(dump, ocr="never")
    result = score(processed, kpi)
    assert result.total > 0
    assert [got for *_, got, _ in result.lost if got is not None] == []
    assert "interleaved_columns" in {q.code for q in processed.tables["quality_issues"]}


def test_history_entries_with_a_lifted_mark_are_not_loaded(tmp_path: Path) -> None:
    # pdfminer puts the marks it lifted off a line at the start of another
    # (``่4 | :: 19/1/2562 : … ผู่ระหว่าง``): the line's values were stored without them
    doc = GENERATORS["web_history"](random.Random("dumps-history-cut"))
    entry = re.compile(r"^([0-9]{2}/[0-9]{2}/[0-9]{4} : [^\n]*?[\u0e01-\u0e2e][\u0e38\u0e39])"
                       r"([\u0e48-\u0e4b])", re.MULTILINE)
    lifted, count = entry.subn(r"\2\1", doc.text)
    assert count >= 3
    dump = tmp_path / "history.txt"
    dump.write_text(lifted, encoding="utf-8")
    result = _scored(dump, json.loads(doc.truth_json()))
    assert result.right > result.total // 2
    assert [(key, got) for key, _, got, _ in result.lost if got is not None] == []


def test_a_layout_mode_dump_with_nuls_is_quarantined_saying_what_to_do(tmp_path: Path) -> None:
    # its tables' cells run into their neighbours: not loaded, and not called binary
    doc = GENERATORS["plan"](random.Random("dumps-plan-layout-nuls"))
    spread_out = doc.text.replace("\t", " " * 8).replace("บาท", "บาท\x00", 3)
    dump = tmp_path / "plan.txt"
    dump.write_text(spread_out, encoding="utf-8")
    with pytest.raises(BmaEtlError, match=r"columns side by side .* save the text without "
                                          r"layout mode, or ingest the PDF"):
        process_file(dump, ocr="never")
