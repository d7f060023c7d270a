"""Progress-history entries printed in a ruled box, scanned: the box's left rule read as text.

A tracking-system history page printed from an office suite sets each entry in a
ruled box, no ``---&&&---`` separator between them. On an outside tester's 200 dpi
grey scan Tesseract read the box's left rule before each line: ``|`` or ``[|`` before
a body line, and before an entry's heading a ``1`` glued to its number's bracket
(``1(1) ความคืบหน้าโครงการฯ ร้อยละ 62.00 (2024-03-28)``, ``|1(2) …``). The entries
whose heading had the ``1`` were lost. Pages are generated from known values
(``bench/corpus``), their lines damaged so; the entries read are the generated ones.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts import web_progress_history as layout
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.textnorm import repair_text
from bma_etl.validate import build_records

from corpus.build import GENERATORS

SEPARATOR = "------------------&&&--------------------"
#: The left rule before an entry's heading, as read on the scan.
HEAD_RULES = ("1", "|1", "1 ", "l")
#: The left rule before a body line.
BODY_RULES = ("| ", "[|", "|[", "|")

FIELDS = ("seq_label", "report_date", "progress_pct", "detail", "problems", "obstacles")


def _ruled(text: str, rng: random.Random) -> str:
    out = []
    inside = False
    for line in text.split("\n"):
        if line == SEPARATOR:
            out.append("")  # the box's bottom rule: a blank line
            continue
        if line.startswith("(") and "ความคืบหน้าโครงการฯ" in line:
            inside = True
            out.append(rng.choice(HEAD_RULES) + line)
            continue
        if line.startswith("ตัวชี้วัด"):
            inside = False
        out.append(rng.choice(BODY_RULES) + line if inside else line)
    return "\n".join(out)


@pytest.mark.parametrize("seed", range(6))
def test_entries_in_a_ruled_box_are_read_whole(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text = _ruled(generated.text, rng)
    doc = RepairedText.of(repair_text(text), ocr_used=True)
    records = build_records(normalize(layout.extract(doc), doc.text, doc.words, None), "0" * 64)
    want = generated.tables["progress_updates"]
    got = records.get("progress_updates", [])
    assert len(got) == len(want)
    for row, truth in zip(got, want, strict=True):
        for field in FIELDS:
            value = getattr(row, field)
            assert str(value) == str(truth[field]), (field, value, truth[field])
