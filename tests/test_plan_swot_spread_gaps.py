"""SWOT headings spread letter by letter: the gaps between Thai letters closed.

:data:`~bma_etl.layouts.plan_swot_headings._THAI_GAP_RE` opens with the white space
it removes and checks the letter before it after (so the regex engine skips to
the spaces). Generated plans' SWOT headings spread with spaces and tabs
(distributed alignment) are read as their kind, and on every line of a generated
plan, spread or not, the gaps it closes are those between two Thai letters.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.plan_swot_headings import _THAI_GAP_RE, spread_kind, swot_kind

from corpus.build import GENERATORS

#: The kinds' headings as the corpus prints them (``bench/corpus/plan_tables.py``).
_KINDS = {"จุดแข็ง": "strength", "จุดอ่อน": "weakness", "โอกาส": "opportunity",
          "อุปสรรค": "threat"}
#: The definition the test checks against: white space with a Thai letter each side.
_BETWEEN_THAI = re.compile(r"(?<=[\u0e01-\u0e4e])\s+(?=[\u0e01-\u0e4e])")


#: A letter with the marks above or below it: what distributed alignment spreads.
_CLUSTER = re.compile(r"[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46]"
                      r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*")


def _spread(line: str, rng: random.Random) -> str:
    """``line``'s Thai words spread letter by letter, gaps of spaces or tabs."""
    words = line.split(" ")
    clusters = _CLUSTER.findall(words[0])
    gap = rng.choice(("\t", " ", "  ", "\t "))
    return gap.join(clusters) + gap + " ".join(words[1:])


@pytest.mark.parametrize("seed", range(3))
def test_spread_swot_headings_read_as_their_kind(seed: int) -> None:
    rng = random.Random(seed)
    lines = GENERATORS["plan"](rng).text.split("\n")
    headings = [ln for ln in lines if ln.split(" ")[0] in _KINDS and "(" in ln]
    assert len(headings) == 4
    for heading in headings:
        spread = _spread(heading, rng)
        assert spread != heading
        want = _KINDS[heading.split(" ")[0]]
        assert swot_kind(spread) == want
        assert spread_kind(spread) == want  # its gaps closed, then read
    for line in [*lines, *(_spread(h, rng) for h in headings)]:
        assert _THAI_GAP_RE.sub("", line) == _BETWEEN_THAI.sub("", line)
