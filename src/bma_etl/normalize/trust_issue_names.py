"""A strategy issue's number OCR misread, put back from the issue's name.

Stage: normalize (:func:`.trust_outline.drop_outline_misreads` calls it first), for
documents read by OCR. A project's strategy issue is one of the seven ด้าน of the
Bangkok 20-year development plan (พ.ศ. 2561-2580), a fixed list (:data:`ISSUES`):
its name fixes its number (``ด้านที่ ๔ – มหานครกระชับ : Compact City``). Debian's
``tha`` model has no ``๔``: it reads one as ``๕`` every time, so the issue, the
sub-issue ``๔.๑``, the goal ``๔.๑.๒`` and the indicator ``๔.๑.๒.๑`` all agree on
``๕`` and :func:`.trust_outline.disagreeing` sees nothing. Where the issue's name
is one of the list and the number every strategy line reads first is the digit
the model reads for the name's (:data:`MISREAD_AS`), that part is written as the
name's in each line, with an ``ocr_outline_repaired`` warning quoting what OCR
read. So is the issue's own number where it alone disagrees with the name and
with two lines below it or more, which read the name's number. Any other
disagreement between the number and the name is left as read: a document may
number the issues its own way.
"""

from __future__ import annotations

import re

from bma_etl.matchkey import key

__all__ = ["ISSUES", "MISREAD_AS", "SOMETIMES_AS", "first_part_repaired", "issue_number"]

#: The 20-year plan's issues: (number, Thai name, English name where the page prints one).
#: The seeds print 6 and 7 with these names (``samples/``: a plan and a detail page);
#: 4 is as the 20th outside tester's pages print it; the others follow the plan's order.
ISSUES = (
    (1, "มหานครปลอดภัย", "Safe City"),
    (2, "มหานครสีเขียว สะดวกสบาย", ""),
    (3, "มหานครสำหรับทุกคน", ""),
    (4, "มหานครกระชับ", "Compact City"),
    (5, "มหานครประชาธิปไตย", ""),
    (6, "มหานครแห่งเศรษฐกิจและการเรียนรู้", ""),
    (7, "การบริหารจัดการเมืองมหานคร", ""),
)
#: The digit (Arabic) Debian's ``tha`` model reads for a Thai digit it lacks, every time:
#: ``๔`` as ``๕`` (the breakers' Waree and Loma prints at 200-300 dpi).
MISREAD_AS = {"4": "5"}
#: What the model reads a Thai digit as now and then, not every time (Arabic): ``๑`` as
#: ``๐``, as a Latin ``9``, or with a speck glued before it (``อ๑``): breaker26's 300 dpi
#: scan of a Chromium print read ``ด้านที่ ๐``, ``9.9 -``, ``๑.๑.๒``, ``อ๑.๑.๒.๑``.
SOMETIMES_AS = {"1": frozenset({"0", "9", "\u0e2d1", "01", "10"})}
#: After ``ด้านที่`` and its number: a dash or colon, then the name.
_DIGIT = re.compile("[0-9\u0e50-\u0e59]")
_NAME = re.compile("^\\s*\u0e14\u0e49\u0e32\u0e19\u0e17\u0e35\u0e48\\s*[^\\s\u2013\\-:]{1,3}"
                   "\\s*[\u2013\\-:?]?\\s*(?P<name>.+)$")


def issue_number(value: str) -> int | None:
    """The number the name of a strategy issue ``value`` has in the plan, or None.

    The name is matched in key form (OCR's marks aside) at the start of what follows
    the number, or its English name anywhere after it.

    >>> issue_number("ด้านที่ ๕ – มหานครกระชับ : Compact City")
    4
    >>> issue_number("ด้านที่ ๗ - การบริหารจดการเมืองมหานคร"), issue_number("ด้านที่ ๑ งาน")
    (7, None)
    """
    m = _NAME.match(value)
    if m is None:
        return None
    name = m["name"]
    folded = key(name)
    for number, thai, english in ISSUES:
        if folded.startswith(key(thai)) or (english and english.lower() in name.lower()):
            return number
    return None


def first_part_repaired(numbers: dict[str, tuple[str, ...]], issue: str | None
                        ) -> str | None:
    """The first outline part to write in every strategy line, or None to leave them.

    ``numbers``: ``{field: outline parts}`` (Arabic digits) of one project's strategy
    lines; ``issue``: its strategy issue as read. Every line must read as its first part
    the number the issue's name has or the model's misreading of it (:data:`MISREAD_AS`),
    one line at least the misreading (a number read again glyph by glyph,
    :mod:`bma_etl.read.ocr_thai_digits`, may give some lines the right one); or, read
    apart, some the name's number and each of the others one the model now and then reads
    for it (:data:`SOMETIMES_AS`) or a sign holding no digit at all (``ด้านที่ ©``); or
    two lines below the issue or more read the name's number first, and only the issue's
    own number reads otherwise (``ด้านที่ ๑`` over ``๒.๑``, ``๒.๑.๓``, ``๒.๑.๓.๑`` under
    the name of issue 2): four statements against one misread digit.

    >>> first_part_repaired({"strategy_issue": ("5",), "strategy_goal": ("5", "1", "2")},
    ...                     "ด้านที่ ๕ – มหานครกระชับ")
    '4'
    >>> first_part_repaired({"strategy_issue": ("5",), "strategy_goal": ("4", "1", "2")},
    ...                     "ด้านที่๕- มหานครกระชับ")
    '4'
    >>> first_part_repaired({"strategy_issue": ("3",)}, "ด้านที่ ๓ - มหานครกระชับ") is None
    True
    >>> first_part_repaired({"strategy_issue": ("0",), "strategy_goal": ("1", "1", "2")},
    ...                     "ด้านที่ ๐ – มหานครปลอดภัย : Safe City")
    '1'
    >>> first_part_repaired({"strategy_issue": ("1",), "strategy_sub_issue": ("2", "1"),
    ...                      "strategy_goal": ("2", "1", "3")},
    ...                     "ด้านที่ ๑ – มหานครสีเขียว สะดวกสบาย : Green City")
    '2'
    >>> first_part_repaired({"strategy_issue": ("\u00a9",), "strategy_goal": ("2", "2", "1")},
    ...                     "ด้านที่ \u00a9 – มหานครสีเขียว สะดวกสบาย")
    '2'
    """
    if issue is None or not numbers:
        return None
    firsts = {parts[0] for parts in numbers.values() if parts}
    number = issue_number(issue)
    if number is None:
        return None
    want = str(number)
    misread = MISREAD_AS.get(want)
    if misread is not None and misread in firsts and firsts <= {want, misread}:
        return want
    below = [parts[0] for field, parts in numbers.items()
             if field != "strategy_issue" and parts]
    if len(below) > 1 and set(below) == {want} and firsts != {want}:
        return want  # the name and every line below agree: the issue's own number misread
    if len(firsts) > 1 and want in firsts:
        others = firsts - {want}
        if others <= SOMETIMES_AS.get(want, frozenset()) or not any(
                _DIGIT.search(other) for other in others):  # a sign for it (``©``)
            return want
    return None
