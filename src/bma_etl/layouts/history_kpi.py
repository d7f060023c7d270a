"""KPI block headings of the progress-history page as OCR reads them.

Stage: extract (a helper of :mod:`bma_etl.layouts.history_entries`, not a layout).
Consumes the body's lines (:class:`~bma_etl.layouts.base.Line`); gives the match of
a KPI heading (``ตัวชี้วัด : 2.8 <name>``) OCR damaged past the printed pattern, with
the groups ``code`` and ``name`` (either may be None): the word ``ตัวชี้วัด`` misread
(:func:`ocr_kpi`), or its ``:`` lost or the word made junk, the block then known by
what it holds, its target line below (:func:`kpi_above_target`). Never raises.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Line
from bma_etl.layouts.history_header import DIGIT
from bma_etl.matchkey import KeyMatch, key, match_key

#: A KPI heading whose ``ตัวชี้วัด`` OCR misread (``ต้าชี้วัต : 5.12 ระดับ…``), its code numbered.
_OCR_KPI_RE = re.compile(rf"^\W{{0,3}}(?P<word>\S{{4,12}})\s*[:;]\s*(?P<code>{DIGIT}{{1,2}}"
                         rf"(?:\.{DIGIT}{{1,3}}){{1,3}})\.?\s+(?P<name>\S.*?)\s*$")
KPI_WORD_SIMILARITY = 60.0
#: The KPI block's target line (``ค่าเป้าหมาย ระดับ : 1``), which follows its heading.
_TARGET_RE = r"^\W{0,3}ค่าเป้าหมาย"
#: A KPI heading whose ``:`` OCR lost or read as a gap (``ตัวชี้วัด⇥⇥7.6``,
#: ``ตัวชี้วัด 5.1``), or whose word it made junk: a word of a few letters, then the
#: code, numbered with a dot, then the name or nothing (the name wrapped below).
_KPI_NO_COLON_RE = re.compile(
    rf"^\W{{0,3}}(?P<word>[^\s0-9๐-๙:;]{{4,14}})[\s:;|.]*(?P<code>{DIGIT}{{1,2}}"
    rf"(?:\.{DIGIT}{{1,3}}){{1,3}})\.?(?:\s+(?P<name>\S.*?))?\s*$")
#: The same, its code read as a few Latin letters or specks (``ตัวชี้วัด⇥⇥⇥TAZ`` for
#: ``ตัวชี้วัด : 7.12``), nothing after it: the name below, the code not read.
_KPI_CODE_JUNK_RE = re.compile(
    r"^\W{0,3}(?P<word>[^\s0-9๐-๙:;]{4,14})[\s:;|.]+(?P<code>[^\s\u0e01-\u0e5b]{1,5})"
    r"(?P<name>)\s*$")
#: How many lines a KPI heading may stand above its target line: its name wrapped
#: below it over at most two lines.
_TARGET_WITHIN = 3


def kpi_in_key_form(pattern: str, text: str) -> KeyMatch | None:
    """The KPI heading ``pattern`` matched on ``text`` in key form, or None.

    Key form drops the space between the code and the name, so a heading whose name
    wrapped below (``ตัวชี่วัด⇥⇥:⇥2.11``) parts its code as ``2.1`` and a name ``1``. A
    name is words, never digits alone: that match is none (:func:`kpi_above_target`
    reads the heading by its target line).
    """
    m = match_key(pattern, text)
    return None if m is None or re.fullmatch(r"[0-9๐-๙.]+", m.group("name") or "") else m


def ocr_kpi(text: str, after: list[Line]) -> re.Match[str] | None:
    """:data:`_OCR_KPI_RE` on ``text`` when the line ``after`` it is the block's ค่าเป้าหมาย."""
    from rapidfuzz.fuzz import ratio
    m = _OCR_KPI_RE.match(text)
    return m if m and after and ratio(key(m["word"]), key("ตัวชี้วัด")) >= KPI_WORD_SIMILARITY \
        and match_key(_TARGET_RE, after[0].text) else None


def kpi_above_target(lines: list[Line], k: int) -> re.Match[str] | None:
    """Line ``k`` as a KPI heading OCR lost the ``:`` of, known by the target line below.

    ``ตัวชี้วัด⇥⇥7.6`` / ``ระดับความสำเร็จของ…`` / ``ค่าเป้าหมาย ครั้ง : 6``: the word
    (approximately ``ตัวชี้วัด``, :data:`KPI_WORD_SIMILARITY`) and a dotted code
    (:data:`_KPI_NO_COLON_RE`) or a code OCR made junk (:data:`_KPI_CODE_JUNK_RE`,
    :func:`code_read` is then false), and a ``ค่าเป้าหมาย`` line within
    :data:`_TARGET_WITHIN` lines below, no other heading between (the lines between
    are the name's). None otherwise: an entry's text never holds both.
    """
    from rapidfuzz.fuzz import ratio
    m = _KPI_NO_COLON_RE.match(lines[k].text) or _KPI_CODE_JUNK_RE.match(lines[k].text)
    if m is None or ratio(key(m["word"]), key("ตัวชี้วัด")) < KPI_WORD_SIMILARITY:
        return None
    for j in range(k + 1, min(k + 1 + _TARGET_WITHIN, len(lines))):
        if match_key(_TARGET_RE, lines[j].text):
            return m
        if _KPI_NO_COLON_RE.match(lines[j].text):
            return None
    return None


def code_read(m: re.Match[str] | KeyMatch) -> bool:
    """Whether a KPI heading's match holds its code as printed (digits), not junk."""
    code = m.group("code")
    return code is not None and any(c.isdigit() for c in code)


def name_wraps_on(lines: list[Line], k: int) -> bool:
    """Whether KPI name line ``k`` (below its code alone) goes on to line ``k + 1``.

    OCR'd pages only: line ``k + 1`` holds letters and no ``:`` (no label's), and the
    line after it is the block's target line (``ค่าเป้าหมาย …``): the name wrapped over
    two lines (``…เพื่อการบริหารจัดก`` / ``ารเมือง``).
    """
    if k + 2 >= len(lines):
        return False
    nxt = lines[k + 1].text.strip()
    return (bool(nxt) and ":" not in nxt and any(c.isalpha() for c in nxt)
            and not match_key(_TARGET_RE, nxt) and bool(match_key(_TARGET_RE, lines[k + 2].text)))
