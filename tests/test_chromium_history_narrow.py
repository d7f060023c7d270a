"""A tracking page printed by Chromium, wide or in a phone's narrow column, keeps its paragraphs.

The progress-history page's head sets rationale, unit code, objective and target one
per line with no label (:func:`bma_etl.layouts.history_narrative.put_paragraphs`): the
layout tells them apart only by the reader's line ends. A line wrapped when the next
line's first word would not have fitted after it; Chromium breaks Thai between
dictionary words, so that word is ``ชุมชน`` of ``ชุมชนในพื้นที่เขตลาดกระบัง``, not the run
up to the space. Measured as the run, an objective's last line above a target that
opens with a long run read as wrapped: the target joined the objective and was lost;
in a 92 mm column the agency line joined the division under it. A PDF put together
by qpdf (pages reordered) names no producer: the page's own breaks tell.

Pages are generated (:func:`corpus.web.progress_history`), their head's objective and
target written here, printed as the page's lines (``<br>``) in Sarabun and Noto Sans
Thai, and the values read back compared with the written ones.
"""

from __future__ import annotations

import html
import random
import subprocess
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from chromium_pages import chromium_font, chromium_phone_shot
from corpus.build import GENERATORS

#: (objective, target): targets that open with a Thai run longer than the room an
#: objective's last line leaves, but whose first word fits there.
VALUES = [
    ("เพื่อลดปริมาณขยะอินทรีย์ที่ต้องนำไปกำจัดลงไม่น้อยกว่าร้อยละ 20",
     "ชุมชนในพื้นที่เขตลาดกระบัง จำนวน 35 ชุมชน คัดแยกขยะอินทรีย์ ณ ต้นทาง"),
    ("เพื่อพัฒนาศักยภาพของบุคลากรให้ปฏิบัติงานได้ตามมาตรฐาน",
     "บุคลากรของสำนักงานเขตได้รับการอบรมไม่น้อยกว่า 120 คน"),
]


def _print(lines: list[str], font: Path, column: str, out: Path) -> Path:
    """``lines`` as one ``<br>`` block ``column`` wide in ``font`` at 15 pt, printed by Chromium."""
    body = "<br>\n".join(html.escape(line) for line in lines)
    page = (f"<html><head><meta charset='utf-8'><style>@font-face {{ font-family: 'T';"
            f" src: url('file://{font}'); }} @page {{ size: A4; margin: 8mm; }}"
            f" body {{ font-family: 'T'; font-size: 15pt; line-height: 1.6;"
            f" max-width: {column}; margin: 0 auto; }}</style></head>"
            f"<body><div>{body}</div></body></html>")
    src = out.with_suffix(".html")
    src.write_text(page, encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={out.parent}/profile", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", src.as_uri()],
                   capture_output=True, timeout=120, check=True)
    return out


@pytest.mark.parametrize(("family", "column", "unnamed"), [
    ("Sarabun", "92mm", False), ("Noto Sans Thai", "92mm", False),
    ("Noto Sans Thai", "100%", True), ("Sarabun", "100%", True)])
def test_objective_and_target_stay_apart_in_a_chromium_print(
        family: str, column: str, unnamed: bool, tmp_path: Path) -> None:
    doc = GENERATORS["web_history"](random.Random(f"narrow-{family}-{column}"))
    truth = doc.tables["projects"][0]
    lines = doc.text.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln == f"{truth['unit_code']}/{truth['unit_code']}")
    font = chromium_font(family)
    for k, (objective, target) in enumerate(VALUES):
        lines[at + 1:at + 3] = [objective, target]
        pdf = _print(lines, font, column, tmp_path / f"page{k}.pdf")
        if unnamed:  # pages put together by qpdf: the producer's name is gone
            bare = tmp_path / f"bare{k}.pdf"
            subprocess.run(["qpdf", "--empty", "--pages", str(pdf), "--", str(bare)], check=True)
            pdf = bare
        project = process_file(pdf).rows("projects")[0]
        assert (project.objectives, project.target) == ([objective], target), k
        assert (project.division, project.unit_code) == (truth["division"], truth["unit_code"])


def test_a_phone_screenshot_s_wrapped_project_name_is_read_whole(tmp_path: Path) -> None:
    # A phone's screenshot of the page's head, OCR'd: no wrap is known, and the name's
    # first line stands between the progress line and ``<name's end> : <code>``: the
    # name was read as its wrapped end alone (``ลาดกระบัง``)
    doc = GENERATORS["web_history"](random.Random("phone-shot"))
    truth = doc.tables["projects"][0]
    name = "โครงการส่งเสริมการคัดแยกขยะอินทรีย์ในชุมชนลาดกระบัง"
    head = [f"ความคืบหน้าโครงการ ร้อยละ {truth['progress_pct']}", f"{name} : 50280000-1187",
            f"สำนักงานเขตลาดกระบัง : ({truth['fiscal_year_be']})", truth["division"],
            "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล"]
    shot = chromium_phone_shot(chromium_font("Noto Sans Thai"), head, tmp_path, 400)
    project = process_file(shot).rows("projects")[0]
    assert (project.project_name, project.project_code) == (name, "50280000-1187")
