"""A detail page's budget amounts as OCR read their marks on seed 71's 150 dpi scan.

Detail pages are generated from known values (``bench/corpus``); an amount's
thousands commas are then read as dots and a space put after a mark
(``14.984, 000`` for ``14,984,000``). The truth is the generated amount.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.web_project_detail import extract as detail

from corpus.build import GENERATORS
from read_back import records_of

_SPENT = re.compile(r"^(?P<label>งบฯ ที่ใช้ไป \(บาท\))(?P<n>[0-9]{1,3}(?:,[0-9]{3}){2,})$", re.M)


@pytest.mark.parametrize("seed", range(6))
def test_amount_whose_commas_ocr_read_as_dots_and_a_space_is_its_value(seed: int) -> None:
    rng = random.Random(seed)
    while not _SPENT.search((generated := GENERATORS["web_detail"](rng)).text):
        pass
    m = _SPENT.search(generated.text)
    assert m is not None
    groups = m["n"].split(",")  # at least three: the first mark a dot, the last ``, ``
    marks = [".", *(rng.choice((".", ", ", ". ")) for _ in groups[2:-1]), ", "][:len(groups) - 1]
    misread = groups[0] + "".join(mark + g for mark, g in zip(marks, groups[1:], strict=True))
    text = generated.text.replace(m.group(), m["label"] + misread, 1)
    assert "." in misread and ", " in misread
    [project] = records_of(detail, text, screened=False)["projects"]
    assert project.budget_spent_thb == Decimal(m["n"].replace(",", ""))


_ALLOCATED = re.compile(r"^(?P<label>งบฯ ที่ได้รับ \(บาท\))(?P<n>[0-9]{1,3}(?:,[0-9]{3})+)$",
                        re.M)


@pytest.mark.parametrize("seed", range(6))
def test_amount_whose_comma_ocr_read_as_a_dot_and_a_comma_is_its_value(seed: int) -> None:
    """``20,249.,000`` and ``5.,782.500.00`` (seeds 79 and 83, 300 dpi): a comma read as
    both marks, the others as printed or as dots; both budgets read as generated."""
    rng = random.Random(seed)
    while not (_SPENT.search((generated := GENERATORS["web_detail"](rng)).text)
               and _ALLOCATED.search(generated.text)):
        pass
    text = generated.text
    want = {}
    for column, regex in (("budget_spent_thb", _SPENT), ("budget_allocated_thb", _ALLOCATED)):
        m = regex.search(text)
        assert m is not None
        groups = m["n"].split(",")
        marks = [rng.choice((",", ".")) for _ in groups[1:]]
        marks[rng.randrange(len(marks))] = rng.choice((".,", ",."))
        misread = groups[0] + "".join(mark + g for mark, g in zip(marks, groups[1:], strict=True))
        text = text.replace(m.group(), m["label"] + misread, 1)
        want[column] = Decimal(m["n"].replace(",", ""))
    [project] = records_of(detail, text, screened=False)["projects"]
    assert {c: getattr(project, c) for c in want} == want
