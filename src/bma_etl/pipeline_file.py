"""One file through the stages, in this process: no warehouse, no worker.

``read → repair text → detect → extract → normalize → validate → checks``

:func:`process_file` runs one document through every stage but load; only
:class:`~bma_etl.errors.BmaEtlError` escapes it. :func:`repair` is its text repair
stage (page by page, OCR word spans carried along); :class:`Processed` its result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from bma_etl import __version__
from bma_etl.checks import run_checks, sparse_document
from bma_etl.detect import Detection, detect
from bma_etl.document import Finding
from bma_etl.errors import ExtractError, UnknownLayout
from bma_etl.furniture import furniture_lines
from bma_etl.layouts.base import Layout, RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.plan_totals import drop_section_totals
from bma_etl.normalize.trust import screen as screen_ocr_values
from bma_etl.parts import read_parts
from bma_etl.read import SourceDocument, path_text, read_source
from bma_etl.records import Document, DocumentText, QualityIssue, Record
from bma_etl.textcopies import without_pasted_copies
from bma_etl.textnorm import repair_text
from bma_etl.validate import build_records

OCR_MODES = ("auto", "always", "never")
#: The pipeline modules log under one name, the one a log filter selects.
log = logging.getLogger("bma_etl.pipeline")


@dataclass(slots=True)
class Processed:
    """One document after every stage but load."""

    doc_id: str
    layout: str
    layout_score: float
    text: str
    tables: dict[str, list[Record]]
    #: How many pages OCR read and why (``OCR 1 of 2 pages: text layer damaged``), or None.
    ocr_note: str | None = None

    def rows(self, table: str) -> list[Record]:
        """The rows of one table (empty when the document fills none)."""
        return self.tables.get(table, [])


def repair(source: SourceDocument) -> RepairedText:
    """Repair the source text page by page, keeping page offsets right; find page furniture.

    A text file first loses the clusters a pdfium viewer's copy read twice
    (:func:`~bma_etl.textcopies.without_pasted_copies`, document-level).
    """
    pasted = source.media_type == "text/plain"  # a PDF's reader drops them by geometry
    if not source.page_starts:
        text = without_pasted_copies([source.text])[0] if pasted else source.text
        return RepairedText.of(repair_text(text), (), source.ocr_used,
                               source_url=source.source_url, media_type=source.media_type)
    bounds = [*source.page_starts, len(source.text) + 1]
    originals = [source.text[a:b - 1] for a, b in pairwise(bounds)]
    unread = without_pasted_copies(originals) if pasted else originals
    pages = [repair_text(page) for page in unread]
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 1
    text = "\n".join(pages)
    words, doubted, agreed = (
        (moved_words(some, source.page_starts, originals, tuple(starts), pages) if some else ())
        for some in (source.words, source.doubted, source.agreed))
    return RepairedText.of(text, tuple(starts), source.ocr_used,
                           furniture=furniture_lines(text, tuple(starts)), wraps=source.wraps,
                           words=words, spaced=source.spaced, judged=source.judged,
                           doubted=doubted, agreed=agreed, media_type=source.media_type)


def closest(detection: Detection, doc: RepairedText, forced: bool = False) -> str:
    """The layout a document was read as, and its score, for a reason that it failed.

    ``forced``: the caller named the layout. A score reached only with the signals
    matched in key form or approximately (:func:`~bma_etl.detect.detect`) says so, with
    the score as printed.
    """
    name, score = detection.layout.layout_id, detection.score
    if forced:
        return f"layout {name} (as asked; score {score:.2f})"
    printed = max(0.0, min(1.0, float(detection.layout.score(doc))))
    how = f", its signals matched approximately; {printed:.2f} as printed" \
        if score - printed >= 0.005 else ""
    return f"closest layout {name} (score {score:.2f}{how})"


def moved_words(words: tuple[tuple[int, int, float], ...], old_starts: tuple[int, ...],
                originals: list[str], new_starts: tuple[int, ...], repaired: list[str]
                ) -> tuple[tuple[int, int, float], ...]:
    """OCR word spans in the source text → the same words' spans in the repaired text.

    Repair changes a page's length (SARA AM composed, specks dropped); each page's
    characters are aligned by RapidFuzz's Levenshtein edit operations.

    >>> moved_words(((0, 6, 90.0), (7, 10, 40.0)), (0,), ["สํานัก ๑๒๓"], (0,), ["สำนัก ๑๒๓"])
    ((0, 5, 90.0), (6, 9, 40.0))
    """
    from bisect import bisect_right

    out: list[tuple[int, int, float]] = []
    maps: dict[int, list[int]] = {}
    for start, end, conf in words:
        page = bisect_right(old_starts, start) - 1
        if page not in maps:
            maps[page] = _offset_map(originals[page], repaired[page])
        where = maps[page]
        a, b = start - old_starts[page], end - old_starts[page]
        if 0 <= a < b < len(where):
            out.append((new_starts[page] + where[a], new_starts[page] + where[b], conf))
    return tuple(out)


def _offset_map(old: str, new: str) -> list[int]:
    """For each offset of ``old`` (and its end), the offset in ``new`` it became."""
    if old == new:
        return list(range(len(old) + 1))
    from rapidfuzz.distance import Levenshtein

    where = [0] * (len(old) + 1)
    for op in Levenshtein.opcodes(old, new):
        for i in range(op.src_start, op.src_end):
            where[i] = op.dest_start if op.tag == "delete" \
                else op.dest_start + (i - op.src_start)
    where[len(old)] = len(new)
    return where


def ocr_read_little(source: SourceDocument) -> str:
    """What to tell a person whose scanned document OCR read no layout in."""
    how = source.ocr_note or "OCR"
    confidence = f", mean confidence {source.ocr_confidence:.0f} of 100" \
        if source.ocr_confidence is not None else ""
    return (f"its text was read by OCR ({how}{confidence}) and shows none of the four "
            "layouts' headings: a faint, stained or folded scan may be unreadable (scan it "
            "again at 300 dpi, or check the pages are the document's)")


def process_file(path: Path, *, ocr: str = "auto", data: bytes | None = None,
                 layout: Layout | None = None,
                 on_read: Callable[[SourceDocument], None] | None = None,
                 doc_id: str | None = None) -> Processed:
    """Run one file through read → … → checks; raise BmaEtlError when it cannot be loaded.

    ``layout`` skips detection and reads the file as that layout. ``on_read`` is
    called between reading and the other stages (``ingest`` starts a time limit).
    ``doc_id``: the SHA-256 of ``data`` when the caller hashed it already (``ingest``
    does, to skip unchanged files), so that it is not hashed again.
    """
    source = read_source(path, data, ocr=ocr, doc_id=doc_id)
    if on_read is not None:
        on_read(source)
    doc = repair(source)
    try:
        detection = detect(doc) if layout is None else Detection(layout, layout.score(doc), {})
    except UnknownLayout as exc:
        if source.cut is not None:  # what it holds is too little: say why
            from bma_etl.read.html import cut_message

            raise UnknownLayout(f"{exc}; {path.name}: {cut_message(source.cut)}; save or "
                                "download it again") from exc
        if not source.ocr_used:
            raise
        raise UnknownLayout(f"{exc}; {ocr_read_little(source)}") from exc
    try:
        detection, extraction, second = read_parts(doc, detection, split=layout is None)
    except ExtractError as exc:  # stored as layout 'unknown': say which layout came closest
        pictures = "" if not source.images else (  # a table pasted as a picture: no text
            f"; the page shows {source.images} picture(s) (<img>) among its content, "
            "which hold no text to read: were its tables pasted as images? Paste them as "
            "tables (text) or send the original document")
        raise ExtractError(f"{closest(detection, doc, forced=layout is not None)} could not be "
                           f"read: {exc}{pictures}") from exc
    normalized = normalize(extraction, doc.text, doc.words,
                           doc.wraps if source.pages is not None else None,  # PDF, image
                           doc.spaced, source.ocr_used)
    if source.ocr_used:
        screen_ocr_values(normalized, doc.text, doc.doubted, doc.agreed)
        from bma_etl.normalize.ocr_junk import drop_junk_lines

        drop_junk_lines(normalized)
        from bma_etl.normalize.trust_text import drop_junk_readings

        drop_junk_readings(normalized)
        from bma_etl.normalize.trust_latin import drop_latin_misreads

        drop_latin_misreads(normalized, doc.text, doc.words)
        from bma_etl.normalize.trust_outline import drop_outline_misreads

        drop_outline_misreads(normalized, source.ocr_pages)
    if source.media_type == "text/plain":  # a PDF's text dump: glyphs its text map misnamed
        from bma_etl.normalize.trust_clusters import drop_dump_misreads

        drop_dump_misreads(normalized, doc.text)
    if source.overprinted:
        from bma_etl.normalize.trust_overprint import drop_overprinted

        drop_overprinted(normalized, doc, source.overprinted)
    if source.unread:
        from bma_etl.normalize.trust_overprint import drop_unread

        drop_unread(normalized, doc, source.unread)
    cut: str | None = None
    if source.cut is not None:
        from bma_etl.read.html import cut_message

        cut = cut_message(source.cut)
    elif source.media_type == "text/plain" and \
            detection.layout.layout_id == "web_progress_history":  # a text copy cut short
        from bma_etl.layouts.history_cut import cut_entry

        cut = cut_entry(doc.text)
    if cut is not None:
        from bma_etl.normalize.trust_cut import drop_cut_end

        drop_cut_end(normalized, doc.text, cut)
    drop_section_totals(normalized)
    tables = build_records(normalized, source.doc_id)
    read_findings = [Finding("documents", None, None, "warning", "unparsed_line", warning)
                     for warning in source.warnings]
    if second is not None and not any(code == second.code for code, _ in source.paging):
        read_findings.append(second)  # (the pages out of order, said once: the reader's note)
    if source.recoded:
        read_findings.append(Finding("documents", None, None, "warning", "thai_legacy_encoding",
                                     source.recoded))
    if source.restored:
        from bma_etl.read.ocr_lexicon import restored_message

        read_findings.append(Finding("documents", None, None, "warning", "ocr_marks_restored",
                                     restored_message(source.restored)))
    read_findings.extend(Finding("documents", None, None, "warning", code, message)
                         for code, message in source.paging)
    if source.unplaced:
        from bma_etl.read.pdf_widgets import unplaced_message

        read_findings.append(Finding("documents", None, None, "warning", "form_value_unplaced",
                                     unplaced_message(source.unplaced)))
    if source.turned:
        from bma_etl.read.ocr_orient import turned_message

        read_findings.append(Finding("documents", None, None, "warning", "ocr_page_turned",
                                     turned_message(source.turned)))
    found = detection.layout
    read_findings.extend(sparse_document(found.layout_id, found.core, found.main, tables,
                                         doc.text))
    findings = run_checks(tables, read_findings + normalized.findings)
    tables["quality_issues"] = [
        QualityIssue(doc_id=source.doc_id, ordinal=i, table_name=f.table_name,
                     row_ordinal=f.row_ordinal, field=f.field, severity=f.severity,
                     code=f.code, message=f.message)
        for i, f in enumerate(findings, start=1)
    ]
    tables["document_texts"] = [DocumentText(doc_id=source.doc_id, text=doc.text)]
    tables["documents"] = [Document(
        doc_id=source.doc_id, source_path=path_text(path), file_name=path_text(path.name),
        media_type=source.media_type, layout=detection.layout.layout_id,
        layout_score=round(detection.score, 4), pages=source.pages, ocr_used=source.ocr_used,
        ocr_confidence=source.ocr_confidence,
        status="loaded", error=None, extractor_version=__version__,
    )]
    if source.ocr_note:
        log.info("%s: %s", path_text(path), source.ocr_note)
    return Processed(source.doc_id, detection.layout.layout_id, detection.score, doc.text, tables,
                     source.ocr_note)
