"""A tracking page's progress line that a narrow print sees wrap into the line under it.

On a narrow page (reportlab, 100 mm at 11 pt; A5 at 18 pt) the reader sees
``ความคืบหน้าโครงการ ร้อยละ 34.00`` wrap into the next line: the unit or person
under it (``กองปฏิบัติการดับเพลิงและกู้ภัย``) is one long word that would not have
fitted after it. Joined, neither line was read: the page lost its division (or its
responsible person). The progress line is complete in itself and joins no other
(:data:`bma_etl.layouts.web_progress_history._COMPLETE_LINE_RE`).

The pages are generated (bench/corpus ``web_tracking``, ``web_history``); the truth
is the page's project row as generated.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts import web_progress_history
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from read_back import assert_rows_read

_PROGRESS = re.compile(r"^ความคืบหน้าโครงการ ร้อยละ [0-9.]+$")


@pytest.mark.parametrize("seed", range(8))
def test_a_progress_line_seen_wrapped_keeps_the_line_under_it(seed: int) -> None:
    rng = random.Random(f"progress-line-wrap-{seed}")
    for _ in range(20):  # the first page drawn that prints its progress line
        doc = GENERATORS[("web_tracking", "web_history")[seed % 2]](rng)
        lines = doc.text.split("\n")
        at = next((k for k, line in enumerate(lines) if _PROGRESS.match(line)
                   and k + 1 < len(lines) and lines[k + 1].strip()), None)
        if at is not None:
            break
    assert at is not None, "no page drawn prints its progress line over a line of text"
    want = doc.truth["tables"]["projects"]
    text = RepairedText.of(doc.text, (0,), wraps=frozenset({at + 1}), judged=frozenset({1}))
    normalized = normalize(web_progress_history.extract(text), text.text, (), None)
    got = build_records(normalized, "0" * 64)["projects"]
    assert_rows_read("projects", got, want, tuple(want[0]))
