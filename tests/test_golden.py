"""Every registered layout's samples against their hand-written golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.layouts import BY_ID
from bma_etl.pipeline import process_file
from conftest import GOLDEN, SAMPLES
from golden_compare import diff, load_golden

CASES = sorted(
    p for p in GOLDEN.glob("*.json") if load_golden(p)["layout"] in BY_ID
)


@pytest.mark.parametrize("golden_path", CASES, ids=lambda p: p.stem)
def test_sample_matches_golden(golden_path: Path) -> None:
    golden = load_golden(golden_path)
    processed = process_file(SAMPLES / golden["sample"])
    assert processed.layout == golden["layout"]
    problems = diff(processed, golden)
    assert not problems, "\n".join(problems)


def test_every_golden_belongs_to_a_sample() -> None:
    for path in GOLDEN.glob("*.json"):
        assert (SAMPLES / load_golden(path)["sample"]).exists(), path
