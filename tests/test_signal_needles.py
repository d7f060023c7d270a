"""The progress form's report-row signal, searched in the whole text, has needles.

Its regex (``รายงานครั?้?งที่?|เบิกใช้…``) opens with two branches, so the regex
engine tries it at every character of a document that holds neither (a plan of
60,000 characters: about 6 ms); its branches' first words, found by ``in`` first,
spare that. Whatever the needles, a signal scores what it scores without them.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.base import RepairedText, Signal, score_signals
from bma_etl.layouts.legacy_progress_form import SIGNALS

from corpus.build import GENERATORS


def _marks_lost(text: str, rng: random.Random) -> str:
    """``text`` with some upper and lower vowels and tone marks lost (as OCR loses them)."""
    return re.sub("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]",
                  lambda m: "" if rng.random() < 0.3 else m.group(), text)


@pytest.mark.parametrize("generator", sorted(GENERATORS))
def test_report_row_signal_needles_change_no_score(generator: str) -> None:
    """The progress form's report-row signal runs after its needles (its branches' first
    words) are found: as printed and in key form, on generated documents of every
    layout, clean and with marks lost, it scores what it scores without them."""
    [signal] = [s for s in SIGNALS if s.pattern.startswith("รายงานคร")]
    bare = Signal(signal.pattern, signal.points, signal.within)
    rng = random.Random(f"needles-{generator}")
    for _ in range(3):
        text = GENERATORS[generator](rng).text
        for shown in (text, _marks_lost(text, rng)):
            doc = RepairedText.of(shown)
            for keyed in (False, True):
                assert score_signals(doc, (signal,), keyed=keyed) \
                    == score_signals(doc, (bare,), keyed=keyed)
