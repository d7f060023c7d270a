"""Files are vetted before they are read: a hostile file cannot stall or crash a run.

One test per kind found in input folders: a FIFO named ``.txt``, a ``.txt`` link to
``/dev/zero``, a name that is not UTF-8, a file over its size limit, a file that
reads slowly; and the run as a whole over a folder holding all of them.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import duckdb
import pytest
from typer.testing import CliRunner

from bma_etl.cli import app
from bma_etl.errors import ReadError
from bma_etl.pipeline import ingest
from bma_etl.read import read_bytes

from repo_paths import ROOT, SAMPLES

GOOD = SAMPLES / "000_52cb5c31ec83ab03.txt"
OTHER = SAMPLES / "002_9d2ef115f542a230.txt"
runner = CliRunner()


@contextlib.contextmanager
def _within(seconds: float) -> Iterator[None]:
    """Fail the test, rather than hang the suite, when the block blocks."""
    def stop(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"blocked for more than {seconds} s")

    before = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def _non_utf8(folder: Path, name: bytes) -> Path:
    """A path in ``folder`` whose name is the bytes ``name`` (as os.fsdecode gives it)."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + name))


def _quarantined(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("SELECT file_name, error FROM documents "
                                "WHERE status = 'quarantined'").fetchall())
    finally:
        con.close()


def test_fifo_is_refused_without_blocking(tmp_path: Path, db: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    with _within(10), pytest.raises(ReadError, match=r"is a named pipe \(FIFO\), not a regular"):
        read_bytes(fifo)
    with _within(30):
        summary = ingest([tmp_path], db)
    assert (summary.files_seen, summary.quarantined) == (1, 1)
    assert "only regular files are read" in _quarantined(db)["report.txt"]


def test_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with _within(10), pytest.raises(ReadError) as caught:
        read_bytes(link)
    assert "(a link to /dev/zero): is a character device, not a regular file" \
        in caught.value.reason()


def test_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(GOOD)
    assert read_bytes(link) == GOOD.read_bytes()


def test_broken_link_and_link_loop_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "gone.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(ReadError, match="is a link to nothing"):
        read_bytes(broken)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(ReadError, match="a loop of symbolic links"):
        read_bytes(loop)


def test_unsupported_suffix_is_refused_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "notes.docx"
    os.mkfifo(fifo)
    with _within(10), pytest.raises(ReadError, match=r"unsupported file type \.docx"):
        read_bytes(fifo)


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: 200 MB by its size, nothing on disk
        f.truncate(200_000_000)
    monkeypatch.setattr(os, "read", _no_read)
    with pytest.raises(ReadError) as caught:
        read_bytes(big)
    assert caught.value.reason().endswith(
        "big.txt: 200.0 MB, over the limit of 64 MB for a text or HTML file "
        "(raise BMA_ETL_MAX_TEXT_MB if it is a real report)")


def _no_read(fd: int, n: int) -> bytes:
    raise AssertionError("the file was read")


def test_size_limits_by_kind_from_the_environment(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "scan.pdf"
    with pdf.open("wb") as f:
        f.truncate(150_000_000)
    text = tmp_path / "page.html"
    text.write_bytes(b"<p>x</p>" * 200)
    with pytest.raises(ReadError, match=r"150\.0 MB, over the limit of 100 MB for a PDF"):
        monkeypatch.setenv("BMA_ETL_MAX_PDF_MB", "100")
        read_bytes(pdf)
    monkeypatch.setenv("BMA_ETL_MAX_TEXT_MB", "0.001")
    with pytest.raises(ReadError, match="raise BMA_ETL_MAX_TEXT_MB"):
        read_bytes(text)


def test_reading_stops_at_the_limit_whatever_the_size_said(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    # A /proc file says it has 0 bytes and has more.
    link = tmp_path / "maps.txt"
    link.symlink_to("/proc/self/maps")
    monkeypatch.setenv("BMA_ETL_MAX_TEXT_MB", "0.0001")
    with pytest.raises(ReadError, match="more than its size said while read, over the limit"):
        read_bytes(link)


def test_reading_has_a_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_bytes(b"x" * (3 << 20))
    monkeypatch.setenv("BMA_ETL_READ_TIMEOUT", "0.000001")
    with pytest.raises(ReadError, match=r"reading took longer than 1e-06 s .*BMA_ETL_READ_TIMEOUT"):
        read_bytes(slow)


def test_good_report_with_a_non_utf8_name_loads(tmp_path: Path, db: Path) -> None:
    shutil.copy(GOOD, _non_utf8(tmp_path, b"r\xe9port \xff.txt"))
    summary = ingest([tmp_path], db)
    assert (summary.loaded, summary.quarantined) == (1, 0)
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute("SELECT source_path, file_name FROM documents").fetchone()
    con.close()
    assert row == (f"{tmp_path}/r\\xe9port \\xff.txt", "r\\xe9port \\xff.txt")
    # The stored path is the same next run: the file is unchanged, not moved.
    assert ingest([tmp_path], db).unchanged == 1


def test_bad_file_with_a_non_utf8_name_is_quarantined(tmp_path: Path, db: Path) -> None:
    _non_utf8(tmp_path, b"note\xe9.txt").write_bytes(b"")
    os.mkfifo(_non_utf8(tmp_path, b"pipe\xe9.txt"))
    shutil.copy(GOOD, tmp_path / "good.txt")
    summary = ingest([tmp_path], db)
    assert (summary.loaded, summary.quarantined) == (1, 2)
    errors = _quarantined(db)
    assert errors["note\\xe9.txt"] == "read: note\\xe9.txt: file is empty"
    assert errors["pipe\\xe9.txt"].startswith(f"read: {tmp_path}/pipe\\xe9.txt: is a named pipe")


def test_peak_memory_on_a_200_mb_text_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(200_000_000)
    # The peak of this process's own memory (VmHWM, kB; a new process image starts
    # its own): getrusage's ru_maxrss is kept across exec, so it would count the
    # test runner's memory at the fork, however big the suite has made it by then.
    script = ("import re, sys; from pathlib import Path; "
              "from bma_etl.pipeline import ingest; "
              "s = ingest([Path(sys.argv[1])], Path(sys.argv[2])); "
              "hwm = re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text()); "
              "print(s.quarantined, hwm.group(1))")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", script, str(big), str(tmp_path / "w.duckdb")],
                         capture_output=True, text=True, env=env, timeout=120, check=True)
    quarantined, peak_kb = map(int, out.stdout.split())
    assert quarantined == 1
    assert peak_kb < 1_000_000, f"peak {peak_kb / 1000:.0f} MB"


def test_hostile_folder_run_ends_and_good_files_load(tmp_path: Path) -> None:
    """The issue's case: a FIFO, a /dev/zero link, a non-UTF-8 name and a good file."""
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    shutil.copy(OTHER, _non_utf8(folder, b"r\xe9port.txt"))
    shutil.copy(GOOD, folder / "good.txt")
    (folder / "notes.docx").write_bytes(b"PK")
    db = tmp_path / "w.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-m", "bma_etl", "ingest", str(folder), "--db", str(db),
                          "--workers", "2", "--log-json"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 3, out.stderr
    lines = {Path(x["path"]).name: x for x in map(json.loads, out.stdout.splitlines())
             if x["event"] == "file"}
    assert {name: x["state"] for name, x in lines.items()} == {
        "fifo.txt": "quarantined", "zero.txt": "quarantined",
        "good.txt": "loaded", "r\\xe9port.txt": "loaded"}
    assert "4 files: 2 loaded, 0 unchanged, 2 quarantined, 1 skipped (not a report type)" \
        in out.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT files_seen, loaded, quarantined, skipped "
                           "FROM ingest_runs").fetchall() == [(4, 2, 2, 1)]
    finally:
        con.close()


def test_nothing_to_read_says_so_and_exits_3(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.docx").write_bytes(b"PK")
    (folder / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftyp")  # a photo is a scan now
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 3
    assert result.output.strip().splitlines()[-1] == (
        "nothing to read: no .txt .csv .md .markdown .html .htm .mhtml .mht .pdf .png .jpg .jpeg "
        ".tif .tiff "
        "file in "
        f"{folder} "
        "(2 skipped: not a report type)")
    assert "skipped" in runner.invoke(app, ["status", "--db", str(db)]).output


def test_older_warehouse_gains_the_skipped_column(db: Path, tmp_path: Path) -> None:
    from bma_etl.load import ddl

    old = "\n".join(line for line in ddl().splitlines()
                    if "skipped" not in line).replace("args VARCHAR,", "args VARCHAR")
    con = duckdb.connect(str(db))
    con.execute(old)
    con.close()
    (tmp_path / "in").mkdir()
    shutil.copy(GOOD, tmp_path / "in" / "a.txt")
    (tmp_path / "in" / "b.docx").write_text("x\n")
    assert ingest([tmp_path / "in"], db).skipped == 1
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT skipped FROM ingest_runs").fetchall() == [(1,)]
    finally:
        con.close()


def test_reextract_outdated_alone_with_nothing_outdated_is_a_quiet_night(tmp_path: Path) -> None:
    """A nightly `ingest --reextract-outdated` with nothing to redo exits 0, not 3."""
    db = tmp_path / "w.duckdb"
    env = {**os.environ, "BMA_ETL_CACHE": "off"}
    bin_ = Path(sys.executable).parent / "bma-etl"
    done = subprocess.run([str(bin_), "ingest", "--reextract-outdated", "--db", str(db)],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "nothing to re-extract" in done.stdout
