"""The loader: idempotent, replaces per document, quarantines, keeps snapshots."""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from bma_etl.errors import WarehouseError
from bma_etl.load import ROW_GROUP_SIZE, STORAGE_VERSION, Warehouse, ddl, run_lock
from bma_etl.pipeline import ingest, process_file

from repo_paths import FIXTURES, SAMPLES

LEGACY = [SAMPLES / "000_52cb5c31ec83ab03.txt", SAMPLES / "002_9d2ef115f542a230.txt"]
TABLES = ("documents", "projects", "progress_updates", "provenance", "quality_issues",
          "document_texts")


def _counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def test_rerun_skips_unchanged_content(db: Path) -> None:
    first = ingest(LEGACY, db)
    assert (first.loaded, first.unchanged, first.quarantined) == (2, 0, 0)
    before = _counts(db)
    second = ingest(LEGACY, db)
    assert (second.loaded, second.unchanged) == (0, 2)
    assert _counts(db) == before


def test_force_replaces_rows_never_duplicates(db: Path) -> None:
    ingest(LEGACY, db)
    before = _counts(db)
    again = ingest(LEGACY, db, force=True)
    assert again.loaded == 2
    assert _counts(db) == before


def test_progress_updates_counts(db: Path) -> None:
    ingest(LEGACY, db)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("select p.project_code, count(*) from progress_updates u join projects p "
                       "using (doc_id) group by 1 order by 1").fetchall()
    assert rows == [("01000000-2456", 13), ("04160000-3949", 7)]
    ordinals = con.execute("select ordinal from progress_updates u join projects p using (doc_id)"
                           " where project_code = '01000000-2456' order by ordinal").fetchall()
    assert [o for (o,) in ordinals] == list(range(1, 14))


def test_unreadable_file_is_quarantined_and_batch_goes_on(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    unknown = tmp_path / "note.txt"
    unknown.write_text("บันทึกข้อความทั่วไป ไม่ใช่รายงาน\n", encoding="utf-8")
    summary = ingest([bad, binary, unknown, *LEGACY], db)
    assert (summary.loaded, summary.quarantined, summary.exit_code) == (2, 3, 3)
    con = duckdb.connect(str(db), read_only=True)
    errors = dict(con.execute("select file_name, error from documents "
                              "where status = 'quarantined'").fetchall())
    assert errors["empty.txt"] == "read: empty.txt: file is empty"
    assert errors["blob.txt"].startswith("read: blob.txt: looks binary")
    assert errors["note.txt"].startswith("detect: no known layout recognised")


def test_quarantined_file_is_not_retried_unless_asked(db: Path, tmp_path: Path) -> None:
    unknown = tmp_path / "note.txt"
    unknown.write_text("ข้อความอื่น\n", encoding="utf-8")
    ingest([unknown], db)
    assert ingest([unknown], db).unchanged == 1
    assert ingest([unknown], db, retry_quarantined=True).quarantined == 1


def test_changed_file_is_a_new_snapshot_and_latest_moves(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "form.txt"
    shutil.copy(LEGACY[1], path)
    ingest([path], db)
    text = path.read_text(encoding="utf-8")
    extra = ("รายงานครั้งที่ 13\t:: 29/9/2563 : ปิดโครงการ :: ความก้าวหน้าของงานฯ = 45.00 % "
             "งบประมาณที่เบิกใช้ (ครั้งที่ 13) = 0 บาท\t: ไม่เป็นไปตามแผน\t: ไม่เป็นไปตามเป้าหมาย\n")
    path.write_text(text.replace("\nขอรับรองว่า", "\n" + extra + "\nขอรับรองว่า"),
                    encoding="utf-8")
    assert ingest([path], db).loaded == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from projects").fetchone() == (2,)
    latest = con.execute("select progress_pct, latest_report_date from v_projects_latest "
                         "where project_code = '01000000-2456'").fetchall()
    assert [(float(a), str(b)) for a, b in latest] == [(45.0, "2020-09-29")]


def test_views_answer(db: Path) -> None:
    ingest(LEGACY, db)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from v_progress_timeline").fetchone() == (20,)
    assert con.execute("select count(*) from v_projects_latest").fetchone() == (2,)


def test_failed_load_rolls_back(db: Path) -> None:
    processed = process_file(LEGACY[0])
    tables = dict(processed.tables)
    # A second row with the same key makes the insert fail half-way through the document.
    tables["progress_updates"] = [*tables["progress_updates"], tables["progress_updates"][0]]
    with Warehouse(db) as wh, pytest.raises(WarehouseError):
        wh.load(tables)
    assert _counts(db) == dict.fromkeys(TABLES, 0)


def _hold(db: Path, seconds: float, read_only: bool = False) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb,time; c=duckdb.connect({str(db)!r}, read_only={read_only}); "
         f"print('ok', flush=True); time.sleep({seconds})"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
    return holder


def test_locked_warehouse_gives_a_clear_error(db: Path) -> None:
    ingest(LEGACY[:1], db)
    holder = _hold(db, 30)
    try:
        with pytest.raises(WarehouseError, match="in use by another process"):
            ingest(LEGACY, db, wait=0.5)
    finally:
        holder.kill()
        holder.wait()


def test_writer_waits_for_a_reader_to_finish(db: Path) -> None:
    ingest(LEGACY[:1], db)
    holder = _hold(db, 1.5, read_only=True)
    try:
        summary = ingest(LEGACY, db, wait=30)
    finally:
        holder.wait()
    assert (summary.loaded, summary.unchanged) == (1, 1)


def test_second_run_at_once_exits_with_clear_message(db: Path) -> None:
    with run_lock(db), pytest.raises(WarehouseError, match=r"another ingest .* is running"):
        ingest(LEGACY, db)


def test_plan_beside_spent_budget_for_same_year_and_agency(db: Path, tmp_path: Path) -> None:
    form = tmp_path / "form-2565.txt"
    form.write_text(LEGACY[0].read_text(encoding="utf-8")
                    .replace("ปีงบประมาณ พ.ศ. : 2563", "ปีงบประมาณ พ.ศ. : 2565")
                    .replace("งบประมาณที่ได้รับ : 0 บาท", "งบประมาณที่ได้รับ : 250,000 บาท")
                    .replace("งบประมาณที่ใช้ไป : 0 บาท", "งบประมาณที่ใช้ไป : 120,500 บาท"),
                    encoding="utf-8")
    ingest([SAMPLES / "003_bab53728cf3029b8.txt", form], db)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("select fiscal_year_be, plan_agency, planned_thb, allocated_thb, "
                       "spent_thb, projects from v_plan_vs_actual").fetchall()
    assert [(fy, ag, float(pl), float(al), float(sp), n) for fy, ag, pl, al, sp, n in rows] == [
        (2565, "สำนักงานการต่างประเทศ", 16344400.0, 250000.0, 120500.0, 1)]


def test_writer_keeps_row_groups_small(db: Path, tmp_path: Path) -> None:
    # A checkpoint rewrites an indexed table's last row group whole; small row groups
    # keep that cost flat as the warehouse grows (see load.ROW_GROUP_SIZE).
    folder = tmp_path / "many"
    folder.mkdir()
    text = LEGACY[0].read_text(encoding="utf-8")
    for i in range(260):
        (folder / f"{i:03d}.txt").write_text(f"{text}\n<!-- {i} -->\n", encoding="utf-8")
    ingest([folder], db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        total, groups, biggest = con.execute(
            "SELECT (SELECT count(*) FROM provenance), count(*), max(count) FROM "
            "(SELECT DISTINCT row_group_id, count FROM pragma_storage_info('provenance'))"
        ).fetchone()
    finally:
        con.close()
    assert total > ROW_GROUP_SIZE
    assert groups > 1 and biggest <= ROW_GROUP_SIZE


def test_warehouse_path_with_quote_and_thai(tmp_path: Path) -> None:
    db = tmp_path / "คลัง o'neil.duckdb"
    assert ingest(LEGACY[:1], db).loaded == 1
    assert _counts(db)["documents"] == 1


@pytest.mark.parametrize(("field", "value"), [
    ("target_value", "0.00001"),            # more places than DECIMAL(18,4) keeps
    ("achieved_value", "123456789012345"),  # more digits than DECIMAL(18,4) holds
])
def test_number_beyond_its_column_is_rejected_not_rounded(field: str, value: str) -> None:
    from decimal import Decimal

    from pydantic import ValidationError

    from bma_etl.records import Indicator

    with pytest.raises(ValidationError):
        Indicator.model_validate({"doc_id": "d", "ordinal": 1, field: Decimal(value)})
    assert Indicator.model_validate({"doc_id": "d", "ordinal": 1, field: Decimal("12.5")})


def test_integer_beyond_int32_is_rejected() -> None:
    from pydantic import ValidationError

    from bma_etl.records import ProgressUpdate

    with pytest.raises(ValidationError):
        ProgressUpdate.model_validate({"doc_id": "d", "ordinal": 1, "seq_label": 2**31})


def test_warehouse_format_and_upgrade_of_an_older_file(db: Path) -> None:
    # A warehouse written in DuckDB's old default format (as bma-etl 0.1.0 did) takes
    # the next run's rows and is upgraded to the compressed format.
    con = duckdb.connect(str(db))
    con.execute(ddl())
    con.close()
    assert ingest(LEGACY, db).loaded == 2
    con = duckdb.connect(str(db), read_only=True)
    try:
        tags = con.execute("SELECT tags FROM duckdb_databases() WHERE NOT internal "
                           "AND database_name = current_database()").fetchone()[0]
    finally:
        con.close()
    assert tags["storage_version"].startswith(STORAGE_VERSION)
    assert _counts(db)["progress_updates"] == 20


def test_rows_without_their_documents_row_are_refused(db: Path) -> None:
    tables = dict(process_file(LEGACY[0]).tables)
    del tables["documents"]
    with Warehouse(db) as wh, pytest.raises(WarehouseError, match="without their documents row"):
        wh.load(tables)
    assert _counts(db) == dict.fromkeys(TABLES, 0)


def test_warehouse_of_an_earlier_version_gains_the_assessment_columns(db: Path) -> None:
    """A 0.3.0 warehouse (projects without the assessment columns) keeps its rows and
    takes the next run's tracking pages with their banner values."""
    old_ddl = ddl().replace(",\n    assessment_quarter INTEGER,", "\n").replace(
        "    assessment_score DECIMAL(9,4)       -- added: the banner's score\n", "")
    old_ddl = "\n".join(line for line in old_ddl.splitlines() if "ADD COLUMN" not in line)
    con = duckdb.connect(str(db))
    con.execute(old_ddl)
    assert "assessment_quarter" not in {r[0] for r in con.execute("DESCRIBE projects").fetchall()}
    con.close()
    assert ingest(LEGACY, db).loaded == 2
    page = FIXTURES / "tracking-pages" / "t01_full_header.txt"
    assert ingest([page], db).loaded == 1
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT project_code, assessment_quarter, assessment_score "
                           "FROM projects ORDER BY project_code").fetchall()
    finally:
        con.close()
    assert len(rows) == 3
    assert ("50150000-4127", 2, Decimal("100.0000")) in rows


def test_provenance_of_an_earlier_version_gains_its_key(db: Path) -> None:
    """A 0.4 warehouse (provenance without ``ordinal`` and key) is numbered per
    document on the next open, and a forced re-run replaces its rows, never doubles."""
    assert ingest(LEGACY, db).loaded == 2
    con = duckdb.connect(str(db))
    want = con.execute("SELECT doc_id, count(*) FROM provenance GROUP BY ALL").fetchall()
    con.execute("CREATE TABLE old AS SELECT * EXCLUDE (ordinal) FROM provenance")
    con.execute("DROP TABLE provenance")
    con.execute("ALTER TABLE old RENAME TO provenance")
    con.close()
    assert ingest(LEGACY[:1], db, force=True).loaded == 1
    con = duckdb.connect(str(db), read_only=True)
    try:
        got = con.execute("SELECT doc_id, count(*) FROM provenance GROUP BY ALL").fetchall()
        numbered = con.execute("SELECT count(*) FROM provenance GROUP BY doc_id "
                               "HAVING max(ordinal) <> count(*) OR min(ordinal) <> 1").fetchall()
        keys = con.execute("SELECT constraint_text FROM duckdb_constraints() "
                           "WHERE table_name = 'provenance' AND constraint_type = 'PRIMARY KEY'"
                           ).fetchall()
    finally:
        con.close()
    assert sorted(got) == sorted(want)
    assert numbered == []
    assert keys == [("PRIMARY KEY(doc_id, ordinal)",)]


# ------------------------------------------------------------ one report, many copies


def test_plan_saved_twice_counts_once(db: Path, tmp_path: Path) -> None:
    plan = SAMPLES / "003_bab53728cf3029b8.txt"
    again = tmp_path / "plan-resaved.txt"
    again.write_text(plan.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    ingest([plan, again], db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("select count(*) from plans").fetchone() == (2,)  # both kept
        planned = con.execute("select sum(budget_thb) from v_plan_budget").fetchone()[0]
        totals = con.execute("select sum(planned_thb) from v_plan_vs_actual").fetchone()[0]
    finally:
        con.close()
    assert float(planned) == float(totals) == 16344400.0


def test_report_as_text_and_scan_gives_the_text_reading(db: Path, tmp_path: Path) -> None:
    """002 as text and as a 300 dpi scan: the same report; the view shows the text."""
    scan = FIXTURES / "pdf" / "002_9d2ef115f542a230.scanned.pdf"
    ingest([LEGACY[1], scan], db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("select source_path, agency from v_projects_latest").fetchall()
    finally:
        con.close()
    assert len(rows) == 1
    assert rows[0][0].endswith(".txt") and rows[0][1] is not None


def test_projects_without_a_code_are_kept(db: Path) -> None:
    pages = FIXTURES / "tracking-pages"
    ingest([pages / "t05_headerless_unit.txt", pages / "t10_headerless_person_tel_no_dot.txt",
            SAMPLES / "001_c025c6fdd2ac5ca8.txt"], db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("select count(*) from v_projects_latest "
                           "where project_code is null").fetchone() == (3,)
    finally:
        con.close()
