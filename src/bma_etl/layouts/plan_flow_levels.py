"""Scoring tables (เกณฑ์การให้คะแนน) printed as flowing text.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
A scoring level (``ระดับความสำเร็จ ... คะแนน`` table) starts with the level and its
weight (``๕ ร้อยละ ๑๐๐ ของน้ำหนักคะแนน``) and ends with the score, however the
page wrapped its cells (see :mod:`bma_etl.layouts.plan_flow`, which reads the step
tables). On an OCR'd page a level starts with what OCR made of them
(:func:`_ocr_level_start`: ``๕ หร้อยละ``, ``é วัอยละ``, ``ศุ ร้อยละ``, the level lost)
and runs to the next; a number OCR garbled (``ooo``, ``ฒ๐``) is not read. The
table's header may have lost its first syllable (``Je ดับความสำเร็จ``) or its
first word (:mod:`~bma_etl.layouts.plan_level_headers`). A level
lost or read as another (Debian's model has no ๔) is given by its place when the
table lists all five in order and its other levels or its weights say which order
(:mod:`~bma_etl.layouts.plan_level_places`). Only tables the cell readers did
not read whole rows from are read here. Consumes the document's lines (page
furniture left out); produces :class:`~bma_etl.layouts.plan_flow.Flowed` rows of
``plan_scoring_levels``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bma_etl.layouts.base import FieldValue, Line, RawRow, RepairedText
from bma_etl.layouts.plan_cells import DIGITS_RE, few_letters, misread_page_number
from bma_etl.layouts.plan_edge_junk import misread_head
from bma_etl.layouts.plan_flow import Flowed
from bma_etl.layouts.plan_flow_cells import DIGIT_END as _DIGIT_END
from bma_etl.layouts.plan_flow_cells import joined_row as _joined
from bma_etl.layouts.plan_flow_rows import NUM as _NUM
from bma_etl.layouts.plan_flow_rows import OCR_GLUED_LETTER as _OCR_GLUED_LETTER
from bma_etl.layouts.plan_flow_rows import OTHER_RE as _OTHER_RE
from bma_etl.layouts.plan_flow_rows import ROW_LINES_MAX as _ROW_LINES_MAX
from bma_etl.layouts.plan_flow_rows import is_gap as _is_gap
from bma_etl.layouts.plan_indicators import scoring_indicator
from bma_etl.layouts.plan_level_descriptions import description_span, signs_end
from bma_etl.layouts.plan_level_headers import (
    LEVEL_HEADER_RE,
    is_level_header,
    is_ocr_level_header,
)
from bma_etl.layouts.plan_level_places import levels_by_place
from bma_etl.layouts.plan_level_scores import drop_misread_scores
from bma_etl.matchkey import KeyRegex

__all__ = ["flow_levels"]

_LEVEL_START_RE = KeyRegex(r"^\s*(?P<level>[1-5๑-๕])\s+ร้อยละ")
_LEVEL = (
    rf"^\s*(?P<level>[1-5๑-๕])\s+ร้อยละ\s*(?P<weight>{_NUM})(?:\s*{{words}})?"
    rf"\s*(?:[—–|]\s+)?(?P<desc>.*?)\s*{{glued}}(?P<score>{_NUM})\s*$")
_WEIGHT_WORDS = r"ของ\s*น้ำ\s*หนัก\s*คะแนน"
_LEVEL_RE = KeyRegex(_LEVEL.format(words=_WEIGHT_WORDS, glued=""), re.S)
#: On an OCR'd page the score may have a letter a speck made glued before it
#: (``…กรุงเทพมหานคร ว20``): not the description's, not the score's; and the weight
#: words a space and a tone mark OCR added (``ของน้ำหนักคะ แน่น``): not the
#: description's either.
_OCR_GLUED_LEVEL_RE = KeyRegex(_LEVEL.format(
    words=_WEIGHT_WORDS.replace("คะแนน", "คะ\\s*แ[\u0e48-\u0e4b]?น[\u0e48-\u0e4b]?น"),
    glued=f"(?:{_OCR_GLUED_LETTER})?"), re.S)
#: On an OCR'd page: a level's start as OCR reads it, the level (a digit, what OCR
#: read one as, ``é``, or nothing) and ร้อยละ with a letter misread or added before
#: its อ (``หร้อยละ`` ``รจ้อยละ`` ``วัอยละ`` ``วรอยละ`` ``รอยละ`` ``ร้อย ละ``).
#: Or a level's digit and ร้อยละ read as a Latin word (``๑ VAY ๒๐``). The level may
#: carry a speck OCR read before it (``\u2018lo``) or after it (``๕ ' ร้อยละ``), and ร้อยละ
#: a mark glued to it (``ร้อยละ-๓๐``).
_OCR_LEVEL_START_RE = re.compile(
    r"^\s*(?:(?P<level>[^\s\u0e01-\u0e2e()]{1,3})\s*[:.,;'\u2018\u2019]?\s*)?"
    r"(?:[\u0e01-\u0e2e]{1,2}[\u0e31\u0e48-\u0e4b]?อย\s?ละ|(?<=[1-5๑-๕]\s)[A-Za-z]{2,6})"
    r"(?=[\s\-–—.,:;]|$)")
#: On an OCR'd page: a level's start whose ร้อยละ OCR damaged past :data:`_OCR_LEVEL_START_RE`
#: (``รวจ้อยละ``, ``FLAY``), told by what follows it: the weight (a short token, a
#: number OCR may have garbled) and the weight words (:data:`_WEIGHT_WORDS_RE`), which
#: no description and no wrapped line of one starts with after two tokens.
_OCR_WEIGHT_LEAD_RE = re.compile(
    r"^\s*(?:(?P<level>[^\s\u0e01-\u0e2e()]{1,2})\s*[:.,;]?\s+)?"
    r"(?P<word>[^\s0-9๐-๙]{2,10})\s+(?P<weight>[^\s\u0e01-\u0e2e]{1,5}|(?=\S*[0-9๐-๙])\S{1,5})\s*")
#: What OCR made of a page number at a page's foot (``- 5 -`` read ``Site``): a
#: short line of no Thai letter and no digit. A table's rows go on after it; a
#: level the page broke goes on after it without it.
#: Or up to three such words (``iy be``, ``- ce -``).
_OCR_JUNK_RE = re.compile(
    r"^\s*[^\s\u0e01-\u0e4f0-9๐-๙]{1,6}(?:\s+[^\s\u0e01-\u0e4f0-9๐-๙]{1,6}){0,2}\s*$")
#: On an OCR'd page: a level read as a Thai letter and a vowel (``ศุ`` for ``4``, ``ชา``
#: for ``2``), or as a Latin token or two (``aS i``), before ร้อยละ, its weight and the
#: weight words (checked by :func:`_ocr_level_start`).
_OCR_LETTER_LEVEL_RE = re.compile(
    r"^\s*(?:[ก-ฮ][\u0e31-\u0e3a\u0e47-\u0e4c]?|(?:[^\s\u0e01-\u0e4f0-9๐-๙]{1,3}\s+){1,2})"
    r"\s*(?P<word>ร้อยละ)\s+(?P<weight>\S{1,5})\s*")
_WEIGHT_WORDS_RE = KeyRegex(r"ของ\s*น้ำ\s*หนัก\s*คะ\s*แนน")
#: On an OCR'd page, the next indicator's heading (``ชื่อตัวชี้วัดที่``) with a letter of
#: its ชี้ misread (``ชื่อตัวขี้วัดที่``): after a whole level (its score read) it ends the
#: table, as :data:`~.plan_flow_rows.OTHER_RE` does; no level's wrapped words start so.
_OCR_OTHER_RE = KeyRegex(r"^\s*ชื่อ\s*ตัว\s*\S{1,3}?\s*วัด")


class _OcrStart(NamedTuple):
    """A level's start as OCR read it: the span of its level (None: lost), where its ร้อยละ ends."""

    level: tuple[int, int] | None
    end: int


def _ocr_level_start(text: str) -> _OcrStart | None:
    """Where an OCR'd level starts in ``text``, if ``text`` starts one.

    Its ร้อยละ as OCR reads it (:data:`_OCR_LEVEL_START_RE`), or any short word
    followed by the weight and the weight words (:data:`_OCR_WEIGHT_LEAD_RE`), or a
    level read as a Thai letter before ร้อยละ, the weight and the weight words
    (:data:`_OCR_LETTER_LEVEL_RE`; the level not read).
    """
    m = _OCR_LEVEL_START_RE.match(text)
    if m is None:
        m = next((found for rx in (_OCR_WEIGHT_LEAD_RE, _OCR_LETTER_LEVEL_RE)
                  if (found := rx.match(text)) is not None
                  and _WEIGHT_WORDS_RE.match(text[found.end():]) is not None), None)
        if m is None:
            return None
        if m.re is _OCR_LETTER_LEVEL_RE:  # the level read as a letter: not read
            return _OcrStart(None, m.end("word"))
        end = m.end("word")
    else:
        end = m.end()
    return _OcrStart(m.span("level") if m.group("level") else None, end)
_OCR_NUMBER_RE = re.compile(rf"{_NUM}")
#: A damaged level's last word, its score if a number: a letter glued before it left out.
_OCR_SCORE_RE = re.compile(rf"(?:{_OCR_GLUED_LETTER})?(\S+)\s*$")
#: The rest of a score a flowing print cut onto the next line (:func:`_cut_score`).
_SCORE_REST_RE = re.compile(_NUM)


def flow_levels(doc: RepairedText, lines: list[Line], read: set[int]
                ) -> list[Flowed]:
    """Levels of the scoring tables whose header line is not in ``read`` (read as cells)."""
    out: list[Flowed] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.no in read or not (is_level_header(lines, i) or (
                doc.ocr_used and is_ocr_level_header(lines, i))):
            i += 1
            continue
        headings = [ln for ln in lines[max(0, i - 6):i] if ln.text.strip()]
        indicator = scoring_indicator(doc, headings)
        header = line.no
        run: list[Line] = []
        cut = False  # whether the run's last line is the rest of a score the wrap cut
        junk = False  # whether OCR junk was passed over since the run's last line
        i += 1
        while i < len(lines):
            line = lines[i]
            if not cut and _cut_score(doc, run, lines[i - 1], line):
                run.append(line)
                cut = True
            elif doc.ocr_used and _junk_after(run, line):
                junk = junk or bool(run)
            elif doc.ocr_used and run and (_OCR_JUNK_RE.match(line.text)
                                           or _foot_speck(lines, i)) \
                    and _page_turns(doc, lines, i):
                pass  # a page number or a speck OCR read at the foot of a page a level runs over
            elif doc.ocr_used and run and misread_head(doc, line):
                pass  # the running header OCR misread at the head of the page a table runs on
            elif junk and not _LEVEL_START_RE.match(line.text) \
                    and _ocr_level_start(line.text) is None and _OTHER_RE.match(line.text) is None \
                    and not LEVEL_HEADER_RE.match(line.text) and not _is_gap(line):
                # the rest of a row OCR read as junk: no part of the whole row above
                _add_level(doc, header, run, indicator, out, cut)
                run, cut, junk = [line], False, False
            elif _level_gap(line, doc.ocr_used) \
                    and not (line.text.strip() and _open(run, _LEVEL_RE)):
                if not _next_is_level(doc, lines, i) \
                        and not (doc.ocr_used and _open(run, _LEVEL_RE)
                                 and _page_turns(doc, lines, i)):
                    break
            elif _OTHER_RE.match(line.text) or LEVEL_HEADER_RE.match(line.text) or (
                    doc.ocr_used and run and _whole(run) and _OCR_OTHER_RE.match(line.text)) \
                    or (doc.ocr_used and is_ocr_level_header(lines, i)):
                break
            elif _LEVEL_START_RE.match(line.text) or (
                    doc.ocr_used and _ocr_level_start(line.text)):
                _add_level(doc, header, run, indicator, out, cut)
                run, cut, junk = [line], False, False
            elif run:  # else the header's wrapped words
                run.append(line)
                cut = False
            i += 1
        _add_level(doc, header, run, indicator, out, cut)
        if doc.ocr_used:
            levels_by_place([f.row for f in out if f.header == header])
            drop_misread_scores([f.row for f in out if f.header == header])
    return out


def _cut_score(doc: RepairedText, run: list[Line], previous: Line, line: Line) -> bool:
    """Whether ``line`` holds only the rest of the score that ends the level ``run`` holds.

    A flowing print cuts a row's last cell, its score, where the page is full
    (``... กรุงเทพมหานคร ๒`` / ``๐``, or ``๒`` / ``๗`` on the next page): the
    run's last line ends in a digit and the reader saw the page wrap it with no
    space (:attr:`RepairedText.wraps`, not :attr:`RepairedText.spaced`), and
    ``line``, next after it (``previous``: the line before ``line``, furniture
    left out), is a number alone: digits, or digits and their decimals when the cut
    fell before the point (``๒`` / ``๒.๕`` of ``๒๒.๕``). A level's score is one number:
    the two pieces are one.
    """
    if not run or previous.no != run[-1].no or not _SCORE_REST_RE.fullmatch(line.text.strip()):
        return False
    last = run[-1]
    return last.no in doc.wraps and last.no not in doc.spaced \
        and _DIGIT_END.search(last.text.rstrip()) is not None \
        and _LEVEL_RE.match(_joined(run).text) is not None


def _add_level(doc: RepairedText, header: int, run: list[Line], indicator: FieldValue,
               out: list[Flowed], cut: bool = False) -> None:
    """Read the level the lines ``run`` hold, if they hold one.

    ``cut``: the run's last line is the rest of its score (:func:`_cut_score`),
    joined to the digits before it with no space. On a text layer, a run whose lines
    do not read as one level but whose lines up to a page's end do is that level:
    the lines on the next page are something else (:func:`_whole_at_page_end`).
    """
    if run and not doc.ocr_used and _LEVEL_RE.match(_joined(run, cut).text) is None:
        k = _whole_at_page_end(doc, run)
        run, cut = (run[:k], False) if k else (run, cut)
    if not run or len(run) > _ROW_LINES_MAX:
        return
    joined = _joined(run, cut)
    m = (_OCR_GLUED_LEVEL_RE if doc.ocr_used else _LEVEL_RE).match(joined.text)
    if m is None:
        if doc.ocr_used:
            _add_ocr_level(doc, header, joined, indicator, out)
        return
    out.append(Flowed(header, run[0].no, RawRow("plan_scoring_levels", None, {
        "indicator": indicator,
        "level": doc.raw_in(joined, *m.span("level")),
        "weight_pct": doc.raw_in(joined, *m.span("weight")),
        "description": doc.raw_in(joined, *description_span(doc, joined, *m.span("desc"))),
        "score": doc.raw_in(joined, *m.span("score")),
    })))


def _whole_at_page_end(doc: RepairedText, run: list[Line]) -> int:
    """How many of ``run``'s lines, up to a page's end, read as one whole level (0: none).

    A level whole at a page's foot (its score read) is followed on the next page by
    lines of no level when the line between, a table's header there, was left out as
    a header repeated (an fpdf2 plan's ``มาตรการ ตัวชี้วัดมาตรการ …`` over the next
    measure's row, after a scoring table's last level): those lines are not the level's.
    The longest such run of lines is taken.
    """
    for k in range(len(run) - 1, 0, -1):
        here, there = doc.index.page_of(run[k - 1].start), doc.index.page_of(run[k].start)
        if here is not None and there is not None and there > here \
                and _LEVEL_RE.match(_joined(run[:k]).text) is not None:
            return k
    return 0


def _junk_after(run: list[Line], line: Line) -> bool:
    """On an OCR'd page: whether ``line`` is junk (:func:`~.plan_cells.few_letters`) after ``run``.

    Only before the first level or after a whole one (its score read): a level's
    own lines may end with a short piece of a word or its score alone. A level's
    first line has its ร้อยละ or its words: junk that looks like a level's start
    (``5 Spe``, as ``๑ VAY`` is) is still junk.
    """
    return (not run or _whole(run)) and few_letters(line.text)


def _whole(run: list[Line]) -> bool:
    """Whether the level ``run`` holds has its score: as printed, or its last word a number."""
    text = _joined(run).text.rstrip()
    if _LEVEL_RE.match(text) is not None:
        return True
    last = text.rsplit(None, 1)[-1] if text else ""
    return _ocr_level_start(text) is not None and DIGITS_RE.fullmatch(last) is not None


def _open(run: list[Line], pattern: KeyRegex) -> bool:
    """Whether the row ``run`` holds is started and not yet whole (a number alone may end it)."""
    if not run:
        return False
    return pattern.match(_joined(run).text) is None


def _level_gap(line: Line, ocr: bool) -> bool:
    """:func:`_is_gap`, and on an OCR'd page a line of what OCR made of a page number."""
    return _is_gap(line) or (ocr and _OCR_JUNK_RE.match(line.text) is not None)


def _page_turns(doc: RepairedText, lines: list[Line], i: int) -> bool:
    """Whether the gap at ``i`` runs to the page's end: a row OCR read goes on after it.

    OCR reads the page's margins as blank lines or junk that are not furniture.
    """
    j = i
    while j < len(lines) and (_level_gap(lines[j], True) or _foot_speck(lines, j)):
        j += 1
    if j == len(lines):
        return False
    here, there = doc.index.page_of(lines[i].start), doc.index.page_of(lines[j].start)
    return here is not None and there is not None and there > here


#: A speck OCR read alone on a line (``ขด``): a short token of no digit. Or what OCR
#: made of a page number (``- ๕ -``) read as letters: two short tokens (``ny. รน``,
#: ``สรซี ซ่``, ``ซิ น``).
_SPECK_RE = re.compile(r"^\s*[^\s0-9๐-๙]{1,4}(?:\s+[^\s0-9๐-๙]{1,3})?\s*$")


def _foot_speck(lines: list[Line], i: int) -> bool:
    """On an OCR'd page, whether ``lines[i]`` is a speck after a blank line (a page's foot).

    Or the page's number OCR read as a digit among letters (``เว6`` for ``- 2 -``,
    :func:`~.plan_cells.misread_page_number`). The caller takes it as a gap only when
    the page turns after it (:func:`_page_turns`): a level's wrapped words follow their
    line without a blank line between.
    """
    return i > 0 and _is_gap(lines[i - 1]) and (
        _SPECK_RE.match(lines[i].text) is not None or misread_page_number(lines[i].text))


def _next_is_level(doc: RepairedText, lines: list[Line], i: int) -> bool:
    """Whether the first line after the gap at ``i`` starts a level (a page broke).

    On an OCR'd page a speck at the page's foot (:func:`_foot_speck`) is passed over
    when the page turns after it (:func:`_page_turns`).
    """
    ocr = doc.ocr_used
    j = i
    while j < len(lines) and (_level_gap(lines[j], ocr) or (
            ocr and _foot_speck(lines, j) and _page_turns(doc, lines, j))):
        j += 1
    if j == len(lines):
        return False
    text = lines[j].text
    return _LEVEL_START_RE.match(text) is not None or (
        ocr and _ocr_level_start(text) is not None)


#: The weight after ร้อยละ as OCR read it: its first token, a sign OCR set after ร้อยละ
#: passed over (``Fava: 90``, ``ร้อยละ : 90``).
_OCR_WEIGHT_RE = re.compile(r"\s*(?:[:;.,](?=\s))?\s*(\S+)")


def _add_ocr_level(doc: RepairedText, header: int, joined: Line, indicator: FieldValue,
                   out: list[Flowed]) -> None:
    """A level OCR read damaged: its level, weight and score only when read as numbers."""
    m = _ocr_level_start(joined.text)
    if m is None:
        return
    text = joined.text
    fields: dict[str, FieldValue] = {"indicator": indicator, "level": None,
                                     "weight_pct": None, "score": None}
    if m.level is not None and DIGITS_RE.fullmatch(text[m.level[0]:m.level[1]]):
        fields["level"] = doc.raw_in(joined, *m.level)
    start = m.end
    weight = _OCR_WEIGHT_RE.match(text, start)
    if weight is not None and _OCR_NUMBER_RE.fullmatch(weight.group(1)):
        fields["weight_pct"] = doc.raw_in(joined, *weight.span(1))
    if weight is not None and not re.search("[\u0e01-\u0e2e]", weight.group(1)):
        start = weight.end()
    words = _WEIGHT_WORDS_RE.search(text[:start + 30], start)
    if words is not None and not text[start:words.start()].strip(" :;.,"):
        start = words.end()
    end = signs_end(text, start, len(text.rstrip()))  # specks after the score: no cell
    score = _OCR_SCORE_RE.search(text[:end], start)
    if score is not None and _OCR_NUMBER_RE.fullmatch(score.group(1)):
        fields["score"] = doc.raw_in(joined, *score.span(1))
        end = score.start()
    fields["description"] = doc.raw_in(joined, *description_span(doc, joined, start, end))
    out.append(Flowed(header, joined.no, RawRow("plan_scoring_levels", None, fields)))
