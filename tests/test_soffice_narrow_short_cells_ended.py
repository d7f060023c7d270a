"""A centred report row a page break cut, whose short cell ended on the page before.

bench/corpus ``soffice-narrow``: the form's report table as an HTML page with narrow
columns, printed by LibreOffice Writer/Web, which centres a cell in its row's height.
At 16 pt the progress cell wraps over three lines and the flags over two; a page
break under the second leaves on the next page the progress cell's last line (the
amount, ``1,321,000 บาท``) and the end of the longer flag (``หมาย`` under ``: เป็นไป
ตามเป้า``), the shorter flag having ended on the page before, or both flags' rest
(``ตามแผน`` beside ``หมาย``). That line was read as a line of its own: the paid
amount and the flags NULL, the line glued to the report's detail. The forms are
generated (bench/corpus ``legacy_long``) and printed as the corpus prints them (in
Loma, borderless); the truth is every report's fields as generated.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from thai_fonts import font_file

#: (the form's draw, the print's draw): the flags' rest beside the amount
#: (``ตามแผน หมาย``, 12 %/13 % columns), and the shorter flag ended (9 %/9 %).
DRAWS: dict[str, Callable[[], tuple[random.Random, random.Random]]] = {
    "both-flags": lambda: (random.Random("b-59"), random.Random("cut-centred-108")),
    "one-flag": lambda: (_rng(1857, "legacy_long", 4),
                         _rng(1857, "legacy_long", 4, "soffice-narrow")),
}


@pytest.mark.parametrize("draw", sorted(DRAWS))
def test_a_centred_row_cut_after_a_short_cell_ended_reads_whole(tmp_path: Path,
                                                                 draw: str) -> None:
    font_file("Loma")
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    form, printed = DRAWS[draw]()
    doc = GENERATORS["legacy_long"](form)
    pdf = tmp_path / "form.pdf"
    made, failed = render.render_narrow_tables_batch(
        [(doc, pdf, "Loma", printed)])
    assert not failed and pdf in made, failed
    assert made[pdf]["pt"] == "16" and made[pdf]["ruled"] == "False", made[pdf]
    truth = {"tables": {"progress_updates": doc.truth["tables"]["progress_updates"]}}
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]
