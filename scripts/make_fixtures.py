"""Make the PDF test fixtures from the samples (``make fixtures``).

Writes into ``tests/fixtures/pdf/``:

- ``<sample>.pdf``: text-layer PDFs of samples 000, 002 and 003, made by
  LibreOffice (headless) from a flat ODF document, one paragraph per sample
  line, in a Thai font (Garuda, Debian's fonts-thai-tlwg) on a page wide enough
  that no line wraps, so the PDF's text has the sample's lines. A tab becomes a
  wide gap, which the reader turns back into a tab. fpdf2 and ReportLab are not
  used: they write a wrong text mapping for SARA AM.
- ``<sample>.scanned.pdf``: the legacy samples 000 and 002 as a scanner would
  give them: set on A4 landscape (long lines wrap), rasterised by pdftoppm at
  300 dpi, 1-bit, and wrapped as image-only PDFs.
- ``ocr_page.scanned.pdf``: the top of the first scanned page of 000 (the
  fields of section 1.1), small enough to OCR in the tests.
- ``encrypted.pdf`` (qpdf, user password ``secret``) and ``zero_pages.pdf``.

The PDFs are committed, so the tests need none of these tools. Needs: soffice
(libreoffice-writer-nogui), pdftoppm (poppler-utils), qpdf, fonts-thai-tlwg and
fonts-thai-tlwg. The tests OCR the scans live (no OCR result is committed: a
frozen reading would hide what Tesseract reads now).
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OUT = ROOT / "tests" / "fixtures" / "pdf"
TEXT_LAYER = ("000_52cb5c31ec83ab03", "002_9d2ef115f542a230", "003_bab53728cf3029b8")
SCANNED = ("000_52cb5c31ec83ab03", "002_9d2ef115f542a230")
FONT = "Garuda"
TAB_SPACES = 10  # a tab is set as this many spaces: a gap of about 3.4 em in Garuda
CM = 72 / 2.54
# LibreOffice 7.4 lays lines out wrongly on pages much wider than 1 m; lines
# longer than that are set in a smaller font instead.
MAX_PAGE_CM = 100.0


def _need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        sys.exit(f"make_fixtures: {tool} not found; apt-get install {package}")
    return path


def _font_file(family: str) -> str:
    out = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True,
                         check=False)
    path = out.stdout.strip()
    if family.lower() not in Path(path).name.lower():
        sys.exit(f"make_fixtures: font {family} not found; apt-get install fonts-thai-tlwg")
    return path


# ------------------------------------------------------------------ ODF → PDF


def _paragraph(line: str, font_pt: float | None = None, style: str = "Standard") -> str:
    """One sample line as an ODF paragraph; runs of spaces kept.

    In a table's paragraph style a tab is a real tab (to the column's tab stop);
    elsewhere it is a wide gap.
    """
    parts: list[str] = []
    for chunk in re.split(r"(\t| {2,}|^ )", line):
        if chunk == "\t":
            parts.append("<text:tab/>" if style != "Standard"
                         else f'<text:s text:c="{TAB_SPACES}"/>')
        elif chunk and not chunk.strip(" "):
            parts.append(f'<text:s text:c="{len(chunk)}"/>')
        else:
            parts.append(escape(chunk))
    content = "".join(parts)
    if font_pt is not None:
        content = f'<text:span text:style-name="{_size_style(font_pt)}">{content}</text:span>'
    return f'<text:p text:style-name="{style}">{content}</text:p>'


def _size_style(font_pt: float) -> str:
    return f"S{round(font_pt * 10)}"


def _size_styles(sizes: set[float]) -> str:
    return "".join(
        f'<style:style style:name="{_size_style(pt)}" style:family="text"><style:text-properties '
        f'fo:font-size="{pt}pt" style:font-size-complex="{pt}pt"/></style:style>'
        for pt in sorted(sizes)
    )


def flat_odt(lines: list[str], *, font_pt: float, width_cm: float, height_cm: float,
             margin_cm: float = 1.5, sizes: list[float | None] | None = None,
             tables: dict[int, tuple[str, str]] | None = None) -> str:
    """A flat ODF text document: one paragraph per line, one font, one page size.

    ``sizes`` gives a line its own font size (None: ``font_pt``); ``tables``
    gives a line of a table its paragraph style (name, definition).
    """
    sizes = sizes or [None] * len(lines)
    tables = tables or {}
    body = "\n".join(
        (_paragraph(line, None, tables[i][0]) if i in tables else _paragraph(line, size))
        if line.strip() else '<text:p text:style-name="Standard"/>'
        for i, (line, size) in enumerate(zip(lines, sizes, strict=True)))
    own = {size for size in sizes if size is not None}
    table_styles = "".join(dict(tables.values()).values())
    props = (f'style:font-name="{FONT}" fo:font-size="{font_pt}pt" '
             f'style:font-name-complex="{FONT}" style:font-size-complex="{font_pt}pt" '
             'fo:language="th" fo:country="TH" style:language-complex="th" '
             'style:country-complex="TH" fo:hyphenate="false"')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="{FONT}" svg:font-family="{FONT}"/>
</office:font-face-decls>
<office:styles><style:style style:name="Standard" style:family="paragraph">
<style:text-properties {props}/></style:style></office:styles>
<office:automatic-styles>{_size_styles(own)}{table_styles}
<style:page-layout style:name="pm1"><style:page-layout-properties
 fo:page-width="{width_cm:.2f}cm" fo:page-height="{height_cm:.2f}cm"
 fo:margin-top="{margin_cm}cm" fo:margin-bottom="{margin_cm}cm"
 fo:margin-left="{margin_cm}cm" fo:margin-right="{margin_cm}cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
"""


def soffice_pdf(fodt: str, out: Path, work: Path) -> None:
    """Convert a flat ODF document to PDF with LibreOffice headless."""
    soffice = _need("soffice", "libreoffice-writer-nogui")
    src = work / (out.stem + ".fodt")
    src.write_text(fodt, encoding="utf-8")
    profile = (work / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(src)],
                   check=True, capture_output=True, timeout=300)
    shutil.move(work / (out.stem + ".pdf"), out)


def line_widths_cm(lines: list[str], font_pt: float) -> list[float]:
    """Width of each line in cm, as the font sets it."""
    from PIL import ImageFont

    font = ImageFont.truetype(_font_file(FONT), 100)
    return [font.getlength(line.replace("\t", " " * TAB_SPACES)) / 100 * font_pt / CM
            for line in lines]


def sample_lines(stem: str) -> list[str]:
    """The sample's lines, Lao letters in Thai lines set as the Thai they stand for.

    000 carries ``เป็นທີ່เชิ`` (damage of an earlier conversion). Garuda has no
    Lao glyphs: LibreOffice sets them in another font's run, which pdfium reads
    after the rest of the line. repair_text maps them to Thai anyway, so the
    fixture holds what repair would give.
    """
    sys.path.insert(0, str(ROOT / "src"))
    from bma_etl.normalize.text import lao_to_thai

    lines = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
    return [lao_to_thai(line) if re.search("[\u0e80-\u0eff]", line) else line
            for line in lines]


def table_styles(lines: list[str], font_pt: float, room: float, slack: float
                 ) -> dict[int, tuple[str, str]]:
    """A paragraph style per run of tab lines: its columns as tab stops, like a table.

    Each column is as wide as its widest cell plus a gap of 3 font sizes, so a
    tab always reaches the next column and an empty cell leaves its column empty.
    """
    from PIL import ImageFont

    font = ImageFont.truetype(_font_file(FONT), 100)
    styles: dict[int, tuple[str, str]] = {}
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        rows = [line.split("\t") for line in lines[i:j]]
        cols = max(len(r) for r in rows)
        widths = [max((font.getlength(r[k]) / 100 * font_pt / CM for r in rows if k < len(r)),
                      default=0.0) * slack for k in range(cols)]
        gap = 3 * font_pt / CM
        total = sum(widths) + gap * (cols - 1)
        scale = min(1.0, room / total) if total else 1.0
        size = math.floor(font_pt * scale * 10) / 10
        scale = size / font_pt
        stops, x = [], 0.0
        for w in widths[:-1]:
            x += (w + gap) * scale
            stops.append(f'<style:tab-stop style:position="{x:.3f}cm"/>')
        name = f"T{i}"
        style = (f'<style:style style:name="{name}" style:family="paragraph" '
                 'style:parent-style-name="Standard"><style:paragraph-properties>'
                 f'<style:tab-stops>{"".join(stops)}</style:tab-stops></style:paragraph-properties>'
                 f'<style:text-properties fo:font-size="{size}pt" '
                 f'style:font-size-complex="{size}pt"/></style:style>')
        for k in range(i, j):
            styles[k] = (name, style)
        i = j
    return styles


def make_text_layer(stem: str, work: Path) -> Path:
    """A text-layer PDF whose every line is one sample line (no wrapping)."""
    lines = sample_lines(stem)
    font_pt, margins, slack = 8.0, 3.0, 1.1
    widths = line_widths_cm(lines, font_pt)
    width = min(max(max(widths, default=0) * slack + margins, 29.7), MAX_PAGE_CM)
    room = width - margins
    sizes: list[float | None] = [
        None if w * slack <= room else math.floor(font_pt * room / (w * slack) * 10) / 10
        for w in widths
    ]
    tables = table_styles(lines, font_pt, room, slack)
    out = OUT / f"{stem}.pdf"
    soffice_pdf(flat_odt(lines, font_pt=font_pt, width_cm=width, height_cm=29.7, sizes=sizes,
                         tables=tables), out, work)
    return out


# ------------------------------------------------------------ image-only PDFs


def image_pdf(pages: list[tuple[int, int, bytes]], dpi: int) -> bytes:
    """An image-only PDF: one 1-bit Flate-compressed image per page.

    ``pages`` holds (width, height, packed rows with 1 = white) per page.
    """
    objects: list[bytes] = []
    kids: list[int] = []
    for width, height, bits in pages:
        image_no, content_no, page_no = len(objects) + 3, len(objects) + 4, len(objects) + 5
        data = zlib.compress(bits, 9)
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                       b"/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode "
                       b"/Length %d >>\nstream\n" % (width, height, len(data)) + data
                       + b"\nendstream")
        w_pt, h_pt = width * 72 / dpi, height * 72 / dpi
        draw = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (w_pt, h_pt)
        objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "
                       b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                       % (w_pt, h_pt, image_no, content_no))
        kids.append(page_no)
    return _pdf_file(kids, objects)


def _pdf_file(kids: list[int], objects: list[bytes]) -> bytes:
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>"
            % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))]
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for no, body in enumerate(head + objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % no + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1, xref)
    return bytes(out)


def rasterise(pdf: Path, work: Path, dpi: int = 300) -> list[tuple[int, int, bytes]]:
    """Every page of ``pdf`` as a 1-bit image (pdftoppm -mono)."""
    from PIL import Image

    pdftoppm = _need("pdftoppm", "poppler-utils")
    prefix = work / pdf.stem
    subprocess.run([pdftoppm, "-r", str(dpi), "-mono", str(pdf), str(prefix)], check=True,
                   timeout=600)
    pages = []
    for path in sorted(work.glob(f"{pdf.stem}-*.pbm"),
                       key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        with Image.open(path) as im:
            bw = im.convert("1")
            pages.append((bw.width, bw.height, bw.tobytes()))
    return pages


def make_scanned(stem: str, work: Path) -> Path:
    """The sample set on A4 landscape, rasterised at 300 dpi, as an image-only PDF."""
    lines = sample_lines(stem)
    # Blank lines dropped: a printed form has no empty paragraphs between lines.
    lines = [line for line in lines if line.strip()]
    typeset = work / f"{stem}.typeset.pdf"
    soffice_pdf(flat_odt(lines, font_pt=10, width_cm=29.7, height_cm=21.0, margin_cm=1.2),
                typeset, work)
    pages = rasterise(typeset, work)
    out = OUT / f"{stem}.scanned.pdf"
    out.write_bytes(image_pdf(pages, 300))
    return out


def make_ocr_page(scanned_stem: str, work: Path) -> Path:
    """The top of the first scanned page (section 1.1's fields), for live OCR tests."""
    from PIL import Image

    pdftoppm = _need("pdftoppm", "poppler-utils")
    prefix = work / "ocr_page"
    subprocess.run([pdftoppm, "-r", "300", "-mono", "-f", "1", "-l", "1",
                    str(work / f"{scanned_stem}.typeset.pdf"), str(prefix)], check=True)
    page = next(work.glob("ocr_page-*.pbm"))
    with Image.open(page) as im:
        bw = im.convert("1")
        top = bw.crop((0, 0, bw.width, bw.height * 2 // 5))
    out = OUT / "ocr_page.scanned.pdf"
    out.write_bytes(image_pdf([(top.width, top.height, top.tobytes())], 300))
    return out


def make_bad(work: Path) -> None:
    """An encrypted PDF (user password ``secret``) and a PDF with no pages."""
    qpdf = _need("qpdf", "qpdf")
    (OUT / "zero_pages.pdf").write_bytes(_pdf_file([], []))
    plain = work / "plain.pdf"
    soffice_pdf(flat_odt(["รหัสโครงการ... : 04160000-3949", "ปีงบประมาณ พ.ศ. : 2563"],
                         font_pt=12, width_cm=21.0, height_cm=29.7), plain, work)
    subprocess.run([qpdf, "--encrypt", "secret", "owner-secret", "256", "--", str(plain),
                    str(OUT / "encrypted.pdf")], check=True)


def check_lines(path: Path, stem: str) -> list[str]:
    """Lines of the sample the PDF's text does not reproduce (white space aside)."""
    sys.path.insert(0, str(ROOT / "src"))
    from bma_etl.read.pdf import extract_pdf

    def norm(line: str) -> str:
        return re.sub(r" *\t[\t ]*", "\t", re.sub(r" {2,}", " ", line)).strip(" \t")

    want = [norm(x) for x in sample_lines(stem)]
    got = [norm(x) for x in extract_pdf(path.read_bytes(), path.name, "never").text.split("\n")]
    want = [x for x in want if x]
    got = [x for x in got if x]
    if len(want) != len(got):
        return [f"{len(got)} lines in the PDF, {len(want)} in the sample"]
    return [f"sample: {w!r}\n   pdf: {g!r}" for w, g in zip(want, got, strict=True) if w != g]


def main() -> int:
    """Make every fixture; exit 1 when a text-layer PDF does not give the sample's lines."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    failed = False
    with tempfile.TemporaryDirectory(prefix="bma-etl-fixtures-") as tmp:
        work = Path(tmp)
        for stem in TEXT_LAYER:
            path = make_text_layer(stem, work)
            problems = check_lines(path, stem)
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB, "
                  f"{'lines differ' if problems else 'lines match the sample'}")
            for problem in problems[:10]:
                print("  " + problem)
            failed |= bool(problems)
        scanned = [make_scanned(stem, work) for stem in SCANNED]
        scanned.append(make_ocr_page(SCANNED[0], work))
        for path in scanned:
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
        make_bad(work)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
