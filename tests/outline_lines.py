"""A project's four strategy lines written from known outline numbers, as OCR'd rows.

Shared by the tests of the strategy outline's checks (:mod:`test_ocr_outline_numbers`,
:mod:`test_ocr_issue_names`): the lines are written as a progress-history page prints
them (``ด้านที่ ๑ – …``, ``๑.๔ - …``, ``๑.๔.๒ …``, ``๑.๔.๒.๓ …``) and put in one
normalised ``projects`` row with the provenance OCR gives it, for
:func:`bma_etl.normalize.trust_outline.drop_outline_misreads`.
"""

from __future__ import annotations

from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def thai(n: int) -> str:
    """``n`` (a whole number >= 0) in Thai digits: ``12`` -> ``๑๒``."""
    return "".join(THAI_DIGITS[int(d)] for d in str(n))


def strategy_lines(parts: list[str], names: tuple[str, ...], dash: str = " – "
                   ) -> dict[str, str]:
    """The four strategy lines (field -> line) of the outline ``parts``.

    ``parts``: the four levels' numbers as printed (``["๑", "๔", "๒", "๓"]``);
    ``names``: the texts after the issue's, sub-issue's, goal's and indicator's
    numbers; ``dash``: what stands between the issue's number and its name.
    """
    return {"strategy_issue": f"ด้านที่ {parts[0]}{dash}{names[0]}",
            "strategy_sub_issue": f"{'.'.join(parts[:2])} - {names[1]}",
            "strategy_goal": f"{'.'.join(parts[:3])} {names[2]}",
            "strategy_indicator": f"{'.'.join(parts[:4])} {names[3]}"}


def outline_row(values: dict[str, str]) -> Normalized:
    """``values`` (field -> line) as one normalised ``projects`` row read by OCR: each
    field's provenance on page 1, lines 21 on in order, OCR confidence 90."""
    row = NormalizedRow("projects", None, dict(values))
    provenance = [ProvenanceRow("projects", None, field, 1, 21 + i, None, None, value,
                                False, True, confidence=90.0)
                  for i, (field, value) in enumerate(values.items())]
    return Normalized(rows=[row], provenance=provenance)
