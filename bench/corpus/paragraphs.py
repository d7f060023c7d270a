"""Running Thai paragraphs with known spaces, printed by each writer the corpus knows.

A paragraph is phrases set apart by single spaces; a phrase is one to four Thai
words written together (Thai sets no space between words), or a token that mixes
Thai with a number, an abbreviation or Latin (``งบประมาณ ๑,๐๕๓,๒๐๐.- บาท``,
``จากปี พ.ศ. ๒๕๖๗``, ``(Smart City)``). Printed long enough to wrap many times, a
paragraph's lines break at spaces and, for writers that break Thai between words,
inside phrases: the truth of every break is the text.

``render`` prints paragraphs, set apart by a blank line's space, with one writer:
``reportlab`` (platypus paragraphs), ``fpdf2`` (``multi_cell``, justified;
``fpdf2-shaped`` with HarfBuzz shaping, not in :data:`WRITERS`), ``chromium`` (an
HTML page printed by the browser), ``soffice-text`` (LibreOffice's text import),
``soffice-html`` (LibreOffice Writer/Web) and ``soffice-docx`` (a Word file printed
by LibreOffice), at a font size in points and a text width in millimetres; HTML
and Word paragraphs may be justified.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

from corpus import render
from corpus.doc import GeneratedDoc

WORDS = ("ขอชะลอ", "โครงการ", "เนื่องจาก", "ขออนุมัติ", "โครงการฯ", "เพื่อการ", "ดำเนินงาน",
         "งบประมาณ", "ได้รับ", "จัดสรร", "ประจำปี", "กรุงเทพมหานคร", "ร่วมกับ", "หน่วยงาน",
         "ที่เกี่ยวข้อง", "ประชาชน", "ในพื้นที่", "ตามแผน", "พัฒนา", "นำเสนอ", "ผู้บริหาร",
         "พิจารณา", "อนุมัติ", "ต่างประเทศ", "องค์การ", "เมือง", "หรือ", "ระหว่าง", "ดำเนินการ",
         "แล้วเสร็จ", "สำนักงาน", "ความสัมพันธ์", "ส่งเสริม", "คุณภาพ", "ชีวิต", "สิ่งแวดล้อม",
         "การจัดการ", "ขยะ", "มูลฝอย", "ก่อสร้าง", "ปรับปรุง", "ถนน", "ทางเท้า", "ระบบ",
         "ระบายน้ำ", "ป้องกัน", "น้ำท่วม", "เยาวชน", "ศักยภาพ", "ยั่งยืน")
TOKENS = ("งบประมาณ ๑,๐๕๓,๒๐๐.- บาท", "จากปี พ.ศ. ๒๕๖๗", "ร้อยละ 80", "COVID-19",
          "(Smart City)", "จำนวน 36 เมือง", "ต่าง ๆ", "PM 2.5", "วันที่ 12 มีนาคม 2567",
          "ณ กรุงจาการ์ตา", "จำนวน 2,500,000 บาท")
WRITERS = ("reportlab", "fpdf2", "chromium", "soffice-text", "soffice-html", "soffice-docx")


def paragraph(rng: random.Random, phrases: int) -> str:
    """``phrases`` phrases of Thai words (a token now and then) set apart by spaces."""
    parts = []
    for _ in range(phrases):
        if rng.random() < 0.15:
            parts.append(rng.choice(TOKENS))
        else:
            parts.append("".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))))
    return " ".join(parts)


def _page(paras: list[str], font: str, font_path: Path | None, pt: int, width_mm: int,
          align: str) -> str:
    """An HTML page of ``paras`` in ``font``, ``width_mm`` wide on A4.

    For Chromium (``font_path`` given: the font is loaded from it). LibreOffice reads
    no ``@font-face`` and (7.4, headless Writer/Web) prints an empty first page and
    loses the first paragraph, unless an empty one comes first: for it the font is
    the installed family's, the text as wide as its default page's, and an empty
    paragraph opens the page.
    """
    body = ("" if font_path else "<p>&nbsp;</p>") + "".join(f"<p>{escape(p)}</p>" for p in paras)
    face = f"@font-face {{ font-family: 'W'; src: url('file://{font_path}'); }}" \
        f" @page {{ size: A4; margin: 20mm {(210 - width_mm) / 2}mm; }}" if font_path else ""
    family = f"'W', '{font}'" if font_path else f"'{font}'"
    return ("<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'><style>"
            f"{face}"
            f" body {{ font-family: {family}; font-size: {pt}pt; margin: 0;"
            f" text-align: {align}; }} p {{ margin: 0 0 2em 0; }}</style></head>"
            f"<body>{body}</body></html>")


def render_paragraphs(writer: str, paras: list[str], out: Path, font: str, font_path: Path,
                      pt: int, width_mm: int, align: str = "left") -> None:
    """Print ``paras`` to ``out`` with ``writer`` (one of :data:`WRITERS`).

    Raises RuntimeError when the writer made no PDF (a program missing or failing).
    """
    if writer == "reportlab":
        _reportlab(paras, out, font, font_path, pt, width_mm)
    elif writer in ("fpdf2", "fpdf2-shaped"):
        _fpdf(paras, out, font, font_path, pt, width_mm, shaping=writer == "fpdf2-shaped")
    elif writer == "chromium":
        with tempfile.TemporaryDirectory(prefix="bma-para-") as tmp:
            src = Path(tmp) / "page.html"
            src.write_text(_page(paras, font, font_path, pt, width_mm, align), encoding="utf-8")
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                            "--no-first-run", f"--user-data-dir={tmp}/profile",
                            "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri()],
                           capture_output=True, timeout=120, check=False)
    elif writer == "soffice-docx":
        doc = GeneratedDoc(out.stem, "-", "\n\n".join(paras), {})
        render.render_docx_batch([(doc, out, font, {"align": align, "pt": str(pt)})])
    else:
        _soffice(writer, paras, out, font, font_path, pt, width_mm, align)
    if not out.exists():
        raise RuntimeError(f"{writer} made no PDF")


def _reportlab(paras: list[str], out: Path, font: str, font_path: Path, pt: int,
               width_mm: int) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, str(font_path)))
    style = ParagraphStyle("p", fontName=font, fontSize=pt, leading=pt * 1.4,
                           spaceAfter=pt * 2.5)
    margin = (210 - width_mm) / 2 * mm
    doc = SimpleDocTemplate(str(out), leftMargin=margin, rightMargin=margin)
    doc.build([Paragraph(escape(p), style) for p in paras])


def _fpdf(paras: list[str], out: Path, font: str, font_path: Path, pt: int,
          width_mm: int, *, shaping: bool = False) -> None:
    """``multi_cell`` paragraphs (fpdf2 justifies them), with HarfBuzz shaping or without."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font(font, fname=str(font_path))
    if shaping:
        pdf.set_text_shaping(True)
    margin = (210 - width_mm) / 2
    pdf.set_margins(margin, 20, margin)
    pdf.add_page()
    pdf.set_font(font, size=pt)
    for text in paras:
        pdf.multi_cell(0, pt * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(pt * 1.2)
    pdf.output(str(out))


def _soffice(writer: str, paras: list[str], out: Path, font: str, font_path: Path, pt: int,
             width_mm: int, align: str) -> None:
    with tempfile.TemporaryDirectory(prefix="bma-para-") as tmp:
        if writer == "soffice-text":
            src = Path(tmp) / f"{out.stem}.txt"
            src.write_text("\n\n".join(paras), encoding="utf-8")
            options = [f"--infilter=Text (encoded):UTF8,LF,{font},th", "--convert-to", "pdf"]
        else:
            src = Path(tmp) / f"{out.stem}.html"
            src.write_text(_page(paras, font, None, pt, width_mm, align), encoding="utf-8")
            options = ["--convert-to", "pdf:writer_web_pdf_Export"]
        render.profile_fonts(Path(tmp) / "profile")  # Sarabun: printed in Sarabun
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        *options, "--outdir", tmp, str(src)],
                       capture_output=True, timeout=300, check=False)
        made = Path(tmp) / f"{out.stem}.pdf"
        if made.exists():
            shutil.move(str(made), out)
