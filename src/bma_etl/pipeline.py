"""The pipeline: the one place the stages are chained.

``read → repair text → detect → extract → normalize → validate → checks → load``

:func:`process_file` runs one document through every stage but load and touches no
warehouse; only :class:`~bma_etl.errors.BmaEtlError` escapes it. :func:`ingest`
walks paths, skips content already loaded, processes files (in worker processes
when asked) and loads each result in its own transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import logging
import os
import signal
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from bma_etl import __version__
from bma_etl.checks import run_checks
from bma_etl.children import die_with_parent
from bma_etl.detect import Detection, detect
from bma_etl.document import Finding
from bma_etl.errors import BmaEtlError, LoadError, ReadError
from bma_etl.furniture import furniture_lines
from bma_etl.layouts import UNKNOWN
from bma_etl.layouts.base import Layout, RepairedText
from bma_etl.limits import seconds_from_env
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen as screen_ocr_values
from bma_etl.parts import read_parts
from bma_etl.read import (
    SUFFIXES,
    SourceDocument,
    doc_id_of,
    media_type_of,
    path_text,
    read_bytes,
    read_source,
)
from bma_etl.read.ocr_lexicon import restored_message
from bma_etl.read.ocr_orient import turned_message
from bma_etl.records import Document, DocumentText, IngestRun, QualityIssue, Record
from bma_etl.textnorm import repair_text
from bma_etl.validate import build_records
from bma_etl.warehouse_file import DEFAULT_WAIT

if TYPE_CHECKING:
    # The warehouse side (Arrow, DuckDB) is imported where a batch uses it, so that
    # process_file (``bma-etl extract``) starts without it.
    from bma_etl.load import ArrowTables, DocState, Warehouse

log = logging.getLogger(__name__)

OCR_MODES = ("auto", "always", "never")


@dataclass(slots=True)
class Processed:
    """One document after every stage but load."""

    doc_id: str
    layout: str
    layout_score: float
    text: str
    tables: dict[str, list[Record]]

    def rows(self, table: str) -> list[Record]:
        """The rows of one table (empty when the document fills none)."""
        return self.tables.get(table, [])


def repair(source: SourceDocument) -> RepairedText:
    """Repair the source text page by page, keeping page offsets right; find page furniture."""
    if not source.page_starts:
        return RepairedText.of(repair_text(source.text), (), source.ocr_used,
                               source_url=source.source_url)
    bounds = [*source.page_starts, len(source.text) + 1]
    originals = [source.text[a:b - 1] for a, b in pairwise(bounds)]
    pages = [repair_text(page) for page in originals]
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 1
    text = "\n".join(pages)
    words = moved_words(source.words, source.page_starts, originals, tuple(starts), pages) \
        if source.words else ()
    return RepairedText.of(text, tuple(starts), source.ocr_used,
                           furniture=furniture_lines(text, tuple(starts)), wraps=source.wraps,
                           words=words, spaced=source.spaced, judged=source.judged)


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


def process_file(path: Path, *, ocr: str = "auto", data: bytes | None = None,
                 layout: Layout | None = None,
                 on_read: Callable[[SourceDocument], None] | None = None) -> Processed:
    """Run one file through read → … → checks; raise BmaEtlError when it cannot be loaded.

    ``layout`` skips detection and reads the file as that layout. ``on_read`` is
    called between reading and the other stages (``ingest`` starts a time limit).
    """
    source = read_source(path, data, ocr=ocr)
    if on_read is not None:
        on_read(source)
    doc = repair(source)
    detection = detect(doc) if layout is None else Detection(layout, layout.score(doc), {})
    detection, extraction, second = read_parts(doc, detection, split=layout is None)
    normalized = normalize(extraction, doc.text, doc.words,
                           doc.wraps if source.media_type == "application/pdf" else None,
                           doc.spaced)
    if source.ocr_used:
        screen_ocr_values(normalized, doc.text)
    tables = build_records(normalized, source.doc_id)
    read_findings = [Finding("documents", None, None, "warning", "unparsed_line", warning)
                     for warning in source.warnings]
    if second is not None:
        read_findings.append(second)
    if source.recoded:
        read_findings.append(Finding("documents", None, None, "warning", "thai_legacy_encoding",
                                     source.recoded))
    if source.restored:
        read_findings.append(Finding("documents", None, None, "warning", "ocr_marks_restored",
                                     restored_message(source.restored)))
    if source.turned:
        read_findings.append(Finding("documents", None, None, "warning", "ocr_page_turned",
                                     turned_message(source.turned)))
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
    return Processed(source.doc_id, detection.layout.layout_id, detection.score, doc.text, tables)


# ---------------------------------------------------------------------------- batch


@dataclass(slots=True)
class FileOutcome:
    """What happened to one file in a run."""

    path: Path
    doc_id: str
    state: str  # loaded | unchanged | quarantined
    layout: str | None = None
    error: str | None = None
    seconds: float = 0.0


@dataclass(slots=True)
class RunSummary:
    """Counts of one ``ingest`` run, and the files it quarantined.

    Loaded and unchanged files are counted, and reported one by one to ``on_file``,
    but not kept: a run over a million files keeps its memory flat.
    """

    run_id: str
    #: Files with a report suffix found under the paths (every shard's).
    found: int = 0
    files_seen: int = 0
    loaded: int = 0
    unchanged: int = 0
    quarantined: int = 0
    #: Files in the folders walked whose suffix is not a report type.
    skipped: int = 0
    by_layout: Counter[str] = field(default_factory=Counter)
    quarantined_files: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 all loaded or unchanged; 3 some files were quarantined, or none was found.

        A shard whose part holds none of the files found is done: 0.
        """
        return 3 if self.quarantined or not (self.files_seen or self.found) else 0


def iter_files(paths: Iterable[Path], on_skip: Callable[[Path], None] | None = None
               ) -> Iterator[Path]:
    """Files to ingest: named files as given, folders walked for known suffixes.

    Symbolic links to folders are not followed (a link loop cannot hang a run);
    results are sorted so every run sees files in the same order. A file in a folder
    whose suffix is not a report type is passed to ``on_skip``. What a file is (a
    FIFO, a device) is not asked here: reading vets it (:mod:`bma_etl.read.vet`).
    """
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in files:
                    if Path(name).suffix.lower() in SUFFIXES:
                        found.append(Path(root) / name)
                    elif on_skip is not None:
                        on_skip(Path(root) / name)
            yield from sorted(found)
        else:
            yield path


def _quarantine_id(path: Path, data: bytes | None) -> str:
    # A file whose bytes cannot be read has no content hash; name it by its path (as
    # bytes: a name need not be UTF-8).
    return doc_id_of(data if data is not None
                     else b"unreadable:" + os.fsencode(path.absolute()))


#: A file handed to a worker: its path, its bytes and the OCR mode.
WorkItem = tuple[Path, bytes, str]
#: Per file: the layout read or ``None``, the quarantine reason or ``None``, seconds.
FileResult = tuple[str | None, str | None, float]
#: What a worker sends back for a chunk of files: one result per file, in order, and
#: the rows of every file that loaded as Arrow tables (compact to send and to hold).
ChunkResult = tuple[list[FileResult], "ArrowTables"]

#: Files a worker extracts per task: enough to make Arrow conversion and sending
#: cheap per file, few enough to keep both workers busy to the end of a batch.
CHUNK_SIZE = 32
#: Chunks a worker gets at least when a batch is small (see :meth:`_Batch.start`).
CHUNKS_PER_WORKER = 4


def _work(items: list[WorkItem]) -> ChunkResult:
    import pyarrow as pa

    from bma_etl.load import to_arrow
    from bma_etl.search import index_tables

    results: list[FileResult] = []
    loaded: list[dict[str, list[Record]]] = []
    for path, data, ocr in items:
        began = time.perf_counter()
        try:
            try:
                processed = process_file(path, ocr=ocr, data=data, on_read=_start_time_limit)
            finally:
                _stop_time_limit()
            loaded.append(processed.tables)
            results.append((processed.layout, None, time.perf_counter() - began))
        except BmaEtlError as exc:
            results.append((None, exc.reason(), time.perf_counter() - began))
        except Exception as exc:  # a bug in one extractor must not stop the batch
            log.exception("unexpected error on %s", path)
            results.append((None, f"internal: {type(exc).__name__}: {exc} (please report)",
                            time.perf_counter() - began))
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
    for i, (layout, _, seconds) in enumerate(results):
        if layout is None:
            continue
        try:
            one = next(tables)
            pieces.append(to_arrow([one]) | index_tables([one]))
        except (pa.ArrowException, TypeError, ValueError) as exc:
            results[i] = (None, f"a value does not fit the warehouse column type: {exc}",
                          seconds)
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


def _init_worker(time_limit: float | None = None) -> None:
    global _file_time_limit
    die_with_parent()
    # Objects made at import (regexes, models, tables) never die: keep them out of
    # every collection.
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, 20, 100)
    if time_limit:
        _file_time_limit = time_limit
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def _new_pool(workers: int, time_limit: float | None) -> ProcessPoolExecutor:
    # The word splitter's dictionary (search index) takes about 0.35 s to build:
    # build it once here, so forked workers start with it.
    from bma_etl.search import terms

    terms("ก")
    return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                               initargs=(time_limit,))


@contextlib.contextmanager
def _relaxed_gc() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _quarantine_rows(path: Path, doc_id: str, error: str) -> ArrowTables:
    from bma_etl.load import to_arrow

    try:
        media_type = media_type_of(path)
    except ReadError:
        media_type = "application/octet-stream"
    return to_arrow([{"documents": [Document(
        doc_id=doc_id, source_path=path_text(path), file_name=path_text(path.name),
        media_type=media_type,
        layout=UNKNOWN, layout_score=None, status="quarantined", error=error,
        extractor_version=__version__,
    )]}])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


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
    content hash falls in part ``i`` of ``n`` (:func:`in_shard`): ``n`` runs, one
    per part, on any machines, together load the input exactly once.

    Files go in batches of :data:`BATCH_SIZE`: read and hashed, unchanged ones
    skipped, the rest extracted (in ``workers`` processes, the next batch while the
    last one loads) and loaded in one transaction per batch, in the order the files
    were found, so the result does not depend on ``workers``. The warehouse file is
    held only while a batch loads, so readers can query between batches.

    ``reextract_outdated`` adds the stored path of every document extracted by
    another extractor version (one whose file is gone is logged and left as it is).

    Progress: ``on_start(run_id, files)`` once the input is walked, with the number
    of files found; ``on_settled(n)`` as files leave extraction, before their batch
    loads (unchanged and unreadable files when read, the others as each chunk of at
    most :data:`CHUNK_SIZE` comes back); ``on_file(outcome)`` once a file's outcome
    is final, after its batch loaded. Each file is settled once and reported once.

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
        if on_file is not None:
            on_file(outcome)

    def skip(path: Path) -> None:
        summary.skipped += 1
        log.info("skipped %s: not a report type", path)

    with run_lock(db), _relaxed_gc():
        with Warehouse(db, wait=wait) as wh:
            removed = wh.remove_orphans()
            if removed:
                log.warning("%s: removed %d rows an interrupted load left without their "
                            "documents row", db, removed)
            wh.start_run(run)
            states = wh.document_states()
        known = set(states)
        if reextract_outdated:
            paths = [*paths, *_outdated_paths(states)]
        limit = file_time_limit if file_time_limit is not None else default_file_time_limit()
        # The whole walk first, so that progress knows the total; a folder's files were
        # listed whole (to sort them) before, so this holds no more than one big folder did.
        found = list(iter_files(paths, skip))
        summary.found = len(found)
        if on_start is not None:
            on_start(run.run_id, len(found))
        pool = _new_pool(workers, limit) if workers > 1 else None
        try:
            in_flight: _Batch | None = None
            for files in _batches(found, BATCH_SIZE):
                batch = _Batch(on_settled=on_settled)
                for path in files:
                    if batch.add(path, states, force=force, retry_quarantined=retry_quarantined,
                                 ocr=ocr, shard=shard):
                        summary.files_seen += 1
                batch.start(pool, workers)
                if in_flight is not None:
                    if _finish(in_flight, db, wait, run.run_id, states, known, record, limit):
                        # A worker died: the pool is broken; go on with a new one.
                        assert pool is not None
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = _new_pool(workers, limit)
                        batch.start(pool, workers)
                in_flight = batch
            if in_flight is not None:
                _finish(in_flight, db, wait, run.run_id, states, known, record, limit)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        summary.seconds = time.perf_counter() - began
        with Warehouse(db, wait=wait, create=False) as wh:
            wh.flush()
            wh.finish_run(run.model_copy(update={
                "finished_at": _now(), "files_seen": summary.files_seen,
                "loaded": summary.loaded, "unchanged": summary.unchanged,
                "quarantined": summary.quarantined, "skipped": summary.skipped,
            }))
    return summary


def in_shard(doc_id: str, shard: tuple[int, int]) -> bool:
    """Whether the document ``doc_id`` (hex SHA-256) belongs to part ``i`` of ``n``.

    Parts are numbered 1 to ``n``; the split is by the hash's first 64 bits, the
    same on every machine, whatever the file's name or folder.

    >>> sum(in_shard(f"{k:064x}", (i, 3)) for k in range(30) for i in (1, 2, 3))
    30
    """
    index, count = shard
    return int(doc_id[:16], 16) % count == index - 1


def _outdated_paths(states: dict[str, DocState]) -> list[Path]:
    found = []
    for state in states.values():
        if state.extractor_version == __version__ or not state.source_path:
            continue
        path = Path(state.source_path)
        if path.exists():
            found.append(path)
        else:
            log.warning("outdated document's file is gone: %s", path)
    return sorted(set(found))


@dataclass(slots=True)
class _Batch:
    """Files of one batch: already settled (unchanged, unreadable) and to extract."""

    unchanged: list[FileOutcome] = field(default_factory=list)
    unreadable: list[tuple[FileOutcome, ArrowTables]] = field(default_factory=list)
    moved: list[FileOutcome] = field(default_factory=list)
    pending: list[WorkItem] = field(default_factory=list)
    pending_ids: list[str] = field(default_factory=list)  # content hash of each, in order
    chunks: list[list[WorkItem]] = field(default_factory=list)
    results: list[Future[ChunkResult]] | Iterator[ChunkResult] | None = None
    on_settled: Callable[[int], None] | None = None
    broken: bool = False  # a worker process died while extracting this batch

    def settled(self, files: int) -> None:
        """Report ``files`` more files done with extraction (see :func:`ingest`)."""
        if self.on_settled is not None and files:
            self.on_settled(files)

    def add(self, path: Path, states: dict[str, DocState], *, force: bool,
            retry_quarantined: bool, ocr: str, shard: tuple[int, int] | None = None) -> bool:
        """Take ``path`` into the batch; False when it belongs to another shard."""
        from bma_etl.load import DocState

        try:
            data = read_bytes(path)
        except ReadError as exc:
            doc_id = _quarantine_id(path, None)
            if shard is not None and not in_shard(doc_id, shard):
                self.settled(1)
                return False
            outcome = FileOutcome(path, doc_id, "quarantined", None, exc.reason())
            self.unreadable.append((outcome, _quarantine_rows(path, doc_id, exc.reason())))
            self.settled(1)
            return True
        doc_id = doc_id_of(data)
        if shard is not None and not in_shard(doc_id, shard):
            self.settled(1)  # another machine's: done, as far as this run's progress goes
            return False
        state = states.get(doc_id)
        # "pending": the same bytes under another name earlier in this run (even with
        # --force, one document is extracted and loaded once per run).
        if state and (state.status == "pending" or (
                not force and state.extractor_version == __version__
                and (state.status == "loaded" or not retry_quarantined))):
            outcome = FileOutcome(path, doc_id, "unchanged")
            self.unchanged.append(outcome)
            if state.source_path != path_text(path):
                self.moved.append(outcome)
                state.source_path = path_text(path)
            self.settled(1)
            return True
        states[doc_id] = DocState("pending", __version__, path_text(path))
        self.pending.append((path, data, ocr))
        self.pending_ids.append(doc_id)
        return True

    def start(self, pool: ProcessPoolExecutor | None, workers: int = 1) -> None:
        """Send the pending files to ``pool`` in chunks (in this process without one).

        A batch smaller than :data:`CHUNK_SIZE` files a worker is cut finer, into
        about :data:`CHUNKS_PER_WORKER` chunks a worker, so that no worker idles
        while another still reads a big chunk (54 files in two workers: 32 and 22
        files, against about seven each). Results come back in order either way.
        """
        size = CHUNK_SIZE if pool is None else max(1, min(
            CHUNK_SIZE, -(-len(self.pending) // (workers * CHUNKS_PER_WORKER))))
        self.chunks = [self.pending[i:i + size] for i in range(0, len(self.pending), size)]
        if pool is None:
            self.results = map(_work, self.chunks)
        else:
            self.results = [pool.submit(_work, chunk) for chunk in self.chunks]

    def collect(self, time_limit: float | None) -> Iterator[ChunkResult]:
        """Every chunk's result in order, as each comes back.

        The files of a chunk whose worker died are extracted again one at a time,
        each in a new process, to find the one to quarantine; ``self.broken`` then
        says the pool cannot be used again.
        """
        assert self.results is not None, "batch.start() comes first"
        if not isinstance(self.results, list):
            for chunk, result in zip(self.chunks, self.results, strict=True):
                self.settled(len(chunk))
                yield result
            return
        for chunk, future in zip(self.chunks, self.results, strict=True):
            try:
                result = future.result()
            except BrokenProcessPool:
                self.broken = True
                result = _one_by_one(chunk, time_limit)
            self.settled(len(chunk))
            yield result


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
                results.append((None, reason, time.perf_counter() - began))
                continue
        results.extend(one)
        pieces.append(tables)
    return results, concat_pieces(pieces)


def _finish(batch: _Batch, db: Path, wait: float, run_id: str,
            states: dict[str, DocState], known: set[str],
            record: Callable[[FileOutcome], None], time_limit: float | None = None) -> bool:
    """Collect a batch's extractions and load them in short writes.

    What has come back is loaded every :data:`LOAD_EVERY` seconds of waiting, and
    the rest at the end: a batch of text loads in one write, while slow files (OCR)
    are kept and reported as they finish rather than after the whole batch.
    Returns whether a worker process died (the pool cannot be used again).
    """
    from bma_etl.load import DocState, Warehouse, concat_pieces

    for outcome in batch.unchanged:
        record(outcome)
    outcomes = [outcome for outcome, _ in batch.unreadable]
    pieces = [rows for _, rows in batch.unreadable]
    moved = list(batch.moved)

    def load() -> None:
        if outcomes or moved:
            stamped = _stamp(concat_pieces(pieces), run_id)
            with Warehouse(db, wait=wait, create=False) as wh:
                wh.touch_many([(o.doc_id, path_text(o.path)) for o in moved], run_id)
                _load_batch(wh, stamped, outcomes, known, run_id)
        for outcome in outcomes:
            states[outcome.doc_id] = DocState(
                "loaded" if outcome.state == "loaded" else "quarantined", __version__,
                path_text(outcome.path))
            if outcome.state == "quarantined":
                log.warning("quarantined %s: %s", outcome.path, outcome.error)
            record(outcome)
        outcomes.clear()
        pieces.clear()
        moved.clear()

    last_load = time.monotonic()
    pending = iter(zip(batch.pending, batch.pending_ids, strict=True))
    for results, tables in batch.collect(time_limit):
        pieces.append(tables)
        # results first: zip stops on it without taking a file from ``pending``.
        for (layout, error, seconds), ((path, _, _), doc_id) in zip(results, pending,
                                                                    strict=False):
            if layout is None:
                reason = error or "internal: no reason given"
                outcomes.append(FileOutcome(path, doc_id, "quarantined", None, reason, seconds))
                pieces.append(_quarantine_rows(path, doc_id, reason))
            else:
                outcomes.append(FileOutcome(path, doc_id, "loaded", layout, None, seconds))
        if time.monotonic() - last_load >= LOAD_EVERY:
            load()
            last_load = time.monotonic()
    assert next(pending, None) is None, "a worker returned fewer results than files"
    load()
    return batch.broken


#: Seconds a batch's extraction may run before what has come back so far is loaded.
LOAD_EVERY = 10.0


def _stamp(tables: ArrowTables, run_id: str) -> ArrowTables:
    """Set the run and load time on every ``documents`` row."""
    import pyarrow as pa

    docs = tables.get("documents")
    if docs is None:
        return tables
    n = docs.num_rows
    for name, value in (("run_id", run_id), ("ingested_at", _now())):
        i = docs.schema.get_field_index(name)
        docs = docs.set_column(i, docs.schema.field(i), pa.array([value] * n,
                                                                   docs.schema.field(i).type))
    return {**tables, "documents": docs}


def _load_batch(wh: Warehouse, tables: ArrowTables, outcomes: list[FileOutcome],
                known: set[str], run_id: str) -> None:
    """Load a batch in one transaction; if that fails, document by document.

    Either way each document ends fully loaded or not at all; a document whose own
    load fails is quarantined with the warehouse's reason.
    """
    from bma_etl.load import only_document

    if not outcomes:
        return
    replace = any(outcome.doc_id in known for outcome in outcomes)
    try:
        wh.load_arrow([tables], replace=replace)
    except LoadError:
        for i, outcome in enumerate(outcomes):
            try:
                wh.load_arrow([only_document(tables, outcome.doc_id)])
            except LoadError as exc:
                reason = exc.reason()
                outcomes[i] = FileOutcome(outcome.path, outcome.doc_id, "quarantined", None,
                                          reason, outcome.seconds)
                wh.load_arrow([_stamp(_quarantine_rows(outcome.path, outcome.doc_id, reason),
                                      run_id)])
    known.update(outcome.doc_id for outcome in outcomes)


def _timestamp() -> str:
    """Now in ISO 8601, UTC, to the millisecond: ``2025-01-31T02:30:00.123Z``."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def outcome_json(outcome: FileOutcome, run_id: str) -> str:
    """One JSON line per document, for log collectors.

    Keys: ``event`` ("file"), ``ts`` (ISO 8601 UTC, when the line is written),
    ``run_id``, ``path``, ``doc_id``, ``state`` (loaded, unchanged, quarantined),
    ``layout``, ``error`` and ``seconds`` (the file's read and extraction time;
    0 for an unchanged file).
    """
    return json.dumps({
        "event": "file", "ts": _timestamp(), "run_id": run_id,
        "path": path_text(outcome.path), "doc_id": outcome.doc_id, "state": outcome.state,
        "layout": outcome.layout, "error": outcome.error, "seconds": round(outcome.seconds, 4),
    }, ensure_ascii=False)


def summary_json(summary: RunSummary) -> str:
    """The end of a run as one JSON line (``event`` "run"): counts, seconds, exit code."""
    return json.dumps({
        "event": "run", "ts": _timestamp(), "run_id": summary.run_id,
        "files_seen": summary.files_seen, "loaded": summary.loaded,
        "unchanged": summary.unchanged, "quarantined": summary.quarantined,
        "skipped": summary.skipped, "by_layout": dict(sorted(summary.by_layout.items())),
        "seconds": round(summary.seconds, 3), "exit_code": summary.exit_code,
    }, ensure_ascii=False)
