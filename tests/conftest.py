from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
FIXTURES = ROOT / "tests" / "fixtures"

# The default profile (make test, CI) draws the same examples on every machine, so a
# run is repeatable; `make fuzz` (profile "fuzz") searches afresh each time.
settings.register_profile("default", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True, scope="session")
def _own_ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """OCR results cached for this run only: a test reads what Tesseract reads now,
    never a result an older version left in the user's cache."""
    if "BMA_ETL_CACHE" not in os.environ:
        os.environ["BMA_ETL_CACHE"] = str(tmp_path_factory.mktemp("bma-etl-cache"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "w.duckdb"


def letters_and_spaces(text: str) -> tuple[str, set[int]]:
    """``text`` without white space, and where (before which letter) white space stood."""
    letters: list[str] = []
    at: set[int] = set()
    for ch in " ".join(text.split()):
        if ch == " ":
            at.add(len(letters))
        else:
            letters.append(ch)
    return "".join(letters), at
