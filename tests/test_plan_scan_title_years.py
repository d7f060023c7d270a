"""A plan's title whose year OCR damaged, on generated plans.

Plans are generated from known values (``bench/corpus``); on the cover and the
title line (``แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๘``) the year is damaged as Tesseract
damaged it on a 150 dpi grey scan: its last digit lost (``พ.ศ. ๒๕๖``). That is no
year (the fiscal year is not read), but the title is: the agency and the parent
agency under it are read as generated. So when the cover's พ.ศ. is read as a Latin
word (``WA. ๒๕๒๐๐``, a 200 dpi 1-bit scan). The truth is the generated values.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

_YEAR_RE = re.compile(r"(พ\.ศ\. [0-9๐-๙]{3})[0-9๐-๙]$")


@pytest.mark.parametrize("seed", range(4))
def test_title_year_with_a_digit_lost_keeps_the_agencies(seed: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    lines = generated.text.split("\n")
    # the cover's year line and the title line, the first lines that end in a year
    head = [k for k, line in enumerate(lines[:12]) if _YEAR_RE.search(line)]
    assert len(head) == 2
    for k in head:
        lines[k] = _YEAR_RE.sub(r"\1", lines[k])
    plan = records_of(extract, "\n".join(lines))["plans"][0]
    want = generated.tables["plans"][0]
    assert (plan.agency, plan.parent_agency) == (want["agency"], want["parent_agency"])
    assert plan.fiscal_year_be is None


#: The cover's year line (``พ.ศ. ๒๕๖๖``) and what OCR read its พ.ศ. as.
_COVER_YEAR_RE = re.compile(r"^พ\.ศ\. (?=[0-9๐-๙]{4}$)")
_LATIN_BE = ("WA.", "Wa.", "MA.")


@pytest.mark.parametrize("seed", range(4))
def test_cover_year_whose_be_ocr_read_latin_keeps_the_agencies(seed: int) -> None:
    """The cover's พ.ศ. read as a Latin word with its point (``WA. ๒๕๒๐๐``), the title
    line's year damaged past a year (``๒๕๒5»``; 200 dpi 1-bit scan): the cover still
    gives the title, the agencies under it are read; no year is."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = generated.text.split("\n")
    head = [k for k, line in enumerate(lines[:12]) if _YEAR_RE.search(line)]
    assert len(head) == 2 and _COVER_YEAR_RE.match(lines[head[0]])
    lines[head[0]] = _COVER_YEAR_RE.sub(rng.choice(_LATIN_BE) + " ", lines[head[0]])
    lines[head[1]] = _YEAR_RE.sub(r"\g<1>5»", lines[head[1]])
    plan = records_of(extract, "\n".join(lines))["plans"][0]
    want = generated.tables["plans"][0]
    assert (plan.agency, plan.parent_agency) == (want["agency"], want["parent_agency"])
    assert plan.fiscal_year_be is None


#: A Thai digit and the letter Debian's Thai model reads it as on 150 and 200 dpi scans
#: (``พ.ศ. ๒๕ฒ๐`` for ``๒๕๗๐``, ``๒๕อ๘`` for ``๒๕๖๘``).
_DIGIT_AS_LETTER = {"๖": "อ", "๗": "ฒ", "๙": "ญ", "๓": "ณ"}
_THAI_YEAR_RE = re.compile(r"(?<=พ\.ศ\. )๒๕[๐-๙]{2}$")


def _thai_digit_plans(count: int) -> list[int]:
    """The first ``count`` seeds whose generated plan prints Thai digits."""
    seeds = []
    seed = 0
    while len(seeds) < count:
        if "๒๕" in GENERATORS["plan"](random.Random(seed)).text:
            seeds.append(seed)
        seed += 1
    return seeds


@pytest.mark.parametrize("seed", _thai_digit_plans(4))
def test_title_year_with_a_digit_read_as_a_letter_keeps_the_agencies(seed: int) -> None:
    """The cover's and the title's year with a digit OCR read as the letter it looks like
    (``พ.ศ. ๒๕ฒ๐``, 150 dpi, and ``พ.ศ.๒๕ฒ๐``, 200 dpi with a stamp): no year, but the
    title is one, and the agencies under it are read as generated."""
    generated = GENERATORS["plan"](random.Random(seed))
    lines = generated.text.split("\n")
    head = [k for k, line in enumerate(lines[:12]) if _THAI_YEAR_RE.search(line)]
    assert len(head) == 2
    for n, k in enumerate(head):
        year = _THAI_YEAR_RE.search(lines[k])
        assert year is not None
        misread = year.group()[:2] + "".join(_DIGIT_AS_LETTER.get(d, d) for d in year.group()[2:])
        assert misread != year.group()  # generated years are ๒๕๖x
        cut = year.start() - (1 if n == 0 else 0)  # the cover's year: no space after พ.ศ.
        lines[k] = lines[k][:cut] + misread
    plan = records_of(extract, "\n".join(lines))["plans"][0]
    want = generated.tables["plans"][0]
    assert (plan.agency, plan.parent_agency) == (want["agency"], want["parent_agency"])
    assert plan.fiscal_year_be is None
