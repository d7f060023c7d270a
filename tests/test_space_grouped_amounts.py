"""Amounts whose thousands groups a space sets apart, as other locales print them.

SI style and French (and LibreOffice or Excel in such a locale, or JavaScript's
``Intl.NumberFormat('fr-FR')`` on a saved page) write ``12 450 000`` with a plain
space, a no-break space (U+00A0), a narrow one (U+202F) or a thin one (U+2009), and
a decimal comma after them (``516 450,50``). A generated legacy form, action plan
and tracking detail page are written so, from known amounts, and every amount is
read whole: never its first group (``12`` for 12,450,000), never a wrong number.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.normalize.digits import parse_amount

from corpus import forms, plans, web
from corpus.doc import GeneratedDoc
from read_back import assert_read_as_generated

SEPARATORS = {"space": " ", "nbsp": "\u00a0", "narrow": "\u202f", "thin": "\u2009"}
#: An amount grouped by commas, its satang after a point or not.
_GROUPED = re.compile(
    r"(?<![0-9๐-๙,.])([0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+)(\.[0-9๐-๙]{2})?(?![0-9๐-๙,])")


def _spaced(text: str, sep: str, decimal_comma: bool) -> str:
    """``text`` with each comma-grouped amount's commas as ``sep`` (and its point a comma)."""
    def one(m: re.Match[str]) -> str:
        cents = m.group(2) or ""
        return m.group(1).replace(",", sep) + (cents.replace(".", ",") if decimal_comma
                                               else cents)
    return _GROUPED.sub(one, text)


def _written(tmp_path: Path, doc: GeneratedDoc, sep: str, decimal_comma: bool) -> Path:
    text = _spaced(doc.text, sep, decimal_comma)
    assert text != doc.text  # some amount was grouped
    path = tmp_path / f"{doc.name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("sep", SEPARATORS)
@pytest.mark.parametrize("seed", range(2))
def test_a_legacy_forms_amounts_grouped_by_spaces_are_read_whole(
        tmp_path: Path, seed: int, sep: str) -> None:
    doc = forms.legacy_form(random.Random(seed))
    path = _written(tmp_path, doc, SEPARATORS[sep], decimal_comma=seed == 1)
    assert_read_as_generated(path, doc.truth)


@pytest.mark.parametrize("sep", SEPARATORS)
def test_a_plans_tab_cells_grouped_by_spaces_are_read_whole(tmp_path: Path, sep: str) -> None:
    doc = plans.action_plan(random.Random(11))
    path = _written(tmp_path, doc, SEPARATORS[sep], decimal_comma=False)
    assert_read_as_generated(path, doc.truth, tables=("plan_projects", "plan_sections"))


@pytest.mark.parametrize("sep", ("nbsp", "narrow"))
def test_a_detail_pages_budgets_grouped_by_spaces_are_read_whole(tmp_path: Path,
                                                                 sep: str) -> None:
    doc = web.project_detail(random.Random(5))
    path = _written(tmp_path, doc, SEPARATORS[sep], decimal_comma=False)
    assert_read_as_generated(path, doc.truth)


def test_a_number_before_a_plain_spaced_amount_is_not_taken_as_its_first_group() -> None:
    # a plan row whose name ends in a number, one plain space before an amount grouped
    # by plain spaces: 2,450,000 or ระยะที่ 2 and 450,000? Not for the reader to guess.
    from bma_etl.layouts.plan_amounts import budget_said

    said = budget_said("1 โครงการปรับปรุงถนน ระยะที่ 2 450 000 บาท กองก่อสร้าง")
    assert said is None or said.group("amount").replace(" ", "") not in ("000", "450000")
    tab = budget_said("1\tโครงการปรับปรุงถนน ระยะที่ 2\t450 000 บาท\tกองก่อสร้าง")
    assert tab is not None and tab.group("amount") == "450 000"
    assert parse_amount("1\u202f212\u202f450,50 บาท") == parse_amount("1,212,450.50 บาท")
