"""The warehouse DDL, the models, schemas/ and the contract agree."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from bma_etl.load import ddl
from bma_etl.records import ALL_MODELS
from bma_etl.records_schema import json_schemas

from repo_paths import ROOT

CONTRACT_TABLES = {
    "documents", "projects", "progress_updates", "monthly_progress", "indicators", "plans",
    "plan_projects", "plan_sections", "plan_indicators", "plan_scoring_levels", "plan_steps",
    "quality_issues", "provenance", "document_texts", "ingest_runs",
}
CONTRACT_VIEWS = {"v_projects_latest", "v_progress_timeline", "v_plan_budget"}


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position", [table]).fetchall()]


def test_ddl_columns_equal_model_fields() -> None:
    con = duckdb.connect()
    con.execute(ddl())
    for model in ALL_MODELS:
        assert _columns(con, model.table) == list(model.model_fields), model.table


def test_contract_tables_and_views_exist() -> None:
    con = duckdb.connect()
    con.execute(ddl())
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_type = 'BASE TABLE'").fetchall()}
    views = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'VIEW'").fetchall()}
    assert CONTRACT_TABLES <= tables
    assert CONTRACT_VIEWS <= views


def test_ddl_is_idempotent() -> None:
    con = duckdb.connect()
    con.execute(ddl())
    con.execute(ddl())


def test_contract_column_names_are_kept() -> None:
    # Every column the contract names for projects and progress_updates exists.
    spec = (Path(ROOT).parent / "shared" / "spec" / "warehouse.md")
    con = duckdb.connect()
    con.execute(ddl())
    if spec.exists():
        text = spec.read_text(encoding="utf-8")
        section = text.split("### projects", 1)[1].split("###", 1)[0]
        names = set(re.findall(r"^\| ([a-z_]+)(?:, [a-z_]+)* \|", section, re.MULTILINE))
        for line in re.findall(r"^\| ([a-z_, ]+) \|", section, re.MULTILINE):
            names.update(n.strip() for n in line.split(","))
        names.discard("column")
        assert names <= set(_columns(con, "projects"))
    for column in ("project_code", "fiscal_year_be", "budget_allocated_thb", "status"):
        assert column in _columns(con, "projects")


def test_schemas_folder_is_current() -> None:
    folder = ROOT / "schemas"
    expected = json_schemas()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.json")}
    stale = sorted(n for n in expected if on_disk.get(n) != expected[n])
    extra = sorted(set(on_disk) - set(expected))
    assert not stale and not extra, (
        f"schemas/ is out of date (stale {stale}, extra {extra}); run `make schemas`"
    )
