"""Read a file into a :class:`SourceDocument`: its bytes' hash and its text.

Stage: read. Dispatches on the file's suffix to :mod:`.text` (then :mod:`.text_chars`),
:mod:`.html` (a web archive, ``.mhtml``/``.mht``, through :mod:`.mhtml`; Markdown,
``.md``/``.markdown``, rendered to HTML first by :mod:`.markdown`),
:mod:`.pdf` or :mod:`.image` (a scan as a PNG, JPEG or TIFF file, read as a
scanned PDF is). Raises :class:`~bma_etl.errors.ReadError` with a reason a person can
act on (empty, binary, undecodable, encrypted...).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from bma_etl.errors import ReadError
from bma_etl.limits import max_chars
from bma_etl.read.image import IMAGE_TYPES
from bma_etl.read.image_pages import is_pages
from bma_etl.read.vet import path_text, read_vetted

if TYPE_CHECKING:
    from bma_etl.read.pdf import PdfText

__all__ = ["SUFFIXES", "SourceDocument", "doc_id_of", "is_paged", "media_type_of", "path_text",
           "read_bytes", "read_source"]

#: File suffixes ``ingest`` picks up when walking folders.
SUFFIXES: dict[str, str] = {
    ".txt": "text/plain",
    ".csv": "text/csv",  # a sheet saved as CSV: its rows read as tab text (read/text_csv.py)
    ".md": "text/markdown",  # rendered and read as a page (read/markdown.py)
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".mhtml": "text/html",  # a web archive: the HTML page inside it is read (read/mhtml.py)
    ".mht": "text/html",
    ".pdf": "application/pdf",
    **IMAGE_TYPES,
}


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A file's identity and text, before repair."""

    doc_id: str
    path: Path
    media_type: str
    text: str
    pages: int | None = None
    page_starts: tuple[int, ...] = ()
    ocr_used: bool = False
    ocr_confidence: float | None = None
    wraps: frozenset[int] = frozenset()  # 1-based lines the page wrapped onto the next
    spaced: frozenset[int] = frozenset()  # of ``wraps``, those wrapped at a space
    #: What the reader could not read right, one line each (lines that decoded in
    #: no encoding...); the document still loads.
    warnings: tuple[str, ...] = ()
    #: The address a saved web page names for itself, when it names one.
    source_url: str | None = None
    #: OCR'd words as ``(start, end, confidence)`` offsets into :attr:`text`, in order.
    words: tuple[tuple[int, int, float], ...] = ()
    #: Of ``words``, those OCR's Thai and English models read with other digits
    #: (:attr:`~.ocr_layout.OcrWord.doubted`).
    doubted: tuple[tuple[int, int, float], ...] = ()
    #: Of ``words``, those whose Thai digits the glyph reader read as Tesseract did
    #: (:attr:`~.ocr_layout.OcrWord.agreed`).
    agreed: tuple[tuple[int, int, float], ...] = ()
    #: Words OCR misread that were put back, ``"as read → restored"``, in order: from the
    #: Thai word list (:mod:`.ocr_lexicon`) or the document's own text (:mod:`.ocr_frames`).
    restored: tuple[str, ...] = ()
    #: 1-based numbers of the pages whose lines the reader measured for wraps (a PDF's
    #: text layer): on those a line not in ``wraps`` ends where its writer ended it.
    judged: frozenset[int] = frozenset()
    #: The finding for lines or pages read as TIS-620 bytes shown as Latin-1 letters
    #: and decoded as Thai (:func:`.legacy_thai.tis620_recoded`), None when none were.
    recoded: str | None = None
    #: 1-based numbers of the pages read by OCR (a PDF's or an image's); the others, a
    #: text layer's, state what their writer wrote. Empty without OCR.
    ocr_pages: frozenset[int] = frozenset()
    #: Pages whose scanned image was stored turned and read turned upright:
    #: ``(page number, degrees clockwise)`` (:mod:`.ocr_orient`).
    turned: tuple[tuple[int, int], ...] = ()
    #: Pages skipped as repeats or read in their printed order (:mod:`.page_order`):
    #: ``(code, message)``, ``page_repeated``, ``pages_reordered`` or ``pages_out_of_order``.
    paging: tuple[tuple[str, str], ...] = ()
    #: How many pages OCR read and why (:attr:`~.pdf.PdfText.ocr_note`), None without OCR.
    ocr_note: str | None = None
    #: Cells of a PDF's text layer in which two texts are printed over each other:
    #: ``(1-based line of text, the cell as read)`` (:mod:`.pdf_overprint`).
    overprinted: tuple[tuple[int, str], ...] = ()
    #: Words of a PDF's text layer that lost a Thai mark no text map nor font named
    #: (``เป็น`` read ``เปน``): ``(1-based line, the word as read)`` (:mod:`.pdf_unmapped`).
    unread: tuple[tuple[int, str], ...] = ()
    #: Filled form fields a PDF's reader left at their boxes, on no text line of the page:
    #: ``(1-based page, field as quoted)`` (:func:`.pdf_widgets.draw_form_values`).
    unplaced: tuple[tuple[int, str], ...] = ()
    #: The element a saved page cut short opens and never closes (``body``), None when
    #: the file is whole (:attr:`.html.SavedPage.cut`).
    cut: str | None = None
    #: Pictures a saved page's content shows (:attr:`.html.SavedPage.images`).
    images: int = 0
    #: For each page of :attr:`text`, in its order, the 0-based PDF page it was read
    #: from (pages skipped or reordered, a sheet of two read as two pages); None for an
    #: image file's frame. Empty for a file without pages (:mod:`bma_etl.bundles`).
    sheets: tuple[int | None, ...] = ()


def media_type_of(path: Path) -> str:
    """Media type by suffix; ReadError for a suffix the pipeline does not read."""
    try:
        return SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise ReadError(
            f"{path.name}: unsupported file type {path.suffix or '(none)'}; "
            f"expected one of {' '.join(SUFFIXES)}"
        ) from None


def is_paged(path: Path) -> bool:
    """Whether ``path`` is read page by page in the PDF worker (a PDF or an image scan)."""
    return SUFFIXES.get(path.suffix.lower(), "").startswith(("application/pdf", "image/"))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or ReadError naming why they cannot be had.

    The file is vetted first (:mod:`.vet`): a suffix the pipeline reads, a regular
    file, within its size limit; then read without blocking, under a time limit.
    """
    return read_vetted(path, media_type_of(path))


def doc_id_of(data: bytes) -> str:
    """SHA-256 of the bytes, hex: the document's identity.

    Page images packed as one document (:mod:`.image_pages`): of their bytes alone.
    """
    if is_pages(data):
        from bma_etl.read.image_pages import pages_id

        return pages_id(data)
    return hashlib.sha256(data).hexdigest()


def empty_file(path: Path, data: bytes) -> ReadError | None:
    """The ReadError of a file with no content (no bytes, or white space only), else None.

    Such files all look alike (an empty file's hash is the same whatever its name),
    so a run quarantines each under its own path rather than by content.
    """
    if data[:1].strip() or data[-1:].strip():
        return None  # the cheap test first: text at either end (no copy of the file)
    return None if data.strip() else ReadError(f"{path.name}: file is empty")


def read_source(path: Path, data: bytes | None = None, ocr: str = "auto",
                doc_id: str | None = None) -> SourceDocument:
    """Read ``path`` (or its already-read ``data``) into a SourceDocument.

    ``doc_id``: :func:`doc_id_of` ``data``, when the caller has it already (a run
    hashes every file it finds); it is not checked, and ignored without ``data``.

    Raises ReadError for a file that cannot be read, for text over the character
    limit (:func:`~bma_etl.limits.max_chars`), and for Thai whose UTF-8 bytes were
    printed or saved as Latin-1 letters (:func:`utf8_shown_as_latin1`).
    """
    source = _legacy_thai(_read_source(path, data, ocr, doc_id))
    if len(source.text) > max_chars():
        raise ReadError(f"{path.name}: {len(source.text):,} characters of text, over the limit "
                        f"of {max_chars():,} for one file (raise BMA_ETL_MAX_CHARS)")
    if utf8_shown_as_latin1(source.text):
        raise ReadError(f"{path.name}: its Thai is UTF-8 bytes shown as Latin-1 letters "
                        "(\u00e0\u00b8\u2026): the program that printed or saved it had no "
                        "Thai (enscript, a plain-text printer); print or save the document "
                        "again in UTF-8 with a Thai font")
    return source


#: The Latin-1 letters of a Thai character's first two UTF-8 bytes (E0 B8, E0 B9).
_THAI_UTF8_AS_LATIN1 = re.compile("\u00e0[\u00b8\u00b9]")
#: Least number of them in a document so shown.
MIN_SHOWN_AS_LATIN1 = 20


def utf8_shown_as_latin1(text: str) -> bool:
    """Whether ``text``'s Thai stands as the Latin-1 letters of its UTF-8 bytes.

    ``ค`` (E0 B8 84) shown as U+00E0 U+00B8 and a sign or an escape for 0x84. At least
    :data:`MIN_SHOWN_AS_LATIN1` such pairs, and more of them than Thai letters.
    """
    shown = len(_THAI_UTF8_AS_LATIN1.findall(text))
    return shown >= MIN_SHOWN_AS_LATIN1 and shown > sum(
        "\u0e01" <= ch <= "\u0e5b" for ch in text)


def _legacy_thai(source: SourceDocument) -> SourceDocument:
    """``source`` with Thai in old font encodings made standard (:mod:`.legacy_thai`).

    One character for one: page starts and word offsets stay valid.
    """
    from bma_etl.read.legacy_thai import (
        may_be_legacy,
        pua_to_thai,
        recoded_message,
        tis620_recoded,
    )

    if not may_be_legacy(source.text):
        return source
    text, recoded = tis620_recoded(pua_to_thai(source.text))
    if text == source.text:
        return source
    return replace(source, text=text, recoded=source.recoded or (
        recoded_message(recoded) if recoded else None))


def _read_source(path: Path, data: bytes | None, ocr: str, doc_id: str | None) -> SourceDocument:
    media_type = media_type_of(path)
    if data is None:
        data, doc_id = read_bytes(path), None
    if doc_id is None:
        doc_id = doc_id_of(data)
    if (empty := empty_file(path, data)) is not None:
        raise empty
    if media_type == "text/markdown":
        from bma_etl.read.markdown import has_markdown, markdown_text
        from bma_etl.read.text import read_text

        decoded = read_text(data, path.name)
        if has_markdown(decoded.text):
            return SourceDocument(doc_id, path, media_type,
                                  markdown_text(decoded.text, path.name),
                                  warnings=decoded.warnings)
        media_type = "text/plain"  # no Markdown in it: a text report saved as .md
    if media_type in ("text/plain", "text/csv"):
        return _read_text(path, data, doc_id)
    if media_type == "text/html":
        from bma_etl.read.html import read_html
        from bma_etl.read.mhtml import is_mhtml, page_in_archive

        archive = page_in_archive(data, path.name) if is_mhtml(data) else None
        page = read_html(archive.html, path.name, archive.charset) if archive \
            else read_html(data, path.name)
        return SourceDocument(doc_id, path, media_type, page.text, warnings=page.warnings,
                              source_url=page.url or (archive.url if archive else None),
                              cut=page.cut, images=page.images)
    from bma_etl.read.ocr_page_rows import rows_across_pages
    from bma_etl.read.page_order import in_order
    from bma_etl.read.pdf import PdfText, extract_pdf

    joined: tuple[tuple[str, str], ...] = ()
    if media_type in IMAGE_TYPES.values() and is_pages(data):  # one page per image file
        from bma_etl.read.image_pages import joined_message, read_image_pages, unpack_pages

        pdf = read_image_pages(data, ocr=ocr)
        joined = (("image_pages_joined",
                   joined_message([name for name, _ in unpack_pages(data)])),)
    elif media_type in IMAGE_TYPES.values():
        from bma_etl.read.image import read_image

        pdf = read_image(data, path.name, ocr=ocr, content=doc_id)
    else:
        pdf = extract_pdf(data, path.name, ocr=ocr)
    turned, count = pdf.turned, len(pdf.pages)  # the file's page numbers, its pages
    poor = [(n, p.unreadable) for n, p in enumerate(pdf.pages, start=1) if p.unreadable]
    pages, paging = in_order(list(pdf.pages))
    paging = (*joined, *paging)
    rowed = rows_across_pages(pages)  # an OCR'd table row a page break cut: one row again
    pdf, restored = _with_marks_restored(
        PdfText(tuple(rowed)) if paging or rowed != pages else pdf)
    if poor:
        from bma_etl.read.ocr_bleed import unreadable_message

        paging = (*paging, ("ocr_page_unreadable", unreadable_message(poor)))
    words = tuple((start + w.start, start + w.end, w.conf)
                  for page, start in zip(pdf.pages, pdf.page_starts, strict=True)
                  for w in page.words)
    doubted, agreed = (tuple(
        (start + w.start, start + w.end, w.conf)
        for page, start in zip(pdf.pages, pdf.page_starts, strict=True)
        for w in page.words if getattr(w, mark)) for mark in ("doubted", "agreed"))
    from bma_etl.read.legacy_thai import recoded_message
    from bma_etl.read.pdf_overprint import UNREAD, overprinted_lines

    recoded = sum(page.recoded for page in pdf.pages)
    doubted_cells = overprinted_lines(pdf.pages)
    return SourceDocument(doc_id, path, media_type, pdf.text, count, pdf.page_starts,
                          pdf.ocr_used, pdf.ocr_confidence, pdf.wraps, words=words, doubted=doubted,
                          agreed=agreed,
                          spaced=pdf.spaced, restored=restored, judged=pdf.judged,
                          ocr_pages=frozenset(n for n, p in enumerate(pdf.pages, 1) if p.ocr),
                          recoded=recoded_message(recoded, "page") if recoded else None,
                          turned=turned, paging=paging, ocr_note=pdf.ocr_note,
                          sheets=tuple(page.sheet for page in pdf.pages),
                          overprinted=tuple(c for c in doubted_cells
                                            if not c[1].startswith(UNREAD)),
                          unread=tuple((n, c.removeprefix(UNREAD)) for n, c in doubted_cells
                                       if c.startswith(UNREAD)),
                          unplaced=tuple((k, field) for k, page in enumerate(pdf.pages, start=1)
                                         for field in page.unplaced))


def _with_marks_restored(pdf: PdfText) -> tuple[PdfText, tuple[str, ...]]:
    """``pdf`` with the marks OCR lost put back on its OCR'd pages (:mod:`.ocr_lexicon`).

    Returns the pages, and each word put back as ``"as read → restored"``; a page
    read from its text layer is never changed.
    """
    if not pdf.ocr_used:
        return pdf, ()
    from bma_etl.read.ocr_lexicon import restored
    from bma_etl.read.pdf import PdfText

    pages = []
    done: list[str] = []
    for page in pdf.pages:
        if page.ocr:
            text, words, changes = restored(page.text, page.words)
            page = replace(page, text=text, words=words)
            done.extend(f"{c.read} → {c.word}" for c in changes)
        pages.append(page)
    # marks lost in a phrase the document writes again and a letter read for a
    # look-alike there (:mod:`.ocr_repeats`), then
    # Latin letters read for a Thai word the document writes elsewhere between the
    # same neighbours (:mod:`.ocr_frames`), then a ``ๆ`` read for the ``ฯ`` the document
    # cuts the same word short with (:mod:`.ocr_paiyannoi`): every OCR'd page is the evidence
    from bma_etl.read.ocr_edits import rewritten
    from bma_etl.read.ocr_frames import filled
    from bma_etl.read.ocr_paiyannoi import paiyannoi_put_back
    from bma_etl.read.ocr_repeats import echoed, swapped

    read = [k for k, page in enumerate(pages) if page.ocr]
    for rewrite in (echoed, swapped, filled, paiyannoi_put_back):
        for k, edits in zip(read, rewrite([pages[k].text for k in read]), strict=True):
            if edits:
                text, words, changes = rewritten(pages[k].text, pages[k].words, edits)
                pages[k] = replace(pages[k], text=text, words=words)
                done.extend(f"{c.read} → {c.word}" for c in changes)
    return PdfText(tuple(pages)), tuple(done)


def _same_lines(before: str, after: str, starts: tuple[int, ...]) -> tuple[int, ...]:
    """``starts`` (offsets into ``before``) moved into ``after``, which has the same lines."""
    if not starts:
        return starts
    from bma_etl.provenance import LineIndex

    old, new = LineIndex(before), LineIndex(after)
    return tuple(new.line_start(old.line_of(at)) for at in starts)


def _read_text(path: Path, data: bytes, doc_id: str) -> SourceDocument:
    """A text file's SourceDocument: decoded, its dump and sheet shapes mended."""
    from bma_etl.read.text import read_text
    from bma_etl.read.text_chars import paged_text
    from bma_etl.read.text_chat import unchatted
    from bma_etl.read.text_dumps import rejoined_marks, undoubled_sara_am
    from bma_etl.read.text_layout import laid_out_tables
    from bma_etl.read.text_quoted import unquoted_cells
    from bma_etl.read.text_replies import unquoted_reply
    from bma_etl.read.text_stacked import restacked_cells
    from bma_etl.read.text_twice import without_copies

    decoded = read_text(data, path.name)
    from bma_etl.read.text_csv import csv_as_tabs, is_csv_text

    if path.suffix.lower() == ".csv" or is_csv_text(decoded.text):  # a sheet's rows: tab cells
        decoded = replace(decoded, text=csv_as_tabs(decoded.text, path.name))
    # other line ends, NBSP, fullwidth forms, &nbsp;; a form feed ends a page
    # a PDF library's dump: marks it moved to the next line put back (no page
    # crossed), SARA AMs it wrote doubled read once
    text, starts = paged_text(undoubled_sara_am(rejoined_marks(decoded.text)))
    quoted = unquoted_reply(text)  # an e-mail reply quoting the document with '> '
    if quoted is not None:  # line for line: a page begins on the same line
        starts = _same_lines(text, quoted, starts)
        text = quoted
    read = text
    text = unquoted_cells(text) or text  # a sheet's quoted cells
    text = unchatted(text) or text  # a chat's messages without their times and senders
    text = restacked_cells(text) or text  # a Word table saved a cell a line
    # pdftotext -layout's tables: cells side by side, read back into rows
    text = laid_out_tables(text, starts) or text
    if text is not read:  # cells rebuilt: the pages' offsets are gone
        starts = ()
    text, repeat = without_copies(text)  # the page pasted again after itself: read once
    return SourceDocument(doc_id, path, "text/plain", text,
                          page_starts=tuple(at for at in starts if at < len(text)),
                          warnings=decoded.warnings, paging=(repeat,) if repeat else ())
