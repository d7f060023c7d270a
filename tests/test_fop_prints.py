"""A page printed by Apache FOP reads its marks on their letters.

FOP writes some clusters' marks before their letter (``ชี้`` as ``ี ช ้``), the
mark drawn from a baseline a tenth of a point off its letter's, so pdfium puts a
generated space on each side of it; the reader moved a mark written first onto its
letter only with no white space between, and stored ``ประชุมีช้แจง`` for
``ประชุมชี้แจง`` (the fifteenth outside tester's history page). The page here is that
tester's: a document they wrote and printed with FOP, their values the truth
(``history_page.truth.json``); FOP itself (Java) is not installed for the tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from bma_etl.pipeline import process_file

from repo_paths import FIXTURES

PAGE = FIXTURES / "pdf" / "fop" / "history_page.pdf"


def _truth() -> dict:
    return json.loads(PAGE.with_suffix(".truth.json").read_text(encoding="utf-8"))


def test_fop_history_page_reads_every_report_as_written() -> None:
    processed = process_file(Path(PAGE))
    truth = _truth()
    rows, written = processed.tables["progress_updates"], truth["progress_updates"]
    assert [row.detail for row in rows] == [row["detail"] for row in written]
    assert [row.obstacles for row in rows] == [row["obstacles"] for row in written]
    project = processed.tables["projects"][0]
    assert project.project_name == truth["projects"][0]["project_name"]
