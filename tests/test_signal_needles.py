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


def _assert_scores_as_bare(signal: Signal, generator: str, rng: random.Random) -> None:
    """``signal`` scores what it scores without needles or core (printed and in key
    form) on three ``generator`` documents, clean and with marks lost."""
    bare = Signal(signal.pattern, signal.points, signal.within)
    for _ in range(3):
        text = GENERATORS[generator](rng).text
        for shown in (text, _marks_lost(text, rng)):
            doc = RepairedText.of(shown)
            for keyed in (False, True):
                assert score_signals(doc, (signal,), keyed=keyed) \
                    == score_signals(doc, (bare,), keyed=keyed)


@pytest.mark.parametrize("generator", sorted(GENERATORS))
def test_report_row_signal_needles_change_no_score(generator: str) -> None:
    """The progress form's report-row signal runs after its needles (its branches' first
    words) are found: as printed and in key form, on generated documents of every
    layout, clean and with marks lost, it scores what it scores without them."""
    [signal] = [s for s in SIGNALS if s.pattern.startswith("รายงานคร")]
    _assert_scores_as_bare(signal, generator, random.Random(f"needles-{generator}"))


def _web_signals() -> list[Signal]:
    from bma_etl.layouts import web_progress_history, web_project_detail

    return [s for s in (*web_progress_history.SIGNALS, *web_project_detail.SIGNALS)
            if s.pattern.startswith((r"^\s*\*\*", r"^\s*(?:Policy"))]


@pytest.mark.parametrize("signal", _web_signals(), ids=lambda s: s.pattern[:24])
@pytest.mark.parametrize("generator", sorted(GENERATORS))
def test_web_signal_needles_and_core_change_no_score(signal: Signal, generator: str) -> None:
    """The history page's problems heading (its core ``ของโครงการ :`` searched first)
    and the detail page's ``Policy ID`` line (its words as needles, not ``ID``, which a
    plan holds) score what they score without needles or core, as printed and in key
    form, on generated documents of every layout, clean and with marks lost."""
    _assert_scores_as_bare(signal, generator, random.Random(f"web-needles-{generator}"))


def test_web_signals_are_found_on_their_pages() -> None:
    """Each of the two signals above scores on a generated page of its own layout."""
    from corpus.web import progress_history, project_detail

    found = {s.pattern: 0.0 for s in _web_signals()}
    for k in range(6):
        for make in (progress_history, project_detail):
            doc = RepairedText.of(make(random.Random(f"web-signal-{k}")).text)
            for signal in _web_signals():
                found[signal.pattern] += score_signals(doc, (signal,))
    assert len(found) == 2 and all(found.values()), found
