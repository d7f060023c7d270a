"""The PDF worker process: forked from a single-threaded caller, started afresh otherwise."""

from __future__ import annotations

import fcntl
import os
import sys
import threading
from pathlib import Path

import pytest

from bma_etl.read import pdf_worker
from bma_etl.read.pdf import extract_pdf

from repo_paths import FIXTURES

PDF = FIXTURES / "pdf" / "002_9d2ef115f542a230.pdf"

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")


def _read(monkeypatch: pytest.MonkeyPatch, fork: bool) -> tuple[object, object]:
    monkeypatch.setattr(pdf_worker, "_may_fork", lambda: fork)
    pdf_worker.stop_worker()
    try:
        pages = extract_pdf(PDF.read_bytes(), PDF.name).pages
        assert pdf_worker._worker is not None
        return pages, pdf_worker._worker.process
    finally:
        pdf_worker.stop_worker()


@linux
def test_forked_and_new_workers_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    forked, process = _read(monkeypatch, True)
    assert isinstance(process, pdf_worker._Forked)
    fresh, process = _read(monkeypatch, False)
    assert not isinstance(process, pdf_worker._Forked)
    assert forked == fresh


@linux
def test_forked_worker_keeps_none_of_the_callers_files(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # A warehouse's run lock held while the worker starts must end when the caller
    # lets it go, not when the worker does.
    lock = tmp_path / "run.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    monkeypatch.setattr(pdf_worker, "_may_fork", lambda: True)
    pdf_worker.stop_worker()
    try:
        extract_pdf(PDF.read_bytes(), PDF.name)
        assert pdf_worker._worker is not None
        pid = pdf_worker._worker.process.pid
        os.close(fd)
        other = os.open(lock, os.O_RDWR)
        try:
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if still held
        finally:
            os.close(other)
        assert len(os.listdir(f"/proc/{pid}/fd")) == 5  # stdin, stdout, stderr, two pipes
    finally:
        pdf_worker.stop_worker()


@linux
def test_no_fork_while_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not pdf_worker._may_fork()
    finally:
        stop.set()
        thread.join()
