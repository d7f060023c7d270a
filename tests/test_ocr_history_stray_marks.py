"""Specks OCR reads between an entry heading's ``ร้อยละ`` and its progress (web history page).

Grey toner on grey paper reads ``ร้อยละ | 52.00`` and ``ร้อยละ ! 6.00``: a lone
stroke or sign apart from the number is a speck, and the progress is read; one
glued to the number may be its digit ``1`` (``|2.00``: ``12.00``?), so the
progress is NULL with an ``ocr_doubtful_value`` finding, never dropped silently.
The page is written here from known values.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bma_etl.layouts import web_progress_history as layout
from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.textnorm import repair_text

HEADER = ("ความคืบหน้าโครงการ ร้อยละ 60.00", "สำนักอนามัย")


def _page(pct: str, stray: str) -> str:
    return "\n".join((*HEADER,
                      "(1) ความคืบหน้าโครงการฯ ร้อยละ 10.00 (2025-01-10)",
                      "10/01/2568 : สำรวจพื้นที่",
                      "------------------&&&--------------------",
                      f"(2) ความคืบหน้าโครงการฯ ร้อยละ{stray}{pct} (2025-03-28)",
                      "28/03/2568 : ดำเนินการ",
                      "------------------&&&--------------------", ""))


@pytest.mark.parametrize("stray", [" | ", " ! ", " = ", " , ", " . ", ", ", " |  "])
@pytest.mark.parametrize("pct", ["52.00", "6.00", "100.00"])
def test_a_lone_speck_before_the_progress_is_read_past(pct: str, stray: str) -> None:
    extraction = layout.extract(RepairedText.of(repair_text(_page(pct, stray)), ocr_used=True))
    updates = [r for r in extraction.rows if r.table == "progress_updates"]
    got = updates[1].fields["progress_pct"]
    assert isinstance(got, Raw) and Decimal(got.text) == Decimal(pct)


@pytest.mark.parametrize("stray", [" |", " !"])
def test_a_stroke_glued_to_the_progress_is_doubted_not_dropped_silently(stray: str) -> None:
    extraction = layout.extract(RepairedText.of(repair_text(_page("2.00", stray)), ocr_used=True))
    updates = [r for r in extraction.rows if r.table == "progress_updates"]
    assert updates[1].fields["progress_pct"] is None
    assert [f for f in extraction.findings
            if f.code == "ocr_doubtful_value" and f.field == "progress_pct"
            and f.row_ordinal == updates[1].ordinal]
