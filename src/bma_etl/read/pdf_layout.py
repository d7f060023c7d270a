"""Rebuild a PDF page's text from pdfium's characters and their positions.

Stage: read (runs in the PDF worker process). Drops the glyphs the PDF gives no
text for, drops the spaces pdfium invents inside a Thai cluster, puts marks
written out of order back on their letter, joins a mark to the letter before it
whatever the gap (distributed justification), turns wide gaps into tabs, so a
PDF page reads like the text files the extractors know (the tabs of a table's
rows are aligned into its columns by :mod:`.pdf_columns`).

A glyph with no text mapping (no ``ToUnicode`` entry, as HarfBuzz-shaped PDFs
leave the second glyph of a split SARA AM: field-cases/shaped_pdf_unmapped_glyph.pdf)
is never passed on as a character: pdfium reports its raw character code instead
(``.``, a control, even a line break), so it is dropped and counted
(:attr:`TextLine.unmapped`; :attr:`TextLine.am_tails` of them right after a SARA
AM, whose letter is whole without them) for the page's damage score.
"""

from __future__ import annotations

import re
from typing import Any

from bma_etl.read.legacy_thai import pua_to_thai, soft_hyphens_kept, tis620_recoded
from bma_etl.read.pdf_clusters import (
    PageLetters,
    drop_phantoms,
    early_marks,
    joins_mark,
    lead_marks,
    loose_marks,
    misplaced_space,
    replace_marks,
)
from bma_etl.read.pdf_crossing import ruled, ruled_letters
from bma_etl.read.pdf_extent import kept_words, page_extents
from bma_etl.read.pdf_fast import PlainLines, plain_text
from bma_etl.read.pdf_gaps import PageGaps
from bma_etl.read.pdf_glyphs import (
    DROPPED,
    JOINED,
    LOST,
    SENTINEL,
    STEP_EM,
    TAB_GAP_EM,
    TAIL,
    Glyphs,
    glyphs,
    without_unmapped,
)
from bma_etl.read.pdf_hex_boxes import framed, hex_boxes_read, through_frames
from bma_etl.read.pdf_jumps import line_jumps
from bma_etl.read.pdf_junk_maps import junk_mapped, words_lost
from bma_etl.read.pdf_letters import SPACE_OVER_EM, WORD_OVER_EM, letter_spaced, may_be_word_space
from bma_etl.read.pdf_line import TextLine, spread
from bma_etl.read.pdf_linebreaks import line_breaks, without_false_breaks
from bma_etl.read.pdf_lost_spaces import Blanks, lost_spaces, written_spaces
from bma_etl.read.pdf_mark_sides import wrong_side_marks
from bma_etl.read.pdf_order import in_drawn_order
from bma_etl.read.pdf_overhang import overhang, past_advance, reach_back
from bma_etl.read.pdf_overprint import overprinted_cells, unread_words
from bma_etl.read.pdf_private import private_forms_read
from bma_etl.read.pdf_sara_am import am_gap, am_unseen, undoubled
from bma_etl.read.pdf_spans import without_span_copies
from bma_etl.read.pdf_split_boxes import letter_end
from bma_etl.read.pdf_spread import may_be_spread
from bma_etl.read.pdf_unmapped import unmapped_read
from bma_etl.read.pdf_zero_width import advances_nothing, spaces_advance_nothing

#: A space pdfium generated over a gap narrower than this (in font sizes, between
#: the characters' advance boxes) is dropped. LibreOffice leaves 0-0.21 em between
#: a Thai tone mark and SARA AA or between Latin and Thai letters, where pdfium
#: generates a space; a real space is wider (Sarabun 0.243 em, Garuda 0.34 em) and
#: usually written, except by browsers, which draw none (sizes as drawn:
#: :func:`.pdf_glyphs.font_size`).
JOIN_GAP_EM = 0.22

#: A vertical rule crosses a line when it reaches this many font sizes above its
#: baseline (into its letters): a spreadsheet's grid stops under a cell its text
#: runs over, at the foot of that row, where small print's baseline nearly stands.
RULE_REACH_EM = 0.3

_SPACES = re.compile("[ \u00a0]+")
_LEADING = " \t\u00a0" + LOST + TAIL
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B)))
                   + "".join(map(chr, range(0x0E47, 0x0E4F))))


def page_lines(textpage: Any, rules: tuple[tuple[float, float, float], ...] = (),
               fast: bool = True, blanks: Blanks | None = None,
               overprints: list[str] | None = None) -> list[TextLine]:
    """A page's lines, with pdfium's spacing and mark order put right.

    A Thai mark that the PDF wrote after a later character (so pdfium put it,
    between generated spaces, after the wrong letter) goes back to the letter it
    is drawn over. A space pdfium generated where the letters leave no gap
    (inside a Thai cluster, before a mark, between Thai and Latin letters) is
    dropped; white space over a gap of :data:`TAB_GAP_EM` font sizes or more
    becomes a tab, as does white space between pieces on different baselines
    (:data:`STEP_EM`) or a vertical rule (``rules``: ``(x, bottom, top)``) between
    two characters; white space at either end of a line is dropped.
    ``textpage``: a pypdfium2 text page, or its :class:`~.pdf_glyphs.Glyphs`. ``fast``: a
    line that needs none of the repairs (:mod:`.pdf_fast`) is not looked at for them.
    ``blanks``: the page's blank text objects, spaces LibreOffice wrote apart
    (:func:`.pdf_lost_spaces.written_spaces`). ``overprints``: when given, each cell
    in which two texts are printed over each other is appended to it
    (:func:`.pdf_overprint.overprinted_cells`), and each word that lost a mark no
    text map nor font named (:func:`.pdf_overprint.unread_words`). A missing-glyph
    box's frame (:mod:`.pdf_hex_boxes`) is no rule.
    """
    g = glyphs(textpage)
    textpage = g.textpage
    raw = textpage.get_text_range()
    count = textpage.count_chars()
    if len(raw) != count:
        # Surrogate pairs or glyphs pdfium leaves out of its text (a lost glyph
        # coded 3, say) shift indices: read the page character by character.
        raw = "".join(chr(g.unicode(i)) for i in range(count))
    # Thai in an old font's encoding (PUA forms; TIS-620 as Latin-1, its ญ from
    # pdfium's hyphen) made Thai before any repair reads it (one for one).
    raw, recoded = tis620_recoded(soft_hyphens_kept(pua_to_thai(raw)))
    raw = private_forms_read(textpage, raw)  # a shaping producer's own PUA codes
    raw = hex_boxes_read(g, raw)  # a missing-glyph box: the code its digits name
    if g.frames and rules:
        rules = tuple(rule for rule in rules if not framed(rule, g.frames))
    raw = unmapped_read(g, without_unmapped(g, raw, count), count)  # a glyph the font names
    raw, junk = junk_mapped(g, raw)  # a glyph another program's text map names junk
    raw, sided = wrong_side_marks(g, raw)  # a mark named for the other side of the line
    junk = sorted({*junk, *sided}) if sided else junk
    if junk:  # doubted as a word whose mark no map named
        g.unread = sorted({*g.unread, *junk})
    raw = undoubled(raw, g)  # a re-distilled SARA AM's SARA AA (Ghostscript)
    raw = without_false_breaks(g, without_span_copies(g, raw))
    letters, gaps_of_page = PageLetters(g, count), PageGaps(g, raw)
    plain = PlainLines(g, raw, gaps_of_page) if fast else None
    # asked once for the page: most pages hold no stand-in nor control character
    marked = SENTINEL.search(raw) is not None
    clean = _CONTROL.search(raw.replace("\r", "")) is None  # (no line holds a break)
    lines: list[TextLine] = []
    spans: list[tuple[int, int, str, tuple[float, ...]]] = []  # lines for .pdf_overprint
    breaks = line_breaks(g, raw)
    extents = page_extents(g, raw, breaks, gaps_of_page)  # every line's extent, at once
    start = 0
    for brk in (*breaks, None):
        end = brk[0] if brk else len(raw)
        line = raw[start:end]
        lost, tails = (line.count(LOST), line.count(TAIL)) if marked else (0, 0)
        if junk:  # a glyph another program's map names junk loses its word
            lost += words_lost(raw, junk, start, end)
        baseline, size, left, right, first_word, last_word = None, 0.0, 0.0, 0.0, 0.0, 0.0
        bare = line.strip()
        spaced_end = bool(bare) and line[-1:] in (" ", "\u00a0")
        if (line.replace(LOST, "").replace(TAIL, "").strip() if lost or tails else bare):
            first = start + len(line) - len(line.lstrip(_LEADING))
            origin = g.origin(first)
            if origin is not None:
                baseline = origin[1]
            size = round(g.size(first), 1)
            crossing = [x for x, bottom, top in rules if baseline is not None
                        and bottom - 1.0 <= baseline and top >= baseline + RULE_REACH_EM * size
                        ] if rules else []
            if crossing and g.frames:  # the sides of a line's missing-glyph boxes: no rule
                crossing = [x for x in crossing if not through_frames(x, baseline, g.frames)]
            fixer = _Line(g, line, start, crossing, baseline, gaps_of_page, marked)
            left, right, first_word, last_word = extents.of(fixer)
            spaced_end = spaced_end and fixer.space_at_end()
            if blanks is not None and blanks.within(baseline, size, left, right):
                fixer.blanks = blanks
            line = plain_text(fixer) if plain and fixer.blanks is None \
                and plain.needs_none(fixer) else fixer.fixed(letters)
            cells = tuple(fixer.cells)
            gaps = tuple(fixer.gaps)
            heights, loose = tuple(fixer.heights), fixer.loose
            ends = (*fixer.ends, right)
            spaces = (*fixer.spaces, spaced_end)
            jumps = line_jumps(fixer, line) if len(cells) > 1 and not crossing \
                and (clean or not _CONTROL.search(line)) else ()
        else:
            cells = heights = ends = spaces = gaps = jumps = ()
            loose = 0
        text = (line if clean else _CONTROL.sub("", line.replace("\x02", "-")
                                                 .replace("\ufffe", "-"))).strip(" \u00a0\t")
        if "\t" in text or len(cells) != 1:
            if text.count("\t") + 1 != len(cells):
                cells = heights = ends = spaces = ()
        if gaps or " " in text or "\u00a0" in text:
            if len(_SPACES.findall(text)) != len(gaps):
                gaps = ()
        first_word, last_word = kept_words(text, gaps, left, right, first_word, last_word)
        if overprints is not None and text:
            spans.append((start, end, text, cells))
            if lost and g.unread:  # a word whose mark no map named: doubted as overprints are
                overprints.extend(unread_words(raw, start, end, g.unread))
        runs = [b - a for a, b in gaps] + [c - e for e, c in zip(ends, cells[1:], strict=False)]
        extra = spread(runs, size) if len(runs) >= 2 and size > 1.0 else 0.0
        lines.append(TextLine(text, baseline, size, cells, left, right, first_word, last_word,
                              spaced_end, None, lost + tails, tails, 0.0, heights, loose, ends,
                              spaces, False, False, (), (), (), gaps, extra,
                              recoded > 0, (), jumps))
        start = brk[1] if brk else len(raw)
    if overprints is not None and spans:
        overprints.extend(overprinted_cells(g, raw, spans))
    return lines


class _Line:
    """One line of a text page being rebuilt: its characters and each one's page index."""

    __slots__ = ("baseline", "blanks", "cells", "ends", "g", "gaps", "heights", "index", "ink",
                 "loose", "page", "rules", "spaced", "spaces", "text")

    def __init__(self, textpage: Any, line: str, base: int, rules: list[float] | None = None,
                 baseline: float | None = None, page: PageGaps | None = None,
                 marked: bool = True) -> None:
        g = textpage if isinstance(textpage, Glyphs) else glyphs(textpage)
        self.g = g
        self.blanks: Blanks | None = None  # the page's blank objects, when one is inside
        self.page = page  # the page's letter gaps, when ``line`` is cut from its text
        self.cells: list[float] = []  # x where each tab-separated cell starts
        self.heights: list[float] = []  # the baseline of each cell's first character
        self.ends: list[float] = []  # the right edge of each cell but the last
        self.spaces: list[bool] = []  # whether each cell but the last ends in a written space
        self.gaps: list[tuple[float, float]] = []  # each space kept inside: its two sides (x)
        self.rules = sorted(rules or [])  # x of the vertical rules that cross the line
        self.baseline = baseline  # y of the line's first character's origin
        self.ink: dict[int, float] = {}  # page index → right edge of lost glyphs drawn after it
        self.loose = 0  # orphan marks drawn over no letter (see fixed)
        #: White-space runs (by start) inside a letter-spaced run: its common letter gap
        #: (None until a space first needs it: a line whose spaces are all tabs, marks'
        #: gaps or rules' is never measured).
        self.spaced: dict[int, float] | None = None
        #: The line's characters, and the page index of each (``text[pos]`` is ``index[pos]``).
        self.text = line
        self.index: range | list[int] = range(base, base + len(line))
        if not marked or not SENTINEL.search(line):  # (``marked``: the page holds one)
            return
        kept: list[str] = []
        index: list[int] = []
        inked = None  # the last character kept that is not white space
        for i, ch in enumerate(line):
            if ch not in (*DROPPED, JOINED):
                kept.append(ch)
                index.append(base + i)
                if ch not in " \u00a0":
                    inked = base + i
            elif ch in DROPPED and inked is not None:
                # the lost glyph is drawn: the gap after the letter before it ends later
                right = g.edges(base + i)[1]
                self.ink[inked] = max(self.ink.get(inked, right), right)
        self.text, self.index = "".join(kept), index

    def space_at_end(self) -> bool:
        """Whether the line's trailing space stands where the line ends.

        A written space drawn elsewhere (LibreOffice can put the space of a break
        inside a Thai run far to the left of the line's end) is no space the line
        was wrapped at; one pdfium made up is taken as it is.
        """
        text = self.text.rstrip(" \u00a0")
        if not text or len(text) == len(self.text):
            return False
        at = self.index[len(text)]
        if self.g.generated(at):
            return True
        if self.page is not None and spaces_advance_nothing(self.g, self.page.raw):
            return False  # a zero-width word break, as the page's other written spaces
        edges = self.g.edges
        ink = max(edges(self.index[k])[1] for k in range(max(0, len(text) - 3), len(text)))
        return edges(at)[0] >= ink - max(self.g.size(self.index[len(text) - 1]), 1.0)

    def drop(self, positions: set[int]) -> None:
        """Drop the characters at ``positions``."""
        keep = [k for k in range(len(self.text)) if k not in positions]
        self.text = "".join([self.text[k] for k in keep])
        self.index = [self.index[k] for k in keep]

    def move(self, pos: int, target: int) -> None:
        """Move the character at ``pos`` to ``target`` (the characters between shift up)."""
        chars, index = list(self.text), list(self.index)
        chars.insert(target, chars.pop(pos))
        index.insert(target, index.pop(pos))
        self.text, self.index = "".join(chars), index

    def fixed(self, letters: PageLetters | None = None) -> str:
        drop_phantoms(self)
        replace_marks(self)
        lead_marks(self)
        early_marks(self)
        in_drawn_order(self)
        if letters is not None:
            self.loose = loose_marks(self, letters)
        written_spaces(self, self.blanks)
        lost_spaces(self)
        text = self.text
        first = len(text) - len(text.lstrip(" \u00a0"))
        if first < len(text):
            self.start_cell(first)
        return self._respace(text)

    def start_cell(self, pos: int) -> None:
        """Note that a cell starts at ``text[pos]``: its x, its baseline, where the last ended."""
        if self.cells:
            last = [k for k in range(max(0, pos - 3), pos) if self.text[k] not in " \u00a0"]
            self.ends.append(max([self.box(k)[1] for k in last], default=self.box(pos)[0]))
            k = pos - 1
            while k > 0 and self.text[k] in " \u00a0":  # the white space before the cell
                k -= 1
            self.spaces.append(any(not self.g.generated(self.index[j]) for j in range(k + 1, pos)))
        self.cells.append(self.box(pos)[0])
        origin = self.origin(pos)
        self.heights.append(origin[1] if origin else (self.baseline or 0.0))

    def box(self, pos: int) -> tuple[float, float]:
        """The left and right edges of the advance box of ``text[pos]``."""
        return self.g.edges(self.index[pos])

    def ink_box(self, index: int) -> tuple[float, float, float, float]:
        """The tight box (left, bottom, right, top) of the page's character ``index``."""
        return self.g.tight(index)

    def origin(self, pos: int) -> tuple[float, float] | None:
        """Where ``text[pos]`` is drawn from (its x and baseline), if pdfium says."""
        return self.g.origin(self.index[pos])

    def _step(self, a: int, b: int) -> float:
        """How far apart the baselines of ``text[a]`` and ``text[b]`` stand (points)."""
        first, second = self.origin(a), self.origin(b)
        return abs(first[1] - second[1]) if first and second else 0.0

    def _respace(self, text: str) -> str:
        """The line's text (``text``: :attr:`text`) with each run of white space decided."""
        out: list[str] = []
        done = 0  # text[:done] is in out
        for run in _SPACES.finditer(text):
            pos, end = run.span()
            ruled_letters(self, text, done, pos, out)
            out.append(self._space(pos, end) if 0 < pos and end < len(text) else text[pos:end])
            if 0 < pos and end < len(text) and out[-1].strip(" \u00a0") == "" and out[-1]:
                self.gaps.append((self.box(pos - 1)[1], self.box(end)[0]))
            done = end
        ruled_letters(self, text, done, len(text), out)
        return "".join(out)

    def _space(self, a: int, b: int) -> str:
        """What the white space ``text[a:b]`` between two characters stands for."""
        text, index, g, ink = self.text, self.index, self.g, self.ink
        if joins_mark(text[a - 1], text[b]):  # a mark never starts a word or a cell
            return ""
        start, left = g.edges(index[a - 1])
        left = max(left, ink.get(index[a - 1], 0.0))
        j = a - 1
        while j > 0 and text[j] in _MARKS:  # a mark sits over its base: the cluster's edge
            j -= 1
            j_left, j_right = g.edges(index[j])
            left = max(left, j_right, ink.get(index[j], 0.0))
            start = min(start, j_left)
        end = letter_end(g, index[j])  # its box a mark's: where its own advance ends
        if end is not None:
            left = max(left, end)
        right = g.edges(index[b])[0]
        if self.rules and ruled(self, j, b):  # the cluster's letter, not its marks
            self.start_cell(b)
            return "\t"
        size = g.size(index[b])
        if size <= 1.0:  # generated characters report 1; ask the other neighbour
            size = g.size(index[a - 1])
        if b == a + 1 and index[b] == index[a] + 1 and not g.generated(index[a]) \
                and advances_nothing(g, index[a], size):
            return ""  # a zero-width word break written as a space: no gap in print
        gap = right - left
        if self.spaced is None:
            if size > 1.0 and gap >= TAB_GAP_EM * size and not may_be_word_space(
                    self, text, a, b, gap, size) and not may_be_spread(self, text, a, b):
                self.start_cell(b)
                return "\t"
            self.spaced = letter_spaced(self, text)
        common = self.spaced.get(a)
        if common is not None and gap < common + SPACE_OVER_EM * size:
            return ""  # the letter spacing of a justified line without spaces
        # A letter-spaced run's word space may be tab-wide: a space and one or two letter gaps.
        if size > 1.0 and (gap >= TAB_GAP_EM * size or self._step(j, b) > STEP_EM * size) \
                and (common is None or gap < TAB_GAP_EM * size
                     or gap > 2 * common + WORD_OVER_EM * size):
            self.start_cell(b)
            return "\t"
        generated = g.generated(index[a]) if b == a + 1 else \
            all(g.generated(index[i]) for i in range(a, b))
        generated = generated or misplaced_space(self, a, b, start)  # no gap of the line's
        if generated and size > 1.0 and gap < JOIN_GAP_EM * size and text[b] not in _MARKS:
            # boxes wider than their glyphs' advances: the letter's (measured on the one
            # before it, or from the space pdfium put at its advance's end), the next one's
            gap += max(overhang(self, a - 1, size), past_advance(self, a)) + reach_back(self, b)
        if generated and (text[b] in _MARKS or (size > 1.0 and gap < JOIN_GAP_EM * size)):
            return ""
        if generated and size > 1.0 and am_unseen(self, a - 1) and am_gap(self, gap, size):
            return ""
        return text[a:b]
