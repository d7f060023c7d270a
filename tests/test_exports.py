"""Exports analysts open: every format reopens with the warehouse's rows, Thai intact.

The warehouse holds the two legacy samples; what each file must hold is read from
the warehouse itself (every row, every column), and the values a person wrote down
by hand in the samples' goldens are checked in every format too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from bma_etl.cli import app
from bma_etl.errors import UsageError
from bma_etl.pipeline import ingest
from bma_etl.xlsx import MAX_ROWS, check_rows

from repo_paths import GOLDEN, SAMPLES

STEMS = ["000_52cb5c31ec83ab03", "002_9d2ef115f542a230"]
FORMATS = ["csv", "xlsx", "parquet", "json"]
runner = CliRunner()


@pytest.fixture(scope="module")
def wh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("wh") / "w.duckdb"
    ingest([SAMPLES / f"{stem}.txt" for stem in STEMS], db)
    return db


def _warehouse(db: Path, query: str) -> list[dict[str, Any]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(query)
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    finally:
        con.close()


# --- each format reopened, and what the warehouse's values look like in it ---------------

def _reopen(path: Path, fmt: str) -> list[dict[str, Any]]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    if fmt == "json":
        return list(json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal))
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return list(pq.read_table(path).to_pylist())
    import openpyxl

    # by its bytes: openpyxl opens a file by name only when the name ends in .xlsx
    sheet = openpyxl.load_workbook(io.BytesIO(path.read_bytes())).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _as_in(value: Any, fmt: str) -> Any:
    """A warehouse value as the format holds it (the format's documented mapping)."""
    if fmt == "parquet":
        return value
    if isinstance(value, list):
        if fmt == "json":
            return value
        return " | ".join(value)  # CSV and XLSX join list items
    if fmt == "csv":
        if value is None:
            return ""
        if isinstance(value, bool):
            return str(value).lower()
        return str(value)
    if fmt == "json":
        return value.isoformat() if isinstance(value, dt.date) else value
    # xlsx: dates are Excel dates (read back as datetimes), numbers are numbers
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, Decimal):
        return float(value)
    return value


def _expected(rows: list[dict[str, Any]], fmt: str) -> list[dict[str, Any]]:
    return [{k: _as_in(v, fmt) for k, v in row.items()} for row in rows]


def _key(row: dict[str, Any]) -> str:
    return repr(sorted((k, repr(v)) for k, v in row.items()))


def _same_rows(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> None:
    assert len(got) == len(want)
    assert sorted(got, key=_key) == sorted(want, key=_key)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("table", ["projects", "progress_updates"])
def test_export_reopens_with_the_warehouse_rows(wh: Path, tmp_path: Path, table: str,
                                                fmt: str) -> None:
    out = tmp_path / f"{table}.{fmt}"
    done = runner.invoke(app, ["export", table, "--format", fmt, "--out", str(out),
                               "--db", str(wh)])
    assert done.exit_code == 0, done.output
    want = _warehouse(wh, f"SELECT * FROM {table}")
    assert done.output.strip() == f"wrote {len(want)} rows of {table} to {out}"
    _same_rows(_reopen(out, fmt), _expected(want, fmt))
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary left


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_values_survive_every_format(wh: Path, tmp_path: Path, fmt: str) -> None:
    """What a person wrote down from sample 000 reads back from the file, Thai intact."""
    golden = json.loads((GOLDEN / f"{STEMS[0]}.json").read_text(encoding="utf-8"))
    (project,) = golden["tables"]["projects"]
    out = tmp_path / f"p.{fmt}"  # the format from the suffix
    assert runner.invoke(app, ["export", "projects", "--out", str(out), "--db", str(wh)]
                         ).exit_code == 0
    (row,) = [r for r in _reopen(out, fmt) if r["project_code"] == project["project_code"]]
    for column in ("project_name", "agency", "division", "responsible_person", "rationale"):
        assert row[column] == project[column], column
    start = dt.date.fromisoformat(project["start_date"])
    objectives = project["objectives"]
    progress = Decimal(project["progress_pct"])
    assert row["start_date"] == _as_in(start, fmt)
    assert row["objectives"] == (objectives if fmt in ("json", "parquet")
                                 else " | ".join(objectives))
    assert Decimal(str(row["progress_pct"])) == progress
    assert row["fiscal_year_be"] in (project["fiscal_year_be"], str(project["fiscal_year_be"]))


QUERY = ("SELECT p.project_code, p.project_name, p.objectives, u.report_date, u.progress_pct, "
         "u.on_plan, u.detail FROM projects p JOIN progress_updates u USING (doc_id) "
         "WHERE u.detail IS NOT NULL ORDER BY p.project_code, u.ordinal")


@pytest.mark.parametrize("fmt", FORMATS)
def test_sql_out_writes_the_query_result(wh: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"result.{fmt}"
    done = runner.invoke(app, ["sql", QUERY, "--out", str(out), "--db", str(wh)])
    assert done.exit_code == 0, done.output
    want = _warehouse(wh, QUERY)
    assert want and done.output.strip() == f"wrote {len(want)} rows to {out}"
    got = _reopen(out, fmt)
    assert got == _expected(want, fmt)  # in the query's order
    assert any("โครงการ" in str(r["project_name"]) for r in got)


def test_sql_out_format_option_beats_the_suffix(wh: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.dat"
    done = runner.invoke(app, ["sql", QUERY, "--out", str(out), "--format", "xlsx",
                               "--db", str(wh)])
    assert done.exit_code == 0, done.output
    assert _reopen(out, "xlsx") == _expected(_warehouse(wh, QUERY), "xlsx")


def test_sql_reads_the_query_from_stdin(wh: Path) -> None:
    shown = runner.invoke(app, ["sql", "-", "--db", str(wh), "--format", "json"],
                          input="select project_code, agency from projects order by 1\n")
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout) == _warehouse(
        wh, "select project_code, agency from projects order by 1")


def test_echo_into_bma_etl_sql(wh: Path, tmp_path: Path) -> None:
    """The shell pipe itself: `echo "select …" | bma-etl sql - --out FILE`."""
    command = Path(sys.executable).with_name("bma-etl")
    out = tmp_path / "agencies.csv"
    done = subprocess.run(
        f'echo "select agency, count(*) as n from projects group by 1 order by 1" '
        f'| "{command}" sql - --db "{wh}" --out "{out}"',
        shell=True, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    want = _warehouse(wh, "select agency, count(*) as n from projects group by 1 order by 1")
    assert _reopen(out, "csv") == _expected(want, "csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


# --- XLSX as an analyst sees it -----------------------------------------------------------

def test_xlsx_header_formats_and_widths(wh: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "projects.xlsx"
    assert runner.invoke(app, ["export", "projects", "--out", str(out), "--db", str(wh)]
                         ).exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet.title == "projects" and sheet.freeze_panes == "A2"
    header = {c.value: c for c in sheet[1]}
    assert list(header) == [r["column_name"] for r in _warehouse(wh, "DESCRIBE projects")]
    assert all(c.font.b for c in header.values())
    second = {name: sheet.cell(2, c.column) for name, c in header.items()}
    assert second["start_date"].is_date and second["start_date"].number_format == "yyyy-mm-dd"
    assert second["budget_allocated_thb"].data_type == "n"
    assert second["budget_allocated_thb"].number_format == "#,##0.00"
    assert second["project_code"].data_type == "s"
    widths = {}  # XlsxWriter writes equal neighbouring widths as one range
    for dim in sheet.column_dimensions.values():
        for col in range(dim.min, dim.max + 1):
            widths[sheet.cell(1, col).value] = dim.width
    assert 60 <= widths["project_name"] <= 62  # a long Thai name: the cap
    assert 12 <= widths["project_code"] <= 17  # '04160000-3949' and a little room
    assert widths["fiscal_year_be"] >= len("fiscal_year_be")


def test_xlsx_text_is_never_a_formula(wh: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "f.xlsx"
    assert runner.invoke(app, ["sql", "select '=1+1' as f, '+66 2 123' as phone", "--out",
                               str(out), "--db", str(wh)]).exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert [(c.value, c.data_type) for c in sheet[2]] == [("=1+1", "s"), ("+66 2 123", "s")]


def test_xlsx_refuses_more_rows_than_a_sheet(tmp_path: Path) -> None:
    db = tmp_path / "big.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(f"CREATE TABLE big AS SELECT range AS n FROM range({MAX_ROWS})")
    out = tmp_path / "big.xlsx"
    for args in (["export", "big", "--out", str(out)], ["sql", "from big", "--out", str(out)]):
        done = runner.invoke(app, [*args, "--db", str(db)])
        assert done.exit_code == 2, done.output
        assert done.output.strip().endswith(
            "has 1,048,576 rows; an Excel sheet holds 1,048,575 below its header: write csv or "
            "parquet, or select fewer rows (bma-etl sql QUERY --out FILE.xlsx)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.duckdb"]
    check_rows(MAX_ROWS - 1, "x")  # the last row that fits, beside its header
    with pytest.raises(UsageError):
        check_rows(MAX_ROWS, "x")


def test_xlsx_refuses_a_value_longer_than_a_cell(wh: Path, tmp_path: Path) -> None:
    query = "select 1 as n, repeat('ก', 32768) as t"
    done = runner.invoke(app, ["sql", query, "--out", str(tmp_path / "t.xlsx"), "--db", str(wh)])
    assert done.exit_code == 2, done.output
    assert "row 1, column t holds 32,768 characters; an Excel cell holds at most 32,767" in (
        done.output)
    assert not (tmp_path / "t.xlsx").exists()
    fits = runner.invoke(app, ["sql", query.replace("32768", "32767"), "--out",
                               str(tmp_path / "t.xlsx"), "--db", str(wh)])
    assert fits.exit_code == 0, fits.output
    assert len(_reopen(tmp_path / "t.xlsx", "xlsx")[0]["t"]) == 32767


# --- safety: nothing overwritten, nothing written by sql but --out ---------------------------

@pytest.mark.parametrize("command", [["export", "projects"], ["sql", "select 1 as a"]])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_overwrite_without_force(wh: Path, tmp_path: Path, command: list[str],
                                    fmt: str) -> None:
    out = tmp_path / f"x.{fmt}"
    out.write_text("keep me\n", encoding="utf-8")
    done = runner.invoke(app, [*command, "--out", str(out), "--db", str(wh)])
    assert done.exit_code == 2
    assert done.output.strip() == f"export: {out}: exists; give --force to replace it"
    assert out.read_text(encoding="utf-8") == "keep me\n"
    forced = runner.invoke(app, [*command, "--out", str(out), "--db", str(wh), "--force"])
    assert forced.exit_code == 0, forced.output
    assert _reopen(out, fmt)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_sql_out_never_the_warehouse(wh: Path) -> None:
    before = wh.read_bytes()
    done = runner.invoke(app, ["sql", "select 1", "--out", str(wh), "--format", "csv",
                               "--db", str(wh), "--force"])
    assert done.exit_code == 2 and "this is the warehouse" in done.output
    assert wh.read_bytes() == before


def test_sql_out_stays_read_only(wh: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    done = runner.invoke(app, ["sql", f"COPY projects TO '{tmp_path / 'y.csv'}'", "--out",
                               str(out), "--db", str(wh)])
    assert done.exit_code == 1 and "COPY writes or reads files" in done.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("args", "message"), [
    (["sql", "select 1", "--out", "{tmp}/x.txt"],
     "export: {tmp}/x.txt: cannot tell the format from its suffix '.txt'; end the name in "
     ".parquet, .csv, .json, .xlsx or give --format parquet|csv|json|xlsx"),
    (["export", "projects", "--out", "{tmp}/noext"],
     "export: {tmp}/noext: cannot tell the format from a name without a suffix; end the name "
     "in .parquet, .csv, .json, .xlsx or give --format parquet|csv|json|xlsx"),
    (["sql", "select 1", "--out", "{tmp}/x.csv", "--format", "table"],
     "export: 'table' is not a file format; use parquet, csv, json, xlsx"),
    (["sql", "select 1", "--format", "xlsx"], "--format xlsx writes a file; give --out FILE"),
])
def test_format_mistakes_are_one_line(wh: Path, tmp_path: Path, args: list[str],
                                      message: str) -> None:
    done = runner.invoke(app, [*[a.format(tmp=tmp_path) for a in args], "--db", str(wh)])
    assert done.exit_code == 2
    assert done.output.strip() == message.format(tmp=tmp_path)
    assert list(tmp_path.iterdir()) == []
