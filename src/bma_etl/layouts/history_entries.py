"""The progress-history page's body: history entries and KPI blocks.

Stage: extract (a helper of :mod:`bma_etl.layouts.web_progress_history`, not a
layout). Consumes the lines from the first entry heading (``(N)
ความคืบหน้าโครงการฯ ร้อยละ … (date)``) or KPI block (``ตัวชี้วัด : …``) on;
produces one raw ``progress_updates`` row per entry, in document order (number,
progress, report date, ``detail``, ``problems``, ``obstacles``) and one
``indicators`` row per KPI block, with ``unparsed_line`` findings for lines that
belong to neither and findings when an entry's two dates differ. This module
sorts the lines into blocks; the markers that open and close them are
:mod:`.history_entry_heads`'s, an entry's lines are read by
:mod:`.history_entry_text`, a KPI block's by :mod:`.history_kpi_block`.
"""

from __future__ import annotations

import re

from bma_etl.document import joined_line
from bma_etl.layouts.base import Extraction, Finding, Line, Raw, RawRow, RepairedText
from bma_etl.layouts.history_dates import entry_bounds, mend_countdown
from bma_etl.layouts.history_entry_heads import (
    ENTRY_RE,
    EVALUATION_RE,
    OCR_SEPARATOR_RE,
    SEPARATOR,
    SEPARATOR_RE,
    heading_wrapped,
    ocr_entry,
)
from bma_etl.layouts.history_entry_text import (
    BE_DATE_RE,
    Entry,
    dates_read,
    finish_entry,
    new_entry,
    read_entry_line,
)
from bma_etl.layouts.history_kpi import (
    code_read,
    kpi_above_target,
    kpi_in_key_form,
    name_wraps_on,
    ocr_kpi,
)
from bma_etl.layouts.history_kpi_block import (
    CODE_ALONE_RE,
    KPI_LABEL_RES,
    KPI_RE,
    KpiText,
    go_on,
    goes_on,
    name_text,
    read_kpi_line,
)
from bma_etl.layouts.history_labels import (
    BARE_ENTRY_LABEL,
    ENTRY_LABELS,
    OCR_BARE_ENTRY_LABEL,
    OCR_COLON_RUN,
)
from bma_etl.layouts.history_specks import (
    DATED_ENTRIES,
    separator_read_as_bits,
    separator_read_as_letters,
)
from bma_etl.layouts.wrapped import join, rest_of
from bma_etl.matchkey import match_key


def read_body(doc: RepairedText, lines: list[Line], out: Extraction
              ) -> tuple[list[RawRow], list[RawRow]]:
    """Entries and KPI blocks, in document order."""
    entries: list[Entry] = []
    indicators: list[RawRow] = []
    entry: Entry | None = None
    kpi: RawRow | None = None
    closed = False  # past the quarterly-evaluation heading
    separated = False  # a separator between entries read (the page prints them)
    ocr = doc.ocr_used  # fixed wording is also matched in key form (OCR loses marks)
    joined = _separators_apart(_colons_joined(lines, ocr))
    dated = ocr and sum(bool(BE_DATE_RE.match(ln.text)) for ln in joined) >= DATED_ENTRIES
    name_line = -1  # a KPI name the page wrapped under its code (_name_below)
    held: KpiText | None = None  # the KPI block's text value a wrapped line goes on with
    for at, line in enumerate(joined):
        text = line.text
        above, held = held, None
        if closed:
            continue
        if SEPARATOR_RE.match(text) or (ocr and (OCR_SEPARATOR_RE.match(text) or (
                entry is not None and at + 1 < len(joined) and _misread_separator(text, separated)
                and _opens_block(joined, at + 1)))):
            entry, separated = None, True
            continue
        m = ENTRY_RE.match(text) or (
            ocr_entry(text) if ocr else None)
        if m:
            entry = new_entry(doc, line, m, len(entries) + 1)
            entry.dated = dated
            entries.append(entry)
            kpi = None
            continue
        m = KPI_RE.match(text) or (kpi_in_key_form(KPI_RE.pattern, text) or ocr_kpi(
            text, joined[at + 1:at + 2]) or kpi_above_target(joined, at) if ocr else None)
        if m:
            entry = None
            kpi = RawRow("indicators", len(indicators) + 1, {
                "code": doc.raw_match(m, "code", line=line) if code_read(m) else None,
                "name": doc.raw_match(m, "name", line=line),
            })
            indicators.append(kpi)
            name = kpi.fields["name"]
            held = name_text(kpi, rest_of(line, m.start("name")) if name is not None else None)
            code_alone = name is None and m.group("code") is not None  # read or junk: name below
            if code_alone or (kpi.fields["code"] is None and isinstance(name, Raw)
                              and CODE_ALONE_RE.match(name.text)):  # the name on the next line
                if not code_alone:
                    kpi.fields["code"], kpi.fields["name"] = name, None
                if _name_below(joined, at):
                    name_line = at + 1
                    if ocr and name_wraps_on(joined, at + 1):  # its second line too
                        name_line = at + 2
                    below = join(joined[at + 1:name_line + 1])
                    kpi.fields["name"] = doc.raw_in(
                        below, len(below.text) - len(below.text.lstrip()), len(below.text.rstrip()))
                    held = name_text(kpi, below)
            continue
        if at <= name_line:  # the KPI name's line(s), read above
            held = above
            continue
        if EVALUATION_RE.match(text):
            closed = True
            continue
        if kpi is not None and (held := read_kpi_line(doc, line, kpi, ocr)) is not None:
            continue
        if kpi is not None and above is not None and goes_on(line, above, ocr):
            held = go_on(doc, kpi, above, line)  # a text value the page wrapped
            continue
        if entry is not None:
            read_entry_line(doc, line, entry)
            continue
        out.findings.append(Finding("progress_updates", None, None, "warning", "unparsed_line",
                                    f"line {line.no}: not part of an entry or KPI block: "
                                    f"{text.strip()[:50]!r}"))
    bounds = entry_bounds([dates_read(e) for e in entries]) if ocr \
        else [(None, None)] * len(entries)
    rows = [finish_entry(e, out, ocr, b) for e, b in zip(entries, bounds, strict=True)]
    if ocr:
        mend_countdown(rows)
    return rows, indicators



def _misread_separator(text: str, separated: bool) -> bool:
    """Whether OCR'd ``text``, above an entry or KPI block, is the separator misread.

    As a few letters; or, on a page where a separator was read before (``separated``),
    as a Latin bit and specks (:func:`~bma_etl.layouts.history_specks.separator_read_as_bits`).
    """
    return separator_read_as_letters(text) or (separated and separator_read_as_bits(text))


def _name_below(lines: list[Line], k: int) -> bool:
    """Whether KPI heading ``k`` (``ตัวชี้วัด : 9.7``, its code alone) is named on the next line.

    The next line holds words and is no label, entry, KPI heading or separator:
    a narrow print wrapped the name after the code's cell (a tab, or the page's edge).
    """
    below = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
    return (len(below) > 3 and not SEPARATOR_RE.match(below) and not _opens_block(lines, k + 1)
            and not any(regex.match(below) or match_key(regex.pattern, below)
                        for regex, _ in KPI_LABEL_RES)
            and not EVALUATION_RE.match(below) and any(c.isalpha() for c in below))


def _opens_block(lines: list[Line], k: int) -> bool:
    """Whether OCR'd line ``k`` opens an entry or a KPI block (a separator may precede either)."""
    text = lines[k].text
    return bool(ENTRY_RE.match(text) or ocr_entry(text) or KPI_RE.match(text)
                or match_key(KPI_RE.pattern, text) or ocr_kpi(text, lines[k + 1:k + 2]))


#: A piece of the ``---&&&---`` separator, the rest wrapped onto the next line.
_SEPARATOR_PIECE_RE = re.compile(r"^\s*-*\s*(?:&&&)?\s*-*\s*$")


#: A separator a page set at the end of an entry's last line, not on a line of its own
#: (``** อุปสรรคของโครงการ :การจราจรหนาแน่น ------------------&&&--------------------``).
_TRAILING_SEPARATOR_RE = re.compile(rf"(?<=\S)\s+(?P<sep>{SEPARATOR})\s*$")


#: A second entry label after a cell gap on a label's line (``** ปัญหาของโครงการ :…⇥**
#: อุปสรรคของโครงการ :ไม่มี``: a page that sets an entry's fields side by side). OCR
#: reads the gap as one space, a speck glued before the ``**`` (``แรงงาน ข** อุปสรรค…``,
#: dropped) and the ``:`` as one of its forms (:data:`.OCR_COLON_RUN`: ``1ไม่มี``).
_SECOND_LABEL_RE = re.compile(
    rf"(?<=\S)(?:\t|\s+(?:[^\s*]{{1,2}}(?=\*))?)(?=\*{{2,3}}\s*(?:{'|'.join(ENTRY_LABELS)})"
    rf"\s*(?::|{OCR_COLON_RUN}))")
#: An entry label opening a line.
_FIRST_LABEL_RE = re.compile(
    rf"^\s*\*{{2,3}}\s*(?:{'|'.join(ENTRY_LABELS)})\s*(?::|{OCR_COLON_RUN})")


def _labels_apart(lines: list[Line]) -> list[Line]:
    """``lines`` with each entry label on a line of its own.

    A page that sets an entry's two fields side by side (a CSS grid of two columns,
    printed) gives ``** ปัญหาของโครงการ :X⇥** อุปสรรคของโครงการ :Y`` on one line: the
    problems took the obstacles' label and value. Offsets are kept.
    """
    out: list[Line] = []
    for line in lines:
        cuts = list(_SECOND_LABEL_RE.finditer(line.text)) \
            if _FIRST_LABEL_RE.match(line.text) else []
        if not cuts:
            out.append(line)
            continue
        ends = [*(m.start() for m in cuts), len(line.text)]
        starts = [0, *(m.end() for m in cuts)]
        out.extend(joined_line([(line, a, b)]) for a, b in zip(starts, ends, strict=True))
    return out


def _separators_apart(lines: list[Line]) -> list[Line]:
    """``lines`` with a separator that ends a line of text set on a line of its own.

    A browser that printed a page's separator inline (no line break in the page's
    markup before it) ended the entry's last value with it: it was read into the
    value (``obstacles`` ``การจราจรหนาแน่น ---&&&---``). Offsets are kept; each entry
    label goes on a line of its own too (:func:`_labels_apart`).
    """
    out: list[Line] = []
    for line in _labels_apart(lines):
        m = _TRAILING_SEPARATOR_RE.search(line.text)
        if m is None:
            out.append(line)
            continue
        out.append(joined_line([(line, 0, m.start())]))
        out.append(joined_line([(line, m.start("sep"), len(line.text))]))
    return out


def _colons_joined(lines: list[Line], ocr: bool) -> list[Line]:
    """``lines`` with an entry label alone joined to the next line when that opens with ``:``.

    After OCR the label's ``**`` may read as letters or specks (``ab  อุปสรรคของโครงการ``).
    Pieces a large print wrapped are joined too: an entry heading and its system date
    on the next line (``(2) ความคืบหน้าโครงการฯ ร้อยละ 51.50`` / ``(2018-03-25)``; in a
    narrow column ``... ร้อยละ`` / ``51.50 (2018-03-25)``: :func:`heading_wrapped`), and
    the separator (``---&&&`` / ``---``).
    """
    out: list[Line] = []
    bare = OCR_BARE_ENTRY_LABEL if ocr else BARE_ENTRY_LABEL
    skip = 0
    for at, line in enumerate(lines):
        if skip:
            skip -= 1
        elif out and line.text.lstrip().startswith((":", ";")) and bare.match(out[-1].text):
            out[-1] = join([out[-1], line], " ")
        elif out and heading_wrapped(out[-1].text, line.text):
            out[-1] = join([out[-1], line], " ")
        elif out and "-" in line.text and "-" in out[-1].text and _SEPARATOR_PIECE_RE.match(
                line.text) and _SEPARATOR_PIECE_RE.match(out[-1].text) and SEPARATOR_RE.match(
                out[-1].text.strip() + line.text.strip()):
            out[-1] = join([out[-1], line], "")
        elif (cut := _label_cut(lines, at)) is not None:
            label, skip = cut
            out.append(label)
        else:
            out.append(line)
    return out


#: The entry labels as printed, white space left out (``**อุปสรรคของโครงการ:``).
_LABEL_TEXTS = tuple(f"**{words}:" for words in ("ปัญหาของโครงการ", "อุปสรรคของโครงการ"))
#: The most lines an entry label's cell wraps over (a narrow first column: ``** อุปสรรค``
#: / ``ของ`` / ``โครงการ :``).
_LABEL_LINES = 4


def _label_cut(lines: list[Line], k: int) -> tuple[Line, int] | None:
    """Line ``k``, an entry label cell's first line beside its value, joined to the label's rest.

    ``** อุปสรรค⇥<value>`` / ``ของ`` / ``โครงการ :``: the label's cell wrapped in a narrow
    first column and the reader did not join its lines (a page break between them,
    the browser's print footer and header left out). The lines below give the rest of
    the label (:data:`_LABEL_TEXTS`, whole) in their first cells, their other cells
    more of the value. Gives the label and value as one line and how many lines below
    it took, or None. The label's words may stand a cell apart on its first line
    (``**⇥ปัญหาของ`` / ``โครงการ :⇥⇥<value>``: a justified cell's first line spread, cut
    at a table's columns at a page's foot). A line between the label's lines may hold
    only the value (``**⇥ปัญหาของ`` / ``⇥⇥<value>`` / ``โครงการ :``: a justified
    landscape print setting a one-line value in the middle of the label's two lines).
    """
    pieces = lines[k].text.split("\t")
    sofar, n = "".join(pieces[0].split()), 1
    while n < len(pieces) and pieces[n].strip() and any(
            label.startswith(sofar + "".join(pieces[n].split())) for label in _LABEL_TEXTS):
        sofar, n = sofar + "".join(pieces[n].split()), n + 1
    head = "\t".join(pieces[:n])
    if len(pieces) < 2 or not sofar.startswith("**") or sofar in _LABEL_TEXTS or not any(
            label.startswith(sofar) for label in _LABEL_TEXTS):
        return None
    label = [_stripped(lines[k], 0, len(head))]
    value = [_stripped(lines[k], len(head) + 1, len(lines[k].text))] if n < len(pieces) else []
    for j in range(k + 1, min(k + _LABEL_LINES, len(lines))):
        text = lines[j].text
        piece, tab, rest = text.partition("\t")
        if not piece.strip() and tab and rest.strip() and j + 1 < len(lines):
            value.append(_stripped(lines[j], len(piece) + 1, len(text)))  # a line of the
            continue  # value alone, set in its cell's middle between the label's lines
        sofar += "".join(piece.split())
        if not piece.strip() or not any(label.startswith(sofar) for label in _LABEL_TEXTS):
            return None
        label.append(_stripped(lines[j], 0, len(piece)))
        if tab and text[len(piece) + 1:].strip():
            value.append(_stripped(lines[j], len(piece) + 1, len(text)))
        if sofar in _LABEL_TEXTS:
            words = joined_line(label, "")
            said = join([joined_line([part]) for part in value])
            return joined_line([(words, 0, len(words.text)), (said, 0, len(said.text))]), j - k
    return None


def _stripped(line: Line, start: int, end: int) -> tuple[Line, int, int]:
    """``(line, a, b)``: ``line.text[start:end]`` without the white space at its ends."""
    piece = line.text[start:end]
    a = start + len(piece) - len(piece.lstrip())
    return line, a, max(a, start + len(piece.rstrip()))
