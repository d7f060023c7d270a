"""Digits at the end of a scanned project's name: the name's, or its amount's first ones.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_name_heads`, not a layout).
OCR may leave an amount's first digits on the name's line (``...พลเรือน ๒`` over
``๔๐๓,๕๐๐ บาท``): the budget is the digits put back before the rest
(:func:`amount_with`). But a name may end in a number of its own (``...ในซอยลาดกระบัง
3`` beside ``251,250``: a 1-bit 200 dpi scan of a long plan): when the budget cell
reads as a whole amount by itself, the row reads two ways, and putting the digits
back loaded 3,251,250 for 251,250 and cut the name's number. Such a row is decided
by its section's stated total (``รวมงบประมาณทั้งสิ้น``): when every other amount of
the section is read, the reading whose sum is the total wins (the digits the
name's, or the amount's); when some is not, amounts being never negative, the
digits are the name's when only the readings with them as the amounts' add up to
more than the total. Otherwise the budget is not loaded (NULL, with an
``ambiguous_value`` issue quoting both readings) and the name keeps the digits
the page prints in its cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import Derived, FieldValue, Finding, Raw, RawRow, RepairedText
from bma_etl.normalize.digits import parse_amount

__all__ = ["Piece", "amount_with", "settle_pieces", "two_readings"]

#: An amount's digits grouped by thousands, as a budget cell starts with them.
_GROUPED_RE = re.compile(r"^[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+(?:\.[0-9๐-๙]{2})?(?![0-9๐-๙,])")
_DIGITS_START_RE = re.compile(r"^\s*[0-9๐-๙,]")
#: A piece that may be a number ending the name (digits only, no misread letter).
_NAME_NUMBER_RE = re.compile(r"[0-9๐-๙]{1,3}")
#: A whole amount by itself: grouped by thousands, its first digit not zero.
_WHOLE_RE = re.compile(r"[1-9๑-๙][0-9๐-๙]{0,2}(?:,[0-9๐-๙]{3})+(?:\.[0-9๐-๙]{2})?")


@dataclass(slots=True)
class Piece:
    """A project row whose name ended in digits that may be its amount's first ones."""

    row: RawRow
    #: The name as read, with the digits; the name without them.
    full: FieldValue
    trimmed: FieldValue
    piece: str
    #: The budget cell as read (its amount whole by itself) and with the digits put back
    #: (None when they cannot start it: ``12`` before ``11,788,100``).
    alone: Raw
    joined: Derived | None
    alone_value: Decimal


def _decimal(text: str, ocr: bool) -> Decimal | None:
    try:
        return parse_amount(text, ocr=ocr)
    except NormalizeError:
        return None


def amount_with(doc: RepairedText, piece: str, value: FieldValue) -> FieldValue:
    """The budget cell ``value`` with the amount's first digits ``piece`` put back before it.

    Only digits grouped by thousands when put together give the amount (a
    :class:`~bma_etl.layouts.base.Derived` value quoting both parts); else the
    amount is not read (None: the budget read without its first digits would be
    wrong). ``value`` unchanged when it does not start with a digit.
    """
    if not isinstance(value, Raw) or not _DIGITS_START_RE.match(value.text):
        return value
    rest = value.text.strip()
    # the first group cut (``๑`` ``๔,๓๙๔,๓๐๐``) or the comma after it lost (``๒`` ``๔๐๓,๕๐๐``):
    # at most one of the two is an amount grouped by thousands
    whole = next((w for w in (piece + rest, f"{piece},{rest}") if _GROUPED_RE.match(w)), None)
    if whole is None:
        return None
    amount = _decimal(whole, doc.ocr_used)
    if amount is None:
        return None
    return Derived(amount, f"the amount's first digits {piece!r} read at the end of the name",
                   value.span)


def two_readings(doc: RepairedText, row: RawRow, full: FieldValue, trimmed: FieldValue,
                 piece: str) -> Piece | None:
    """The row as a :class:`Piece` when its budget cell is a whole amount by itself, else None.

    Its ``joined`` is None when the digits put back before the amount make no amount
    grouped by thousands: then the row reads one way only (the digits the name's).
    """
    alone = row.fields.get("budget_thb")
    if not isinstance(alone, Raw) or not _NAME_NUMBER_RE.fullmatch(piece) \
            or not _WHOLE_RE.fullmatch(alone.text.strip()):
        return None
    value = _decimal(alone.text, doc.ocr_used)
    if value is None:
        return None
    joined = amount_with(doc, piece, alone)
    return Piece(row, full, trimmed, piece, alone,
                 joined if isinstance(joined, Derived) else None, value)


def _section(row: RawRow) -> object:
    section = row.fields.get("section")
    return section.value if isinstance(section, Derived) else getattr(section, "text", None)


def _amount_of(row: RawRow, ocr: bool) -> Decimal | None:
    """A project's budget as the row holds it: 0 when it states none, None when unread."""
    uses = row.fields.get("uses_budget")
    budget = row.fields.get("budget_thb")
    if isinstance(uses, Derived) and uses.value is False and budget is None:
        return Decimal(0)
    if isinstance(budget, Derived):
        return budget.value if isinstance(budget.value, Decimal) else None
    return _decimal(budget.text, ocr) if isinstance(budget, Raw) else None


def _stated(rows: list[RawRow], section: object, ocr: bool) -> Decimal | None:
    for row in rows:
        if row.table == "plan_sections" and _section(row) == section:
            total = row.fields.get("stated_total_thb")
            if isinstance(total, Derived):
                return total.value if isinstance(total.value, Decimal) else None
            return _decimal(total.text, ocr) if isinstance(total, Raw) else None
    return None


def _decide(doc: RepairedText, rows: list[RawRow], pieces: list[Piece]) -> bool | None:
    """True: the digits are the amounts'; False: the names'; None: the total cannot tell."""
    section = _section(pieces[0].row)
    total = _stated(rows, section, doc.ocr_used)
    if total is None:
        return None
    ambiguous = {id(p.row): p for p in pieces}
    alone = joined = Decimal(0)
    unread = False
    for row in rows:
        if row.table != "plan_projects" or _section(row) != section:
            continue
        piece = ambiguous.get(id(row))
        if piece is not None:
            alone += piece.alone_value
            joined += piece.joined.value if piece.joined is not None \
                and isinstance(piece.joined.value, Decimal) else 0
            continue
        amount = _amount_of(row, doc.ocr_used)
        if amount is None:
            unread = True  # an amount not read: the sums bound, not equal, the total
            continue
        alone += amount
        joined += amount
    if unread:  # amounts are not negative: a reading whose sum exceeds the total is refuted
        return False if alone <= total < joined else None
    if (alone == total) == (joined == total):
        return None
    return joined == total


def settle_pieces(doc: RepairedText, rows: list[RawRow], pieces: list[Piece],
                  findings: list[Finding] | None) -> None:
    """Give each :class:`Piece`'s row the reading its section's total confirms (in place)."""
    by_section: dict[object, list[Piece]] = {}
    for piece in pieces:
        by_section.setdefault(_section(piece.row), []).append(piece)
    for group in by_section.values():
        verdict = _decide(doc, rows, group)
        for p in group:
            if verdict is True:
                p.row.fields["name"], p.row.fields["budget_thb"] = p.trimmed, p.joined
            elif verdict is False:
                p.row.fields["name"], p.row.fields["budget_thb"] = p.full, p.alone
            else:
                p.row.fields["name"], p.row.fields["budget_thb"] = p.full, None
                if findings is not None and p.joined is not None:
                    findings.append(Finding(
                        "plan_projects", None, "budget_thb", "warning", "ambiguous_value",
                        f"line {p.alone.span.line_no}: the amount reads {p.joined.value} (the "
                        f"digits {p.piece!r} ending the name its first) or {p.alone.text.strip()} "
                        "(the digits the name's), and the section's total tells neither: "
                        "not loaded"))
