"""A scanned detail page's monthly results, one line damaged the way OCR damages it.

Pages are generated from known values (``bench/corpus``); one ``ผลงานเดือนที่`` line
then gets a letter of its label read as another (``ผสงานเดือนที 12``), or its
month read as a Latin letter (``ผลงานเดือนที่ a``, for a month with no value yet),
as Tesseract read them on the robustness corpus's scans. The truth is the
generated months: every month is read, a month read as a letter is derived from
the months around it, and a page's month read as a letter where the months around
it do not tell is left out with a finding, as before.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts import web_project_detail as layout
from bma_etl.layouts.base import Derived, Extraction, Raw, RepairedText
from bma_etl.normalize.digits import to_arabic_digits

from corpus.build import GENERATORS

_MONTH_LINE = re.compile(r"^ผลงานเดือนที่ .*$", re.MULTILINE)
#: Letters of the label OCR read as another letter of the same shape.
_LOOKALIKE = {"ล": "ส", "ง": "ว", "ด": "ต", "น": "ม", "อ": "ฮ"}


def _months(ex: Extraction) -> list[tuple[int, str | None]]:
    out = []
    for row in ex.rows:
        if row.table == "monthly_progress":
            month, value = row.fields["month_no"], row.fields.get("value")
            number = month.value if isinstance(month, Derived) else (
                int(to_arabic_digits(month.text)) if isinstance(month, Raw) else None)
            out.append((number, to_arabic_digits(value.text) if isinstance(value, Raw)
                        else None))
    return out


def _truth(tables: dict[str, list[dict[str, object]]]) -> list[tuple[int, str | None]]:
    return [(int(str(r["month_no"])), None if r["value"] is None else str(r["value"]))
            for r in tables["monthly_progress"]]


@pytest.mark.parametrize("seed", range(8))
def test_a_month_label_read_with_a_letter_wrong(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["web_detail"](rng)
    lines = list(_MONTH_LINE.finditer(generated.text))
    line = rng.choice(lines)
    at = rng.choice([i for i, c in enumerate(line.group()) if c in _LOOKALIKE])
    damaged = line.group()[:at] + _LOOKALIKE[line.group()[at]] + line.group()[at + 1:]
    damaged = damaged.replace("ที่", "ที", 1) if rng.random() < 0.5 else damaged
    text = generated.text[:line.start()] + damaged + generated.text[line.end():]
    ex = layout.extract(RepairedText.of(text, ocr_used=True))
    assert _months(ex) == _truth(generated.tables)
    assert _months(layout.extract(RepairedText.of(text))) != _truth(generated.tables)


#: ``เดือน`` read with a letter more and one other (a detail page at 200 dpi:
#: ``ผลงานเดติลนที 567``); the similarity's best window ends inside the word.
_WORD_MISREAD = ("ผลงานเดติลนที", "ผลงานเดิอนท", "ผลงานเคือนที")


@pytest.mark.parametrize("seed", range(8))
def test_a_month_label_whose_word_ocr_misread_past_its_end(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["web_detail"](rng)
    line = rng.choice(list(_MONTH_LINE.finditer(generated.text)))
    damaged = line.group().replace("ผลงานเดือนที่", rng.choice(_WORD_MISREAD), 1)
    text = generated.text[:line.start()] + damaged + generated.text[line.end():]
    assert _months(layout.extract(RepairedText.of(text, ocr_used=True))) \
        == _truth(generated.tables)


@pytest.mark.parametrize("seed", range(8))
def test_a_month_read_as_a_letter_between_two_months_read(seed: int) -> None:
    rng = random.Random(seed)
    inner: list[int] = []
    while not inner:  # a page with a month of no value yet, months read on both sides of it
        generated = GENERATORS["web_detail"](rng)
        truth = _truth(generated.tables)
        lines = list(_MONTH_LINE.finditer(generated.text))
        inner = [k for k in range(1, len(lines) - 1) if truth[k][1] is None]
    k = rng.choice(inner)
    line = lines[k]
    text = (generated.text[:line.start()] + "ผลงานเดือนที่ " + rng.choice("aslIiZ")
            + generated.text[line.end():])
    ex = layout.extract(RepairedText.of(text, ocr_used=True))
    assert _months(ex) == truth
    row = [r for r in ex.rows if r.table == "monthly_progress"][k]
    assert isinstance(row.fields["month_no"], Derived)
    assert ex.findings == [] or all(f.code != "unparsed_line" for f in ex.findings)


def test_a_month_read_as_a_letter_the_months_around_it_do_not_tell() -> None:
    """The first month read as a letter: nothing before it, so it is not derived."""
    rng = random.Random(1)
    generated = GENERATORS["web_detail"](rng)
    line = next(_MONTH_LINE.finditer(generated.text))
    text = generated.text[:line.start()] + "ผลงานเดือนที่ a" + generated.text[line.end():]
    ex = layout.extract(RepairedText.of(text, ocr_used=True))
    assert _months(ex) == _truth(generated.tables)[1:]
    assert [f.code for f in ex.findings if f.table_name == "monthly_progress"] == [
        "unparsed_line"]


@pytest.mark.parametrize("seed", range(8))
def test_a_speck_after_a_month_and_its_value(seed: int) -> None:
    """A speck OCR read as a point after a glued month and value (``ผลงานเดือนที่ 319.``):
    the month is read and the value left empty (the point may be a decimal point whose
    decimals were lost), or read when it has its point (``214.5.``: a number holds one);
    the other months read as generated. A text layer's line with a point there is no
    month line."""
    rng = random.Random(f"speck-{seed}")
    generated = GENERATORS["web_detail"](rng)
    lines = list(_MONTH_LINE.finditer(generated.text))
    truth = _truth(generated.tables)
    at = seed % 4 if seed < 4 else rng.randrange(len(lines))  # months with values first
    line = lines[at]
    glued = re.sub(r"ที่ (\d+) ?", r"ที่ \1", line.group())  # month and value glued
    text = generated.text[:line.start()] + glued + rng.choice((".", ",", " .")) \
        + generated.text[line.end():]
    ex = layout.extract(RepairedText.of(text, ocr_used=True))
    want = [(month, None if k == at and value is not None and "." not in value else value)
            for k, (month, value) in enumerate(truth)]
    assert _months(ex) == want
    assert _months(layout.extract(RepairedText.of(text))) != want
