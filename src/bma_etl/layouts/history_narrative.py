"""The progress-history page's paragraphs and strategy lines.

Stage: extract (a helper of :mod:`bma_etl.layouts.web_progress_history`, not a
layout). Consumes the head's lines the header did not claim; produces the
``projects`` columns ``rationale``, ``objectives`` and ``target`` (lists of
:class:`~bma_etl.layouts.base.Raw` pieces) and the four strategy columns. Text
under a narrative heading (:data:`NARRATIVE_HEADINGS`) goes to its column; an
unheaded page is read by position around the unit code line
(:func:`put_paragraphs`).
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Line, Raw, RawRow, RepairedText
from bma_etl.layouts.common import strip_outline_raw
from bma_etl.layouts.history_header import DIGIT, match_or_key
from bma_etl.rows import join_lines

#: Narrative headings of the page (heading → projects column of the text under it).
_NOT_STORED = ""
NARRATIVE_HEADINGS: dict[str, str] = {
    r"หลักการ(?:และ)?เหตุผล": "rationale",
    r"วัตถุประสงค์(?:ของโครงการ)?": "objectives",
    r"เป้าหมาย(?:ของโครงการ|โครงการ)?": "target",
    # headings whose text the warehouse has no column for: read past, not stored
    r"(?:ผลที่คาดว่าจะได้รับ|ประโยชน์ที่(?:คาดว่าจะ)?ได้รับ|วิธี(?:การ)?ดำเนินการ|"
    r"ระยะเวลา(?:ดำเนินการ|การดำเนินงาน)?|สถานที่(?:ดำเนินการ)?|งบประมาณ)": _NOT_STORED,
}
#: A narrative heading alone on its line.
HEADING_RES = [(re.compile(rf"^\s*(?:{h})\s*:?\s*$"), column)
               for h, column in NARRATIVE_HEADINGS.items()]
#: A narrative heading with its text after it on the same line (printed without
#: the line break, or joined to a wrapped first line).
_HEADING_TEXT_RES = [(re.compile(rf"^\s*(?:{h})\s*(?::\s*|\s+)(?=\S)"), column)
                     for h, column in NARRATIVE_HEADINGS.items()]

#: Strategy lines, in the order the page prints them.
STRATEGY_COLUMNS = ("strategy_issue", "strategy_sub_issue", "strategy_goal", "strategy_indicator")
#: A strategy line ends with ``|`` (``ด้านที่ ๗ – … |``).
STRATEGY_RE = re.compile(r"\|\s*$")
#: How a strategy line opens: the issue's ``ด้านที่``, or an outline number's first digits
#: and point (``๒.๒.๑ ``; OCR reads a later digit as a letter now and then: ``๒.ต.๒``,
#: and a point as a comma).
_STRATEGY_OPEN_RE = re.compile(rf"^\s*(?:ด้านที่|{DIGIT}{{1,2}}\s?[.,]\s?\S)")
#: Most lines one strategy line is wrapped onto after its first.
_STRATEGY_WRAPS = 2
#: A numbered objective (``1. เพื่อ…``, ``2) …``).
_ITEM_RE = re.compile(rf"^\s*{DIGIT}{{1,2}}\s*[.)]")


def narrative_heading(text: str, ocr: bool) -> tuple[str] | None:
    """``(column,)`` when ``text`` is a narrative heading (``""``: its text is not stored)."""
    for regex, column in HEADING_RES:
        if match_or_key(regex, text, ocr) is not None:
            return (column,)
    return None


def heading_with_text(text: str, headed: bool) -> tuple[str, int] | None:
    """``(column, where its text starts)`` for a heading with its text on its line.

    The rationale's heading opens the narrative and is taken anywhere; the
    others only under a heading already (a paragraph may open with เป้าหมาย).
    """
    for regex, column in _HEADING_TEXT_RES:
        m = regex.match(text)
        if m is not None and (headed or column == "rationale"):
            return column, m.end()
    return None


#: Thai month names in full: the rest of a date a line's wrap cut after its day.
_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
           "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
#: A line ending at a date's day, its month not there (``… ตั้งแต่วันที่ 15``; a speck
#: may stand before the day: ``วันที่ เ12``), or at ``วันที่``, the day gone with the
#: month (group ``day`` then unset).
_DAY_AT_END_RE = re.compile(rf"วันที่(?:\s*\S?(?P<day>{DIGIT}{{1,2}}))?\s*$")
#: A line that is a date's rest alone (``ตุลาคม พ.ศ. 2564``, ``มีนาคม พ.ศ.``), its day
#: before the month when the day left the line above too (``26⇥มีนาคม``).
_DATE_REST_RE = re.compile(rf"^\s*(?P<day>{DIGIT}{{1,2}}\s+)?(?:{'|'.join(_MONTHS)})\s*"
                           rf"(?:พ\.?\s*ศ\.?)?\s*(?P<year>{DIGIT}{{4}})?\s*$")
#: A year on a line of its own, its era maybe before it (``2568``, ``พ.ศ.⇥2568``).
_YEAR_ALONE_RE = re.compile(rf"^\s*(?:พ\.?\s*ศ\.?\s*)?{DIGIT}{{4}}\s*$")


def date_rests_home(headed: dict[str, list[Line]]) -> None:
    """Put a date's rest OCR read after a later section back after its day, in place.

    The page wraps the rationale's ``… ตั้งแต่วันที่ 15`` / ``ตุลาคม พ.ศ. 2564 เพื่อ…``;
    OCR may read the wrapped line's first words as a block of their own and put them
    at the end of the section below (after the objectives). A rationale line ending
    at a day takes back the last lines of the objectives or target when they are a
    month's name with its era and year and nothing else (the year may stand on a line
    of its own, its era before it); a line ending at ``วันที่`` takes them back with the
    day before the month (``26⇥มีนาคม`` / ``พ.ศ.⇥2568``). Nothing moves unless both
    parts are there.
    """
    rationale = headed.get("rationale", [])
    cut = [(i, m) for i, ln in enumerate(rationale)
           if (m := _DAY_AT_END_RE.search(ln.text)) is not None]
    if len(cut) != 1:
        return
    at, day_kept = cut[0][0], cut[0][1].group("day") is not None
    for column in ("objectives", "target"):
        lines = headed.get(column, [])
        for i, line in enumerate(lines):
            m = _DATE_REST_RE.match(line.text)
            if m is None or (m.group("day") is None) != day_kept:
                continue  # the day on one side only
            take = i + 1 if m.group("year") or i + 1 == len(lines) \
                or not _YEAR_ALONE_RE.match(lines[i + 1].text) else i + 2
            if take == len(lines) and i > 0:  # the section's own text stays above it
                rationale[at + 1:at + 1] = lines[i:take]
                del lines[i:take]
                return


def put_headed(doc: RepairedText, headed: dict[str, list[Line]], project: RawRow) -> None:
    """Text under its narrative heading: rationale, objectives (one per line), target.

    After OCR a date's rest read after a later section goes back to its day first
    (:func:`date_rests_home`).
    """
    if doc.ocr_used:
        date_rests_home(headed)
    for column, lines in headed.items():
        if column == "objectives":
            items = [strip_outline_raw(doc, raw) for raw in _pieces(doc, lines)]
            if items and project.fields.get(column) is None:
                project.fields[column] = items
        elif column in ("rationale", "target"):
            pieces = _pieces(doc, lines)
            if pieces and project.fields.get(column) is None:
                project.fields[column] = pieces


def put_paragraphs(doc: RepairedText, before: list[Line], after: list[Line],
                   project: RawRow) -> None:
    """Rationale above the unit code; objective(s) then target below it."""
    rationale = _pieces(doc, before)
    if rationale:
        project.fields["rationale"] = rationale
    objectives: list[Raw] = []
    rest = after
    if after and _ITEM_RE.match(after[0].text):
        count = next((i for i, ln in enumerate(after) if not _ITEM_RE.match(ln.text)), len(after))
        for line in after[:count]:
            item = doc.raw_in(line, 0, len(line.text))
            if item is not None:
                objectives.append(strip_outline_raw(doc, item))
        rest = after[count:]
    elif after:
        objectives = _pieces(doc, after[:1])
        rest = after[1:]
    if objectives:
        project.fields["objectives"] = objectives
    target = _pieces(doc, rest)
    if target:
        project.fields["target"] = target


def _pieces(doc: RepairedText, lines: list[Line]) -> list[Raw]:
    raws = [doc.raw_in(ln, 0, len(ln.text)) for ln in lines]
    return [r for r in raws if r is not None]


def with_wrapped_strategy(doc: RepairedText, lines: list[Line]) -> list[Line]:
    """``lines`` with each strategy line a narrow page wrapped joined back into one line.

    A strategy line ends with ``|`` (:data:`STRATEGY_RE`); a phone's screenshot or a
    narrow print wraps a long one (``๒.๒.๑ ปริมาณขยะ…ที่ต้องนำไปกำจัดลด`` / ``ลง |``),
    and where the reader does not know the page's wraps (OCR) only the last piece was
    taken for the goal, the first going into the target above it. A line that opens
    as a strategy line does (:data:`_STRATEGY_OPEN_RE`) with no ``|`` at its end is
    joined with the lines right after it up to the first that ends with ``|``, when at
    most :data:`_STRATEGY_WRAPS` follow and none of them opens a strategy line itself.
    Lines whose wraps the reader measured are joined by those wraps already.
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        end = _strategy_rest(doc, lines, i)
        if end is None:
            out.append(line)
            i += 1
            continue
        out.append(join_lines(lines[i:end + 1], spaced=doc.spaced))
        i = end + 1
    return out


def _strategy_rest(doc: RepairedText, lines: list[Line], i: int) -> int | None:
    """Index of the last line of the wrapped strategy line opening at ``lines[i]``; or None."""
    line = lines[i]
    if doc.wraps_known(line.start) or STRATEGY_RE.search(line.text) \
            or not _STRATEGY_OPEN_RE.match(line.text):
        return None
    for j in range(i + 1, min(i + 1 + _STRATEGY_WRAPS, len(lines))):
        nxt = lines[j]
        if nxt.no != lines[j - 1].no + 1 or _STRATEGY_OPEN_RE.match(nxt.text):
            return None
        if STRATEGY_RE.search(nxt.text):
            return j
    return None


def strategy_parts(doc: RepairedText, line: Line) -> list[Raw]:
    """``ด้านที่ ๗ – … |`` → the text before each ``|`` (a line may hold several)."""
    parts: list[Raw] = []
    offset = 0
    for part in line.text.split("|"):
        raw = doc.raw_in(line, offset, offset + len(part))
        if raw is not None:
            parts.append(raw)
        offset += len(part) + 1
    return parts
