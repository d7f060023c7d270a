"""Which of a PDF page's lines the page wrapped, and which wraps stand for a space.

Stage: read (runs in the PDF worker process; works on :class:`.pdf_line.TextLine`
lists that :func:`.pdf_layout.page_lines` made). :func:`wrapped_lines` judges a
line against the text's right margin (:func:`_margin`) at its natural width;
:func:`spaced_wraps` tells the wraps made at a space; :func:`wraps_over_breaks` judges
a page's last line against the next page's first; :func:`writer_rules` reads the
writer's habits from the PDF's producer.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import pairwise

from bma_etl.furniture import furniture_lines
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import replaced
from bma_etl.read.pdf_lost_spaces import BLANK_RISE_EM, Blanks
from bma_etl.read.pdf_wrap_words import next_word

#: A line ends at the text's right margin when the next line's first word, after
#: a space this many font sizes wide, would have crossed it.
WRAP_SPACE_EM = 0.3
#: A next line whose first word is this share of the text's width or wider has a
#: word no line could hold: its not fitting is no evidence of a wrap.
LONG_WORD = 0.9
#: A line a word too long for any line was cut after leaves at most this many font
#: sizes before the margin (a space-wrapping writer cuts it anywhere, a line breaker
#: of Thai at a word boundary: a long Thai word is 4-6 em).
CUT_ROOM_EM = 6.0
#: A Thai letter's advance, in font sizes (0.6 in the corpus fonts and Noto's, the
#: widest 0.93): a space-wrapping writer that cut a run too long for any line left
#: less room than the next letter's after it.
LETTER_EM = 0.7
#: Spaces this many font sizes wide or more (a space is 0.2-0.38 em) on a full line: justified.
JUSTIFIED_SPACE_EM = 0.42
#: ...and this many times as wide as the page's spaces on lines short of the margin
#: (a font's own space may be half an em: Umpush).
SPREAD_SHARE = 1.3
#: A blank glyph drawn this many font sizes from a line's last ink, on its baseline
#: (within :data:`~.pdf_lost_spaces.BLANK_RISE_EM`), is a space written at the line's end.
BLANK_REACH_EM = 0.5
#: ...and this many more after a line ending in SARA AM whose SARA AA glyph carries
#: no text (Sarabun's ``น้ำ`` in a cell: the line's extent ends at its NIKHAHIT).
AM_TAIL_EM = 0.6
#: Words in ``/Producer`` or ``/Creator`` (lower case) of the writers that wrap a
#: line only at a space (a Thai run longer than a line is cut anywhere): ReportLab's
#: paragraphs, fpdf2's multi_cell.
SPACE_WRAPPERS = ("reportlab", "fpdf")
#: Of the writers that name themselves, those that fill a line with the start of a
#: run too long for any line (ReportLab) or break Thai between words (LibreOffice,
#: Chromium's Skia, Qt's ``QPdfWriter``): a line before such a run that ends short of
#: the margin is no wrap. (fpdf2, which names no producer, starts such a run on a line
#: of its own.)
FILLING_WRITERS = ("reportlab", "libreoffice", "openoffice", "skia", "qt ")
#: A line whose ink ends more than this many font sizes past the page's right edge ran
#: off the page: its writer set it whole (a long table row drawn on one line), no margin
#: wrapped it, and it says nothing of where the page's margin is.
OFF_PAGE_EM = 0.5


def writer_rules(producer: str) -> tuple[bool, bool]:
    """Whether a PDF's writer wraps only at spaces, and whether it fills a line before a long run.

    ``producer``: its ``/Producer`` and ``/Creator``, joined (see :data:`SPACE_WRAPPERS`,
    :data:`FILLING_WRITERS`).

    >>> writer_rules("ReportLab PDF Library - www.reportlab.com"), writer_rules("Skia/PDF m120")
    ((True, True), (False, True))
    """
    low = producer.lower()
    return any(n in low for n in SPACE_WRAPPERS), any(n in low for n in FILLING_WRITERS)


#: A line's first piece that a line breaker keeps whole: a run of non-space, and
#: the runs after it that open with a sign no line starts with, even after a space
#: (UAX #14 LB13: ``:`` ``;`` ``,`` ``.`` ``!`` ``?`` ``)`` ``]`` ``}`` ``/``).
_FIRST_UNIT = re.compile(r"\S*(?:\s+[:;,.!?)\]}/]\S*)*")


def first_unit(text: str) -> str:
    """The first piece of ``text`` a line breaker keeps whole (:data:`_FIRST_UNIT`).

    LibreOffice breaks ``= ๒๑.๕๐ % : งบประมาณ…`` before ``%`` (none before ``:``),
    so the room a line left before the next one shows is that of ``% :``.

    >>> first_unit("% : งบประมาณที่เบิกใช้ (ครั้งที่"), first_unit("งานที่ ๒ : ข"), first_unit("")
    ('% :', 'งานที่', '')
    """
    found = _FIRST_UNIT.match(text.strip())
    return found.group() if found else ""


#: Thai marks: they stand over or under their letter and advance the pen by nothing.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def advance_share(word: str, text: str) -> float:
    """The share of ``text``'s width that ``word`` (a piece of it) takes, by characters.

    Only the characters that advance the pen count: a Thai text's marks take no
    width, so ``๘๒.๐๐`` takes more of ``๘๒.๐๐ % : งบประมาณที่เบิกใช้`` than its
    share of the characters.

    >>> advance_share("๘๒", "๘๒ ที่")  # 2 of the 4 characters that advance, not 2 of 6
    0.5
    """
    return advance(word) / max(1, advance(text))


def advance(text: str) -> int:
    """How many of ``text``'s characters advance the pen (a Thai text's marks do not)."""
    return len(_MARKS.sub("", text))


def _margin(lines: list[TextLine], page_width: float) -> tuple[float, float]:
    """The body's left edge and the right margin of a page's lines (points).

    The left edge is where most lines start (a running header may stand further
    out); the right margin mirrors it, or is the widest line's right edge if that
    is further (a single line further right, a footer set flush right, is no margin).
    Lines that ran off the page (:func:`off_page`) are no margin: two long rows set
    on one line each put it past the page's edge, and every line under the
    second-widest of them read as wrapped.
    """
    filled = [line for line in lines if line.right > 0.0]
    lefts = Counter(round(line.left) for line in filled)
    body_left = max(lefts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    rights = sorted(line.right for line in filled if not off_page(line, page_width))
    if not rights:
        return body_left, page_width - body_left
    return body_left, max(rights[-2] if len(rights) > 1 else rights[-1], page_width - body_left)


def off_page(line: TextLine, page_width: float) -> bool:
    """Whether ``line`` ran off its page (no page wrapped such a line).

    That is: its ink ends more than :data:`OFF_PAGE_EM` font sizes past the page's
    right edge (``page_width``: its x, points, in the lines' space; a page whose box
    starts right of 0 ends further right than its width).

    >>> off_page(TextLine("x" * 200, size=9.0, right=1400.0), 595.0)
    True
    """
    return line.right > page_width + OFF_PAGE_EM * max(line.size, 1.0)


def wrapped_lines(lines: list[TextLine], page_width: float, fills: bool = False,
                  thai_breaks: bool = False) -> list[int]:
    """Indexes of the lines that continue on the next line (the page wrapped them).

    A line wraps when the next holds no cells (no gap of a tab's width) and
    follows at once (no blank line), the line is no ruled table's row nor ran off
    the page (:func:`off_page`: no margin wrapped it), and the
    next line's first word would not have fitted before the right margin
    (:func:`_margin`) after the line at its natural width (a line whose spaces an
    alignment spread to the margin is as full as its words: :attr:`TextLine.spread`).
    With ``fills`` (a writer of :data:`FILLING_WRITERS`), a next line whose first
    word is wider than any line (:data:`LONG_WORD`) would fit after no line: then
    the line wraps only when it is full, within :data:`CUT_ROOM_EM` of the margin
    (a title line above a paragraph of long Thai runs is no wrap); of a writer that
    wraps only at spaces, only when that run is one it cut (:func:`_cut_run`): one a
    line holds it moved whole onto the next line, however short it left the line. With
    ``thai_breaks`` (a writer that breaks Thai between words: a filling writer that
    wraps not only at spaces), on a page an alignment spread (Thai distributed:
    every line reaches the margin), a next line starting with a Thai run wider than
    :data:`CUT_ROOM_EM` is no wrap of a line that leaves that much room: the run's
    first words would have been set there. On a justified page
    (:data:`JUSTIFIED_SPACE_EM`) a line of words an em short of the margin is no
    wrap: a paragraph's wrapped lines were spread to the margin. A writer that breaks
    Thai between words (``thai_breaks``) would have set the
    next line's first dictionary word on the line: that word, not its Thai run up to
    a space, is what did not fit (:func:`.pdf_wrap_words.next_word`).
    """
    if not any(line.right > 0.0 for line in lines):
        return []
    body_left, margin = _margin(lines, page_width)
    worded = [line for line in lines if line.gaps and "\t" not in line.text]
    short = sorted((b - a) / line.size for line in worded if line.right < margin - line.size
                   for a, b in line.gaps)  # the font's own spaces, on lines nothing spread
    spread = max(JUSTIFIED_SPACE_EM, SPREAD_SHARE * short[len(short) // 2] if short else 0.0)
    justified = any(line.right >= margin - 1.0
                    and min(b - a for a, b in line.gaps) >= spread * line.size for line in worded)
    distributed = any(line.spread for line in lines)  # an alignment spread the lines
    out = []
    for i, (line, following) in enumerate(pairwise(lines)):
        if not line.text or not following.text or line.size <= 1.0 or following.right == 0.0 \
                or "\t" in following.text or line.table is not None \
                or off_page(line, page_width) or (justified and line.gaps
                and "\t" not in line.text and line.right + line.size < margin):
            continue
        if fills and following.first_word >= LONG_WORD * (margin - body_left) \
                and line.natural_right + CUT_ROOM_EM * line.size < margin \
                and (thai_breaks or _cut_run(following, margin)):
            continue
        if thai_breaks and distributed and "\u0e01" <= following.text[0] <= "\u0e5b" \
                and following.first_word > CUT_ROOM_EM * line.size \
                and line.natural_right + CUT_ROOM_EM * line.size < margin:
            continue
        if line.natural_right + WRAP_SPACE_EM * line.size \
                + next_word(line, following, thai_breaks) > margin:
            out.append(i)
    return out


def _cut_run(line: TextLine, margin: float) -> bool:
    """Whether ``line``, set by a writer that wraps only at spaces, is a run it cut.

    A run too long for any line is cut where the next letter would cross the
    margin: the line is that run alone (no white space), ending within
    :data:`LETTER_EM` font sizes of ``margin`` (points). A run a line can hold
    (ReportLab moves it whole onto a line of its own) may end further short.
    """
    return not line.gaps and " " not in line.text \
        and line.natural_right + LETTER_EM * line.size >= margin


def spaced_wraps(lines: list[TextLine], wraps: list[int], page_width: float,
                 wraps_at_spaces: bool = False, breaks_thai: bool = True) -> list[int]:
    """Of the wrapped lines ``wraps`` (indexes), those the page wrapped at a space.

    A wrap stands for a space when the PDF wrote a space at the line's end (an
    office suite keeps it: :attr:`TextLine.spaced_end`), or when its writer wraps
    only at spaces (``wraps_at_spaces``: :func:`writer_rules`) and the break is
    not inside a run too long for any line: one that leaves the line full (within
    an em of the margin) and whose two pieces, the line's last word and the next
    line's first, are together wider than the text. Other writers (a browser,
    which breaks Thai between words with or without a space and leaves no trace
    of which) give no evidence: their wraps are left to the document model. A
    writer not known to break Thai between words (``breaks_thai`` False: none of
    :data:`FILLING_WRITERS`) that moved a Thai run whole onto the next line wrapped
    at the space before it (:func:`_run_moved`).
    """
    if not wraps:
        return []
    body_left, margin = _margin(lines, page_width)
    out = []
    for i in wraps:
        line, following = lines[i], lines[i + 1]
        if line.spaced_end or (not breaks_thai and _run_moved(line, following, margin)):
            out.append(i)
        elif wraps_at_spaces:
            full = line.natural_right + line.size >= margin
            run = line.last_word + following.first_word >= margin - body_left
            if not (full and run):
                out.append(i)
    return out


#: A Thai word's first character: a consonant or a vowel written before it.
_THAI_START = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")


def _run_moved(line: TextLine, following: TextLine, margin: float) -> bool:
    """Whether the page moved ``following``'s first Thai run whole past ``line``'s room.

    ``line`` leaves more than :data:`CUT_ROOM_EM` font sizes before ``margin``
    (points): a writer that breaks Thai between words would have set the run's
    first words there (no Thai word is that wide), so this one wraps only at spaces
    (fpdf2, which names no producer) and the break stands for the space before the
    run (``...ทั่วถึง`` / ``โดยเฉพาะในพื้นที่...``).
    """
    room = margin - line.natural_right
    return room > CUT_ROOM_EM * line.size and _THAI_START.match(following.text) is not None \
        and following.first_word > room


def with_written_ends(lines: list[TextLine], blanks: Blanks | None) -> list[TextLine]:
    """``lines``, those a blank glyph follows at once marked :attr:`TextLine.spaced_end`.

    ``blanks``: the page's text objects that draw no ink, by height
    (:class:`~.pdf_lost_spaces.Blanks`, the same that :func:`.pdf_layout.page_lines`
    puts inside lines). LibreOffice writes the space it
    wrapped a line at after the line's last glyph; after a glyph cluster it marks
    with ActualText (Sarabun's ``น้ำ``, its SARA AM drawn as two glyphs) it writes
    it as an object of its own, which pdfium leaves out of its text: the space
    stands within :data:`BLANK_REACH_EM` after the line's last ink, on its baseline
    (:data:`AM_TAIL_EM` further after a SARA AM: its SARA AA's place).
    """
    if blanks is None or not blanks.xs:
        return lines
    heights, xs = blanks.heights, blanks.xs
    out = []
    for line in lines:
        reach = BLANK_REACH_EM + (AM_TAIL_EM if line.text.endswith("\u0e33") else 0.0)
        if not line.spaced_end and line.baseline is not None and line.size > 1.0 \
                and line.text:
            # a line looks only at the blanks near its baseline (a little wider than
            # BLANK_RISE_EM, then each is judged as it stands)
            rise = BLANK_RISE_EM * line.size
            lo = bisect_left(heights, line.baseline - rise - 1.0)
            hi = bisect_right(heights, line.baseline + rise + 1.0)
            if any(line.right - 0.1 * line.size <= x <= line.right + reach * line.size
                   and abs(y - line.baseline) <= rise
                   for y, x in zip(heights[lo:hi], xs[lo:hi], strict=True)):
                line = replaced(line, spaced_end=True,
                                spaces=(*line.spaces[:-1], True) if line.spaces else ())
        out.append(line)
    return out


def wraps_over_breaks(pages: list[list[TextLine]], widths: list[float],
                      pitches: dict[float, float], fills: bool = False,
                      thai_breaks: bool = False) -> list[int | None]:
    """Per page: the index of its last line of text when it goes on on the next page.

    ``pages``: each page's laid-out lines; ``widths``: their widths (points);
    ``pitches``: font size -> line pitch (points). A page's last line of text and the
    next page's first, page furniture set aside (its number, its running header:
    :func:`bma_etl.furniture.furniture_lines` over the pages' text), are judged as
    two lines of one page are (:func:`wrapped_lines`, ``fills``, ``thai_breaks``:
    the next line's first word would not have fitted), on a page that was full: no
    room for another line under its last (its baseline within a line pitch of the
    lowest last line of text of any page). A page that had room ended where the
    writer ended it (a paragraph that starts on the next page, a heading moved there
    with its text). Only a line that ends short, more than :data:`CUT_ROOM_EM` font
    sizes before the margin, says it was wrapped: a full line at a full page's foot
    is as likely a paragraph's last, the next paragraph starting on the next page,
    whose first blank line the page break took (nothing tells the two apart), unless
    the next page's first line opens inside a Thai word (:func:`opens_inside_word`:
    fpdf2 cut ``ประสบการ`` / ``ณ์ในการ…`` over the break), or the full line is a Thai
    run a writer that wraps only at spaces cut at the margin (:func:`_cut_run`: no
    white space, within a letter of it) and the next page's first line goes on with
    Thai letters (``…ความต้องการของประ`` / ``ชาชน``, ``…อย่างยั่ง`` / ``ยืน โดยเฉพาะ…``).
    With ``fills`` (:data:`FILLING_WRITERS`) no page is judged: a writer that breaks
    Thai between words would have set the next run's first words on a short line, so
    a short line ended its paragraph; ReportLab's, which breaks at spaces only, are
    left unjudged too (a known limit: its list item cut by a page break at a space
    before a long run ends at the break). None for a page whose last line does not
    go on, and for the last page.
    """
    if fills:
        return [None] * len(pages)
    texts = ["\n".join(line.text for line in lines) for lines in pages]
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    furniture = furniture_lines("\n".join(texts), tuple(starts))
    body: list[list[int]] = []
    first = 1  # the page's first line's 1-based number in the text
    for lines in pages:
        body.append([k for k, line in enumerate(lines)
                     if line.text.strip() and first + k not in furniture])
        first += len(lines)
    lows = [pages[p][kept[-1]].baseline for p, kept in enumerate(body) if kept]
    floor = min((b for b in lows if b is not None), default=None)
    out: list[int | None] = []
    for p, kept in enumerate(body):
        out.append(None)
        if p + 1 >= len(pages) or not kept or not body[p + 1] or floor is None:
            continue
        last, following = pages[p][kept[-1]], pages[p + 1][body[p + 1][0]]
        pitch = pitches.get(last.size) or 1.3 * last.size
        if last.baseline is None or last.baseline - floor >= pitch:
            continue  # room for another line: the page ended where its writer did
        lines = [*pages[p][:kept[-1] + 1], following]
        _, margin = _margin(lines, widths[p])
        cut = _THAI_END.search(last.text) is not None and (
            opens_inside_word(following.text)
            or (_cut_run(last, margin) and _THAI_START.match(following.text) is not None))
        if cut or (last.natural_right + CUT_ROOM_EM * last.size < margin
                   and kept[-1] in wrapped_lines(lines, widths[p], fills, thai_breaks)):
            out[-1] = kept[-1]
    return out


#: A Thai letter or mark ending a line.
_THAI_END = re.compile("[\u0e01-\u0e4e]$")
#: What no Thai word starts with: a vowel or mark written after its consonant (SARA A,
#: SARA AA, SARA AM, the marks above and below, MAI YAMOK, PAIYANNOI), or a consonant
#: THANTHAKHAT silences, a vowel between (``ณ์``, ``ธิ์``).
_INSIDE_WORD = re.compile("[\u0e2f\u0e30-\u0e3a\u0e45-\u0e4e]"
                          "|[\u0e01-\u0e2e][\u0e34-\u0e39]?\u0e4c")


def opens_inside_word(text: str) -> bool:
    """Whether a line's ``text`` opens inside a Thai word (the rest of a word cut before it).

    >>> [opens_inside_word(t) for t in ["ณ์ในการปฏิบัติงาน", "ารปฏิบัติ", "ำเร็จ", "ในการ",
    ...                                 "เป็นไป", "1. โครงการ"]]
    [True, True, True, False, False, False]
    """
    return _INSIDE_WORD.match(text.lstrip()) is not None
