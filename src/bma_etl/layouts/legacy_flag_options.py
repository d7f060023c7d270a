"""A legacy form that prints both options of a flag, to be ticked by hand.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Some offices print the plan's and the target's flags as two boxes each
(``☐ เป็นไปตามแผน`` / ``☐ ไม่เป็นไปตามแผน``) and tick one with a pen. The words of
both options are then on the page; only the tick says which holds. A text layer
gives the boxes as marks (:func:`~bma_etl.layouts.legacy_flags.ticked_flags` reads
those); on a scan OCR reads a box and a tick as specks (``[7``, ``ม``, ``]``) that
say nothing sure about which box was ticked. The words alone would give the
first option read, whatever was ticked: such a flag is NULL with an
``ambiguous_value`` issue (:func:`without_unticked_flags`), never a guess.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Extraction, Finding, Raw, RawRow
from bma_etl.layouts.legacy_detail_flags import without_flag_details
from bma_etl.layouts.legacy_flags import TICKS
from bma_etl.matchkey import key

#: Each flag's affirmative words (key form), by column.
_WORDS = (("on_plan", key("เป็นไปตามแผน")), ("on_target", key("เป็นไปตามเป้าหมาย")))
_NEGATION = key("ไม่")
#: The words every option opens with, affirmative or negative.
_OPENING = key("เป็นไป")


def printed_options(text: str, ocr: bool = True) -> list[str]:
    """The flag columns whose two options (affirmative and negative) ``text`` prints.

    ``☐ เป็นไปตามแผน ☐ ไม่เป็นไปตามแผน : เป็นไปตามเป้าหมาย`` → ``["on_plan"]``; both
    columns when ``เป็นไป`` opens more than two flags' words in ``text`` (an option OCR
    garbled: ``เป็นไปตาม (เป้าหมาย ไม่เป็นไปตามเป้าหมาย``, on an OCR'd page only: ``ocr``;
    typed words that open so, ``เป็นไปด้วยดี``, are no option); none when ``text`` has a
    tick mark (:data:`~bma_etl.layouts.legacy_flags.TICKS`): the ticked box then says
    which option holds.
    """
    if any(tick in text for tick in TICKS):
        return []
    folded = key(text)
    if ocr and folded.count(_OPENING) > 2:  # more flags' openings than the two flags: options
        return [column for column, _ in _WORDS]  # (``เป็นไปตาม (เป้าหมาย``, one garbled)
    out = []
    for column, words in _WORDS:
        found = [m.start() for m in re.finditer(re.escape(words), folded)]
        negative = [at for at in found if folded[:at].rstrip(" \t").endswith(_NEGATION)]
        if negative and len(found) > len(negative):
            out.append(column)
    return out


def without_unticked_flags(rows: list[RawRow], texts: list[str], out: Extraction,
                           ocr: bool = True) -> None:
    """Take out, in place, each row's flags whose two options its text prints untold.

    ``texts``: each report's cells joined, row for row; ``ocr``: the page was OCR'd.
    A flag read from such a row (its first option's words) is dropped, and a finding
    added for it: the form
    printed both options and which one was ticked is not in the text. A row whose
    detail holds a flag's words on a line of their own loses its detail too
    (:func:`.legacy_detail_flags.without_flag_details`).
    """
    for row, text in zip(rows, texts, strict=True):
        detail = row.fields.get("detail")
        pieces = detail if isinstance(detail, list) else [detail] if isinstance(detail, Raw) \
            else []
        for piece in pieces:  # the narrative's words are no option printed
            text = text.replace(piece.text, " ")
        for column in printed_options(text, ocr):
            row.fields.pop(column, None)
            out.findings.append(Finding(
                "progress_updates", row.ordinal, column, "warning", "ambiguous_value",
                f"report {row.ordinal}: the form prints both options of {column} (to be "
                "ticked) and which one is ticked could not be read: not loaded"))
    without_flag_details(rows, out)
