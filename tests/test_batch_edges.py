"""Edge cases of a night's batch: empty files, and web pages saved only in part.

Every empty file is quarantined under its own path, whatever its hash (all empty
files hash alike, so by content only the first was, and the next were counted
"unchanged"). A copy of a bad file under another name ends as the file does:
quarantined, naming the first path and its reason, so that the run's list of
files to mend holds every path of the bad bytes. A progress-history page
(``bench/corpus/web.py``) cut short by an interrupted save or download ends
before its ``</body>`` and ``</html>``: it loads as far as it goes, with a
``file_cut_short`` finding, and the whole page stays the project's latest snapshot
(its rows are as new, and it has fewer findings). The truth is the values the page
was generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from bma_etl.cli import app
from bma_etl.read.html import cut_short

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


def _history_pages(inbox: Path, cut_at: float) -> tuple[dict[str, object], bytes]:
    """A whole page and one cut ``cut_at`` of the way through; the project's values."""
    doc = progress_history(random.Random(f"batch-edges-cut-{cut_at}"))
    assert doc.html is not None
    data = doc.html.encode("utf-8")
    (inbox / "ความคืบหน้า โครงการ.html").write_bytes(data)
    cut = data[:int(len(data) * cut_at)]
    (inbox / "ตัดครึ่ง.html").write_bytes(cut)
    return doc.tables["projects"][0], cut


@pytest.mark.parametrize("cut_at", [1 / 3, 2 / 3, 0.99])
def test_a_page_cut_short_loads_flagged_and_the_whole_one_is_latest(
        tmp_path: Path, cut_at: float) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    project, cut = _history_pages(inbox, cut_at)
    assert b"</html>" not in cut
    db = tmp_path / "w.duckdb"
    _, out = _ingest(inbox, db)
    assert "2 files: 2 loaded, 0 unchanged, 0 quarantined" in out, out
    docs = _documents(db)
    assert docs["ความคืบหน้า โครงการ.html"] == ("loaded", None)
    assert docs["ตัดครึ่ง.html"] == ("loaded", None)
    con = duckdb.connect(str(db), read_only=True)
    try:
        cut_codes = {c for (c,) in con.execute(
            "SELECT code FROM quality_issues JOIN documents USING (doc_id) "
            "WHERE file_name = 'ตัดครึ่ง.html'").fetchall()}
        assert "file_cut_short" in cut_codes
        # The page names no project code nor name, so no key joins its two copies in
        # v_projects_latest: rank them as the view ranks the copies of one project.
        latest = con.execute(
            "SELECT p.fiscal_year_be, p.division, p.unit_code, r.source_path "
            "FROM projects p JOIN v_document_rank r USING (doc_id) "
            "LEFT JOIN (SELECT doc_id, max(report_date) AS d FROM progress_updates "
            "GROUP BY doc_id) l USING (doc_id) "
            "ORDER BY l.d DESC NULLS LAST, r.medium_rank, r.quality_issues, "
            "r.ingested_at DESC, p.doc_id LIMIT 1").fetchall()
    finally:
        con.close()
    assert latest == [(project["fiscal_year_be"], project["division"], project["unit_code"],
                       str(inbox / "ความคืบหน้า โครงการ.html"))]


def test_explain_says_where_a_cut_page_stopped(tmp_path: Path) -> None:
    _history_pages(tmp_path, 1 / 3)
    result = runner.invoke(app, ["explain", str(tmp_path / "ตัดครึ่ง.html")])
    assert result.exit_code == 0, result.output
    assert "file_cut_short: HTML page is truncated (it opens <body> but " \
           "ends before its </body>): the file ends early" in result.output


@pytest.mark.parametrize(("page", "cut"), [
    ("<html><body><p>ก</p></body></html>", None),
    ("<HTML>\n<BODY><p>ก</p></BODY>\n</HTML>\n", None),
    ("<p>ก</p>", None),  # a fragment opens neither: not judged
    ("<html><body><table><tr><td>ก</td></tr>", "body"),
    ("<html><body><p>ก</p></body>", "html"),
    ("<html xmlns='x'><head></head><body class='a'><p>ก", "body"),
])
def test_cut_short_names_the_element_left_open(page: str, cut: str | None) -> None:
    assert cut_short(page) == cut


@pytest.mark.parametrize("batch_size", [512, 1])
def test_a_copy_of_a_bad_file_is_quarantined_with_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_size: int) -> None:
    import bma_etl.pipeline_ingest

    monkeypatch.setattr(bma_etl.pipeline_ingest, "BATCH_SIZE", batch_size)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    doc = progress_history(random.Random("batch-edges-copies"))
    assert doc.html is not None
    (inbox / "a page.html").write_text(doc.html, encoding="utf-8")
    (inbox / "b page copy.html").write_text(doc.html, encoding="utf-8")
    memo = "บันทึกข้อความ\nเรื่อง ขอเชิญประชุม\nวันที่ 3 มีนาคม 2568\n"
    (inbox / "c memo.txt").write_text(memo, encoding="utf-8")
    (inbox / "d memo copy.txt").write_text(memo, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    code, out = _ingest(inbox, db)
    assert code == 3, out
    assert "4 files: 1 loaded, 1 unchanged, 2 quarantined" in out, out
    first = str(inbox / "c memo.txt")
    lines = [line for line in out.splitlines() if "d memo copy.txt" in line]
    assert lines and f"same bytes as {first}, quarantined: " in lines[0], out
    docs = _documents(db)
    assert docs["a page.html"] == ("loaded", None)
    assert len(docs) == 2
    code, out = _ingest(inbox, db)  # the next night: both unchanged, as before
    assert code == 0, out
    assert "4 files: 0 loaded, 4 unchanged, 0 quarantined" in out, out


def test_empty_file_told_by_its_ends_and_its_middle(tmp_path: Path) -> None:
    """White space only is empty, however it is made up; one letter anywhere is content."""
    from bma_etl.read import empty_file

    rng = random.Random(17)
    path = tmp_path / "x.txt"
    for _ in range(200):
        blank = bytes(rng.choice(b" \t\r\n\x0b\x0c") for _ in range(rng.randint(0, 40)))
        assert empty_file(path, blank) is not None
        at = rng.randint(0, len(blank))
        assert empty_file(path, blank[:at] + "ก".encode() + blank[at:]) is None
