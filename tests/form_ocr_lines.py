"""A generated legacy progress form's text laid out as OCR reads its scan, and read back.

Shared by the tests of scanned progress forms (:mod:`test_scan_form_progress_rule`,
:mod:`test_scan_form_progress_specks`, :mod:`test_scan_form_tick_boxes`,
:mod:`test_scan_form_label_number_wrapped`): a ``legacy_pipe`` document's report rows
(``| รายงานครั้งที่N | ... |``, ``bench/corpus``) set as a scan's table lines, and the
text read by the legacy form's layout as an OCR'd page.
"""

from __future__ import annotations

import re
from typing import Any

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen
from bma_etl.validate import build_records

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
