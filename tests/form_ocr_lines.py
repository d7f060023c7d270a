"""A generated legacy progress form's text laid out as OCR reads its scan, and read back.

Shared by the tests of scanned progress forms (:mod:`test_scan_form_progress_rule`,
:mod:`test_scan_form_progress_specks`, :mod:`test_scan_form_tick_boxes`,
:mod:`test_scan_form_label_number_wrapped`, :mod:`test_scan_form_cut_amount`,
:mod:`test_ocr_amount_dangling_comma`): a ``legacy_pipe`` document's report rows
(``| รายงานครั้งที่N | ... |``, ``bench/corpus``) set as a scan's table lines, the text
read by the legacy form's layout as an OCR'd page, and a report's amount damaged.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen
from bma_etl.validate import build_records

from corpus.build import GENERATORS

#: A report's amount spent as a form prints it (``(...) = 1,234,500.50 บาท``).
AMOUNT = re.compile(r"(?<=\) = )(?P<amount>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{2})?) บาท")
#: A report row of a ``legacy_pipe`` form's text: its label, then its other cells.
PIPE_ROW = re.compile(r"^\| (รายงานครั้งที่[0-9]+) \| (.*) \|$", re.M)


def as_ocr_lines(text: str) -> str:
    """A report row as OCR lines a scan's table: cells cut by tabs, the first rule a ``|``."""
    return PIPE_ROW.sub(lambda m: m[1] + "\t|" + m[2].replace(" | ", "\t"), text)


def progress_records(text: str) -> tuple[list[Any], list[Any]]:
    """``(progress_updates records, findings)`` of a legacy form's OCR'd ``text``.

    Every run of non-space characters is an OCR word of confidence 90; the text is
    normalised, screened as the pipeline screens an OCR'd page, and validated.
    """
    words = tuple((m.start(), m.end(), 90.0) for m in re.finditer(r"\S+", text))
    doc = RepairedText.of(text, ocr_used=True, words=words)
    normalized = normalize(extract(doc), doc.text, doc.words, None, doc.spaced, True)
    screen(normalized, doc.text, doc.doubted)  # as the pipeline does after OCR
    records = build_records(normalized, "0" * 64)
    return records.get("progress_updates", []), normalized.findings


def form_records(text: str, ocr: bool = True) -> tuple[list[Any], list[Any]]:
    """``(progress_updates records, findings)`` of a legacy form's ``text`` read by its
    layout, as an OCR'd page when ``ocr``; no word confidences, nothing screened."""
    doc = RepairedText.of(text, ocr_used=ocr)
    normalized = normalize(extract(doc), doc.text, doc.words, None, doc.spaced, ocr)
    return (build_records(normalized, "0" * 64).get("progress_updates", []),
            normalized.findings)


def assert_damaged_amount_null(rng: random.Random, generator: Callable[[random.Random], str],
                               damage: Callable[[str, random.Random], str]) -> None:
    """Assert a form one of whose report amounts OCR damaged reads that amount NULL with
    an issue, never a part of it, and every other report's amount as generated.

    The form is drawn from ``rng`` (``generator(rng)`` names its generator, drawn again
    until a form states an amount), its digits Arabic; one amount drawn, replaced by
    ``damage(amount, rng)`` with its unit.
    """
    while True:
        generated = GENERATORS[generator(rng)](rng)
        text = to_arabic_digits(generated.text)
        found = list(AMOUNT.finditer(text))
        if found:
            break
    cut = rng.choice(found)
    damaged = damage(cut["amount"], rng)
    text = text[:cut.start()] + damaged + text[cut.end():]
    rows, findings = form_records(text)
    want = generated.tables["progress_updates"]
    assert len(rows) == len(want)
    k = text[:cut.start()].count("รายงานครั้งที่") - 1  # the report whose amount was damaged
    assert rows[k].budget_disbursed_thb is None
    assert any(f.field == "budget_disbursed_thb" and f.row_ordinal == rows[k].ordinal
               for f in findings)
    assert [f"{r.budget_disbursed_thb:.2f}" for i, r in enumerate(rows) if i != k] == [
        w["budget_disbursed_thb"] for i, w in enumerate(want) if i != k]
