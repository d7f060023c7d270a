"""An entry's system date OCR read with a dash lost or doubled reads as its date.

OCR reads the system date at the end of a progress-history entry's heading
(``(2020-07-29)``) with a dash lost or doubled (``(2020-0729)``, ``(2020--07-29)``);
the heading pattern takes it as ``spaced``. The date its eight digits state is read
(:func:`~bma_etl.layouts.history_dates.spaced_date`). A date that lost its second
dash used to stop the whole document with a ValueError (its digits split in two,
not three). The dates are generated; the truth is the date each was written from.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from bma_etl.document import Raw
from bma_etl.layouts.history_dates import spaced_date
from bma_etl.provenance import Span

#: How OCR damages ``YYYY-MM-DD``: the second dash lost, the first doubled or spaced.
DAMAGE = ("{y}-{m}{d}", "{y}--{m}-{d}", "{y}- -{m}-{d}", "{y}-{m} {d}")


def test_dates_with_a_dash_lost_or_doubled_read_as_written() -> None:
    rng = random.Random("dashes-lost")
    for _ in range(40):
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(4000))
        written = rng.choice(DAMAGE).format(y=f"{day.year:04}", m=f"{day.month:02}",
                                            d=f"{day.day:02}")
        read = spaced_date(Raw(written, Span(0, 0, len(written))))
        assert read is not None and read.value == day, written


def test_digits_that_state_no_date_are_none() -> None:
    for written in ("2024-1341", "2024-02", "2024-0211-5", "2024-02-30"):
        assert spaced_date(Raw(written, Span(0, 0, len(written)))) is None, written
