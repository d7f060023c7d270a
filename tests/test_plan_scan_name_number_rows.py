"""A scanned plan's section where some names end in a number and some amounts lost
their first digits to the name, one amount unread: each row decided on its own.

Plans are generated from known values (bench/corpus ``plan``). In one budget table, as
OCR read a 1-bit scan of a long plan:

- row A's name ends in a number of its own (``...ในซอยลาดกระบัง 3``), its amount whole
  in its cell (``251,250``);
- row B's amount lost its first digits to the end of its name (``...พลเรือน 2`` over
  ``403,500`` for 2,403,500);
- row C's amount is unread (its digits read as letters), or read.

The section's stated total then bounds, not equals, the amounts. A's number was decided
with B's digits: both taken as the names' (B loaded as 403,500, no issue). The truth is
the generated values: each budget as printed, or NULL with an ``ambiguous_value`` issue
when the total cannot tell; A's is told when putting back A's number alone makes the
amounts read exceed the total. Never another amount.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.digits import to_arabic_digits

from corpus.build import GENERATORS
from read_back import records_of

#: A numbered project's row with an amount: its number, name, amount's digits, the rest.
_ROW_RE = re.compile(r"^(?P<seq>[๑-๙]+)\t(?P<name>โครงการ[^\t]*)\t"
                     r"(?P<amount>[๐-๙]{1,3}(?:,[๐-๙]{3})+)(?P<rest>\.- บาท\t[^\t]*)$")
_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
#: Thai letters OCR reads for digits (``๓`` ``ด``, ``๑`` ``ล``...): an amount unread.
_LETTERS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "oลตดดสบตฝฆ")


def _amount(digits: str) -> Decimal:
    return Decimal(to_arabic_digits(digits).replace(",", ""))


#: A row's name as read, the digits ending it, its true amount.
_Row = tuple[str, str, Decimal]


def _section(seed: int, unread: bool = True) -> tuple[str, list[dict[str, Any]], list[_Row]]:
    """A plan whose first budget table with three amounts has rows A, B, C damaged
    (see the module), its projects' truth, and rows A, B, C's names as read (A's and
    B's with their digits), the digits ending them and their true amounts."""
    rng = random.Random(f"name-number-rows-{seed}")
    while True:
        generated = GENERATORS["plan"](rng)
        lines = generated.text.split("\n")
        table: list[int] = []
        for i, line in enumerate(lines):
            if _ROW_RE.match(line):
                table.append(i)
            elif table and line.startswith("รวม"):
                break
            elif table and not line.strip():
                table = []
        if len(table) >= 3:
            break
    want = [dict(p) for p in generated.tables["plan_projects"]]
    a, b, c = (_ROW_RE.match(lines[i]) for i in table[:3])
    assert a and b and c
    number = str(3 + seed % 7).translate(_THAI)  # A's own number, ๓ to ๙
    lines[table[0]] = f"{a['seq']}\t{a['name']} {number}\t{a['amount']}{a['rest']}"
    first, cut = b["amount"].split(",", 1)  # B's first group read at the end of its name
    lines[table[1]] = f"{b['seq']}\t{b['name']} {first}\t{cut}{b['rest']}"
    if unread:
        lines[table[2]] = f"{c['seq']}\t{c['name']}\t{c['amount'].translate(_LETTERS)}{c['rest']}"
    for p in want:
        if p["name"] == a["name"]:
            p["name"] = f"{a['name']} {number}"
    return "\n".join(lines), want, [
        (f"{a['name']} {number}", number, _amount(a["amount"])),
        (f"{b['name']} {first}", first, _amount(b["amount"])),
        (c["name"], "", _amount(c["amount"]))]


@pytest.mark.parametrize("seed", range(6))
def test_each_rows_name_digits_are_decided_on_their_own(seed: int) -> None:
    text, want, pieces = _section(seed)
    got = records_of(extract, text, screened=False).get("plan_projects", [])
    issues = [f.message for f in extract(RepairedText.of(text, ocr_used=True)).findings
              if f.field == "budget_thb" and f.code == "ambiguous_value"]
    assert len(got) == len(want)
    for row, truth in zip(got, want, strict=True):
        true = None if truth["budget_thb"] is None else Decimal(truth["budget_thb"])
        assert row.budget_thb in (true, None), (truth["name"], row.budget_thb, true)
        if row.budget_thb is not None:
            assert row.name == truth["name"]
    by_name = {r.name: r for r in got}
    (a_name, number, a_true), (b_name, first, b_true), (_, _, c_true) = pieces
    # B: with C unread the total cannot tell B's digits are the amount's: NULL, an issue
    assert by_name[b_name].budget_thb is None
    assert any(f"{first!r}" in m and f"{b_true}" in m for m in issues), issues
    # A: the name's when putting back its number alone overshoots the total by more
    # than C and B's lost digits can make up; else NULL (never another amount)
    a_more = _amount(number) * 10 ** len(str(int(a_true)))
    b_lost = b_true - _amount(str(int(b_true))[len(first):])
    assert by_name[a_name].budget_thb == (a_true if a_more > c_true + b_lost else None)


@pytest.mark.parametrize("seed", range(3))
def test_with_every_amount_read_each_row_reads_the_way_the_total_sums(seed: int) -> None:
    """C read: B's digits put back (A's not) is the one reading summing to the total
    (unless A's and B's digits add the same), so A and B both load as printed."""
    text, want, pieces = _section(seed, unread=False)
    got = records_of(extract, text, screened=False).get("plan_projects", [])
    by_name = {r.name: r for r in got}
    (a_name, number, a_true), (b_name, first, b_true), _ = pieces
    a_more = _amount(number) * 10 ** len(str(int(a_true)))
    b_lost = b_true - _amount(str(int(b_true))[len(first):])
    told = a_more != b_lost
    assert by_name[a_name].budget_thb == (a_true if told else None)
    b_row = by_name.get(b_name[: -len(first) - 1]) or by_name[b_name]
    assert b_row.budget_thb == (b_true if told else None)
    for row, truth in zip(got, want, strict=True):
        true = None if truth["budget_thb"] is None else Decimal(truth["budget_thb"])
        assert row.budget_thb in (true, None)
