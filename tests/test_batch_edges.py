"""Edge cases of a night's batch: empty files.

Every empty file is quarantined under its own path, whatever its hash (all empty
files hash alike, so by content only the first was, and the next were counted
"unchanged").
"""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from bma_etl.cli import app

from corpus.web import progress_history

runner = CliRunner()


def _ingest(folder: Path, db: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    return result.exit_code, result.output


def _documents(db: Path) -> dict[str, tuple[str, str | None]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT file_name, status, error FROM documents").fetchall()
    finally:
        con.close()
    return {name: (status, error) for name, status, error in rows}


def test_every_empty_file_is_quarantined_under_its_own_path(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "ว่าง.txt").write_bytes(b"")
    (inbox / "empty2.html").write_bytes(b"")
    (inbox / "blank.txt").write_bytes(b" \n\n")
    (inbox / "blank2.txt").write_bytes(b" \n\n")
    doc = progress_history(random.Random("batch-edges-empty"))
    assert doc.html is not None
    (inbox / "page.html").write_text(doc.html, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    for run, unchanged in ((1, 0), (2, 1)):
        code, out = _ingest(inbox, db)
        loaded = 1 if run == 1 else 0
        assert code == 3, out
        assert f"5 files: {loaded} loaded, {unchanged} unchanged, 4 quarantined" in out, out
        docs = _documents(db)
        assert len(docs) == 5
        assert docs["page.html"] == ("loaded", None)
        for name in ("ว่าง.txt", "empty2.html", "blank.txt", "blank2.txt"):
            assert docs[name] == ("quarantined", f"read: {name}: file is empty")
