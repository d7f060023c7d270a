"""A generated annual action plan, scanned, read live: its SWOT lists and step tables.

The plan is generated from known values and printed by fpdf2 as flowing text;
three of its pages are scanned (200 dpi, grey, noise and skew, ``bench/corpus/scan.py``):
the first (the SWOT analysis), the one where the budget summary starts (a plan
without it is not read) and the first one with a step table. The truth is the
values the plan was generated from: every SWOT item, and the steps whose words
the text-layer print put on the scanned step page.

OCR loses marks (``ขันตอนการดำเนินงาน``) and misreads Thai digits (``๑.`` as
``©).``, ``๔.`` as ``๕.``): the headings must still be found and the items and
steps still formed, one row each, in order. A value is compared in key form with
a little slack (:data:`SIMILAR`): the letters OCR gets wrong are its own, and so
are the lines it does not read at all (an item's number, the foot of a page).
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
from rapidfuzz.fuzz import ratio

from bma_etl.matchkey import key
from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.scan import scan_pdf
from thai_fonts import fonts_or_fail

SEED = 7
#: Least similarity (0..100) of a value read to the value written, both in key form.
SIMILAR = 85


def _flat(text: str) -> str:
    return "".join(key(text).split())


def _pages(src: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(src))
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def _keep(src: Path, out: Path, keep: list[int]) -> None:
    """Write the pages ``keep`` (0-based) of ``src`` to ``out``."""
    pdf = pdfium.PdfDocument(str(src))
    new = pdfium.PdfDocument.new()
    try:
        new.import_pages(pdf, keep)
        new.save(str(out))
    finally:
        new.close()
        pdf.close()


def _similar(want: str, got: str | None) -> bool:
    """``got`` starts with ``want`` (an item whose number OCR lost joins the one above)."""
    if got is None:
        return False
    w = _flat(want)
    return ratio(w, _flat(got)[:len(w)]) >= SIMILAR


def _in_order(want: list[str], got: list[str | None]) -> int:
    """How many of ``got`` match items of ``want`` in order (-1 when one matches none)."""
    at = 0
    for g in got:
        while at < len(want) and not _similar(want[at], g):
            at += 1
        if at == len(want):
            return -1
        at += 1
    return len(got)


def test_scanned_plan_gives_its_swot_items_and_steps(tmp_path: Path) -> None:
    doc = GENERATORS["plan"](random.Random(f"{SEED}-plan"))
    found = fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)
    font = next(iter(found))
    printed = tmp_path / "plan.pdf"
    render.render_fpdf(doc, printed, font, found[font], random.Random(SEED), shaping=False)
    texts = _pages(printed)
    summary = next(i for i, t in enumerate(texts) if "สรุปโครงการและงบประมาณ" in t)
    steps_at = next(i for i, t in enumerate(texts) if "ขั้นตอนการดำเนินงาน" in t)
    keep = sorted({0, summary, steps_at})
    few = tmp_path / "few.pdf"
    _keep(printed, few, keep)
    scanned = tmp_path / "few.scan.pdf"
    scan_pdf(few, scanned, 200, "grey", random.Random(SEED))
    processed = process_file(scanned)
    truth = doc.truth["tables"]

    swot = truth["plan_swot_items"]
    kinds = dict.fromkeys(t["kind"] for t in swot)
    read = processed.rows("plan_swot_items")
    assert list(dict.fromkeys(r.kind for r in read)) == list(kinds)
    matched = 0
    for kind in kinds:
        want = [t["text"] for t in swot if t["kind"] == kind]
        got = [r.text for r in read if r.kind == kind]
        assert _similar(want[0], got[0]), kind  # its number read ``©).``, say
        found = _in_order(want, got)
        assert found >= 0, (kind, want, got)
        matched += found
    # An item whose number OCR lost altogether joins the item above: OCR's own loss.
    assert matched >= 0.8 * len(swot)

    page = _flat(texts[steps_at])
    steps = [t["description"] for t in truth["plan_steps"] if _flat(t["description"]) in page]
    got_steps = [r.description for r in processed.rows("plan_steps")]
    assert len(got_steps) >= 3
    assert _in_order(steps, got_steps) == len(got_steps), (steps, got_steps)
