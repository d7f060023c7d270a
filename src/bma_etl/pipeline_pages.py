"""Page images of one document, given as a folder or as files, joined before extraction.

Stage: ingest, between walking the input (:func:`~bma_etl.pipeline_ingest.iter_files`)
and reading it. Of each run of numbered page images (:func:`~.read.image_pages.page_runs`:
``scan_001.png`` ... ``scan_004.png`` in one folder), the first page begins a document
and each later page either continues it or begins the next one: a page that begins a
document is one whose text alone shows a layout's title or headings (:func:`~.detect.detect`
finds a layout in it and the fields that identify a project or plan: another
project's form); a page that shows none (a form's report table, a plan's budget
tables, a blank back) continues the page before. The pages of
one document become one :class:`PagesPath`, read as one input
(:func:`~.read.image_pages.pack_pages`); a run of one page stays the file it was.

Each later page is read once (by OCR, cached under its own content hash) and the
cache serves the document's reading after. What a page was found to do is kept under
its content hash too (:mod:`bma_etl.pipeline_page_starts`), so a folder ingested again
is joined without reading a page; the pages not known yet are read in the run's worker
processes (:func:`pages_in_pool`), pages of every folder at once. With ``--ocr never``
no image can be read, and none is joined.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path, PosixPath
from typing import TYPE_CHECKING

from bma_etl.errors import BmaEtlError, ReadError
from bma_etl.pipeline_page_starts import keep_start, known_start
from bma_etl.read import read_bytes
from bma_etl.read.image_pages import pack_pages, page_number, page_runs

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from bma_etl.read import SourceDocument

log = logging.getLogger("bma_etl.pipeline")


class PagesPath(PosixPath):
    """The first page image of a document read from several, with every page's file.

    It stands for the document wherever the pipeline names a file (its source path
    and file name are the first page's); :attr:`members` is every page's file, in
    page order (empty once the path has been sent to a worker process, which gets
    the packed bytes instead).
    """

    members: tuple[Path, ...] = ()


def pages_path(members: list[Path]) -> PagesPath:
    """A :class:`PagesPath` of the page image files ``members`` (in page order)."""
    path = PagesPath(members[0])
    path.members = tuple(members)
    return path


def read_input(path: Path) -> bytes:
    """The bytes of the file ``path`` (:func:`~.read.read_bytes`), or ReadError why not.

    A :class:`PagesPath`: its page images packed as one input (ReadError names the file
    that cannot be read).
    """
    if isinstance(path, PagesPath) and path.members:
        return pack_pages([(member.name, read_bytes(member)) for member in path.members])
    return read_bytes(path)


def read_file(path: Path) -> bytes | ReadError:
    """The file's bytes (:func:`read_input`), or the ReadError saying why not."""
    try:
        return read_input(path)
    except ReadError as exc:
        return exc


def begins_document(path: Path, ocr: str = "auto",
                    on_read: Callable[[SourceDocument], None] | None = None) -> bool:
    """Whether the page image ``path`` begins a document of its own (see the module).

    It does when, read alone, it loads as a document of a layout that states what
    identifies one: at least half of the layout's core fields
    (:attr:`~bma_etl.layouts.base.Layout.core`: a form's project and fiscal year, a
    plan's agency and year; :func:`~bma_etl.checks.sparse_document`). A page that
    shows no layout, or one without those (a plan's vision page, a form's report
    table), continues the page before. A page that cannot be read at all begins
    one, so that it is quarantined alone with its reason and takes no neighbour with it.

    The answer is kept under the page's content hash
    (:mod:`~bma_etl.pipeline_page_starts`) and taken from there the next time; one
    that reading failed to give (a read error, a bug) is not kept. ``on_read``: as
    :func:`~bma_etl.pipeline_file.process_file` takes it (a worker's time limit).
    """
    try:
        data = read_bytes(path)
    except ReadError:
        return True
    content = hashlib.sha256(data).hexdigest()
    known = known_start(content, path, ocr)
    if known is not None:
        return known
    begins = _reads_alone(path, data, content, ocr, on_read)
    if begins is not None:
        keep_start(content, path, ocr, begins)
        return begins
    return True


def _reads_alone(path: Path, data: bytes, content: str, ocr: str,
                 on_read: Callable[[SourceDocument], None] | None) -> bool | None:
    """:func:`begins_document` worked out; None when the page cannot be read (it begins one)."""
    from bma_etl.checks import sparse_document
    from bma_etl.layouts import BY_ID
    from bma_etl.pipeline_file import process_file

    try:
        processed = process_file(path, ocr=ocr, data=data, doc_id=content, on_read=on_read)
    except ReadError:
        return None
    except BmaEtlError:
        return False
    except Exception:  # a bug a page alone meets: its own document, quarantined with it
        log.exception("%s: reading the page image alone failed", path)
        return None
    core = BY_ID[processed.layout].core
    return not sparse_document(processed.layout, core, None, processed.tables, processed.text)


def page_known(path: Path, ocr: str) -> bool | None:
    """What the page image ``path`` was found to do before, without reading it; else None.

    None also when the file cannot be read (:func:`begins_document` says so then).
    """
    try:
        data = read_bytes(path)
    except ReadError:
        return None
    return known_start(hashlib.sha256(data).hexdigest(), path, ocr)


def begins_in_worker(path: Path, ocr: str) -> bool:
    """:func:`begins_document` in a run's worker process, under its per-file time limit."""
    from bma_etl.pipeline_worker import _start_time_limit, _stop_time_limit

    try:
        return begins_document(path, ocr, on_read=_start_time_limit)
    finally:
        _stop_time_limit()


def pages_in_pool(pool: ProcessPoolExecutor, pages: list[Path], ocr: str,
                  time_limit: float | None) -> tuple[list[bool], bool]:
    """:func:`begins_document` of each of ``pages`` in ``pool``'s workers, and whether it broke.

    The pages are read at once, as many as the pool has workers. When a worker
    process dies (a crash, or a page over ``time_limit`` seconds), the pool is broken:
    each page it had not answered is read again alone in a new process, and a page
    that ends that one too begins a document (it is quarantined alone, with the
    reason its own reading gives).
    """
    from bma_etl.pipeline_worker import _new_pool

    futures: list[Future[bool] | None] = []
    for page in pages:
        try:
            futures.append(pool.submit(begins_in_worker, page, ocr))
        except BrokenProcessPool:  # broken before: read alone below
            futures.append(None)
    out: list[bool] = []
    broken = False
    for page, future in zip(pages, futures, strict=True):
        try:
            if future is not None:
                out.append(future.result())
                continue
        except BrokenProcessPool:
            pass
        broken = True
        with _new_pool(1, time_limit) as solo:
            try:
                out.append(solo.submit(begins_in_worker, page, ocr).result())
            except BrokenProcessPool:
                log.warning("%s: the worker ended reading the page image alone", page)
                out.append(True)
    return out, broken


def page_siblings(path: Path) -> list[Path]:
    """The other numbered image files of ``path``'s folder with its stem and suffix.

    ``ingest --reextract-outdated`` walks them with a document's stored path, the
    first page's file, so that its pages are joined again. Empty for any other file.
    """
    key = page_number(path)
    if key is None:
        return []
    try:
        named = list(path.parent.iterdir())
    except OSError:
        return []
    return sorted(other for other in named if other != path and other.is_file()
                  and (number := page_number(other)) is not None and number[:2] == key[:2])


def join_page_images(paths: list[Path], ocr: str = "auto",
                     decide: Callable[[list[Path]], list[bool]] | None = None) -> list[Path]:
    """``paths`` with the page images of each document joined into one :class:`PagesPath`.

    Order: each document where its first file stood. With ``ocr == "never"``,
    ``paths`` unchanged. The later pages of every run whose answer is not kept
    (:func:`page_known`) are given to ``decide`` at once, which returns
    :func:`begins_document` of each (``ingest``: :func:`pages_in_pool`); without it
    they are read here, one after another.
    """
    if ocr == "never":
        return paths
    runs = page_runs(paths)
    later = [page for run in runs if len(run) > 1 for page in run[1:]]
    begins = {page: page_known(page, ocr) for page in later}
    unknown = [page for page, known in begins.items() if known is None]
    if unknown:
        answers = (decide(unknown) if decide is not None
                   else [begins_document(page, ocr) for page in unknown])
        begins.update(zip(unknown, answers, strict=True))
    out: list[Path] = []
    for run in runs:
        if len(run) == 1:
            out.extend(run)
            continue
        document = [run[0]]
        for page in run[1:]:
            if begins[page]:
                out.append(_one(document))
                document = []
            document.append(page)
        out.append(_one(document))
    return out


def _one(pages: list[Path]) -> Path:
    """The input of one document's pages: the file itself when there is one."""
    if len(pages) == 1:
        return pages[0]
    log.info("%s: one document of %d page images", pages[0], len(pages))
    return pages_path(pages)
