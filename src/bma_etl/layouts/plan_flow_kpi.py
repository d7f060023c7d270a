"""Indicator-target tables printed as flowing text.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
A plan printed as flowing text (a word processor's tab stops, LibreOffice's text
import) runs a row's cells into one paragraph: a cell's end is a space or a wrap
like any other, or nothing at all. The form fixes the columns' order, and what
each column says tells where it starts:

- an indicator-target row (``ลำดับที่ | ตัวชี้วัด | ค่าเป้าหมาย`` over a line of
  years) starts with its number; its targets, one per year, start with a number
  (``๕ ราย``) or a word before a number (``ระดับ ๓``, ``ร้อยละ ๑๐``,
  ``เพิ่มขึ้น ๕ ราย``). A row is cut into the name and as many targets as years
  only where the targets' starts say so unambiguously
  (:func:`~bma_etl.layouts.plan_flow_targets.target_starts`); else its targets
  are not stated (NULL), never guessed.

A table's year line is read by :mod:`bma_etl.layouts.plan_flow_years`, where a
row's targets start by :mod:`bma_etl.layouts.plan_flow_targets`.

Definition tables, printed the same way, are read by
:mod:`bma_etl.layouts.plan_flow_definitions`.

Only tables the cell readers did not read whole rows from are read here
(``read``: their lines). Consumes the document's lines (page furniture left
out); produces :class:`~bma_etl.layouts.plan_flow.Flowed` rows of
``plan_indicators``.
"""

from __future__ import annotations

import re

from bma_etl.layouts import plan_name_openings as openings
from bma_etl.layouts.base import Line, Raw, RawRow, RepairedText
from bma_etl.layouts.plan_cells import DIGIT, PAGE_NUMBER_RE
from bma_etl.layouts.plan_flow import Flowed
from bma_etl.layouts.plan_flow_row_join import join_row, rests_cut_number, with_wrapped_opening
from bma_etl.layouts.plan_flow_targets import (
    NAME_END_SPECK_RE,
    NAME_HEAD_SPECK_RE,
    NAME_MIN,
    OCR_JUNK_RE,
    OCR_LATIN_LINE_RE,
    awaits_number,
    opens_after_gap,
    possible_starts,
    target_starts,
    without_name_specks,
)
from bma_etl.layouts.plan_flow_years import (
    DIGITS_OF,
    YEAR_ONLY_RE,
    damaged_target_header,
    damaged_year_spans,
    misread_year_spans,
    year_spans,
)
from bma_etl.matchkey import KeyRegex
from bma_etl.normalize.digits import to_arabic_digits

__all__ = ["flow_targets"]

#: Most lines of one row, and most lines between a table header and its year line.
ROW_LINES_MAX = 40
_YEAR_LINES_MAX = 3

#: Lines that open something else than a row: a heading of the plan's next part.
#: Fixed wording is matched in key form too (:class:`KeyRegex`), and the words a
#: cut is made at with their marks optional (:func:`~bma_etl.matchkey.marks_optional`):
#: OCR loses marks.
OTHER_TABLE_RE = KeyRegex(r"^\s*(?:ตัวชี้วัด\s*(?:เป้าประสงค์|มาตรการ|ผลผลิต|โครงการ)\s*$"
                       r"|เกณฑ์การให้คะแนน|ชื่อ\s*(?:ตัวชี้วัด|โครงการ)|ตาราง|แนวทางการประเมิน"
                       r"|ขั้นตอน\s*การ\s*ดำเนิน\s*งาน|ระดับ\s*ความ\s*สำเร็จ\s+เกณฑ์|ลำดับ\s*ที่"
                       r"|มาตรการ\s+ตัวชี้วัด)")

# ---------------------------------------------------------------------------
# Indicator targets
# ---------------------------------------------------------------------------

_TARGET_HEADER_RE = KeyRegex(r"ตัวชี้วัด.*เป้าหมาย")
_YEAR_RE = re.compile(rf"(?<![0-9๐-๙])[๒2][๕5]{DIGIT}{{2}}(?![0-9๐-๙])")
#: A row's number (not a year, not an outline number ``๑.๑``) before its name.
_SEQ_RE = re.compile(rf"^\s*(?P<seq>{DIGIT}{{1,2}})(?:\s*\.(?!{DIGIT}))?\s+(?=\S)")
#: What OCR reads a row's Thai number as (``lo`` for ``๒``): up to three signs, Latin
#: letters or digits, no Thai letter, before the row's Thai words. Not a list mark
#: alone (``- ร้อยละของ…``: a name listing its sub-indicators in a row that states no number).
_OCR_SEQ_RE = re.compile(r"^\s*(?![-–—•·*]+\s)(?P<seq>[^\s\u0e01-\u0e4f]{1,3}?)(?:\s*\.)?\s+"
                         r"(?=[ก-ฮเ-ไ])")
#: A row's number OCR read as one Thai letter (``ฉ`` for ``๑``), the column's gap (a
#: tab) between it and the row's name: the letter is in the number's cell.
_OCR_SEQ_LETTER_RE = re.compile(r"^\s*(?P<seq>[ก-ฮ])\t+(?=[ก-ฮเ-ไ])")


def _seq_match(text: str, ocr: bool) -> re.Match[str] | None:
    """A row's number at the start of ``text``: as printed, or on OCR as misread."""
    if not ocr:
        return _SEQ_RE.match(text)
    return _SEQ_RE.match(text) or _OCR_SEQ_RE.match(text) or _OCR_SEQ_LETTER_RE.match(text)


def flow_targets(doc: RepairedText, lines: list[Line], read: set[int]) -> list[Flowed]:
    """Rows of the indicator-target tables none of whose lines is in ``read``."""
    out: list[Flowed] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.no in read or not (_TARGET_HEADER_RE.search(line.text) or (
                doc.ocr_used and i + 1 < len(lines)
                and damaged_target_header(line.text, lines[i + 1].text))):
            i += 1
            continue
        years, i = _years_after(doc, lines, i)
        if not years:
            continue
        found: list[Flowed] = []
        i = _read_target_rows(doc, lines, i, line.no, years, read, found)
        out.extend(_cut_rows(found) if doc.ocr_used and not any(years) else found)
    return out + _headless_targets(doc, lines, read | {f.line for f in out}
                                   | {f.header for f in out})


def _cut_rows(found: list[Flowed]) -> list[Flowed]:
    """The rows of a table whose years OCR misread that were cut into their targets.

    With no year read the table's columns are only counted; a row no target was
    cut from holds its targets in its name (``... ไม่ต่ *ากว่าร้อยละ ฒ``): not read.
    """
    cut = {f.line for f in found if f.row.fields.get("target_text") is not None}
    return [f for f in found if f.line in cut]


def _headless_targets(doc: RepairedText, lines: list[Line], read: set[int]) -> list[Flowed]:
    """On an OCR'd page, target tables whose heading and header OCR lost (``oe ek ๑ ซ้จ/``).

    A line of years only (:func:`misread_year_spans` too) right before a row
    numbered 1, or right under a target table's own heading (``ตัวชี้วัดเป้าประสงค์``,
    blank lines between: the header OCR lost), is a target table's year line; it
    is taken only when a row of it
    has a start for every year's target (:func:`target_starts`), so another
    table's year line is not read as one.
    """
    out: list[Flowed] = []
    if not doc.ocr_used:
        return out
    for i, line in enumerate(lines[:-1]):
        if line.no in read or not (year_spans(line.text) or misread_year_spans(line.text)):
            continue
        first = _SEQ_RE.match(lines[i + 1].text)  # the first row's number as printed
        if lines[i + 1].no in read or not (
                (first is not None and first.group("seq") in ("1", "๑"))
                or _under_heading(lines, i)):
            continue
        years, j = _years_after(doc, lines, i)
        found: list[Flowed] = []
        _read_target_rows(doc, lines, j, line.no, years, read, found)
        if any(f.row.fields.get("target_text") is not None for f in found):
            out.extend(found)
    return out


#: A target table's own heading on a line of its own (the part it lists).
_TARGET_HEADING_RE = KeyRegex(r"^\s*ตัวชี้วัด\s*(?:เป้าประสงค์|มาตรการ|ผลผลิต|โครงการ)\s*$")


def _under_heading(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` follows a target table's heading, only blank lines between."""
    j = i - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    return j >= 0 and _TARGET_HEADING_RE.search(lines[j].text) is not None


def _years_after(doc: RepairedText, lines: list[Line], i: int
                 ) -> tuple[list[Raw | None], int]:
    """The years of the header at ``i`` (on it or on the lines after) and the next index.

    On an OCR'd page a year column whose digits OCR misread (``๒๕๒๐๐``: Debian's
    Thai model has no ``๖``) is still a column: its year is None (not stated).
    """
    for j in range(i, min(i + _YEAR_LINES_MAX + 1, len(lines))):
        text = lines[j].text
        if j > i and (_SEQ_RE.match(text) and not _YEAR_RE.match(text.strip())):
            break
        found = year_spans(text)
        if found:
            raws = [doc.raw_in(lines[j], *span) for span in found]
            return [r for r in raws if r is not None], j + 1
        if doc.ocr_used and (runs := misread_year_spans(text)):
            # a sign before a year (a rule's trace) is no part of it
            runs = [(a + 1 if not DIGITS_OF.match(text[a]) else a, b) for a, b in runs]
            return [doc.raw_in(lines[j], a, b) if YEAR_ONLY_RE.fullmatch(text[a:b]) else None
                    for a, b in runs], j + 1
        if doc.ocr_used and j == i + 1 and (runs := damaged_year_spans(text)):
            return [None] * len(runs), j + 1  # counted, not read (damaged_year_spans)
    return [], i + 1


def _read_target_rows(doc: RepairedText, lines: list[Line], i: int, header: int,
                      years: list[Raw | None], read: set[int], out: list[Flowed]) -> int:
    """Read the rows after a year line at ``i``; return the index after the table.

    A table's first row says whether its rows state their number: the rows of a
    table that leaves ``ลำดับที่`` empty open at a line that starts with that
    cell's gap (:func:`_opens_unnumbered`), once the row before has all its targets.
    A list mark the page wrapped onto a line of its own (``-``, its words on the
    next line) opens a row as its words would (:func:`with_wrapped_opening`).
    """
    run: list[Line] = []
    seq = 0
    count, ocr = len(years), doc.ocr_used
    cut = doc.wraps - doc.spaced  # wrapped with no space written: a number may be cut
    numbered: bool | None = None  # not known before the first row
    while i < len(lines):
        line = lines[i]
        text = line.text
        if line.no in read:
            break
        if not text.strip():
            if run and _complete(run, count, ocr, numbered is not False, cut) \
                    and not awaits_number(run):
                _add_target_row(doc, header, run, years, out, numbered is not False)
                run = []
            i += 1
            continue
        if PAGE_NUMBER_RE.match(text) and not (run and awaits_number(run)):
            i += 1
            continue
        if OTHER_TABLE_RE.match(text) or (_TARGET_HEADER_RE.search(text) and not run):
            break
        # a number after a target's word the page wrapped (``เพิ่มขึ้น`` / ``๖ ราย``) is its number
        # nor is a digit after the empty cell's tab before a vowel (``<tab>3 ะดับ…``): a letter
        # nor are the digits that end a number the page cut at the row's line end
        m = _seq_match(text, ocr) if numbered is not False and not (run and awaits_number(run)) \
            and not (ocr and text[:1] == "\t" and openings.misread_opening(text[1:])) \
            and not rests_cut_number(run, text, cut) else None
        if m is not None and (not run or _complete(run, count, ocr, True, cut)
                              or (ocr and _next_name(text, m, seq))) \
                and (int(to_arabic_digits(m.group("seq"))) == seq + 1 if not ocr
                     else not run or _is_seq(m, seq + 1) or _opens_name(text, m, seq + 1)):
            if run:
                _add_target_row(doc, header, run, years, out)
            run, seq, numbered = [line], seq + 1, True
        elif numbered is not True and not (ocr and OCR_JUNK_RE.fullmatch(text.strip())) \
                and _opens_unnumbered(with_wrapped_opening(text, lines, i), run, count, ocr, cut):
            if run:
                _add_target_row(doc, header, run, years, out, False)
            run, numbered = [line], False
        elif run and ocr and OCR_JUNK_RE.fullmatch(text.strip()):
            pass  # a speck, a page number OCR read as letters (``Sa`` for ``- 2 -``): no words
        elif run and len(run) < ROW_LINES_MAX:
            run.append(line)
        elif not run and not (ocr and OCR_LATIN_LINE_RE.fullmatch(text.strip())):
            break
        i += 1
    if run:
        _add_target_row(doc, header, run, years, out, numbered is not False)
    return i


def _next_name(text: str, m: re.Match[str], seq: int) -> bool:
    """Whether ``text`` opens row ``seq + 1``: that number as printed, then a name.

    On an OCR'd page a row whose targets OCR damaged is never complete
    (:func:`_complete`); the next row still starts at its own number.
    """
    return bool(_SEQ_RE.match(text)) and _is_seq(m, seq + 1) and _opens_name(text, m, seq + 1)


def _is_seq(m: re.Match[str], seq: int) -> bool:
    """Whether the row number ``m`` found is ``seq``."""
    return to_arabic_digits(m.group("seq")) == str(seq)


def _opens_name(text: str, m: re.Match[str], seq: int) -> bool:
    """Whether the number ``m`` found in ``text`` may be row ``seq``'s, a name after it.

    On an OCR'd page a number out of sequence may be a misread row number
    (``lo ระดับความสำเร็จ...``, ``๕`` for ``๔``: as many digits, or none) or the number
    of a target the page wrapped onto a line of its own (``๒๒ ผลิตภัณฑ์``,
    ``๓๕ ของกลุ่มเป้าหมายทั้งหมด``): only the first is followed by a name.
    """
    digits = DIGITS_OF.findall(m.group("seq"))
    if digits and len(digits) != len(str(seq)):
        return False
    name = text[m.end():m.end() + NAME_MIN]
    return len(name) == NAME_MIN and not DIGITS_OF.search(name)


def _opens_unnumbered(text: str, run: list[Line], count: int, ocr: bool = False,
                      cut: frozenset[int] = frozenset()) -> bool:
    r"""Whether ``text`` opens a row whose ``ลำดับที่`` cell is empty (after the row ``run``).

    The row before has all its ``count`` targets (each opening with a word before
    its number, or all with the same unit: ``เครือข่ายภายในปี``, a wrap ran a word
    into it), and ``text`` starts with a
    name's first word: not a target's start (``ร้อยละ ๗๙``, ``๑๖ ครั้ง``: a target
    the page wrapped) nor the rest of a word the page cut. Then the line opens a
    row when it starts with the empty cell's gap (a tab), or when the row before
    would otherwise end with a target more than twice as long as its longest other
    one: a row's targets are phrases of one shape (``ทาง``, ``แห่งต่อปี``: the rest
    of the last target the page wrapped, not a name). ``ocr``: the page was OCR'd
    (a target's number read as Latin letters still starts it; a line after the gap
    opens a row: :func:`~bma_etl.layouts.plan_flow_targets.opens_after_gap`); ``cut``:
    the lines wrapped with no space written (:func:`.plan_flow_row_join.join_row`).

    >>> _opens_unnumbered("\t- ร้อยละของโครงการ", [], 3)
    True
    >>> _opens_unnumbered("\t๑๖ ครั้ง ภายในปี", [], 3)
    False
    """
    body = text.lstrip()  # a name's first letter OCR read as a digit opens one (``3 ะดับ…``)
    misread = ocr and openings.misread_opening(body)
    if not openings.opens_name(body, ocr) or (DIGITS_OF.match(body) and not misread) \
            or any(at == 0 for at, _, _ in possible_starts(body, 0)):
        return False
    if not run:
        return True
    joined = join_row(run, cut).text
    if ocr and text.startswith("\t") and opens_after_gap(
            openings.past_misread_digit(body), joined, count):
        return True
    starts = target_starts(joined, len(joined) - len(joined.lstrip()), count, ocr)
    kinds = [(word, strong) for at, word, strong in possible_starts(joined, 0, ocr)
             if at in (starts or ())]
    unit = min((word for word, _ in kinds), key=len, default="")
    if starts is None or not (all(strong for _, strong in kinds)
                              or all(word.startswith(unit) for word, _ in kinds)):
        return False  # the row's targets not cut by one kind of start: not surely whole
    if text.startswith("\t"):
        return True
    ends = [*starts[1:], len(joined.rstrip())]
    lengths = [b - a for a, b in zip(starts, ends, strict=True)]
    return count > 1 and lengths[-1] + len(body.rstrip()) > 2 * max(lengths[:-1])


def _name_start(text: str, ocr: bool, numbered: bool) -> int | None:
    """Where a row's name starts in its joined ``text``: after its number, or at its first word."""
    if not numbered:
        return len(text) - len(text.lstrip())
    m = _seq_match(text, ocr)
    if m is None:
        return None
    speck = NAME_HEAD_SPECK_RE.match(text, m.end()) if ocr else None
    return m.end() if speck is None else speck.end()


def _complete(run: list[Line], count: int, ocr: bool = False, numbered: bool = True,
              cut: frozenset[int] = frozenset()) -> bool:
    """Whether the row ``run`` holds has a start for each of its ``count`` targets.

    ``cut``: the lines wrapped with no space written (:func:`.plan_flow_row_join.join_row`).

    On an OCR'd page a row's number may be misread (:data:`_OCR_SEQ_RE`): any
    number opens the next row once this one is complete.
    """
    joined = join_row(run, cut)
    pos = _name_start(joined.text, ocr, numbered)
    return pos is not None and target_starts(joined.text, pos, count, ocr) is not None


def _add_target_row(doc: RepairedText, header: int, run: list[Line], years: list[Raw | None],
                    out: list[Flowed], numbered: bool = True) -> None:
    """Cut the row ``run`` holds into its name and one target per year."""
    joined = join_row(run, doc.wraps - doc.spaced)
    pos = _name_start(joined.text, doc.ocr_used, numbered)
    if pos is None:
        return
    starts = target_starts(joined.text, pos, len(years), doc.ocr_used)
    # the name ends where a target may first start
    first = possible_starts(joined.text, pos, doc.ocr_used)
    end = starts[0] if starts else first[0][0] if first else len(joined.text)
    if doc.ocr_used and (speck := NAME_END_SPECK_RE.search(joined.text, pos, end)):
        end = speck.start()  # a speck OCR read as a sign between the name and its targets
    read = doc.raw_in(joined, pos, end)
    if read is None:
        return
    name = openings.with_opening_put_back(without_name_specks(read)) if doc.ocr_used else read
    bounds = (starts or []) + [len(joined.text)]
    for k, year in enumerate(years):
        target = doc.raw_in(joined, bounds[k], bounds[k + 1]) if starts else None
        out.append(Flowed(header, run[0].no, RawRow("plan_indicators", None, {
            "name": name, "year_be": year, "target_text": target})))

