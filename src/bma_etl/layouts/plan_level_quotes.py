"""Quoted indicator names over a scoring table (เกณฑ์การให้คะแนน “…”) that OCR or a page broke.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_indicators`, and of
:mod:`bma_etl.layouts.plan_flow_definitions`, whose flowing definitions end at a
quote under a scoring heading left at a page's foot (:func:`heading_words_above`);
not a layout).
Consumes the heading lines over a scoring table of an OCR'd page; gives the quoted
indicator's words as a :class:`~bma_etl.layouts.base.Raw` when OCR lost a quote
mark (:func:`unclosed_quote`, :func:`unopened_quote`) or read its closing ``”`` as an
opening ``“`` (:func:`turned_quote`, :func:`closed_below`), or misread the heading words
(:func:`quote_over_table`), or when a page break left the heading words alone at a
page's foot (:func:`quote_after_foot_heading`), None when the lines name none so.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Line, Raw, RepairedText
from bma_etl.layouts.plan_cells import few_letters
from bma_etl.rows import join_lines

__all__ = ["HEADING_GAP_MAX", "HEADING_LINES_MAX", "closed_below", "heading_words_above",
           "quote_after_foot_heading", "quote_over_table", "turned_close", "turned_quote",
           "unclosed_quote", "unopened_quote"]

#: Most lines a quoted indicator name in a เกณฑ์การให้คะแนน heading runs over.
HEADING_LINES_MAX = 4
#: Most lines (a page's foot and head) between the heading words and their quote.
HEADING_GAP_MAX = 8


#: The heading words alone on their line, their quote on the next page's first lines.
_HEADING_ALONE_RE = re.compile(r"^\s*เกณฑ์การให้คะแนน\s*(?:ตัวชี้วัด)?\s*:?\s*$")


def heading_words_above(doc: RepairedText, line: Line, after: int = 0) -> bool:
    """Whether ``line`` opens a quote under ``เกณฑ์การให้คะแนน`` left out as furniture.

    The heading words alone on a line of ``doc.furniture`` (a page's foot) within
    :data:`HEADING_GAP_MAX` lines above ``line`` and after line ``after`` (1-based:
    the line before it that was read).
    """
    if not doc.furniture or not line.text.lstrip().startswith("“"):
        return False
    every = list(doc.all_lines())
    return any(above.no in doc.furniture and above.no > after
               and _HEADING_ALONE_RE.match(above.text) is not None
               for above in every[max(0, line.no - 1 - HEADING_GAP_MAX):line.no - 1])


def quote_after_foot_heading(doc: RepairedText, headings: list[Line]) -> Raw | None:
    """The quote opening one of ``headings`` whose heading words stand above it as furniture.

    A page break right after ``เกณฑ์การให้คะแนน`` leaves the words alone at a page's
    foot and the quote (``“ระดับความสำเร็จ…”``, over one line or more) at the next
    page's head; a plan whose scoring headings break so on two pages in a row has
    the words at two pages' feet, and :mod:`bma_etl.furniture` takes them for a
    running footer, so they are no heading line. The words stand in the lines left
    out (``doc.furniture``) within :data:`HEADING_GAP_MAX` lines above the quote,
    after the heading line before it (the last quote so headed). None: no such quote.
    """
    opened = [k for k, ln in enumerate(headings) if heading_words_above(
        doc, ln, headings[k - 1].no if k else 0)]
    if not opened:
        return None
    run = [headings[opened[-1]]]
    for nxt in headings[opened[-1] + 1:opened[-1] + HEADING_LINES_MAX]:
        if "”" in run[-1].text or nxt.no - run[-1].no > HEADING_GAP_MAX:
            break
        run.append(nxt)
    line = run[0] if len(run) == 1 else join_lines(run)
    quoted = re.search(r"“(?P<name>[^“”]+)”", line.text)
    return doc.raw_match(quoted, "name", line=line) if quoted else None


#: On an OCR'd page, a line that is a quote alone (``“ระดับความสำเร็จ...”``) right
#: over a scoring table: the indicator the heading above it names.
_QUOTE_ALONE_RE = re.compile(r"^\s*[“\"](?P<name>[^“”\"]{8,})[”\"]\s*$")


#: A Thai consonant: a line of a quote's words has one.
_THAI_CONSONANT_RE = re.compile("[\u0e01-\u0e2e]")


def turned_close(text: str) -> int:
    """Where in ``text`` (a heading line of an OCR'd page) a ``”`` read as ``“`` closes a quote.

    The two marks are one shape turned; on a 1-bit scan at 200 dpi of a LibreOffice
    print Tesseract read the closing one as the opening one (``…ของหน่วยงาน“``). The
    last ``“`` of the line closes when Thai letters stand before it and nothing after it
    but white space or a speck (fewer than three Thai letters, :func:`few_letters`).
    -1: no such mark.
    """
    closer = text.rfind("“")
    rest = text[closer + 1:]
    if closer < 0 or (rest.strip() and not few_letters(rest)):
        return -1
    return closer if _THAI_CONSONANT_RE.search(text[:closer].split("“")[-1]) else -1


def closed_below(doc: RepairedText, headings: list[Line], i: int) -> bool:
    """Whether OCR lost the opening mark of the quote heading ``i`` wrapped.

    The heading (of an OCR'd page) names an indicator with no ``“`` and the line right
    under it ends the quote (``”``, or one read as ``“``: :func:`turned_close`):
    ``เกณฑ์การให้คะแนน ระดับ…มือ`` / ``อาชีพ“``.
    """
    line = headings[i]
    if not doc.ocr_used or "“" in line.text or i + 1 >= len(headings):
        return False
    below = headings[i + 1]
    return below.no == line.no + 1 and not below.text.lstrip().startswith("“") and (
        "”" in below.text or turned_close(below.text) >= 0)


def turned_quote(doc: RepairedText, line: Line, start: int) -> Raw | None:
    """The indicator a heading ``line`` quotes up to a ``”`` OCR read as ``“``, or None.

    From ``start`` (past its heading words) to a closing mark OCR read as an opening
    one (:func:`turned_close`); None when none closes so. The words start after an
    opening ``“`` between, or at ``start`` when OCR lost that one as well
    (``เกณฑ์การให้คะแนน ระดับ…มือ`` / ``อาชีพ“``, the lines joined).
    """
    closer = turned_close(line.text)
    if closer < start or "”" in line.text[start:]:
        return None
    opening = line.text.find("“", start, closer)
    raw = doc.raw_in(line, opening + 1 if opening >= 0 else start, closer)
    return raw if raw is not None and not few_letters(raw.text) else None


def unclosed_quote(doc: RepairedText, headings: list[Line], i: int) -> Raw | None:
    """The words after a ``“`` whose closing mark OCR lost, on heading ``i`` or the next.

    They run to the end of the quote's line and the lines right under it (no blank
    line, no furniture between, a Thai letter on it: a line of none is what OCR
    made of the closing mark, ``77``, or a speck), up to the heading's end; a last
    cell of few letters is that mark too (:func:`_words_end`).
    """
    for k in (i, i + 1):
        if k >= len(headings) or (k > i and headings[k].no - headings[i].no > HEADING_GAP_MAX):
            return None
        opened = headings[k].text.find("“")
        if opened < 0:
            continue
        run = [headings[k]]
        for nxt in headings[k + 1:k + HEADING_LINES_MAX]:
            if nxt.no != run[-1].no + 1 or not _THAI_CONSONANT_RE.search(nxt.text):
                break
            run.append(nxt)
        line = run[0] if len(run) == 1 else join_lines(run)
        closed = line.text.find("”", opened + 1)  # on a line below the quote's first
        return doc.raw_in(line, opened + 1, closed if closed > opened else _words_end(line.text))
    return None


def _words_end(text: str) -> int:
    """Where a quote's words end in ``text`` when no ``”`` closes them.

    Before a last cell of fewer than three Thai letters, a gap before it: what OCR
    made of the closing mark (``…หน่วยงา`` / ``น<tab>ฝี``); an indicator's name holds no gap
    a reader takes for a tab.
    """
    tab = text.rfind("\t")
    if tab < 0 or not few_letters(text[tab + 1:]):
        return len(text)
    return len(text[:tab].rstrip())


def unopened_quote(doc: RepairedText, headings: list[Line], i: int) -> Raw | None:
    """The words under heading ``i`` up to a ``”`` when OCR lost the ``“`` (and what follows it).

    The heading words stand alone on their line; the quote runs from the start of
    the next line (the one right under it, or the first of the next page when the
    heading ends a page: only its furniture between) to the ``”`` on it or on the
    lines right under that one. A speck read in place of the ``“`` stays in the words
    (:func:`~bma_etl.layouts.plan_name_heads.level_head` tells it from a name).
    None when no ``”`` closes them within the heading's lines.
    """
    run: list[Line] = []
    for nxt in headings[i + 1:i + 1 + HEADING_LINES_MAX]:
        if not _next_to(doc, run[-1].no if run else headings[i].no, nxt.no) \
                or "“" in nxt.text or not _THAI_CONSONANT_RE.search(nxt.text):
            return None
        run.append(nxt)
        closed = nxt.text.find("”")
        if closed >= 0:
            line = run[0] if len(run) == 1 else join_lines(run)
            closed = line.text.rfind("”")
            raw = doc.raw_in(line, 0, closed)
            return raw if raw is not None and not few_letters(raw.text) else None
    return None


def _next_to(doc: RepairedText, above: int, below: int) -> bool:
    """Whether line ``below`` comes right after line ``above``, page furniture aside."""
    return 0 < below - above <= HEADING_GAP_MAX \
        and all(no in doc.furniture for no in range(above + 1, below))


#: On an OCR'd page, the heading words misread past a letter (``เกณฑ์ โการให้คะแนน``, a
#: speck read inside ``เกณฑ์`` with a gap: ``เกณา" ฑ์การให้คะแนน``), a sign or two read
#: for the ``“`` (``*``, ``" '``) or none, then the indicator's words up to the ``”``
#: that ends the line: the heading words are too damaged for the heading's pattern,
#: their shape and the closing quote still tell the line.
_MISREAD_HEADING_RE = re.compile(
    r"^\s*เ\S{0,3}ณ(?:\S{0,2}\s)?ฑ์.{0,12}?คะแนน\s*(?:[^\s\u0e00-\u0e7f]{1,2}\s*){0,2}"
    r"(?P<name>[ก-ฮเ-ไ][^“”\"]{7,}?)\s*[”\"]\s*$")


def quote_over_table(doc: RepairedText, headings: list[Line]) -> Raw | None:
    """On an OCR'd page whose heading words no pattern found: the indicator they quote.

    A line that is a quote alone (``“ระดับความสำเร็จ...”``), or the heading words
    misread (:data:`_MISREAD_HEADING_RE`) before words closed by ``”``; the line
    nearest the table wins.
    """
    for line in reversed(headings):
        m = _QUOTE_ALONE_RE.match(line.text) or _MISREAD_HEADING_RE.match(line.text)
        if m is not None:
            return doc.raw_match(m, "name", line=line)
    return None
