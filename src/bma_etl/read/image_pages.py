"""A document photographed or scanned one page per image file, read as one document.

Stage: read. Analysts photograph a paper report page by page (``IMG_202401.jpg``,
``IMG_202402.jpg`` ...) or scan it one file a page (``scan_001.png`` ...).
:func:`page_runs` finds such runs among the files of an ``ingest``: image files of one
folder whose names are one stem, one suffix and consecutive numbers
(``IMG_2024`` + ``01``, ``02``...; compared as numbers, so ``scan_9`` comes before
``scan_10``). Which of them begin a document of their own is decided by what they
read (:mod:`bma_etl.pipeline_pages`); the pages of one document then travel as one
input, :func:`pack_pages`: a small container of the member files' names and bytes.

Its identity (:func:`pages_id`) is the SHA-256 of the members' bytes in order (their
names left out), so ingesting the folder again finds it unchanged, and renaming the
files does not make it a new document. :func:`read_image_pages` reads each member as a
single image is read (:func:`~.image.read_image`, its OCR cached under the member's
own hash) and puts their pages one after another. Raises
:class:`~bma_etl.errors.ReadError` for a container that is cut short.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from bma_etl.errors import ReadError

if TYPE_CHECKING:
    from bma_etl.read.pdf import PdfText

#: The first bytes of a run of page images packed as one input.
PAGES_MAGIC = b"BMA-ETL image pages 1\n"
#: A file name's stem: anything, then the page number (digits) at its end.
_NUMBERED = re.compile(r"^(?P<stem>.*?)(?P<number>\d+)$")


def page_number(path: Path) -> tuple[str, str, int] | None:
    """``(folder and stem, suffix, number)`` of a numbered image file's name, else None.

    >>> page_number(Path("a/IMG_202402.jpg"))
    ('a/IMG_', '.jpg', 202402)
    >>> page_number(Path("report.png")) is None
    True
    """
    from bma_etl.read.image import IMAGE_TYPES

    suffix = path.suffix.lower()
    found = _NUMBERED.match(path.stem)
    if suffix not in IMAGE_TYPES or found is None:
        return None
    # A stem ending in digits alone (20240101.jpg) numbers its pages too.
    return str(path.parent / found["stem"]), suffix, int(found["number"])


def page_runs(paths: Iterable[Path]) -> list[list[Path]]:
    """``paths`` cut into runs: each image sequence of two or more files as one run.

    A sequence is files of one folder with one stem and suffix (see
    :func:`page_number`) whose numbers follow one another (a missing number ends
    it), in number order; every other path is a run of its own. Runs come in the
    order of their first path in ``paths``.

    >>> [[p.name for p in run] for run in page_runs(
    ...     [Path("s_10.png"), Path("s_9.png"), Path("x.pdf"), Path("s_12.png")])]
    [['s_9.png', 's_10.png'], ['x.pdf'], ['s_12.png']]
    """
    paths = list(paths)
    numbered: dict[tuple[str, str], list[tuple[int, Path]]] = {}
    for path in paths:
        key = page_number(path)
        if key is not None:
            numbered.setdefault(key[:2], []).append((key[2], path))
    run_of: dict[Path, list[Path]] = {}
    for pages in numbered.values():
        pages.sort(key=lambda page: page[0])
        run: list[Path] = []
        last: int | None = None
        for number, path in pages:
            if path in run_of:  # named twice
                continue
            if last is None or number != last + 1:
                run = []
            run.append(path)
            run_of[path] = run
            last = number
    out: list[list[Path]] = []
    seen: set[int] = set()
    for path in paths:
        run = run_of.get(path, [path])
        if id(run) in seen:
            continue
        seen.add(id(run))
        out.append(run)
    out.sort(key=lambda run: min(paths.index(p) for p in run))
    return out


def pack_pages(members: list[tuple[str, bytes]]) -> bytes:
    """One input of the page images ``members`` (``(file name, bytes)``, in page order)."""
    head = json.dumps([[name, len(data)] for name, data in members], ensure_ascii=False)
    return PAGES_MAGIC + head.encode("utf-8") + b"\n" + b"".join(data for _, data in members)


def is_pages(data: bytes) -> bool:
    """Whether ``data`` is page images packed by :func:`pack_pages`."""
    return data.startswith(PAGES_MAGIC)


def unpack_pages(data: bytes) -> list[tuple[str, bytes]]:
    """The ``(file name, bytes)`` members of a :func:`pack_pages` input; ReadError if broken."""
    body = data[len(PAGES_MAGIC):]
    head, _, rest = body.partition(b"\n")
    try:
        sizes = [(str(name), int(size)) for name, size in json.loads(head.decode("utf-8"))]
    except (ValueError, TypeError) as exc:
        raise ReadError("page images packed for one document: list of files unreadable") from exc
    if sum(size for _, size in sizes) != len(rest):
        raise ReadError("page images packed for one document: cut short")
    out, at = [], 0
    for name, size in sizes:
        out.append((name, rest[at:at + size]))
        at += size
    return out


def pages_id(data: bytes) -> str:
    """The identity of packed page images: SHA-256 of the members' bytes in order, hex."""
    digest = hashlib.sha256()
    for _, member in unpack_pages(data):
        digest.update(member)
    return digest.hexdigest()


def read_image_pages(data: bytes, ocr: str = "auto") -> PdfText:
    """Every page of every member of packed page images, members in order.

    Each member is read as a single image file is (:func:`~.image.read_image`);
    ReadError names the member that cannot be read.
    """
    from bma_etl.limits import max_pages
    from bma_etl.read.image import read_image
    from bma_etl.read.pdf import PdfText

    pages: list = []
    for name, member in unpack_pages(data):
        pages.extend(read_image(member, name, ocr).pages)
        if len(pages) > max_pages():
            raise ReadError(f"{name}: the page images come to more than {max_pages()} pages "
                            "(raise BMA_ETL_MAX_PAGES)")
    return PdfText(tuple(pages))


def joined_message(names: list[str]) -> str:
    """The finding that names the files a document's pages were read from, in page order."""
    return f"one document read from {len(names)} image files, in page order: {', '.join(names)}"
