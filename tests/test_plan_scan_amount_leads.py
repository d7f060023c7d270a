"""Budget amounts of an action plan whose first digits OCR misread apart from the rest.

Plans are generated from known values (``bench/corpus``), their tables flowing as OCR
gives them; some amounts are damaged the ways Tesseract damages them on scans:

- the first digits and their comma read as Latin letters (``oon, ๑๕๓,๐๐๐ บาท``,
  ``a ๒๕๓,๐๐๐ บาท``) or the first group cut by a gap (``๑,๒๕ ๓,๐๐๐ บาท``): the
  document does not state the amount readably, so it is NULL, never the digits after
  the damage;
- a space before the decimals (``๕,๐๔๙,๑๐๐. ๐๐ บาท``): the whole amount, not ``๐๐``.

The truth is the generated values: every other amount, and every name, is read as
generated.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

_PROJECT_ROW = re.compile(r"^(?P<no>[๑-๙0-9]{1,2})\t(?P<rest>โครงการ.*)$")
_AMOUNT = re.compile(
    r"(?P<lead>[0-9๐-๙]{1,3}),(?P<group>[0-9๐-๙]{3})(?P<tail>(?:,[0-9๐-๙]{3})+)"
    r"(?P<point>\.[0-9๐-๙]{2})?(?=\.?-? บาท)"
)


def _damage(rng: random.Random, rest: str) -> tuple[str, bool]:
    """``rest`` with its amount damaged (or not), and whether it is still readable."""
    m = _AMOUNT.search(rest)
    if m is None:
        return rest, True
    groups = f"{m.group('group')}{m.group('tail')}{m.group('point') or ''}"
    kind = rng.choice(("letters_comma", "letter", "cut_group", "spaced_point", "kept"))
    if kind == "letters_comma":
        amount, readable = f"{rng.choice(('oon', 'on', 'ow'))}, {groups}", False
    elif kind == "letter":
        amount, readable = f"{rng.choice(('a', 'e', 'ao'))} {groups}", False
    elif kind == "cut_group":
        group = m.group("group")
        amount = f"{m.group('lead')},{group[:2]} {group[2]}{m.group('tail')}"
        amount, readable = amount + (m.group("point") or ""), False
    elif kind == "spaced_point" and m.group("point"):
        amount, readable = m.group()[:-2] + " " + m.group()[-2:], True
    else:
        amount, readable = m.group(), True
    return rest[: m.start()] + amount + rest[m.end() :], readable


@pytest.mark.parametrize("flowing", [True, False])
@pytest.mark.parametrize("seed", range(8))
def test_an_amount_misread_in_its_first_digits_is_null_never_its_tail(
    seed: int, flowing: bool
) -> None:
    """Tables flowing (plain lines) or in tab-separated cells."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines: list[str] = []
    readable: list[bool] = []
    table = False
    for line in generated.text.split("\n"):
        table = line.startswith("ลำดับ ที่\tชื่อโครงการ") or (table and bool(line.strip()))
        m = _PROJECT_ROW.match(line)
        if m is None:
            lines.append(" ".join(line.split()) if table and flowing else line)
            continue
        rest, ok = _damage(rng, " ".join(m.group("rest").split()) if flowing else m.group("rest"))
        lines.append(f"{m.group('no')}{' ' if flowing else chr(9)}{rest}")
        readable.append(ok)
    got = [
        r
        for r in records_of(extract, "\n".join(lines), screened=False)["plan_projects"]
        if r.section != "routine"
    ]
    want = [w for w in generated.tables["plan_projects"] if w["section"] != "routine"]
    assert len(got) == len(want) == len(readable)
    assert [r.name for r in got] == [w["name"] for w in want]
    assert [r.budget_thb for r in got] == [
        Decimal(w["budget_thb"]) if ok and w["budget_thb"] is not None else None
        for w, ok in zip(want, readable, strict=True)
    ]
