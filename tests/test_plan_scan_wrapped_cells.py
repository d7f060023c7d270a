"""A scanned Word plan whose table cells wrap: each wrapped line goes on its own cell.

The plan is written from known values (agency, year, projects: a long name, its
budget, a long responsible unit), as a Word file whose tables have equal columns,
so that the names and units wrap over two or three lines inside their cells;
LibreOffice prints it, and the print is scanned (rendered at 200 or 240 dpi, grey
on cream paper, stored as JPEG in an image-only PDF) and read by OCR.

What went wrong (the 19th outside test, a 240 dpi scan of a Word plan): OCR reads a
row's Thai number as a letter or two (``เจ`` for ``๖``), and such a number cell
made the whole table be read from its lines, where a wrapped name's rest went on
the row's last cell: the name lost it and the unit got it
(``ส่วนแผนที่ฯ`` + ``และทะเบียน…``). A speck on a rule (``.`` where two rules cross,
a rule and a digit's edge read ``2.``) or a tone mark over the rule above a cell's
first line put the row's lines out of the row: its cells stayed lines across the
table, and a name's rest again went on the unit. The truth is the values written;
OCR's letters are its own, so a value is compared in key form with a little slack.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from rapidfuzz.fuzz import ratio

from bma_etl.matchkey import key
from bma_etl.pipeline import process_file

from corpus import render
from corpus.doc import GeneratedDoc
from thai_fonts import font_file

#: Least similarity (0..100) of a value read to the value written, both in key form.
SIMILAR = 85
_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

NAMES = ("โครงการจัดทำแผนที่ภาษีและทะเบียนทรัพย์สินแบบดิจิทัลทั่วกรุงเทพมหานคร",
         "โครงการสำรวจและจัดทำข้อมูลภูมิสารสนเทศอาคารสามมิติในพื้นที่ชั้นใน",
         "โครงการพัฒนาระบบบริการข้อมูลผังเมืองออนไลน์สำหรับประชาชนทั่วไป",
         "โครงการถ่ายภาพทางอากาศความละเอียดสูงด้วยอากาศยานไร้คนขับ",
         "โครงการเชื่อมโยงข้อมูลภูมิสารสนเทศกับสำนักงานเขตทั้งห้าสิบเขต",
         "โครงการปรับปรุงหมุดหลักฐานแผนที่และระดับน้ำทะเลปานกลาง",
         "โครงการอบรมการใช้ระบบสารสนเทศภูมิศาสตร์แก่เจ้าหน้าที่สำนักงานเขต",
         "โครงการจัดทำมาตรฐานข้อมูลภูมิสารสนเทศกรุงเทพมหานคร")
UNITS = ("ส่วนแผนที่และทะเบียนทรัพย์สิน", "ส่วนสำรวจและรังวัดที่ดิน",
         "ส่วนระบบสารสนเทศภูมิศาสตร์", "ฝ่ายบริหารงานทั่วไป")


def _plan(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    """A plan's text (tab rows are table rows) and its projects' ``(name, unit)``, in order."""
    year = rng.randint(2567, 2570)
    names = list(NAMES)
    rng.shuffle(names)
    projects = [(name, rng.choice(UNITS)) for name in names[:5]]
    header = "ลำดับที่\tชื่อโครงการ\tงบประมาณ\tส่วนราชการที่รับผิดชอบ"
    lines = [f"แผนปฏิบัติการประจำปี พ.ศ. {year}", "กองสารสนเทศภูมิศาสตร์ สำนักการวางผังและพัฒนาเมือง",
             "วิสัยทัศน์", "เป็นศูนย์กลางข้อมูลแผนที่และภูมิสารสนเทศที่ถูกต้อง ทันสมัย",
             "พันธกิจ", "๑. จัดทำและปรับปรุงข้อมูลแผนที่ฐานของกรุงเทพมหานคร",
             f"สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. {year}"]
    for title, rows in ((f"โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. {year}",
                         projects[:2]), ("โครงการสำคัญตามภารกิจของกองสารสนเทศภูมิศาสตร์",
                                         projects[2:])):
        lines += [title, header]
        total = 0
        for k, (name, unit) in enumerate(rows, start=1):
            amount = rng.randint(50, 900) * 10_000
            total += amount
            lines.append(f"{str(k).translate(_THAI)}\t{name}\t{amount:,}.- บาท\t{unit}")
        lines.append(f"รวมงบประมาณทั้งสิ้น\t\t{total:,}.- บาท\t")
    lines.append("การนำแผนฯ ไปสู่การปฏิบัติและการติดตามประเมินผล")
    return "\n".join(lines) + "\n", projects


def _scan(src: Path, out: Path, dpi: int) -> None:
    """An image-only PDF of ``src``: each page at ``dpi``, grey ink on cream paper, JPEG."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    pdf = pdfium.PdfDocument(str(src))
    try:
        pages = []
        for page in pdf:
            grey = np.asarray(page.render(scale=dpi / 72).to_pil().convert("L"), dtype=float)
            ink = 1.0 - grey / 255.0
            paper = np.array([246.0, 238.0, 214.0])  # cream
            rgb = paper * (1.0 - ink[..., None]) + 40.0 * ink[..., None]
            image = Image.fromarray(rgb.clip(0, 255).astype("uint8"), "RGB")
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=80)
            pages.append(Image.open(io.BytesIO(buffer.getvalue())))
    finally:
        pdf.close()
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)


@pytest.mark.parametrize(("seed", "dpi", "font"), [(3, 240, "Norasi"), (5, 220, "Sarabun")])
def test_a_scanned_word_plan_reads_each_wrapped_cell_in_its_own_column(
        tmp_path: Path, seed: int, dpi: int, font: str) -> None:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    font_file(font)  # fails the test when the font is not installed
    text, projects = _plan(random.Random(seed))
    doc = GeneratedDoc(f"wrapped-{seed}", "annual_action_plan", text, {})
    printed = tmp_path / f"plan{seed}.pdf"
    failed = render.render_docx_batch([(doc, printed, font, {"pt": "13", "widths": "equal"})])
    assert not failed, failed
    scanned = tmp_path / f"scan{seed}.pdf"
    _scan(printed, scanned, dpi)
    result = process_file(scanned)
    assert result.layout == "annual_action_plan"
    rows = [r for r in result.rows("plan_projects") if r.section in ("strategic", "key")]
    got = [(r.name or "", r.responsible_unit or "") for r in rows]
    assert len(got) == len(projects), got
    for (name, unit), (read_name, read_unit) in zip(projects, got, strict=True):
        assert ratio(_flat(read_name), _flat(name)) >= SIMILAR, (name, read_name)
        assert ratio(_flat(read_unit), _flat(unit)) >= SIMILAR, (unit, read_unit)


def _flat(text: str) -> str:
    return "".join(key(text).split())
