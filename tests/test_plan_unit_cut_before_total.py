"""A budget table's last unit cut at the margin, its rest right above the table's total.

bench/corpus ``fpdf2`` prints a tab row by moving the pen to the next tab stop and
writing each piece; a piece whose first word does not fit the line's rest is cut
inside the word, at the margin. The last row of a summary table, ``๔ โครงการ…
๑๒,๑๔๐,๖๐๐.- บาท`` ⇥ ``กองยุทธศาสตร์ฯ``, came out as ``…บาท ก`` / ``องยุทธศาสตร์ฯ``:
the rest names ``ยุทธศาสตร์`` as a strategic section's heading does, and the next
table's header follows within three lines, so it was taken for the next section's
heading. The table ended there: the unit read ``ก`` and the table's stated total
(``รวมงบประมาณทั้งสิ้น…``, the line under it) was lost. A line a total follows is still
in the table (:func:`bma_etl.layouts.plan_plain._total_next`).

The plan is generated (bench/corpus) and printed by fpdf2 in Garuda; the truth is its
projects and sections as generated.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from bma_etl.pipeline import process_file

from corpus.score import score
from corpus_prints import corpus_fpdf_print


def test_a_unit_cut_at_the_margin_over_the_total_keeps_the_table(tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 191, "plan", 5, "Garuda", shaping=False)
    drawn = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))
    assert " ก\r\nองยุทธศาสตร์ฯ\r\nรวมงบประมาณทั้งสิ้น" in drawn, "the print no longer cuts the unit so"
    tables = doc.truth["tables"]
    truth = {"tables": {name: tables[name] for name in ("plan_projects", "plan_sections")}}
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]
