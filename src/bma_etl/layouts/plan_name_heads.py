"""Heads and tails OCR damaged on an action plan's indicator and project names.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
A name has a key form its damage cannot hide:

* an indicator of a level of success starts ``ระดับความสำเร็จ``; OCR loses or
  garbles its first syllable (``๒๕ ดับความสำเร็จ``, ``จะดับความสำเร็จ``,
  ``ระ /ดับความสำเร็จ``, ``วัฐ ะดับความสำเร็จ``: its ``ร`` read as a speck, its
  ``ะ`` kept) or reads a speck before it (``ภรระดับความสำเร็จ``).
  ``ดับความสำเร็จ`` is no Thai word's start, so what stands before ``ดับ`` is the
  syllable ``ระ`` misread: :func:`level_head` gives the name with it restored
  (a :class:`~bma_etl.layouts.base.Derived` value quoting what OCR read);
* a project's name starts ``โครงการ``; a speck OCR read before it (``o โครงการ``,
  ``เไโครงการ``, ``] โครงการ``) is no part of it, and a piece of the amount the
  next cell starts with, left on the name's line (``...พลเรือน ๒`` over
  ``๔๐๓,๕๐๐.๐๐ บาท``, ``...ริมคลอง ๕ญฒญณ``), is no part of it either:
  :func:`project_edges` gives the name without them (the same span, trimmed);
* a cell's words end with a word and start with one: a speck OCR read beyond
  them, set off by a space (``...ของหน่วยงาน »``, ``...รายต่อปี ก``,
  ``...ในสังกัด >``, ``: ส่วนแผนงานฯ``), is no part of the cell
  (:func:`speck_edges`: the same span, trimmed); after a target's words only signs
  or a letter after its number and unit (:func:`target_edges`: ``ร้อยละ wo`` is a
  number OCR misread, not a speck).

Only on an OCR'd page: a text layer prints what the writer typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bma_etl.layouts.base import Derived, FieldValue, Finding, Raw, RawRow, RepairedText
from bma_etl.layouts.plan_amount_pieces import (
    NAME_NUMBER_RE,
    Piece,
    amount_with,
    settle_pieces,
    two_readings,
)
from bma_etl.layouts.plan_rule_marks import without_rule_marks
from bma_etl.normalize.text import clean_text
from bma_etl.unwrap import unwrapped_text

__all__ = ["level_head", "mend_names", "project_edges", "speck_edges", "target_edges"]

#: A level-of-success name whose ``ระ`` OCR damaged: up to four characters of what
#: OCR made of it (a speck, a digit, a Latin letter, one Thai letter with its
#: vowel, the ``ระ`` itself with a speck after it) and at most one space or mark,
#: then ``ดับความสำเร็จ``. Or a speck of at most two letters read before a whole
#: ``ระดับความสำเร็จ``.
_LEVEL_HEAD_RE = re.compile(
    r"^\s*(?:(?P<lead>[^\s]{0,4}?)\s?[/|]?\s?(?P<ra>ร?ะ)?(?P<rest>ดับ\s?ความ\s?สำเร็จ.*))$", re.S)
#: The start the key form gives.
_LEVEL_WORD = "ระ"

#: A project name's key word.
_PROJECT_RE = re.compile("โครงการ")
#: Most characters of a speck read before ``โครงการ``.
_PROJECT_LEAD_MAX = 3
#: A piece of an amount left at a name's end: a token of the digits (Thai, Arabic)
#: and the letters OCR reads them as (``ฒ`` for ``๒``, ``อ`` ``o`` for ``๐``,
#: ``ญ`` ``ณ`` for ``๙`` ``๓``), with a digit or a ``ฒ`` in it, and commas or a point;
#: or a token starting with a digit and ending with one (or such a letter) with other
#: Thai letters misread between (``๓๕จุฒ`` for ``๙๖,๗``): no word of a name is so.
_AMOUNT_PIECE_RE = re.compile(
    r"\s+(?=[^\s]*[0-9๐-๙ฒ])(?:[0-9๐-๙ฒญณอo,.]{1,8}"
    r"|[0-9๐-๙][0-9๐-๙,.]*[\u0e01-\u0e4e]{1,4}[0-9๐-๙ฒญณอo])\s*$")
#: Digits then Thai letters ending a name whose next character is a digit: one word OCR
#: read with the amount (``๓๕จุ`` of ``๓๕จุ๐๐.- บาท``), the amount's misread digits.
_GLUED_PIECE_RE = re.compile(r"\s+[0-9๐-๙][0-9๐-๙,.]*[\u0e01-\u0e4e]{1,4}$")
_DIGITS = frozenset("0123456789๐๑๒๓๔๕๖๗๘๙")
#: A word a number may follow in a name (``ซอย ๕``, ``ระยะที่ ๓``, ``รุ่นที่ ๒``):
#: then a number at the end is the name's.
_NUMBERED_RE = re.compile(r"(?:ที่|ซอย|ซ\.|หมู่|ระยะ|รุ่น|ครั้ง|แห่ง|ข้อ|ปี|พ\.ศ\.)\s*$")


def level_head(doc: RepairedText, value: FieldValue) -> FieldValue:
    """``value`` with the ``ระ`` of ``ระดับความสำเร็จ`` restored when OCR damaged it.

    Each name of a list of indicators (``... - ระดับความสำเร็จ...``) is mended
    alike. ``value`` unchanged when the page has a text layer, when it is not one
    :class:`~bma_etl.layouts.base.Raw`, or when no name of it starts with a damaged
    ``ระดับความสำเร็จ``.

    >>> from bma_etl.document import Span
    >>> class Doc: ocr_used = True
    >>> raw = Raw("๒๕ ดับความสำเร็จในการลด", Span(1, 1, 0, 23), True)
    >>> level_head(Doc(), raw).value
    'ระดับความสำเร็จในการลด'
    >>> level_head(Doc(), Raw("ระดับความสำเร็จ", Span(1, 1, 0, 15), True)).text
    'ระดับความสำเร็จ'
    >>> level_head(Doc(), Raw("ร้อยละ - “$e ดับความสำเร็จ", Span(1, 1, 0, 26), True)).value
    'ร้อยละ - ระดับความสำเร็จ'
    """
    if not doc.ocr_used or not isinstance(value, Raw):
        return value
    pieces = _LIST_SEP_RE.split(value.text)  # the names of a list, the dashes between them
    misread: list[str] = []
    for k in range(0, len(pieces), 2):
        if (mended := _mended_head(pieces[k])) is not None:
            pieces[k] = mended[0]
            misread.append(mended[1])
    if not misread:
        return value
    return Derived(clean_text(unwrapped_text("".join(pieces))),
                   f"ระดับ restored: OCR read {', '.join(map(repr, misread))} before ดับ",
                   value.span)


#: The dash between the names of a list of indicators (``... - ระดับความสำเร็จ...``).
_LIST_SEP_RE = re.compile(r"(\s[-–]\s)")


def _mended_head(name: str) -> tuple[str, str] | None:
    """``name`` with its damaged ``ระ`` restored and what OCR read for it; None: not damaged."""
    m = _LEVEL_HEAD_RE.match(name)
    if m is None:
        return None
    lead, ra = m.group("lead"), m.group("ra")
    if lead.startswith(("-", "–")):
        return None  # a dash the name starts with (``- ระดับ...``, one of a list)
    glued = name[m.end("lead"):m.start("ra")].strip() if ra else ""
    if ra == _LEVEL_WORD and (not lead or len(lead) > 2 or glued):
        return None  # whole (a speck before it is glued to it: ``ภรระดับ``)
    return _LEVEL_WORD + m.group("rest"), name[:m.start("rest")].strip()


#: A speck OCR read after a cell's last word, a space before it: one or two signs
#: (no bracket, quote, percent or dash, which a cell may end with), one or two
#: Latin letters not all capitals (``a``, ``wo``; an acronym ``AI`` is a word), or one
#: Thai letter alone (a consonant or a leading vowel with no vowel or mark: no word).
_SIGNS = r"[»«<>|:;,.'`~^*_=+\\•·\u2018\u2019]{1,2}"
_SPECK = rf"(?:{_SIGNS}|(?=[A-Za-z]?[a-z])[A-Za-z]{{1,2}}|[ก-ฮเ-ไ](?![\u0e30-\u0e4e]))"
_TAIL_SPECK_RE = re.compile(rf"(?<=\S)\s+{_SPECK}\s*$")
#: The same before a cell's first word: signs, or Latin letters, then a space and Thai.
_HEAD_SPECK_RE = re.compile(
    rf"^\s*(?:{_SIGNS}|(?=[A-Za-z]?[a-z])[A-Za-z]{{1,2}})\s+(?=[ก-ฮเ-ไ])")
#: A word a lone letter follows as its label (``ซอย ก``, ``อาคาร ข``, ``แบบ ค``): the
#: letter is the cell's.
_LETTER_LABEL_RE = re.compile(r"(?:ซอย|ซ\.|แยก|อาคาร|ตึก|ชั้น|กลุ่ม|แบบ|ประเภท|ชุด|ข้อ|โซน|บัญชี"
                              r"|ภาค|ส่วน|ระดับ|ขนาด|ที่)\s+[ก-ฮ]\s*$")


def speck_edges(doc: RepairedText, value: FieldValue) -> FieldValue:
    """``value`` without specks OCR read before its first word or after its last one.

    A speck (:data:`_SPECK`) stands apart, a space between it and the cell's
    words; several after another are all left out. A lone Thai letter after a
    word that labels with one (``ซอย ก``) stays. ``value`` unchanged on a page with
    a text layer, when it is not one :class:`~bma_etl.layouts.base.Raw` (or a list
    of them: its first piece's head, its last one's tail), or when nothing is to trim.

    >>> from bma_etl.document import Span
    >>> class Doc:
    ...     ocr_used = True
    ...     def sub_raw(self, raw, a, b): return Raw(raw.text[a:b], raw.span)
    >>> [speck_edges(Doc(), Raw(t, Span(1, 1, 0, len(t)))).text for t in (
    ...     "ของหน่วยงาน »", "รายต่อปี ก", ": ส่วนแผนงานฯ", "ในซอย ก", "ระบบ AI", "ระดับ ๕")]
    ['ของหน่วยงาน', 'รายต่อปี', 'ส่วนแผนงานฯ', 'ในซอย ก', 'ระบบ AI', 'ระดับ ๕']
    """
    if not doc.ocr_used:
        return value
    if isinstance(value, list) and value:
        first = speck_edges(doc, value[0])
        parts = [first, *value[1:]] if isinstance(first, Raw) else list(value[1:])
        if not parts:
            return None
        last = speck_edges(doc, parts[-1]) if len(parts) > 1 else parts[-1]
        parts = parts[:-1] + ([last] if isinstance(last, Raw) else [])
        return parts[0] if len(parts) == 1 else parts or None
    if not isinstance(value, Raw):
        return value
    text = value.text
    start, end = 0, len(text)
    head = _HEAD_SPECK_RE.match(text)
    if head is not None:
        start = head.end()
    while (tail := _TAIL_SPECK_RE.search(text, start, end)) is not None \
            and not _LETTER_LABEL_RE.search(text, start, end):
        end = tail.start()
    if (start, end) == (0, len(text)):
        return value
    return doc.sub_raw(value, start, end) or value


#: A speck after a target's last word: a number OCR read as Latin letters or one
#: Thai letter (``ร้อยละ wo``, ``ร้อยละ ฒ``) is no speck; a speck is signs, or a letter
#: after a target whole, its number and the word after it (``...รายต่อปี ก``).
_TARGET_TAIL_SPECK_RE = re.compile(
    rf"(?:(?<=[ก-๎0-9๐-๙])\s+{_SIGNS}|(?<=[ก-๎])\s+[ก-ฮเ-ไ](?![\u0e30-\u0e4e]))\s*$")
_NUMBER_RE = re.compile("[0-9๐-๙]")


def target_edges(doc: RepairedText, value: FieldValue) -> FieldValue:
    """A target without a speck OCR read after its last word (:data:`_TARGET_TAIL_SPECK_RE`).

    ``value`` unchanged on a page with a text layer, when it is not one
    :class:`~bma_etl.layouts.base.Raw`, or when nothing is to trim.
    """
    if not doc.ocr_used or not isinstance(value, Raw) \
            or (tail := _TARGET_TAIL_SPECK_RE.search(value.text)) is None \
            or not _NUMBER_RE.search(value.text, 0, tail.start()):
        return value
    return doc.sub_raw(value, 0, tail.start()) or value


def project_edges(doc: RepairedText, value: FieldValue) -> FieldValue:
    """A project name without a speck OCR read before ``โครงการ`` or an amount's piece after it.

    ``value`` unchanged on a page with a text layer, when it is not one
    :class:`~bma_etl.layouts.base.Raw`, or when nothing is to trim.
    """
    return _project_edges(doc, value)[0]


def _project_edges(doc: RepairedText, value: FieldValue
                   ) -> tuple[FieldValue, str, FieldValue]:
    """:func:`project_edges`, the amount's piece it trimmed (or ""), the name start-trimmed.

    The third is the name with only its start trimmed (its end as read).
    """
    if not doc.ocr_used or not isinstance(value, Raw):
        return value, "", value
    text = value.text
    start, end = 0, len(text)
    found = _PROJECT_RE.search(text, 0, _PROJECT_LEAD_MAX + 1 + len("โครงการ"))
    if found is not None and 0 < len(text[:found.start()].strip()) <= _PROJECT_LEAD_MAX:
        start = found.start()
    tail = _AMOUNT_PIECE_RE.search(text)
    if tail is None and not value.joined and value.span.char_end < len(doc.text) \
            and doc.text[value.span.char_end] in _DIGITS:
        tail = _GLUED_PIECE_RE.search(text)
    if tail is not None and tail.start() > start and not _NUMBERED_RE.search(text[:tail.start()]):
        end = tail.start()
    if (start, end) == (0, len(text)):
        return value, "", value
    return (doc.sub_raw(value, start, end) or value, text[end:].strip(),
            doc.sub_raw(value, start, len(text)) or value)


def _mend_project(doc: RepairedText, row: RawRow) -> Piece | None:
    """A project row's name trimmed (:func:`project_edges`), its budget with the digits trimmed.

    Digits before ไม่ใช้งบประมาณ are the name's. A row that reads two ways (its budget
    cell a whole amount by itself) is left for
    :func:`~bma_etl.layouts.plan_amount_pieces.settle_pieces`: returned, not mended.
    """
    name, piece, full = _project_edges(doc, row.fields.get("name"))
    uses = row.fields.get("uses_budget")
    if piece and "budget_thb" not in row.fields and isinstance(uses, Derived) \
            and uses.value is False and NAME_NUMBER_RE.fullmatch(piece):
        return None  # ไม่ใช้งบประมาณ: no amount for the digits to start; they are the name's
    if piece and "budget_thb" in row.fields:
        both = two_readings(doc, row, full, name, piece)
        if both is not None and both.joined is None:
            row.fields["name"] = full  # the digits cannot start the amount: the name's
            return None
        if both is not None:
            return both
        row.fields["budget_thb"] = amount_with(doc, piece, row.fields["budget_thb"])
    row.fields["name"] = name
    return None


#: The name fields each key form mends, by table.
_MENDS: dict[tuple[str, str], Callable[[RepairedText, FieldValue], FieldValue]] = {
    ("plan_indicators", "name"): level_head,
    ("plan_scoring_levels", "indicator"): level_head,
    ("plan_steps", "project_name"): project_edges,
}


#: The text fields, by table, a speck may stand before or after (:func:`speck_edges`;
#: a target's: :func:`target_edges`).
_SPECK_FIELDS: dict[str, tuple[str, ...]] = {
    "plan_indicators": ("name", "target_text"),
    "plan_scoring_levels": ("indicator",),
    "plan_steps": ("project_name", "description"),
    "plan_projects": ("name", "responsible_unit"),
}


def mend_names(doc: RepairedText, rows: list[RawRow],
               findings: list[Finding] | None = None) -> None:
    """Mend, in place, the name fields of ``rows`` whose key form OCR damaged (see the module).

    ``findings`` gets an ``ambiguous_value`` issue for each budget the digits ending
    its name leave unreadable (:func:`~bma_etl.layouts.plan_amount_pieces.settle_pieces`).
    """
    if not doc.ocr_used:
        return
    pieces: list[Piece] = []
    for row in rows:
        for name in _SPECK_FIELDS.get(row.table, ()):
            if name in row.fields:
                edges = target_edges if name == "target_text" else speck_edges
                value = row.fields[name]
                if row.table == "plan_projects":  # a project's name or unit cell
                    value = without_rule_marks(doc, value)
                row.fields[name] = edges(doc, value)
        if row.table == "plan_projects":
            if (piece := _mend_project(doc, row)) is not None:
                pieces.append(piece)
            continue
        for name, value in row.fields.items():
            mend = _MENDS.get((row.table, name))
            if mend is not None:
                row.fields[name] = mend(doc, value)
    settle_pieces(doc, rows, pieces, findings)
