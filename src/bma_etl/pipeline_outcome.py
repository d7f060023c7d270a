"""A run's outcome: what became of each file, the run's counts, both as JSON lines.

A stored document's state in a run is a :class:`DocState`;
:class:`FileOutcome` is one file's end (loaded, unchanged, quarantined);
:class:`RunSummary` counts a whole :func:`~bma_etl.pipeline.ingest` run;
:func:`outcome_json` and :func:`summary_json` write them for log collectors;
:func:`copy_outcome` ends a file whose bytes another file of the run held.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bma_etl.read import path_text


@dataclass(slots=True)
class DocState:
    """A stored document's status (``loaded``, ``quarantined``, or ``pending`` in a run).

    ``error``: why a document quarantined in this run was (None otherwise);
    ``earlier_error`` why an earlier run quarantined it, and ``other_paths`` the
    other paths its bytes were quarantined under (``documents.other_paths``).
    """

    status: str
    extractor_version: str | None
    source_path: str | None
    error: str | None = None
    other_paths: tuple[str, ...] = ()
    earlier_error: str | None = None

    def new_name(self, path: str) -> bool:
        """Whether ``path`` is a new name of bytes an earlier run quarantined.

        Such a file is quarantined as a copy of them (:func:`copy_outcome`) and its
        path added to the document's other paths; a path known already is unchanged.
        """
        return (self.status == "quarantined" and self.error is None
                and path not in (self.source_path, *self.other_paths))


@dataclass(slots=True)
class FileOutcome:
    """What happened to one file in a run."""

    path: Path
    doc_id: str
    state: str  # loaded | unchanged | quarantined
    layout: str | None = None
    error: str | None = None
    seconds: float = 0.0
    #: How many pages OCR read and why (``OCR 1 of 2 pages: text layer damaged``), or None.
    ocr: str | None = None


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
    #: CSV files this tool exported (:mod:`bma_etl.own_exports`), not read: (path, table).
    exports: list[tuple[Path, str]] = field(default_factory=list)
    by_layout: Counter[str] = field(default_factory=Counter)
    #: Loaded files of which OCR read at least one page.
    ocr_files: int = 0
    quarantined_files: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 all loaded or unchanged; 3 some files were quarantined, or none was found.

        A shard whose part holds none of the files found is done: 0.
        """
        return 3 if self.quarantined or not (self.files_seen or self.found) else 0


def copy_outcome(copy: FileOutcome, first: str | None, state: DocState) -> FileOutcome:
    """How a file ends whose bytes the file at ``first`` held earlier in the run.

    The document is stored once, so a copy of a loaded file is "unchanged"; a copy
    of a quarantined one is quarantined too, with the first file's reason, so that
    the run's list of files to mend names every path that holds the bad bytes.
    """
    if state.status != "quarantined":
        return copy
    reason = f"same bytes as {first}, quarantined: {state.error or state.earlier_error}"
    return FileOutcome(copy.path, copy.doc_id, "quarantined", None, reason)


def _timestamp() -> str:
    """Now in ISO 8601, UTC, to the millisecond: ``2025-01-31T02:30:00.123Z``."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def outcome_json(outcome: FileOutcome, run_id: str) -> str:
    """One JSON line per document, for log collectors.

    Keys: ``event`` ("file"), ``ts`` (ISO 8601 UTC, when the line is written),
    ``run_id``, ``path``, ``doc_id``, ``state`` (loaded, unchanged, quarantined),
    ``layout``, ``error``, ``seconds`` (the file's read and extraction time;
    0 for an unchanged file) and ``ocr`` (how many pages OCR read and why, or null).
    """
    return json.dumps({
        "event": "file", "ts": _timestamp(), "run_id": run_id,
        "path": path_text(outcome.path), "doc_id": outcome.doc_id, "state": outcome.state,
        "layout": outcome.layout, "error": outcome.error, "seconds": round(outcome.seconds, 4),
        "ocr": outcome.ocr,
    }, ensure_ascii=False)


def summary_json(summary: RunSummary) -> str:
    """The end of a run as one JSON line (``event`` "run"): counts, seconds, exit code."""
    return json.dumps({
        "event": "run", "ts": _timestamp(), "run_id": summary.run_id,
        "files_seen": summary.files_seen, "loaded": summary.loaded,
        "unchanged": summary.unchanged, "quarantined": summary.quarantined,
        "skipped": summary.skipped, "exports": len(summary.exports),
        "by_layout": dict(sorted(summary.by_layout.items())),
        "ocr_files": summary.ocr_files,
        "seconds": round(summary.seconds, 3), "exit_code": summary.exit_code,
    }, ensure_ascii=False)
