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
Where OCR lost a mark and left another word (``เมืองนอง`` for ``เมืองน้อง``), spelling
cannot tell; the copies in two other tables agreeing on one mending can.
So, too, each name of an indicator table's cell (``plan_indicators.name``, a target
row per year carrying it): a name there misread takes the spelling of its copies
over the scoring tables and in the definitions, the names of the cell mended one by
one and joined again as read.

Only on an OCR'd page: a text layer prints each copy as the writer typed it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from bma_etl.layouts.base import Derived, FieldValue, Raw, RawRow, RepairedText
from bma_etl.normalize.text import clean_text
from bma_etl.read.ocr_words import reading_cost
from bma_etl.unwrap import unwrapped_text

__all__ = ["agree_level_names", "copies_of", "name_text"]

#: Most characters a copy of the name may mend inside it: two copies of one name
#: further apart are two names.
EDITS_MAX = 4
#: How much cheaper (``-log10`` units) a copy with as many letters no word covers
#: must read to be taken: a hundred times likelier.
COST_MARGIN = 2.0
#: The copies a table's names are compared with, by table: ``table: ((table, field), ...)``.
_COPIES = {
    "plan_scoring_levels": (("plan_kpi_definitions", "indicator"), ("plan_indicators", "name")),
    "plan_indicators": (("plan_kpi_definitions", "indicator"), ("plan_scoring_levels",
                                                                "indicator")),
}
#: The field holding the indicator's name, by table.
_NAME_FIELD = {"plan_scoring_levels": "indicator", "plan_indicators": "name"}
#: Where the name was read, by table (the note of a mended value).
_WHERE = {"plan_scoring_levels": "over its scoring table",
          "plan_indicators": "in its target table"}
#: The dash between the names of one indicator cell (``... - ระดับความสำเร็จ...``).
_LIST_SEP_RE = re.compile(r"\s[-–]\s")


def name_text(value: FieldValue) -> str | None:
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


def _copy_of(name: str, copies: list[tuple[str, str]]) -> str | None:
    """``name`` as other copies spell it better, or None (``name`` as read is as likely).

    ``copies``: ``(name, table it was read in)``. A mending is taken when it spells
    better, or when copies in two other tables give it and it spells no worse (two
    readings of the name apart agree on a mark OCR lost here: ``น้อง`` read ``นอง``,
    both words).
    """
    near: dict[str, set[str]] = {}
    for copy, table in copies:
        if copy != name and (m := _mended(name, copy)) is not None:
            near.setdefault(m, set()).add(table)
    if not near:
        return None
    lost, cost = reading_cost(name)
    best = min(near, key=reading_cost)
    best_lost, best_cost = reading_cost(best)
    if best_lost < lost or (best_lost == lost and best_cost + COST_MARGIN <= cost):
        return best
    agreed = [m for m, tables in near.items() if len(tables) > 1]
    if len(agreed) == 1 and reading_cost(agreed[0])[0] <= lost:
        return agreed[0]
    return None


def _copies(rows: list[RawRow], table: str) -> list[tuple[str, str]]:
    """``(name, table read in)`` of the names :data:`_COPIES` gives ``table``, cells split."""
    return copies_of(rows, *_COPIES[table])


def copies_of(rows: list[RawRow], *fields: tuple[str, str]) -> list[tuple[str, str]]:
    """``(name, table read in)`` of every name ``rows`` hold in a ``(table, field)``.

    ``fields``: the ``(table, field)`` pairs looked at; a cell's names (joined by
    `` - ``) are given one by one.
    """
    copies: list[tuple[str, str]] = []
    for row in rows:
        for other, field in fields:
            if row.table == other and (text := name_text(row.fields.get(field))) is not None:
                copies.extend((part.strip(), other) for part in _LIST_SEP_RE.split(text)
                              if part.strip())
    return copies


def _cell_copy(cell: str, copies: list[tuple[str, str]]) -> str | None:
    """Names of one cell ``cell`` each as another copy spells it better; None if none is."""
    parts = _LIST_SEP_RE.split(cell)
    seps = _LIST_SEP_RE.findall(cell)
    better = [_copy_of(part, copies) for part in parts]
    if all(b is None for b in better):
        return None
    mended = [b if b is not None else part for part, b in zip(parts, better, strict=True)]
    return "".join(part + sep for part, sep in zip(mended, [*seps, ""], strict=True))


def agree_level_names(doc: RepairedText, rows: list[RawRow]) -> None:
    """Give, in place, scoring levels and target rows the best-spelled copy of their name.

    ``rows`` are a plan's rows of every table; only ``plan_scoring_levels.indicator``
    and ``plan_indicators.name`` change, and only on an OCR'd page (see the module).
    Each table is compared with the other tables' names as OCR read them.
    """
    if not doc.ocr_used:
        return
    copies = {table: _copies(rows, table) for table in _COPIES}
    for table, field in _NAME_FIELD.items():
        if copies[table]:
            _agree(rows, table, field, copies[table])


def _agree(rows: list[RawRow], table: str, field: str, copies: list[tuple[str, str]]
           ) -> None:
    """Field ``field`` of ``table``'s rows, in place, as :func:`_cell_copy` mends it."""
    chosen: dict[str, str | None] = {}
    for row in rows:
        if row.table != table:
            continue
        value = row.fields.get(field)
        name = name_text(value)
        if name is None:
            continue
        if name not in chosen:
            chosen[name] = _cell_copy(name, copies)
        better = chosen[name]
        if better is not None:
            span = value.span if isinstance(value, Raw) else (
                value.evidence if isinstance(value, Derived) else value[0].span
                if isinstance(value, list) else None)
            row.fields[field] = Derived(
                better, f"the indicator's name as printed elsewhere in the plan: "
                f"OCR read {name!r} {_WHERE[table]}", span)
