"""One entry of the progress-history page: its report date, detail, problems and obstacles.

Stage: extract (a helper of :mod:`bma_etl.layouts.history_entries`, not a layout).
:func:`new_entry` opens an :class:`Entry` from its heading's match (number, progress,
system date); :func:`read_entry_line` reads each line under it (the report date
opening the narrative, ``29/09/2566 : <narrative>``; the problem and obstacle labels,
:mod:`.history_labels`; lines that go on with the value above; a label of no field,
whose value is not loaded); :func:`finish_entry` makes its raw ``progress_updates`` row,
with findings when the two dates differ, OCR read a value as junk or a field has no
column. After OCR the fixed wording is also matched in key form or approximately, never
guessed. Never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from bma_etl.layouts.base import (
    Derived,
    Extraction,
    FieldValue,
    Finding,
    Line,
    Raw,
    RawRow,
    RepairedText,
)
from bma_etl.layouts.history_dates import date_of, reading_between, shown, spaced_date
from bma_etl.layouts.history_entry_heads import BE_DATE
from bma_etl.layouts.history_header import DIGIT
from bma_etl.layouts.history_labels import (
    ENTRY_LABEL_RES,
    OCR_ENTRY_LABELS,
    OTHER_ENTRY_LABEL,
    approx_entry_label,
    bare_label_column,
)
from bma_etl.layouts.history_specks import (
    OCR_SPECKS_RE,
    after_date_junk,
    junk_before_narrative,
    latin_junk,
    without_junk_lines,
)
from bma_etl.matchkey import KeyMatch, key, marks_optional, match_key
from bma_etl.normalize.digits import to_arabic_digits

#: The entry's report date opening its narrative: ``29/09/2566 : <narrative>``, or its
#: month a Thai word (``28 มิ.ย. 2567 :``, ``27 ธ.ค. 66 :``, ``28 มีนาคม พ.ศ. 2567 :``), the
#: word ``วันที่`` before it or not (``วันที่ 28 มี.ค. 2567 :``: no narrative's).
BE_DATE_RE = re.compile(
    rf"^\s*(?:(?:ณ\s*)?วันที่\s*)?(?P<date>{BE_DATE})\s*:\s*(?P<body>.*)$")
#: The report date as OCR may read it (``19/0172569 :``, a ``/`` read as ``1``): not a
#: date to load (the entry heading's system date stands), but not the detail either.
#: Or its day read as letters, month and year left (``เม07/2563 :``, ``IN/092568 :``).
#: Its ``:`` may be lost, the gap before the narrative left (``11/06/2565⇥⇥อยู่…``), or
#: read as a sign (``26/01/2569 « อยู่…``, ``24,12/2567 - จัด…``: a ``/`` read ``,``); the
#: day's letters may stand apart (``Ov 10/2567 : จัด…``). A date of digits and strokes
#: ending in its Buddhist-era year may be followed by a space alone (``10!042566 อยู่…``),
#: a ``/`` read ``.`` (``01.09/2565``); its ``:`` read as a letter (``2565 ร อยู่…``) is
#: taken off the narrative by :func:`~.history_specks.after_date_junk`. Such a date may
#: stand alone on its line, its ``:`` lost and the narrative on the next (``03/05/2560``).
_OCR_BE_DATE_RE = re.compile(
    rf"^\W{{0,3}}(?P<date>{DIGIT}[0-9๐-๙/|lI!,. ]{{5,10}}{DIGIT}"
    rf"|[^\s:]{{1,3}}?\s?{DIGIT}{{1,2}}\s*/?\s*{DIGIT}{{4}})(?:\s*(?P<sign>[:;«»-])|\t"
    r"|(?<=[2๒][5๕][0-9๐-๙]{2}) (?=[\u0e01-\u0e4e])|(?<=[2๒][5๕][0-9๐-๙]{2})(?=\s*$))\s*"
    r"(?P<body>.*)$")
_PLAIN_DATE_RE = re.compile(rf"{DIGIT}{{1,2}}/{DIGIT}{{1,2}}/{DIGIT}{{4}}")
#: Signs OCR read for the date's ``:``: the date beside them is as doubtful (not loaded).
_MISREAD_COLONS = frozenset("«»-")
#: Where the lines of an entry's field of no column (:data:`OTHER_ENTRY_LABEL`) are put:
#: no column of the row.
_OTHER_FIELD = "other field"
#: The date's ``:`` read as a digit or sign in a cell of its own (``31/05/2568⇥7⇥ผู้รับ…``):
#: a narrative opens with a word, never with one character a tab's gap before its next.
_COLON_CELL_RE = re.compile(r"[^\s\u0e01-\u0e4e]\t\s*")


@dataclass
class Entry:
    """One history entry while its lines are read."""

    row: RawRow
    line_no: int
    iso: Raw | Derived | None = None
    be: Raw | None = None
    current: str = "detail"
    dated: bool = False  # the page's entries open with their report dates (OCR)
    pieces: dict[str, list[Raw]] = field(default_factory=dict)
    others: list[tuple[int, str]] = field(default_factory=list)  # (line no, label of no field)
    doubt: str | None = None  # why the heading's progress was not loaded (OCR)



#: A progress whose decimal point OCR read as a comma (``ร้อยละ 12,50``): two digits after
#: it, which a thousands comma never has before the end.
_POINT_AS_COMMA = re.compile(rf"(?P<whole>{DIGIT}{{1,3}}),(?P<fraction>{DIGIT}{{2}})")
#: A heading's ``ร้อยละ`` with a digit after it that the heading's patterns did not read
#: as a number (a streak's specks in it: ``ร้อยละ 88. DO``): what stands up to the date.
_PCT_SEEN = re.compile(marks_optional("ร้อยละ") + rf"\W{{0,3}}(?P<read>{DIGIT}[^(]{{0,12}})")


def new_entry(doc: RepairedText, line: Line, m: re.Match[str] | KeyMatch, ordinal: int
               ) -> Entry:
    """The entry heading ``m`` (on ``line``) opens: its number, progress and system date.

    After OCR a progress whose point was read as a comma (``12,50``) is read with its
    point (:data:`_POINT_AS_COMMA`, a :class:`Derived` ``Decimal``); one a bar or ``!``
    stands glued to (``ร้อยละ |2.00``: ``12.00``?) is None, with an
    ``ocr_doubtful_value`` finding (:func:`finish_entry`); one apart from it
    (``ร้อยละ | 52.00``) is read. A progress the heading's patterns did not read, a
    digit after ``ร้อยละ`` all the same (``ร้อยละ 88. DO``), is None with that finding.
    """
    read = doc.raw_match(m, "pct", line=line)
    doubt = None
    if doc.ocr_used and read is not None and line.text[max(m.start("pct") - 1, 0)] in "|!":
        # a bar glued to the number may be its ``1`` (``|2.00``: ``12.00``?)
        doubt = (f"line {line.no}: OCR read a stroke glued before the progress "
                 f"{line.text[m.start('pct') - 1:m.end('pct')]!r}: not loaded")
        read = None
    seen = _PCT_SEEN.search(line.text) if doc.ocr_used and read is None else None
    if seen is not None and doubt is None:  # ``ร้อยละ 88. DO``: a number, not read
        doubt = (f"line {line.no}: OCR read the progress as {seen['read'].strip()!r}, "
                 "which is no number: not loaded")
    comma = _POINT_AS_COMMA.fullmatch(read.text) if doc.ocr_used and read is not None else None
    pct: Raw | Derived | None = read
    if read is not None and comma is not None:
        pct = Derived(Decimal(to_arabic_digits(f"{comma['whole']}.{comma['fraction']}")),
                      f"OCR read the progress's point as a comma: {read.text!r}", read.span)
    row = RawRow("progress_updates", ordinal, {
        "seq_label": doc.raw_match(m, "seq", line=line),
        "progress_pct": pct,
    })
    iso: Raw | Derived | None = doc.raw_match(m, "iso", line=line)
    if iso is None:
        try:
            spaced = doc.raw_match(m, "spaced", line=line)
        except IndexError:  # a heading pattern without the group
            spaced = None
        iso = spaced_date(spaced) if spaced is not None else None
    return Entry(row, line.no, iso=iso, doubt=doubt)


def read_entry_line(doc: RepairedText, line: Line, entry: Entry) -> None:
    """Read one line under ``entry``'s heading: a label's value, the report date, or more text."""
    for (regex, column), (ocr_pattern, _) in zip(ENTRY_LABEL_RES, OCR_ENTRY_LABELS, strict=True):
        # after OCR its pattern first: the printed one leaves a run of colons in the value
        m = (match_key(ocr_pattern, line.text) if doc.ocr_used else None) or regex.match(
            line.text)
        if m:
            entry.current = column
            raw = doc.raw_match(m, "value", line=line)
            entry.pieces.setdefault(column, [])
            if raw is not None:
                entry.pieces[column].append(raw)
            return
    if doc.ocr_used:
        if OCR_SPECKS_RE.match(line.text):
            return  # a separator or specks OCR read as marks and digits: no text of the entry
        found = approx_entry_label(line.text)
        if found is not None:
            column, value_at = found
            entry.current = column
            raw = doc.raw_in(line, value_at, len(line.text.rstrip()))
            entry.pieces.setdefault(column, [])
            if raw is not None:
                entry.pieces[column].append(raw)
            return
    if (bare := bare_label_column(line.text)) is not None:  # a stacked copy's empty value
        entry.current = bare
        entry.pieces.setdefault(bare, [])
        return
    if other := OTHER_ENTRY_LABEL.match(line.text):  # ``** ข้อเสนอแนะ :…``: no column's
        entry.current = _OTHER_FIELD
        entry.others.append((line.no, other["label"]))
        return
    if entry.be is None and entry.current == "detail" and "detail" not in entry.pieces:
        m = BE_DATE_RE.match(line.text)
        odd = _OCR_BE_DATE_RE.match(line.text) if m is None and doc.ocr_used else None
        if m or odd:
            if m or (odd and _PLAIN_DATE_RE.fullmatch(odd.group("date"))  # specks before it
                      and odd.group("sign") not in _MISREAD_COLONS):
                entry.be = doc.raw_match(m or odd, "date", line=line)  # type: ignore[arg-type]
            body = doc.raw_match(m or odd, "body", line=line)  # type: ignore[arg-type]
            if odd is not None and body is not None:
                start = after_date_junk(body.text)
                if start is None and odd.group("sign") is None \
                        and (cell := _COLON_CELL_RE.match(body.text)) is not None:
                    start = cell.end()
                if start is not None:  # the date's colon read as a letter
                    body = doc.raw_in(line, odd.start("body") + start, len(line.text))
            entry.pieces["detail"] = [body] if body is not None else []
            return
        start = (after_date_junk(line.text) or (junk_before_narrative(line.text) if entry.dated
                                                 else None)) if doc.ocr_used else None
        if start is not None:  # the report date read as junk: neither a date nor the detail
            body = doc.raw_in(line, start, len(line.text))
            entry.pieces["detail"] = [body] if body is not None else []
            return
    raw = doc.raw_in(line, 0, len(line.text))
    if raw is not None:
        entry.pieces.setdefault(entry.current, []).append(raw)


def dates_read(entry: Entry) -> tuple[date | None, date | None]:
    """The dates ``entry``'s report date and system date state (None where not read)."""
    return (date_of(entry.be) if entry.be is not None else None,
            date_of(entry.iso) if entry.iso is not None else None)


def finish_entry(entry: Entry, out: Extraction, ocr: bool = False,
                 bounds: tuple[date | None, date | None] = (None, None)) -> RawRow:
    """``entry``'s raw ``progress_updates`` row; findings about its dates and values to ``out``.

    ``bounds``: the dates of the entries below and above it OCR read sure
    (:func:`~.history_dates.entry_bounds`), which say which of two readings that
    disagree is the date (:func:`~.history_dates.reading_between`).
    """
    row = entry.row
    row.fields["report_date"] = entry.be or entry.iso
    if entry.doubt is not None:
        out.findings.append(Finding("progress_updates", row.ordinal, "progress_pct", "warning",
                                    "ocr_doubtful_value", entry.doubt))
    if entry.be is not None and entry.iso is not None:
        be, iso = date_of(entry.be), date_of(entry.iso)
        if be is not None and iso is not None and be != iso and ocr \
                and (kept := reading_between(be, iso, bounds)) is not None:
            iso_at = entry.iso.span if isinstance(entry.iso, Raw) else entry.iso.evidence
            row.fields["report_date"] = Derived(
                kept, f"OCR read the report date {entry.be.text!r} and the system date "
                f"{shown(entry.iso)!r}: only {kept.isoformat()} lies between the dates of "
                "the entries below and above", entry.be.span if kept == be else iso_at)
        elif be is not None and iso is not None and be != iso and ocr:
            # two readings of one date by OCR that disagree: either may be the misread one
            row.fields["report_date"] = None
            out.findings.append(Finding(
                "progress_updates", row.ordinal, "report_date", "warning", "ocr_doubtful_value",
                f"line {entry.line_no}: OCR read the report date {entry.be.text!r} and the "
                f"system date {shown(entry.iso)!r}, which differ: not loaded"))
        elif be is not None and iso is not None and be != iso:
            out.findings.append(Finding(
                "progress_updates", row.ordinal, "report_date", "warning", "ambiguous_value",
                f"line {entry.line_no}: report date {entry.be.text} and system date "
                f"{shown(entry.iso)} differ; the report date is kept"))
    for line_no, label in entry.others:
        out.findings.append(Finding(
            "progress_updates", row.ordinal, None, "warning", "unparsed_line",
            f"line {line_no}: the entry's field {label!r} is none the warehouse holds: "
            "its value is not loaded"))
    for column in ("detail", "problems", "obstacles"):
        pieces = without_junk_lines(entry.pieces.get(column), ocr and column != "detail")
        if pieces and ocr and column != "detail" and latin_junk(pieces):
            out.findings.append(Finding(
                "progress_updates", row.ordinal, column, "warning", "ocr_doubtful_value",
                f"line {entry.line_no}: OCR read the {column} as {pieces[0].text.strip()!r}, "
                "a few Latin letters on a Thai page: not loaded"))
        elif pieces:
            row.fields[column] = _said_none(pieces) if ocr else pieces
    return row


_NONE_KEY = key("ไม่มี")


def _said_none(pieces: list[Raw]) -> FieldValue:
    """``ไม่มี`` (none) for a value OCR read as those letters without their marks (``ไมมี``).

    The key form of the whole value must be the phrase's: no other words have it.
    """
    if len(pieces) != 1:
        return pieces
    text = pieces[0].text.strip(" \t:.;")
    if text == "ไม่มี" or key(text) != _NONE_KEY:
        return pieces
    return Derived("ไม่มี", f"OCR read {pieces[0].text!r}: the letters of ไม่มี without its "
                   "marks", pieces[0].span)

