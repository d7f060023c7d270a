"""A folder holding a web page saved whole ("Web page, complete") ingests the page alone.

Chrome, Firefox, Edge and Internet Explorer save a page as ``X.html`` and a folder
``X_files`` of its pictures, style sheets, scripts and frames. Ingesting the folder
walked into ``X_files``: a picture was read by OCR and quarantined ("scan it again at
300 dpi"), a frame's HTML quarantined ("was the page saved before it finished
loading?"), and the run exited 3 over a good save (an outside tester's case). The
``X_files`` folder beside ``X.html`` is not walked; a folder so named with no page
beside it is, and so is every other folder.

The pages are the corpus's (bench/corpus ``web_detail``); the truth is their
generated project code.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
from typer.testing import CliRunner

from bma_etl.cli import app

from corpus.build import GENERATORS, _rng

runner = CliRunner()


def _saved_whole(folder: Path, name: str, seed: int) -> str:
    """Save a generated detail page as ``name.html`` and ``name_files/``; returns its code."""
    doc = GENERATORS["web_detail"](_rng(seed, "web_detail", 0))
    (folder / f"{name}.html").write_bytes(doc.html_bytes())
    files = folder / f"{name}_files"
    files.mkdir()
    (files / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (files / "saved_resource.html").write_text(
        "<html><body><iframe></iframe>กำลังโหลด</body></html>", encoding="utf-8")
    (files / "style.css").write_text("td { color: red }", encoding="utf-8")
    return str(doc.truth["tables"]["projects"][0]["project_code"])


def test_a_saved_pages_own_folder_is_not_ingested(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    codes = {_saved_whole(folder, "โครงการ หน้าที่ 1", 3801),
             _saved_whole(folder, "Detail_Page", 3803)}
    (folder / "Detail_Page_files").rename(folder / "DETAIL_PAGE_FILES")  # Windows: any case
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = {row[0] for row in con.execute("SELECT project_code FROM projects").fetchall()}
        states = con.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall()
    finally:
        con.close()
    assert stored == codes
    assert states == [("loaded", 2)]


def test_a_files_folder_with_no_page_beside_it_is_walked(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "reports"
    (folder / "scans_files").mkdir(parents=True)
    doc = GENERATORS["web_detail"](_rng(3807, "web_detail", 0))
    (folder / "scans_files" / "detail.html").write_bytes(doc.html_bytes())
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM projects").fetchone() == (1,)
    finally:
        con.close()
