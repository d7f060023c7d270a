"""Progress-history pages whose entries are parted by a rule of dashes alone.

Pages are generated from known values (bench/corpus ``web_history``) and their
``------&&&------`` separators rewritten as another export prints them, a rule of
dashes with no ``&&&`` (``----------------------------------------``). The truth is
every field as generated: the rule is no part of the entry above (its obstacles
stored ``ไม่มี\\n------``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated


@pytest.mark.parametrize("dashes", [10, 40])
@pytest.mark.parametrize("k", [0, 1, 2])
def test_entries_parted_by_a_rule_of_dashes(k: int, dashes: int, tmp_path: Path) -> None:
    doc = GENERATORS["web_history"](_rng(461, "web_history", k))
    text, count = re.subn(r"(?m)^-{3,}&&&-{3,}$", "-" * dashes, doc.text)
    assert count, "no separator generated"
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)
