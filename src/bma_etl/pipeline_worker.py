"""The worker side of a run: files extracted in chunks, in worker processes or not.

:func:`_work` extracts a chunk of files (:func:`~bma_etl.pipeline_file.process_file`)
and sends back each file's result and the loaded files' rows as Arrow tables;
:func:`_one_by_one` retries a chunk whose worker died, a file to a process, to find
the one to quarantine. Also here: the per-file time limit of worker processes
(:func:`default_file_time_limit`), the pool and the garbage collector's settings
for a run.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from bma_etl.children import die_with_parent
from bma_etl.errors import BmaEtlError
from bma_etl.limits import seconds_from_env
from bma_etl.pipeline_file import process_file
from bma_etl.read import SourceDocument
from bma_etl.records import Record

if TYPE_CHECKING:
    from bma_etl.load import ArrowTables

#: The pipeline modules log under one name, the one a log filter selects.
log = logging.getLogger("bma_etl.pipeline")

#: A file handed to a worker: its path, its bytes, the OCR mode and the bytes' content
#: hash (``doc_id``, worked out by the run: the worker does not hash the bytes again).
WorkItem = tuple[Path, bytes, str, str]
#: Per file: the layout read or ``None``, the quarantine reason or ``None``, seconds, and
#: how many pages OCR read and why (:attr:`~bma_etl.pipeline_file.Processed.ocr_note`).
FileResult = tuple[str | None, str | None, float, str | None]
#: What a worker sends back for a chunk of files: one result per file, in order, and
#: the rows of every file that loaded as Arrow tables (compact to send and to hold).
ChunkResult = tuple[list[FileResult], "ArrowTables"]

#: Files a worker extracts per task: enough to make Arrow conversion and sending
#: cheap per file, few enough to keep both workers busy to the end of a batch.
CHUNK_SIZE = 32
#: Chunks a worker gets at least when a batch is small (see :meth:`_Batch.start`).
CHUNKS_PER_WORKER = 4


def chunk_sizes(files: int, workers: int) -> list[int]:
    """Chunk sizes for ``files`` files over ``workers`` processes.

    Each chunk is the files left over ``workers`` times :data:`CHUNKS_PER_WORKER`, at most
    :data:`CHUNK_SIZE` and at least :data:`MIN_CHUNK`: sizes shrink towards the end
    of the batch, so that no worker idles long while the other still reads a big
    last chunk (about 3 ms of a worker's CPU a chunk: sending, Arrow tables).

    >>> chunk_sizes(54, 2)
    [7, 6, 6, 5, 4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2]
    """
    sizes: list[int] = []
    left = files
    while left > 0:
        size = min(left, CHUNK_SIZE, max(MIN_CHUNK, -(-left // (workers * CHUNKS_PER_WORKER))))
        sizes.append(size)
        left -= size
    return sizes


#: Smallest chunk sent to a worker (see :func:`chunk_sizes`).
MIN_CHUNK = 2


def in_process_chunks(items: list[WorkItem]) -> list[list[WorkItem]]:
    """``items`` in chunks for extraction in this process, in their order.

    Text and web pages go :data:`CHUNK_SIZE` to a chunk. A PDF or an image file
    (milliseconds, or minutes of OCR) is a chunk of its own: a run loads what has
    come back every :data:`~bma_etl.pipeline_batch.LOAD_EVERY` seconds, chunk by
    chunk, and while such a chunk takes longer than :data:`~bma_etl.pipeline_batch.LOAD_SOON`
    (:func:`meanwhile`), so one worker reports and keeps the files done before a slow
    scan, as worker processes do, and a run killed mid-batch loses only the file it
    was on.
    """
    from bma_etl.read import is_paged

    chunks: list[list[WorkItem]] = []
    text: list[WorkItem] = []
    for item in items:
        if is_paged(item[0]):
            if text:
                chunks.append(text)
                text = []
            chunks.append([item])
            continue
        text.append(item)
        if len(text) == CHUNK_SIZE:
            chunks.append(text)
            text = []
    if text:
        chunks.append(text)
    return chunks


@contextlib.contextmanager
def meanwhile(delay: float, job: Callable[[], None] | None) -> Iterator[None]:
    """Call ``job`` in a thread if the body still runs ``delay`` seconds after it began.

    The body runs in this thread. When it ends (or fails), ``job`` is cancelled if it
    has not begun, or waited for if it has, so that the two never overlap after the
    body; an error ``job`` raised is raised here.
    """
    if job is None:
        yield
        return
    failed: list[BaseException] = []

    def run() -> None:
        try:
            job()
        except BaseException as exc:  # raised in the body's thread, after it
            failed.append(exc)

    timer = threading.Timer(delay, run)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        timer.join()
    if failed:
        raise failed[0]


def _work(items: list[WorkItem]) -> ChunkResult:
    import pyarrow as pa

    from bma_etl.load import to_arrow
    from bma_etl.search import index_tables

    results: list[FileResult] = []
    loaded: list[dict[str, list[Record]]] = []
    for path, data, ocr, doc_id in items:
        began = time.perf_counter()
        try:
            try:
                processed = process_file(path, ocr=ocr, data=data, on_read=_start_time_limit,
                                         doc_id=doc_id)
            finally:
                _stop_time_limit()
            loaded.append(processed.tables)
            results.append((processed.layout, None, time.perf_counter() - began,
                            processed.ocr_note))
        except BmaEtlError as exc:
            results.append((None, exc.reason(), time.perf_counter() - began, None))
        except Exception as exc:  # a bug in one extractor must not stop the batch
            log.exception("unexpected error on %s", path)
            results.append((None, f"internal: {type(exc).__name__}: {exc} (please report)",
                            time.perf_counter() - began, None))
    try:
        return results, to_arrow(loaded) | index_tables(loaded)
    except (pa.ArrowException, TypeError, ValueError):
        return _convert_one_by_one(results, loaded)


def _convert_one_by_one(results: list[FileResult], loaded: list[dict[str, list[Record]]]
                        ) -> ChunkResult:
    # Some value does not fit its column's type: find the files and quarantine them.
    import pyarrow as pa

    from bma_etl.load import concat_pieces, to_arrow
    from bma_etl.search import index_tables

    pieces: list[ArrowTables] = []
    tables = iter(loaded)
    for i, (layout, _, seconds, _) in enumerate(results):
        if layout is None:
            continue
        try:
            one = next(tables)
            pieces.append(to_arrow([one]) | index_tables([one]))
        except (pa.ArrowException, TypeError, ValueError) as exc:
            results[i] = (None, f"a value does not fit the warehouse column type: {exc}",
                          seconds, None)
    return results, concat_pieces(pieces)


#: Seconds the stages after reading may take on one file in a worker process
#: (``ingest(file_time_limit=...)``, else ``BMA_ETL_FILE_TIMEOUT``). Reading has its own
#: limits (PDF parsing, OCR per page); a text file takes milliseconds.
DEFAULT_FILE_TIME_LIMIT = 120.0

# Set in worker processes only: a limit there ends the worker, never the run.
_file_time_limit: float | None = None


def default_file_time_limit() -> float:
    """``BMA_ETL_FILE_TIMEOUT`` or :data:`DEFAULT_FILE_TIME_LIMIT`."""
    return seconds_from_env("BMA_ETL_FILE_TIMEOUT", DEFAULT_FILE_TIME_LIMIT)


def _start_time_limit(_: SourceDocument) -> None:
    # SIGALRM with its default action ends the process from the kernel, so it stops
    # even a regex that holds the interpreter (no Python handler could run then).
    if _file_time_limit is not None:
        signal.setitimer(signal.ITIMER_REAL, _file_time_limit)


def _stop_time_limit() -> None:
    if _file_time_limit is not None:
        signal.setitimer(signal.ITIMER_REAL, 0)


#: Collections between cyclic garbage collections while a run goes (Python's default
#: is 700). Extraction makes many short-lived objects and almost no cycles, so the
#: default collector spends about a tenth of the extraction time finding nothing.
GC_THRESHOLD = 20_000


def _init_worker(time_limit: float | None = None, read_here: bool = False) -> None:
    global _file_time_limit
    die_with_parent()
    if read_here:
        from bma_etl.read.pdf_worker import read_here as pdfs_here

        pdfs_here()
    # Objects made at import (regexes, models, tables) never die: keep them out of
    # every collection.
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, 20, 100)
    if time_limit:
        _file_time_limit = time_limit
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def _new_pool(workers: int, time_limit: float | None, *, pdfs: bool = True,
              read_here: bool = False) -> ProcessPoolExecutor:
    # ``read_here``: the workers read PDFs themselves (:func:`~bma_etl.read.pdf_worker.
    # read_here`), not through a PDF worker process of their own; a PDF that crashes
    # or hangs pdfium ends its pool worker, and :func:`_one_by_one` then reads the
    # chunk's files through PDF worker processes, which give that file its reason.
    # The word splitter's dictionary (search index) takes about 0.35 s to build:
    # build it once here, so forked workers start with it.
    from bma_etl.search import terms

    terms("ก")
    # The fuzzy matching the layouts import where they use it, likewise (8 ms a worker).
    import rapidfuzz.distance
    import rapidfuzz.fuzz  # noqa: F401

    if pdfs:
        # The PDF reader's modules (numpy among them, about 0.3 s of CPU), likewise:
        # imported here once, not by each worker at its first PDF; pypdfium2 too,
        # which the reader imports at its first page (15 ms a worker). A run of text
        # files never imports them.
        import pypdfium2  # noqa: F401

        import bma_etl.read.pdf  # noqa: F401
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                               initargs=(time_limit, read_here))
    # The processes start with the first task: now, before the run opens the
    # warehouse, so that none is forked holding its files.
    pool.submit(int)
    return pool


@contextlib.contextmanager
def _relaxed_gc() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _one_by_one(chunk: list[WorkItem], time_limit: float | None) -> ChunkResult:
    from bma_etl.load import concat_pieces

    results: list[FileResult] = []
    pieces: list[ArrowTables] = []
    for item in chunk:
        began = time.perf_counter()
        with _new_pool(1, time_limit) as solo:
            try:
                one, tables = solo.submit(_work, [item]).result()
            except BrokenProcessPool:
                limit = f"{time_limit:g} s" if time_limit else "no"
                reason = (f"extract: the worker process ended while reading this file: it took "
                          f"longer than the time limit ({limit}) or crashed; please report it")
                results.append((None, reason, time.perf_counter() - began, None))
                continue
        results.extend(one)
        pieces.append(tables)
    return results, concat_pieces(pieces)
