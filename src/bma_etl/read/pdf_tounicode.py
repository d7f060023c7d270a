"""Which glyph of an embedded font the PDF's own text map names for each Thai mark.

Stage: read (runs in the PDF worker process; a helper of :mod:`.pdf_unmapped`).
A shaping producer maps each glyph it drew for a character to that character
in the font's ``ToUnicode`` CMap, and a form of a mark it moved (a tone mark set
lower over no vowel, narrower beside a tall letter) to nothing, so pdfium
reports that glyph's code as if it were text (``ที่`` read ``ที-``: PyMuPDF's
``insert_htmlbox``; ``ที`` and code 24: Qt's ``QPdfWriter``). Qt's subset font
programs have no ``cmap`` of their own to say which glyph is which mark; the text
map does, for every mark the document also draws in its own form. This module
reads those entries, so :mod:`.pdf_unmapped` can match the moved form's outline
against the mark's own.

pdfium gives no access to a font's dictionaries, so the PDF is parsed once
more, with pdfminer.six, and only for a document one of whose pages has such a
glyph in a font whose program names no Thai mark.
"""

from __future__ import annotations

import hashlib
import io
import logging
import weakref
from typing import Any

log = logging.getLogger(__name__)

#: The bytes each open document was read from (:func:`.pdf_open.open_pdf` records them).
_SOURCES: weakref.WeakKeyDictionary[Any, bytes] = weakref.WeakKeyDictionary()
#: Each document's named marks, once read (:func:`named_marks`).
_READ: weakref.WeakKeyDictionary[Any, dict[str, dict[str, int]]] = weakref.WeakKeyDictionary()
#: The Thai marks (above and below a letter) a text map is read for.
MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
                  "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")


def remember(document: Any, data: bytes) -> None:
    """Record that ``document`` (a pypdfium2 ``PdfDocument``) was opened from ``data``."""
    try:
        _SOURCES[document] = data
    except TypeError:  # an object that takes no weak reference: its marks stay unread
        pass


def source_of(document: Any) -> bytes | None:
    """The bytes ``document`` was opened from, if :func:`remember` recorded them."""
    try:
        return _SOURCES.get(document) if document is not None else None
    except TypeError:  # an object that takes no weak reference
        return None


def program_key(data: bytes) -> str:
    """The key a font program is known by: a digest of its bytes."""
    return hashlib.sha1(data).hexdigest()


def named_marks(document: Any) -> dict[str, dict[str, int]]:
    """For each embedded font program of ``document``, its glyph codes the text map names marks.

    Returns ``{program_key(font program): {mark: character code}}`` for the
    ``Type0`` fonts (two-byte codes, CID = glyph under ``/Identity``) whose
    ``ToUnicode`` maps a code to one Thai mark alone. Empty for a document not
    recorded by :func:`remember`, or one pdfminer cannot parse (logged at debug).
    """
    if document in _READ:
        return _READ[document]
    data = _SOURCES.get(document)
    found: dict[str, dict[str, int]] = {}
    if data is not None:
        try:
            found = _read_maps(data)
        except Exception as exc:  # pdfminer raises many kinds on a damaged file
            log.debug("text maps not read: %s", exc)
    _READ[document] = found
    return found


def _read_maps(data: bytes) -> dict[str, dict[str, int]]:
    """:func:`named_marks` of the PDF ``data``."""
    from pdfminer.cmapdb import CMapParser, FileUnicodeMap
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import LIT

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    found: dict[str, dict[str, int]] = {}
    seen: set[int] = set()
    for xref in document.xrefs:
        for objid in xref.get_objids():
            if objid in seen:
                continue
            seen.add(objid)
            try:
                font = document.getobj(objid)
            except Exception:  # a damaged object: skip it
                continue
            if not isinstance(font, dict) or font.get("Subtype") is not LIT("Type0") \
                    or "ToUnicode" not in font:
                continue
            descendant = resolve1(resolve1(font.get("DescendantFonts")) or [None])[0]
            descendant = resolve1(descendant)
            if not isinstance(descendant, dict):
                continue
            gid_map = resolve1(descendant.get("CIDToGIDMap"))
            if gid_map is not None and gid_map is not LIT("Identity"):
                continue  # codes are not glyph numbers: a match could name another glyph
            descriptor = resolve1(descendant.get("FontDescriptor")) or {}
            program = next((resolve1(descriptor[k]) for k in ("FontFile2", "FontFile3")
                            if k in descriptor), None)
            text_map = resolve1(font["ToUnicode"])
            if program is None or not hasattr(text_map, "get_data"):
                continue
            unicode_map = FileUnicodeMap()
            CMapParser(unicode_map, io.BytesIO(text_map.get_data())).run()
            marks: dict[str, int] = {}
            for code, text in sorted(unicode_map.cid2unichr.items()):
                if text in MARKS:
                    marks.setdefault(text, code)
            for code, text in sorted(unicode_map.cid2unichr.items()):
                if text == "\u0e33":  # a SARA AM's ring named by its cluster (Ghostscript)
                    marks.setdefault("\u0e4d", code)
            if marks:
                found.setdefault(program_key(program.get_data()), marks)
    return found
