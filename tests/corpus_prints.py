"""Generated documents (``bench/corpus``) drawn, printed and rendered as the corpus does.

Printed by LibreOffice from a Word file, by fpdf2 or reportlab, or by Chromium and
rewritten by ``pdftocairo``; pages rendered as a scanner sees them. A missing font
or tool fails the test with how to install it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from thai_fonts import font_file, fonts_or_fail


def amount_cut_in_its_cell(pdf: Path, text: str) -> bool:
    """Whether some amount of ``text`` (``1,234,500``) is not whole in the text pdfium
    gives for ``pdf``: the print wrapped it inside its cell, as the tests mean it to."""
    import pypdfium2 as pdfium

    printed = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))
    amounts = re.findall(r"[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+", text)
    return any(amount not in printed for amount in amounts)


def distributed_word_prints(tmp_path: Path, generator: str, seed: str,
                            prints: Iterable[tuple[str, int]],
                            keep: Callable[[Any], bool] = lambda doc: True,
                            ) -> list[tuple[Path, Any]]:
    """``[(pdf, doc)]``: a ``generator`` document (bench/corpus) for each ``(font, pt)`` of
    ``prints``, written as a Word file in Thai distributed alignment (``th-TH``, cells as
    wide as their content) and printed by LibreOffice. ``keep`` must hold for the
    document drawn (asserted). Fails the test when a font or LibreOffice is missing.
    """
    import random

    from corpus import render
    from corpus.build import GENERATORS

    prints = tuple(prints)
    fonts_or_fail(font for font, _ in prints)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    batch, made = [], []
    for k, (font, pt) in enumerate(prints):
        doc = GENERATORS[generator](random.Random(f"{seed}-{k}"))
        assert keep(doc), f"{seed}-{k}: the document drawn lacks what the test needs"
        pdf = tmp_path / f"{generator}-{k}.{font}.pdf"
        batch.append((doc, pdf, font, {"align": "distribute", "pt": str(pt),
                                       "widths": "content", "lang": "th-TH"}))
        made.append((pdf, doc))
    failed = render.render_docx_batch(batch)
    assert not failed, failed
    return made


def corpus_word_print(tmp_path: Path, seed: int, generator: str, k: int, font: str
                      ) -> tuple[Any, Path, dict[str, str]]:
    """``(doc, pdf, settings)``: the ``k``-th ``generator`` document of corpus seed ``seed``,
    written as a Word file and printed by LibreOffice as the corpus builder prints it
    (``soffice-docx``: its random settings drawn the builder's way). Fails the test
    when the font or LibreOffice is missing, or the print fails.
    """
    from corpus import render
    from corpus.build import GENERATORS, _rng

    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS[generator](_rng(seed, generator, k))
    pdf = tmp_path / f"{generator}.pdf"
    settings = render.docx_settings(_rng(seed, generator, k, "soffice-docx"))
    failed = render.render_docx_batch([(doc, pdf, font, settings)])
    assert not failed, failed
    return doc, pdf, settings


def sarabun_print(tag: str, generator: str, producer: str, folder: Path, seed: int = 3
                  ) -> tuple[Path, dict[str, Any]]:
    """``(pdf, truth)``: a ``generator`` document (``bench/corpus``, drawn from
    ``random.Random(f"{tag}-{generator}")``) printed in Sarabun by ``producer`` (``fpdf2``,
    unshaped; else reportlab) with ``random.Random(seed)`` to
    ``folder/<generator>.<producer>.pdf``. Fails the test without Sarabun."""
    import random

    from corpus import render
    from corpus.build import GENERATORS

    doc = GENERATORS[generator](random.Random(f"{tag}-{generator}"))
    out = folder / f"{generator}.{producer}.pdf"
    if producer == "fpdf2":
        render.render_fpdf(doc, out, "Sarabun", font_file("Sarabun"), random.Random(seed),
                           shaping=False)
    else:
        render.render_reportlab(doc, out, "Sarabun", font_file("Sarabun"), random.Random(seed))
    return out, doc.truth


def corpus_fpdf_print(tmp_path: Path, seed: int, generator: str, k: int, font: str,
                      shaping: bool) -> tuple[Any, Path]:
    """``(doc, pdf)``: the ``k``-th ``generator`` document of corpus seed ``seed``, printed
    by fpdf2 as the corpus builder prints it (``fpdf2``, or ``fpdf2-shaped`` with
    ``shaping``: HarfBuzz text shaping). Fails the test when the font is missing.
    """
    from corpus import render
    from corpus.build import GENERATORS, _rng

    doc = GENERATORS[generator](_rng(seed, generator, k))
    pdf = tmp_path / f"{generator}.pdf"
    producer = "fpdf2-shaped" if shaping else "fpdf2"
    render.render_fpdf(doc, pdf, font, font_file(font), _rng(seed, generator, k, producer),
                       shaping=shaping)
    return doc, pdf


def corpus_fpdf_grey_pages(tmp_path: Path, seed: int, generator: str, k: int, dpi: int
                           ) -> tuple[Any, list[Any]]:
    """``(doc, pages)``: the ``k``-th ``generator`` document of corpus seed ``seed`` printed
    by fpdf2 (:func:`corpus_fpdf_print`, unshaped, in the first of Garuda, Loma and Sarabun
    installed) and each printed page rendered in grey (PIL ``L``) at ``dpi``."""
    import pypdfium2 as pdfium

    font = next(iter(fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)))
    doc, pdf = corpus_fpdf_print(tmp_path, seed, generator, k, font, shaping=False)
    printed = pdfium.PdfDocument(str(pdf))
    try:
        pages = [printed[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                 for i in range(len(printed))]
    finally:
        printed.close()
    return doc, pages


def generated_form(dialect: str, key: str, reports: tuple[int, int], tries: int = 80) -> Any:
    """A generated progress form (``legacy_form`` in ``dialect``) of ``reports`` (least,
    most) reports and no Thai-digit field, the first such of seeds ``key-0``, ``key-1``…"""
    import random

    from corpus.forms import legacy_form

    for k in range(tries):
        doc = legacy_form(random.Random(f"{key}-{k}"), dialect)
        if reports[0] <= len(doc.tables["progress_updates"]) <= reports[1] \
                and not doc.thai_digit_fields:
            return doc
    raise AssertionError(f"no generated form with {reports[0]} to {reports[1]} reports")


def chromium_cairo_print(doc: Any, family: str, tmp_path: Path) -> Path:
    """``doc`` printed by Chromium in the Noto ``family`` and rewritten by ``pdftocairo
    -pdf``: the PDF's path in ``tmp_path``. Fails the test when a tool or the font is
    missing (``make venv`` installs them)."""
    import random
    import subprocess

    from corpus import fonts, render

    for tool, package in (("chromium", "chromium"), ("pdftocairo", "poppler-utils")):
        if not render.have(tool):
            pytest.fail(f"needs {tool}: apt-get install {package} (make venv does)")
    path = fonts.noto(family)
    if path is None:
        pytest.fail(f"needs {family}: apt-get install fonts-noto-core (make venv does)")
    printed, rewritten = tmp_path / "printed.pdf", tmp_path / "rewritten.pdf"
    render.render_chromium(doc, printed, family, path, random.Random(0), header_footer=False)
    subprocess.run(["pdftocairo", "-pdf", str(printed), str(rewritten)], check=True,
                   capture_output=True, timeout=120)
    return rewritten


def legacy_report_cells(pattern: re.Pattern[str], seeds: int) -> list[str]:
    """The report cells of generated legacy forms (seeds 0 .. ``seeds`` - 1) ``pattern`` finds."""
    import random

    from corpus.build import GENERATORS

    cells = []
    for seed in range(seeds):
        doc = GENERATORS["legacy_pipe"](random.Random(seed))
        cells += [cell.strip() for line in doc.text.splitlines()
                  for cell in line.split("|") if pattern.search(cell)]
    return cells


def printed_form_pages(folder: Path, seed: int, dpi: int) -> tuple[Any, list[Any]]:
    """A generated legacy form printed by fpdf2 (shaped, 12 pt) and its pages as scanned.

    Returns the generated document (its truth) and each page rendered in colour
    (PIL ``RGB``) at ``dpi``. The font is the first of Garuda, Loma and Sarabun
    installed; the PDF is written in ``folder``.
    """
    import random

    import pypdfium2 as pdfium

    from corpus import render
    from corpus.build import GENERATORS

    doc = GENERATORS["legacy_pipe"](random.Random(f"{seed}-legacy_pipe"))
    found = fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)
    font = next(iter(found))
    pdf = folder / "legacy_pipe.pdf"
    render.render_fpdf(doc, pdf, font, found[font], random.Random(seed), shaping=True, pt=12)
    printed = pdfium.PdfDocument(pdf)
    try:
        pages = [printed[i].render(scale=dpi / 72).to_pil().convert("RGB")
                 for i in range(len(printed))]
    finally:
        printed.close()
    return doc, pages
