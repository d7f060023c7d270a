"""A plan section's one misread amount, worked out from its total and the other amounts.

Stage: normalize (a helper of :mod:`bma_etl.normalize.trust`), for plans read by OCR
in Thai digits. Debian's ``tha`` model has no ``๔ ๖ ๗ ๘ ๙``: the glyph reader
(:mod:`bma_etl.read.ocr_thai_digits`) reads a number again and replaces Tesseract's
reading only when every digit reads surely, so a reading that holds one of those five
digits is the glyph reader's sure one, a reading read alike by both
(:func:`~.trust_doubts.read_alike`) is two readers', and a reading of ``๐ ๑ ๒ ๓ ๕``
alone that neither vouches for is Tesseract's alone: where the page printed a digit
the model lacks, it read another one (``๕๒๗,๔๐๐`` as ``๕๒๓,๕๐๐``, ``๙๑๕,๐๐๐`` as
``«๑๑๕,๐๐๐``). One such amount in a section left every amount of it NULL, the sum
no longer coming out.

When a section's total and every amount but one are vouched for
(:func:`vouched`), and every project that uses a budget has an amount read, the
one amount is what the total leaves: :func:`solve_section` gives it when it agrees
with what OCR read of it, the same count of digits with one or two of them other,
each a digit the model lacks on the page's side (the way Tesseract misreads). Then
the other amounts and the total are loaded (the sum confirms them), and the one is
loaded as computed, derived, with an ``ocr_amount_from_total`` warning quoting what
OCR read. Two amounts Tesseract read alone in one section are two unknowns of one
sum: nothing is solved, they stay NULL as before; a remainder that does not agree
with the reading (a row lost from the table, a vouched amount misread) solves
nothing either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from bma_etl.document import Finding
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow

__all__ = ["LACKED", "digits_apart", "load_solved", "solve_section", "solved_sections",
           "vouched"]

#: The digits (Arabic) Debian's ``tha`` model lacks: ``๔ ๖ ๗ ๘ ๙``.
LACKED = frozenset("46789")
#: The reason :func:`~.trust_doubts.doubt_of` gives Thai digits, the only doubt a reading
#: the glyph reader gave may have.
THAI_DIGITS_REASON = "Thai digits, which the OCR model cannot all read"
#: At most this many digits of a reading may differ from the amount the total leaves.
MAX_APART = 2
_THAI_LACKED = re.compile("[\u0e54\u0e56\u0e57\u0e58\u0e59]")
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")


def vouched(raw: str | None, reason: str | None, alike: bool) -> bool:
    """Whether a value OCR read as ``raw`` is vouched for by a second reading.

    ``reason``: why it is doubtful (None: it is not); ``alike``: Tesseract and the glyph
    reader read its Thai digits alike. A reading whose only doubt is its Thai digits and
    which holds a digit the model lacks is the glyph reader's sure reading.

    >>> vouched("\u0e52\u0e59\u0e54", THAI_DIGITS_REASON, False)
    True
    >>> vouched("\u0e52\u0e55\u0e53", THAI_DIGITS_REASON, False)
    False
    """
    if reason is None or alike:
        return True
    return reason == THAI_DIGITS_REASON and bool(_THAI_LACKED.search(raw or ""))


def digits_apart(value: Decimal, raw: str) -> list[tuple[str, str]] | None:
    """The ``(digit of value, digit read)`` pairs where ``raw`` reads ``value`` otherwise.

    ``raw``: the text OCR read (Thai or Arabic digits, commas, a point, a stray sign);
    its digits are compared with ``value``'s, in baht, written with the satang when
    either has them. None when they are not as many digits (a digit lost or added:
    which one cannot be told).

    >>> digits_apart(Decimal("527400"), "\u0e55\u0e52\u0e53,\u0e55\u0e50\u0e50")
    [('7', '3'), ('4', '5')]
    >>> digits_apart(Decimal("2364800.50"), "2,364,800.50")
    []
    >>> digits_apart(Decimal("915000"), "15,000") is None
    True
    """
    read = re.sub("[^0-9]", "", to_arabic_digits(raw))
    whole, satang = f"{value:.2f}".split(".")
    satang_read = re.search(r"[.,]\s*[0-9\u0e50-\u0e59]{2}\s*$", raw.rstrip(".- "))
    want = whole + satang if satang != "00" or satang_read else whole
    if len(want) != len(read):
        return None
    return [(w, r) for w, r in zip(want, read, strict=True) if w != r]


def solve_section(amounts: Sequence[object], readings: Sequence[str | None],
                  sure: Sequence[bool], uses_budget: Sequence[object], total: object,
                  total_sure: bool) -> tuple[int, Decimal] | None:
    """The one amount of a section the total leaves, when the arithmetic pins it.

    ``amounts``: each project's ``budget_thb`` in baht as read (None: not read);
    ``readings``: the text OCR read for each; ``sure``: whether each is vouched for
    (:func:`vouched`); ``uses_budget``: each project's flag (False: no budget);
    ``total``, ``total_sure``: the section's stated total as read and whether it is
    vouched for. ``(index, amount)`` when every project that uses a budget has an
    amount, the total is vouched for, exactly one amount is not (read in Thai digits),
    and the total less the
    others is a positive amount in satang that OCR's reading of it gives with one or
    two digits the model lacks read as others (:func:`digits_apart`); else None.

    >>> solve_section([Decimal(8745000), Decimal(523500)],
    ...               ["\u0e58,\u0e57\u0e54\u0e55,\u0e50\u0e50\u0e50",
    ...                "\u0e55\u0e52\u0e53,\u0e55\u0e50\u0e50"], [True, False], [True, True],
    ...               Decimal(9272400), True)
    (1, Decimal('527400'))
    >>> solve_section([Decimal(8745000), Decimal(523500)], ["", ""], [False, False],
    ...               [True, True], Decimal(9272400), True) is None
    True
    """
    if not isinstance(total, Decimal) or total <= 0 or not total_sure:
        return None
    if any(not isinstance(a, Decimal) and u is not False
           for a, u in zip(amounts, uses_budget, strict=True)):
        return None
    unsure = [i for i, (a, s) in enumerate(zip(amounts, sure, strict=True))
              if isinstance(a, Decimal) and not s]
    if len(unsure) != 1 or not _THAI_DIGIT.search(readings[unsure[0]] or ""):
        return None  # an Arabic reading's digits are not misread the Thai model's way
    at = unsure[0]
    left = total - sum((a for i, a in enumerate(amounts)
                        if i != at and isinstance(a, Decimal)), Decimal(0))
    if left <= 0 or left != left.quantize(Decimal("0.01")) or left == amounts[at]:
        return None
    apart = digits_apart(left, readings[at] or "")
    if not apart or len(apart) > MAX_APART or any(w not in LACKED for w, _ in apart):
        return None
    return at, left


#: One value of the page as :func:`solved_sections` takes it: ``(row, field, value as
#: read, reading, vouched for)``.
Found = tuple[NormalizedRow, str, object, str | None, bool]


def solved_sections(rows: Sequence[NormalizedRow], found: Sequence[Found]
                    ) -> tuple[set[int], dict[int, Decimal]]:
    """The values of ``found`` a solved section confirms, and the amounts it solves.

    ``rows``: the document's rows; ``found``: its values OCR read. Each section with
    one total row (two tables of one section: which total is whose is not told) is
    given to :func:`solve_section`. Returns the indexes in ``found`` of the section's
    amounts and total (the solved one among them), and ``{index: amount}`` of the
    solved ones.
    """
    where = {(id(row), field): i for i, (row, field, *_) in enumerate(found)}
    confirmed: set[int] = set()
    solved: dict[int, Decimal] = {}
    sections = [r for r in rows if r.table == "plan_sections"]
    for head in sections:
        tag = head.values.get("section")
        if sum(r.values.get("section") == tag for r in sections) != 1:
            continue
        run = [r for r in rows if r.table == "plan_projects" and r.values.get("section") == tag]
        at = [where.get((id(r), "budget_thb")) for r in run]
        t = where.get((id(head), "stated_total_thb"))
        if t is None or not run:
            continue
        got = solve_section(
            [None if i is None else found[i][2] for i in at],
            [None if i is None else found[i][3] for i in at],
            [i is None or found[i][4] for i in at],
            [r.values.get("uses_budget") for r in run], found[t][2], found[t][4])
        if got is not None and (one := at[got[0]]) is not None:
            confirmed.update(i for i in (*at, t) if i is not None)
            solved[one] = got[1]
    return confirmed, solved


def load_solved(normalized: Normalized, row: NormalizedRow, prov: ProvenanceRow,
                amount: Decimal) -> None:
    """Load a project's ``amount`` (baht) worked out from its section's total (in place).

    ``prov``: where OCR read the amount it misread; its provenance is kept, derived, with
    a note, and an ``ocr_amount_from_total`` warning quotes the reading. The section's
    computed total, when stated, is the sum with the amount solved.
    """
    was = row.values.get("budget_thb")
    row.values["budget_thb"] = amount
    note = (f"computed from its section's total less the other amounts: OCR read "
            f"{prov.raw_text!r}")
    normalized.provenance[:] = [p._replace(derived=True, note=note) if p is prov else p
                                for p in normalized.provenance]
    line = f"line {prov.line_no}: " if prov.line_no else ""
    normalized.findings.append(Finding(
        row.table, row.ordinal, "budget_thb", "warning", "ocr_amount_from_total",
        f"{line}OCR read {prov.raw_text!r}, digits its model lacks read as others; "
        f"loaded as {amount}, the section's total less its other amounts"))
    for head in normalized.rows:
        total = head.values.get("computed_total_thb")
        if head.table == "plan_sections" and isinstance(total, Decimal) \
                and isinstance(was, Decimal) \
                and head.values.get("section") == row.values.get("section"):
            head.values["computed_total_thb"] = total - was + amount
