"""SWOT kind headings of the annual action plan (จุดแข็ง / จุดอ่อน / โอกาส / อุปสรรค).

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_swot`, not a layout).
Consumes one line's text; produces the kind its heading names, or None.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from bma_etl.layouts.plan_cells import CONTINUED_RE, DIGIT, HEADING_MAX, blank_tags
from bma_etl.matchkey import LINE_CACHE, KeyRegex, key, key_pattern
from bma_etl.read.ocr_confusions import classed

__all__ = ["PART_HEADING_RE", "PART_OPENING_RE", "SWOT_KINDS", "spread_kind", "swot_kind"]

#: SWOT headings: the Thai and English words of each kind, and its letter.
SWOT_KINDS: tuple[tuple[str, str, str], ...] = (
    ("strength", r"จุดแข็ง|Strengths?", "S"),
    ("weakness", r"จุดอ่อน|Weakness(?:es)?", "W"),
    ("opportunity", r"โอกาส|Opportunit(?:y|ies)", "O"),
    ("threat", r"อุปสรรค|ภัยคุกคาม|Threats?", "T"),
)
#: A kind heading is the whole line: ``จุดแข็ง (Strength)``, ``S : จุดแข็ง``,
#: ``Strengths (จุดแข็ง)``, ``๑. จุดอ่อน``; never a sentence that uses the word.
#: Its words may be two of the kind's joined by a slash (``อุปสรรค/ภัยคุกคาม``), its
#: bracket the English word and the letter (``จุดแข็ง (Strengths : S)``).
#: One alternative per kind, in the order above, each a named group: the name of
#: the group that matched is the kind (one match instead of one per kind).
_SWOT_HEADING_RE = re.compile("|".join(
    rf"(?P<{kind}>^\s*(?:(?:{DIGIT}{{1,2}}|[ก-ฮ])\s*[.)]\s*|[-•]\s*)?"
    rf"(?:(?-i:{letter})\s*[:.)\-–]?\s*)?(?:{words}|\(\s*(?:{words})\s*\))"
    rf"(?:\s*/\s*(?:{words}))?"
    rf"(?:\s*[:\-–]?\s*\(?\s*(?:{words}|(?-i:{letter}))"
    rf"(?:\s*[:\-–]\s*(?-i:{letter}))?\s*\)?)?\s*:?\s*$)"
    for kind, words, letter in SWOT_KINDS), re.IGNORECASE)
#: A heading of the plan's next part, which no item of a list continues into: a part
#: (``ส่วนที่ ๑ การบริการสาธารณะ``), the budget summary (``สรุปโครงการและงบประมาณ...``)
#: or an indicator table's own heading (``ตัวชี้วัดเป้าประสงค์``); or the sentence that
#: leads into the next part, ending with ดังนี้ (``จากการวิเคราะห์สภาพแวดล้อมนำไปสู่...
#: ดังนี้``: no item's words end so, a list's lead-in does; its นี้ as OCR may read it,
#: Latin letters: ``ดัง ii``), or starting so (``จากการวิเคราะห์...``: no item of an
#: analysis reports the analysis itself); matched in key form too (OCR may lose a mark).
_PART_OPENING = (rf"ส่วนที่\s*{DIGIT}{{1,2}}(?!\S)|สรุป\s*โครงการ.{{0,40}}งบประมาณ"
                 r"|ตัวชี้วัด\s*(?:เป้าประสงค์|มาตรการ|ผลผลิต|โครงการ)\s*$"
                 r"|จาก\s*การ\s*วิเคราะห์")
PART_HEADING_RE = KeyRegex(
    rf"^\s*(?:{_PART_OPENING}|.*\sดัง(?:ต่อไป)?(?:นี้|\s?[A-Za-z]{{1,3}})\s*:?\s*$)")
#: The first line of the plan's next part's heading (:data:`PART_HEADING_RE` but the
#: lead-in's last line, ``...ดังนี้``, whose first lines may stand above it).
PART_OPENING_RE = KeyRegex(rf"^\s*(?:{_PART_OPENING})")
#: On an OCR'd page, a heading whose first word OCR misread (``Tanna (Opportunity)``):
#: one short word, then a kind's words in brackets, the whole line; or whose words in
#: brackets OCR misread (``จุดแข็ง (5แ๕๓6เก)``): a kind's words, then one short word
#: in brackets.
_OCR_HEADING_RE = re.compile("|".join(
    rf"(?P<{kind}>^\s*(?:[^\s()]{{1,12}}\s*\(\s*(?:{words})\s*\)"
    rf"|(?:{words})\s*\(\s*[^\s()]{{1,12}}\s*\))\s*:?\s*$)"
    for kind, words, _ in SWOT_KINDS), re.IGNORECASE)
#: On an OCR'd page, a heading whose bracketed words OCR misread (``จุดอ่อน (*/@ล|(๓๕55)``):
#: a kind's words, then a bracket opened on a few signs to the line's end, no Thai
#: word among them (no three Thai letters in a row).
_OCR_BRACKET_RE = re.compile("|".join(
    rf"(?P<{kind}>^\s*(?:{words})\s*\((?!.*[\u0e01-\u0e4e]{{3}}).{{1,24}}$)"
    for kind, words, _ in SWOT_KINDS), re.IGNORECASE)
#: On an OCR'd page, a heading whose bracketed English word OCR misread partly as Thai
#: letters, its closing bracket lost (``จุดแข็ง (5ผ๐ก๓6ฝัป``): a kind's words, then a
#: bracket opened on one run of signs to the line's end that holds a Latin letter or an
#: Arabic digit (no Thai spelling has one) and no Thai word (no four Thai letters in a
#: row).
_OCR_MIXED_RE = re.compile("|".join(
    rf"(?P<{kind}>^\s*(?:{words})\s*\((?=[^\s()]*[0-9A-Za-z])"
    rf"(?![^\s()]*[\u0e01-\u0e4e]{{4}})[^\s()]{{2,16}}\s*$)"
    for kind, words, _ in SWOT_KINDS), re.IGNORECASE)

#: On an OCR'd page, a heading whose bracketed English word OCR read as Thai consonants
#: (``อุปสรรค (รวนนลบ``): a kind's words, then a bracket opened on five consonants or
#: more and no vowel, to the line's end: no Thai spelling (``(ภายใน``: a word).
_OCR_CONSONANTS_RE = re.compile("|".join(
    rf"(?P<{kind}>^\s*(?:{words})\s*\(\s*[ก-ฮ]{{5,12}}\s*\)?\s*$)"
    for kind, words, _ in SWOT_KINDS), re.IGNORECASE)


@lru_cache(maxsize=LINE_CACHE)
def swot_kind(text: str, ocr: bool = False) -> str | None:
    r"""The kind a SWOT heading line names, or None for any other line.

    Matched as printed, then in key form (``จุดออน``: OCR lost its MAI EK); on an
    OCR'd page (``ocr``) also by its bracketed words alone (:data:`_OCR_HEADING_RE`)
    or by its words before a bracket OCR misread (:data:`_OCR_BRACKET_RE`,
    :data:`_OCR_MIXED_RE`, :data:`_OCR_CONSONANTS_RE`) or after a speck read before
    it (:data:`_OCR_SPECK_RE`), or by its words read with a look-alike letter before a
    misread bracket (:func:`_lookalike_kind`);
    then, all of these, with the white space between Thai letters closed (OCR split
    a word it misread: ``จุดถ่อ น (Weakness)``); a heading set with
    distributed alignment is spread letter by letter to the margin, and the
    reader gives its spread gaps as tabs (``จุด\tแ\tข็ง\t(Strength)``). A heading
    repeated over the rest of its list on the next page, marked continued
    (``จุดแข็ง (Strength) (ต่อ)``), names its kind still.

    >>> swot_kind("จุดแข็ง (5แ๕๓6เก)", True), swot_kind("Tama (Opportunity)", True)
    ('strength', 'opportunity')
    >>> swot_kind("จุดแข็ง (5ผ๐ก๓6ฝัป", True), swot_kind("โอกาส (ภายใน", True)
    ('strength', None)
    >>> swot_kind("อุปสรรค (รวนนลบ", True), swot_kind("อุปสรรค (รวนนลบ")
    ('threat', None)
    >>> swot_kind("จุดแข็ง (5แ๕๓6เก)"), swot_kind("ระบบ (ภายใน)", True)
    (None, None)
    >>> swot_kind("อ จุดแข็ง (Strength)", True), swot_kind("อ จุดแข็ง (Strength)")
    ('strength', None)
    >>> swot_kind("จุดแข็ง (Strengths : S)"), swot_kind("อุปสรรค/ภัยคุกคาม (Threat)")
    ('strength', 'threat')
    >>> swot_kind("จุดถ่อ น (Weakness)", True), swot_kind("จุดถ่อ น (Weakness)")
    ('weakness', None)
    >>> swot_kind("จุดแข็ง (Strength) (ต่อ)"), swot_kind("โอกาส ต่อ"), swot_kind("(ต่อ)")
    ('strength', 'opportunity', None)
    """
    if len(text) > HEADING_MAX:
        return None
    blanked = blank_tags(text)
    if (mark := CONTINUED_RE.search(blanked)) is not None and mark.start() > 0:
        blanked = blanked[:mark.start()]  # its list goes on from the page before
    m = _heading(blanked, ocr)
    if m is None and ocr and (speck := _OCR_SPECK_RE.match(blanked)) is not None:
        m = _SWOT_HEADING_RE.match(blanked[speck.end():])
    if m is None:
        closed = _THAI_GAP_RE.sub("", blanked)
        if closed != blanked:
            m = _heading(closed, ocr)
    if m is None and ocr:
        return _lookalike_kind(blanked)
    return None if m is None else m.lastgroup


#: On an OCR'd page, a heading's Thai words before a bracket opened on a few signs to
#: the line's end, no Thai word among them (:data:`_OCR_BRACKET_RE`'s bracket).
_WORDS_BRACKET_RE = re.compile(
    r"^\s*(?P<words>[\u0e01-\u0e4e]{3,12})\s*\((?!.*[\u0e01-\u0e4e]{3}).{1,24}$")


def _lookalike_kind(text: str) -> str | None:
    """The kind an OCR'd heading names whose words and bracket OCR both misread, or None.

    ``จุตอ่อน (ห/๑ท๕55)``: DO DEK read as TO TAO, a 1-bit scan at 200 dpi. The words
    before the bracket (:data:`_WORDS_BRACKET_RE`) are one of a kind's Thai words in key
    form with look-alike letters taken as one (:func:`~bma_etl.read.ocr_confusions.classed`).
    """
    m = _WORDS_BRACKET_RE.match(text)
    if m is None:
        return None
    read = classed(key(m["words"]))
    return next((kind for kind, words, _ in SWOT_KINDS for word in words.split("|")
                 if "\u0e01" <= word[0] <= "\u0e4e" and classed(key(word)) == read), None)


def _heading(text: str, ocr: bool) -> re.Match[str] | None:
    """``text`` (tags blanked) as a kind heading, or None.

    As printed, in key form, or on an OCR'd page (``ocr``) as OCR misreads one
    (:func:`swot_kind`).
    Tried on the line as read and again with its Thai letters' gaps closed: OCR
    may split a heading's word it misread (``จุดถ่อ น (Weakness)``, a 1-bit scan).
    """
    return _SWOT_HEADING_RE.match(text) or _key_heading().match(key(text)) or (
        (_OCR_HEADING_RE.match(text) or _OCR_BRACKET_RE.match(text)
         or _OCR_MIXED_RE.match(text) or _OCR_CONSONANTS_RE.match(text)) if ocr else None)


#: On an OCR'd page, a speck before a heading read as a letter or sign or two, a
#: space after it (``อ จุดแข็ง (Strength)``): the heading is the rest of the line.
_OCR_SPECK_RE = re.compile(r"^\s*[^\s()]{1,2}\s+(?=\S)")
#: White space between two Thai letters (marks included). It opens with a white space
#: character, the letter before it checked after: the regex engine then skips to the
#: line's spaces, where a pattern opening with the look-behind is tried at every
#: character (a plan's every line goes through :func:`swot_kind`).
_THAI_GAP_RE = re.compile(r"\s(?<=[\u0e01-\u0e4e]\s)\s*(?=[\u0e01-\u0e4e])")


def spread_kind(text: str) -> str | None:
    r"""The kind a heading spread letter by letter names (``โ\tอ\tก\tา\tส\t(Opportunity)``).

    For a line of more cells than a line of text has (:func:`~.plan_cells.is_text_line`):
    only when closing the gaps between its Thai letters makes it a heading.
    """
    closed = _THAI_GAP_RE.sub("", text)
    return None if closed == text else swot_kind(closed)


@cache
def _key_heading() -> re.Pattern[str]:
    """:data:`_SWOT_HEADING_RE` for key-form text."""
    folded = key_pattern(_SWOT_HEADING_RE.pattern)
    assert folded is not None
    return re.compile(folded.pattern, re.IGNORECASE | re.MULTILINE)
