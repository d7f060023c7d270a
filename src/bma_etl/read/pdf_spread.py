"""Numbers that distributed justification spread across a table cell.

Stage: read (runs in the PDF worker process; works on a line of
:mod:`.pdf_layout` as it is being rebuilt, for :func:`.pdf_letters.letter_spaced`).
Word's Thai distributed justification (``thaiDistribute``), as LibreOffice
prints it, spreads every line of a cell to the cell's width, its last line and a
line of digits alone included: a score ``๒๕`` stands as ``๒`` at the cell's left
edge and ``๕`` at its right, ``๒๒.๕`` as ``๒``, ``๒`` and ``.๕``, each gap wider
than a tab, no space written, and pdfium makes up a space in each. In a narrow cell
the gaps are narrower, a space wide: ``๒ ๒ .๕``. Read as it stands the cell holds
two or three numbers; it holds one. An amount of whole baht ends in ``.-``
(``๑๒,๓๐๗,๗๐๐.-``): wrapped in a narrow cell of a justified Thai table, its line
``๐๐.-`` is spread as well (``๐ ๐ .-``) and is read as one number too. A short
amount and its unit alone in a ruled cell are spread alike (``๗ ๗ ๙ ,๖ ๐ ๐ บ า ท``):
a font whose digit's ink passes its advance (Garuda's ``๗``) leaves the gaps
measured box to box too uneven for :func:`.pdf_letters.letter_gap`. (A grouped
amount alone in a borderless cell's run, which a cut hands over, takes the same
test; no generated print checks that case yet: tests/test_spread_amount_cells.py
prints ruled tables, and a borderless distributed print of its plans loses the
budget table before.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bma_etl.read.pdf_layout import _Line
    from bma_etl.read.pdf_letters import Run

#: Thai digits (LibreOffice spreads them as it does Thai letters; Arabic ones not).
_DIGITS = frozenset(map(chr, range(0x0E50, 0x0E5A)))
#: What else a spread number is made of: its decimal point and group commas.
_NUMBER = _DIGITS | frozenset(".,")
#: The whole-baht mark after a number's point (``๗๐๐.-``), its last letter.
_WHOLE = "-"
_WHITE = frozenset(" \u00a0")
#: The unit a spread amount may end its cell with, a word space after it.
_UNIT = "บาท"
#: An amount in thousands grouped by commas (satang optional): no row of one-digit
#: cells at an even pitch (``๑ ๒ ๓ ๔ ๕``) reads so.
_GROUPED = re.compile("[\u0e50-\u0e59]{1,3}(?:,[\u0e50-\u0e59]{3})+(?:\\.(?:[\u0e50-\u0e59]{2})?)?")
#: The tab-wide gaps of one spread number agree within this many font sizes (the
#: alignment gives every gap one extra; the digits' side bearings differ a little).
EVEN_EM = 0.15
#: ... and are at least this many font sizes wide (as
#: :data:`.pdf_letters.LETTER_SPREAD_EM`: digits set naturally touch).
LEAST_EM = 0.05


def may_be_spread(line: _Line, text: str, a: int, b: int) -> bool:
    """Whether the white space ``text[a:b]`` of a ruled line may be inside a spread number.

    A cheap test before the line is measured (:func:`number_apart` decides): a
    Thai digit, a point or a comma either side, a Thai digit on one, and a vertical
    rule crossing the line (a table's cell).
    """
    return bool(line.rules) and 0 < a and b < len(text) and text[a - 1] in _NUMBER \
        and text[b] in _NUMBER and (text[a - 1] in _DIGITS or text[b] in _DIGITS)


def number_apart(line: _Line, text: str, run: Run) -> float:
    """The gap (points) of a run that is one number spread across its cell; 0.0 if not.

    ``run``: one run of the line between rules (:data:`.pdf_letters.Run`). It is one
    number spread when its letters are Thai digits (two or more), points and commas
    alone (the last may be the whole-baht dash after a point: ``๐๐.-``), white
    space stands in every gap between two of its digits (a point keeps to the digit
    after it: ``.๕``), only white space pdfium made up, and those
    white gaps agree within :data:`EVEN_EM` and are :data:`LEAST_EM` wide or more. A
    run of more than two letters must stand between two vertical rules (a ruled
    cell: a borderless row of one-digit cells at an even pitch, ``๑ ๒ ๓ ๔ ๕``, is no
    number); one of two, a tab-wide gap apart (closer ones are
    :func:`.pdf_letters.few_gaps`' to tell). An amount grouped by commas, alone or
    with its unit ``บาท`` after a white gap wider than the others (the unit's letter
    gaps white and even with the number's), needs no rule: it is one cell's whole
    text, no row of digits. Its widest white gap (the unit's word space left out) is
    returned: every white gap up to it is the number's letter spacing.
    """
    runs, gaps, _, spaces, tabs, size = run[:6]
    if not runs or size <= 1.0:
        return 0.0
    first, before = runs[0]  # white space after the run's letter ``before``
    letters = _letters(text, first, before + 1, len(gaps) + 1)
    if letters is None:
        return 0.0
    chars = [text[pos] for pos in letters]
    # the gap (by index) between an amount and its unit, when the run ends in one
    word = len(chars) - len(_UNIT) - 1 if "".join(chars[-len(_UNIT):]) == _UNIT \
        and len(chars) > len(_UNIT) + 2 else -1
    if word >= 0:
        chars = chars[:word + 1]
    if len(chars) > 2 and chars[-1] == _WHOLE and chars[-2] == ".":
        chars = chars[:-1]
    if sum(ch in _DIGITS for ch in chars) < 2 or any(ch not in _NUMBER for ch in chars):
        return 0.0
    if any(chars[k] in _DIGITS and chars[k + 1] in _DIGITS and not spaces[k]
           for k in range(len(chars) - 1)):
        return 0.0
    wide = [gap for k, (gap, space) in enumerate(zip(gaps, spaces, strict=True))
            if space and k != word]
    if not wide or min(wide) < LEAST_EM * size or max(wide) - min(wide) > EVEN_EM * size:
        return 0.0
    if word >= 0 and (not all(spaces[word:]) or gaps[word] <= max(wide) + EVEN_EM * size):
        return 0.0  # the unit's letters spread too, a word space before them
    generated, index = line.g.generated, line.index
    if not all(generated(index[pos]) for pos in range(letters[0], letters[word] + 1
                                                      if word >= 0 else letters[-1] + 1)
               if text[pos] in _WHITE):
        return 0.0
    if len(letters) == 2:
        return max(wide) if tabs else 0.0
    if (word >= 0 or not line.rules) and not tabs and _GROUPED.fullmatch("".join(chars)):
        return max(wide)  # an amount alone in its cell (a borderless one: the run a cut's)
    lefts, rights = line.g.lefts, line.g.rights
    low, high = lefts[index[letters[0]]], rights[index[letters[-1]]]
    if not any(x < low for x in line.rules) or not any(x > high for x in line.rules):
        return 0.0
    return max(wide)


def _letters(text: str, start: int, before: int, count: int) -> list[int] | None:
    """The positions of a run's ``count`` letters, ``before`` of them left of ``start``.

    White space is skipped; None when the text holds too few (the line's
    characters moved).
    """
    left: list[int] = []
    pos = start - 1
    while pos >= 0 and len(left) < before:
        if text[pos] not in _WHITE:
            left.append(pos)
        pos -= 1
    right: list[int] = []
    pos = start
    while pos < len(text) and len(left) + len(right) < count:
        if text[pos] not in _WHITE:
            right.append(pos)
        pos += 1
    if len(left) < before or len(left) + len(right) < count:
        return None
    return left[::-1] + right
