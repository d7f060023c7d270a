"""A SARA AM whose SARA AA glyph carries no text: the gap it leaves is no word space.

Stage: read (runs in the PDF worker process; asked by :mod:`.pdf_layout` about a
space pdfium generated after a SARA AM). A font may draw SARA AM as two glyphs,
NIKHAHIT over the consonant and SARA AA after it; a writer that maps the text
onto one of them leaves the SARA AA's place looking like a gap between words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bma_etl.read.pdf_clusters import MARK_SET
from bma_etl.read.pdf_glyphs import LOST, TAIL
from bma_etl.read.text_dumps import _DOUBLED_AM, DOUBLED_SHARE, MIN_DOUBLED, SARA_AM

#: SARA AA drawn before the SARA AM its glyph is half of (HarfBuzz's glyph order for
#: Noto Sans Thai): ``สาำนัก``, which no Thai word writes either.
_AA_FIRST = re.compile(f"\u0e32(?={SARA_AM})")
#: A SARA AM, a tone mark, a glyph with no text or none, then SARA AA, after a letter
#: and its marks: what :func:`_drawn_doubled` may show to be one SARA AM drawn in two.
_AM_THEN_AA = re.compile(f"(?<=[\u0e01-\u0e2e\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"
                         f"{SARA_AM}([\u0e48-\u0e4b{LOST}{TAIL}]?)\u0e32")

if TYPE_CHECKING:
    from bma_etl.read.pdf_glyphs import Glyphs
    from bma_etl.read.pdf_layout import _Line

def am_unseen(line: _Line, pos: int) -> bool:
    """Whether ``line.text[pos]`` is a SARA AM whose SARA AA glyph carries no text.

    A font may draw SARA AM as two glyphs, NIKHAHIT over the letter and SARA AA
    after it, and the writer maps the letter onto one of them only: a browser
    onto the consonant's glyph, which then carries both letters at one origin;
    LibreOffice (in Waree) onto the NIKHAHIT, whose box then ends inside the
    consonant's. Either way the space the SARA AA takes looks like a gap
    between words. Not so where the SARA AA's glyph is drawn with no text of
    its own (fpdf2 shaped in Waree writes it as a control character, which the
    line drops): the gap then starts after it.
    """
    if pos < 1 or line.text[pos] != "\u0e33":
        return False
    base = pos - 1  # the consonant: marks, and the break pdfium put before them, aside
    while base > 0 and (line.text[base] in MARK_SET or line.text[base] in " \u00a0"):
        base -= 1
    if line.ink.get(line.index[pos], 0.0) > line.box(base)[1] + _AM_INSIDE_PT:
        return False  # its SARA AA is drawn by a glyph with no text, before the gap
    am, letter = line.origin(pos), line.origin(base)
    if am is not None and letter is not None and abs(am[0] - letter[0]) < 0.01:
        return True
    (am_left, am_right), (letter_left, letter_right) = line.box(pos), line.box(base)
    return letter_left <= am_left and am_right <= letter_right + _AM_INSIDE_PT


#: How far (points) a NIKHAHIT's box may pass its consonant's right edge and still
#: be drawn over it: a SARA AM drawn whole ends a SARA AA's width (0.4 em) further.
_AM_INSIDE_PT = 0.5
#: A generated space after a SARA AM whose SARA AA glyph has no text is no space
#: when the gap is narrower than this many font sizes: a SARA AA is 0.40-0.69 em
#: wide in the Thai fonts (Loma's the widest, as Chromium draws it), a SARA AA and
#: a space 0.73 em or more (Loma 0.92).
AM_SPLIT_GAP_EM = 0.71
#: In a fixed-pitch font (:func:`fixed_pitch`) SARA AA takes one advance, a SARA AA
#: and a space two: the gap is the SARA AA's when narrower than this many advances.
AM_SPLIT_PITCHES = 1.5


def am_gap(line: _Line, gap: float, size: float) -> bool:
    """Whether a ``gap`` (points) after a SARA AM is a SARA AA's width, not more.

    ``size``: the font size drawn (points); a SARA AA and a space are wider than
    :data:`AM_SPLIT_GAP_EM` of it, or :data:`AM_SPLIT_PITCHES` advances of a
    fixed-pitch font.
    """
    return gap < AM_SPLIT_GAP_EM * size or gap < AM_SPLIT_PITCHES * fixed_pitch(line)


#: A line is set in a fixed-pitch font when this many of its letters, or more, are
#: all one advance wide (within :data:`_PITCH_TOLERANCE` of it, a share).
_PITCH_LETTERS = 4
_PITCH_TOLERANCE = 0.02


def fixed_pitch(line: _Line) -> float:
    """The advance (points) every letter of the line takes in a fixed-pitch font, or 0.0.

    Tlwg Typo, Tlwg Mono, Tlwg Typist and Tlwg Typewriter give every glyph one
    advance (0.6 em): a SARA AA there is as wide as a space, wider than
    :data:`AM_SPLIT_GAP_EM` allows for it. Measured on the advance
    boxes of the line's letters that are not marks and carry their own box (a
    browser's cluster text is boxed by its glyph's ink, not its advance): every
    one of them, at least :data:`_PITCH_LETTERS`, within :data:`_PITCH_TOLERANCE`
    of their median; a proportional font's ``ก`` and ``ม`` differ by more.
    """
    widths = []
    for pos, ch in enumerate(line.text):
        if ch in MARK_SET or ch in " \u00a0" or ch == "\u0e33" or not ch.isalpha():
            continue
        left, right = line.g.edges(line.index[pos])
        ink = line.ink_box(line.index[pos])
        if right - left > ink[2] - ink[0] + 0.05:  # an advance box, not the glyph's ink
            widths.append(right - left)
    if len(widths) < _PITCH_LETTERS:
        return 0.0
    widths.sort()
    pitch = widths[len(widths) // 2]
    return pitch if all(abs(w - pitch) <= _PITCH_TOLERANCE * pitch for w in widths) else 0.0


def undoubled(raw: str, g: Glyphs | None = None) -> str:
    r"""``raw`` with each SARA AM a re-written PDF reads doubled (``ำา``) read once.

    LibreOffice draws a SARA AM in Garuda, Laksaman (most Thai fonts) as two glyphs,
    NIKHAHIT over the consonant and SARA AA after it, whose ``ToUnicode`` entries say
    SARA AM and SARA AA, and gives the cluster its text in an ``/ActualText`` span.
    Ghostscript re-distilling the print ("reduce file size": ``/screen``, ``/ebook``)
    drops the spans: pdfium reads ``สำานัก``, ``นำ้า`` (a tone mark between), which no
    Thai word writes (nor ``สาำนัก``, the SARA AA drawn first). As a PDF text dump's
    (:func:`.text_dumps.undoubled_sara_am`), where the page writes as many of them;
    on a page that writes fewer (one SARA AM on it), each one its glyphs show drawn
    as one SARA AM (``g``: the page's glyphs, :func:`_drawn_doubled`). That SARA AA
    becomes :data:`~.pdf_glyphs.TAIL` (dropped with the SARA AM's other drawn halves)
    and a tone mark between the two goes before the SARA AM; a glyph with no text
    between them is the cluster's tone mark, unread: :data:`~.pdf_glyphs.LOST`, its
    index added to ``g.unread`` (its word doubted). One for one: indexes hold.

    >>> undoubled("สำานัก จำานวน ระบายนำ\u0e49า") == "สำ\x1eนัก จำ\x1eนวน ระบายน\u0e49ำ\x1e"
    True
    """
    if SARA_AM not in raw:
        return raw
    found = list(_DOUBLED_AM.finditer(raw))
    before = [m.start() for m in _AA_FIRST.finditer(raw)]
    doubled = len(found) + len(before)
    if doubled < MIN_DOUBLED or doubled < DOUBLED_SHARE * raw.count(SARA_AM):
        found, before = [], []
    if g is not None:  # each one drawn so, besides; its tone mark unread too
        seen = {m.start() for m in found}
        found += [m for m in _AM_THEN_AA.finditer(raw)
                  if m.start() not in seen and _drawn_doubled(g, raw, m)]
    if not found and not before:
        return raw
    chars = list(raw)
    for m in found:
        if m.group(1) in (LOST, TAIL):  # the cluster's tone mark, drawn with no text
            chars[m.start() + 1] = LOST
            if g is not None:
                g.unread = sorted({*g.unread, m.start() + 1})
        elif m.group(1):
            chars[m.start()], chars[m.start() + 1] = m.group(1), SARA_AM
        chars[m.end() - 1] = TAIL
    for k in before:
        chars[k] = TAIL
    return "".join(chars)


#: How far (font sizes) a SARA AM's SARA AA glyph may start from its consonant's
#: right edge: it is drawn right after it (Garuda, Laksaman: within 0.01 em), where a
#: SARA AA typed after a whole SARA AM starts a SARA AA's width (0.4 em) further.
_AA_AFTER_EM = 0.12


def _drawn_doubled(g: Glyphs, raw: str, m: re.Match[str]) -> bool:
    """Whether match ``m`` of :data:`_AM_THEN_AA` is one SARA AM drawn as two glyphs.

    So when the SARA AM's glyph is drawn over its consonant, a NIKHAHIT's box ending
    within :data:`_AM_INSIDE_PT` of the consonant's right edge (a SARA AM glyph whole
    ends a SARA AA's width further), a mark between starts over it too, and the SARA AA's glyph
    starts at that edge, within :data:`_AA_AFTER_EM` of the font size. A SARA AM
    typed twice (``ทำา``, a slip) is drawn with its own SARA AA between: kept.
    """
    am, aa = m.start(), m.end() - 1
    base = am - 1
    while base > 0 and raw[base] in MARK_SET:
        base -= 1
    if not "\u0e01" <= raw[base] <= "\u0e2e":
        return False
    left, right = g.edges(base)
    size = g.size(aa) or g.size(base)
    if size <= 0.0 or right <= left:
        return False
    if g.edges(am)[1] > right + _AM_INSIDE_PT or g.edges(aa - 1)[0] >= right:
        return False  # a SARA AM glyph whole, or a glyph between drawn past the consonant
    return abs(g.edges(aa)[0] - right) <= _AA_AFTER_EM * size
