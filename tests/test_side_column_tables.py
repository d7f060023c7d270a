"""A table printed by a browser is never read as a page with a side column.

A web page's side column (:mod:`bma_etl.read.pdf_side_column`) is a block of lines
parted from the page's text by an empty gap; so are a table's first columns when the
browser leaves a wide gap after them (an action plan printed landscape without
borders: its ``ลำดับที่`` and ``ด้าน/แผนงาน`` cells beside the projects), and a narrow
column of numbers beside a body of wrapped text. An earlier detector split such a
plan's columns off as a side column, and the browser's footer (``file:///…/page.html``,
``3/11``) was read into kpi definitions. These pages are generated from known values
and printed by Chromium with its header and footer; each is read exactly as it is
with no side column looked for (:func:`bma_etl.read.pdf_side_column.side_column`).
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path
from typing import Any

import pytest

from corpus import fonts, render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc

_WORDS = ("ก่อสร้าง ปรับปรุง ระบบระบายน้ำ ถนน ซอย เขต บำรุงรักษา ท่อ คลอง สะพาน "
          "โครงการ พัฒนา").split()


def _numbers_page(doc: GeneratedDoc, rng: random.Random) -> GeneratedDoc:
    """``doc`` with a page of a plan's budgets as a narrow column beside wrapped names."""
    rows = []
    for _ in range(rng.randint(8, 14)):
        body = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(12, 40)))
        budget = f"{rng.randint(1, 99)},{rng.randint(100, 999)},000"
        align = rng.choice(("middle", "top", "bottom"))
        rows.append(f'<tr><td style="width:{rng.choice((12, 15, 18))}%;vertical-align:'
                    f'{align};text-align:right">{budget}</td><td>{body}</td></tr>')
    html = ('<html><head><meta charset="utf-8"></head><body>'
            '<h3>แผนปฏิบัติราชการ ประจำปีงบประมาณ 2567</h3><table style="border-collapse:'
            f'collapse;width:100%" cellpadding="{rng.randint(2, 8)}">{"".join(rows)}</table>'
            '<p>หมายเหตุ งบประมาณเป็นบาท</p></body></html>')
    return dataclasses.replace(doc, html=html)


def _layers(pdf: Path, monkeypatch: pytest.MonkeyPatch, look: bool) -> tuple[Any, list[Any]]:
    """The PDF's layers read with (``look``) or without side columns looked for, and
    the side columns found."""
    import bma_etl.read.pdf_layers as layers

    found: list[Any] = []
    real = layers.side_column

    def spy(*args: Any) -> Any:
        box = real(*args) if look else None
        found.append(box)
        return box

    monkeypatch.setattr(layers, "side_column", spy)
    return layers.read_layers(pdf.read_bytes(), pdf.name), found


@pytest.mark.parametrize("page", ["plan-land", "numbers-0", "numbers-3"])
def test_a_table_printed_by_chromium_has_no_side_column(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    found = fonts.available()
    names = sorted(found)
    kind, _, seed = page.partition("-")
    rng = random.Random("stress-plan-202" if kind == "plan" else f"numbers-{seed}")
    doc = GENERATORS["plan"](rng)
    if kind == "numbers":
        doc = _numbers_page(doc, rng)
    font = rng.choice(names)
    if kind == "plan":  # the draws of the print the page was first seen in
        rng.choice(range(5))
        rng.random()
    pdf = tmp_path / f"{page}.pdf"
    render.render_chromium(doc, pdf, font, found[font], rng, header_footer=True,
                           borderless=kind == "plan")
    read, boxes = _layers(pdf, monkeypatch, look=True)
    assert boxes and all(box is None for box in boxes)
    as_before, _ = _layers(pdf, monkeypatch, look=False)
    assert [layer.text for layer in read] == [layer.text for layer in as_before]
    assert read == as_before
