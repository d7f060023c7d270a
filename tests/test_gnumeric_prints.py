"""A mark pdfium sets on a line of its own before the next cell goes back over its letter.

Gnumeric prints through cairo (fonts at size 1, scaled by the text matrix) and may
draw a tone mark half a point below its line's baseline, after the line's last
letter: pdfium breaks the line before it and goes on with the next cell on the
first line's baseline (``…เคลื่อนที่`` / ``้ ๙,๓๐๒,๔๐๐.- บาท``). The mark was kept at
the line's end, so a plan stored ``โครงการจัดตังหน่วยบริการทันตกรรมเคลื่อนที้``
(the sixteenth outside tester's Gnumeric print). Marks so left behind, followed by a
space pdfium made and the line going on right of where it stood, are the line's
(:func:`bma_etl.read.pdf_linebreaks.without_false_breaks`) and are put back over
their letter. The plan here is that tester's: written as an .xlsx and printed with
``ssconvert``, their values the truth (``plan.truth.json``); a generated sheet so
printed did not set a mark below its line.
"""

from __future__ import annotations

import json
from pathlib import Path

from bma_etl.pipeline import process_file

from repo_paths import FIXTURES

PLAN = FIXTURES / "pdf" / "gnumeric" / "plan.pdf"


def test_gnumeric_plan_reads_every_project_name_as_written() -> None:
    truth = json.loads(PLAN.with_suffix(".truth.json").read_text(encoding="utf-8"))
    rows = process_file(Path(PLAN)).tables["plan_projects"]
    assert [(row.section, row.name) for row in rows] == [
        (row["section"], row["name"]) for row in truth["plan_projects"]]
