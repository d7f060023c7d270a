"""Run pdfium calls in a worker process with a time limit.

Stage: read. A PDF that hangs or crashes the parser costs one file (quarantined
with a :class:`~bma_etl.errors.ReadError`), never the batch.
"""

from __future__ import annotations

import atexit
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from bma_etl.errors import ReadError
from bma_etl.limits import seconds_from_env

log = logging.getLogger(__name__)

#: Seconds one parse or render call may take (override with ``BMA_ETL_PDF_TIMEOUT``).
DEFAULT_TIME_LIMIT = 60.0
#: Seconds the worker process may take to start.
_START_LIMIT = 60.0

T = TypeVar("T")


def time_limit() -> float:
    """Seconds one parse or render call may take (``BMA_ETL_PDF_TIMEOUT`` or the default)."""
    return seconds_from_env("BMA_ETL_PDF_TIMEOUT", DEFAULT_TIME_LIMIT)


class _Worker:
    """A process that runs pdfium calls, so a hang or crash costs one file, not the run.

    A fresh interpreter (``python -c``), not a multiprocessing child: that would
    re-run the caller's ``__main__``, which a script without a main guard
    cannot bear. Calls and answers are pickled over two pipes.
    """

    def __init__(self) -> None:
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        code = ("import sys; from bma_etl.read.pdf_worker import serve; "
                "serve(*map(int, sys.argv[1:]))")
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", code, str(to_child), str(from_child)],
                pass_fds=(to_child, from_child), env=env, stdin=subprocess.DEVNULL,
            )
        finally:
            os.close(to_child)
            os.close(from_child)
        self.calls = Connection(from_parent, readable=False)
        self.answers = Connection(to_parent, writable=False)
        if not self.answers.poll(_START_LIMIT):
            self.stop()
            raise ReadError(f"the PDF worker did not start within {_START_LIMIT:g} s")
        self.answers.recv()

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        self.calls.close()
        self.answers.close()
        if self.alive():
            self.process.kill()
        self.process.wait(10)


_worker: _Worker | None = None
_worker_lock = threading.Lock()


def call_with_time_limit(fn: Callable[..., T], *args: Any, what: str,
                         seconds: float | None = None) -> T:
    """Run ``fn(*args)`` in the worker process; ReadError if it takes over ``seconds``.

    ``fn`` must be a module-level function (it is pickled by name). A ReadError
    it raises is raised here; a time-out or crash stops the worker, which the
    next call starts again.
    """
    global _worker
    limit = time_limit() if seconds is None else seconds
    with _worker_lock:
        if _worker is None or not _worker.alive():
            _worker = _Worker()
        worker = _worker
        try:
            worker.calls.send((fn, args))
            if not worker.answers.poll(limit):
                raise ReadError(f"{what} took longer than the {limit:g} s time limit; the file "
                                "may be malformed (raise BMA_ETL_PDF_TIMEOUT for big files)")
            status, value = worker.answers.recv()
        except (EOFError, OSError) as exc:
            worker.stop()
            _worker = None
            raise ReadError(f"{what}: the PDF parser crashed; the file is probably "
                            "malformed") from exc
        except ReadError:
            worker.stop()
            _worker = None
            raise
    if status == "ok":
        return value
    if status == "read_error":
        raise ReadError(value)
    raise RuntimeError(f"{what}: PDF worker failed: {value}")


def stop_worker() -> None:
    """Stop the worker process, if one is running."""
    global _worker
    with _worker_lock:
        if _worker is not None:
            _worker.stop()
            _worker = None


def serve(calls_fd: int, answers_fd: int) -> None:
    """The worker's loop: run each call sent, answer with its result or error."""
    import pypdfium2  # noqa: F401  (load the library before the first call is timed)

    from bma_etl.children import die_with_parent

    die_with_parent()

    calls = Connection(calls_fd, writable=False)
    answers = Connection(answers_fd, readable=False)
    answers.send(("ready", None))
    while True:
        try:
            fn, args = calls.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            answer: tuple[str, Any] = ("ok", fn(*args))
        except ReadError as exc:
            answer = ("read_error", str(exc))
        except Exception as exc:  # report every failure to the caller, never die silently
            answer = ("error", f"{type(exc).__name__}: {exc}")
        answers.send(answer)


atexit.register(stop_worker)
