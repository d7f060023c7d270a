"""fpdf2 prints in other sizes and margins read whole (every value the document was made from).

fpdf2 sets a paragraph with ``multi_cell`` (justified: a wrapped line's spaces are
widened until it reaches the margin) and a tab line with ``write`` (cut anywhere at
the margin). Sizes and margins the corpus seldom draws together lost fields three
ways:

- a line that ends a paragraph short of the margin (``... (2562) : 03503144-5709``
  at 16 pt) was taken for a wrap because the next line's first word would not
  have fitted after it: the agency joined the project line (code, name, agency lost);
- ``ชื่อโครงการที่ ๑`` before a Thai run too long for the rest of the line is
  justified with the ``๑`` flush right; level with the middle of three lines it was
  taken for a cell centred beside them, and the lines made one (the steps'
  project names lost);
- an amount cut in its satang at the margin (``๒,๑๒๗,๔๐๐.๐`` / ``๐ บาท``) was read
  with a space inside, ``๐ บาท`` as the budget (0) and the rest in the name.

The documents are generated (``bench/corpus``: action plans and tracking pages),
printed by fpdf2 in several fonts, sizes and margins; the truth is the values they
were generated from. Generated amounts are cut at every place after their first
group and must join whole.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.rows import separator

from corpus import render
from corpus.plans import action_plan
from corpus.score import score
from corpus.web import tracking_page
from thai_fonts import font_file

SEED = 5120
#: (generator, seed, font, pt, margin in mm) of each printing.
PRINTINGS = (
    ("plan", 1, "Garuda", 12, 15.0),
    ("plan", 2, "Kinnari", 11, 15.0),
    ("plan", 3, "Laksaman", 11, 20.0),
    ("plan", 6, "Norasi", 12, 18.0),
    ("tracking", 1, "Garuda", 16, 20.0),
    ("tracking", 2, "Norasi", 15, 16.0),
    ("tracking", 2, "Garuda", 16, 25.0),
    ("tracking", 3, "Kinnari", 14, 18.0),
    ("tracking", 4, "Garuda", 16, 25.0),
    ("tracking", 4, "Laksaman", 16, 15.0),
)
GENERATORS = {"plan": action_plan, "tracking": tracking_page}


@pytest.mark.parametrize("printing", PRINTINGS, ids=lambda p: "-".join(map(str, p)))
def test_fpdf2_print_reads_every_value(printing: tuple[str, int, str, int, float],
                                       tmp_path: Path) -> None:
    generator, seed, font, pt, margin = printing
    found = {font: font_file(font)}
    doc = GENERATORS[generator](random.Random(f"{SEED}-{generator}-{seed}"))
    doc.margins_mm = margin
    pdf = tmp_path / f"{generator}.fpdf2.pdf"
    settings = render.render_fpdf(doc, pdf, font, found[font],
                                  random.Random(f"{SEED}-{printing}"), shaping=False, pt=pt)
    assert settings["pt"] == str(pt) and settings["margin_mm"] == f"{margin:.0f}"
    result = score(process_file(pdf), doc.truth)
    assert result.total > 0
    assert not result.lost, "\n".join(f"{k}: want {w!r} got {g!r} ({kind})"
                                      for k, w, g, kind in result.lost)


_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@pytest.mark.parametrize("thai", [False, True], ids=["arabic", "thai"])
def test_amount_cut_anywhere_after_its_first_group_joins_whole(thai: bool) -> None:
    # fpdf2's write cuts a tab line at the margin wherever it falls, inside the satang too
    rng = random.Random(f"{SEED}-cut-{thai}")
    for _ in range(40):
        amount = f"{rng.randint(1_000, 99_999_999):,}.{rng.randint(0, 99):02d}"
        amount = amount.translate(_THAI_DIGITS) if thai else amount
        for cut in range(amount.index(",") + 1, len(amount)):
            left, right = f"โครงการ {amount[:cut]}", f"{amount[cut:]} บาท"
            assert separator(left, right) == "", (left, right)
