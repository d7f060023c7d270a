"""A plan's budget tables and headings in other words than the generator's usual ones.

Plans head the number column ``ที่`` alone (``ที่ | ชื่อโครงการ/กิจกรรม | งบประมาณ
(บาท) | หน่วยงานที่รับผิดชอบ``): no table after the summary heading was taken for a
budget table and the whole plan was quarantined. Plans are generated (bench/corpus)
and their headers reworded; the truth is the values generated.
"""

from __future__ import annotations

from pathlib import Path

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from thai_fonts import font_file

HEADER = "ลำดับ ที่\tชื่อโครงการยุทธศาสตร์\tงบประมาณ\tส่วนราชการ ที่รับผิดชอบ"


def _scored(tmp_path: Path, seed: int, old: str, new: str) -> None:
    for n in range(3):
        doc = GENERATORS["plan"](_rng(seed, "plan", n))
        text = doc.text.replace(old, new)
        assert text != doc.text, "the generator no longer prints these words"
        path = tmp_path / f"plan_{n}.txt"
        path.write_text(text, encoding="utf-8")
        tables = doc.truth["tables"]
        truth = {"tables": {name: tables[name] for name in ("plan_projects", "plan_sections")}}
        result = score(process_file(path), truth)
        assert result.total > 0 and result.lost == [], (n, result.lost[:6])


def test_number_column_headed_thi_alone(tmp_path: Path) -> None:
    _scored(tmp_path, 1122, HEADER,
            "ที่\tชื่อโครงการ/กิจกรรม\tงบประมาณ (บาท)\tหน่วยงานที่รับผิดชอบ")


def test_strategic_heading_without_its_word(tmp_path: Path) -> None:
    """``โครงการตามแผนปฏิบัติราชการประจำปี``: the strategic section, not a table skipped."""
    _scored(tmp_path, 1135, "โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี",
            "โครงการตามแผนปฏิบัติราชการประจำปี")


def test_number_column_headed_thi_alone_in_a_pdf_print(tmp_path: Path) -> None:
    """fpdf2 sets the table at tab stops: it is read from its lines, its header as well."""
    for n in range(2):
        doc = GENERATORS["plan"](_rng(1177, "plan", n))
        doc.text = doc.text.replace(
            HEADER, "ที่\tชื่อโครงการ/กิจกรรม\tงบประมาณ (บาท)\tหน่วยงานที่รับผิดชอบ")
        pdf = tmp_path / f"plan_{n}.pdf"
        render.render_fpdf(doc, pdf, "Sarabun", font_file("Sarabun"),
                           _rng(1177, "plan", n, "fpdf2"), shaping=False)
        tables = doc.truth["tables"]
        truth = {"tables": {name: tables[name] for name in ("plan_projects", "plan_sections")}}
        result = score(process_file(pdf), truth)
        assert result.total > 0 and result.lost == [], (n, result.lost[:6])
