"""An indicator's name a scan's OCR read otherwise in its scoring table than elsewhere.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
An action plan prints each indicator's name several times: in the indicator table
(``ตัวชี้วัด``, several names of a cell joined by `` - ``), over its scoring table
(``ระดับคะแนน``: the name every level of it carries) and in its definition
(``นิยาม/คำอธิบายตัวชี้วัด``). OCR reads each copy apart and may misread a letter or
a mark in one (``เมืองพิเมืองน้อง``, ``ความสำเร็ง``, ``โตดเด่น``): the scoring table's
copy then carries the misreading into each of its five levels. Where another copy
of the name is a few letters from it (:data:`EDITS_MAX`) and spells better
(:func:`~bma_etl.read.ocr_words.reading_cost`: fewer letters no word of the list
covers, or far commoner words, :data:`COST_MARGIN`), the scoring levels carry that
copy (a :class:`~bma_etl.document.Derived` value quoting what OCR read there).

Only on an OCR'd page: a text layer prints each copy as the writer typed it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from bma_etl.layouts.base import Derived, FieldValue, Raw, RawRow, RepairedText
from bma_etl.normalize.text import clean_text
from bma_etl.read.ocr_words import reading_cost
from bma_etl.unwrap import unwrapped_text

__all__ = ["agree_level_names"]

#: Most characters a copy of the name may mend inside it: two copies of one name
#: further apart are two names.
EDITS_MAX = 4
#: How much cheaper (``-log10`` units) a copy with as many letters no word covers
#: must read to be taken: a hundred times likelier.
COST_MARGIN = 2.0
#: The copies to compare with, by table: ``(table, field)``.
_COPIES = (("plan_kpi_definitions", "indicator"), ("plan_indicators", "name"))
#: The dash between the names of one indicator cell (``... - ระดับความสำเร็จ...``).
_LIST_SEP_RE = re.compile(r"\s[-–]\s")


def _text(value: FieldValue) -> str | None:
    """A name field's text as the normalize stage makes it; None when it holds none."""
    if isinstance(value, Raw):
        return clean_text(unwrapped_text(value.text))
    if isinstance(value, Derived):
        return value.value if isinstance(value.value, str) else None
    if isinstance(value, list) and value:
        return clean_text(unwrapped_text(" ".join(part.text for part in value)))
    return None


def _mended(name: str, copy: str) -> str | None:
    """``name`` with the letters it differs from ``copy`` by inside it taken from ``copy``.

    Only the stretches between the first and last letters both share are taken (a
    copy cut at its head, ``ความสำเร็จ…`` for ``ระดับความสำเร็จ…``, or run on at its end,
    still mends the middle), and those that differ only in white space are left as
    read. None when nothing is taken or more than :data:`EDITS_MAX` characters would be.
    """
    ops = SequenceMatcher(None, name, copy, autojunk=False).get_opcodes()
    while ops and ops[0][0] != "equal":
        ops = ops[1:]
    while ops and ops[-1][0] != "equal":
        ops = ops[:-1]
    out: list[str] = []
    taken = 0
    for op, i1, i2, j1, j2 in ops:
        if op == "equal" or not (name[i1:i2] + copy[j1:j2]).strip():
            out.append(name[i1:i2])
            continue
        taken += max(i2 - i1, j2 - j1)
        out.append(copy[j1:j2])
    if not taken or taken > EDITS_MAX or not ops:
        return None
    return name[:ops[0][1]] + "".join(out) + name[ops[-1][2]:]


def _copy_of(name: str, copies: list[str]) -> str | None:
    """``name`` as another copy spells it better, or None (``name`` as read is as likely)."""
    near = {m for c in copies if c != name and (m := _mended(name, c)) is not None}
    if not near:
        return None
    lost, cost = reading_cost(name)
    best = min(near, key=reading_cost)
    best_lost, best_cost = reading_cost(best)
    if best_lost < lost or (best_lost == lost and best_cost + COST_MARGIN <= cost):
        return best
    return None


def agree_level_names(doc: RepairedText, rows: list[RawRow]) -> None:
    """Give, in place, the scoring levels the copy of their indicator's name that spells it best.

    ``rows`` are a plan's rows of every table; only ``plan_scoring_levels.indicator``
    changes, and only on an OCR'd page (see the module).
    """
    if not doc.ocr_used:
        return
    copies: list[str] = []
    for row in rows:
        for table, field in _COPIES:
            if row.table == table and (text := _text(row.fields.get(field))) is not None:
                copies.extend(part.strip() for part in _LIST_SEP_RE.split(text) if part.strip())
    if not copies:
        return
    chosen: dict[str, str | None] = {}
    for row in rows:
        if row.table != "plan_scoring_levels":
            continue
        value = row.fields.get("indicator")
        name = _text(value)
        if name is None:
            continue
        if name not in chosen:
            chosen[name] = _copy_of(name, copies)
        better = chosen[name]
        if better is not None:
            span = value.span if isinstance(value, Raw) else (
                value.evidence if isinstance(value, Derived) else value[0].span
                if isinstance(value, list) else None)
            row.fields["indicator"] = Derived(
                better, f"the indicator's name as printed elsewhere in the plan: "
                f"OCR read {name!r} over its scoring table", span)
