"""A progress form's report dates as OCR misread them, checked against the rows around.

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``); one report
row's date is then damaged the ways Tesseract read dates on seeds 79, 83 and 103's
scans: a letter glued before the day (``ว26/12/2564``), both ``/`` read as ``7``
(``127972562``), a ``/`` lost (``24/122561``), a stroke read as a digit more in the
year (``21/2/72565``); or a year's digit misread into a real date a year off
(``14/1/2566`` between ``10/1/2565`` and ``21/2/2565``). The truth is the generated
values: a date is read when exactly one reading of its digits lies between the dates
of the rows above and below, and is NULL otherwise, never wrong.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from test_scan_form_row_junk import _ROW, _generated, _rows

_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _damaged(rng: random.Random, printed: str) -> str:
    d, m, y = printed.translate(_ARABIC).split("/")
    return rng.choice((f"ว{d}/{m}/{y}", f"{d}7{m}7{y}", f"{d}/{m}{y}", f"{d}/{m}/7{y}"))


def _wanted(generated: object) -> list[date | None]:
    return [None if w["report_date"] is None else date.fromisoformat(w["report_date"])
            for w in generated.tables["progress_updates"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", range(8))
def test_misread_date_between_its_neighbours_is_read_or_null(seed: int) -> None:
    rng = random.Random(seed)
    generated = _generated(rng, least=3)
    rows = list(_ROW.finditer(generated.text))
    k = rng.randrange(1, len(rows) - 1)
    hit = rows[k]
    text = (generated.text[:hit.start("date")] + _damaged(rng, hit["date"])
            + generated.text[hit.end("date"):])
    got = [r.report_date for r in _rows(text)]
    want = _wanted(generated)
    assert got[:k] + got[k + 1:] == want[:k] + want[k + 1:]
    assert got[k] in (want[k], None)


def test_misread_dates_between_their_neighbours_are_mostly_read() -> None:
    read = 0
    for seed in range(8):
        rng = random.Random(seed)
        generated = _generated(rng, least=3)
        rows = list(_ROW.finditer(generated.text))
        k = rng.randrange(1, len(rows) - 1)
        hit = rows[k]
        text = (generated.text[:hit.start("date")] + _damaged(rng, hit["date"])
                + generated.text[hit.end("date"):])
        read += _rows(text)[k].report_date == _wanted(generated)[k]
    assert read >= 5


@pytest.mark.parametrize("seed", range(6))
def test_date_a_year_off_between_its_neighbours_is_null(seed: int) -> None:
    rng = random.Random(seed)
    generated = _generated(rng, least=3)
    rows = list(_ROW.finditer(generated.text))
    k = rng.randrange(1, len(rows) - 1)
    hit = rows[k]
    d, m, y = hit["date"].translate(_ARABIC).split("/")
    text = (generated.text[:hit.start("date")] + f"{d}/{m}/{int(y) + 1}"
            + generated.text[hit.end("date"):])
    got = [r.report_date for r in _rows(text)]
    want = _wanted(generated)
    assert got[:k] + got[k + 1:] == want[:k] + want[k + 1:]
    if re.search(r"(?<![0-9])29/2/", f"{d}/{m}/"):
        return  # 29 February a year on is no date at all
    assert got[k] is None


def _stroke_pair_lost(rng: random.Random, printed: str) -> str | None:
    """``printed`` with a ``/`` and the ``1`` beside it lost (``31/1/2566`` → ``31/2566``).

    As a phone photo's blur read them (tester's files phone5: ``15/11/2565`` read
    ``15/1 2565``, ``31/1/2566`` read ``31/2566``); None when the date has no such pair.
    """
    text = printed.translate(_ARABIC)
    pairs = [m.start() for m in re.finditer(r"(?=1/|/1)", text)]
    if not pairs:
        return None
    at = rng.choice(pairs)
    return text[:at] + rng.choice(("", " ")) + text[at + 2:]


@pytest.mark.parametrize("seed", range(24))
def test_date_that_lost_a_slash_with_its_one_is_right_or_null(seed: int) -> None:
    rng = random.Random(seed)
    candidates: list[int] = []
    while not candidates:  # a form with a date holding ``1/`` or ``/1``
        generated = _generated(rng, least=2)
        rows = list(_ROW.finditer(generated.text))
        candidates = [k for k, row in enumerate(rows) if _stroke_pair_lost(rng, row["date"])]
    k = rng.choice(candidates)  # the first or last row too: one neighbour's year around it
    hit = rows[k]
    damaged = _stroke_pair_lost(rng, hit["date"])
    assert damaged is not None
    text = generated.text[:hit.start("date")] + damaged + generated.text[hit.end("date"):]
    got = [r.report_date for r in _rows(text)]
    want = _wanted(generated)
    assert got[:k] + got[k + 1:] == want[:k] + want[k + 1:]
    assert got[k] in (want[k], None)
