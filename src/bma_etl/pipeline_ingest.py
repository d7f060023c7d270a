"""A run: :func:`ingest` walks the paths and loads them batch by batch.

:func:`iter_files` lists the input (folders walked, report suffixes only);
:func:`ingest` opens the run, goes through the files in batches of
:data:`BATCH_SIZE` (:mod:`bma_etl.pipeline_batch`), extracted in worker
processes when asked (:mod:`bma_etl.pipeline_worker`), and closes the run with
its :class:`~bma_etl.pipeline_outcome.RunSummary`.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from bma_etl import __version__
from bma_etl.errors import ReadError
from bma_etl.lake_catalog import parse_target
from bma_etl.own_exports import exported_table
from bma_etl.pipeline_batch import _Batch, _finish, _now, read_file, spare_core
from bma_etl.pipeline_outcome import FileOutcome, RunSummary
from bma_etl.pipeline_pages import join_page_images, page_siblings, pages_in_pool
from bma_etl.pipeline_worker import _new_pool, _relaxed_gc, default_file_time_limit
from bma_etl.read import SUFFIXES, is_paged
from bma_etl.records import IngestRun
from bma_etl.warehouse_file import DEFAULT_WAIT

if TYPE_CHECKING:
    from bma_etl.load import DocState, Warehouse

#: The pipeline modules log under one name, the one a log filter selects.
log = logging.getLogger("bma_etl.pipeline")


#: Files read, processed and loaded together; bounds memory whatever the corpus size.
BATCH_SIZE = 512


def _batches(items: Iterable[Path], size: int) -> Iterator[list[Path]]:
    batch: list[Path] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    paths: Iterable[Path],
    db: Path,
    *,
    workers: int = 1,
    ocr: str = "auto",
    force: bool = False,
    retry_quarantined: bool = False,
    on_file: Callable[[FileOutcome], None] | None = None,
    args: str | None = None,
    wait: float = DEFAULT_WAIT,
    reextract_outdated: bool = False,
    file_time_limit: float | None = None,
    shard: tuple[int, int] | None = None,
    on_start: Callable[[str, int], None] | None = None,
    on_settled: Callable[[int], None] | None = None,
) -> RunSummary:
    """Load every file under ``paths`` into the warehouse at ``db``.

    ``db`` is a DuckDB file or a DuckLake warehouse (:mod:`bma_etl.lake`), which
    several runs may write at once. ``shard=(i, n)`` keeps only the files whose
    content hash falls in part ``i`` of ``n``
    (:func:`~bma_etl.pipeline_batch.in_shard`): ``n`` runs, one per part, on any
    machines, together load the input exactly once.

    Files go in batches of :data:`BATCH_SIZE`: read and hashed, unchanged ones
    skipped, the rest extracted (in ``workers`` processes, the next batch while the
    last one loads) and loaded in one transaction per batch, in the order the files
    were found, so the result does not depend on ``workers``. The warehouse file is
    held only while a batch loads, so readers can query between batches. Numbered page
    images are joined into documents first
    (:func:`~bma_etl.pipeline_pages.join_page_images`): the pages whose start is not
    kept are read in the workers.

    ``reextract_outdated`` adds the stored path of every document extracted by
    another extractor version (one whose file is gone is logged and left as it is).

    Progress: ``on_start(run_id, files)`` once the input is walked, with the number
    of files found; ``on_settled(n)`` as files leave extraction, before their batch
    loads (unchanged and unreadable files when read, the others as each chunk of at
    most :data:`~bma_etl.pipeline_worker.CHUNK_SIZE` comes back); ``on_file(outcome)``
    once a file's outcome is final, after its batch loaded. Each file is settled once
    and reported once.

    With ``workers`` > 1, a file whose stages after reading take longer than
    ``file_time_limit`` seconds (default :func:`default_file_time_limit`), or that crashes
    its worker process, is quarantined and the run goes on in a new worker. With one
    worker, files are extracted in this process, without that limit.
    """
    from bma_etl.load import Warehouse, run_lock

    began = time.perf_counter()
    run = IngestRun(run_id=uuid.uuid4().hex, started_at=_now(), extractor_version=__version__,
                    args=args)
    summary = RunSummary(run.run_id)

    def record(outcome: FileOutcome) -> None:
        if outcome.state == "quarantined":
            summary.quarantined_files.append(outcome)
        setattr(summary, outcome.state, getattr(summary, outcome.state) + 1)
        if outcome.layout and outcome.state == "loaded":
            summary.by_layout[outcome.layout] += 1
            summary.ocr_files += outcome.ocr is not None
        if on_file is not None:
            on_file(outcome)

    def skip(path: Path) -> None:
        summary.skipped += 1
        log.info("skipped %s: not a report type", path)

    def own_export(path: Path) -> bool:
        # a warehouse table this tool exported into an input folder: no report of its own
        table = exported_table(path)
        if table is not None:
            summary.exports.append((path, table))
            log.info("skipped %s: bma-etl's own export of %s, not a report", path, table)
        return table is not None

    with run_lock(db), _relaxed_gc():
        states: dict[str, DocState] | None = None
        if reextract_outdated:  # the stored documents name more paths to walk
            states = _open_run(db, wait, run)
            paths = [*paths, *_outdated_paths(states)]
        limit = file_time_limit if file_time_limit is not None else default_file_time_limit()
        # The whole walk first, so that progress knows the total; a folder's files were
        # listed whole (to sort them) before, so this holds no more than one big folder did.
        walked = [path for path in iter_files(paths, skip) if not own_export(path)]
        pdfs = any(is_paged(path) for path in walked)
        pool = _new_pool(workers, limit, pdfs=pdfs, read_here=True) if workers > 1 else None

        def decide(pages: list[Path]) -> list[bool]:
            # Page images whose start is not known yet are read in the workers, at once.
            nonlocal pool
            assert pool is not None
            begins, broken = pages_in_pool(pool, pages, ocr, limit)
            if broken:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(workers, limit, pdfs=pdfs, read_here=True)
            return begins

        try:
            found = join_page_images(walked, ocr, decide=None if pool is None else decide)
            summary.found = len(found)
            if shard is None:  # every file found is this run's (a shard's known as hashed)
                run.files_seen = len(found)
            if on_start is not None:
                on_start(run.run_id, len(found))
        except BaseException:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            raise
        overlap = spare_core(workers)
        ended = False

        def counts(wh: Warehouse, loading: list[FileOutcome] | None = None,
                   finished: bool = False) -> None:
            # Written with each load too (``loading``: its files, not recorded yet), so
            # that a run killed midway shows what it did.
            more = Counter(outcome.state for outcome in loading or ())
            wh.finish_run(run.model_copy(update={
                "finished_at": _now() if finished else None,
                "files_seen": max(summary.files_seen, run.files_seen),
                "loaded": summary.loaded + more["loaded"],
                "unchanged": summary.unchanged + more["unchanged"],
                "quarantined": summary.quarantined + more["quarantined"],
                "skipped": summary.skipped + len(summary.exports),
            }))

        def end(wh: Warehouse) -> None:
            nonlocal ended
            summary.seconds = time.perf_counter() - began
            wh.flush()
            counts(wh, finished=True)
            ended = True

        def started(files: list[Path], states: dict[str, DocState],
                    read: list[bytes | ReadError] | None = None) -> _Batch:
            batch = _Batch(on_settled=on_settled)
            for i, path in enumerate(files):
                if batch.add(path, states, force=force, retry_quarantined=retry_quarantined,
                             ocr=ocr, shard=shard, read=None if read is None else read[i]):
                    summary.files_seen += 1
            batch.start(pool, workers)
            return batch

        def begin(files: list[Path]) -> tuple[dict[str, DocState], set[str], _Batch]:
            # The first batch is read before the warehouse is opened and goes to the
            # workers before the run's start is written: they extract while this
            # process writes it and the warehouse checkpoints on close. A warehouse not
            # made yet stores nothing: the batch goes first, its tables are made meanwhile.
            read = [read_file(path) for path in files]
            states: dict[str, DocState] = {}
            known: set[str] = set()
            batch = started(files, states, read) if _new_file(db) else None
            with Warehouse(db, wait=wait) as wh:
                if batch is None:
                    _remove_orphans(wh, db)
                    states = wh.document_states()
                    known = set(states)
                    batch = started(files, states, read)
                wh.start_run(run)
            return states, known, batch

        try:
            batches = _batches(found, BATCH_SIZE)
            in_flight: _Batch | None = None
            if states is None:
                states, known, in_flight = begin(next(batches, []))
            else:
                known = set(states)
            for files in batches:
                batch = started(files, states)
                if in_flight is not None:
                    if _finish(in_flight, db, wait, run.run_id, states, known, record, limit,
                               overlap=overlap, progress=counts):
                        # A worker died: the pool is broken; go on with a new one.
                        assert pool is not None
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = _new_pool(workers, limit, pdfs=pdfs, read_here=True)
                        batch.start(pool, workers)
                in_flight = batch
            if in_flight is not None:
                # The run's end is written with the last batch's last load; the workers,
                # idle by then, are let go before it, so they exit while it writes
                # (the pool's shutdown below then waits for none of them).
                _finish(in_flight, db, wait, run.run_id, states, known, record, limit,
                        closing=end, overlap=overlap, progress=counts,
                        drained=None if pool is None else partial(pool.shutdown, wait=False))
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        if not ended:
            with Warehouse(db, wait=wait, create=False) as wh:
                end(wh)
    return summary


def _open_run(db: Path, wait: float, run: IngestRun) -> dict[str, DocState]:
    """Open the warehouse, write the run's start and return what it stores (by ``doc_id``)."""
    from bma_etl.load import Warehouse

    with Warehouse(db, wait=wait) as wh:
        _remove_orphans(wh, db)
        wh.start_run(run)
        return wh.document_states()


def _new_file(db: Path) -> bool:
    """Whether ``db`` names a DuckDB file that is not there yet (nor its write-ahead log)."""
    target = parse_target(db)
    return isinstance(target, Path) and not target.exists() \
        and not Path(f"{target}.wal").exists()


def _remove_orphans(wh: Warehouse, db: Path) -> None:
    removed = wh.remove_orphans()
    if removed:
        log.warning("%s: removed %d rows an interrupted load left without their "
                    "documents row", db, removed)


def _outdated_paths(states: dict[str, DocState]) -> list[Path]:
    found = []
    for state in states.values():
        if state.extractor_version == __version__ or not state.source_path:
            continue
        path = Path(state.source_path)
        if path.exists():
            found.append(path)
            # a document of page images is stored under its first page's file: its
            # pages are walked again with it, and joined again (pipeline_pages)
            found.extend(page_siblings(path))
        else:
            log.warning("outdated document's file is gone: %s", path)
    return sorted(set(found))


def iter_files(paths: Iterable[Path], on_skip: Callable[[Path], None] | None = None
               ) -> Iterator[Path]:
    """Files to ingest: named files as given, folders walked for known suffixes.

    Symbolic links to folders are not followed (a link loop cannot hang a run);
    results are sorted so every run sees files in the same order. A file in a folder
    whose suffix is not a report type is passed to ``on_skip``. The folder a browser
    saves a page's pictures, styles and frames in (``page_files`` beside
    ``page.html``: "Web page, complete") is not walked (:func:`saved_page_folders`).
    What a file is (a FIFO, a device) is not asked here: reading vets it
    (:mod:`bma_etl.read.vet`).
    """
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(path, followlinks=False):
                for name in saved_page_folders(dirs, files):
                    dirs.remove(name)
                    log.info("skipped %s: the files of a saved web page, not reports",
                             Path(root) / name)
                dirs.sort()
                for name in files:
                    if Path(name).suffix.lower() in SUFFIXES:
                        found.append(Path(root) / name)
                    elif on_skip is not None:
                        on_skip(Path(root) / name)
            yield from sorted(found)
        else:
            yield path


#: What a browser names the folder of a page saved whole: the page's name and this.
_SAVED_FILES = "_files"
#: The page files such a folder belongs to.
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def saved_page_folders(dirs: list[str], files: list[str]) -> list[str]:
    """The folders of ``dirs`` that hold a saved web page's files: ``X_files`` beside ``X.html``.

    Chrome, Firefox, Edge and Internet Explorer save "Web page, complete" as the page
    and a folder of its pictures, style sheets, scripts and frames; those are no
    reports (a picture read by OCR, a frame's HTML quarantined). Names compare
    without case, as Windows saves them.
    """
    pages = {name.lower().rsplit(".", 1)[0] for name in files
             if name.lower().endswith(_PAGE_SUFFIXES)}
    return [d for d in dirs if d.lower().endswith(_SAVED_FILES)
            and d.lower()[:-len(_SAVED_FILES)] in pages]
