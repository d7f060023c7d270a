"""A label cell centred beside its value's lines in a borderless table printed by Chromium.

A web page's label/value table (``<th>`` / ``<td>``) keeps the browser's default
cell alignment, ``vertical-align: middle``: beside a value of three lines (the
objectives, one item a line) the one-line label ``วัตถุประสงค์`` stands on the
value's middle line, and the value's first line stands alone above it. Read line
by line, that first item went on the rationale's line before it, and the
objectives lost it. A one-line label centred beside a value's lines, left of them,
is one row with them (:func:`bma_etl.read.pdf_page.with_side_by_side`) even when
the value's lines are items, not one paragraph wrapped.

The page is the corpus's detail page (bench/corpus ``web_detail``) with its table's
borders taken off and its objectives drawn as items, one a line; the truth is
every field as generated, the objectives with them.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from corpus import render
from corpus.web import project_detail
from read_back import assert_read_as_generated

#: Objectives an item is drawn from (the value cell holds two to four, one a line).
_OBJECTIVES = ("\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e1e\u0e31\u0e12\u0e19\u0e32"
               "\u0e17\u0e31\u0e01\u0e29\u0e30\u0e2d\u0e32\u0e0a\u0e35\u0e1e"
               "\u0e02\u0e2d\u0e07\u0e1b\u0e23\u0e30\u0e0a\u0e32\u0e0a\u0e19",
               "\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e40\u0e1e\u0e34\u0e48\u0e21"
               "\u0e23\u0e32\u0e22\u0e44\u0e14\u0e49\u0e43\u0e2b\u0e49\u0e41\u0e01\u0e48"
               "\u0e04\u0e23\u0e31\u0e27\u0e40\u0e23\u0e37\u0e2d\u0e19",
               "\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e25\u0e14\u0e08\u0e38\u0e14"
               "\u0e40\u0e2a\u0e35\u0e48\u0e22\u0e07\u0e43\u0e19\u0e0a\u0e38\u0e21\u0e0a\u0e19",
               "\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e2a\u0e48\u0e07\u0e40\u0e2a\u0e23\u0e34\u0e21"
               "\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30\u0e01\u0e2d\u0e1a\u0e2d\u0e32\u0e0a\u0e35\u0e1e")
_ONE = "1. \u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e1e\u0e31\u0e12\u0e19\u0e32\u0e01\u0e32\u0e23" \
       "\u0e43\u0e2b\u0e49\u0e1a\u0e23\u0e34\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e32\u0e0a\u0e19"


@pytest.mark.parametrize(("seed", "items"), [(1, 3), (2, 3), (3, 3)])
def test_a_label_centred_beside_its_items_is_their_row(seed: int, items: int,
                                                       tmp_path: Path) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    rng = random.Random(seed)
    doc = project_detail(rng)
    drawn = rng.sample(_OBJECTIVES, items)
    cell = "<br>".join(f"{n}. {text}" for n, text in enumerate(drawn, start=1))
    assert doc.html is not None and _ONE in doc.html
    doc.html = doc.html.replace(_ONE, cell).replace(' border="1"', "")
    doc.tables["projects"][0]["objectives"] = drawn
    src = tmp_path / "detail.html"
    encoding = {"windows-874": "cp874"}.get(doc.html_encoding or "", doc.html_encoding)
    src.write_bytes(doc.html.encode(encoding or "utf-8"))
    pdf = tmp_path / "detail.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={tmp_path}/profile", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", src.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert_read_as_generated(pdf, doc.truth)
