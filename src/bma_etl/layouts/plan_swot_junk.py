"""Lines of an OCR'd SWOT list that are a page number or specks misread (see :mod:`.plan_swot`).

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_swot`, not a layout). Consumes the lines
of a :class:`~bma_etl.layouts.base.RepairedText` read by OCR; tells the lines at a page's foot
or head that are what OCR made of the page's number (:func:`page_junk`), and the lines of specks
right above an item (:func:`speck_lines`), so the list reads them as a gap; the lines of a
number alone mid-page (:func:`lone_numbers`), no page number; and gives the lines with the cells
of specks at their end taken off (:func:`without_speck_cells`).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from itertools import pairwise
from typing import NamedTuple

from bma_etl.document import words_over
from bma_etl.layouts.base import Line, RepairedText
from bma_etl.layouts.plan_cells import DIGIT
from bma_etl.matchkey import key

__all__ = ["NO_JUNK", "SPECK_CELLS_RE", "Junk", "head_specks", "lone_numbers",
           "misread_numbers", "page_junk", "speck_lines", "tab_led",
           "unsure_heads", "unsure_lines", "unsure_starts", "without_speck_cells"]


class Junk(NamedTuple):
    """What an OCR'd list's lines are besides items' words, by line number.

    ``gaps``: lines read as a gap (:func:`page_junk`, :func:`speck_lines`);
    ``numbers``: lines of a number alone that are an item's number, not the page's
    (:func:`lone_numbers`); ``unsure``: short lines OCR read unsure, what it made of
    an item's number or a speck (:func:`unsure_lines`); ``starts``: lines whose first
    short word OCR read unsure before words it read sure (:func:`unsure_starts`);
    ``led``: lines led by a tab, an item's number lost before them (:func:`tab_led`).
    """

    gaps: frozenset[int] = frozenset()
    numbers: frozenset[int] = frozenset()
    unsure: frozenset[int] = frozenset()
    starts: frozenset[int] = frozenset()
    led: frozenset[int] = frozenset()


NO_JUNK = Junk()

#: A line of no Thai letter nor digit: a page number or a speck as OCR may read them.
_JUNK_WORD = r"[^\s\u0e01-\u0e4e0-9๐-๙]{1,8}"
_OCR_JUNK_RE = re.compile(rf"\s*{_JUNK_WORD}(?:\s+{_JUNK_WORD}){{0,2}}\s*")


def page_junk(
    doc: RepairedText, lines: list[Line], number: Callable[[str, bool], bool]
) -> frozenset[int]:
    """On an OCR'd page, the numbers of the lines at a page's foot or head that are a page number.

    A short line of no Thai letter and no digit that is no item's number
    (``Sadie`` for ``- ๑ -``), with a page break between it and the next line of
    text or the one before. Elsewhere such a line may be words of an item (in
    English) and stays one. ``number(text, under_text)`` tells an item's number as
    OCR may read it; ``under_text``: the line right above is inked (a page number
    stands apart from the text, a blank line above it). Empty when not OCR'd.
    """
    if not doc.ocr_used:
        return frozenset()
    out: set[int] = set()
    texts = [k for k, ln in enumerate(lines) if ln.text.strip()]
    for at, k in enumerate(texts):
        line = lines[k]
        under_text = at > 0 and texts[at - 1] == k - 1
        if _OCR_JUNK_RE.fullmatch(line.text) is None or number(line.text, under_text):
            continue
        page = doc.index.page_of(line.start)
        near = [lines[texts[j]] for j in (at - 1, at + 1) if 0 <= j < len(texts)]
        if any(doc.index.page_of(n.start) != page for n in near):
            out.add(line.no)
    return frozenset(out)


#: A line of specks OCR read between two items (``ณุ a a``): two to four pieces of one
#: or two letters or signs each (a mark may sit on one), a Latin letter among them,
#: at most one Thai consonant: no word of an item's text (its wrapped tail, ``ชน``,
#: ``น``, has no Latin letter).
_PIECE = r"[^\s]{1,2}[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?"
_SPECK_LINE_RE = re.compile(rf"\s*{_PIECE}(?:\s+{_PIECE}){{1,3}}\s*")
_LATIN_RE = re.compile("[A-Za-z]")
_THAI_CONSONANT_RE = re.compile("[\u0e01-\u0e2e]")


def speck_lines(doc: RepairedText, lines: list[Line], item: Callable[[str], bool]
                ) -> frozenset[int]:
    r"""On an OCR'd page, the numbers of the lines of specks right above an item.

    A short line of one- and two-letter pieces with a Latin letter among them
    (:data:`_SPECK_LINE_RE`) whose next line opens an item (``item(text)``) is what
    OCR made of specks between two items: no part of the item above. Empty when
    not OCR'd.

    >>> from bma_etl.layouts.base import RepairedText
    >>> doc = RepairedText.of("๓. ข้อความ\nณุ a a\n๔. ข้อความ", (), True)
    >>> sorted(speck_lines(doc, list(doc.lines()), lambda t: t.startswith("๔.")))
    [2]
    """
    if not doc.ocr_used:
        return frozenset()
    texts = [ln for ln in lines if ln.text.strip()]
    return frozenset(
        line.no for line, nxt in pairwise(texts)
        if _SPECK_LINE_RE.fullmatch(line.text) is not None and _LATIN_RE.search(line.text)
        and len(_THAI_CONSONANT_RE.findall(line.text)) <= 1 and item(nxt.text))


#: A number of one or two digits alone on its line: a page's number, or an item's
#: number whose point OCR lost.
_LONE_NUMBER_RE = re.compile(rf"\s*{DIGIT}{{1,2}}\s*")


def lone_numbers(doc: RepairedText, lines: list[Line]) -> frozenset[int]:
    r"""On an OCR'd page, the numbers of the lines of a number alone mid-page: items' numbers.

    A page's number stands at its head or foot, apart from the text; a number of
    one or two digits alone on its line with inked lines right above and right
    below it, all on one page, is an item's number whose point OCR lost (``2``
    over the item's words). Empty when not OCR'd.

    >>> from bma_etl.layouts.base import RepairedText
    >>> doc = RepairedText.of("ข้อความ\n2\nข้อความ\n\n3", (), True)
    >>> sorted(lone_numbers(doc, list(doc.lines())))
    [2]
    """
    if not doc.ocr_used:
        return frozenset()
    out: set[int] = set()
    for k in range(1, len(lines) - 1):
        line, above, below = lines[k], lines[k - 1], lines[k + 1]
        if _LONE_NUMBER_RE.fullmatch(line.text) is None or not above.text.strip() \
                or not below.text.strip() or above.no != line.no - 1 or below.no != line.no + 1:
            continue
        page = doc.index.page_of(line.start)
        if doc.index.page_of(above.start) == page == doc.index.page_of(below.start):
            out.add(line.no)
    return frozenset(out)


#: Cells of a speck or two after an OCR'd line's first (``en.<tab>น.<tab>ม``,
#: ``ประชาชน<tab><tab><tab>'``), or alone after a tab (``<tab>a``); a cell of a few
#: Latin letters OCR made of specks by Thai words (``ยั่งยืน<tab>Jags``), or none
#: (``...ระห<tab>``: a speck it dropped).
SPECK_CELLS_RE = re.compile(r"(?:\t+\s*(?:[^\t\s]{1,2}|[A-Za-z]{3,5})?)+\s*$")


def without_speck_cells(lines: list[Line], keep: frozenset[int],
                        doc: RepairedText | None = None) -> list[Line]:
    r"""OCR'd lines with the cells of specks at their end taken off, but the lines ``keep``.

    A speck far from the words (in the margin, between two lines) is read as a cell
    of a letter or sign or two: its tab is no table's, and a line of nothing else
    is blank. ``keep``: the lines to leave as read (headings spread letter by
    letter, whose cells are letters). Given ``doc`` (its words' confidences), a
    last cell of a few signs OCR read at next to no confidence (``...ล่าช้า<tab>11,``
    at 0: :data:`_SPECK_CELL_CONF`) is a speck's too. An empty first cell (tabs
    before the first word: :func:`tab_led`) is taken off, the line starting after it.

    >>> lines = [Line(1, 0, "\ta"), Line(2, 3, "ประชาชน\t\t'"), Line(3, 14, "๒.\tงาน")]
    >>> [ln.text for ln in without_speck_cells(lines, frozenset())]
    ['', 'ประชาชน', '๒.\tงาน']
    """
    out: list[Line] = []
    for line in lines:
        if line.no in keep or line.pieces:
            out.append(line)
            continue
        text = line.text
        while doc is not None and (m := _LAST_CELL_RE.search(text)) is not None \
                and (confs := _confidences(doc, Line(line.no, line.start + m.start("cell"),
                                                     m.group("cell")))) \
                and max(confs) < _SPECK_CELL_CONF:
            text = text[:m.start()]
        m = SPECK_CELLS_RE.search(text)
        text = text if m is None else text[:m.start()]
        lead = len(text) - len(_LEAD_RE.sub("", text, count=1)) if text.strip() else 0
        out.append(line if text == line.text and not lead
                   else Line(line.no, line.start + lead, text[lead:]))
    return out


#: An empty first cell: tabs (and spaces) before a line's first word.
_LEAD_RE = re.compile(r"^[ \t]*\t[ \t]*")
#: Fewest letters of a line led by a tab that opens an item (its sentence).
_LED_MIN = 12


def tab_led(doc: RepairedText, lines: list[Line]) -> frozenset[int]:
    r"""On an OCR'd page, the numbers of the lines :func:`without_speck_cells` found led by a tab.

    fpdf2 sets an item's words far from its number; where OCR lost the number
    (``<tab>บุคลากร...``: seed 277, 150 dpi grey) the gap it left is read as an
    empty first cell: the line (:data:`_LED_MIN` letters or more; ``<tab><tab>ถึง`` is a
    wrapped line's piece read apart) opens an item whose number OCR lost.
    ``lines``: as :func:`without_speck_cells` gave them.

    >>> from bma_etl.layouts.base import RepairedText
    >>> doc = RepairedText.of("๑. งาน\n\tบุคลากรของหน่วยงาน\n\t\tถึง", (), True)
    >>> lines = without_speck_cells(list(doc.lines()), frozenset())
    >>> [ln.text for ln in lines], sorted(tab_led(doc, lines))
    (['๑. งาน', 'บุคลากรของหน่วยงาน', 'ถึง'], [2])
    """
    if not doc.ocr_used:
        return frozenset()
    return frozenset(ln.no for ln in lines if len("".join(ln.text.split())) >= _LED_MIN
                     and not ln.pieces
                     and ln.start > 0 and doc.text[ln.start - 1] in " \t"
                     and "\t" in doc.text[doc.text.rfind("\n", 0, ln.start) + 1:ln.start])


#: A line's last cell of one to four signs (``<tab>11,``), white space around it.
_LAST_CELL_RE = re.compile(r"\t+\s*(?P<cell>[^\t\s]{1,4})\s*$")
#: Highest confidence of a last cell OCR read from a speck: next to none (a word of
#: the page, however badly printed, is read at 30 and more).
_SPECK_CELL_CONF = 10.0


#: Specks OCR read at the head of an item's words, after its number: a cell of up to
#: four short tokens, one at least no Thai letter, before a tab (``2 3 ส่\tระบบ...``), or
#: a digit glued to the first word (``4เครือข่าย...``: no word of an item opens so).
_HEAD_SPECKS_RE = re.compile(
    r"(?=[^\t]*[^\s\u0e01-\u0e4f])(?:\S{1,2} +){0,3}\S{1,2}\t+(?=[ก-ฮเ-ไ])"
    r"|[0-9๐-๙](?=[ก-ฮเ-ไ][\u0e01-\u0e4f]{2})")


def head_specks(body: str) -> int:
    r"""How many characters at the head of an OCR'd item's words (``body``) are specks.

    >>> head_specks("2 3 ส่\tระบบสารสนเทศ"), head_specks("4เครือข่าย"), head_specks("ระบบ ๔")
    (7, 1, 0)
    >>> head_specks("ใน\tพื้นที่"), head_specks("๔ ด้าน")
    (0, 0)
    """
    m = _HEAD_SPECKS_RE.match(body)
    return 0 if m is None else m.end()


#: Most letters and signs of a line OCR read unsure that may be an item's number.
_UNSURE_SIGNS_MAX = 6
#: Highest confidence of the first word of a line OCR read unsure before words it
#: read sure: text read from ink is read at 80 and more; what OCR made of a number it
#: could not read far lower.
_UNSURE_CONF = 50.0
#: Highest confidence of the words of a short line OCR read unsure on its own: lower,
#: as no word read sure beside it says the line is no item's words (the tail of a
#: word the line above wrapped, read badly, ``5สน`` at 41: seed 131); a line of
#: signs only (``:``), no item's words, counts under :data:`_UNSURE_CONF`.
_UNSURE_LINE_CONF = 35.0


def unsure_lines(doc: RepairedText, lines: list[Line]) -> frozenset[int]:
    r"""On an OCR'd page, the numbers of the short lines all of whose words OCR read unsure.

    A line of at most :data:`_UNSURE_SIGNS_MAX` letters and signs whose every word
    has a confidence under :data:`_UNSURE_LINE_CONF` (``กาต``, ``“| Sie`` for ``๒.``):
    what OCR made of an item's number it could not read, or of a speck; never an
    item's wrapped words (``ยั่งยืน``), which it reads sure. Empty when not OCR'd
    or when the words' confidences are not known.

    >>> from bma_etl.layouts.base import RepairedText
    >>> doc = RepairedText.of("ข้อความ\nกาต\nยั่งยืน", (), True,
    ...                       words=((0, 7, 91.0), (8, 11, 20.0), (12, 19, 93.0)))
    >>> sorted(unsure_lines(doc, list(doc.lines())))
    [2]
    """
    if not doc.ocr_used or not doc.words:
        return frozenset()
    return frozenset(
        line.no for line in lines
        if 0 < len("".join(line.text.split())) <= _UNSURE_SIGNS_MAX
        and (confs := _confidences(doc, line))
        and max(confs) < (_UNSURE_CONF if _SIGNS_ONLY_RE.fullmatch(line.text)
                          else _UNSURE_LINE_CONF))


#: Highest confidence of a short line OCR read not sure whose signs no Thai word
#: holds (:func:`misread_numbers`): text read from ink is read at 80 and more.
_SURE_CONF = 80.0
#: A sign no Thai word holds: a Latin letter, a digit, a point or another sign.
_NO_WORD_SIGN_RE = re.compile(r"[A-Za-z0-9๐-๙!-/:-@\[-`{-~\u2018-\u201d]")


def misread_numbers(doc: RepairedText, lines: list[Line]) -> frozenset[int]:
    r"""On an OCR'd page, the numbers of the short lines read not sure that hold a sign of no word.

    A line of at most :data:`_UNSURE_SIGNS_MAX` letters and signs, one of them a
    Latin letter, a digit or a sign (``เอ*``, ``๓ฑ.ุ.`` for ``๑.`` / ``๓.``), whose
    words OCR read under :data:`_SURE_CONF`: what it made of an item's number. An
    item's wrapped tail of Thai letters (``าชน``) is never one, read sure or not;
    one of digits (``2570)``) is read sure. Empty when not OCR'd or when the words'
    confidences are not known.

    >>> from bma_etl.layouts.base import RepairedText
    >>> doc = RepairedText.of("ข้อความ\nเอ*\nาชน\n19)", (), True,
    ...                       words=((0, 7, 91.0), (8, 11, 69.0), (12, 15, 40.0), (16, 19, 95.0)))
    >>> sorted(misread_numbers(doc, list(doc.lines())))
    [2]
    """
    if not doc.ocr_used or not doc.words:
        return frozenset()
    return frozenset(
        line.no for line in lines
        if 0 < len("".join(line.text.split())) <= _UNSURE_SIGNS_MAX
        and _NO_WORD_SIGN_RE.search(line.text) is not None
        and (confs := _confidences(doc, line)) and max(confs) < _SURE_CONF)


#: A line of signs only, no letter nor digit (``:``): no item's words.
_SIGNS_ONLY_RE = re.compile(r"[^\w]+")


def _confidences(doc: RepairedText, line: Line) -> list[float]:
    """The confidences of the OCR'd words on ``line``, in order."""
    return [conf for _, _, conf in words_over(doc.words, line.start, line.start + len(line.text))]


#: A line's first word, short, then its other words, the first a Thai one.
_SHORT_FIRST_RE = re.compile(r"^\s*\S{1,5}[ \t]+[ก-ฮเ-ไ]")


def unsure_starts(doc: RepairedText, lines: list[Line]) -> frozenset[int]:
    r"""On an OCR'd page, the numbers of the lines whose first short word OCR read unsure.

    A word of one to five letters or signs read under :data:`_UNSURE_CONF`, then Thai
    words read sure (one at least at :data:`_UNSURE_CONF` or more): ``ว บุคลากร...``,
    ``จัณัง นโยบาย...`` for ``๓.``: what OCR made of an item's number. The tail of a
    word the line above wrapped is read sure (``น โดยเฉพาะ...``). Empty when not
    OCR'd or when the words' confidences are not known. A first word of Thai consonants
    and a point (``ดตก.``: no word is spelt so; an abbreviation, ``กทม.``, is read sure)
    counts read not sure under :data:`_SURE_CONF`; one of a leading vowel, a consonant
    and a point (``ไว.``: no abbreviation) does whatever the words after it.

    >>> from bma_etl.layouts.base import RepairedText
    >>> doc = RepairedText.of("ว บุคลากร\nน โดยเฉพาะ", (), True,
    ...                       words=((0, 1, 0.0), (2, 9, 68.0), (10, 11, 96.9), (12, 20, 92.5)))
    >>> sorted(unsure_starts(doc, list(doc.lines())))
    [1]
    """
    if not doc.ocr_used or not doc.words:
        return frozenset()
    return frozenset(
        line.no for line in lines
        if _SHORT_FIRST_RE.match(line.text) and len(confs := _confidences(doc, line)) >= 2
        and ((max(confs[1:]) >= _UNSURE_CONF and (confs[0] < _UNSURE_CONF or (
            _POINT_RE.match(line.text) is not None and confs[0] < _SURE_CONF)))
             or (_VOWEL_POINT_RE.match(line.text) is not None and confs[0] < _SURE_CONF)))


#: A first word of one to three Thai consonants, no vowel nor mark (``ดตก.`` for ``๓.``), or
#: of a leading vowel and a consonant (``ไว.`` for ``๒.``), a point, then Thai words.
_POINT_RE = re.compile(r"^\s*[ก-ฮ]{1,3}[.,][ \t]+[ก-ฮเ-ไ]")
_VOWEL_POINT_RE = re.compile(r"^\s*[เ-ไ][ก-ฮ][.,][ \t]+[ก-ฮเ-ไ]")


def unsure_heads(doc: RepairedText, lines: list[Line], keep: frozenset[int]) -> frozenset[int]:
    r"""On an OCR'd page, the numbers of the page heads that are the running header misread.

    The first inked line of a page after the first, OCR read not sure (every word
    under :data:`_SURE_CONF`), whose key form is nearly that of a line the furniture
    reader took for a running header or footer (``ารุงเทพมหานค`` for
    ``กรุงเทพมหานคร``, a letter lost at each end: too far from the other pages' for
    it to know again). ``keep``: lines never taken (the SWOT headings). Empty when
    not OCR'd or when the words' confidences are not known.

    >>> from bma_etl.layouts.base import RepairedText
    >>> doc = RepairedText.of("กรุงเทพมหานคร\nข้อความ\nารุงเทพมหานค\nข้อความ", (0, 22), True,
    ...                       words=((14, 21, 91.0), (22, 34, 41.0), (35, 42, 93.0)),
    ...                       furniture=frozenset({1}))
    >>> sorted(unsure_heads(doc, list(doc.lines()), frozenset()))
    [3]
    """
    if not doc.ocr_used or not doc.words or not doc.furniture:
        return frozenset()
    furniture = [k for ln in doc.all_lines() if ln.no in doc.furniture
                 and len(k := key(ln.text.strip())) >= _HEADER_KEY_MIN]
    out: set[int] = set()
    page = doc.index.page_of(lines[0].start) if lines else 0
    for line in lines:
        if not line.text.strip():
            continue
        at = doc.index.page_of(line.start)
        if at != page and line.no not in keep \
                and (confs := _confidences(doc, line)) and max(confs) < _SURE_CONF \
                and any(SequenceMatcher(None, key(line.text.strip()), k).ratio() >= _HEADER_SIMILAR
                        for k in furniture):
            out.add(line.no)
        page = at
    return frozenset(out)


#: Fewest letters (key form) of a running header matched again, and how near (0..1)
#: a page head misread must be to it.
_HEADER_KEY_MIN = 6
_HEADER_SIMILAR = 0.8
