"""A leading vowel OCR read before another inside a word run (read/ocr_letters.py ``unstacked``).

Lines of generated report text (``bench/corpus``) get one leading vowel (SARA E,
SARA AE, SARA O, SARA AI MAIMUAN, SARA AI MAIMALAI) added before a leading vowel
inside a Thai run, as Tesseract reads a speck or a rule there
(``ประชาชนไในพื้นที่``). The repaired line is the line as generated and repaired
without the damage; the generated lines themselves keep every leading vowel.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.read.ocr_letters import LEADING, stacked
from bma_etl.read.ocr_lexicon import restored

from corpus.build import GENERATORS

#: A leading vowel after a Thai letter or mark of the same run.
_INSIDE = re.compile("(?<=[\u0e01-\u0e4e])[\u0e40-\u0e44]")


def _lines(generator: str, seed: int) -> list[str]:
    text = GENERATORS[generator](random.Random(seed)).text
    return [line for line in text.split("\n") if _INSIDE.search(line) and len(line) < 200]


@pytest.mark.parametrize("generator", ["legacy_pipe", "web_history", "plan"])
@pytest.mark.parametrize("seed", range(2))
def test_a_leading_vowel_added_before_another_is_left_out(generator: str, seed: int) -> None:
    rng = random.Random(seed)
    lines = _lines(generator, seed)
    assert lines, f"{generator} seed {seed} writes no leading vowel inside a run"
    fixed = 0
    cases = rng.sample(lines, min(6, len(lines)))
    for line in cases:
        at = rng.choice([m.start() for m in _INSIDE.finditer(line)])
        # another vowel: two SARA E are SARA AE as OCR writes it, no damage
        added = rng.choice(sorted(LEADING - {line[at]}))
        damaged = line[:at] + added + line[at:]
        assert stacked(damaged, at)
        text, _, changes = restored(damaged, ())
        if text == damaged:
            # left as read only where the vowel read makes words too (``ขาดแคลนโแรงงาน``:
            # ``แรงงาน`` or ``โรงงาน``): nothing is guessed
            other = line[:at] + added + line[at + 1 :]
            assert not restored(other, ())[2], (line, damaged)
            continue
        fixed += 1
        assert text == restored(line, ())[0], (line, damaged, text)
        assert any(c.read.count(added) > c.word.count(added) for c in changes)
    assert fixed >= len(cases) // 2, (fixed, len(cases))


@pytest.mark.parametrize("generator", sorted(GENERATORS))
def test_generated_lines_keep_their_leading_vowels(generator: str) -> None:
    for line in _lines(generator, 0):
        _, _, changes = restored(line, ())
        assert not any(
            stacked(c.read, k) for c in changes for k in range(len(c.read))
        ), (line, changes)
