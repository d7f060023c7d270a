"""A PDF that crashes or hangs pdfium while an ``ingest`` pool worker reads it.

Pool workers read PDFs in their own process (``pdf_worker.read_here``); such a
PDF ends the worker, and the run quarantines that file alone, with the reason
the PDF worker process gives it, and loads the rest.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bma_etl.pipeline import ingest
from bma_etl.read import pdf as pdf_module
from bma_etl.read.pdf_layers import read_layers
from bma_etl.read.pdf_worker import _call_here, call_with_time_limit

from repo_paths import FIXTURES

TEXT_PDFS = ("000_52cb5c31ec83ab03.pdf", "002_9d2ef115f542a230.pdf", "003_bab53728cf3029b8.pdf")


def _crash() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def _hang() -> None:
    while True:  # sleeps, as pdfium's loops would spin: only the timer ends it
        time.sleep(0.05)


_TROUBLE: dict[str, Callable[[], None]] = {"crash": _crash, "hang": _hang}


def troubled_read_layers(data: bytes, name: str, *args: object) -> object:
    """``read_layers``, except on a file named ``trouble-<kind>.pdf``."""
    kind = name.removeprefix("trouble-").removesuffix(".pdf")
    if kind in _TROUBLE:
        _TROUBLE[kind]()
    return read_layers(data, name, *args)


@pytest.mark.parametrize("kind", sorted(_TROUBLE))
def test_a_pdf_that_crashes_or_hangs_pdfium_costs_that_file_only(
        tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in TEXT_PDFS:
        shutil.copy(FIXTURES / "pdf" / name, folder / name)
    # Other bytes than its original's (a comment after the end), so not the same document.
    (folder / f"trouble-{kind}.pdf").write_bytes(
        (FIXTURES / "pdf" / TEXT_PDFS[0]).read_bytes() + b"\n% trouble\n")
    monkeypatch.setenv("BMA_ETL_PDF_TIMEOUT", "4")
    monkeypatch.setattr(pdf_module, "read_layers", troubled_read_layers)
    summary = ingest([folder], db, workers=2)
    assert (summary.files_seen, summary.loaded, summary.quarantined) == (4, 3, 1)
    [bad] = summary.quarantined_files
    assert bad.path.name == f"trouble-{kind}.pdf"
    # The reason the PDF worker process gives, as when every PDF was read there.
    want = ("the PDF parser crashed" if kind == "crash"
            else "took longer than the 4 s time limit")
    assert want in (bad.error or ""), bad.error


def test_a_call_here_puts_back_the_timer_it_found() -> None:
    signal.setitimer(signal.ITIMER_REAL, 30.0)
    try:
        assert _call_here(sum, ([1, 2],), "adding", 5.0) == 3
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 29.0 < left <= 30.0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    assert _call_here(sum, ([1],), "adding", 5.0) == 1
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_failure_here_reads_as_the_worker_process_reports_it() -> None:
    with pytest.raises(RuntimeError) as here:
        _call_here(int, ("x",), "counting", 5.0)
    with pytest.raises(RuntimeError) as there:
        call_with_time_limit(int, "x", what="counting", seconds=5.0)
    assert str(here.value) == str(there.value)
