"""A legacy form's fiscal year written without its colon, or with its dates after it.

Forms are generated from known values (``bench/corpus``); the fiscal year's line
``ปีงบประมาณ พ.ศ. : 2562`` is written the other ways forms print it:

- ``ปีงบประมาณ 2562``, ``ปีงบประมาณ พ.ศ. 2562``: no colon (the year was not read);
- ``ปีงบประมาณ พ.ศ. 2562 (1 ต.ค. 61 - 30 ก.ย. 62)``, with a colon or not, the dates
  as Thai words or abbreviations, two-digit or four-digit years: the year was NULL
  with an issue (``several numbers``).

The truth is the generated year, typed and OCR'd alike. A bracket of dates that are
not that fiscal year's contradicts the year: NULL with an issue, never a guess.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.fields import normalize

from corpus.build import GENERATORS

_YEAR_LINE = re.compile(r"^ปีงบประมาณ.*$", re.M)
_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _written(rng: random.Random, year: int, first: str) -> str:
    """The fiscal year's line, one of the ways forms print it, in ``year``'s digits."""
    short = (f"1 ต.ค. {(year - 1) % 100:02d} - 30 ก.ย. {year % 100:02d}",
             f"1 ตุลาคม {year - 1} - 30 กันยายน {year}",
             f"1 ต.ค. {year - 1} – 30 ก.ย. {year}")
    line = rng.choice((
        f"ปีงบประมาณ {year}",
        f"ปีงบประมาณ พ.ศ. {year}",
        f"ปีงบประมาณ พ.ศ. {year} ({rng.choice(short)})",
        f"ปีงบประมาณ พ.ศ. : {year} ({rng.choice(short)})",
        f"ปีงบประมาณ {year} ({rng.choice(short)})",
    ))
    return line.translate(_THAI) if first in "๐๑๒๓๔๕๖๗๘๙" else line


def _read(text: str, ocr: bool) -> tuple[object, list[str]]:
    doc = RepairedText.of(text, (), ocr_used=ocr)
    normalized = normalize(extract(doc), doc.text, doc.words, None, ocr=ocr)
    project = next(r for r in normalized.rows if r.table == "projects")
    issues = [f.message for f in normalized.findings
              if f.field == "fiscal_year_be" and f.code == "unparsed_value"]
    return project.values.get("fiscal_year_be"), issues


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_long"])
@pytest.mark.parametrize("seed", range(4))
def test_fiscal_year_without_its_colon_or_with_its_dates_is_read(
        seed: int, generator: str, ocr: bool) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    year = generated.tables["projects"][0]["fiscal_year_be"]
    old = _YEAR_LINE.search(generated.text)
    assert old is not None
    line = _written(rng, year, old.group().split(":")[-1].strip()[:1])
    text = generated.text[:old.start()] + line + generated.text[old.end():]
    assert _read(text, ocr) == (year, []), line


@pytest.mark.parametrize("seed", range(4))
def test_fiscal_year_whose_dates_are_another_year_is_null_with_an_issue(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_tab"](rng)
    year = generated.tables["projects"][0]["fiscal_year_be"]
    other = year + rng.choice((-2, -1, 1))
    line = f"ปีงบประมาณ พ.ศ. {year} (1 ต.ค. {(other - 1) % 100:02d} - 30 ก.ย. {other % 100:02d})"
    text = _YEAR_LINE.sub(line, generated.text, count=1)
    read, issues = _read(text, False)
    assert read is None and issues
