"""Latin letters OCR read for a Thai word the document writes elsewhere between the same neighbours.

Stage: read (:func:`bma_etl.read._with_marks_restored` runs it over a document's
OCR'd pages after the marks are put back). Debian's ``tha`` model knows Latin
letters too, and reads a short Thai word standing apart between numbers as them:
the counting words after a number and the ordinals before one (``จำนวน 3 รุ่น`` →
``จำนวน 3 qu``, ``ระยะ 20 ปี`` → ``ระยะ 20 U``, ``ครั้งที่ 2/2566`` → ``Ash 2/2566``,
``รุ่น รุ่นละ`` → ``qu quay``); it also loses a number's ``/`` (``ครั้งที่ 22566``).
Which word it was the letters cannot say, but the document says it where OCR
read the same phrase right: a gap of Latin words between a Thai word and a number
(or a number and a Thai word) is filled with the Thai words the document's other
text has between the same neighbours -- the last letters of the Thai word before
(:data:`SIDE`), the number's form (``2/2566`` as ``9/9``), the first letters of the
word after -- when that text has one filling only. Without a match on the right
(the phrase ends a line elsewhere), a Thai word and a number on the left match
alone. A right neighbour is on the gap's own line (a left one may end the line
before: a cell's text wraps). A bare number takes the
separators of the one number with its digits that the document writes after the
same Thai word. A gap no frame of the document
fills is left as read: nothing is guessed, and Latin words the document writes
(``COVID-19``, ``(Smart City)``, ``PM2.5``) stand where no Thai text stands in
their place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Letters of a Thai neighbour compared: the last of the word before, the first of the word after.
SIDE = 4
#: Latin words of a gap (OCR's letters for one Thai word seldom run longer).
_LATIN = re.compile(r"[A-Za-z]{1,6}")
#: A number as written in these documents' text: digits with separators (``2/2566``, ``2,650``).
_NUMBER = re.compile(r"[0-9]+(?:[,./][0-9]+)*")
#: A token wholly of Thai letters and marks: what may fill a gap.
_THAI = re.compile("[\u0e01-\u0e4e]+")
#: The longest word (letters and marks) a gap's letters are taken for: OCR reads a
#: short word standing apart as Latin letters (``ครั้งที่``), not a phrase.
MAX_WORD = 10
#: Gaps longer than this many words are left as read.
MAX_GAP = 2
#: Spacing letters of a Thai filling for each Latin letter of its gap, at most (plus
#: one): OCR reads a word as about as many Latin letters as it has glyphs abreast
#: (``ครั้งที่`` as ``Ash``, ``ปี`` as ``U``); a lone ``q`` (a level's number misread)
#: stands for no ``มาตรการ``.
LETTERS_PER_LATIN = 3
#: Thai marks set above or below a letter: no width of their own.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_TOKEN = re.compile(r"\S+")


def _shape(token: str | None, before: bool) -> str | None:
    """A neighbour's form compared: a number's with its digits as ``9``, a Thai word's edge."""
    if token is None:
        return None
    if _NUMBER.fullmatch(token):
        return "#" + re.sub("[0-9]+", "9", token)
    if _THAI.fullmatch(token):
        return token[-SIDE:] if before else token[:SIDE]
    return None


def _frames(tokens: list[str], i: int, j: int) -> tuple[tuple[str, ...], str | None] | None:
    """The left neighbours (a number with the Thai word before it, or a Thai word) and the right."""
    one = _shape(tokens[i - 1], True) if i > 0 else None
    if one is None:
        return None
    if one.startswith("#"):
        two = _shape(tokens[i - 2], True) if i > 1 else None
        if two is None or two.startswith("#"):
            return None
        left: tuple[str, ...] = (two, one)
    else:
        left = (one,)
    right = _shape(tokens[j], False) if j < len(tokens) else None
    if not left[-1].startswith("#") and (right is None or not right.startswith("#")):
        return None  # a Latin word between Thai words: a name or a term, no count
    return left, right


def _fillings(
    texts: Sequence[list[str]], left: tuple[str, ...], right: str | None, size: int
) -> set[str]:
    """The Thai words ``size`` long the documents' tokens hold between ``left`` and ``right``."""
    found: set[str] = set()
    for tokens in texts:
        for k in range(len(left), len(tokens) - size + 1):
            fill = tokens[k : k + size]
            if not all(_THAI.fullmatch(t) and len(t) <= MAX_WORD for t in fill):
                continue
            if any(
                _shape(tokens[k - len(left) + n], True) != side for n, side in enumerate(left)
            ):
                continue
            after = tokens[k + size] if k + size < len(tokens) else None
            if right is not None and _shape(after, False) != right:
                continue
            found.add(" ".join(fill))
    return found


def _shortest(found: set[str]) -> list[str] | None:
    """The one filling found, or the one every other extends by letters joined to its last word.

    None when nothing or several fillings unlike that are found.

    OCR joins the Thai word after a count to the next (``3 รุ่นผู้เข้าร่วม``): the
    document then says ``รุ่น`` and ``รุ่นผู้เข้าร่วม`` alike.
    """
    if not found:
        return None
    short = min(found, key=len)
    return short.split(" ") if all(f.startswith(short) for f in found) else None


def _separated(texts: Sequence[list[str]], toks: list[str], i: int) -> str | None:
    """The number the document writes with separators after the Thai word before ``toks[i]``.

    ``toks[i]`` is a bare run of digits (``22566``); the document's numbers after a
    Thai word of the same last letters (``ครั้งที่``) that have the same digits and a
    separator (``2/2566``), when all are one, say OCR lost it.
    """
    digits = toks[i]
    if not (i and digits.isascii() and digits.isdigit() and len(digits) >= 3):
        return None
    left = _shape(toks[i - 1], True)
    if left is None or left.startswith("#"):
        return None
    found = {
        tokens[k]
        for tokens in texts
        for k in range(1, len(tokens))
        if tokens[k] != digits
        and _NUMBER.fullmatch(tokens[k])
        and re.sub("[,./]", "", tokens[k]) == digits
        and _shape(tokens[k - 1], True) == left
    }
    return found.pop() if len(found) == 1 else None


def filled(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    r"""For each text of a document, the Latin gaps to rewrite as Thai: ``(start, end, words)``.

    ``texts`` are the document's OCR'd pages; each gap is filled from all of them
    (see the module docstring).

    >>> page = "จำนวน 3 รุ่น ผู้เข้าร่วม 150 คน\nจำนวน 5 qu ผู้เข้าร่วม 90 คน"
    >>> filled([page])
    [[(40, 42, 'รุ่น')]]
    >>> filled(["ระยะ 20 U ประชาชน"])  # no other text says what U stands for
    [[]]
    """
    # each line's words, after the last two of the line before: a neighbour on the
    # right across a line break is none (a speck read as letters ends a line above
    # the next row's number), one on the left may be (a cell's text wraps before
    # ``U`` / ``22566``)
    lines: list[list[tuple[list[tuple[int, int]], int]]] = []
    for text in texts:
        lines.append([])
        tail: list[tuple[int, int]] = []
        for a in re.finditer("[^\n]+", text):
            spans = [m.span() for m in _TOKEN.finditer(text, a.start(), a.end())]
            lines[-1].append((tail + spans, len(tail)))
            tail = (tail + spans)[-2:]
    tokens = [
        [t[a:b] for a, b in spans] for t, ls in zip(texts, lines, strict=True) for spans, _ in ls
    ]
    out: list[list[tuple[int, int, str]]] = []
    for t, ls in enumerate(lines):
        edits: list[tuple[int, int, str]] = []
        for spans, start in ls:
            edits.extend(_line_edits(texts[t], spans, start, tokens))
        out.append(edits)
    return out


def _line_edits(
    text: str, spans: list[tuple[int, int]], start: int, tokens: Sequence[list[str]]
) -> list[tuple[int, int, str]]:
    """The gaps of one line filled from ``tokens``.

    ``spans`` are its words in ``text`` after ``start`` words of the line before
    (neighbours only).
    """
    toks = [text[a:b] for a, b in spans]
    edits: list[tuple[int, int, str]] = []
    i = start
    while i < len(toks):
        if not _LATIN.fullmatch(toks[i]):
            if (number := _separated(tokens, toks, i)) is not None:
                edits.append((*spans[i], number))
            i += 1
            continue
        j = i
        while j < len(toks) and _LATIN.fullmatch(toks[j]):
            j += 1
        frame = _frames(toks, i, j) if j - i <= MAX_GAP else None
        if frame is not None:
            left, right = frame
            found = _fillings(tokens, left, right, j - i)
            if not found and right is not None and len(left) == 2:
                found = _fillings(tokens, left, None, j - i)
            words = _shortest(found)
            if words is not None and _fits(words, toks[i:j]):
                edits.extend(
                    (*spans[k], w) for k, w in zip(range(i, j), words, strict=True)
                )
        i = j
    return edits


def _fits(words: list[str], latin: list[str]) -> bool:
    """Whether Thai ``words`` are no wider than OCR reads as the Latin words ``latin``.

    >>> _fits(["ครั้งที่"], ["Ash"]), _fits(["ปี"], ["U"]), _fits(["มาตรการ"], ["q"])
    (True, True, False)
    """
    wide = sum(len(_MARKS.sub("", w)) for w in words)
    return wide <= LETTERS_PER_LATIN * sum(len(t) for t in latin) + 1
