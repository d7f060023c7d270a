"""The labels of a progress-history entry (``** ปัญหาของโครงการ :``, ``** อุปสรรคของโครงการ :``).

Stage: extract (a helper of :mod:`bma_etl.layouts.history_entries`, not a layout).
Matches an entry's problem and obstacle labels as printed (:data:`ENTRY_LABEL_RES`)
and as OCR reads them (:data:`OCR_ENTRY_LABELS`: specks before the line, the ``:``
misread; :func:`approx_entry_label`: a letter of the label misread too), giving the
column and where the value starts, and a label of no field (:data:`OTHER_ENTRY_LABEL`).
Never guesses: a label read past matching is none.
"""

from __future__ import annotations

import re

from bma_etl.matchkey import KeyRegex, key, key_map, past_marks

#: Specks OCR reads before a line (``“ อุปสรรค…`` for ``** อุปสรรค…``).
OCR_LEAD = r"^[\W_]{0,3}"

#: ``** <label> :<value>`` lines of an entry (label → progress_updates column).
ENTRY_LABELS: dict[str, str] = {
    r"ปัญหา(?:ของโครงการ)?": "problems",
    r"อุปสรรค(?:ของโครงการ)?": "obstacles",
}
#: Matched as printed, else in key form (:class:`.KeyRegex`): a PDF whose glyph for a
#: moved mark names no text reads ``** ปญหาของโครงการ :ไม่มี``.
ENTRY_LABEL_RES = [
    (KeyRegex(rf"^\s*\*{{0,3}}\s*(?:{label})\s*:\s*(?P<value>.*)$"), column)
    for label, column in ENTRY_LABELS.items()
]
#: The ``:`` after an entry label as OCR reads it, specks of a rule or dust around it:
#: a run of colons (``: :``), a ``|``, ``!``, ``1`` or ``.`` before one (``| :``,
#: ``1:``); or a lone ``1``, ``l``, ``I``, ``|``, ``!``, ``.`` or ``(`` glued to the
#: value's first Thai letter (``1ไม่มี``, ``!ไม่มี``, ``(ไม่มี``), or two of them
#: (``1!ไม่มี``: each of the colon's dots read as a stroke), a ``]`` after it
#: (``1]ไม่มี``: the colon's two dots read as a stroke and a bracket), a ``ไ`` read
#: before it too (``ไ1ไม่มี``: the colon's upper dot read as the letter); a colon read
#: with a speck after it as a stroke glued to the value (``:1ไม่มี``).
OCR_COLON_RUN = (
    r"(?:(?:[\s.|!]*[1lI|!]?[:;])+(?:[1lI|!](?=[\u0e01-\u0e4e]))?"
    r"|ไ?(?:[1lI|!]{1,2}\]?|[.(])(?=[\u0e01-\u0e4e]))"
)
#: The same as OCR reads them: the ``:`` read as ``;``, or as :data:`OCR_COLON_RUN`
#: (``ปัญหาของโครงการ 1ไม่มี``, ``ปัญหาของโครงการ : :ผู้รับจ้าง…``).
OCR_ENTRY_LABELS = [
    (
        OCR_LEAD + rf"\s*\*{{0,3}}\s*(?:{label})\s*{OCR_COLON_RUN}\s*"
        r"(?P<value>.*)$",
        column,
    )
    for label, column in ENTRY_LABELS.items()
]

#: A line printed as an entry label that is none of :data:`ENTRY_LABELS` (``** ข้อเสนอแนะ
#: :ควรเร่งรัด…``): a field with no column. It ends the field above it; its value is not
#: loaded.
OTHER_ENTRY_LABEL = re.compile(r"^\s*\*{2,3}\s*(?P<label>[^\s:*][^:*\n]{0,39}?)\s*:")

#: An entry's label alone on its line (``** ปัญหาของโครงการ``), its ``:`` wrapped onto the next.
BARE_ENTRY_LABEL = KeyRegex(rf"^\s*\*{{0,3}}\s*(?:{'|'.join(ENTRY_LABELS)})\s*$")
#: Each entry label alone on its line, no ``:`` (a stacked copy's, its value empty) → column.
_BARE_LABEL_COLUMNS = [(KeyRegex(rf"^\s*\*{{0,3}}\s*(?:{label})\s*$"), column)
                       for label, column in ENTRY_LABELS.items()]


def bare_label_column(text: str) -> str | None:
    """The column of the entry label ``text`` is alone (``** ปัญหาของโครงการ``), or None.

    >>> bare_label_column("** อุปสรรคของโครงการ"), bare_label_column("** ปัญหา : ไม่มี")
    ('obstacles', None)
    """
    return next((column for regex, column in _BARE_LABEL_COLUMNS if regex.match(text)), None)


#: The same after OCR: the ``**`` read as up to three letters or specks standing apart.
OCR_BARE_ENTRY_LABEL = re.compile(
    rf"^\s*(?:\*{{0,3}}|[^\s\u0e01-\u0e5b]{{1,3}}\s)\s*(?:{'|'.join(ENTRY_LABELS)})\s*$")

#: The entry labels' words in key form, for an approximate match (OCR: ``บัญหาของโครงการ``).
_ENTRY_LABEL_KEYS = (("problems", key("ปัญหาของโครงการ")), ("obstacles", key("อุปสรรคของโครงการ")))
#: Least similarity (0..100) of an entry label read approximately.
LABEL_SIMILARITY = 85.0
#: How far into a line (key-form characters) an approximate label may start: the
#: ``**`` and a few specks before it (``** 1!``), its first letter misread.
LABEL_LEAD = 6
#: The key-form letters that end an entry label (``การ`` of ``โครงการ``).
_LABEL_TAIL = 4


def approx_entry_label(text: str) -> tuple[str, int] | None:
    """``(column, where its value starts)`` of an entry label OCR read with a letter wrong.

    The label opens the line (after a few specks, :data:`LABEL_LEAD`), then its ``:`` (or
    what OCR read it as: :data:`OCR_LABEL_COLON`; or lost, the value glued on, after a
    ``**`` read as specks: ``si อุปสรรคของโครงการไม่มี``); the better label wins, clearly.
    """
    from rapidfuzz.fuzz import partial_ratio_alignment

    folded, offsets = key_map(text[:60])
    scored = []
    for column, label in _ENTRY_LABEL_KEYS:
        found = partial_ratio_alignment(label, folded, score_cutoff=LABEL_SIMILARITY)
        if found is not None and found.dest_start <= LABEL_LEAD:
            # an alignment as good may take a speck after the label for a letter lost
            # in it (``1!โญหา…โครงการ 1ไม่มี``): the label ends with its last word
            tail = folded.rfind(label[-_LABEL_TAIL:], found.dest_start, found.dest_end + 1)
            end = tail + _LABEL_TAIL if tail >= 0 else found.dest_end
            scored.append((found.score, column, end))
    if len(scored) != 1:
        return None
    _, column, end = scored[0]
    at = past_marks(text, offsets[end - 1] + 1)
    if colon := OCR_LABEL_COLON.match(text, at):
        return column, colon.end()
    # the ``:`` lost after the ``**`` read as specks or letters, the value glued on
    return (column, at) if _STARRED.match(text) and _LOST_COLON.match(text, at) else None


#: The ``:`` after an entry label as OCR reads it: ``;``, a quote mark (``“lui``,
#: ``\u2018Lai``), ``1``, ``l``, ``I``, ``|`` glued to the value's first Thai letter
#: (``1ไม่มี``), or lost: a space before the value (``ปัญหาของโครงการ Ani``).
OCR_LABEL_COLON = re.compile(rf"[\s.]*(?:{OCR_COLON_RUN}|[“”\u2018\u2019'\"]|\s(?=\s*\S))\s*")
#: Or lost (``si อุปสรรคของโครงการไม่มี``) after the ``**`` read as specks or Latin letters,
#: or one of its stars as a Thai letter, the other kept (``ห* อุปสรรคของโครงการไม่มี``).
_STARRED = re.compile(r"^\s*(?:[^\s\u0e01-\u0e5b]{1,3}|[\u0e01-\u0e2e]\*|\*[\u0e01-\u0e2e])\s")
_LOST_COLON = re.compile("(?=[ก-ฮเ-ไ])")
