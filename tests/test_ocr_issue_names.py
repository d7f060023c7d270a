"""A strategy issue's number the OCR model reads as another digit, in every line or some, put back.

Debian's ``tha`` model has no ``๔`` and reads it ``๕`` every time: the four strategy
lines of ``ด้านที่ ๔ – มหานครกระชับ`` then agree on ``๕`` (the outline check sees no
disagreement). The issue's name fixes its number in the 20-year plan, so the first
part is put back in each line with an ``ocr_outline_repaired`` warning. The lines
are written here from known outlines, then read as the model reads Thai digits.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.normalize.trust_outline import OUTLINE_FIELDS, drop_outline_misreads

from outline_lines import outline_row, strategy_lines, thai

#: The texts after each line's number below the issue (written for this test).
_BELOW = ("การบริการสาธารณสุขปฐมภูมิ", "ผู้สูงอายุเข้าถึงบริการสุขภาพ",
          "ร้อยละของผู้สูงอายุที่ได้รับการคัดกรอง")


def _as_tha_reads(text: str) -> str:
    return text.replace("๔", "๕")


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("name", ["มหานครกระชับ : Compact City", "มหานครกระชับ"])
def test_the_issue_name_puts_back_its_number_the_model_misread(seed: int, name: str) -> None:
    rng = random.Random(seed)
    parts = ["๔", *(thai(rng.choice([1, 2, 3, 5, 10, 12])) for _ in range(3))]
    written = strategy_lines(parts, (name, *_BELOW), rng.choice((" – ", "- ", " : ")))
    normalized = outline_row({f: _as_tha_reads(v) for f, v in written.items()})
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
    written = strategy_lines([number, "๑", "๒", "๑"], (name, *_BELOW))
    normalized = outline_row(dict(written))
    drop_outline_misreads(normalized)
    assert normalized.rows[0].values == written
    assert not normalized.findings


#: ``๑`` as the model reads it now and then, in some lines only: ``๐``, a Latin ``9``, a
#: speck glued before it (breaker26 B_cssgrid_print_scan300: ``ด้านที่ ๐``, ``9.9 -``,
#: ``๑.๑.๒``, ``อ๑.๑.๒.๑``).
_SOMETIMES = ("๐", "9", "อ๑")


@pytest.mark.parametrize("seed", range(8))
def test_a_one_read_apart_in_some_lines_is_put_back(seed: int) -> None:
    """The issue's name fixes level 1; a lower level two lines read ``๑`` alike fixes
    the line that read it otherwise."""
    rng = random.Random(f"sometimes-{seed}")
    parts = ["๑", "๑", thai(rng.choice([1, 2, 3])), thai(rng.choice([1, 2, 4]))]
    written = strategy_lines(parts, ("มหานครปลอดภัย : Safe City", *_BELOW))
    read = dict(written)
    fields = list(OUTLINE_FIELDS)
    wrong = rng.sample(fields, rng.choice((1, 2)))  # level 1 misread in these lines
    for field in wrong:
        read[field] = read[field].replace("๑", rng.choice(_SOMETIMES), 1)
    if "strategy_sub_issue" not in wrong and rng.random() < 0.5:  # level 2 too, one line
        at = read["strategy_sub_issue"].index(".") + 1
        read["strategy_sub_issue"] = read["strategy_sub_issue"][:at] + "9" + \
            read["strategy_sub_issue"][at + 1:]
    normalized = outline_row(read)
    drop_outline_misreads(normalized)
    assert normalized.rows[0].values == written
    assert all(f.code == "ocr_outline_repaired" for f in normalized.findings)


def test_a_level_read_as_no_misreading_of_one_is_still_doubtful() -> None:
    written = strategy_lines(["๑", "๑", "๒", "๑"], ("มหานครปลอดภัย", *_BELOW))
    read = {**written, "strategy_sub_issue": written["strategy_sub_issue"].replace("๑.๑", "๑.๓")}
    normalized = outline_row(read)
    drop_outline_misreads(normalized)
    assert {f.code for f in normalized.findings} == {"ocr_doubtful_value"}


@pytest.mark.parametrize("seed", range(4))
def test_lines_read_again_right_and_the_issue_misread_are_put_back(seed: int) -> None:
    """Lines whose number was read again glyph by glyph (``read/ocr_thai_digits``) read ``๔``;
    the issue's line, its number glued to ``ด้านที่``, still ``๕``: the issue is put back."""
    rng = random.Random(seed)
    parts = ["๔", *(thai(rng.choice([1, 2, 3, 5, 10, 12])) for _ in range(3))]
    written = strategy_lines(parts, ("มหานครกระชับ : Compact City", *_BELOW),
                             rng.choice((" – ", "- ")))
    read = dict(written, strategy_issue=_as_tha_reads(written["strategy_issue"]))
    normalized = outline_row(read)
    drop_outline_misreads(normalized)
    assert normalized.rows[0].values == written
    assert [(f.field, f.code) for f in normalized.findings] == [
        ("strategy_issue", "ocr_outline_repaired")]


#: Issue numbers misread as another digit, and names: (printed, read, name or None).
#: None: a name none of the 20-year plan's (``งานบริการประชาชน``).
_ALONE = (
    ("๒", "๑", "มหานครสีเขียว สะดวกสบาย : Green City"),
    ("๑", "๗", "มหานครปลอดภัย : Safe City"),
    ("๓", "๘", "มหานครสำหรับทุกคน"),
    ("๑", "๐", None),
    ("๖", "๒", None),
)


@pytest.mark.parametrize(("printed", "read", "name"), _ALONE)
@pytest.mark.parametrize("seed", range(3))
def test_an_issue_number_misread_alone_costs_only_its_own_line(
        printed: str, read: str, name: str | None, seed: int) -> None:
    """The sub-issue, goal and indicator agree on the first part; the issue's line alone
    reads another digit (breaker31: ``ด้านที่ ๑`` over ``๒.๑``, ``๒.๑.๓``, ``๒.๑.๓.๑``).
    A name of the plan puts the issue's number back; another name leaves only the
    issue's line NULL. The three lines below keep their values."""
    rng = random.Random(f"alone-{seed}")
    parts = [printed, *(thai(rng.choice([1, 2, 3, 5, 10])) for _ in range(3))]
    written = strategy_lines(parts, (name or "งานบริการประชาชน", *_BELOW),
                             rng.choice((" – ", "- ")))
    issue = written["strategy_issue"]
    read_issue = issue.replace(printed, read, 1)
    normalized = outline_row({**written, "strategy_issue": read_issue})
    drop_outline_misreads(normalized)
    values = normalized.rows[0].values
    assert {f: values.get(f) for f in OUTLINE_FIELDS[1:]} == \
        {f: written[f] for f in OUTLINE_FIELDS[1:]}
    assert [f.field for f in normalized.findings] == ["strategy_issue"]
    if name is not None:
        assert values["strategy_issue"] == issue
        assert normalized.findings[0].code == "ocr_outline_repaired"
    else:
        assert values.get("strategy_issue") is None
        assert normalized.findings[0].code == "ocr_doubtful_value"


def test_an_issue_read_right_over_lines_the_model_misread_every_time_is_no_outlier() -> None:
    """``๔`` read right in the issue (glyph by glyph) over lines read ``๕``, the model's
    misreading of it every time, under a name not in the plan: which is right is not
    known, every line is in doubt."""
    written = strategy_lines(["๔", "๑", "๒", "๑"], ("งานบริการประชาชน", *_BELOW))
    read = {f: v if f == "strategy_issue" else _as_tha_reads(v) for f, v in written.items()}
    normalized = outline_row(read)
    drop_outline_misreads(normalized)
    assert {f.field for f in normalized.findings} == set(OUTLINE_FIELDS)
    assert {f.code for f in normalized.findings} == {"ocr_doubtful_value"}
