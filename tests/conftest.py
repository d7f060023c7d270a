"""The test session's settings and fixtures: Hypothesis profiles, the OCR cache, a warehouse.

Helpers the tests share live in modules of their own beside this one (``repo_paths``,
``thai_fonts``, ``read_back``, ``ocr_text``, ``plan_text``, ``corpus_prints``,
``chromium_pages``, ``pdf_sheets``, ``outline_lines``, ``plan_sheets``…), imported by name.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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
    """Where a test's warehouse goes: ``w.duckdb`` in its own folder, not yet made."""
    return tmp_path / "w.duckdb"
