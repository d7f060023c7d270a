"""Long Thai running texts printed by the corpus's producers read with their own spacing.

Each document is a project-detail page whose rationale and target are long Thai
texts (``bench/corpus/web.py`` ``project_detail_long``: words without spaces,
phrases set apart by spaces, Latin words, numbers and hyphenated terms), printed by
reportlab, fpdf2, LibreOffice and Chromium in a Thai font. The truth is the
generated texts, compared with white space collapsed (not ignored): a space read
inside a Thai word, or a hyphen lost, is a wrong value.

A space the writer set between two Thai phrases where the page wrapped leaves no
trace in these text layers (no space character, no gap): it is read as no space,
as Thai orthography gives. So the tests hold that no space is ever invented and
that most values read exactly.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import fonts, render
from corpus.doc import GeneratedDoc
from corpus.web import project_detail_long

SEED = 4711
FIELDS = ("rationale", "target")
PRODUCERS = ("reportlab", "fpdf2", "soffice", "chromium")
#: Documents per producer.
DOCS = 3


def _font() -> tuple[str, Path]:
    found = fonts.available()
    for name in ("Garuda", "Sarabun", "Loma", "Norasi"):
        if name in found:
            return name, found[name]
    pytest.fail("needs a Thai font: apt-get install fonts-thai-tlwg-ttf (make venv does)")


def _print(producer: str, docs: list[GeneratedDoc], folder: Path) -> list[Path]:
    font, font_path = _font()
    outs = [folder / f"long_{k}.{producer}.pdf" for k in range(len(docs))]
    if producer in ("soffice", "chromium") and not render.have(producer):
        pytest.fail(f"{producer} not installed: apt-get install "
                    f"{'libreoffice-writer' if producer == 'soffice' else 'chromium'} "
                    "(make venv installs it)")
    if producer == "soffice":
        failed = render.render_soffice_batch([(d, o, font) for d, o in zip(docs, outs,
                                                                           strict=True)])
        assert not failed, failed
        return outs
    for k, (doc, out) in enumerate(zip(docs, outs, strict=True)):
        rng = random.Random(f"{SEED}-{producer}-{k}")
        if producer == "reportlab":
            render.render_reportlab(doc, out, font, font_path, rng)
        elif producer == "fpdf2":
            render.render_fpdf(doc, out, font, font_path, rng, shaping=False)
        else:
            render.render_chromium(doc, out, font, font_path, rng, header_footer=False)
    return outs


def _spaces(text: str) -> tuple[str, set[int]]:
    """``text`` without white space, and where (before which letter) white space stood."""
    letters, at = [], set()
    for ch in " ".join(text.split()):
        if ch == " ":
            at.add(len(letters))
        else:
            letters.append(ch)
    return "".join(letters), at


@pytest.mark.parametrize("producer", PRODUCERS)
def test_long_thai_texts_read_with_their_spacing(producer: str, tmp_path: Path) -> None:
    docs = [project_detail_long(random.Random(f"{SEED}-{k}")) for k in range(DOCS)]
    exact = total = 0
    for doc, pdf in zip(docs, _print(producer, docs, tmp_path), strict=True):
        row = process_file(pdf).tables["projects"][0]
        for name in FIELDS:
            want, got = doc.tables["projects"][0][name], getattr(row, name)
            assert got is not None, f"{pdf.name}: {name} not read"
            want_letters, want_spaces = _spaces(want)
            got_letters, got_spaces = _spaces(got)
            assert got_letters == want_letters, f"{pdf.name}: {name}: {got!r}"
            invented = sorted(got_spaces - want_spaces)
            assert not invented, (f"{pdf.name}: {name}: spaces invented before "
                                  f"{[want_letters[i - 3:i + 3] for i in invented]}")
            total += 1
            exact += " ".join(got.split()) == " ".join(want.split())
    assert exact >= 0.5 * total, f"{exact}/{total} values read with their exact spacing"
