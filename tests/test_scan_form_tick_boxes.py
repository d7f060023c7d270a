"""A progress form printing both options of each flag, one ticked by hand, as OCR reads it.

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``, digits
printed Arabic); each flag cell is then printed as the breaker's scanned forms
print it, two boxes and both options (``☐ เป็นไปตามแผน`` / ``☐ ไม่เป็นไปตามแผน``), and
damaged as Tesseract read it at 300 dpi: the boxes and the pen's tick read as
specks (``[7``, ``ม``, ``]``, ``[ๆ``) beside either option, saying nothing sure of
which was ticked. Such a flag is NULL with an ``ambiguous_value`` issue, never
the first option's words (read as on plan when ``ไม่เป็นไปตามแผน`` was ticked).
A text layer's tick marks (``☑``) still choose the option.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.normalize.digits import to_arabic_digits

from corpus.build import GENERATORS
from form_ocr_lines import as_ocr_lines, form_records

_FLAG_CELL = re.compile(r": (ไม่)?(เป็นไปตาม(?:แผน|เป้าหมาย))(?= \|)")
_SPECKS = ("[7", "ม", "]", "[ๆ", "|[7ี", "ผูรี", "")


def _garbled(words: str, rng: random.Random) -> str:
    """The affirmative option as printed, or with a speck OCR read inside it (``เป็นไปตาม (แผน``)."""
    return words if rng.random() < 0.5 else words.replace("ตาม", "ตาม (", 1)


@pytest.mark.parametrize("seed", range(6))
def test_both_options_printed_and_the_tick_read_as_specks_is_no_flag(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_pipe"](rng)
    text = _FLAG_CELL.sub(lambda m: f"{rng.choice(_SPECKS)} {_garbled(m[2], rng)} "
                                    f"{rng.choice(_SPECKS)}ไม่{m[2]}",
                          to_arabic_digits(generated.text))
    rows, findings = form_records(as_ocr_lines(text), ocr=True)
    want = generated.tables["progress_updates"]
    assert len(rows) == len(want)
    for row, w in zip(rows, want, strict=True):
        assert (row.on_plan, row.on_target) == (None, None)
        assert str(row.progress_pct) == w["progress_pct"]
        for column in ("on_plan", "on_target"):
            assert any(f.code == "ambiguous_value" and f.field == column
                       and f.row_ordinal == row.ordinal for f in findings)


@pytest.mark.parametrize("seed", range(3))
def test_both_options_printed_with_a_tick_mark_read_the_ticked_one(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_pipe"](rng)

    def boxes(m: re.Match[str]) -> str:
        yes, no = ("\u2610", "\u2611") if m[1] else ("\u2611", "\u2610")
        return f": {yes} {m[2]} {no} ไม่{m[2]}"

    rows, _ = form_records(_FLAG_CELL.sub(boxes, generated.text), ocr=False)
    want = generated.tables["progress_updates"]
    assert [(r.on_plan, r.on_target) for r in rows] == [
        (w["on_plan"], w["on_target"]) for w in want]


def test_typed_words_opening_like_a_flag_take_no_typed_flag() -> None:
    # a typed form's cells may say ``เป็นไป`` beside the two flags (``เป็นไปด้วยดี``): only
    # OCR's garbled options count so; the words alone print no second option
    from bma_etl.layouts.legacy_flag_options import printed_options

    text = "งานเป็นไปด้วยดี\n: เป็นไปตามแผน\n: ไม่เป็นไปตามเป้าหมาย"
    assert printed_options(text, ocr=False) == []
    assert printed_options(text, ocr=True) == ["on_plan", "on_target"]
