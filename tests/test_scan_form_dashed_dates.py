"""A progress form's report dates printed with dashes (``6-11-2568``), as OCR read them.

Forms are generated from known values (``bench/corpus`` ``legacy_form``, pipe and tab
rows, Arabic digits) with their report dates printed ``d-m-yyyy`` (Buddhist era); each
row's ``:: date :`` is then damaged the ways Tesseract read such dates on 200 dpi
scans of fpdf2 prints (Loma, Norasi; grey and 1-bit): the ``::`` before the date read
as a letter, a digit or a quote glued to it (``ไจ 11-3-2566``, ``1 4-6-2566``,
``1: 11-3-2566``, ``“6-7-2566``), a dash spaced from its digits (``24- 12-2560``,
``11-3- 2566``), the ``:`` after it lost. A slashed date so damaged was read; a dashed
one was lost (NULL) on every such row. The truth is the generated values: every
date is read, and the narrative after it is the generated one.

A dash lost (``13-122565``) is read like a lost ``/``: when exactly one reading of
the digits is a real date, else NULL, never another date.
"""

from __future__ import annotations

import random
import re
from datetime import date
from typing import Any

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus import forms

#: A report row's date as printed (``:: 6-11-2568 :``), in either dialect.
_DATE = re.compile(r"(?<=รายงานครั้งที่)(?P<no>[0-9]+)(?P<gap> \| |\t):: (?P<d>[0-9]{1,2})-"
                   r"(?P<m>[0-9]{1,2})-(?P<y>[0-9]{4}) : ")
#: What OCR read for the ``::`` before the date (the empty one: it was read).
_OPENINGS = ("ไจ ", "2 ", "ร ", "1: ", "ะ ", "i ", "“", ":: ", "ซ่ ")


@pytest.fixture
def dashed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forms in Arabic digits whose report dates are printed ``d-m-yyyy``."""
    monkeypatch.setattr(forms, "_in_thai_digits", lambda doc, n: None)
    parts = forms._report_parts

    def report_parts(rng: random.Random, r: dict[str, Any]) -> tuple[str, str, str, str, str]:
        _, *rest = parts(rng, r)
        d = date.fromisoformat(r["report_date"])
        return (f"{d.day}-{d.month}-{d.year + 543}", *rest)  # type: ignore[return-value]

    monkeypatch.setattr(forms, "_report_parts", report_parts)


def _read(text: str) -> list[Any]:
    doc = RepairedText.of(text, ocr_used=True)
    return build_records(normalize(extract(doc), doc.text, doc.words, None),
                         "0" * 64).get("progress_updates", [])


def _spaced(rng: random.Random, d: str, m: str, y: str) -> str:
    """The date with one dash spaced from its digits, or none."""
    return rng.choice((f"{d}-{m}-{y}", f"{d}- {m}-{y}", f"{d}-{m}- {y}", f"{d} -{m}-{y}"))


def _scanned(text: str, rng: random.Random, date_of: Any) -> str:
    def damaged(hit: re.Match[str]) -> str:
        when = date_of(rng, hit["d"], hit["m"], hit["y"])
        after = rng.choice((" : ", " ", " ล ")) if hit["gap"] != "\t" else " : "
        return f"{hit['no']}{hit['gap']}{rng.choice(_OPENINGS)}{when}{after}"
    return _DATE.sub(damaged, text)


@pytest.mark.parametrize("seed", range(8))
def test_dashed_dates_ocr_damaged_are_read(seed: int, dashed: None) -> None:
    rng = random.Random(f"dashed-{seed}")
    generated = forms.legacy_form(rng, ("pipe", "tab")[seed % 2])
    want = generated.tables["progress_updates"]
    assert len(_DATE.findall(generated.text)) == len(want)
    got = _read(_scanned(generated.text, rng, _spaced))
    assert [str(r.report_date) for r in got] == [w["report_date"] for w in want]
    assert [r.detail for r in got] == [w["detail"] for w in want]


def _dash_lost(rng: random.Random, d: str, m: str, y: str) -> str:
    return f"{d}-{m}{y}"


@pytest.mark.parametrize("seed", range(6))
def test_dashed_date_whose_dash_ocr_lost_is_read_or_null(seed: int, dashed: None) -> None:
    rng = random.Random(f"lost-{seed}")
    generated = forms.legacy_form(rng, ("pipe", "tab")[seed % 2])
    want = [w["report_date"] for w in generated.tables["progress_updates"]]
    got = [None if r.report_date is None else str(r.report_date)
           for r in _read(_scanned(generated.text, rng, _dash_lost))]
    assert all(g in (w, None) for g, w in zip(got, want, strict=True))
    assert sum(g == w for g, w in zip(got, want, strict=True)) >= len(want) // 2


def test_year_first_and_whole_dashed_dates_on_a_scan_read_as_printed(dashed: None) -> None:
    """``2567-11-30`` stays year first; ``6-11-2568`` after its ``::`` is its own value."""
    generated = forms.legacy_form(random.Random("iso"), "pipe")
    want = [w["report_date"] for w in generated.tables["progress_updates"]]
    iso = _DATE.sub(lambda h: f"{h['no']}{h['gap']}:: {h['y']}-{int(h['m']):02d}-"
                              f"{int(h['d']):02d} : ", generated.text)
    assert [str(r.report_date) for r in _read(iso)] == want
    assert [str(r.report_date) for r in _read(generated.text)] == want
