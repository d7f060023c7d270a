"""Read a PDF's text layer page by page with pypdfium2.

Stage: read. Produces the text of every page (pages joined by a newline) and
the offset each page starts at, so provenance can name the page.
Scanned pages (no text layer) need OCR, which this version does not do yet:
such a PDF is refused with a reason rather than loaded empty.
"""

from __future__ import annotations

from bma_etl.errors import ReadError

#: Fewer characters than this on every page means there is no usable text layer.
MIN_CHARS_PER_PAGE = 20


def read_pdf(data: bytes, name: str = "file.pdf", ocr: str = "auto"
             ) -> tuple[str, tuple[int, ...], bool]:
    """Return ``(text, page_starts, ocr_used)`` for the PDF bytes."""
    import pypdfium2 as pdfium

    if not data.startswith(b"%PDF"):
        raise ReadError(f"{name}: not a PDF (no %PDF header); check the file type")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise ReadError(f"{name}: PDF is encrypted; supply an unencrypted copy") from exc
        raise ReadError(f"{name}: PDF cannot be opened ({message}); it may be truncated") from exc
    try:
        if len(pdf) == 0:
            raise ReadError(f"{name}: PDF has no pages")
        pages: list[str] = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if ocr == "always" or all(len(p.strip()) < MIN_CHARS_PER_PAGE for p in pages):
        raise ReadError(
            f"{name}: PDF has no usable text layer (scanned?) and OCR is not available in "
            "this version; convert it to text first"
        )
    starts: list[int] = []
    offset = 0
    for page_text in pages:
        starts.append(offset)
        offset += len(page_text) + 1
    return "\n".join(pages), tuple(starts), False
