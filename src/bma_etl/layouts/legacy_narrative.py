"""Specks OCR read standing apart inside a scanned progress form's report narrative.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes a report row's ``detail`` pieces (:class:`~bma_etl.document.Raw`, in reading
order) read from an OCR'd page; produces the pieces without the specks that dust and
the table's rules left between, before or after the narrative's words (each kept part
keeps its span: :meth:`~bma_etl.layouts.base.RepairedText.sub_raw`). Never raises.
Also where a narrative ends: at the progress's label that its value follows
(:func:`label_before`: a narrative may name the progress in its own words,
``ความก้าวหน้าของงาน 60 %``), before the ``::`` of that label, with what OCR made
of those colons (:func:`before_colons`).

A report's narrative is Thai words with their numbers (``งวดที่ 2``, ``จำนวน 3 รุ่น``,
``ครั้งที่ 2/2566``). A token standing apart (between spaces or line breaks) is a
speck when it holds no text:

- marks alone (``|``, ``'``, ``::``, ``.``, ``=``): no letter, no digit, not ``%`` nor
  an item's dash (``- ให้การ…``);
- a few small Latin letters with marks (``f``, ``ay``, ``z's``, ``=f.``), in a narrative
  of Thai words (a unit of measure after a number is text: ``3 km``);
- a Thai consonant alone, no vowel nor mark (``ง``); ``ณ`` (at) is a word;
- a digit alone ending the narrative after a word that counts nothing (``…ครบถ้วน`` /
  ``2``; ``งวดที่ 2``, ``จำนวน 3`` keep theirs).

And a number's end may hold a speck glued to it (``งวดที่ 2°``, ``2/2566/``; the
narrative's last number a point), a word's start a mark glued to it
(``,อยู่ระหว่าง…``, ``ผู้ประ /กอบการ``, ``อยู่ระ :หว่าง…``).
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.legacy_values import PROGRESS_LABEL
from bma_etl.matchkey import fuzzy_search, literal_of, search_key

_TOKEN = re.compile(r"\S+")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
#: Marks alone: no letter or digit of any script (``%`` and ``ฯ`` are text, and so is a
#: dash or bullet alone: an item's, ``- ให้การต้อนรับ…``).
_MARKS = re.compile(r"(?![-–—•]$)[^\w%ฯๆ]+")
#: Small Latin letters with marks, three letters at most (an acronym, ``PM``, is text).
_LATIN_BITS = re.compile(r"[^\w]*[a-z](?:[^\w\s]?[a-z]){0,2}[^\w]*")
#: Units of measure a number may have in Latin letters (``ระยะทาง 3 km``).
_UNITS = frozenset(("km", "m", "cm", "mm", "kg", "g", "mg", "l", "ml", "kw", "mw", "kwh",
                    "ha", "ft", "in", "mb", "gb"))
#: A Thai consonant alone (``ณ``, at, is a word).
_CONSONANT = re.compile("[\u0e01-\u0e2e](?<!ณ)")
_NUMBER = re.compile(r"[0-9๐-๙][0-9๐-๙.,/]*")
#: A number and a speck glued after it (``2°``, ``2566/``, ``150|``).
_NUMBER_SPECK = re.compile(r"(?P<number>[0-9๐-๙](?:[0-9๐-๙.,/]*[0-9๐-๙])?)[°/|'`\"]+")
#: The narrative's last number and a point after it (``ครั้งที่ 2/2566.``: Thai ends no
#: sentence with one).
_NUMBER_END = re.compile(r"(?P<number>[0-9๐-๙](?:[0-9๐-๙.,/]*[0-9๐-๙])?)\.")
_DIGIT_ALONE = re.compile(r"[0-9๐-๙]")
#: Words a number follows in a narrative (``งวดที่ 2``, ``จำนวน 3``, ``รุ่นละ 5``).
_COUNTING = re.compile(r"(?:ที่|จำนวน|ละ|ครั้ง|งวด|รุ่น|ร่วม)$")
#: Marks glued before a word (``,อยู่ระหว่าง…``, ``ผู้ประ /กอบการ``, ``อยู่ระ :หว่าง``: no
#: Thai word opens with a colon).
_LEAD_MARKS = re.compile(r"^[,.;:|'_~`/]+(?=[\u0e01-\u0e2e\u0e40-\u0e44])")


def _speck(token: str, before: str | None, thai: bool) -> bool:
    """Whether ``token`` (after the token ``before``, if any) is a speck."""
    if _MARKS.fullmatch(token):
        return True
    if thai and _LATIN_BITS.fullmatch(token) and not (
            before and _NUMBER.match(before) and token.lower() in _UNITS):  # ``3 km``
        return True
    return bool(_CONSONANT.fullmatch(token))


def without_specks(doc: RepairedText, pieces: list[Raw]) -> list[Raw]:
    r"""``pieces`` of a report's narrative without the specks standing apart in them.

    See the module's description for what a speck is. A narrative of specks only is
    returned as it is (the caller's other checks judge it).

    >>> doc = RepairedText.of("ผู้รับจ้างดำเนินการตามสัญญา | อยู่ระหว่างตรวจรับ ay\n2", ocr_used=True)
    >>> [p.text for p in without_specks(doc, [doc.raw(0, len(doc.text))])]
    ['ผู้รับจ้างดำเนินการตามสัญญา', 'อยู่ระหว่างตรวจรับ']
    """
    tokens = [(k, m) for k, piece in enumerate(pieces) for m in _TOKEN.finditer(piece.text)]
    words = [m.group() for _, m in tokens]
    letters = "".join(words)
    thai = len(_THAI_LETTER.findall(letters)) > 2 * len(re.findall("[A-Za-z]", letters))
    keep: list[tuple[int, int, int]] = []  # piece, start, end of each token kept
    for i, (k, m) in enumerate(tokens):
        start, end, token = m.start(), m.end(), m.group()
        before = words[i - 1] if i else None
        if _speck(token, before, thai):
            continue
        if i == len(tokens) - 1 and _DIGIT_ALONE.fullmatch(token) and before \
                and not _COUNTING.search(before):
            continue
        if (glued := _NUMBER_SPECK.fullmatch(token)) is not None or (
                i == len(tokens) - 1 and (glued := _NUMBER_END.fullmatch(token)) is not None):
            end = start + glued.end("number")
        if (lead := _LEAD_MARKS.match(token)) is not None:
            start += lead.end()
        keep.append((k, start, end))
    if not keep:
        return pieces
    out: list[Raw] = []
    run: tuple[int, int, int] | None = None
    for k, start, end in keep:
        if run is not None and run[0] == k and not pieces[k].text[run[2]:start].strip():
            run = (k, run[1], end)  # the next token of the same run: joined
            continue
        if run is not None:
            out += [r for r in [doc.sub_raw(pieces[run[0]], run[1], run[2])] if r]
        run = (k, start, end)
    if run is not None:
        out += [r for r in [doc.sub_raw(pieces[run[0]], run[1], run[2])] if r]
    return out


#: The ``::`` before the progress's label, one colon read as a digit glued to the other
#: (``…ครบถ้วน 1:`` / ``ความก้าวหน้า…``, ``2: ความก้าวหน้า…``). A narrative's own number
#: follows the word that counts it (``งวดที่ 2:``, ``จำนวน 3``, ``รุ่นละ 5``) and stays.
_COLON_AS_DIGIT = re.compile(r"(?:^|(?<!ที่)(?<!จำนวน)(?<!ละ)\s)[0-9๐-๙]:\s*$")


#: A leading vowel opens a syllable, so no narrative ends with one: after OCR, one glued
#: before the progress's label is a colon misread (``…โครงการ`` / ``::เความก้าวหน้า…``).
_LEADING_VOWELS = "เแโใไ"


def before_colons(text: str, start: int, end: int, ocr: bool) -> int:
    """Where the narrative in ``text[start:end]`` ends before the ``::`` of the label at ``end``.

    Colons and spaces go; after OCR so does a digit glued to a single colon
    (:data:`_COLON_AS_DIGIT`) and a leading vowel right before the label
    (:data:`_LEADING_VOWELS`).
    """
    if ocr and (glued := _COLON_AS_DIGIT.search(text, start, end)) is not None:
        end = glued.start()
    kept = text[:end].rstrip(" :\t")
    if ocr and len(kept) > start and kept[-1] in _LEADING_VOWELS:
        kept = kept[:-1].rstrip(" :\t")
    return len(kept)


def label_before(text: str, start: int, end: int, ocr: bool) -> int | None:
    """Where the progress's label that its value at ``end`` follows starts in ``text[start:end]``.

    The last label there (in key form; after OCR, when none is found so, the first read
    with a letter wrong), or None. A narrative may name the progress in the label's own
    words (``:: 7/10/2564 : ความก้าวหน้าของงานก่อสร้าง 60 % ตามแผน :: ความก้าวหน้าของงานฯ
    = 85.00 %``): the label the value follows is the last one, never the narrative's.

    >>> text = "ความก้าวหน้าของงาน 60 % :: ความก้าวหน้าของงานฯ = 8.00 %"
    >>> label_before(text, 0, text.index("8.00"), False)
    27
    """
    found = None
    at = start
    while (hit := search_key(PROGRESS_LABEL, text[at:end])) is not None:
        found, at = at + hit[0], at + max(hit[1], 1)
    if found is None and ocr:  # the label read with a letter wrong
        fuzzy = fuzzy_search(literal_of(PROGRESS_LABEL), text[start:end])
        found = start + fuzzy[0] if fuzzy else None
    return found
