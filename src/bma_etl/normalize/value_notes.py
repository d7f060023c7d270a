"""A remark in brackets after a stated number or date: not the value, never read into it.

Forms and plans note a value's context after it: ``งบประมาณที่ได้รับ : 2,480,000 บาท
(ไม่รวมเงินกันเหลื่อมปี 350,000 บาท)``, ``ปีงบประมาณ พ.ศ. : 2567 (ต่อเนื่องจากปี 2566)``.
The value is the number printed before the bracket; the remark's own numbers made the
parsers see "several numbers" and the field was NULL. The remark stays in the
document's text (provenance points at the value alone) and is named in a warning.

What is a remark: a bracket that closes the value, holds a Thai word and a digit, and
follows a number. A bracket of words alone is left to the parsers (an amount spelled
out, ``(สองล้านบาทถ้วน)``, is checked against the digits; a unit, ``(พันบาท)``, scales
them), and so is a bracket of digits alone (``2566 (2567)`` stays "several numbers").

A footnote's mark after the number, its unit or its remark (``3,480,000 บาท 1/``,
``1,212,450.50 2/ บาท``, ``2,480,000 บาท (ไม่รวม… 350,000 บาท)*``) is no digit of the value
either: it is left off, and named.

A date closes with a remark too: ``สิ้นสุดโครงการ : 30 กันยายน 2567 (ขยายเวลาถึง 31 ธันวาคม
2567)``. The end date is the date printed under the label (the warehouse has one
``end_date`` and no column for an extension); the extension is named in the warning.
Only an end date (:data:`EXTENDED_FIELDS`) whose bracket says it is extended
(:data:`EXTENSION_WORDS`), and only when the text before the bracket is a date itself:
``ภายใน 180 วัน (ถึง 30 ก.ย. 2567)`` keeps its bracket, the one date there. A bracket
that corrects or moves a date (``(แก้ไขเป็น 31 มีนาคม 2568)``, ``(เลื่อนเป็น 1 ธันวาคม
2566)``) says the printed date no longer holds: it is kept, and the date is not read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bma_etl.document import Raw
from bma_etl.errors import NormalizeError
from bma_etl.normalize.dates import parse_date
from bma_etl.normalize.digits import DIGIT

#: The kinds of field whose value is one number (:data:`bma_etl.normalize.fields.PARSERS`).
NUMBER_KINDS = frozenset({"amount", "int", "year_be", "number", "percent"})
#: The kinds whose value may close with a remark: the one-number kinds, and a date (an
#: end date printed with its extension after it, ``30 กันยายน 2567 (ขยายเวลาถึง 31
#: ธันวาคม 2567)``: the date printed under the label is the value, the remark a warning).
NOTED_KINDS = NUMBER_KINDS | {"date"}
#: The date fields whose printed date stands beside a bracketed extension.
EXTENDED_FIELDS = ("end_date",)
#: The words a bracket after an end date opens with when it extends it (``ขยายเวลาถึง``,
#: ``ขยายสัญญาถึง``): other remarks after a date are not a note.
EXTENSION_WORDS = ("ขยาย",)
_NOTE = re.compile(r"[ \t]*\((?P<body>[^()]*)\)[ \t.]*$")
_THAI_WORD = re.compile(r"[\u0e01-\u0e2e]{2}")
_DIGIT = re.compile(DIGIT)
#: A footnote's mark after a number, a word or a note's bracket (``1/``, ``๒/``, ``*``,
#: ``**``): a digit or two and a slash with no digit after it, after a space (or glued to
#: a Thai word: ``บาท1/``), or stars; a space or the value's end after it. ``12/`` is no
#: ``1`` marked ``2/``.
_MARK = re.compile(rf"(?:(?<=[0-9๐-๙.\u0e01-\u0e4e])[ \t]+(?:{DIGIT}{{1,2}}/|\*{{1,3}})"
                   rf"|(?<=[\u0e01-\u0e4e]){DIGIT}{{1,2}}/|(?<=[0-9๐-๙.\u0e01-\u0e4e)])\*{{1,3}})"
                   r"(?=[ \t]|$)")


def note_at(text: str) -> int | None:
    """Where a remark in brackets closing ``text`` starts, or None (module docstring).

    >>> s = "2,480,000 บาท (ไม่รวมเงินกันเหลื่อมปี 350,000 บาท)"
    >>> s[:note_at(s)]
    '2,480,000 บาท'
    >>> [note_at(t) for t in ("2,500,000 บาท (สองล้านห้าแสนบาทถ้วน)", "2566 (2567)", "(ปี 2566)")]
    [None, None, None]
    """
    m = _NOTE.search(text)
    if m is None or not _DIGIT.search(text, 0, m.start()):
        return None
    body = m["body"]
    if not _THAI_WORD.search(body) or not _DIGIT.search(body):
        return None
    return m.start()


def without_note(kind: str | None, value: Raw, field: str | None = None
                 ) -> tuple[Raw, str | None]:
    """``value`` of a one-number field without a remark closing it, and the remark.

    ``(value, None)`` when there is none or the field is neither a number nor a date
    (:data:`NOTED_KINDS`; a date's footnote marks are left to the date parser; a date
    ``field`` only of :data:`EXTENDED_FIELDS`, its remark an extension). A value
    read across a wrapped line keeps its span (its pieces cannot be cut by offset).
    """
    if kind not in NOTED_KINDS or (kind == "date" and field not in EXTENDED_FIELDS):
        return value, None
    marked = _MARK.search(value.text) if kind in NUMBER_KINDS else None
    if marked is not None and _DIGIT.search(value.text, 0, marked.start()):
        text = _MARK.sub("", value.text).rstrip()
        span = value.span
        if marked.end() == len(value.text.rstrip()) and not value.joined \
                and span.char_end - span.char_start == len(value.text):
            span = replace(span, char_end=span.char_start + len(text))
        value, mark = replace(value, text=text, span=span), marked.group().strip()
        inner, note = without_note(kind, value)
        return inner, f"{note} {mark}" if note else f"footnote mark {mark!r}"
    at = note_at(value.text)
    if at is None:
        return value, None
    text = value.text[:at].rstrip()
    if kind == "date":
        if not value.text[at:].strip().lstrip("( \t").startswith(EXTENSION_WORDS):
            return value, None
        try:
            parse_date(text)
        except NormalizeError:
            return value, None
    span = value.span
    if not value.joined and span.char_end - span.char_start == len(value.text):
        span = replace(span, char_end=span.char_start + len(text))
    return replace(value, text=text, span=span), value.text[at:].strip()
