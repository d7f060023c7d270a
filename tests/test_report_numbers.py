"""A report number the document skips is flagged: a row the reader lost is not silent.

An outside tester's legacy form, its text drawn as curves and read by OCR, lost its
third report with no issue raised: the reports read went 1, 2, 4, …, 8 and every
later row looked as good as the others. The checks now name the gap on the report
after it (``report_number_missing``); numbers printed twice or counted down (a
tracking page lists its newest report first) are no gap.
"""

from __future__ import annotations

from bma_etl.checks import check_progress
from bma_etl.records import ProgressUpdate


def _updates(numbers: list[int | None]) -> dict:
    rows = [ProgressUpdate(doc_id="d", ordinal=k, seq_label=n)
            for k, n in enumerate(numbers, start=1)]
    return {"progress_updates": rows}


def _missing(numbers: list[int | None]) -> list[tuple[int, str]]:
    return [(f.row_ordinal, f.message) for f in check_progress(_updates(numbers))
            if f.code == "report_number_missing"]


def test_a_skipped_report_number_is_named_on_the_report_after_it() -> None:
    assert _missing([1, 2, 4, 5]) == [
        (3, "report 3 is not read: the document's reports go from number 2 to 4")]
    assert [row for row, _ in _missing([8, 7, 4, 3, 2, 1])] == [2]  # counted down
    assert "5-6" in _missing([1, 2, 3, 4, 7])[0][1]


def test_numbers_in_a_run_printed_twice_or_unread_are_no_gap() -> None:
    assert _missing([1, 2, 3]) == []
    assert _missing([4, 3, 2, 1]) == []
    assert _missing([1, 2, 2, 3]) == []
    assert _missing([1, None, 3]) == []  # the second's number was not read, not skipped
    assert _missing([]) == []
