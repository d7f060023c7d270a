"""A table's rule line OCR read as a bracket or a bar at the start of a plan cell's line.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_name_heads`, not a layout).
On a scanned ruled table the cell's left rule, or a speck on it, is read as an
opening bracket or a bar glued to the cell's first letter: ``(ฝ่ายโยธา``,
``[ฝ่ายเทศกิจ``, ``|ฝ่ายโยธา``, ``ไ (|โครงการติดตั้ง...``; in a unit wrapped over two
lines, at the second line's start: ``ฝ่ายรักษาความสะอาด`` / ``(และสวนสาธารณะ``. On a
1-bit scan it may come as a SARA E before a name's first word (``เกองระบบคลอง``).
A writer's bracket is closed in the cell (``(ส่วนแผนงานฯ)``, ``(พ.ศ. ๒๕๖๖ –
๒๕๗๐)``); one no ``)`` closes after it, glued to a Thai letter at a line's start,
is the rule, no part of the value: :func:`without_rule_marks` gives the value
without it (the same span, trimmed, or its pieces). A bracket some later text of
the value closes stays, and so does every mark on a page with a text layer.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import FieldValue, Raw, RepairedText

__all__ = ["without_rule_marks"]

#: A rule's mark at a cell line's start, glued to the Thai letter after it: bars and
#: opening brackets (``(``, ``[``, ``{``, ``(|``), after at most one speck of one or two
#: signs or letters set off by a space (``ไ (|โครงการ``).
_HEAD_MARK_RE = re.compile(r"^\s*(?:[^\s\u0e01-\u0e4e0-9๐-๙]{1,2}\s+|[ก-ฮเ-ไ]\s+)?"
                           r"(?P<mark>[(\[{|!]+[|!]*)\s*(?=[ก-ฮเ-ไ])")
#: The same at a wrapped line's start inside a value read across the wrap: a space
#: (the join put one before a bracket) before it, a Thai letter right after it.
_INNER_MARK_RE = re.compile(r"(?<=[\u0e01-\u0e4e])\s+(?P<mark>[(\[{])(?=[ก-ฮเ-ไ])")
_OPENS = {"(": ")", "[": "]", "{": "}"}
#: A rule (or a speck on it) read as SARA E glued to the first word of a unit's or a
#: project's name, which never starts a word (``เกองระบบคลอง``, ``เฝ่ายโยธา``).
_E_MARK_RE = re.compile(r"^\s*(?P<mark>เ)(?=กอง|ฝ่าย|สำนัก|ส่วน|กลุ่ม|ศูนย์|โครงการ)")


def _closed(text: str, mark: str, after: int) -> bool:
    """Whether an opening bracket of ``mark`` is closed in ``text[after:]``."""
    opening = next((ch for ch in mark if ch in _OPENS), None)
    return opening is not None and _OPENS[opening] in text[after:]


def _head_cut(text: str, later: str) -> int:
    """Where ``text``'s words start without a rule's mark before them (0: none).

    ``later``: the value's text after this piece, which may close a bracket.
    """
    m = _HEAD_MARK_RE.match(text)
    if m is None or _closed(text + later, m.group("mark"), m.end()):
        return 0 if (e := _E_MARK_RE.match(text)) is None else e.end()
    return m.end()


def without_rule_marks(doc: RepairedText, value: FieldValue) -> FieldValue:
    """``value`` without a ruled table's line OCR read as a bracket or bar (see the module).

    ``value``: a :class:`~bma_etl.layouts.base.Raw` or a list of them (one per
    line of a cell read over several lines: each line's start is looked at, a
    bracket closed by a later line's text stays). Returns ``value`` unchanged on a
    page with a text layer, or when no mark is found; a piece that was nothing
    but the mark is dropped (None when none is left).

    >>> from bma_etl.document import Span
    >>> class Doc:
    ...     ocr_used = True
    ...     def sub_raw(self, raw, a, b): return Raw(raw.text[a:b], raw.span)
    >>> [without_rule_marks(Doc(), Raw(t, Span(1, 1, 0, len(t)))).text for t in (
    ...     "(ฝ่ายโยธา", "|ฝ่ายเทศกิจ", "ไ (|โครงการติดตั้ง", "(ส่วนแผนงานฯ)", "เกองระบบคลอง")]
    ['ฝ่ายโยธา', 'ฝ่ายเทศกิจ', 'โครงการติดตั้ง', '(ส่วนแผนงานฯ)', 'กองระบบคลอง']
    """
    if not doc.ocr_used:
        return value
    if isinstance(value, list):
        out: list[Raw] = []
        for i, piece in enumerate(value):
            later = " ".join(p.text for p in value[i + 1:])
            kept = _without_marks(doc, piece, later)
            if kept is not None:
                out.append(kept)
        return out[0] if len(out) == 1 else out or None
    if not isinstance(value, Raw):
        return value
    return _without_marks(doc, value, "")


def _without_marks(doc: RepairedText, raw: Raw, later: str) -> Raw | None:
    """``raw`` without the marks at its start and, read across a wrap, at a line's start."""
    cut = _head_cut(raw.text, later)
    if cut:
        trimmed = doc.sub_raw(raw, cut, len(raw.text))
        if trimmed is None:
            return None
        raw = trimmed
    if not raw.joined:
        return raw
    text = raw.text
    for m in reversed(list(_INNER_MARK_RE.finditer(text))):
        if not _closed(text + " " + later, m.group("mark"), m.end()):
            text = text[:m.start()] + text[m.end("mark"):]  # the join's space too
    return raw if text == raw.text else Raw(text, raw.span, raw.low_confidence, joined=True)
