"""The quick tests that let a plain page skip the 4-up, column and struck-text passes.

Documents are generated from known values (``bench/corpus``), printed by fpdf2
(flowing text) and reportlab (ruled tables), and imposed four pages to a sheet.
Each file is read as the pipeline reads it and again with every quick test
answering "this page may hold one" (:func:`.pdf_quarters._upper_row_spanned`,
:func:`.pdf_multicolumn._spanned`, :func:`.pdf_strikes._near_paths`), so that each
page goes through the whole pass: the pages must read the same, every generated
value must read, and the quick tests must have settled the plain pages.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read import pdf_multicolumn, pdf_quarters, pdf_strikes
from bma_etl.read.pdf_layers import read_layers

from corpus.score import score
from corpus_prints import sarabun_print
from pdf_sheets import impose_pdfium

SHEET = (595.0, 842.0)  # A4 portrait, points


def _place(width: float, height: float, k: int) -> tuple[float, float, float]:
    """Scale and offset of a page in the sheet's ``k``-th quarter (upper row first)."""
    scale = min(SHEET[0] / 2 / width, SHEET[1] / 2 / height)
    return scale, (k % 2) * SHEET[0] / 2, (1 - k // 2) * SHEET[1] / 2


def _print(generator: str, producer: str, tmp_path: Path) -> tuple[Path, dict[str, object]]:
    return sarabun_print("quick", generator, producer, tmp_path, 5)


def _counted(monkeypatch: pytest.MonkeyPatch, module: Any, name: str,
             said: Counter[tuple[str, bool]]) -> None:
    """Count what ``module.name`` (a quick test returning a bool) answers."""
    test = getattr(module, name)

    def counted(*args: Any) -> bool:
        answer = bool(test(*args))
        said[name, answer] += 1
        return answer

    monkeypatch.setattr(module, name, counted)


@pytest.mark.parametrize(("generator", "producer"), [
    ("legacy_pipe", "reportlab"), ("web_history", "fpdf2"), ("plan", "reportlab")])
def test_quick_tests_change_no_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    generator: str, producer: str) -> None:
    printed, truth = _print(generator, producer, tmp_path)
    sheets = tmp_path / f"{generator}.{producer}.4up.pdf"
    impose_pdfium(printed, sheets, SHEET, 4, _place)
    result = score(process_file(printed), truth)
    assert result.quarantined is None and result.right == result.total, result.lost[:5]
    said: Counter[tuple[str, bool]] = Counter()
    for module, name in ((pdf_quarters, "_upper_row_spanned"),
                         (pdf_multicolumn, "_spanned")):
        _counted(monkeypatch, module, name, said)
    near = pdf_strikes._near_paths

    def counted_near(boxes: list[Any], thin: list[Any]) -> list[int]:
        hits = near(boxes, thin)
        said["_near_paths", True] += len(hits)
        said["_near_paths", False] += len(boxes) - len(hits)
        return hits

    monkeypatch.setattr(pdf_strikes, "_near_paths", counted_near)
    quick = {path: read_layers(path.read_bytes(), path.name) for path in (printed, sheets)}
    # the plain pages were settled by the quick tests, the 4-up sheets were not
    assert said["_upper_row_spanned", True] > 0 and said["_spanned", True] > 0, said
    if producer == "reportlab":  # a ruled table's text objects, clear of its rules
        assert said["_near_paths", False] > said["_near_paths", True], said
    assert len(quick[sheets]) == len(quick[printed])
    with monkeypatch.context() as whole:
        whole.setattr(pdf_quarters, "_upper_row_spanned", lambda *args: False)
        whole.setattr(pdf_multicolumn, "_spanned", lambda *args: False)
        whole.setattr(pdf_strikes, "_near_paths", lambda boxes, thin: list(range(len(boxes))))
        for path, layers in quick.items():
            assert read_layers(path.read_bytes(), path.name) == layers, path.name
