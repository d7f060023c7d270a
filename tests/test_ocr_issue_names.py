"""A strategy issue's number the OCR model reads as another digit in every line, put back.

Debian's ``tha`` model has no ``๔`` and reads it ``๕`` every time: the four strategy
lines of ``ด้านที่ ๔ – มหานครกระชับ`` then agree on ``๕`` (the outline check sees no
disagreement). The issue's name fixes its number in the 20-year plan, so the first
part is put back in each line with an ``ocr_outline_repaired`` warning. The lines
are written here from known outlines, then read as the model reads Thai digits.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.normalize.trust_outline import OUTLINE_FIELDS, drop_outline_misreads

_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
#: The texts after each line's number below the issue (written for this test).
_BELOW = ("การบริการสาธารณสุขปฐมภูมิ", "ผู้สูงอายุเข้าถึงบริการสุขภาพ",
          "ร้อยละของผู้สูงอายุที่ได้รับการคัดกรอง")


def _thai(n: int) -> str:
    return "".join(_THAI_DIGITS[int(d)] for d in str(n))


def _lines(parts: list[str], name: str, dash: str = " – ") -> dict[str, str]:
    return {"strategy_issue": f"ด้านที่ {parts[0]}{dash}{name}",
            "strategy_sub_issue": f"{'.'.join(parts[:2])} - {_BELOW[0]}",
            "strategy_goal": f"{'.'.join(parts[:3])} {_BELOW[1]}",
            "strategy_indicator": f"{'.'.join(parts[:4])} {_BELOW[2]}"}


def _normalized(values: dict[str, str]) -> Normalized:
    row = NormalizedRow("projects", None, dict(values))
    provenance = [ProvenanceRow("projects", None, field, 1, 21 + i, None, None, value,
                                False, True, confidence=90.0)
                  for i, (field, value) in enumerate(values.items())]
    return Normalized(rows=[row], provenance=provenance)


def _as_tha_reads(text: str) -> str:
    return text.replace("๔", "๕")


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("name", ["มหานครกระชับ : Compact City", "มหานครกระชับ"])
def test_the_issue_name_puts_back_its_number_the_model_misread(seed: int, name: str) -> None:
    rng = random.Random(seed)
    parts = ["๔", *(_thai(rng.choice([1, 2, 3, 5, 10, 12])) for _ in range(3))]
    written = _lines(parts, name, rng.choice((" – ", "- ", " : ")))
    normalized = _normalized({f: _as_tha_reads(v) for f, v in written.items()})
    drop_outline_misreads(normalized)
    assert normalized.rows[0].values == written
    assert {f.field for f in normalized.findings} == set(OUTLINE_FIELDS)
    assert all(f.code == "ocr_outline_repaired" for f in normalized.findings)


@pytest.mark.parametrize(("number", "name"), [
    ("๕", "มหานครประชาธิปไตย"),           # read right
    ("๓", "มหานครกระชับ : Compact City"),  # a page's own numbering: left as printed
    ("๕", "งานบริการประชาชน"),             # no issue of the plan
])
def test_an_issue_whose_number_is_no_misreading_of_its_name_is_kept(number: str, name: str
                                                                    ) -> None:
    written = _lines([number, "๑", "๒", "๑"], name)
    normalized = _normalized(dict(written))
    drop_outline_misreads(normalized)
    assert normalized.rows[0].values == written
    assert not normalized.findings


@pytest.mark.parametrize("seed", range(4))
def test_lines_read_again_right_and_the_issue_misread_are_put_back(seed: int) -> None:
    """Lines whose number was read again glyph by glyph (``read/ocr_thai_digits``) read ``๔``;
    the issue's line, its number glued to ``ด้านที่``, still ``๕``: the issue is put back."""
    rng = random.Random(seed)
    parts = ["๔", *(_thai(rng.choice([1, 2, 3, 5, 10, 12])) for _ in range(3))]
    written = _lines(parts, "มหานครกระชับ : Compact City", rng.choice((" – ", "- ")))
    read = dict(written, strategy_issue=_as_tha_reads(written["strategy_issue"]))
    normalized = _normalized(read)
    drop_outline_misreads(normalized)
    assert normalized.rows[0].values == written
    assert [(f.field, f.code) for f in normalized.findings] == [
        ("strategy_issue", "ocr_outline_repaired")]
