"""The progress-history page's body: history entries and KPI blocks.

Stage: extract (a helper of :mod:`bma_etl.layouts.web_progress_history`, not a
layout). Consumes the lines from the first entry heading (``(N)
ความคืบหน้าโครงการฯ ร้อยละ … (date)``) or KPI block (``ตัวชี้วัด : …``) on;
produces one raw ``progress_updates`` row per entry, in document order (number,
progress, report date, ``detail``, ``problems``, ``obstacles``) and one
``indicators`` row per KPI block, with ``unparsed_line`` findings for lines that
belong to neither and findings when an entry's two dates differ. After OCR the
fixed wording is also matched in key form or approximately, never guessed; an
entry's problem and obstacle labels are matched by :mod:`.history_labels`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
from bma_etl.layouts.history_dates import date_of, mend_countdown, shown, spaced_date
from bma_etl.layouts.history_header import DIGIT, NUMBER, put_first
from bma_etl.layouts.history_kpi import code_read, kpi_above_target, name_wraps_on, ocr_kpi
from bma_etl.layouts.history_labels import (
    BARE_ENTRY_LABEL,
    ENTRY_LABEL_RES,
    LABEL_SIMILARITY,
    OCR_BARE_ENTRY_LABEL,
    OCR_ENTRY_LABELS,
    approx_entry_label,
)
from bma_etl.layouts.history_specks import (
    DATED_ENTRIES,
    OCR_SPECKS_RE,
    after_date_junk,
    junk_before_narrative,
    latin_junk,
    separator_read_as_letters,
    without_junk_lines,
)
from bma_etl.layouts.wrapped import join
from bma_etl.matchkey import KeyMatch, key, match_key

#: An entry's heading: ``(1) ความคืบหน้าโครงการฯ ร้อยละ 100.00 (2023-09-29)``.
ENTRY_RE = re.compile(
    rf"^\s*\(\s*(?P<seq>{DIGIT}{{1,4}})\s*\)\s*ความคืบหน้าโครงการฯ?\s*"
    rf"(?:ร้อยละ\s*(?P<pct>{NUMBER})\s*%?)?\s*"
    r"(?:\(\s*(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ T][0-9:.]+)?\s*\))?\s*$"
)
#: The entry's report date opening its narrative: ``29/09/2566 : <narrative>``.
_BE_DATE_RE = re.compile(
    rf"^\s*(?P<date>{DIGIT}{{1,2}}/{DIGIT}{{1,2}}/{DIGIT}{{4}})\s*:\s*(?P<body>.*)$")
#: The line between entries: ``------------------&&&--------------------``.
SEPARATOR_RE = re.compile(r"^\s*-{3,}\s*&&&\s*-{3,}\s*$")
#: The report date as OCR may read it (``19/0172569 :``, a ``/`` read as ``1``): not a
#: date to load (the entry heading's system date stands), but not the detail either.
#: Or its day read as letters, month and year left (``เม07/2563 :``, ``IN/092568 :``).
#: Its ``:`` may be lost, the gap before the narrative left (``11/06/2565⇥⇥อยู่…``), or
#: read as a sign (``26/01/2569 « อยู่…``, ``24,12/2567 - จัด…``: a ``/`` read ``,``); the
#: day's letters may stand apart (``Ov 10/2567 : จัด…``). A date of digits and strokes
#: ending in its Buddhist-era year may be followed by a space alone (``10!042566 อยู่…``),
#: a ``/`` read ``.`` (``01.09/2565``); its ``:`` read as a letter (``2565 ร อยู่…``) is
#: taken off the narrative by :func:`~.history_specks.after_date_junk`.
_OCR_BE_DATE_RE = re.compile(
    rf"^\W{{0,3}}(?P<date>{DIGIT}[0-9๐-๙/|lI!,. ]{{5,10}}{DIGIT}"
    rf"|[^\s:]{{1,3}}?\s?{DIGIT}{{1,2}}\s*/?\s*{DIGIT}{{4}})(?:\s*(?P<sign>[:;«»-])|\t"
    r"|(?<=[2๒][5๕][0-9๐-๙]{2}) (?=[\u0e01-\u0e4e]))\s*"
    r"(?P<body>.*)$")
_PLAIN_DATE_RE = re.compile(rf"{DIGIT}{{1,2}}/{DIGIT}{{1,2}}/{DIGIT}{{4}}")
#: Signs OCR read for the date's ``:``: the date beside them is as doubtful (not loaded).
_MISREAD_COLONS = frozenset("«»-")
#: After OCR: a separator whose dashes were lost, an entry heading with a speck after it;
#: or its ``&&&`` read in part, a letter or two of dust beside it (``ว\tB&&``): no
#: entry's text has ``&&``.
_OCR_SEPARATOR_RE = re.compile(r"^\W{0,3}-*\s*&&&\s*-*\W{0,3}$"
                               r"|^\s*\S{0,2}\s*-*\s*\S?&&\S?\s*-*\s*\S{0,2}\s*$")
#: An entry heading as OCR reads it: punctuation specks between its parts, the
#: number's brackets misread (``A)`` for ``(8)``), a speck after it.
#: The number's closing bracket lost (``(2 ความ…``) or the number misread (``(ๆ ความ…``):
#: an opening or a closing bracket is still needed. A speck before ร้อยละ (``ร์ รอยละ``).
#: The system date's closing bracket lost, a speck after it (``(2020-05- 17 ร``), or
#: the date cut off or made junk after its year (``(2020-05- 1``, ``(2020- -()7- 11)``):
#: the date then not read from it. A speck read as a bracket before the date's own
#: (``ร้อยละ 72.50 ) (2024-…``). The date's dashes read as spaces or doubled, its
#: digits whole (``(2024- -02 11)``): read from its digits (``spaced``, key form).
_OCR_ENTRY = (
    rf"^\W{{0,3}}?(?:\(\s*(?P<seq>{DIGIT}{{1,4}})\s*[)\]1|]?|\S{{0,2}}[)\]]|\(\S{{0,2}})"
    r"\s*ความคืบหน้าโครงการฯ?[,.:;]*"
    rf"(?:\S{{0,2}}?ร้อยละ[,.:;]*(?P<pct>{NUMBER})\s*%?)?[,.:;]*(?:[)\]|]\s*(?=\())?"
    r"(?:\(\s*(?:(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})[^)]{0,14}"
    r"|(?P<spaced>[0-9]{4}-+[0-9]{2}-?[0-9]{2})(?=\)|$)|[0-9]{4}\s*-.{0,12}?)\)?)?"
    r".{0,4}$"
)
#: An entry heading whose words OCR made junk (``(3) (สวมเดิกห์น ครงกรรร ร รอยละ 68.50
#: (2020-07-11)``): its number in brackets opens the line and its system date in
#: brackets ends it, nothing in between longer than a heading's words.
_OCR_ENTRY_JUNK = (
    rf"^\W{{0,3}}?\(\s*(?P<seq>{DIGIT}{{1,4}})\s*\).{{4,40}}?"
    rf"(?:ร้อยละ[,.:;]*(?P<pct>{NUMBER})\s*%?)?[,.:;]*"
    r"\(\s*(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})\s*\)\W{0,2}$"
)
#: The KPI block (label → indicators column); on the target and achieved lines the
#: word between label and colon is the unit (``ค่าเป้าหมาย ระดับ : 1``).
KPI_LABELS: dict[str, str] = {
    r"ค่าเป้าหมาย": "target_value",
    r"ผลงานที่ทำได้": "achieved_value",
    r"ประเภทตัวชี้วัด": "kind",
}
#: A KPI block's first line: ``ตัวชี้วัด : 2.8 <name>``.
KPI_RE = re.compile(
    rf"^\s*ตัวชี้วัด\s*:\s*(?:(?P<code>{DIGIT}{{1,2}}(?:\.{DIGIT}{{1,3}}){{0,3}})\.?\s+)?(?P<name>\S.*?)\s*$"
)
_KPI_LABEL_RES = [
    (re.compile(rf"^\s*{label}\s*(?P<unit>[^:\s][^:]*?)?\s*:\s*(?P<value>.*?)\s*$"), column)
    for label, column in KPI_LABELS.items()
]
#: The quarterly evaluation heading that closes the page; what follows is not stored.
_EVALUATION_RE = re.compile(r"^\s*\*{0,3}\s*ผลการประเมินโครงการ")


@dataclass
class _Entry:
    """One history entry while its lines are read."""

    row: RawRow
    line_no: int
    iso: Raw | Derived | None = None
    be: Raw | None = None
    current: str = "detail"
    dated: bool = False  # the page's entries open with their report dates (OCR)
    pieces: dict[str, list[Raw]] = field(default_factory=dict)


def ocr_entry(text: str) -> KeyMatch | None:
    """An entry heading as OCR reads it (:data:`_OCR_ENTRY`, :data:`_OCR_ENTRY_JUNK`)."""
    return match_key(_OCR_ENTRY, text) or match_key(_OCR_ENTRY_JUNK, text)


def read_body(doc: RepairedText, lines: list[Line], out: Extraction
              ) -> tuple[list[RawRow], list[RawRow]]:
    """Entries and KPI blocks, in document order."""
    entries: list[_Entry] = []
    indicators: list[RawRow] = []
    entry: _Entry | None = None
    kpi: RawRow | None = None
    closed = False  # past the quarterly-evaluation heading
    ocr = doc.ocr_used  # fixed wording is also matched in key form (OCR loses marks)
    joined = _colons_joined(lines, ocr)
    dated = ocr and sum(bool(_BE_DATE_RE.match(ln.text)) for ln in joined) >= DATED_ENTRIES
    name_line = -1  # a KPI name the page wrapped under its code (_name_below)
    for at, line in enumerate(joined):
        text = line.text
        if closed:
            continue
        if SEPARATOR_RE.match(text) or (ocr and (_OCR_SEPARATOR_RE.match(text) or (
                entry is not None and at + 1 < len(joined) and separator_read_as_letters(text)
                and _opens_block(joined, at + 1)))):
            entry = None
            continue
        m = ENTRY_RE.match(text) or (
            ocr_entry(text) if ocr else None)
        if m:
            entry = _new_entry(doc, line, m, len(entries) + 1)
            entry.dated = dated
            entries.append(entry)
            kpi = None
            continue
        m = KPI_RE.match(text) or (match_key(KPI_RE.pattern, text) or ocr_kpi(
            text, joined[at + 1:at + 2]) or kpi_above_target(joined, at) if ocr else None)
        if m:
            entry = None
            kpi = RawRow("indicators", len(indicators) + 1, {
                "code": doc.raw_match(m, "code", line=line) if code_read(m) else None,
                "name": doc.raw_match(m, "name", line=line),
            })
            indicators.append(kpi)
            name = kpi.fields["name"]
            code_alone = name is None and m.group("code") is not None  # read or junk: name below
            if code_alone or (kpi.fields["code"] is None and isinstance(name, Raw)
                              and _CODE_ALONE_RE.match(name.text)):  # the name on the next line
                if not code_alone:
                    kpi.fields["code"], kpi.fields["name"] = name, None
                if _name_below(joined, at):
                    name_line = at + 1
                    if ocr and name_wraps_on(joined, at + 1):  # its second line too
                        name_line = at + 2
                    below = join(joined[at + 1:name_line + 1])
                    kpi.fields["name"] = doc.raw_in(
                        below, len(below.text) - len(below.text.lstrip()), len(below.text.rstrip()))
            continue
        if at <= name_line:  # the KPI name's line(s), read above
            continue
        if _EVALUATION_RE.match(text):
            closed = True
            continue
        if kpi is not None and _read_kpi_line(doc, line, kpi, ocr):
            continue
        if entry is not None:
            _read_entry_line(doc, line, entry)
            continue
        out.findings.append(Finding("progress_updates", None, None, "warning", "unparsed_line",
                                    f"line {line.no}: not part of an entry or KPI block: "
                                    f"{text.strip()[:50]!r}"))
    rows = [_finish_entry(e, out, ocr) for e in entries]
    if ocr:
        mend_countdown(rows)
    return rows, indicators


#: A KPI heading's name that is only its code: the page wrapped the name onto the next line.
_CODE_ALONE_RE = re.compile(rf"^{DIGIT}{{1,2}}(?:\.{DIGIT}{{1,3}}){{0,3}}\.?$")


def _name_below(lines: list[Line], k: int) -> bool:
    """Whether KPI heading ``k`` (``ตัวชี้วัด : 9.7``, its code alone) is named on the next line.

    The next line holds words and is no label, entry, KPI heading or separator:
    a narrow print wrapped the name after the code's cell (a tab, or the page's edge).
    """
    below = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
    return (len(below) > 3 and not SEPARATOR_RE.match(below) and not _opens_block(lines, k + 1)
            and not any(regex.match(below) or match_key(regex.pattern, below)
                        for regex, _ in _KPI_LABEL_RES)
            and not _EVALUATION_RE.match(below) and any(c.isalpha() for c in below))


def _opens_block(lines: list[Line], k: int) -> bool:
    """Whether OCR'd line ``k`` opens an entry or a KPI block (a separator may precede either)."""
    text = lines[k].text
    return bool(ENTRY_RE.match(text) or ocr_entry(text) or KPI_RE.match(text)
                or match_key(KPI_RE.pattern, text) or ocr_kpi(text, lines[k + 1:k + 2]))


def _colons_joined(lines: list[Line], ocr: bool) -> list[Line]:
    """``lines`` with an entry label alone joined to the next line when that opens with ``:``.

    After OCR the label's ``**`` may read as letters or specks (``ab  อุปสรรคของโครงการ``).
    """
    out: list[Line] = []
    bare = OCR_BARE_ENTRY_LABEL if ocr else BARE_ENTRY_LABEL
    for line in lines:
        if out and line.text.lstrip().startswith((":", ";")) and bare.match(out[-1].text):
            out[-1] = join([out[-1], line], " ")
        else:
            out.append(line)
    return out


def _new_entry(doc: RepairedText, line: Line, m: re.Match[str] | KeyMatch, ordinal: int
               ) -> _Entry:
    row = RawRow("progress_updates", ordinal, {
        "seq_label": doc.raw_match(m, "seq", line=line),
        "progress_pct": doc.raw_match(m, "pct", line=line),
    })
    iso: Raw | Derived | None = doc.raw_match(m, "iso", line=line)
    if iso is None:
        try:
            spaced = doc.raw_match(m, "spaced", line=line)
        except IndexError:  # a heading pattern without the group
            spaced = None
        iso = spaced_date(spaced) if spaced is not None else None
    return _Entry(row, line.no, iso=iso)


def _read_entry_line(doc: RepairedText, line: Line, entry: _Entry) -> None:
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
    if entry.be is None and entry.current == "detail" and "detail" not in entry.pieces:
        m = _BE_DATE_RE.match(line.text)
        odd = _OCR_BE_DATE_RE.match(line.text) if m is None and doc.ocr_used else None
        if m or odd:
            if m or (odd and _PLAIN_DATE_RE.fullmatch(odd.group("date"))  # specks before it
                      and odd.group("sign") not in _MISREAD_COLONS):
                entry.be = doc.raw_match(m or odd, "date", line=line)  # type: ignore[arg-type]
            body = doc.raw_match(m or odd, "body", line=line)  # type: ignore[arg-type]
            if odd is not None and body is not None:
                start = after_date_junk(body.text)
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


def _finish_entry(entry: _Entry, out: Extraction, ocr: bool = False) -> RawRow:
    row = entry.row
    row.fields["report_date"] = entry.be or entry.iso
    if entry.be is not None and entry.iso is not None:
        be, iso = date_of(entry.be), date_of(entry.iso)
        if be is not None and iso is not None and be != iso and ocr:
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


def _read_kpi_line(doc: RepairedText, line: Line, kpi: RawRow, ocr: bool = False) -> bool:
    for regex, column in _KPI_LABEL_RES:
        m = regex.match(line.text) or (match_key(regex.pattern, line.text) if ocr else None)
        if m:
            put_first(kpi, column, doc.raw_match(m, "value", line=line))
            if column != "kind" and kpi.fields.get("unit") is None:
                kpi.fields["unit"] = doc.raw_match(m, "unit", line=line)
            return True
    if ocr and (found := _approx_kpi_kind(line.text)) is not None:
        put_first(kpi, "kind", doc.raw_in(line, found, len(line.text.rstrip())))
        return True
    return False


_KIND_KEY = key("ประเภทตัวชี้วัด")
_KIND_COLON = re.compile(r"\s*[:;]\s*")


def _approx_kpi_kind(text: str) -> int | None:
    """Where the value of a KPI kind label OCR read with a letter wrong starts, or None.

    ``ประเภทตัวขี้วัด : …``, ``ประเภททตัวชี้วัด : …``: the words before the line's
    first ``:`` are the label's, whole, in key form, at :data:`LABEL_SIMILARITY`.
    """
    from rapidfuzz.fuzz import ratio

    colon = _KIND_COLON.search(text, 0, 40)
    if colon is None:
        return None
    head = key(text[:colon.start()]).strip(" *'\".,")
    if ratio(head, _KIND_KEY) < LABEL_SIMILARITY:
        return None
    return colon.end()
