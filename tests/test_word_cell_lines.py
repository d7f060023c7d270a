"""Borderless Word tables whose cells' lines LibreOffice sets unevenly, in Sarabun.

Documents are generated from known values (bench/corpus, as its seed-7 corpus draws
them) and printed as the ``soffice-docx-dist`` producer prints them: a Word file
whose tables have no borders, a narrow first column and Thai justification, printed
by LibreOffice in Sarabun. The truth is the generated values.

What these prints do: LibreOffice sets each cell's lines by its own glyphs' heights,
so one row's cells stand a few points off one another (a line of digits alone,
``000``, lower than the Thai beside it) and a cell's lines stand further apart
(18.7 points at 14 pt) than the pitch the page's lines seem to give (15.5, a step
from one cell's line to the next cell's). A progress form's ``รายง`` / ``าน`` /
``ครั้งที่๑`` beside its detail, and a plan's amount cut in its narrow column
(``๑๒,๑๓๓,๑`` / ``๐๐ บาท``), were read as rows of their own: every progress update
and most projects' amounts lost. Distributed justification spreads a step table's
project heading's last line into four cells (``เขตราษฎร์บูรณะ`` / ``เขตมีนบุรี`` / … /
``(ฝ่ายบริหารงานทั่วไป)``, in Norasi): with a blank line under it, it was read as a
table of its own, and the steps under it lost their indicator and project. A KPI
table's header cell ``มาตรการ`` over ``มน. การ…`` was taken for a word cut in two
(``มาตรการมน.`` segments across the cut with its period): the header joined the
first row, and every KPI row's fields were lost.
"""

from __future__ import annotations

import random
import zlib
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score
from corpus_prints import amount_cut_in_its_cell
from thai_fonts import font_file


def _printed(tmp_path: Path, generator: str, k: int, align: str, pt: int, first_cm: float,
             footer: str, font: str = "Sarabun", seed: int = 7) -> tuple[Path, GeneratedDoc]:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    font_file(font)  # fails the test when the font is not installed
    doc = GENERATORS[generator](random.Random(zlib.crc32(repr((seed, generator, k)).encode())))
    pdf = tmp_path / f"{generator}-{k}.pdf"
    failed = render.render_docx_batch([(doc, pdf, font, {
        "align": align, "pt": str(pt), "widths": "content", "ruled": "no",
        "first_cm": str(first_cm), "footer": footer})])
    assert not failed, failed
    return pdf, doc


def test_progress_rows_whose_first_cell_wraps_in_sarabun_keep_every_update(
        tmp_path: Path) -> None:
    pdf, doc = _printed(tmp_path, "legacy_html", 1, "thai", 14, 1.6, "หน้า {n}")
    result = score(process_file(pdf), doc.truth)
    assert result.layout == "legacy_progress_form"
    updates = doc.truth["tables"]["progress_updates"]
    assert len(updates) >= 4
    lost = [item for item in result.lost if item[0].startswith("progress_updates.")]
    assert not lost, lost


def test_plan_amounts_cut_in_a_narrow_sarabun_column_keep_their_digits(tmp_path: Path) -> None:
    pdf, doc = _printed(tmp_path, "plan", 0, "thai", 12, 2.0, "")
    assert amount_cut_in_its_cell(pdf, doc.text), "no amount cut in its cell"
    result = score(process_file(pdf), doc.truth)
    assert result.layout == "annual_action_plan"
    lost = [item for item in result.lost
            if item[0].startswith(("plan_projects.", "plan_sections.", "plan_steps."))]
    assert not lost, lost


def test_steps_under_a_spread_heading_and_kpi_rows_under_their_header_keep_their_fields(
        tmp_path: Path) -> None:
    pdf, doc = _printed(tmp_path, "plan", 1, "distribute", 12, 2.2, "- {n} -", "Norasi", 11)
    result = score(process_file(pdf), doc.truth)
    assert result.layout == "annual_action_plan"
    assert doc.truth["tables"]["plan_steps"] and doc.truth["tables"]["plan_kpi_definitions"]
    lost = [item for item in result.lost
            if item[0].startswith(("plan_steps.", "plan_kpi_definitions."))]
    assert not lost, lost
