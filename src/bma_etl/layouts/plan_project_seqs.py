"""A scanned plan's project numbers OCR misread: NULL with an issue, never another number.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
Tesseract's Thai model reads ``๔`` as ``๕`` (and ``๓`` as ``๘``, ``๑`` as ``๗``) in a
project table's number column: a table ``๑ ๒ ๓ ๔ ๕`` reads ``๑ ๒ ๓ ๕ ๕``. The
table's readers keep such a row apart (after a whole row any number opens the
next, :mod:`.plan_plain_rows`); its number is then the only thing wrong. A table's
rows are numbered one by one, so a row's number is borne out when another row of
the same list reads the number their places say (row 2 reads ``๒`` and row 5
``๕``: both are); the first row's ``๑`` opens a list. A number nothing bears out
is NULL, with an ``ocr_doubtful_value`` finding (:func:`doubt_unborne_seqs`).
"""

from __future__ import annotations

from bma_etl.layouts.base import Finding, Raw, RawRow
from bma_etl.layouts.plan_cells import DIGITS_RE
from bma_etl.layouts.plan_values import to_int

__all__ = ["doubt_unborne_seqs"]


def _number(value: object) -> int | None:
    """The number a ``seq`` field read (None: not read, derived, or not a number)."""
    if not isinstance(value, Raw) or DIGITS_RE.fullmatch(value.text.strip()) is None:
        return None
    return to_int(value.text)


def _lists(rows: list[RawRow]) -> list[list[RawRow]]:
    """``plan_projects`` rows cut into numbered lists: a new one at a ``1`` or a new section.

    A section's rows share one ``section`` value (the same object: its heading's).
    """
    out: list[list[RawRow]] = []
    for row in rows:
        if row.table != "plan_projects":
            continue
        section = row.fields.get("section")
        opens = _number(row.fields.get("seq")) == 1
        if not out or opens or out[-1][0].fields.get("section") is not section:
            out.append([row])
        else:
            out[-1].append(row)
    return out


def unborne(read: list[int | None]) -> set[int]:
    """The places of a list whose number read no other place bears out.

    ``read``: each row's number as read (None: not read), in the order printed.
    Place ``k`` is borne out by place ``j`` when ``read[j] - read[k] == j - k``; the
    first place reading ``1`` is borne out by itself.

    >>> sorted(unborne([1, 2, 3, 5, 5])), sorted(unborne([1, 2, None, 4])), sorted(unborne([1, 5]))
    ([3], [], [1])
    """
    out: set[int] = set()
    for k, got in enumerate(read):
        if got is None or (k == 0 and got == 1):
            continue
        if not any(other is not None and j != k and other - got == j - k
                   for j, other in enumerate(read)):
            out.add(k)
    return out


def doubt_unborne_seqs(rows: list[RawRow], findings: list[Finding]) -> None:
    """Set to None, in place, each OCR'd project number its list does not bear out.

    ``rows``: an OCR'd plan's raw rows (only ``plan_projects`` are looked at), in
    document order; a list is cut at a row reading ``1`` and where ``section``
    changes (:func:`unborne`). Each number set to None adds an ``ocr_doubtful_value``
    finding to ``findings`` naming what OCR read. Call it only for an OCR'd page.
    """
    for items in _lists(rows):
        read = [_number(row.fields.get("seq")) for row in items]
        if sum(got is not None for got in read) < 2:
            continue  # one number alone: nothing to bear it out or to doubt it by
        for k in sorted(unborne(read)):
            items[k].fields["seq"] = None
            findings.append(Finding(
                "plan_projects", items[k].ordinal, "seq", "warning", "ocr_doubtful_value",
                f"OCR read the project number {read[k]}, which no other number of its "
                "list bears out (a digit misread, ๔ read as ๕): not loaded"))
