"""A borderless WeasyPrint form whose report label and flags wrap over three lines.

WeasyPrint sets a borderless table's rows without padding, each cell's text from
the row's top, so a row's lines stand one line pitch apart and the next row's first
line one pitch under the row's last. In Noto Sans Thai and Noto Serif Thai at 14 pt a
report's label wraps inside its words (``รายงาน`` / ``ครั้ง`` / ``ที่10``) and so do
its flag cells (``: เป็นไป`` / ``ตาม`` / ``แผน``). The reader sets the lines whose
pieces overlap side by side into one line (two of the label's and flags' lines
beside the detail's), which ends a pitch under its baseline; the row's next line
stands a pitch under that lowest piece, two under the baseline, and was read as a
row of its own: the flags' last words went into the detail, a report's progress
and flags were lost or wrong (:func:`bma_etl.read.pdf_row_wraps.goes_on_each`). A
cell of two lines in such a line leaves its first word's share of both lines, not
of one (:func:`bma_etl.read.pdf_borderless._run`). The forms are generated
(bench/corpus ``legacy_html``), printed by WeasyPrint A4 portrait without cell
rules; the truth is the generated values. A detail that still holds a flag's
words on a line of their own is not loaded (checked on rows built from known text).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bma_etl.document import Extraction, Raw, RawRow
from bma_etl.layouts.legacy_detail_flags import without_flag_details
from bma_etl.pipeline import process_file
from bma_etl.provenance import Span

from corpus import fonts
from corpus.forms import legacy_html
from corpus.score import score


def _print(seed: str, family: str, pt: int, out: Path) -> dict:
    """A generated legacy form printed by WeasyPrint in ``family`` at ``pt``; its truth."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        pytest.fail(f"needs WeasyPrint (make venv installs it): {exc}")
    path = fonts.noto(family)
    if path is None:
        pytest.fail(f"needs {family}: apt-get install fonts-noto-core (make venv does)")
    doc = legacy_html(random.Random(seed), 10, 4)
    style = (f"@font-face {{ font-family: 'T'; src: url('file://{path}'); }}"
             f" body, td, th, p {{ font-family: 'T'; font-size: {pt}pt; }}"
             " @page { size: A4; margin: 2cm; }")
    assert doc.html is not None
    weasyprint.HTML(string=doc.html.replace("</style>", style + "</style>", 1)).write_pdf(out)
    return json.loads(doc.truth_json())


@pytest.mark.parametrize(("seed", "family"), [
    ("grid-0", "Noto Sans Thai"),  # the last report's progress: ``… งานฯ =`` / ``100.00 %``
    ("grid-1", "Noto Sans Thai"),  # ``… รายการและ`` / ``ราคากลาง …``
    ("grid-5", "Noto Serif Thai"),  # a detail's first line short of a two-line next piece
])
def test_a_report_row_whose_label_and_flags_wrap_three_lines_is_read_whole(
        seed: str, family: str, tmp_path: Path) -> None:
    pdf = tmp_path / "form.pdf"
    truth = _print(seed, family, 14, pdf)
    result = score(process_file(pdf), truth)
    wrong = [lost for lost in result.lost if lost[2] is not None]
    assert not wrong, wrong[:4]
    assert result.right == result.total, result.lost[:4]


def _raw(text: str) -> Raw:
    return Raw(text, Span(1, 0, len(text)))


@pytest.mark.parametrize(("pieces", "kept"), [
    (["อยู่ระหว่างจัดทำแบบรูปรายการและ", "ไม่เป็นไปตาม", "ราคากลาง"], False),
    (["ดำเนินการอบรมเชิงปฏิบัติการ", ": เป็นไป", "จำนวน 3 รุ่น"], False),
    (["ผลการดำเนินงานเป็นไปตามแผน", "ส่งมอบงานแล้ว"], True),  # flag words amid a sentence
    (["การดำเนินงาน", "เป็นไปด้วยดี"], True),  # a line opening so, no flag's words
])
def test_a_detail_holding_a_line_of_flag_words_is_not_loaded(pieces: list[str],
                                                             kept: bool) -> None:
    row = RawRow("progress_updates", 3, {"detail": [_raw(p) for p in pieces]})
    out = Extraction()
    without_flag_details([row], out)
    assert ("detail" in row.fields) == kept
    assert len(out.findings) == (0 if kept else 1)
    if not kept:
        assert out.findings[0].code == "ambiguous_value"
        assert out.findings[0].field == "detail"
