"""A plan's budget amounts OCR read doubtfully, checked against their section's total.

Stage: normalize (a helper of :mod:`bma_etl.normalize.trust`). An action plan's
budget summary prints each section's projects with their amounts (baht) and a
total row under them (``รวมงบประมาณทั้งสิ้น``, ``plan_sections.stated_total_thb``).
An amount whose digits OCR's Thai and English models read differently
(``5,974,900`` against ``5,974,300``) is confirmed when the section's amounts as read
add up to the stated total to the satang, that total being read surely: one digit
misread would leave the sum off by its place's value. Several doubtful amounts of a
section are confirmed together only by the same exact sum (their misreadings would
have to cancel to the satang). A row lost from the section (not read at all) needs
no count to show: the amounts left add up short of the total, and nothing is confirmed.

A plan printed in Thai digits reads every amount and total doubtfully: two or more
amounts of a section and its total, all as read, adding up to the satang confirm
one another (:func:`section_adds_up`); a digit misread in one of them would leave
the sum off, and two misreadings would have to cancel. One amount equal to its
total confirms nothing (a digit misread alike in both would match).
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["section_adds_up", "section_sum_confirms"]


def section_sum_confirms(amounts: list[object], uses_budget: list[object],
                         stated_total: object) -> tuple[bool, str | None] | None:
    """Whether a section's amounts as read add up to its surely read total.

    ``amounts``: the section's ``budget_thb`` values in baht as read, doubtful ones
    included (None: no amount read); ``uses_budget``: each project's flag (False: the
    row says it uses no budget, ``ไม่ใช้งบประมาณ``); ``stated_total``: the section's
    total in baht when read surely, else None. ``(True, None)`` when every project
    that uses a budget has an amount and they add up to the total exactly;
    ``(False, why)`` when they add up to something else (a misread amount, or a row
    lost from the table: the document states no project count to compare with, the
    sum is the check); None when the section cannot tell (no sure total, an amount
    not read).

    >>> section_sum_confirms([Decimal(5), Decimal(7)], [True, True], Decimal(12))
    (True, None)
    >>> section_sum_confirms([Decimal(5), None], [True, True], Decimal(12)) is None
    True
    >>> section_sum_confirms([Decimal(5), Decimal(8)], [True, True], Decimal(12))[0]
    False
    >>> section_sum_confirms([Decimal(5)], [True], Decimal(12))[0]  # a row lost
    False
    """
    if not isinstance(stated_total, Decimal) or stated_total <= 0 or not amounts:
        return None
    total = Decimal(0)
    for amount, uses in zip(amounts, uses_budget, strict=True):
        if isinstance(amount, Decimal):
            total += amount
        elif uses is not False:
            return None  # a project's amount lost: the sum says nothing
    if total == stated_total:
        return True, None
    return False, f"the section's amounts add up to {total}, its total row says {stated_total}"


def section_adds_up(amounts: list[object], uses_budget: list[object], total: object) -> bool:
    """Whether two or more amounts as read add up exactly to the section's total as read.

    ``amounts``, ``uses_budget``: as :func:`section_sum_confirms` takes them; ``total``:
    the section's total in baht as read, doubtful or not (None: not read). A row with
    no amount read and its flag not read either (``ไม่ใช้งบประมาณ`` OCR glued to its
    name) does not stop the sum: adding up exactly, the others leave it no amount. One
    flagged as using a budget, its amount not read, does.

    >>> section_adds_up([Decimal(5), Decimal(7)], [True, True], Decimal(12))
    True
    >>> section_adds_up([Decimal(12)], [True], Decimal(12))
    False
    >>> section_adds_up([Decimal(5), None], [True, False], Decimal(5))
    False
    >>> section_adds_up([Decimal(5), None, Decimal(7)], [True, None, True], Decimal(12))
    True
    >>> section_adds_up([Decimal(5), None, Decimal(7)], [True, True, True], Decimal(12))
    False
    """
    read = [a for a in amounts if isinstance(a, Decimal)]
    if len(read) < 2 or not isinstance(total, Decimal) or total <= 0:
        return False
    if any(not isinstance(a, Decimal) and u is True
           for a, u in zip(amounts, uses_budget, strict=True)):
        return False
    return sum(read, Decimal(0)) == total
