"""A report register set as a wide table: a header row naming the columns, a report per row.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_progress_form` and
:mod:`bma_etl.layouts.web_progress_history`, not a layout). Agencies export their
progress reports as one table with a column per field (``ครั้งที่ | วันที่รายงาน |
ผลการดำเนินงาน | ความก้าวหน้า (%) | งบประมาณที่เบิกใช้ (บาท) | ผลเทียบแผน |
ผลเทียบเป้าหมาย``, or a tracking page's history as ``ครั้งที่ | วันที่ | ความคืบหน้า |
รายละเอียด | ปัญหา | อุปสรรค``). Consumes the lines of a document (their cells:
:func:`bma_etl.document.cells`, tab or pipe cells); produces one raw
``progress_updates`` row per table row (:func:`column_reports`), each value the
text of its own column's cell with its span, and the numbers of the lines the
table took.

The header row is found by its cells' words (:data:`COLUMN_LABELS`, matched whole
in key form: :func:`bma_etl.matchkey.matches_key`); a header of two rows (a
merged group heading over its sub-columns) is read as the columns its leaves
give. A row opens at a report number in the number's column; a line whose
number cell is empty goes on with the row above, column by column (a cell the
print wrapped, a row a page break cut; a repeated header is skipped). A line
whose cells cannot be lined up with the columns is left unread with an
``unparsed_line`` finding: a value is never taken from a neighbouring column.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bma_etl.document import Cell, cells, joined_line
from bma_etl.errors import NormalizeError
from bma_etl.layouts.amount_units import in_unit
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
from bma_etl.matchkey import matches_key
from bma_etl.normalize.dates import parse_date
from bma_etl.normalize.digits import parse_amount, parse_percent
from bma_etl.normalize.unit_words import heading_unit

#: A column heading's words (the whole cell, its unit in brackets taken off) → the
#: ``progress_updates`` column it heads; most specific first. Matched in key form.
COLUMN_LABELS: dict[str, str] = {
    r"(?:รายงาน)?ครั้งที่\s*(?:รายงาน)?": "seq_label",
    r"ลำดับ\s*(?:ที่)?": "seq_label",
    r"งวด\s*(?:ที่)?": "seq_label",
    r"(?:ณ\s*)?วันที่\s*(?:รายงาน)?": "report_date",
    r"วันที่\s*(?:บันทึก|ปรับปรุง)\s*(?:ข้อมูล)?": "report_date",
    r"วัน\s*เดือน\s*ปี\s*(?:ที่รายงาน)?": "report_date",
    r"ผลการดำเนินงาน\s*/\s*รายละเอียด": "detail",
    r"รายละเอียด\s*(?:ผลการดำเนินงาน)?": "detail",
    r"รายละเอียด\s*การดำเนินงาน": "detail",
    r"ผลการดำเนินงาน\s*(?:ที่ผ่านมา)?": "detail",
    r"การดำเนินงาน": "detail",
    r"(?:ร้อยละ\s*)?ความก้าวหน้า\s*(?:ของ)?\s*(?:งาน|โครงการ)?\s*ฯ?": "progress_pct",
    r"(?:ร้อยละ\s*)?ความคืบหน้า\s*(?:ของ)?\s*(?:โครงการ)?\s*(?:/\s*กิจกรรม)?\s*ฯ?": "progress_pct",
    r"ร้อยละ": "progress_pct",
    r"งบประมาณ\s*ที่\s*เบิก\s*ใช้": "budget_disbursed_thb",
    r"งบประมาณ\s*ที่\s*เบิก\s*จ่าย": "budget_disbursed_thb",
    r"(?:ผลการ)?\s*เบิก\s*จ่าย\s*(?:งบประมาณ)?": "budget_disbursed_thb",
    r"เบิก\s*ใช้\s*(?:งบประมาณ)?": "budget_disbursed_thb",
    r"งบประมาณ\s*ที่\s*ใช้\s*(?:ไป)?": "budget_disbursed_thb",
    r"(?:ผล)?\s*เทียบ\s*(?:กับ)?\s*แผน\s*(?:งาน)?": "on_plan",
    r"(?:เป็นไป)?\s*ตาม\s*แผน\s*(?:งาน)?": "on_plan",
    r"(?:ผล)?\s*เทียบ\s*(?:กับ)?\s*เป้าหมาย": "on_target",
    r"(?:เป็นไป)?\s*ตาม\s*เป้าหมาย": "on_target",
    r"บรรลุ\s*เป้าหมาย": "on_target",
    r"ปัญหา\s*(?:และ)?\s*(?:/)?\s*อุปสรรค\s*(?:ของโครงการ)?": "problems",
    r"ปัญหา\s*(?:ของโครงการ)?": "problems",
    r"อุปสรรค\s*(?:ของโครงการ)?": "obstacles",
}
#: A heading's unit in brackets (``ความก้าวหน้า (%)``, ``เบิกจ่าย (บาท)``): a percent's
#: or an amount's, which also says which of the two the column holds.
_UNIT_RE = re.compile(r"\s*\(?\s*(?P<unit>%|ร้อยละ|(?:พัน|หมื่น|แสน|ล้าน)?\s*บาท)\s*\)?\s*$")
_HEAD_JUNK = re.compile(r"^[\s*:.|]+|[\s*:.|ฯ]+$")
#: The least columns a header row names (of which a number's or date's, and a text's or
#: a progress's).
_LEAST_COLUMNS = 3
#: The most cells a row of a two-row header may have (the groupings tried grow fast).
_MOST = 12
#: A report's number in its cell: ``1``, ``(1)``, ``๑.``, ``รายงานครั้งที่ 1``.
_NUMBER_RE = re.compile(r"^\s*(?:(?:รายงาน)?ครั้งที่\s*)?\(?\s*(?P<no>[0-9๐-๙]{1,3})\s*[).]?\s*$")
_PERCENT_RE = re.compile(r"[0-9๐-๙]{1,3}(?:[.,][0-9๐-๙]{1,2})?")
_AMOUNT_RE = re.compile(r"[0-9๐-๙]{1,3}(?:,?[0-9๐-๙]{3})*(?:\.[0-9๐-๙]{1,2})?")
#: A cell that states nothing (``-``, ``–``).
_NOTHING_RE = re.compile(r"^[\s\-–—]*$")
#: A table's rule drawn in text (``|---|---|``).
_RULE_RE = re.compile(r"^[\s|:\-–=+]*$")
_TEXT_COLUMNS = ("detail", "problems", "obstacles")


def column_of(heading: str) -> str | None:
    """The ``progress_updates`` column a header cell's words name, or None.

    >>> column_of("ความก้าวหน้า (%)"), column_of("ผลการดำเนินงาน (ร้อยละ)")
    ('progress_pct', 'progress_pct')
    >>> column_of("เบิกจ่าย (บาท)"), column_of("ผลเทียบเป้าหมาย"), column_of("การประเมิน")
    ('budget_disbursed_thb', 'on_target', None)
    """
    text = _HEAD_JUNK.sub("", heading)
    unit = _UNIT_RE.search(text)
    if unit and unit.start() > 0:
        text = text[:unit.start()]
    if not text.strip():
        return None
    named = next((column for label, column in COLUMN_LABELS.items()
                  if matches_key(label, text, full=True)), None)
    if unit and unit.start() > 0 and named not in (None, "seq_label", "report_date"):
        return "budget_disbursed_thb" if "บาท" in unit["unit"] else "progress_pct"
    return named


@dataclass
class _Header:
    columns: list[str | None]
    headings: list[str]
    lines: int  # how many lines the header takes


@dataclass
class _Row:
    pieces: dict[int, list[tuple[Line, int, int]]] = field(default_factory=dict)


def _filled(line: Line) -> list[Cell]:
    return [c for c in cells(line) if c.text.strip()]


def _header_at(lines: list[Line], k: int) -> _Header | None:
    """The header row at line ``k`` (one line, or two: group headings over their leaves)."""
    row = cells(lines[k])
    if len(row) < _LEAST_COLUMNS:
        return None
    named = [column_of(c.text) for c in row]
    if not _names_a_table([n for n in named if n]):
        return None
    below = cells(lines[k + 1]) if k + 1 < len(lines) else []
    data = next((cells(ln) for ln in lines[k + 1:k + 4] if _NUMBER_RE.match(cells(ln)[0].text)
                 and len(cells(ln)) > 1), None)
    if data is None or len(data) <= len(row) or not below or _NUMBER_RE.match(below[0].text):
        return _Header(named, [c.text for c in row], 1)
    leaves = _leaves([c.text for c in row], [c.text for c in below], len(data))
    if leaves is None:
        return _Header(named, [c.text for c in row], 1)
    return _Header([column_of(t) for t in leaves], leaves, 2)


def _names_a_table(named: list[str]) -> bool:
    have = set(named)
    return (len(have) >= _LEAST_COLUMNS and len(have) == len(named)
            and bool(have & {"seq_label", "report_date"})
            and bool(have & {"detail", "progress_pct"}))


def _leaves(top: list[str], sub: list[str], width: int) -> list[str] | None:
    """The leaf headings of a two-row header: some top cells head groups of ``sub`` cells.

    The grouping that names the most columns (each once) wins; None when none fits ``width``.
    """
    groups = len(top) + len(sub) - width
    if groups < 1 or groups > len(top) or groups > len(sub) or max(len(top), len(sub)) > _MOST:
        return None
    best: tuple[int, list[str]] | None = None
    for heads in itertools.combinations(range(len(top)), groups):
        for cuts in itertools.combinations(range(1, len(sub)), groups - 1):
            spans = list(zip((0, *cuts), (*cuts, len(sub)), strict=True))
            leaves: list[str] = []
            for i, text in enumerate(top):
                if i in heads:
                    a, b = spans[heads.index(i)]
                    leaves += sub[a:b]
                else:
                    leaves.append(text)
            named = [n for n in map(column_of, leaves) if n]
            if len(set(named)) != len(named):
                continue
            if best is None or len(named) > best[0]:
                best = (len(named), leaves)
    return best[1] if best else None


def column_reports(doc: RepairedText, lines: list[Line], out: Extraction
                   ) -> tuple[list[RawRow], set[int]]:
    """The report rows of a column-headed report table in ``lines``, and the lines it took.

    Returns ``([], set())`` when ``lines`` hold no such table (no header row naming at
    least three columns, a report number's or date's among them). Rows are in
    document order, ordinals from 1; each field is its column's cell as read (a
    number, date or flag cell whole; ``detail``, ``problems``, ``obstacles`` the
    cell's pieces), a cell stating nothing (``-``) none.
    """
    k = next((i for i, ln in enumerate(lines) if "\t" in ln.text or "|" in ln.text
              if _header_at(lines, i) is not None), None)
    if k is None:
        return [], set()
    header = _header_at(lines, k)
    assert header is not None
    width = len(header.columns)
    seq_at = header.columns.index("seq_label") if "seq_label" in header.columns else 0
    used = {ln.no for ln in lines[k:k + header.lines]}
    rows: list[_Row] = []
    at = k + header.lines
    while at < len(lines):
        line = lines[at]
        if not line.text.strip() or _RULE_RE.match(line.text):
            at += 1
            continue
        again = _header_at(lines, at)
        if again is not None and again.columns == header.columns:  # repeated over a page
            used.update(ln.no for ln in lines[at:at + again.lines])
            at += again.lines
            continue
        row = cells(line)
        if any("::" in c.text for c in row):  # the form's own report cells, not columns
            break
        if len(row) != width:
            if len(row) > 1 and rows:
                out.findings.append(Finding(
                    "progress_updates", len(rows), None, "warning", "unparsed_line",
                    f"line {line.no}: {len(row)} cells under a {width}-column report table"))
                used.add(line.no)
                at += 1
                continue
            break  # the table has ended
        opens = _NUMBER_RE.match(row[seq_at].text)
        if not opens and not rows:
            break
        if opens:
            rows.append(_Row())
        elif row[seq_at].text.strip():  # neither a number nor empty: not a report row
            break
        for i, cell in enumerate(row):
            if cell.text.strip():
                rows[-1].pieces.setdefault(i, []).append((line, cell.start, cell.end))
        used.add(line.no)
        at += 1
    return [_raw_row(doc, header, n, row) for n, row in enumerate(rows, start=1)], used


def _raw_row(doc: RepairedText, header: _Header, ordinal: int, row: _Row) -> RawRow:
    out = RawRow("progress_updates", ordinal)
    for i, column in enumerate(header.columns):
        pieces = row.pieces.get(i)
        if column is None or not pieces:
            continue
        value: FieldValue
        if column in _TEXT_COLUMNS:
            value = [r for r in (doc.raw_in(line, a, b) for line, a, b in pieces) if r]
            if not value or all(_NOTHING_RE.match(r.text) for r in value):
                continue
        else:
            joined = joined_line(pieces, sep="") if len(pieces) > 1 else None
            line, a, b = (joined, 0, len(joined.text)) if joined else pieces[0]
            value = _unwrapped(_value(doc, column, header.headings[i], line, a, b), column)
        if value is not None:
            out.fields[column] = value
    return out


def _value(doc: RepairedText, column: str, heading: str, line: Line, a: int, b: int
           ) -> FieldValue:
    """One cell's value for ``column``: its number's span for a number, else the cell."""
    text = line.text[a:b]
    if _NOTHING_RE.match(text):
        return None
    if column == "seq_label":
        m = _NUMBER_RE.match(text)
        return doc.raw_in(line, a + m.start("no"), a + m.end("no")) if m else None
    found = None
    if column == "progress_pct":
        found = list(_PERCENT_RE.finditer(text))
    elif column == "budget_disbursed_thb":
        found = list(_AMOUNT_RE.finditer(text))
    if found is None:
        return doc.raw_in(line, a, b)
    if len(found) != 1:  # no number, or two: the cell is kept whole, and fails to parse
        return doc.raw_in(line, a, b)
    raw: Raw | None = doc.raw_in(line, a + found[0].start(), a + found[0].end())
    if column == "budget_disbursed_thb":
        return in_unit(raw, heading_unit(heading), ocr=doc.ocr_used)
    return raw


#: White space inside a number or date (``2021-0 7-09``, ``20/11/ 2566``): a narrow
#: column's wrap the reader joined with a space.
_INNER_SPACE = re.compile(r"(?<=[0-9๐-๙,./\-])\s+(?=[0-9๐-๙,./\-])")
_PARSE: dict[str, Callable[[str], object]] = {
    "report_date": parse_date, "progress_pct": parse_percent, "budget_disbursed_thb": parse_amount}


def _unwrapped(raw: FieldValue, column: str) -> FieldValue:
    """A number or date cell a wrap split with a space, read whole (a Derived value).

    Only when the cell as read does not parse and, its inner spaces taken out, does:
    ``2021-0 7-09`` is 2021-07-09, its evidence the cell.
    """
    if not isinstance(raw, Raw) or column not in _PARSE or not _INNER_SPACE.search(raw.text):
        return raw
    try:
        _PARSE[column](raw.text)
        return raw
    except NormalizeError:
        pass
    whole = _INNER_SPACE.sub("", raw.text)
    try:
        value = _PARSE[column](whole)
    except NormalizeError:
        return raw
    if value is None:
        return raw
    return Derived(value, f"{raw.text!r} read as {whole!r}: the space a wrap in its "
                   "narrow column left", raw.span)
