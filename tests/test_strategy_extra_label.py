"""A scanned form's strategy block with a line of a label the layout does not know.

Another agency's progress form may print a ``label : value`` line of its own among the
strategy lines of section 1.6 (a plan's programme, a code). After OCR no wrap is
measured, and a ``label :`` line that is no known label right under a strategy line
was taken for that value wrapped after a far tab stop (``… ปลอดภัยและน่า`` / ``อยู่ :
Green City``) and glued onto it. Here generated forms (``bench/corpus`` ``legacy_tab``,
known values) have their strategy lines set one under the other as OCR reads a scan,
an unlisted line written in under one of them: every strategy value reads as
generated. The issue wrapped before its own ``:`` still joins its Latin tail.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from bma_etl.layouts.legacy_progress_form import extract
from test_tab_leaders import ISSUE_LABEL

from corpus.build import GENERATORS
from read_back import records_of

FIELDS = ("strategy_issue", "strategy_sub_issue", "strategy_goal", "strategy_indicator")
#: Lines another agency's form might print among its strategy lines (label : value).
EXTRA = ("\u0e41\u0e1c\u0e19\u0e07\u0e32\u0e19 : "  # แผนงาน : แผนงานพัฒนาเมือง
         "\u0e41\u0e1c\u0e19\u0e07\u0e32\u0e19\u0e1e\u0e31\u0e12\u0e19\u0e32"
         "\u0e40\u0e21\u0e37\u0e2d\u0e07",
         "\u0e23\u0e2b\u0e31\u0e2a\u0e41\u0e1c\u0e19 : BMA-SP-2566-01",  # รหัสแผน : ...
         "\u0e2b\u0e21\u0e32\u0e22\u0e40\u0e2b\u0e15\u0e38 : "  # หมายเหตุ : ตามแผนฯ ระยะที่ 3
         "\u0e15\u0e32\u0e21\u0e41\u0e1c\u0e19\u0e2f \u0e23\u0e30\u0e22\u0e30\u0e17\u0e35\u0e48 3")


def _strategy_as_scanned(doc: Any) -> list[str]:
    """``doc``'s lines with no blank line between its four strategy lines (OCR'd lines),
    each ``label : value`` as generated (the values the tests want read)."""
    lines = doc.text.split("\n")
    first = next(i for i, ln in enumerate(lines) if ln.startswith(f"{ISSUE_LABEL} : "))
    last = max(i for i, ln in enumerate(lines[:first + 9]) if " : " in ln)
    return [*lines[:first], *(ln for ln in lines[first:last + 1] if ln.strip()),
            *lines[last + 1:]]


def _read(lines: list[str]) -> dict[str, Any]:
    """The strategy values of the form ``lines`` read as an OCR'd page (no wraps known)."""
    (project,) = records_of(extract, "\n".join(lines), screened=False)["projects"]
    return {name: getattr(project, name) for name in FIELDS}


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("extra", EXTRA)
def test_an_unlisted_label_line_is_no_part_of_a_strategy_value(seed: int, extra: str) -> None:
    doc = GENERATORS["legacy_tab"](random.Random(f"extra-label-{seed}"))
    lines = _strategy_as_scanned(doc)
    first = next(i for i, ln in enumerate(lines) if ln.startswith(f"{ISSUE_LABEL} : "))
    truth = dict(zip(FIELDS, (ln.split(" : ", 1)[1] for ln in lines[first:first + 4]),
                     strict=True))
    under = first + seed % 4  # under the issue, the sub-issue, the goal, the indicator
    assert _read(lines) == truth
    assert _read([*lines[:under + 1], extra, *lines[under + 1:]]) == truth


def test_an_issue_wrapped_before_its_own_colon_still_joins() -> None:
    doc = GENERATORS["legacy_tab"](random.Random("extra-label-wrap"))
    lines = _strategy_as_scanned(doc)
    at = next(i for i, ln in enumerate(lines) if ln.startswith(f"{ISSUE_LABEL} : "))
    issue = lines[at].split(" : ", 1)[1]
    thai, latin = issue.split(" : ")
    head, tail = thai.rsplit(" ", 1)
    lines[at:at + 1] = [f"{ISSUE_LABEL} : {head}", f"{tail} : {latin}"]
    assert _read(lines)["strategy_issue"] == issue
