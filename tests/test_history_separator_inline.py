"""A tracking page whose entry separator ends the entry's last line, not a line of its own.

A browser printed an outside tester's page with each ``---&&&---`` separator right after
the entry's last value, on its line (the page's markup had no line break before it): the
separator was stored at the end of that entry's ``obstacles``
(``การจราจรหนาแน่นบริเวณหน้างาน ------------------&&&--------------------``).

Pages are generated from known values (bench/corpus ``web_history``); every separator is
set at the end of the line above it; the truth is the generated values.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts import web_progress_history

from corpus.build import GENERATORS
from read_back import records_of

_SEPARATOR = "\n------------------&&&--------------------"


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_a_separator_ending_a_line_ends_the_entry(seed: int, ocr: bool) -> None:
    generated = GENERATORS["web_history"](random.Random(seed))
    rows = generated.tables["progress_updates"]
    assert generated.text.count(_SEPARATOR) >= len(rows) - 1
    text = generated.text.replace(_SEPARATOR, " " + _SEPARATOR.lstrip("\n"))
    got = records_of(web_progress_history.extract, text, ocr_used=ocr, screened=False)
    assert [(r.seq_label, r.detail, r.problems, r.obstacles) for r in got["progress_updates"]] == [
        (r["seq_label"], r["detail"], r["problems"], r["obstacles"]) for r in rows]
