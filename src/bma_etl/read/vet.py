r"""Vet a file before its bytes are read, then read them within limits.

Stage: read (its first step). Consumes a path and the media type its suffix gave;
produces the file's bytes, or a :class:`~bma_etl.errors.ReadError` a person can act on.

A hostile file in an input folder must not stall or crash a run:

- only a regular file is read. ``os.stat`` (which follows links, and never blocks
  on a FIFO) refuses a FIFO, a device (a ``.txt`` link to ``/dev/zero``), a socket or
  a folder before anything is opened;
- the file is opened with ``O_NONBLOCK``, so a FIFO swapped in after the check cannot
  block the open either, and checked again on the open descriptor;
- a file over its size limit (:func:`~bma_etl.limits.max_file_bytes`) is refused
  from its size, before one byte is read; reading stops one byte past the limit
  whatever the size said (a file that grows, a ``/proc`` file that says 0);
- reading goes in 1 MB chunks under a time limit
  (:func:`~bma_etl.limits.read_time_limit`), checked after each chunk.

Path names are bytes on POSIX: a name that is not UTF-8 reaches Python with
``os.fsdecode``'s surrogates, which no UTF-8 column can store. :func:`path_text` is
the name as stored and shown, its stray bytes written ``\xNN``.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

from bma_etl.errors import ReadError, storable
from bma_etl.limits import MB, max_file_bytes, read_time_limit

#: Bytes read at a time; the time limit is checked between chunks.
CHUNK = 1 << 20

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) \
    | getattr(os, "O_CLOEXEC", 0)


def path_text(path: Path | str) -> str:
    r"""The path as ``documents.source_path`` stores it (see :func:`~bma_etl.errors.storable`).

    >>> path_text(Path(os.fsdecode(b"/in/r\xe9port.txt")))
    '/in/r\\xe9port.txt'
    """
    return storable(str(path))


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words.

    >>> kind_of(stat.S_IFIFO)
    'a named pipe (FIFO)'
    """
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_vetted(path: Path, media_type: str) -> bytes:
    """The bytes of ``path`` if it is a regular file within its limits, else ReadError."""
    name = path_text(path)
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        gone = "is a link to nothing" if os.path.islink(path) else "no longer exists"
        raise ReadError(f"{name}: {gone}; remove it or restore its target") from exc
    except OSError as exc:
        raise _os_error(name, exc) from exc
    limit, variable = max_file_bytes(media_type)
    if not stat.S_ISREG(info.st_mode) and os.path.islink(path):
        name = f"{name} (a link to {path_text(os.path.realpath(path))})"
    _vet(name, info, limit, variable, media_type)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _os_error(name, exc) from exc
    try:
        # The file may have been replaced since os.stat: vet what is open.
        _vet(name, os.fstat(fd), limit, variable, media_type)
        return _read_fd(fd, name, limit, variable, media_type)
    finally:
        os.close(fd)


def _vet(name: str, info: os.stat_result, limit: int, variable: str, media_type: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(f"{name}: is {kind_of(info.st_mode)}, not a regular file; only regular "
                        "files are read (remove it from the input folder)")
    if info.st_size > limit:
        raise ReadError(_too_big(name, f"{info.st_size / MB:,.1f} MB", limit, variable,
                                 media_type))


def _read_fd(fd: int, name: str, limit: int, variable: str, media_type: str) -> bytes:
    seconds = read_time_limit()
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = os.read(fd, min(CHUNK, limit + 1 - total))
        except BlockingIOError as exc:  # only a file that is not regular says "later"
            raise ReadError(f"{name}: would block; only regular files are read") from exc
        except OSError as exc:
            raise _os_error(name, exc) from exc
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise ReadError(_too_big(name, "more than its size said while read", limit,
                                     variable, media_type))
        if time.monotonic() > deadline:
            raise ReadError(f"{name}: reading took longer than {seconds:g} s ({total / MB:,.1f} "
                            "MB read); copy it to a local disk, or raise BMA_ETL_READ_TIMEOUT")


def _too_big(name: str, size: str, limit: int, variable: str, media_type: str) -> str:
    kind = "a PDF" if media_type == "application/pdf" else "a scan image" \
        if media_type.startswith("image/") else "a text or HTML file"
    return (f"{name}: {size}, over the limit of {limit / MB:,.0f} MB for {kind} "
            f"(raise {variable} if it is a real report)")


def _os_error(name: str, exc: OSError) -> ReadError:
    if isinstance(exc, PermissionError):
        return ReadError(f"{name}: permission denied; make the file readable")
    if exc.errno == errno.ELOOP:
        return ReadError(f"{name}: a loop of symbolic links; remove it")
    return ReadError(f"{name}: cannot be read ({exc.strerror or exc})")
