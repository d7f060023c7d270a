"""A document photographed or scanned one page per image file, read as one document.

The pages are generated from known values (``bench/corpus``, the ``web_detail``
generator printed by fpdf2), rendered to grey pixels and saved one file a page
(``scan_001.png``, ``scan_002.png``), as an office scanner or a phone names them.
The truth is the generated document: read from the folder, or from the files named
one by one, it is one document of two pages with every generated field; a page
that begins another document begins its own; a lone image stays as it was.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from PIL import Image

from bma_etl.pipeline import ingest, process_file
from bma_etl.pipeline_pages import PagesPath, join_page_images, read_input
from bma_etl.read.image_pages import page_runs

from corpus_prints import corpus_fpdf_grey_pages

SEED = 4100
GENERATOR = "web_detail"
DPI = 300


def _pages(tmp_path: Path, k: int = 0) -> tuple[object, list[Image.Image]]:
    """The ``k``-th generated document and its printed pages in grey at :data:`DPI`."""
    return corpus_fpdf_grey_pages(tmp_path, SEED, GENERATOR, k, DPI)


def _save(folder: Path, pages: list[Image.Image], names: list[str]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = [folder / name for name in names]
    for page, path in zip(pages, paths, strict=True):
        page.save(path, dpi=(DPI, DPI))
    return paths


def _names(runs: list[list[Path]]) -> list[list[str]]:
    return [[path.name for path in run] for run in runs]


def test_numbered_images_of_a_folder_are_runs_in_number_order() -> None:
    named = [Path(n) for n in ("f/IMG_202403.jpg", "f/IMG_202401.jpg", "f/IMG_202402.jpg",
                               "f/scan_10.png", "f/scan_9.png", "f/scan_12.png",
                               "f/report.pdf", "g/IMG_202404.jpg", "f/IMG_202404.png",
                               "f/lone.png")]
    assert _names(page_runs(named)) == [
        ["IMG_202401.jpg", "IMG_202402.jpg", "IMG_202403.jpg"],  # where its first stood
        ["scan_9.png", "scan_10.png"],  # numbers, not letters: 9 before 10
        ["scan_12.png"],  # 11 is missing: not the same run
        ["report.pdf"],
        ["IMG_202404.jpg"],  # another folder
        ["IMG_202404.png"],  # another suffix
        ["lone.png"],
    ]


def test_a_folder_of_page_images_is_one_document(tmp_path: Path) -> None:
    doc, pages = _pages(tmp_path)
    assert len(pages) >= 2, "the generated document has one page"
    folder = tmp_path / "scans"
    paths = _save(folder, pages[:2], ["scan_001.png", "scan_002.png"])
    (joined,) = join_page_images(paths)
    assert isinstance(joined, PagesPath) and list(joined.members) == paths

    from corpus.score import score

    processed = process_file(joined, data=read_input(joined))
    truth = doc.truth  # type: ignore[attr-defined]
    result = score(processed, truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]
    assert processed.rows("monthly_progress"), "no row of the second page read"

    db = tmp_path / "w.duckdb"
    first = ingest([folder], db)
    assert (first.found, first.loaded, first.quarantined) == (1, 1, 0)
    with duckdb.connect(str(db), read_only=True) as con:
        ((doc_id, name, count, status),) = con.execute(
            "select doc_id, file_name, pages, status from documents").fetchall()
        notes = [m for (m,) in con.execute(
            "select message from quality_issues where code = 'image_pages_joined'").fetchall()]
    assert (name, count, status) == ("scan_001.png", 2, "loaded")
    assert notes and "scan_001.png, scan_002.png" in notes[0]
    assert doc_id == processed.doc_id
    # Again, as the folder or as its files named one by one: the same document, unchanged.
    again = ingest([folder], db)
    named = ingest(list(reversed(paths)), db)
    assert (again.unchanged, again.loaded, named.unchanged, named.loaded) == (1, 0, 1, 0)
    # Read by an older version: re-extracted whole, from its first page's stored path.
    with duckdb.connect(str(db)) as con:
        con.execute("update documents set extractor_version = '0.0.1'")
    outdated = ingest([], db, reextract_outdated=True)
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("select doc_id, pages, extractor_version from documents").fetchall()
    assert outdated.loaded == 1 and [row[:2] for row in stored] == [(doc_id, 2)]


def test_a_page_that_begins_a_document_begins_its_own(tmp_path: Path) -> None:
    _, one = _pages(tmp_path, 0)
    _, two = _pages(tmp_path, 1)
    paths = _save(tmp_path / "scans", [one[0], two[0]], ["IMG_0007.jpg", "IMG_0008.jpg"])
    assert join_page_images(paths) == paths
    assert not any(isinstance(path, PagesPath) for path in join_page_images(paths))


@pytest.mark.parametrize("ocr", ["never"])
def test_without_ocr_no_page_is_joined(tmp_path: Path, ocr: str) -> None:
    paths = [tmp_path / "scan_1.png", tmp_path / "scan_2.png"]
    assert join_page_images(paths, ocr) == paths
