"""A definition row whose indicator lost its opening ``ระดับ`` to the measure's end.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
A definition table printed flowing (:mod:`bma_etl.layouts.plan_flow_definitions`)
runs its measure (``มน. การส่งเสริม...``) into its indicator (``ระดับความสำเร็จใน...``).
On a scan OCR may misread the indicator's first word where the measure's line ends
(``... ต่างประเทศ ระ`` / ``ดับชั้นความสำเร็จ...``, ``... ในชุมชน 3 ดับ``,
``... เมืองน้อง ธะดับ``, ``... ต่างประเทศชะดับ``): the indicator was then found at ``ความสำเร็จ`` and the
remnant of ``ระดับ`` stayed on the measure.

Where the measure ends in such a remnant (a word holding ``ดับ``, with a sign or a
letter before it) and the indicator opens with ``ความสำเร็จ``, the name the plan
prints elsewhere (its target table, its scoring heading) decides: when a copy reads
``ระดับ`` and the indicator, the indicator carries that copy and the measure ends
before the remnant (both :class:`~bma_etl.document.Derived`, quoting what OCR read).
Without such a copy both stay as read.

Only on an OCR'd page: a text layer has its cells.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Derived, FieldValue, Raw, RawRow, RepairedText
from bma_etl.layouts.plan_name_copies import copies_of, name_text
from bma_etl.provenance import Span

__all__ = ["mend_indicator_heads"]

#: The indicator's opening word OCR broke, and the words it was read without.
_HEAD = "ระดับ"
_REST = "ความสำเร็จ"
#: The remnant of ``ระดับ`` at the measure's end: ``ดับ`` with up to two letters or signs
#: before it (``ธะดับ``, ``ระดับชั้น``: a speck read as letters after), as a word or
#: glued to the measure's last (``ต่างประเทศชะดับ``), or after a lone sign or letter
#: (``3 ดับ``).
_REMNANT_RE = re.compile(r"(?:\s+\S{1,2})?\s*\S{0,2}ดับ[\u0e01-\u0e4e]{0,4}$")


def mend_indicator_heads(doc: RepairedText, rows: list[RawRow]) -> None:
    """Give, in place, definition rows their indicator's ``ระดับ`` back from the measure.

    ``rows`` are a plan's rows of every table; only ``plan_kpi_definitions``'s
    ``measure`` and ``indicator`` change, and only on an OCR'd page (see the module).
    """
    if not doc.ocr_used:
        return
    copies = {name.lstrip("-– ") for name, _ in copies_of(
        rows, ("plan_indicators", "name"), ("plan_scoring_levels", "indicator"))}
    for row in rows:
        if row.table != "plan_kpi_definitions":
            continue
        measure = name_text(row.fields.get("measure"))
        indicator = name_text(row.fields.get("indicator"))
        if measure is None or indicator is None or not indicator.startswith(_REST):
            continue
        remnant = _REMNANT_RE.search(measure)
        if remnant is None or _HEAD + indicator not in copies:
            continue
        row.fields["indicator"] = Derived(
            _HEAD + indicator, f"the indicator's name as printed elsewhere in the plan: OCR "
            f"read {remnant.group().strip()!r} at the measure's end and {indicator!r}",
            _span(row.fields["indicator"]))
        row.fields["measure"] = Derived(
            measure[:remnant.start()], f"the measure without the indicator's opening word "
            f"OCR read at its end ({remnant.group().strip()!r})", _span(row.fields["measure"]))


def _span(value: FieldValue) -> Span | None:
    """The span a field's value was read at (its first piece's), or None."""
    if isinstance(value, Raw):
        return value.span
    if isinstance(value, Derived):
        return value.evidence
    if isinstance(value, list) and value:
        return value[0].span
    return None
