"""A folder of page images ingested again, unchanged, is joined without reading a page.

Two pages of a generated tracking-system detail page (``bench/corpus``, the
``web_detail`` generator printed by fpdf2) saved as ``scan_001.png`` and ``scan_002.png``
at 300 dpi, as a scanner names them. The first ingest reads them (one document of two
pages); ingesting the folder again must find that document unchanged with no OCR and
no reading of any page (each page's start is known by its content hash), and leave the
warehouse as it was. The later page's start, when not known, is worked out in the run's
worker processes, and the document is the same.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from bma_etl.pipeline import ingest

from corpus_prints import corpus_fpdf_grey_pages

DPI = 300


def _folder(tmp_path: Path) -> Path:
    """A folder of the two pages of seed 4100's first ``web_detail`` document."""
    _, pages = corpus_fpdf_grey_pages(tmp_path, 4100, "web_detail", 0, DPI)
    assert len(pages) >= 2, "the generated document has one page"
    folder = tmp_path / "scans"
    folder.mkdir()
    for i, page in enumerate(pages[:2]):
        page.save(folder / f"scan_{i + 1:03d}.png", dpi=(DPI, DPI))
    return folder


def _stored(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows but the runs' (which a run adds to), sorted."""
    with duckdb.connect(str(db), read_only=True) as con:
        names = [n for (n,) in con.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'main' and table_type = 'BASE TABLE'").fetchall()]
        return {name: sorted(con.execute(f'select * from "{name}"').fetchall(), key=repr)
                for name in names if name != "ingest_runs"}


def test_an_unchanged_folder_of_page_images_is_read_no_more(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bma_etl.read import ocr_cache

    folder = _folder(tmp_path)
    db = tmp_path / "w.duckdb"
    first = ingest([folder], db)
    assert (first.found, first.loaded, first.quarantined) == (1, 1, 0)
    before = _stored(db)

    opened: list[str] = []  # every OCR of a page, done or taken from the cache, opens it
    real = ocr_cache.OcrCache.__init__

    def spy(self: ocr_cache.OcrCache, doc_id: str, folder: Path | None) -> None:
        opened.append(doc_id)
        real(self, doc_id, folder)

    monkeypatch.setattr(ocr_cache.OcrCache, "__init__", spy)
    again = ingest([folder], db)
    assert (again.found, again.unchanged, again.loaded, again.quarantined) == (1, 1, 0, 0)
    assert opened == [], "a page of an unchanged folder was read again"
    assert _stored(db) == before
    monkeypatch.undo()

    # Its later page's start not known (the OCR cache still is): worked out in the
    # workers, the same document.
    from bma_etl.pipeline_page_starts import starts_dir

    folder_of_starts = starts_dir()
    assert folder_of_starts is not None and folder_of_starts.is_dir()
    shutil.rmtree(folder_of_starts)
    other = tmp_path / "other.duckdb"
    pooled = ingest([folder], other, workers=2)
    assert (pooled.found, pooled.loaded, pooled.quarantined) == (1, 1, 0)
    assert _documents(other) == _documents(db)


def _documents(db: Path) -> list[tuple[object, ...]]:
    """``(doc_id, file_name, pages)`` of every document stored in ``db``."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select doc_id, file_name, pages from documents").fetchall()


def test_a_page_whose_worker_died_is_read_alone(tmp_path: Path) -> None:
    import os
    import signal

    from bma_etl.pipeline_pages import pages_in_pool
    from bma_etl.pipeline_worker import _new_pool

    pool = _new_pool(2, None)
    try:
        for process in list(pool._processes.values()):  # the pool breaks
            os.kill(process.pid, signal.SIGKILL)
            process.join()
        # a file that cannot be read begins a document of its own, wherever it is read
        begins, broken = pages_in_pool(pool, [tmp_path / "scan_002.png"], "auto", None)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    assert (begins, broken) == ([True], True)
