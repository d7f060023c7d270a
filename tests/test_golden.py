"""Samples and hand-made variants against their hand-written golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.layouts import BY_ID
from bma_etl.pipeline import process_file

from golden_compare import diff, load_golden
from repo_paths import FIXTURES, GOLDEN, SAMPLES

VARIANTS = FIXTURES / "variants"
CASES = [
    *((p, SAMPLES) for p in sorted(GOLDEN.glob("*.json"))),
    *((p, VARIANTS) for p in sorted(VARIANTS.glob("*.json"))),
]
CASES = [(p, folder) for p, folder in CASES if load_golden(p)["layout"] in BY_ID]


@pytest.mark.parametrize(("golden_path", "folder"), CASES, ids=[p.stem for p, _ in CASES])
def test_matches_golden(golden_path: Path, folder: Path) -> None:
    golden = load_golden(golden_path)
    processed = process_file(folder / golden["sample"])
    assert processed.layout == golden["layout"]
    problems = diff(processed, golden)
    assert not problems, "\n".join(problems)


def test_every_golden_belongs_to_a_sample() -> None:
    for path in GOLDEN.glob("*.json"):
        assert (SAMPLES / load_golden(path)["sample"]).exists(), path
    for path in VARIANTS.glob("*.json"):
        assert (VARIANTS / load_golden(path)["sample"]).exists(), path


def test_every_sample_has_a_golden() -> None:
    goldens = {load_golden(p)["sample"] for p in GOLDEN.glob("*.json")}
    assert {p.name for p in SAMPLES.iterdir()} <= goldens
