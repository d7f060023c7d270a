"""Values a scan's OCR read wrong rather than not at all: each reads right or NULL.

Forms are generated from known values (``bench/corpus``); their text is then damaged
the ways Tesseract read the corpus's scans: a report's paid amount split by a space
or a speck inside its digits (``7 1,000.00 บาท``, ``7. 1,000.00 บาท`` for
``71,000.00 บาท``; a 150 dpi greyscale scan stored 7). The truth is the generated
values: an amount is never cut where more of its digits follow on its line; a report
date whose month OCR misread (``23/6/2566`` for ``23/4/2566``, a 150 dpi 1-bit scan)
out of the order of the form's rising dates is NULL; so is a SWOT item's number
read out of its list's rising order (``2`` for ``5``), unless its place numbers it.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy
from test_scan_form_row_junk import _ROW, _generated, _rows

from corpus.build import GENERATORS
from plan_text import SWOT_ITEM, swot_lists
from read_back import records_of

_DIALECTS = ["legacy_pipe", "legacy_tab", "legacy_html", "legacy_long"]
#: A report's paid amount of two digits or more before its first comma.
_PAID = re.compile(
    r"(?P<label>งบประมาณที่เบิกใช้[^=\n]*=\s*)(?P<head>[0-9]{2,3}),(?P<rest>[0-9]{3}(?:,[0-9]{3})*)"
    r"(?P<satang>\.[0-9]{2})?(?= บาท)"
)


def _paid(reports: list[object]) -> list[str | None]:
    return [None if r.budget_disbursed_thb is None  # type: ignore[attr-defined]
            else f"{r.budget_disbursed_thb:.2f}" for r in reports]  # type: ignore[attr-defined]


@pytest.mark.parametrize("split", [" ", "  ", ". ", "' ", ", "])
@pytest.mark.parametrize("generator", _DIALECTS)
@pytest.mark.parametrize("seed", range(4))
def test_a_paid_amount_split_inside_its_digits_is_never_cut(
    generator: str, seed: int, split: str
) -> None:
    """``7 1,000.00 บาท`` (a space read in the amount) reads 71,000.00; ``7. 1,000.00``
    (a speck and a space, or two spaces) reads 71,000.00 or NULL, never 7."""
    rng = random.Random(seed)
    for _ in range(50):
        generated = GENERATORS[generator](rng)
        if _PAID.search(generated.text):
            break
    else:
        pytest.fail("no paid amount of two digits before its comma in 50 generated forms")

    def damaged(m: re.Match[str]) -> str:
        head = m["head"]
        return f"{m['label']}{head[:1]}{split}{head[1:]},{m['rest']}{m['satang'] or ''}"

    text = _PAID.sub(damaged, generated.text)
    assert text != generated.text
    got = _paid(records_of(legacy, text, screened=False)["progress_updates"])
    wanted = [w["budget_disbursed_thb"] for w in generated.tables["progress_updates"]]
    assert len(got) == len(wanted)
    for read, want in zip(got, wanted, strict=True):
        if split == " ":
            assert read == want
        else:
            assert read in (want, None)


_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@pytest.mark.parametrize("seed", range(10))
def test_a_report_date_misread_out_of_the_rows_order_is_null(seed: int) -> None:
    """One row's month misread into another real date (``23/6/2566`` for ``23/4/2566``)
    that breaks the order of the form's rising report dates, the first or last row
    too: that date is NULL, never the wrong month; no other date reads wrong."""
    rng = random.Random(seed)
    for _ in range(200):
        generated = _generated(rng, least=3)
        rows = list(_ROW.finditer(generated.text))
        want = [date.fromisoformat(w["report_date"])
                for w in generated.tables["progress_updates"]]
        k = rng.choice((0, len(rows) - 1, rng.randrange(len(rows))))
        d, m, y = rows[k]["date"].translate(_ARABIC).split("/")
        months = [n for n in range(1, 13) if n != int(m) and int(d) <= 28]
        if not months:
            continue
        month = rng.choice(months)
        misread = date(int(y) - 543, month, int(d))
        low = want[k - 1] if k > 0 else date.min
        high = want[k + 1] if k + 1 < len(want) else date.max
        if not low <= misread <= high:
            break
    else:
        pytest.fail("no date to misread out of order in 50 tries")
    hit = rows[k]
    text = (generated.text[:hit.start("date")] + f"{d}/{month}/{y}"
            + generated.text[hit.end("date"):])
    got = [r.report_date for r in _rows(text)]
    assert len(got) == len(want)
    assert got[k] is None
    for read, right in zip(got, want, strict=True):
        assert read in (right, None)


@pytest.mark.parametrize("seed", range(10))
def test_a_swot_item_number_misread_out_of_its_lists_order_is_never_stored(seed: int) -> None:
    """One SWOT item's number read as another digit that breaks its list's rising
    order (``2.`` for the fifth item after ``1.``-``4.``; ``6.`` for the first above
    ``2.``, ``3.``): that item's ``seq`` is its place's number or NULL, never the
    digit misread; every other item keeps its kind, words and number."""
    from bma_etl.layouts.annual_action_plan import extract as plan

    rng = random.Random(seed)
    for _ in range(50):
        generated = GENERATORS["plan"](rng)
        written = generated.text.split("\n")
        lists = [items for items in swot_lists(written) if len(items) >= 3]
        if lists:
            break
    else:
        pytest.fail("no SWOT list of three items in 50 generated plans")
    want = [dict(w) for w in generated.tables["plan_swot_items"]]
    lines = [SWOT_ITEM.sub(lambda m: f"{m['no'].translate(_ARABIC)}. {m['body']}", line)
             for line in written]  # the numbers as OCR reads them, in Arabic digits
    items = rng.choice(lists)
    k = rng.choice((0, len(items) - 1))
    if k == 0:
        wrong = rng.randrange(len(items), 10)  # above the numbers below it
    else:
        wrong = rng.randrange(2, len(items))  # one the list has used already (1 starts over)
    m = SWOT_ITEM.match(lines[items[k]])
    assert m is not None
    lines[items[k]] = f"{wrong}. {m['body']}"
    got = records_of(plan, "\n".join(lines)).get("plan_swot_items", [])
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    for r, w in zip(got, want, strict=True):
        assert r.seq in (w["seq"], None)
