"""A file holding several documents (a scanner's batch, merged prints): one file for each.

Stage: detect, then write; no warehouse. A document is a file's bytes (``doc_id``
is their SHA-256), so the second report in a PDF is only named in a
``second_document`` finding (:mod:`bma_etl.parts`). :func:`split_file` reads the
file as ``ingest`` does (OCR'd pages too), finds its documents with the same
finding of later documents (:func:`~bma_etl.parts.find_parts`, a text's sections
from :func:`~bma_etl.parts_text.title_sections`), and writes each as a file of its
own, ``<stem>.part1.pdf``, ``<stem>.part2.pdf``...: a PDF's pages copied with pypdf
(the pages of the file each document's text was read from), a text or web page's
lines as UTF-8 text (``.txt``: the lines as read, a web page's markup left behind).
Each part then has bytes, and a ``doc_id``, of its own.

When the first part alone reads as no document (its head further on, a cover), the
parts naming the project the whole file reads as go with it, as
:func:`~bma_etl.parts.read_parts` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bma_etl.detect import Detection, detect
from bma_etl.document import RepairedText
from bma_etl.errors import BmaEtlError, ReadError
from bma_etl.parts import Part, find_parts, first_part, first_section
from bma_etl.parts_names import naming, part_naming, same_project
from bma_etl.parts_text import title_sections

__all__ = ["Piece", "Split", "documents_in", "split_file"]


@dataclass(frozen=True, slots=True)
class Piece:
    """One document of a file: its layout id and its 1-based pages in reading order.

    Pages are those of the text the file was read into: a PDF's pages as read (a
    sheet of two read as two, a repeated scan left out), a text's sections.
    """

    layout: str
    pages: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Written:
    """A part written: its path, layout id and where in the file it came from."""

    path: Path
    layout: str
    #: ``pages 3-4``, ``page 5`` (a PDF's pages, 1-based, as in the file) or ``lines 81-160``.
    where: str


@dataclass(frozen=True, slots=True)
class Split:
    """What :func:`split_file` found in a file and wrote; ``written`` empty for one document."""

    path: Path
    layout: str  # the file's first document's layout id
    documents: int
    written: tuple[Written, ...]


def _sectioned(doc: RepairedText) -> RepairedText:
    """``doc``, a text without pages cut into its sections (as pages) when it has some."""
    if doc.index.page_starts:
        return doc
    sections = title_sections(doc)
    return RepairedText.of(doc.text, sections) if sections else doc


def documents_in(doc: RepairedText, detection: Detection) -> tuple[RepairedText, list[Piece]]:
    """The documents ``doc`` holds, as the ``second_document`` finding tells them apart.

    Returns the paged text (``doc``, or a text file cut into sections) and one
    :class:`Piece` per document, the first first. Raises what detecting or
    extracting the whole text raises when its first part alone is no document.
    """
    paged = _sectioned(doc)
    parts = find_parts(paged, detection.layout.layout_id)
    if len(parts) < 2:
        count = max(1, len(paged.index.page_starts))
        return paged, [Piece(detection.layout.layout_id, tuple(range(1, count + 1)))]
    read = first_part(doc, parts[0]) if paged is doc else first_section(doc, paged, parts[0])
    try:
        alone = detect(read).layout
        alone.extract(read)
        groups: list[tuple[str, list[Part]]] = [(alone.layout_id, [parts[0]])]
        groups += [(p.layout, [p]) for p in parts[1:]]
    except BmaEtlError:  # the first part alone is no document: it goes with its head
        project = naming(detection.layout.extract(doc).rows)
        same = [p for p in parts[1:] if same_project(
            part_naming(paged, p.first_page, p.last_page, p.layout), project)]
        groups = [(detection.layout.layout_id, [parts[0], *same])]
        groups += [(p.layout, [p]) for p in parts[1:] if p not in same]
    return paged, [Piece(layout, tuple(page for p in group
                                       for page in range(p.first_page, p.last_page + 1)))
                   for layout, group in groups]


def _ranges(numbers: list[int]) -> str:
    """Numbers in order as runs.

    >>> _ranges([1, 2, 3, 5])
    '1-3, 5'
    """
    out: list[str] = []
    for n in numbers:
        if out and out[-1].split("-")[-1] == str(n - 1):
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


def _text_of(paged: RepairedText, piece: Piece) -> tuple[str, str]:
    """The lines of ``piece``'s sections of an unpaged text, and ``lines a-b`` for them."""
    starts = [*paged.index.page_starts, len(paged.text) + 1]
    spans = [(0 if page == 1 else starts[page - 1], starts[page] - 1) for page in piece.pages]
    lines = [n for a, b in spans
             for n in range(paged.text.count("\n", 0, a) + 1, paged.text.count("\n", 0, b) + 2)]
    return "\n".join(paged.text[a:b] for a, b in spans) + "\n", f"lines {_ranges(lines)}"


def _pdf_pages(sheets: tuple[int | None, ...], piece: Piece, name: str) -> list[int]:
    """The 0-based PDF pages ``piece``'s pages were read from, each once, in reading order."""
    out: list[int] = []
    for page in piece.pages:
        sheet = sheets[page - 1] if page <= len(sheets) else None
        if sheet is None:
            raise ReadError(f"{name}: its pages are no PDF's (image frames): split only a PDF, "
                            "a text or a web page")
        if sheet not in out:
            out.append(sheet)
    return out


def split_file(path: Path, out: Path, *, ocr: str = "auto", force: bool = False) -> Split:
    """Write each document ``path`` holds as its own file in ``out``; none for one document.

    Parts are named ``<stem>.partN.pdf`` for a PDF and ``<stem>.partN.txt`` for a text
    or web page, N from 1 in the file's order. Raises ReadError or UnknownLayout
    (a :class:`~bma_etl.errors.BmaEtlError`) for a file ``ingest`` would quarantine,
    ReadError for an image file, and FileExistsError when a part's file exists and
    ``force`` is false (nothing of this file is written then).
    """
    from bma_etl.pipeline_file import repair
    from bma_etl.read import read_source

    source = read_source(path, ocr=ocr)
    doc = repair(source)
    detection = detect(doc)
    paged, pieces = documents_in(doc, detection)
    if len(pieces) < 2:
        return Split(path, detection.layout.layout_id, 1, ())
    pdf = bool(source.page_starts)
    targets = [out / f"{path.stem}.part{n}{'.pdf' if pdf else '.txt'}"
               for n in range(1, len(pieces) + 1)]
    if not force and (there := [str(t) for t in targets if t.exists()]):
        raise FileExistsError(f"{', '.join(there)} exist already (--force writes over them)")
    written: list[Written] = []
    if pdf:
        from pypdf import PdfReader, PdfWriter

        reader = PdfReader(path)
        chosen = [_pdf_pages(source.sheets, piece, path.name) for piece in pieces]
        out.mkdir(parents=True, exist_ok=True)
        for target, piece, sheets in zip(targets, pieces, chosen, strict=True):
            writer = PdfWriter()
            writer.append(reader, pages=sheets)
            with target.open("wb") as stream:
                writer.write(stream)
            pages = _ranges([sheet + 1 for sheet in sheets])
            written.append(Written(target, piece.layout,
                                   f"page{'s' * (len(sheets) > 1)} {pages}"))
    else:
        out.mkdir(parents=True, exist_ok=True)
        for target, piece in zip(targets, pieces, strict=True):
            text, where = _text_of(paged, piece)
            target.write_text(text, encoding="utf-8")
            written.append(Written(target, piece.layout, where))
    return Split(path, pieces[0].layout, len(pieces), tuple(written))
