"""Where the repository's test inputs are: its root, the seed samples, goldens, fixtures.

Shared by the tests reading the five real documents (``samples/``), their golden
records (``tests/golden/``) and hand-made inputs (``tests/fixtures/``).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
FIXTURES = ROOT / "tests" / "fixtures"
