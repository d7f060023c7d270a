"""A copy stamped with a watermark across each page reads like the unwatermarked print.

A word laid over every page (``สำเนา``, ``ร่าง``, ``COPY``, ``CONFIDENTIAL``; by
``qpdf --overlay``, pypdf's ``merge_page`` or an office suite), diagonal, grey and
translucent, put its letters inside values: an outside tester's history entry
read ``สำเนา\\n28/03/2566 : จัดประชุม…``. Documents are generated from known values
(``bench/corpus``), printed by fpdf2 and ReportLab, and stamped three ways: into
the page's own content (pypdf), as a Form XObject drawn over it (pdfium, qpdf).
Every field must read as the unwatermarked print reads it, and text that is no
watermark (a dark heading, a slightly skewed line) must stay.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import extract_pdf
from test_rotated_pdfs import stored_turned

from corpus.score import score
from corpus_prints import sarabun_print
from thai_fonts import font_file

#: word, degrees counter-clockwise, size (points), grey (0 black - 1 white), fill alpha
STAMPS = {"diagonal": ("สำเนา", 45, 110, 0.75, 0.5),
          "thirty": ("CONFIDENTIAL", 30, 80, 0.6, 1.0),
          "steep": ("ร่าง", 60, 150, 0.8, 0.3),
          "level": ("COPY", 0, 120, 0.8, 0.4)}


def stamp(out: Path, size: tuple[float, float], word: str, angle: float, points: float,
          grey: float, alpha: float, font: str = "Sarabun") -> None:
    """A one-page PDF of ``size`` (points) with ``word`` centred, turned ``angle`` degrees."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont(font, str(font_file(font))))
    sheet = canvas.Canvas(str(out), pagesize=size)
    sheet.setFillColorRGB(grey, grey, grey)
    sheet.setFillAlpha(alpha)
    sheet.translate(size[0] / 2, size[1] / 2)
    sheet.rotate(angle)
    sheet.setFont(font, points)
    sheet.drawCentredString(0, 0, word)
    sheet.save()


def overlay_pypdf(src: Path, mark: Path, out: Path) -> None:
    """The watermark's content appended to each page's own content (pypdf's merge)."""
    writer = pypdf.PdfWriter(clone_from=src)
    over = pypdf.PdfReader(mark).pages[0]
    for page in writer.pages:
        page.merge_page(over)
    writer.write(out)


def overlay_pdfium(src: Path, mark: Path, out: Path) -> None:
    """The watermark drawn over each page as one Form XObject."""
    pdf, stamp_pdf = pdfium.PdfDocument(src), pdfium.PdfDocument(mark)
    for index in range(len(pdf)):
        page = pdf[index]
        page.insert_obj(stamp_pdf.page_as_xobject(0, pdf).as_pageobject())
        page.gen_content()
    pdf.save(out)


def overlay_qpdf(src: Path, mark: Path, out: Path) -> None:
    """``qpdf --overlay``: the watermark page as a Form XObject over every page."""
    if shutil.which("qpdf") is None:
        pytest.fail("qpdf is not installed: apt-get install qpdf (make venv installs it)")
    subprocess.run(["qpdf", str(src), "--overlay", str(mark), "--repeat=1", "--", str(out)],
                   check=True)


OVERLAY = {"pypdf": overlay_pypdf, "pdfium": overlay_pdfium, "qpdf": overlay_qpdf}


def _print(generator: str, producer: str, folder: Path) -> tuple[Path, dict[str, object]]:
    return sarabun_print("watermark", generator, producer, folder)


def _stamped(printed: Path, kind: str, how: str) -> Path:
    mark = printed.with_suffix(f".{kind}.mark.pdf")
    stamp(mark, pdfium.PdfDocument(printed)[0].get_size(), *STAMPS[kind])
    out = printed.with_suffix(f".{kind}.{how}.pdf")
    OVERLAY[how](printed, mark, out)
    return out


@pytest.mark.parametrize("producer", ["fpdf2", "reportlab"])
@pytest.mark.parametrize("generator", ["legacy_pipe", "web_history", "plan"])
def test_a_watermarked_copy_reads_like_the_print(tmp_path: Path, generator: str,
                                                 producer: str) -> None:
    printed, truth = _print(generator, producer, tmp_path)
    plain = score(process_file(printed), truth)
    for kind, how in (("diagonal", "pypdf"), ("thirty", "qpdf"), ("steep", "pdfium"),
                      ("level", "pypdf")):
        result = score(process_file(_stamped(printed, kind, how)), truth)
        assert result.quarantined is None, (kind, how, result.quarantined)
        assert (result.right, result.lost) == (plain.right, plain.lost), (kind, how)


def test_a_watermarked_page_stored_rotated_reads_upright(tmp_path: Path) -> None:
    printed, truth = _print("web_history", "reportlab", tmp_path)
    plain = score(process_file(printed), truth)
    turned = tmp_path / "turned.pdf"
    stored_turned(_stamped(printed, "diagonal", "pypdf"), turned, 90)
    result = score(process_file(turned), truth)
    assert (result.right, result.lost) == (plain.right, plain.lost)


def _page(out: Path, draw: object) -> str:
    """The text of a one-page ReportLab PDF of body lines, with ``draw(canvas)`` over them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Sarabun", str(font_file("Sarabun"))))
    sheet = canvas.Canvas(str(out), pagesize=(595, 842))
    sheet.setFont("Sarabun", 14)
    for k in range(12):
        sheet.drawString(72, 600 - 20 * k, f"บรรทัดที่ {k + 1} ของเนื้อความในหน้า")
    draw(sheet)  # type: ignore[operator]
    sheet.save()
    return extract_pdf(out.read_bytes()).pages[0].text


def test_text_that_is_no_watermark_stays(tmp_path: Path) -> None:
    def heading(sheet: object) -> None:  # large and dark, above the body
        sheet.setFont("Sarabun", 48)  # type: ignore[attr-defined]
        sheet.drawString(72, 700, "แผนปฏิบัติราชการ")  # type: ignore[attr-defined]

    def faint_apart(sheet: object) -> None:  # large and light, clear of the body
        sheet.setFillColorRGB(0.8, 0.8, 0.8)  # type: ignore[attr-defined]
        sheet.setFont("Sarabun", 60)  # type: ignore[attr-defined]
        sheet.drawString(72, 150, "ภาคผนวก")  # type: ignore[attr-defined]

    def skewed(sheet: object) -> None:  # a line laid a little askew (a scan's text layer)
        sheet.rotate(4)  # type: ignore[attr-defined]
        sheet.setFont("Sarabun", 14)  # type: ignore[attr-defined]
        sheet.drawString(72, 200, "หมายเหตุท้ายหน้า")  # type: ignore[attr-defined]

    assert "แผนปฏิบัติราชการ" in _page(tmp_path / "heading.pdf", heading)
    assert "ภาคผนวก" in _page(tmp_path / "apart.pdf", faint_apart)
    assert "หมายเหตุท้ายหน้า" in _page(tmp_path / "skewed.pdf", skewed)


def test_a_faint_large_word_over_the_body_is_left_out(tmp_path: Path) -> None:
    def level(sheet: object) -> None:
        sheet.setFillColorRGB(0.85, 0.85, 0.85)  # type: ignore[attr-defined]
        sheet.setFont("Sarabun", 90)  # type: ignore[attr-defined]
        sheet.drawString(120, 470, "ร่าง")  # type: ignore[attr-defined]

    text = _page(tmp_path / "level.pdf", level)
    assert "ร่าง" not in text and "บรรทัดที่ 7 ของเนื้อความในหน้า" in text


def test_a_page_drawn_turned_keeps_its_text(tmp_path: Path) -> None:
    # No /Rotate: the whole page's text runs up the sheet, a watermark's never does. It
    # is not taken off (how well such a page reads is another matter).
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Sarabun", str(font_file("Sarabun"))))
    out = tmp_path / "turned.pdf"
    sheet = canvas.Canvas(str(out), pagesize=(595, 842))
    sheet.translate(595, 0)
    sheet.rotate(90)
    sheet.setFont("Sarabun", 14)
    for k in range(6):
        sheet.drawString(72, 500 - 20 * k, f"บรรทัดที่ {k + 1} ของเนื้อความ")
    sheet.save()
    text = extract_pdf(out.read_bytes()).pages[0].text
    assert all(str(k) in text for k in range(1, 7))


def test_a_level_stamp_centred_below_a_short_page_s_body_is_left_out(tmp_path: Path) -> None:
    # A tracking page's body ends above the sheet's middle: a level COPY laid there
    # crosses no text, yet it is a stamp, not a line of the page.
    printed, truth = _print("web_tracking", "reportlab", tmp_path)
    plain = score(process_file(printed), truth)
    stamped = _stamped(printed, "level", "pypdf")
    pages = extract_pdf(stamped.read_bytes()).pages
    assert all("COPY" not in page.text for page in pages)
    result = score(process_file(stamped), truth)
    assert (result.right, result.lost) == (plain.right, plain.lost)
