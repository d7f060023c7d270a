"""Target tables OCR read Latin words into, on generated plans.

Plans are generated from known values (``bench/corpus``); their target tables are
printed flowing and damaged as :mod:`test_plan_scan_tables` damages them, then the
ways Tesseract read them on the corpus's scans:

- on a 1-bit scan the empty ``ลำดับที่`` cells and the rules under the header read
  as a line of short Latin words between the year line and the first row
  (``es es Cep ce ef``), a blank line before it or none: no row, and it ends no
  table;
- a year read whole as a Latin word with a quote mark after it, the rule's trace
  (``๒๕๒๒ ไ๒๕๒๓ lobe'``, 150 dpi grey): still a column (its year not stated).

Every row is read. The truth is the generated values (the years are not counted,
as in :mod:`test_plan_scan_tables`).
"""

from __future__ import annotations

import random
import re
import string

import pytest

from test_plan_scan_tables import _MARKS_RE, _YEARS, _ocr_print, targets_read

from corpus.build import GENERATORS

#: The damaged header ``_ocr_print`` writes (marks lost): its year line follows it.
_HEADER_START = _MARKS_RE.sub("", "ลำดับที่ ตัวชี้วัด")


def _latin_line(rng: random.Random) -> str:
    """Short Latin words and a sign or two, longer than a speck (``es es Cep ce ef``)."""
    words = ["".join(rng.choice(string.ascii_letters) for _ in range(rng.randint(2, 4)))
             for _ in range(rng.randint(3, 5))]
    return " ".join(words) + rng.choice(("", "", "\u2019", " |"))


def _with_latin_lines(text: str, rng: random.Random) -> tuple[str, int]:
    """``text`` with a Latin line after the year line of every target table; how many."""
    lines = text.split("\n")
    out: list[str] = []
    added = 0
    for k, line in enumerate(lines):
        out.append(line)
        if k and lines[k - 1].startswith(_HEADER_START) and not _YEARS.match(lines[k - 1]):
            out.extend([""] * rng.randint(0, 1) + [_latin_line(rng)])
            added += 1
    return "\n".join(out), added


@pytest.mark.parametrize("seed", range(8))
def test_a_latin_line_over_the_first_row_ends_no_target_table(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = generated.tables["plan_indicators"]
    assert want, "the generator writes target tables"
    text, added = _with_latin_lines(_ocr_print(generated.text, rng), rng)
    assert added, "every generated plan has a target table"
    targets_read(text, want)


#: What Tesseract read a year and the rule after it as: a Latin word and a quote mark.
_QUOTED_LATIN_YEARS = ("lobe\u2019", "ben'", "wees\u2018")


def _last_year_quoted(text: str, rng: random.Random) -> tuple[str, int]:
    """``text`` with the last year of every target table's year line read as a quoted
    Latin word (:data:`_QUOTED_LATIN_YEARS`); how many year lines."""
    lines = text.split("\n")
    added = 0
    for k in range(1, len(lines)):
        if lines[k - 1].startswith(_HEADER_START) and len(lines[k].split()) >= 3:
            lead = re.match(r"[\t ]*", lines[k])
            years = lines[k].split()
            years[-1] = rng.choice(_QUOTED_LATIN_YEARS)
            lines[k] = (lead.group() if lead else "") + " ".join(years)
            added += 1
    return "\n".join(lines), added


@pytest.mark.parametrize("seed", range(8))
def test_a_year_read_as_a_quoted_latin_word_is_still_a_column(seed: int) -> None:
    rng = random.Random(seed)
    while True:  # a plan with a target table of three years or more
        generated = GENERATORS["plan"](rng)
        text, added = _last_year_quoted(_ocr_print(generated.text, rng), rng)
        if added:
            break
    want = generated.tables["plan_indicators"]
    targets_read(text, want)
