"""``status`` names every path of a quarantined document's bytes.

A document is stored once per content, so the same bad bytes quarantined under two
names made one ``documents`` row, and ``status`` showed only its first path while
the run's own list named both. The other paths are kept in ``other_paths`` and
``status`` shows them as ``also_under``, in the run that found them and after.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import bma_etl.pipeline_ingest
from bma_etl.cli import app
from bma_etl.pipeline import ingest
from bma_etl.query import status


def _inbox(tmp_path: Path) -> tuple[Path, list[Path]]:
    inbox = tmp_path / "inbox"
    (inbox / "b").mkdir(parents=True)
    bad = "ไม่ใช่รายงานโครงการ\nnot a report\n"
    paths = [inbox / "a_bad.txt", inbox / "b" / "copy.txt", inbox / "c_again.txt"]
    for path in paths:
        path.write_text(bad, encoding="utf-8")
    (inbox / "d_other.txt").write_text("another text, no layout\n", encoding="utf-8")
    return inbox, paths


def _shown(db: Path) -> list[list[str]]:
    """Per quarantined document row: its path, then the other paths status names."""
    rows = status(db).quarantined.as_dicts()
    return [[row["source_path"], *filter(None, (row["also_under"] or "").split(", "))]
            for row in rows]


@pytest.mark.parametrize("batch_size", [512, 1])  # the copies in the first file's batch, or later
def test_status_names_every_path_of_the_same_quarantined_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_size: int) -> None:
    monkeypatch.setattr(bma_etl.pipeline_ingest, "BATCH_SIZE", batch_size)
    inbox, paths = _inbox(tmp_path)
    db = tmp_path / "w.duckdb"
    summary = ingest([inbox], db, workers=1)
    listed = {str(outcome.path) for outcome in summary.quarantined_files}
    assert listed == {*map(str, paths), str(inbox / "d_other.txt")}
    want = sorted([sorted(map(str, paths)), [str(inbox / "d_other.txt")]])
    assert sorted(sorted(row) for row in _shown(db)) == want
    # A later run finds them again (unchanged): every path is still named, once.
    again = ingest([inbox], db, workers=1)
    assert again.unchanged == len(listed)
    assert sorted(sorted(row) for row in _shown(db)) == want


def test_status_command_shows_also_under(tmp_path: Path) -> None:
    inbox, paths = _inbox(tmp_path)
    db = tmp_path / "w.duckdb"
    ingest([inbox], db, workers=1)
    result = CliRunner().invoke(app, ["status", "--db", str(db)], env={"COLUMNS": "400"})
    assert result.exit_code == 0
    assert "also_under" in result.stdout
    for path in paths:
        assert path.name in result.stdout


def test_a_new_name_of_bytes_quarantined_in_an_earlier_run(tmp_path: Path) -> None:
    """A copy made after the run that quarantined its bytes: listed and named too."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    truncated = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"  # a PDF cut off in its first object
    first = [inbox / "b_1.pdf", inbox / "b_3.pdf"]
    for path in first:
        path.write_bytes(truncated)
    db = tmp_path / "w.duckdb"
    assert {str(o.path) for o in ingest([inbox], db, workers=1).quarantined_files} \
        == set(map(str, first))
    copy = inbox / "b_2.pdf"
    copy.write_bytes(truncated)
    again = ingest([inbox], db, workers=1)
    assert [str(o.path) for o in again.quarantined_files] == [str(copy)]
    assert "same bytes as" in (again.quarantined_files[0].error or "")
    assert again.unchanged == 2
    assert again.exit_code == 3
    want = [sorted(map(str, [*first, copy]))]
    assert [sorted(row) for row in _shown(db)] == want
    # and the run after finds all three as they are
    third = ingest([inbox], db, workers=1)
    assert third.unchanged == 3
    assert [sorted(row) for row in _shown(db)] == want
