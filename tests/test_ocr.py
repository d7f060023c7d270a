"""OCR with Tesseract: one cropped scanned page read for real, then from the cache.

Tesseract with its Thai model must be installed (``make venv`` installs Debian's
tesseract-ocr and tesseract-ocr-tha); these tests fail, not skip, without it.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from pathlib import Path

import pytest

from bma_etl.errors import ReadError
from bma_etl.pipeline import process_file
from bma_etl.read import ocr
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read import pdf as pdf_reader
from bma_etl.read.pdf import extract_pdf
from bma_etl.records import Provenance
from bma_etl.textnorm import repair_text

from conftest import FIXTURES, SAMPLES

PAGE = FIXTURES / "pdf" / "ocr_page.scanned.pdf"
SAMPLE = SAMPLES / "000_52cb5c31ec83ab03.txt"


def test_tesseract_with_thai_is_installed() -> None:
    assert ocr.engine_problem() is None, ocr.engine_problem()


@pytest.fixture(scope="module")
def ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache holding the one live OCR of the cropped page (about a second)."""
    folder = tmp_path_factory.mktemp("ocr-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BMA_ETL_CACHE", str(folder))
        pdf = extract_pdf(PAGE.read_bytes(), PAGE.name, "auto")
    assert [p.kind for p in pdf.pages] == ["image"]
    assert pdf.ocr_used
    return folder


@pytest.fixture
def cached(ocr_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BMA_ETL_CACHE", str(ocr_cache))
    return ocr_cache


def test_live_ocr_reads_the_key_fields(cached: Path) -> None:
    pdf = extract_pdf(PAGE.read_bytes(), PAGE.name, "auto")
    text = repair_text(pdf.text)
    assert "รหัสโครงการ" in text
    assert "04160000-3949" in text
    assert "ปีงบประมาณ พ.ศ. : 2563" in text
    assert pdf.ocr_confidence is not None and pdf.ocr_confidence > 60


def _up_to_budget_spent(text: str) -> str:
    lines = [" ".join(x.split()) for x in text.splitlines() if x.strip()]
    end = next(i for i, x in enumerate(lines) if x.startswith("งบประมาณที่ใช้ไป"))
    return "\n".join(lines[:end + 1])


def test_live_ocr_is_close_to_the_sample(cached: Path) -> None:
    # The crop ends a little below section 1.1; compare the lines up to its last field.
    got = _up_to_budget_spent(repair_text(extract_pdf(PAGE.read_bytes(), PAGE.name).text))
    want = _up_to_budget_spent(SAMPLE.read_text(encoding="utf-8"))
    ratio = difflib.SequenceMatcher(None, want, got, autojunk=False).ratio()
    assert ratio > 0.97, (ratio, got)


def test_cache_is_keyed_by_content_hash(cached: Path) -> None:
    files = list((cached / "ocr").glob("*.json"))
    assert [f.stem for f in files] == [hashlib.sha256(PAGE.read_bytes()).hexdigest()]
    entry = json.loads(files[0].read_text(encoding="utf-8"))["pages"]
    (key, page), = entry.items()
    assert key == pdf_reader.page_key(0, ocr.LANG, pdf_reader.DPI)
    assert page["engine"].startswith("tesseract") and len(page["words"]) > 10


def test_a_cached_page_needs_no_tesseract(cached: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    before = extract_pdf(PAGE.read_bytes(), PAGE.name).text
    monkeypatch.setenv("PATH", str(tmp_path))  # tesseract gone: never OCR'd twice
    assert ocr.engine_problem() is not None
    assert extract_pdf(PAGE.read_bytes(), PAGE.name).text == before


def test_ocr_values_are_marked_low_confidence(cached: Path) -> None:
    processed = process_file(PAGE)
    assert processed.layout == "legacy_progress_form"
    assert processed.tables["documents"][0].ocr_used is True  # type: ignore[attr-defined]
    assert processed.rows("projects")[0].project_code == "04160000-3949"  # type: ignore[attr-defined]
    rows: list[Provenance] = processed.rows("provenance")  # type: ignore[assignment]
    read = [p for p in rows if not p.derived]
    assert read and all(p.low_confidence and p.page == 1 for p in read)


def test_ocr_over_its_time_limit_is_cut_off(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BMA_ETL_CACHE", str(tmp_path))
    monkeypatch.setenv("BMA_ETL_OCR_TIMEOUT", "0.01")
    with pytest.raises(ReadError, match="page 1: OCR took longer than"):
        extract_pdf(PAGE.read_bytes(), PAGE.name)


def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BMA_ETL_CACHE", "off")
    assert ocr.cache_dir() is None
    monkeypatch.setenv("BMA_ETL_CACHE", "/somewhere")
    assert ocr.cache_dir() == Path("/somewhere/ocr")


def test_unreadable_cache_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "abc.json").write_text("{not json", encoding="utf-8")
    cache = ocr.OcrCache("abc", tmp_path)
    assert cache.get(pdf_reader.page_key(0, ocr.LANG, pdf_reader.DPI)) is None
    page = ocr.OcrPage("ข้อความ", 91.5, (OcrWord("ข้อความ", 91.5, (1, 2, 3, 4), 0),), 300.0)
    cache.put("k", page, "tesseract 5")
    again = ocr.OcrCache("abc", tmp_path)
    assert again.get("k") == page
