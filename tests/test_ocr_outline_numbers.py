"""A project's strategy outline numbers OCR read that disagree are NULL with an issue.

The seventeenth outside tester's screenshots of a progress-history page stored
``ด้านที่ ๐๑``, ``๐.๕ - …``, ``๑.๕.๒ …`` and ``อ.๕.๒.๓ …`` for ``ด้านที่ ๑``, ``๑.๔``,
``๑.๔.๒`` and ``๑.๔.๒.๓``, unflagged. The page states each level of the outline in
every line below it (:mod:`bma_etl.normalize.trust_outline`). Outlines are drawn
from known numbers, written as the page prints them, and one level of one line is
misread as Tesseract's Thai model does (a digit read another, a letter, a digit
added); every line stating that level is then NULL with ``ocr_doubtful_value``, the
other lines kept. A number read as no number at all (a letter or a sign for it: the
23rd outside tester's ``ด้านที่ ©`` over ``๒.๒``, ``๒.๒.๑``) NULLs its own line alone: the lines
that agree without it are kept. An outline read right is kept whole.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.trust_outline import OUTLINE_FIELDS, drop_outline_misreads

from outline_lines import THAI_DIGITS, outline_row, strategy_lines, thai

#: The texts after each line's number (written for this test).
_NAMES = ("มหานครปลอดภัย : Safe City", "การจัดการจราจรและทางเท้า",
          "ประชาชนมีทางเดินเท้าที่ปลอดภัยและสะดวก", "ร้อยละของทางเดินริมคลองที่ได้รับการปรับปรุง")


def _lines(parts: list[str]) -> dict[str, str]:
    """The four strategy lines of the outline ``parts`` (each a number as printed)."""
    return strategy_lines(parts, _NAMES)


def _misread(part: str, rng: random.Random) -> str:
    """``part`` as OCR may misread it: a digit read another, as a letter, or doubled."""
    how = rng.choice(("digit", "letter", "added"))
    if how == "added":
        return rng.choice("๐๑") + part
    at = rng.randrange(len(part))
    other = rng.choice([d for d in THAI_DIGITS if d != part[at]]) if how == "digit" \
        else rng.choice("อต")
    return part[:at] + other + part[at + 1:]


@pytest.mark.parametrize("seed", range(12))
def test_one_misread_outline_level_nulls_the_lines_that_state_it(seed: int) -> None:
    rng = random.Random(seed)
    parts = [thai(rng.randint(1, 12)) for _ in range(4)]
    written = _lines(parts)
    line = rng.randrange(4)  # the line OCR misread, at a level another line states too
    level = rng.randrange(min(line, 2) + 1)
    read_parts = list(parts)
    read_parts[level] = _misread(parts[level], rng)
    read = dict(written)
    read[OUTLINE_FIELDS[line]] = _lines(read_parts)[OUTLINE_FIELDS[line]]
    normalized = outline_row(read)
    drop_outline_misreads(normalized)
    stating = {f for i, f in enumerate(OUTLINE_FIELDS) if i >= level}
    if not to_arabic_digits(read_parts[level]).isdigit():  # no number read: that line alone
        stating = {OUTLINE_FIELDS[line]}
    values = normalized.rows[0].values
    assert set(values) == set(OUTLINE_FIELDS) - stating
    assert all(values[f] == written[f] for f in values)  # the others kept as read
    assert {f.field for f in normalized.findings} == stating
    assert all(f.code == "ocr_doubtful_value" for f in normalized.findings)
    assert {p.field for p in normalized.provenance} == set(values)


@pytest.mark.parametrize("seed", range(6))
def test_an_outline_read_right_is_kept(seed: int) -> None:
    rng = random.Random(seed)
    written = _lines([thai(rng.randint(1, 12)) for _ in range(4)])
    if seed % 2:  # an indicator printed without a number is not compared
        written["strategy_indicator"] = _NAMES[3]
    normalized = outline_row(written)
    drop_outline_misreads(normalized)
    assert normalized.rows[0].values == written
    assert not normalized.findings


@pytest.mark.parametrize("seed", range(8))
def test_a_dot_ocr_lost_is_put_back_from_the_lines_above(seed: int) -> None:
    rng = random.Random(seed)
    written = _lines([thai(rng.randint(1, 12)) for _ in range(4)])
    field = rng.choice(OUTLINE_FIELDS[1:])  # a dotted line, one of its dots lost
    number, name = written[field].split(" ", 1)
    dots = [i for i, c in enumerate(number) if c == "."]
    at = rng.choice(dots)
    read = dict(written)
    read[field] = f"{number[:at]}{number[at + 1:]} {name}"
    normalized = outline_row(read)
    drop_outline_misreads(normalized)
    assert normalized.rows[0].values == written
    (finding,) = normalized.findings
    assert (finding.field, finding.code) == (field, "ocr_outline_repaired")
    assert read[field] in finding.message


#: Signs OCR read for a Thai digit, holding no digit at all (the 23rd outside tester's clean scan).
_NO_NUMBER = ("\u00a9", "\u0e2d", "\u0e15", "@")


@pytest.mark.parametrize("seed", range(8))
def test_a_number_read_as_no_number_nulls_its_line_alone(seed: int) -> None:
    rng = random.Random(seed)
    parts = [thai(rng.randint(1, 7)) for _ in range(4)]
    names = ("\u0e0a\u0e38\u0e21\u0e0a\u0e19", *_NAMES[1:])  # no issue of the plan
    written = strategy_lines(parts, names)
    line = rng.randrange(3)  # the issue, sub-issue or goal: a level the lines below state
    read = dict(written)
    read[OUTLINE_FIELDS[line]] = strategy_lines([*parts[:line], rng.choice(_NO_NUMBER),
                                                 *parts[line + 1:]], names)[OUTLINE_FIELDS[line]]
    normalized = outline_row(read)
    drop_outline_misreads(normalized)
    values = normalized.rows[0].values
    assert set(values) == set(OUTLINE_FIELDS) - {OUTLINE_FIELDS[line]}
    assert all(values[f] == written[f] for f in values)
    (finding,) = normalized.findings
    assert (finding.field, finding.code) == (OUTLINE_FIELDS[line], "ocr_doubtful_value")


def test_an_issue_number_read_as_no_number_is_put_back_from_its_name() -> None:
    # the 23rd outside tester's clean 300 dpi scan: all four lines were NULL
    names = ("\u0e21\u0e2b\u0e32\u0e19\u0e04\u0e23\u0e2a\u0e35\u0e40\u0e02\u0e35\u0e22"
             "\u0e27 \u0e2a\u0e30\u0e14\u0e27\u0e01\u0e2a\u0e1a\u0e32\u0e22 : Green City",
             *_NAMES[1:])  # issue 2 of the 20-year plan
    written = strategy_lines(["๒", "๒", "๑", "๓"], names)
    read = {**written, "strategy_issue": written["strategy_issue"].replace("๒", "\u00a9", 1)}
    normalized = outline_row(read)
    drop_outline_misreads(normalized)
    assert normalized.rows[0].values == written
    (finding,) = normalized.findings
    assert (finding.field, finding.code) == ("strategy_issue", "ocr_outline_repaired")
