"""Thai clusters a PDF's text maps wrongly: doubled by a browser, marks written late.

Stage: read (runs in the PDF worker process; works on a line of
:mod:`.pdf_layout` as it is being rebuilt). A browser (Chromium's Skia) maps each
glyph of a cluster it shaped to the cluster's whole text, so a cluster drawn with
two glyphs is read twice, and its SARA AM drawn as two glyphs is read off the
consonant's glyph; a HarfBuzz-shaped PDF writes a tone mark after the next letter.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bma_etl.read.pdf_layout import _Line

#: A consonant and the mark or SARA AM after it.
_MARKED = re.compile("[\u0e01-\u0e2e][\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]")
#: Thai marks drawn over or under a letter (as :data:`.pdf_layout._MARKS`).
_MARK_CLASS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
MARK_SET = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                     + "".join(map(chr, range(0x0E47, 0x0E4F))))
_MARK_SET = MARK_SET
_SPACE_OR_MARK = _MARK_SET | {" ", "\u00a0"}
#: One mark of :data:`_MARK_SET` (to jump from mark to mark over a line).
_A_MARK = re.compile(f"[{_MARK_CLASS}]")
#: Where a mark may have been written after a later letter: a mark after a space or
#: a letter (matched at the character before the mark).
_LATE = re.compile(f"[ \u00a0](?=[{_MARK_CLASS}])|[^{_MARK_CLASS}](?=[{_MARK_CLASS}])")
#: A consonant with its marks or SARA AM (a cluster a browser may map twice).
_CLUSTER = re.compile("[\u0e01-\u0e2e][\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]+")


def drop_phantoms(line: _Line) -> None:
    """Drop Thai letters that no glyph draws.

    A browser's PDF maps every glyph of a cluster it shaped to the cluster's
    whole text, so a cluster drawn with two glyphs is read twice (``ได้`` read
    ``ไที่ ด้``, ``ทั้ง`` read ``ทั้งทั้``, ``ทำ`` read ``ทำทำ``). A copy is dropped
    when it is a consonant with marks in one ink box narrower than a tenth and
    lower than a quarter of the font size, or floats above its own baseline or
    sinks below it, or stands at the origin of the letter before it (a mark's
    glyph, drawn with no advance), and another reading of it stands near
    (:func:`_copy_near`: in Tlwg Typo the mark's glyph carries the one reading),
    or is that tiny and, with the line's other tiny copies, its only Thai (Chromium
    leaves such copies at a page's foot, ``ยั่`` two points high on a line of its own
    or ``ที่กี่`` on the print's footer, their letters far up the page);
    or when it repeats the cluster just before it and starts inside it (two
    glyphs of one cluster; a word that repeats a syllable starts where the first
    ends). Only a consonant followed by a mark or SARA AM is looked at, and only
    on a line mapped a cluster per glyph (:func:`glyph_clusters`).
    """
    text, index = line.text, line.index
    if not glyph_clusters(line, text):
        return
    clusters = [found.span() for found in _CLUSTER.finditer(text)]
    size = (line.g.size(index[clusters[0][0]]) or 1.0) if clusters else 1.0
    tiny_at = {k for i, end in clusters if _tiny(line, text, i, end, size) for k in range(i, end)}
    # tiny copies the line's only Thai (a line of their own, a browser's footer)
    alone = bool(tiny_at) and not any(
        "\u0e01" <= ch <= "\u0e5b" for k, ch in enumerate(text) if k not in tiny_at)
    drop: set[int] = set()
    previous: tuple[int, int] | None = None  # the last cluster kept
    for i, end in clusters:
        _, bottom, _, top = line.ink_box(index[i])
        origin = line.origin(i)
        baseline = origin[1] if origin else line.baseline
        floating = baseline is not None and (bottom > baseline + 0.4 * size or top < baseline)
        k = i - 1
        while k >= 0 and (text[k] in _MARK_SET or text[k] == "\u0e33"):
            k -= 1
        if not floating and origin is not None and k >= 0 and text[k] not in " \u00a0" \
                and k not in drop:
            before = line.origin(k)
            floating = before is not None and abs(before[0] - origin[0]) < 0.01  # no advance
        tiny = i in tiny_at
        repeated = False
        if previous is not None and text[previous[0]:previous[1]] == text[i:end] \
                and all(text[k] in " \u00a0" or k in drop for k in range(previous[1], i)):
            end_before = line.box(previous[1] - 1)[1]
            repeated = line.box(i)[0] < end_before - 0.05 * size
        if repeated or (tiny and alone) \
                or ((floating or tiny) and _copy_near(line, text, i, end, size, drop)):
            drop.update(range(i, end))
        else:
            previous = (i, end)
    if drop:
        line.drop(drop)


def _tiny(line: _Line, text: str, i: int, end: int, size: float) -> bool:
    """Whether ``text[i:end]`` has one ink box under a tenth by a quarter of ``size`` (pt)."""
    left, bottom, right, top = line.ink_box(line.index[i])
    marks = end - 1 if text[end - 1] != "\u0e33" else end - 2
    last = line.ink_box(line.index[marks]) if marks > i else (left, bottom, right, top)
    return right - left < 0.1 * size and top - bottom < 0.25 * size \
        and last[2] - left < 0.1 * size and marks > i


def _copy_near(line: _Line, text: str, i: int, end: int, size: float, drop: set[int]) -> bool:
    """Whether the cluster ``text[i:end]`` is read again near where it is drawn.

    Near: another reading of it, not dropped, whose box comes within a font
    ``size`` (points) of this one's, left to right: the letter it copies.

    A font whose cluster the browser maps onto its mark's glyph only (Tlwg Typo's
    ``ด้``, ``ที่`` drawn above the line, the consonant's glyph mapped to nothing)
    draws that cluster's one reading there: with no copy it is the text.
    """
    left, right = line.box(i)
    cluster = text[i:end]
    at = text.find(cluster)
    while at >= 0:
        if at != i and at not in drop:
            c_left, c_right = line.box(at)
            if c_left - size <= right and left <= c_right + size:
                return True
        at = text.find(cluster, at + 1)
    return False


def glyph_clusters(line: _Line, text: str) -> bool:
    """Whether the line's text is mapped a cluster per glyph (a browser's PDF).

    Then a consonant and the marks on it share one origin; where every glyph
    has its own text, a mark stands at its own origin. The first few marked
    consonants of the line decide.
    """
    for n, found in enumerate(_MARKED.finditer(text)):
        if n == 2:
            break
        letter, mark = line.origin(found.start()), line.origin(found.start() + 1)
        if letter is not None and mark is not None and abs(letter[0] - mark[0]) < 0.01:
            return True
    return False


def replace_marks(line: _Line) -> None:
    """Move each mark written after a later letter back over the letter drawn under it.

    The mark follows a space (pdfium put the space between), or follows a letter
    whose box its middle lies left of: a shaped PDF writes ``ร ั ง ้`` for
    ``รั้ง`` (the tone mark is drawn over the ``ร``), and fpdf2 in Noto Sans Thai
    writes ``ผ ร ู ้ บ จ ั ้`` for ``ผู้รับจ้`` (a vowel mark late too). The
    letter under it is looked for up to three letters back; a SARA AM on the way
    is no letter (it may have been written late itself). A tone mark whose middle
    lies over a vowel mark goes after that mark: stacked on it, some fonts (Loma,
    Garuda) draw it past its consonant's right edge (LibreOffice writes ``ขั`` /
    ``น`` / ``้`` for ``ขั้น`` at a line's end).
    """
    text = line.text
    pos = 1
    while True:
        # Only a mark after a space or a letter can have been written late.
        found = _LATE.search(text, pos - 1)
        if found is None:
            return
        pos = found.start() + 1
        after_space = text[pos - 1] in " \u00a0"
        if not after_space and pos < 2:
            pos += 1
            continue
        left, right = line.box(pos)
        centre = (left + right) / 2
        if not after_space and centre >= line.box(pos - 1)[0]:
            pos += 1
            continue  # over the letter it follows, as written
        target = None
        bases = 0
        for j in range(pos - 2 if after_space else pos - 1, -1, -1):
            if not after_space and bases > 2:
                break
            if text[j] in _MARK_SET and text[pos] in _TOP_MARKS \
                    and line.box(j)[0] <= centre <= line.box(j)[1]:
                target = j + 1  # stacked on the vowel over its letter (``ขั้น``)
                while target < pos and text[target] in _MARK_SET:
                    target += 1
                break
            if text[j] in _SPACE_OR_MARK or text[j] == "\u0e33":
                continue  # a SARA AM may itself have been written late
            bases += 1
            j_left, j_right = line.box(j)
            if j_left <= centre <= j_right:
                target = j + 1
                while target < pos and text[target] in _MARK_SET:
                    target += 1
                break
        if target is not None:
            line.move(pos, target)
            text = line.text
        pos += 1


#: A consonant with two marks or more, before a consonant: a cluster a shaped PDF
#: may have written a mark of the next one into (what :func:`early_marks` looks at).
_EARLY = re.compile(f"[\u0e01-\u0e2e][{_MARK_CLASS}]{{2,}}(?=[\u0e01-\u0e2e])")
#: Thai's vowel marks over and under a consonant; a cluster holds one, and one tone
#: mark or sign (:data:`_TOP_MARKS`).
_VOWEL_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47")


def early_marks(line: _Line) -> None:
    """Move each mark written before its letter after that letter.

    HarfBuzz-shaped fpdf2 prints in Tlwg Typo write a mark of a cluster before
    its consonant, after the cluster before it: ``ที่ร้อง`` as ``ท ่ ี ้ ร อ ง``,
    ``ญี่ปุ่น`` as ``ญ ่ ี ุ ป ่ น``. The cluster then holds two vowel marks or
    two tone marks, which Thai never writes; the one of them whose middle lies
    right of the cluster's letter, over the consonant after it, follows that
    consonant (a tone mark after the vowel marks on it too). Where the cluster
    holds no such pair the glyphs do not tell: Tlwg Mono draws the ``ั`` of
    ``จัด`` over the ``ด``.
    """
    text = line.text
    pos = 0
    while (found := _EARLY.search(text, pos)) is not None:
        base, after = found.start(), found.end()
        pos = base + 1
        base_right = line.box(base)[1]
        next_left, next_right = line.box(after)
        for kind in (_VOWEL_MARKS, _TOP_MARKS):
            marks = [k for k in range(base + 1, after) if text[k] in kind]
            if len(marks) < 2:
                continue
            moved = next((k for k in marks if base_right < sum(line.box(k)) / 2
                          and next_left <= sum(line.box(k)) / 2 <= next_right), None)
            if moved is None:
                continue
            target = after + 1
            while target < len(text) and text[target] in _MARK_SET and (
                    kind is _TOP_MARKS or text[target] not in _TOP_MARKS):
                target += 1
            line.move(moved, target - 1)
            text = line.text
            break


#: The letters a mark is written over: the consonants (and a mark, for a mark stacked on it).
_BASES = frozenset(map(chr, range(0x0E01, 0x0E2F))) | _MARK_SET
#: A mark with no letter of :data:`_BASES` right before it: what :func:`lead_marks` moves.
_LEAD_MARK = re.compile(f"(?<![\u0e01-\u0e2e{_MARK_CLASS}])[{_MARK_CLASS}]")
#: What a mark may follow in text and not be an orphan
#: (see :func:`~bma_etl.textnorm.damage_score`).
_THAI_LIKE = re.compile("[\u0e01-\u0e5b\ue000-\uf8ff\u0e80-\u0eff]")
#: A mark that follows no character of :data:`_THAI_LIKE` (nothing, white space, a
#: sign): the only marks :func:`loose_marks` may count (a mark after a mark or a
#: Thai letter has its letter).
_ORPHAN_MARK = re.compile(f"(?<![\u0e01-\u0e5b\ue000-\uf8ff\u0e80-\u0eff])[{_MARK_CLASS}]")




def joins_mark(before: str, mark: str) -> bool:
    """Whether white space between ``before`` and the Thai ``mark`` after it is dropped.

    A combining mark never starts a word or a cell: after a consonant (or a mark
    it stacks on) it joins that letter whatever the gap. Distributed (Thai)
    justification spreads a cluster's glyphs apart (LibreOffice draws ``ที่`` as
    ``ท`` and, a tab's width away, ``ี่``). SARA AM never starts a word either:
    LibreOffice writes a space between ``ส`` and the ``ำ`` of ``สำเร็จ``. (A
    space before SARA AA is kept: where a PDF lost the NIKHAHIT of a split SARA AM,
    ``น า`` is what the repair stage mends into ``นำ``.)

    >>> joins_mark("ท", "ี"), joins_mark(".", "ี"), joins_mark("ส", "ำ"), joins_mark("1", "ำ")
    (True, False, True, False)
    """
    return (mark in _MARK_SET or mark == "\u0e33") and before in _BASES


def misplaced_space(line: _Line, a: int, b: int, start: float) -> bool:
    """Whether the spaces ``line.text[a:b]`` between Thai letters are drawn away from their gap.

    LibreOffice writes a space character inside a Thai cluster (``ร ่``, ``ส ำ``)
    whose box lies back at an earlier letter's place or beyond the next letter:
    it marks no gap of the line. ``start`` is the left edge of the cluster
    before the spaces (its base letter's, as marks may stand left of it).
    """
    text, edges, index = line.text, line.g.edges, line.index
    if not ("\u0e01" <= text[a - 1] <= "\u0e5b" and "\u0e01" <= text[b] <= "\u0e5b"):
        return False  # only inside Thai text (a misplaced dash moves its space too)
    end = edges(index[b])[1]
    return all(edges(index[i])[1] <= start - 0.5 or edges(index[i])[0] >= end + 0.5
               for i in range(a, b))


#: Tone marks and the signs written after a vowel mark on one consonant.
_TOP_MARKS = frozenset("\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")


def lead_marks(line: _Line) -> None:
    """Move each mark written before its letter onto the letter it is drawn over.

    A mark with no letter before it (at the line's start, after a space or a
    sign) that is drawn over or under one of the next two letters follows that
    letter: LibreOffice writes ``ผู้`` at a line's start as ``ู ผ ้``, Apache FOP
    ``ี ช ้`` for ``ชี้`` (pdfium generating a space between, the mark drawn from a
    baseline a tenth of a point off its letter's). A vowel
    mark goes right after the letter, a tone mark after the letter's vowel marks,
    so the cluster reads in Thai's order whatever order the text layer gave.
    """
    text = line.text
    pos = 0
    while (found := _LEAD_MARK.search(text, pos)) is not None:
        pos = found.start()
        ch = text[pos]
        left, right = line.box(pos)
        centre = (left + right) / 2
        target = None
        k, bases = pos + 1, 0
        while k < len(text) and bases < 2:
            if text[k] in " \u00a0" and not line.g.generated(line.index[k]):
                break  # a written space: the next word's letters are not its own
            if text[k] in _MARK_SET or text[k] in " \u00a0":
                k += 1
                continue
            bases += 1
            k_left, k_right = line.box(k)
            if "\u0e01" <= text[k] <= "\u0e2e" and k_left <= centre <= k_right:
                target = k + 1
                while target < len(text) and text[target] in _MARK_SET and (
                        ch in _TOP_MARKS or text[target] not in _TOP_MARKS):
                    target += 1
                break
            k += 1
        if target is None:
            pos += 1
            continue
        line.move(pos, target - 1)
        text = line.text


class PageLetters:
    """The letters a page draws, by baseline: what a mark may be drawn over (in the worker).

    Built on first use, from every character pdfium read that is not generated,
    white space or a mark (glyphs with no text mapping included: they are drawn).
    """

    def __init__(self, g: Any, count: int) -> None:
        self.g, self.count = g, count
        self._letters: list[tuple[float, float, float]] | None = None  # baseline, left, right

    def letters(self) -> list[tuple[float, float, float]]:
        """``(baseline, left, right)`` of each letter, sorted by baseline."""
        if self._letters is None:
            g, found = self.g, []
            for i in range(self.count):
                ch = chr(g.unicode(i))
                if ch in _SPACE_OR_MARK or ch in "\r\n\t" or g.generated(i):
                    continue
                origin = g.origin(i)
                if origin is not None:
                    left, right = g.edges(i)
                    found.append((origin[1], left, right))
            self._letters = sorted(found)
        return self._letters

    def under(self, x: float, baseline: float, size: float) -> bool:
        """Whether a letter on ``baseline`` (within a quarter of ``size``) spans ``x``."""
        letters = self.letters()
        k = bisect_left(letters, (baseline - 0.25 * size,))
        while k < len(letters) and letters[k][0] <= baseline + 0.25 * size:
            if letters[k][1] <= x <= letters[k][2]:
                return True
            k += 1
        return False


def loose_marks(line: _Line, page: PageLetters) -> int:
    """How many of the line's orphan marks (runs) are drawn over no letter of their line.

    An orphan mark (no letter before it in the text, as
    :func:`~bma_etl.textnorm.damage_score` counts them) drawn over a letter is a
    layer that lost or misplaced that letter: damage. One drawn over none is how
    the page looks: a narrow cell wrapped a word between a letter and its vowel
    (LibreOffice puts ``มี.ค.`` as ``ม`` over ``ี.ค.``, or one letter a line) and
    the letter stands on the line above, below or on the page before. OCR would
    read no better, so such a mark is not counted as damage.
    """
    text, count = line.text, 0
    for found in _ORPHAN_MARK.finditer(text):
        pos = found.start()
        before = pos - 1
        while before >= 0 and text[before] in " \u00a0":
            before -= 1
        if before >= 0 and (text[before] in _BASES if before < pos - 1
                            else _THAI_LIKE.match(text[before])):
            continue  # it has its letter (or joins it: :func:`joins_mark`)
        origin = line.origin(pos)
        if origin is None:
            continue
        left, right = line.box(pos)
        size = line.g.size(line.index[pos]) or 1.0
        if not page.under((left + right) / 2, origin[1], size):
            count += 1
    return count
