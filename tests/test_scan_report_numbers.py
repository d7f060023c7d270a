"""A scanned legacy form's report numbers, mended only where the table says so.

The reports of a progress form's table are numbered 1, 2, … down the table. OCR
loses a report's row, reads no number or a stray one (``0``, ``1`` where a stamp
or the back page showed through), reads a speck before the number (``75`` for
``5``, ``14`` for ``4``). The numbers are generated 1…n, damaged so, and every number
:func:`~bma_etl.layouts.legacy_labels.numbers_by_place` works out must be the one
the report was printed with (a number it cannot tell stays as read or unknown).
Rows are lost at random; a row OCR put out of order is not generated: above a
report that reads its place it is not told from a misread number (the outside
test's case, where no report reads its place, is checked as it came).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bma_etl.document import Derived, Raw
from bma_etl.layouts.legacy_labels import numbers_by_place
from bma_etl.provenance import Span


def _labels(read: list[str | None]) -> list[Raw | None]:
    return [None if text is None else Raw(text, Span(i + 1, 0, len(text)))
            for i, text in enumerate(read)]


@st.composite
def _damaged(draw: st.DrawFn) -> tuple[list[int], list[str | None]]:
    """(the printed number of each row OCR kept, in its order; each row's label as read)."""
    n = draw(st.integers(3, 14))
    rows = [no for no in range(1, n + 1) if draw(st.integers(0, 5)) > 0]  # 1 in 6 lost
    read: list[str | None] = []
    for no in rows:
        kind = draw(st.sampled_from(["as printed"] * 4 + ["lost", "stray", "speck"]))
        if kind == "as printed":
            read.append(str(no))
        elif kind == "lost":
            read.append(None)
        elif kind == "stray":
            read.append(draw(st.sampled_from(["0", "1", "01"])))
        else:
            read.append(str(draw(st.integers(1, 9))) + str(no))
    return rows, read


@settings(max_examples=400, deadline=None)
@given(_damaged())
def test_every_number_worked_out_is_the_printed_one(case: tuple[list[int],
                                                                 list[str | None]]) -> None:
    printed, read = case
    for i, number in numbers_by_place(_labels(read)).items():
        if isinstance(number, Derived):
            assert number.value == printed[i], (printed, read, i, number.note)


def test_the_outside_tests_misreads() -> None:
    # A speck before a number between two read ones; one before a number under a
    # report that reads its own; a row's line put before the rows above it.
    got = numbers_by_place(_labels(["1", "3", "4", "75", "6", "7", "8"]))
    assert got[3] == Derived(5, "report 5 of the table, its number read as 75",
                             Span(4, 0, 2))
    got = numbers_by_place(_labels(["01", "1", "0", "14", "1", "0"]))
    assert isinstance(got[3], Derived) and got[3].value == 4
    assert numbers_by_place(_labels(["4", "1", "2", "3", "6", "7", "8"])) == {}
