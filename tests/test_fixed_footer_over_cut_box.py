"""A fixed footer printed over a box the page cuts is no part of the history's entries.

A tracking system's history printed from Chromium with the system's footer in small
type fixed at each page's foot (``position: fixed``: ``ระบบติดตามโครงการ … | พิมพ์ …``)
and its entries inside one bordered box: where a page cuts the box, the footer
stands between the box's two rules, which run down to the page's edge, and the
reader made it a row with the box's lines; the entry the page cut then began with the
footer, its rest on the next page joined after it (:mod:`bma_etl.read.pdf_edge_lines`).
The history is generated (bench/corpus ``web_history``); the truth is every entry's
detail, problems and obstacles as generated (details compared without white space:
a wrap's space is another matter).
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file

from corpus import fonts, render
from corpus.build import GENERATORS


def _bare(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


@pytest.mark.parametrize("seed", [4, 8, 12])
def test_fixed_footer_over_a_cut_box(tmp_path: Path, seed: int) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    rng = random.Random(f"fixed-footer-{seed}")
    found = fonts.available()
    font = "Loma" if "Loma" in found else sorted(found)[0]
    pdf = tmp_path / "history.pdf"
    for _draw in range(8):  # a history that fits one page has no box cut: draw again
        doc = GENERATORS["web_history"](rng)
        footer = (f"ระบบติดตามโครงการ กรุงเทพมหานคร | พิมพ์ {rng.randint(1, 28):02d}/"
                  f"{rng.randint(1, 12):02d}/{rng.randint(2565, 2568)} "
                  f"{rng.randint(8, 17):02d}:30")
        fixed = ('<div style="position:fixed;bottom:0;left:0;right:0;font-size:10px">'
                 f"{footer}</div>")
        html = (doc.html or "").replace(
            "<body>", f'<body>{fixed}<div style="border:1px solid #888;padding:6px">', 1)
        html = html.replace("</body>", "</div></body>", 1)
        assert footer in html, "the generated page has no body: nothing to print the footer on"
        render.render_chromium(dataclasses.replace(doc, html=html), pdf, font, found[font],
                               random.Random(seed), header_footer=False,
                               paper="A4 landscape", pt=16)
        if len(pdfium.PdfDocument(pdf)) >= 2:
            break
    assert len(pdfium.PdfDocument(pdf)) >= 2, "no history of two pages drawn: no box cut"
    read = process_file(pdf)
    updates = read.tables["progress_updates"]
    want = [(_bare(row.get("detail")), row.get("problems"), row.get("obstacles"))
            for row in doc.truth["tables"]["progress_updates"]]
    assert [(_bare(u.detail), u.problems, u.obstacles) for u in updates] == want
