"""Output that fits a terminal: real 80-column pseudo-terminals, -v anywhere, completion.

Commands run under a pseudo-terminal (Python's ``pty``), 80 columns wide; no line
may be wider than 80 display cells (rich's ``cell_len``: a Thai vowel or tone mark
above or below its letter takes no cell), and every value must still be all there,
folded onto more lines but never cut.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from bma_etl.cli import app, verbose_first
from bma_etl.pipeline import ingest

from repo_paths import GOLDEN, SAMPLES

COLUMNS = 80
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
# Long Thai values with vowels and tone marks above and below their letters, and SARA AM.
THAI = ("โครงการปรับปรุงภูมิทัศน์และระบบระบายน้ำในพื้นที่สำนักงานเขตจตุจักรเพื่อลดปัญหาน้ำท่วมขัง"
        "ในฤดูฝนและเพิ่มพื้นที่สีเขียวให้ประชาชนได้ใช้ประโยชน์")
THAI_2 = "สำนักการระบายน้ำ กองระบบคลอง ฝ่ายสำรวจและออกแบบ กลุ่มงานผู้เชี่ยวชาญด้านวิศวกรรมโยธา"
STAMP = "2024-01-31 23:59:58"


def in_pty(*args: str, columns: int | None = COLUMNS) -> str:
    """Run ``bma-etl ARGS`` under a pseudo-terminal ``COLUMNS`` wide; its output, plain.

    ``columns`` None leaves $COLUMNS unset: the width comes from the terminal alone.
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, COLUMNS, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    if columns is not None:
        env["COLUMNS"] = str(columns)
    proc = subprocess.Popen([sys.executable, "-m", "bma_etl", *args], stdin=slave,
                            stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    chunks: list[bytes] = []
    try:
        while select.select([master], [], [], 60)[0]:
            try:
                data = os.read(master, 1 << 16)
            except OSError:  # EIO: the command ended and closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
        proc.wait(timeout=60)
    assert proc.returncode in (0, 3), b"".join(chunks).decode(errors="replace")
    return ANSI.sub("", b"".join(chunks).decode("utf-8")).replace("\r\n", "\n")


def squash(text: str) -> str:
    return "".join(text.split())


def column_texts(shown: str) -> list[str]:
    """Each table column's cells read top to bottom, joined (tables drawn with │ between)."""
    columns: list[str] = []
    body = False
    for line in shown.splitlines():
        if "┼" in line:
            body, columns = True, columns + [""] * (line.count("┼") + 1)
            start = len(columns) - line.count("┼") - 1
        elif body and "│" in line:
            for i, cell in enumerate(line.split("│")):
                columns[start + i] += squash(cell)
        else:
            body = False
    return columns


def assert_fits_and_whole(shown: str, values: list[str]) -> None:
    wide = [line for line in shown.splitlines() if cell_len(line) > COLUMNS]
    assert not wide, wide
    places = [squash(shown), *column_texts(shown)]
    for value in values:
        assert any(squash(value) in place for place in places), value


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    for sample in sorted(SAMPLES.glob("*.txt"))[:3]:
        shutil.copy(sample, folder)
    (folder / f"{THAI_2}.txt").write_text("ไม่ใช่รายงาน\n", encoding="utf-8")
    db = folder.parent / "w.duckdb"
    summary = ingest([folder], db, workers=1)
    assert (summary.loaded, summary.quarantined) == (3, 1)
    return db


def test_status_fits_80_columns(warehouse: Path) -> None:
    shown = in_pty("status", "--db", str(warehouse))
    assert_fits_and_whole(shown, [f"{THAI_2}.txt", "no known layout", "legacy_progress_form",
                                  "web_progress_history", "files_seen"])


def test_sql_long_thai_values_and_timestamps_fit_80_columns(warehouse: Path) -> None:
    query = (f"select '{THAI}' as project_name, '{THAI_2}' as agency, "
             f"timestamp '{STAMP}' as ingested_at, 1234567.5 as budget "
             f"union all select 'สั้น', 'ก', timestamp '2020-02-29 00:00:00', 0")
    for columns in (COLUMNS, None):  # $COLUMNS, or the terminal's own width
        shown = in_pty("sql", query, "--db", str(warehouse), columns=columns)
        assert_fits_and_whole(shown, [THAI, THAI_2, STAMP, "1234567.5", "2020-02-29 00:00:00"])


def test_extract_on_a_terminal_is_records_that_fit_80_columns() -> None:
    sample = SAMPLES / "002_9d2ef115f542a230.txt"
    golden = json.loads((GOLDEN / f"{sample.stem}.json").read_text(encoding="utf-8"))
    shown = in_pty("extract", str(sample))
    values: list[str] = []
    for rows in golden["tables"].values():
        for row in rows:
            for value in row.values():
                if isinstance(value, list):
                    values += [str(item) for item in value]
                elif isinstance(value, bool):
                    values.append("true" if value else "false")
                elif value is not None:
                    values.append(str(value))
    assert_fits_and_whole(shown, values)
    assert "projects 1/1" in shown and "progress_updates 13/13" in shown
    assert "project_name:" in shown  # field: value, not a table 27 columns wide


def test_extract_off_a_terminal_is_still_json() -> None:
    result = CliRunner().invoke(app, ["extract", str(SAMPLES / "002_9d2ef115f542a230.txt")])
    assert set(json.loads(result.stdout)) >= {"projects", "progress_updates", "provenance"}


@pytest.mark.parametrize("args", [["-v", "status"], ["status", "-v"], ["status", "--verbose"]])
def test_verbose_anywhere_on_the_line(args: list[str], tmp_path: Path) -> None:
    nope = str(tmp_path / "none.duckdb")
    loud = CliRunner().invoke(app, [*args, "--db", nope])
    quiet = CliRunner().invoke(app, ["status", "--db", nope])
    assert loud.exit_code == quiet.exit_code == 2
    assert "Traceback" in loud.output and "Traceback" not in quiet.output


def test_an_option_value_or_words_after_double_dash_stay_put() -> None:
    commands = {"sql": app_command("sql"), "search": app_command("search")}
    assert verbose_first(commands, ["sql", "select 1", "--db", "-v"]) == \
        ["sql", "select 1", "--db", "-v"]
    assert verbose_first(commands, ["search", "--", "-v"]) == ["search", "--", "-v"]
    assert verbose_first(commands, ["search", "-v", "ฝุ่น", "--layout", "x"]) == \
        ["-v", "search", "ฝุ่น", "--layout", "x"]


def app_command(name: str) -> object:
    import typer

    return typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]


def test_shell_completion_completes_commands_and_options() -> None:
    def complete(words: str) -> list[str]:
        env = {**os.environ, "_BMA_ETL_COMPLETE": "complete_bash", "COMP_WORDS": words,
               "COMP_CWORD": str(len(words.split()) - 1)}
        done = subprocess.run([sys.executable, "-m", "bma_etl"], env=env, text=True,
                              capture_output=True, check=True)
        return done.stdout.split()

    assert complete("bma-etl sta") == ["status"]
    assert complete("bma-etl ingest --wo") == ["--workers"]
    shown = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "100"}).output
    assert "--install-completion" in shown and "--show-completion" in shown
    for command in (["--help"], ["status", "--help"], ["ingest", "--help"]):
        assert "<bool>" not in CliRunner().invoke(app, command, env={"COLUMNS": "100"}).output
