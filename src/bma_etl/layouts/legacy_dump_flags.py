"""The flag cells' words a reading-order dump mixes into a progress form's report table.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_dump_order`, not a layout).
A reading-order dump (``pdftotext`` without ``-layout``) of a print whose flag
cells (``: เป็นไปตามแผน``, ``: ไม่เป็นไปตามเป้าหมาย``) wrap in a narrow column writes
their lines where their blocks fell: alone between a narrative's lines, glued to
the end of a row's line (``…เรียบร้อย :: : เป็นไป``, ``(ครั้งที่ 4) ไปตาม``), two
flags' lines side by side (``: เป็นไป : ไม่เป็นไป`` / ``ตามแผน ตามเป้า``). These
helpers tell such words, and which a row may keep as its own.
"""

from __future__ import annotations

import re

from bma_etl.document import Raw, RawRow, RepairedText
from bma_etl.layouts.legacy_flags import PLAN_FLAG
from bma_etl.layouts.legacy_values import BUDGET_LABEL

#: A flag cell's words, whole or a wrap's piece (``: เป็นไป``, ``ตามเป้า``, ``หมาย``,
#: ``เป็นไปตามแผน : ไม่เป็นไปตาม``); ``เป้ำ``: ``เป้ า`` a dump spaced, repaired.
FLAG_PIECE = re.compile(r"^(?:[\s:]|ไม่|เป็น|ไป|ตาม|แผน|เป้[าำ]|หมาย)+$")
#: A flag's opening glued to the end of a narrative's line (``…เรียบร้อย :: : เป็นไป``).
FLAG_END = re.compile(
    r"(?:\s*:+\s*(?:ไม่)?เป็น(?:ไป)?(?:ตาม)?(?:แผน|เป้[าำ](?:หมาย)?)?)+\s*$")
#: A flag's last words after a line's own, a space between (``…ดำเนินการอบรม แผน``).
_FLAG_TAIL = re.compile(r"\s(?:ไป)?(?:ตาม)?(?:แผน|เป้[าำ](?:หมาย)?|หมาย)\s*$", re.MULTILINE)
#: A flag of each kind after its colon, in a report's cells joined without white space
#: (the target's ``เป้า`` alone: a wrap or a dump's space may cut ``หมาย`` off, ``เป้ำ``
#: is ``เป้ า`` repaired).
ON_PLAN = re.compile(":" + PLAN_FLAG)
ON_TARGET = re.compile(r":(?:ไม่)?เป็นไปตามเป้[าำ]")
#: A flag's opening its last words (``แผน``, ``เป้า``) do not end before the next colon.
_CUT_OPENING = re.compile(r":\s*(?:ไม่)?เป็น(?:ไป)?(?:ตาม)?\s*:")
#: Another column's text left in a narrative: a flag's words after a colon, a percent,
#: the budget's label, an amount in baht after ``=``.
_NOT_NARRATIVE = re.compile(
    rf":\s*(?:ไม่)?เป็นไป|[0-9๐-๙]\s*%|{BUDGET_LABEL}|=\s*[0-9๐-๙][0-9๐-๙,.]*\s*บาท")
#: A flag's words a dump glued after a budget's label or amount (``(ครั้งที่ 4) ไปตาม``,
#: ``(ครั้งที่ 5) ตามแผน``): cut, the amount on the next line then joins its label.
FLAG_AFTER_VALUE = re.compile(r"(?<=[)=ท])(?:\s+(?:[:]|ไม่|เป็น|ไป|ตาม|แผน|เป้[าำ]|หมาย)+)+\s*$")
_SPACE = re.compile(r"\s+")
#: Whole flags, each after its colon (``: เป็นไปตามแผน : ไม่เป็นไปตามเป้าหมาย``).
_WHOLE_FLAGS = re.compile(r"(?:\s*:\s*(?:ไม่)?เป็นไปตาม\s*(?:แผน|เป้าหมาย)\s*)+")


def is_flag_piece(text: str) -> bool:
    """Whether ``text`` holds a flag cell's words only (at least one word)."""
    return bool(FLAG_PIECE.match(text)) and bool(text.strip(" :\t\n"))


def cut_flag_piece(text: str) -> bool:
    """Whether ``text`` is a flag cell's words only, and not whole flags.

    ``: เป็นไป``, ``หมาย``, ``เป็นไปตามแผน : ไม่เป็นไปตาม``: a flag's lines the dump set
    apart; ``: เป็นไปตามแผน`` in a cell of its own is a flag column's cell.
    """
    return is_flag_piece(text) and not _WHOLE_FLAGS.fullmatch(text)


def side_by_side(text: str) -> bool:
    """Whether a flag cell's ``text`` holds two flags' lines side by side.

    ``: เป็นไป : ไม่เป็นไป`` (then ``ตามแผน ตามเป้า``): a flag's opening cut before its
    last word by the next flag's colon.
    """
    return is_flag_piece(text) and bool(_CUT_OPENING.search(text))


def own_flags(texts: list[str], mixed: bool) -> bool:
    """Whether a row's cells' ``texts`` hold one flag of each kind and no other.

    Only then are they the row's own: a flag's words among its narrative (``mixed``),
    two of a kind (another row's moved in) or one alone (its other moved out) are not.
    """
    joined = _SPACE.sub("", "".join(texts))
    return not mixed and len(ON_PLAN.findall(joined)) == 1 \
        and len(ON_TARGET.findall(joined)) == 1


def clean_narrative(doc: RepairedText, row: RawRow, mixed: bool) -> None:
    """A row's narrative without the flag cells' words a dump set among its lines.

    A piece that is a flag's words only goes; a flag's opening at a piece's end is cut
    (``…เรียบร้อย :: : เป็นไป``). When another column's text remains (a flag's words
    after a colon, a percent, the budget's label; in a row whose flag's words stood
    among its lines, ``mixed``, a flag's last words after a line's own, ``… แผน``) the
    narrative is NULL.
    """
    pieces = row.fields.get("detail")
    if not isinstance(pieces, list):
        return
    kept: list[Raw] = []
    for piece in pieces:
        if is_flag_piece(piece.text):
            continue
        end = FLAG_END.search(piece.text)
        if end is not None:
            cut = doc.sub_raw(piece, 0, end.start())
            if cut is None:
                continue
            piece = cut
        kept.append(piece)
    if not kept or any(_NOT_NARRATIVE.search(p.text) or (mixed and _FLAG_TAIL.search(p.text))
                       for p in kept):
        row.fields.pop("detail", None)
    else:
        row.fields["detail"] = kept
