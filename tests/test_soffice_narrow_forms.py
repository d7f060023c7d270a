"""Progress forms whose report table LibreOffice prints with narrow columns.

bench/corpus ``soffice-narrow``: the form's tables as an HTML page with a narrow
label column and narrow flag columns, printed by LibreOffice Writer/Web. The label
``รายงานครั้งที่๑`` wraps inside its cell (``รายงาน`` / ``ครั้งที่๑``); a borderless
table's cells are top-aligned, so pdfium gives the label's first line alone and
its second line beside the row's first cells, or both halves as two cells of one
line. Either way the label opens its report
(:func:`bma_etl.layouts.legacy_labels.wrapped_label`).

The forms are generated (bench/corpus ``legacy_tab`` and ``legacy_html``) and
printed in two fonts; the truth is every report's number, date, progress,
budget and flags as generated.
"""

from __future__ import annotations

import random
import zlib
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file

FORMS = 4
FIELDS = ("seq_label", "report_date", "progress_pct", "budget_disbursed_thb", "on_plan",
          "on_target")


@pytest.mark.parametrize("font", ["Loma", "Norasi"])
def test_a_report_label_a_narrow_column_wrapped_opens_its_report(font: str,
                                                                   tmp_path: Path) -> None:
    font_file(font)  # fails the test when the font is not installed
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    docs = [GENERATORS[("legacy_tab", "legacy_html")[k % 2]](random.Random(f"narrow-{font}-{k}"))
            for k in range(FORMS)]
    jobs = [(doc, tmp_path / f"form{k}.pdf", font, random.Random(f"narrow-{k}"))
            for k, doc in enumerate(docs)]
    _, failed = render.render_narrow_tables_batch(jobs, ruled=False)
    assert not failed, failed
    lost = []
    for doc, pdf, _, _ in jobs:
        values = [{n: r[n] for n in FIELDS if n in r}
                  for r in doc.truth["tables"]["progress_updates"]]
        lost += [(pdf.name, *item) for item in
                 score(process_file(pdf), {"tables": {"progress_updates": values}}).lost]
    assert lost == []


def test_a_report_row_a_page_cut_in_its_narrow_flag_columns_goes_on(tmp_path: Path) -> None:
    # A long form (bench/corpus ``legacy_long``, drawn from seed 149 as the corpus
    # builder draws its fourth) whose first report row a page break cuts after
    # ``: เป็นไปตาม`` / ``: เป็นไปตามเป้า``: the next page opens with ``แผน`` and
    # ``หมาย``. The foot of the page shows the flag columns' lines too few to tell
    # where a column's edge stands; a cell's room there is unknown, no sign that
    # the row ended (:func:`bma_etl.read.pdf_borderless.top_aligned_rows`).
    font = "Loma"
    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["legacy_long"](_seeded(149, "legacy_long", 3))
    pdf = tmp_path / "form.pdf"
    _, failed = render.render_narrow_tables_batch(
        [(doc, pdf, font, _seeded(149, "legacy_long", 3, "soffice-narrow"))])
    assert not failed, failed
    values = [{n: r[n] for n in FIELDS if n in r} for r in doc.truth["tables"]["progress_updates"]]
    result = score(process_file(pdf), {"tables": {"progress_updates": values}})
    assert result.total > 0 and result.lost == [], result.lost[:4]


def _seeded(*parts: object) -> random.Random:
    """The random source bench/corpus's builder draws a document or a print from."""
    return random.Random(zlib.crc32(repr(parts).encode()))


@pytest.mark.parametrize(("seed", "generator", "k", "font"), [
    (157, "legacy_pipe", 1, "Sarabun"),
    (157, "legacy_long", 2, "Laksaman"),
])
def test_a_report_row_each_of_whose_cells_wraps_is_one_row(
        tmp_path: Path, seed: int, generator: str, k: int, font: str) -> None:
    # Forms drawn as bench/corpus's builder draws them (seed 157): each report row
    # a table of its own (blank lines between), the label column so narrow that
    # ``รายงานครั้งที่๑`` wraps inside its last word (``รายงานครั้ง`` / ``ที่๑``), and
    # the row's second line goes on each of its cells Thai to Thai (``ความ`` /
    # ``ก้าวหน้า…``, ``: ไม่เป็นไป`` / ``ตามแผน``): one row, not two
    # (:func:`bma_etl.read.pdf_borderless.top_aligned_rows`).
    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS[generator](_seeded(seed, generator, k))
    pdf = tmp_path / "form.pdf"
    _, failed = render.render_narrow_tables_batch(
        [(doc, pdf, font, _seeded(seed, generator, k, "soffice-narrow"))])
    assert not failed, failed
    values = [{n: r[n] for n in (*FIELDS, "detail") if n in r}
              for r in doc.truth["tables"]["progress_updates"]]
    result = score(process_file(pdf), {"tables": {"progress_updates": values}})
    assert result.total > 0 and result.lost == [], result.lost[:4]
