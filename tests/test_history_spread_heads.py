"""An entry heading whose words a print spread over the line is read whole, not as a row.

A progress-history page kept as a Word document in Thai distributed alignment and
printed by LibreOffice in small type spreads an entry heading's words to the
margin: the reader gives ``(4)\\tความคืบหน้าโครงการฯ\\t\\tร้อยละ\\t36.50 (2023-04-05)``,
its number alone in a cell, like an entry set as a table row. The heading then
takes every cell that still reads as one, its progress and system date with it;
before, only the number and ``ความคืบหน้าโครงการฯ`` did, and the progress, the date
and the entry's text were stored run together as its detail (and the fiscal year,
drawn from the entries' dates, was lost). Pages are generated from known values
(bench/corpus ``web_history``); the truth is those values.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts.base import Line
from bma_etl.layouts.history_entry_cells import entry_lines
from bma_etl.read.pdf import extract_pdf

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from read_back import assert_read_as_generated
from thai_fonts import font_file

SEED = 7315
#: ``(font, points)`` of the prints: small type, where the spread leaves a heading's
#: number alone in its cell.
PRINTS = (("Norasi", 10), ("Garuda", 10), ("Loma", 11))
#: The reader's line for an entry heading whose number stands alone in its cell.
NUMBER_ALONE = re.compile(r"^\([0-9]{1,4}\)\t+ความคืบหน้าโครงการฯ", re.MULTILINE)


def test_spread_entry_headings_keep_progress_and_date(tmp_path: Path) -> None:
    spread = 0
    for pdf, doc in _printed(tmp_path):
        spread += len(NUMBER_ALONE.findall(extract_pdf(pdf.read_bytes(), pdf.name).text))
        assert_read_as_generated(pdf, doc.truth)
    assert spread >= len(PRINTS), spread  # the prints set headings as the fix means


@pytest.mark.parametrize("draw", range(6))
def test_heading_cells_of_a_row_stay_in_the_heading(draw: int) -> None:
    rng = random.Random(f"{SEED}-row-{draw}")
    seq, pct = rng.randint(1, 40), f"{rng.randint(0, 10000) / 100:.2f}"
    iso = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    words = ["ความคืบหน้าโครงการฯ", "ร้อยละ", pct, f"({iso})"]
    cut = rng.randint(1, len(words) - 1)  # the row's cells: some words apart, some together
    head = [f"({seq})", *words[:cut], " ".join(words[cut:])]
    detail = f"{iso[8:]}/{iso[5:7]}/{int(iso[:4]) + 543} : ลงนามในสัญญาจ้างแล้ว"
    want_head = f"({seq}) ความคืบหน้าโครงการฯ ร้อยละ {pct} ({iso})"
    row = "\t".join([*head, detail])  # an entry set as a table row: heading, then its text
    got = [" ".join(line.text.split()) for line in entry_lines([Line(3, 0, row)])]
    assert got == [want_head, detail], (row, got)
    alone = "\t".join(head)  # a heading alone on its line, its words spread: left as it is
    assert [line.text for line in entry_lines([Line(3, 0, alone)])] == [alone]


def _printed(tmp_path: Path) -> list[tuple[Path, GeneratedDoc]]:
    """History pages with entries, printed distributed in small type, columns equal."""
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    batch, made = [], []
    for k, (font, pt) in enumerate(PRINTS):
        font_file(font)  # fails the test when the font is not installed
        rng = random.Random(f"{SEED}-{k}")
        doc = GENERATORS["web_history"](rng)
        while len(doc.truth["tables"].get("progress_updates", [])) < 3:
            doc = GENERATORS["web_history"](rng)
        pdf = tmp_path / f"history-{k}.{font}.pdf"
        batch.append((doc, pdf, font, {"align": "distribute", "pt": str(pt), "widths": "equal",
                                       "footer": "- {n} -", "margin_cm": "1.5"}))
        made.append((pdf, doc))
    failed = render.render_docx_batch(batch)
    assert not failed, failed
    return made


@pytest.mark.parametrize("draw", range(4))
@pytest.mark.parametrize("trailing", [False, True])
def test_spread_entry_label_at_a_page_top_is_no_repeated_header(draw: int,
                                                                 trailing: bool) -> None:
    """An entry's ``**\\tปัญหาของโครงการ\\t:ไม่มี`` heading a page is content.

    A distributed print spreads the entry labels' words to cells, so the label line
    that opens a page after a row reads as a table header repeated by the page
    break. It is not when the document has that line below pages' tops twice or
    more (``ไม่มี`` under many entries), nor when its only tab ends it (no row).
    The page has no furniture: every line of the generated text with words is content.
    """
    rng = random.Random(f"{SEED}-page-{draw}-{trailing}")
    while True:
        doc = GENERATORS["web_history"](rng)
        lines = [_spread_label(line) for line in doc.text.split("\n")]
        labels = [k for k, line in enumerate(lines) if line.startswith("**\tปัญหา")]
        # trailing: the label stands once more, above; else twice or more below the top
        wanted = 2 if trailing else 3
        at = [k for k in labels[1:] if sum(lines[j] == lines[k] for j in labels) == wanted]
        if at:
            break
    k = rng.choice(at)
    lines[k - 1] = lines[k - 1].replace(" : ", "\t:\t", 1)  # the page ends in a row
    if trailing:
        lines[k] = " ".join(lines[k].split()) + "\t"
    text = "\n".join(lines)
    starts = (0, len("\n".join(lines[:k])) + 1)
    found = {no for no in furniture_lines(text, starts) if lines[no - 1].strip()}
    assert not found, (lines[k - 1], lines[k])


def _spread_label(line: str) -> str:
    """An entry's label line as a distributed print reads it: ``**``, label, value as cells."""
    m = re.match(r"^\*\* ((?:ปัญหา|อุปสรรค)ของโครงการ) (:.*)$", line)
    return f"**\t{m.group(1)}\t{m.group(2)}" if m else line
