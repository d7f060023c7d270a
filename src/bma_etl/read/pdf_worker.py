"""Run pdfium calls in a worker process with a time limit.

Stage: read. A PDF that hangs or crashes the parser costs one file (quarantined
with a :class:`~bma_etl.errors.ReadError`), never the batch.
"""

from __future__ import annotations

import atexit
import gc
import logging
import os
import signal
import subprocess
import sys
import threading
import time
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
#: Allocations between the worker's cyclic garbage collections (Python's default is
#: 700). Reading a page makes many short-lived objects and almost no cycles.
_GC_THRESHOLD = 20_000

T = TypeVar("T")


def time_limit() -> float:
    """Seconds one parse or render call may take (``BMA_ETL_PDF_TIMEOUT`` or the default)."""
    return seconds_from_env("BMA_ETL_PDF_TIMEOUT", DEFAULT_TIME_LIMIT)


class _Forked:
    """A worker forked from this process: the :class:`subprocess.Popen` calls it needs."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere
                self.returncode = -1
            else:
                if pid:
                    self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None:
            os.kill(self.pid, signal.SIGKILL)

    def wait(self, timeout: float) -> int | None:
        ends = time.monotonic() + timeout
        while self.poll() is None and time.monotonic() < ends:
            time.sleep(0.005)
        return self.returncode


def _may_fork() -> bool:
    """Whether the worker can be forked from this process rather than started afresh.

    Linux only, and only from a process with one thread: a fork copies no other
    thread, and a lock one of them held would stay locked in the child.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _fork(calls_fd: int, answers_fd: int) -> _Forked:
    """Fork a worker that serves on the two pipe ends; it never returns here."""
    pid = os.fork()
    if pid:
        return _Forked(pid)
    try:  # the child: the parent's modules are loaded; its files and logging are not its own
        keep = sorted({0, 1, 2, calls_fd, answers_fd})
        for low, high in zip(keep, [*keep[1:], os.sysconf("SC_OPEN_MAX")], strict=True):
            os.closerange(low + 1, high)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        for number in (signal.SIGINT, signal.SIGTERM):  # the caller's handlers are not ours
            signal.signal(number, signal.default_int_handler if number == signal.SIGINT
                          else signal.SIG_DFL)
        logging.root.handlers.clear()  # as a fresh interpreter: warnings to stderr
        for logger in logging.root.manager.loggerDict.values():
            if isinstance(logger, logging.Logger):
                logger.handlers.clear()
        gc.freeze()  # the parent's objects are never garbage here: leave them untouched
        serve(calls_fd, answers_fd)
    finally:
        os._exit(0)


class _Worker:
    """A process that runs pdfium calls, so a hang or crash costs one file, not the run.

    Forked from this process when it has a single thread (Linux): the modules the
    calls need are loaded already, so starting costs milliseconds, not the
    0.3-0.5 s of CPU a new interpreter spends importing them (an ``ingest`` worker
    starts one per run). Otherwise a fresh interpreter (``python -c``), not a
    multiprocessing child: that would re-run the caller's ``__main__``, which a
    script without a main guard cannot bear. Calls and answers are pickled over
    two pipes.
    """

    def __init__(self) -> None:
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        self.process: subprocess.Popen[bytes] | _Forked
        try:
            if _may_fork():
                self.process = _fork(to_child, from_child)
            else:
                env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
                code = ("import sys; from bma_etl.read.pdf_worker import serve; "
                        "serve(*map(int, sys.argv[1:]))")
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
    if _here and threading.current_thread() is threading.main_thread():
        return _call_here(fn, args, what, limit)
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


#: Whether calls run in this process (see :func:`read_here`).
_here = False


def read_here() -> None:
    """Run the calls in this process from now on, under a SIGALRM time limit.

    For a process that is expendable itself (an ``ingest`` pool worker): a call
    that hangs ends it when its time is up (SIGALRM's default action, which stops
    even C code holding the interpreter), a crash ends it too, and its pool retries
    its files one by one in processes that read through the worker process
    (:func:`~bma_etl.pipeline_worker._one_by_one`), where the file is quarantined
    with the reason it would have had. Saves the worker process: its start, and
    the PDF bytes and the pages sent through pipes. Calls from other threads still
    go to the worker process (one timer per process).
    """
    global _here
    _here = True
    signal.signal(signal.SIGALRM, signal.SIG_DFL)


def _call_here(fn: Callable[..., T], args: tuple[Any, ...], what: str, limit: float) -> T:
    # A timer already running (a file's own limit) is put back, less the time spent.
    began = time.monotonic()
    before, _ = signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return fn(*args)
    except ReadError:
        raise
    except Exception as exc:  # the worker process's answer for the same failure
        raise RuntimeError(f"{what}: PDF worker failed: {type(exc).__name__}: {exc}") from exc
    finally:
        left = before - (time.monotonic() - began) if before else 0.0
        signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3) if before else 0.0)


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
    # The same in a forked worker as in a fresh one, whatever its parent's setting
    gc.set_threshold(_GC_THRESHOLD, 20, 100)

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
