"""One batch of a run: its files sorted out, extracted, and loaded in short writes.

:class:`_Batch` takes files in (read and hashed; unchanged, unreadable, another
shard's (:func:`in_shard`) or to extract) and sends the ones to extract to the
workers in chunks; :func:`_finish` collects their results and loads them
(:func:`_load_batch`: one transaction, or document by document when that fails),
quarantined files with the documents row :func:`_quarantine_rows` makes.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bma_etl import __version__
from bma_etl.errors import LoadError, ReadError
from bma_etl.layouts import UNKNOWN
from bma_etl.pipeline_outcome import DocState, FileOutcome, copy_outcome
from bma_etl.pipeline_pages import read_file
from bma_etl.pipeline_worker import (
    ChunkResult,
    WorkItem,
    _one_by_one,
    _work,
    chunk_sizes,
    in_process_chunks,
    meanwhile,
)
from bma_etl.read import doc_id_of, empty_file, is_paged, media_type_of, path_text
from bma_etl.records import Document

if TYPE_CHECKING:
    # The warehouse side (Arrow, DuckDB) is imported where a batch uses it, so that
    # process_file (``bma-etl extract``) starts without it.
    from bma_etl.load import ArrowTables, Warehouse

#: The pipeline modules log under one name, the one a log filter selects.
log = logging.getLogger("bma_etl.pipeline")

def _quarantine_id(path: Path, data: bytes | None) -> str:
    # A file whose bytes cannot be read has no content hash; name it by its path (as
    # bytes: a name need not be UTF-8).
    return doc_id_of(data if data is not None
                     else b"unreadable:" + os.fsencode(path.absolute()))


def in_shard(doc_id: str, shard: tuple[int, int]) -> bool:
    """Whether the document ``doc_id`` (hex SHA-256) belongs to part ``i`` of ``n``.

    Parts are numbered 1 to ``n``; the split is by the hash's first 64 bits, the
    same on every machine, whatever the file's name or folder.

    >>> sum(in_shard(f"{k:064x}", (i, 3)) for k in range(30) for i in (1, 2, 3))
    30
    """
    index, count = shard
    return int(doc_id[:16], 16) % count == index - 1


@dataclass(slots=True)
class _Batch:
    """Files of one batch: already settled (unchanged, unreadable) and to extract."""

    unchanged: list[FileOutcome] = field(default_factory=list)
    unreadable: list[tuple[FileOutcome, ArrowTables]] = field(default_factory=list)
    moved: list[FileOutcome] = field(default_factory=list)
    #: Files whose bytes another file of this run holds, and that file's path: each
    #: ends as that file does (see :func:`~bma_etl.pipeline_outcome.copy_outcome`).
    copies: list[tuple[FileOutcome, str | None]] = field(default_factory=list)
    pending: list[WorkItem] = field(default_factory=list)
    pending_ids: list[str] = field(default_factory=list)  # content hash of each, in order
    chunks: list[list[WorkItem]] = field(default_factory=list)
    results: list[Future[ChunkResult]] | Iterator[ChunkResult] | None = None
    on_settled: Callable[[int], None] | None = None
    broken: bool = False  # a worker process died while extracting this batch
    taken: int = 0  # chunks whose result has been collected

    def settled(self, files: int) -> None:
        """Report ``files`` more files done with extraction (see :func:`ingest`)."""
        if self.on_settled is not None and files:
            self.on_settled(files)

    def add(self, path: Path, states: dict[str, DocState], *, force: bool,
            retry_quarantined: bool, ocr: str, shard: tuple[int, int] | None = None,
            read: bytes | ReadError | None = None) -> bool:
        """Take ``path`` into the batch; False when it belongs to another shard.

        ``read``: the file's bytes, or why they cannot be read, when :func:`read_file`
        read it already; otherwise it is read here.
        """
        data = read_file(path) if read is None else read
        if not isinstance(data, ReadError):
            # An empty file is quarantined under its path like an unreadable one: every
            # empty file has the same hash, so by content only the first would be.
            data = empty_file(path, data) or data
        if isinstance(data, ReadError):
            exc = data
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
        # --force, one document is extracted and loaded once per run); a copy of one
        # quarantined (this run's, ``error`` set, or a new name) ends as it did.
        if state and (state.status == "pending" or (
                not force and state.extractor_version == __version__
                and (state.status == "loaded" or not retry_quarantined))):
            outcome, here = FileOutcome(path, doc_id, "unchanged"), path_text(path)
            new_name = state.new_name(here)
            if state.status == "pending" or state.error is not None or new_name:
                self.copies.append((outcome, state.source_path))
            else:
                self.unchanged.append(outcome)
            if new_name:
                state.other_paths += (here,)
            elif state.source_path != here and here not in state.other_paths:
                self.moved.append(outcome)
                state.source_path = here
            self.settled(1)
            return True
        states[doc_id] = DocState("pending", __version__, path_text(path))
        self.pending.append((path, data, ocr, doc_id))
        self.pending_ids.append(doc_id)
        return True

    def start(self, pool: ProcessPoolExecutor | None, workers: int = 1) -> None:
        """Send the pending files to ``pool`` in chunks (in this process without one).

        In worker processes the chunks shrink as the batch goes (:func:`chunk_sizes`):
        big first, so that Arrow conversion and sending stay cheap per file, then
        smaller, so that both workers finish near the same time and the last chunk
        loads quickly. In this process each PDF or image is a chunk of its own
        (:func:`~bma_etl.pipeline_worker.in_process_chunks`). Results come in order.
        """
        if pool is None:
            self.chunks = in_process_chunks(self.pending)
            self.results = map(_work, self.chunks)
        else:
            self.chunks = []
            at = 0
            for size in chunk_sizes(len(self.pending), workers):
                self.chunks.append(self.pending[at:at + size])
                at += size
            self.results = [pool.submit(_work, chunk) for chunk in self.chunks]
        self.taken = 0

    def waiting(self) -> bool:
        """Whether the next chunk's result is still being extracted in a worker."""
        if not isinstance(self.results, list) or self.taken >= len(self.results):
            return False
        return not self.results[self.taken].done()

    def collect(self, time_limit: float | None, slow: Callable[[], None] | None = None
                ) -> Iterator[ChunkResult]:
        """Every chunk's result in order, as each comes back.

        In this process, ``slow`` is called in a thread once a PDF or image has been
        extracting for :data:`LOAD_SOON` seconds (an OCR scan), while it goes on.

        The files of a chunk whose worker died are extracted again one at a time,
        each in a new process, to find the one to quarantine; ``self.broken`` then
        says the pool cannot be used again.
        """
        assert self.results is not None, "batch.start() comes first"
        if not isinstance(self.results, list):
            for chunk in self.chunks:  # text: milliseconds a file, loaded every LOAD_EVERY
                with meanwhile(LOAD_SOON, slow if is_paged(chunk[0][0]) else None):
                    result = next(self.results)
                self.settled(len(chunk))
                yield result
            return
        for chunk, future in zip(self.chunks, self.results, strict=True):
            try:
                result = future.result()
            except BrokenProcessPool:
                self.broken = True
                result = _one_by_one(chunk, time_limit)
            self.taken += 1
            self.settled(len(chunk))
            yield result


def spare_core(workers: int) -> bool:
    """Whether ``workers`` extraction processes leave a core of this machine idle."""
    return workers < (os.cpu_count() or 1)


def _finish(batch: _Batch, db: Path, wait: float, run_id: str,
            states: dict[str, DocState], known: set[str],
            record: Callable[[FileOutcome], None], time_limit: float | None = None,
            closing: Callable[[Warehouse], None] | None = None, overlap: bool = False,
            drained: Callable[[], None] | None = None,
            progress: Callable[[Warehouse, list[FileOutcome]], None] | None = None) -> bool:
    """Collect a batch's extractions and load them in short writes.

    What has come back is loaded every :data:`LOAD_EVERY` seconds of the batch's
    extraction, the rest at the end: a batch of text (milliseconds a file) or of
    text-layer PDFs loads in one write, and slow files (OCR) are kept and reported
    as they finish rather than after the whole batch. With ``overlap`` (a core the
    workers leave idle, :func:`spare_core`), what has come back is also loaded while
    the workers still extract the rest, when this process would otherwise wait for
    them and the files waiting to load are at least 1/:data:`LOAD_SHARE` of the
    batch and took :data:`LOAD_WORK` seconds of extraction or more, so that little
    is left to load after the last file. Without a spare core such a write only
    takes CPU from the workers: a write costs about 0.1 s of CPU whatever its size
    (opening, a dozen inserts, the commit, the checkpoint on close).

    ``closing`` (the run's last batch) is called with the warehouse still open
    after the batch's last write and its files' reports, so that the run's end
    costs no write of its own; it is not called when that write loads nothing.
    ``progress`` is called so after every other write, with the files it loaded (not
    reported yet: a report may read the warehouse), to write the run's counts so far.
    ``drained`` is called once every file has come back, before the last write (the
    run's last batch lets its worker processes go, so they exit while it writes).
    Returns whether a worker process died (the pool cannot be used again).
    """
    from bma_etl.load import Warehouse, concat_pieces

    for outcome in batch.unchanged:
        record(outcome)
    outcomes = [outcome for outcome, _ in batch.unreadable]
    pieces = [rows for _, rows in batch.unreadable]
    moved = list(batch.moved)
    copies = list(batch.copies)
    also: list[tuple[str, str]] = []  # quarantined copies' paths, stored with a load

    def settle_copies(note: bool = False) -> None:  # those whose first file has its end
        waiting = []
        for copy, first in copies:
            state = states[copy.doc_id]
            if state.status == "pending":
                waiting.append((copy, first))
                continue
            outcome = copy_outcome(copy, first, state)
            if note and outcome.state == "quarantined":  # (else stored with its first)
                also.append((copy.doc_id, path_text(copy.path)))
            record(outcome)
        copies[:] = waiting

    def report() -> None:
        for outcome in outcomes:
            states[outcome.doc_id] = DocState(
                "loaded" if outcome.state == "loaded" else "quarantined", __version__,
                path_text(outcome.path),
                outcome.error if outcome.state == "quarantined" else None)
            if outcome.state == "quarantined":
                log.warning("quarantined %s: %s", outcome.path, outcome.error)
            record(outcome)
        settle_copies()
        outcomes.clear()
        pieces.clear()
        moved.clear()

    def load(last: bool = False) -> None:
        if outcomes or moved or also:
            stamped = _stamp(concat_pieces(pieces), run_id)
            with Warehouse(db, wait=wait, create=False) as wh:
                wh.touch_many([(o.doc_id, path_text(o.path)) for o in moved], run_id)
                _load_batch(wh, stamped, outcomes, known, run_id)
                bad = {o.doc_id for o in outcomes if o.state == "quarantined"}
                wh.add_other_paths([*also, *((c.doc_id, path_text(c.path))
                                             for c, _ in copies if c.doc_id in bad)])
                also.clear()
                if last and closing is not None:
                    report()  # committed: the run's counts are final
                    closing(wh)
                elif progress is not None:
                    progress(wh, outcomes)
        report()

    settle_copies(note=True)
    last_load = time.monotonic()
    work = 0.0  # extraction seconds of the files waiting to load
    pending = iter(zip(batch.pending, batch.pending_ids, strict=True))
    def keep_done() -> None:  # a slow file in hand: keep what came back before it
        nonlocal last_load, work
        if outcomes or moved:
            load()
            last_load, work = time.monotonic(), 0.0

    for results, tables in batch.collect(time_limit, slow=keep_done):
        pieces.append(tables)
        # results first: zip stops on it without taking a file from ``pending``.
        for (layout, error, seconds, note), ((path, _, _, _), doc_id) in zip(
                results, pending, strict=False):
            if layout is None:
                reason = error or "internal: no reason given"
                outcomes.append(FileOutcome(path, doc_id, "quarantined", None, reason, seconds))
                pieces.append(_quarantine_rows(path, doc_id, reason))
            else:
                outcomes.append(FileOutcome(path, doc_id, "loaded", layout, None, seconds, note))
            work += seconds
        worth = work >= LOAD_WORK and len(outcomes) * LOAD_SHARE >= len(batch.pending)
        if time.monotonic() - last_load >= LOAD_EVERY or (overlap and worth and batch.waiting()):
            load()
            last_load = time.monotonic()
            work = 0.0
    assert next(pending, None) is None, "a worker returned fewer results than files"
    if drained is not None:
        drained()
    load(last=True)
    return batch.broken


#: Seconds a batch's extraction may run before what has come back so far is loaded.
LOAD_EVERY = 10.0
#: Seconds one PDF or image (a chunk, in this process) may be read before the files done
#: before it load meanwhile, so that a run killed during a scan loses that scan only.
LOAD_SOON = 1.0
#: Extraction seconds (summed over files) worth a load while the workers go on with
#: a core to spare: a write's fixed cost (see :func:`_finish`) must be worth it.
LOAD_WORK = 2.0
#: A load while the workers go on takes at least 1/LOAD_SHARE of the batch's files,
#: so a batch makes at most LOAD_SHARE such writes however busy the machine is.
LOAD_SHARE = 4


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
    # to the microsecond: two runs within one second still order by started_at
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
