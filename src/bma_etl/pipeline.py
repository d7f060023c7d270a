"""The pipeline: the one place the stages are chained.

``read → repair text → detect → extract → normalize → validate → checks → load``

:func:`process_file` runs one document through every stage but load and touches no
warehouse; only :class:`~bma_etl.errors.BmaEtlError` escapes it. :func:`ingest`
walks paths, skips content already loaded, processes files (in worker processes
when asked) and loads each result in its own transaction.

The parts live in their own modules and are imported here, where the command line,
the benchmarks and the tests import them from: one file through the stages
(:mod:`~bma_etl.pipeline_file`), a run (:mod:`~bma_etl.pipeline_ingest`) and its
batches (:mod:`~bma_etl.pipeline_batch`), the worker side (:mod:`~bma_etl.pipeline_worker`)
and the run's outcome (:mod:`~bma_etl.pipeline_outcome`). A test that patches a name
patches it in the module that looks it up.
"""

from __future__ import annotations

from bma_etl.pipeline_batch import LOAD_EVERY, in_shard
from bma_etl.pipeline_file import OCR_MODES, Processed, moved_words, process_file, repair
from bma_etl.pipeline_ingest import BATCH_SIZE, ingest, iter_files
from bma_etl.pipeline_outcome import FileOutcome, RunSummary, outcome_json, summary_json
from bma_etl.pipeline_worker import (
    CHUNK_SIZE,
    CHUNKS_PER_WORKER,
    DEFAULT_FILE_TIME_LIMIT,
    GC_THRESHOLD,
    ChunkResult,
    FileResult,
    WorkItem,
    default_file_time_limit,
)
from bma_etl.read import doc_id_of

__all__ = [
    "BATCH_SIZE",
    "CHUNKS_PER_WORKER",
    "CHUNK_SIZE",
    "DEFAULT_FILE_TIME_LIMIT",
    "GC_THRESHOLD",
    "LOAD_EVERY",
    "OCR_MODES",
    "ChunkResult",
    "FileOutcome",
    "FileResult",
    "Processed",
    "RunSummary",
    "WorkItem",
    "default_file_time_limit",
    "doc_id_of",
    "in_shard",
    "ingest",
    "iter_files",
    "moved_words",
    "outcome_json",
    "process_file",
    "repair",
    "summary_json",
]
