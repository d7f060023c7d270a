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
give; a header with two columns naming nothing is no register's (nor, on a
tracking page, one without a column saying ``ความคืบหน้า`` or ``ผลการดำเนินงาน``).
A row opens at a report number in the number's column; a line whose number cell
is empty goes on with the row above, column by column (a cell the print wrapped,
a row a page break cut; a repeated header is skipped): it adds to a text column,
or continues a number or date the row has, never starts one. A line whose cells
cannot be lined up with the columns is left unread with an ``unparsed_line``
finding when the next line has the table's width again, else the table has
ended; so it has at a total's row (``รวม``). A value is never taken from a
neighbouring column (a heading with a slash: :mod:`bma_etl.layouts.report_slashes`).
Each cell is read by :mod:`bma_etl.layouts.report_cells`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from bma_etl.document import cells, joined_line
from bma_etl.layouts.base import (
    Extraction,
    FieldValue,
    Finding,
    Line,
    RawRow,
    RepairedText,
)
from bma_etl.layouts.report_cells import NOTHING_RE, NUMBER_RE, UnreadCell, cell_value, unwrapped
from bma_etl.layouts.report_head_splits import cells_fit, split_headings
from bma_etl.layouts.report_slashes import slash_joined, slashed_columns
from bma_etl.layouts.report_wraps import (
    TEXT_COLUMNS,
    as_narrow,
    continues,
    lone_text,
    width_next,
    wrapped_text,
)
from bma_etl.matchkey import matches_key

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
    r"รายละเอียด\s*(?:ความ)?\s*ก้าวหน้า\s*(?:ของ)?\s*(?:งาน|โครงการ)?": "detail",
    r"รายละเอียด\s*(?:ความ)?\s*คืบหน้า\s*(?:ของ)?\s*(?:งาน|โครงการ)?": "detail",
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
#: The most groupings of a two-row header's cells tried (their number grows fast).
_MOST_TRIES = 2000
#: The words of a column that may hold a progress figure through its unit alone
#: (``ผลการดำเนินงาน (ร้อยละ)``); a budget's, plan's or flag's column with a percent
#: (``ผลการเบิกจ่าย (%)``, ``ตามแผน (%)``) names no column.
_PROGRESS_WORDS = (r"ความก้าวหน้า", r"ความคืบหน้า", r"ผลการดำเนินงาน", r"ผลการปฏิบัติงาน")
#: A total's cell, which ends the register (``รวม``, ``รวมทั้งสิ้น``, ``Total``).
_TOTAL_LABELS = (r"รวม\s*(?:ทั้งสิ้น)?\s*(?:ทั้งหมด)?", r"ทั้งสิ้น")
_TOTAL_RE = re.compile(r"^\s*(?:grand\s+)?total\s*:?\s*$", re.I)
#: A table's rule drawn in text (``|---|---|``).
_RULE_RE = re.compile(r"^[\s|:\-–=+]*$")


@lru_cache(maxsize=4096)
def column_of(heading: str) -> str | None:
    """The ``progress_updates`` column a header cell's words name, or None.

    >>> column_of("ความก้าวหน้า (%)"), column_of("ผลการดำเนินงาน (ร้อยละ)")
    ('progress_pct', 'progress_pct')
    >>> column_of("เบิกจ่าย (บาท)"), column_of("ผลเทียบเป้าหมาย"), column_of("การประเมิน")
    ('budget_disbursed_thb', 'on_target', None)
    >>> column_of("ผลการเบิกจ่าย (%)"), column_of("ตามแผน (%)")
    (None, None)
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
        if "บาท" in unit["unit"]:
            return "budget_disbursed_thb" if named in ("budget_disbursed_thb", "detail") else None
        return "progress_pct" if says_progress(text) else None
    return named


def _report_follows(lines: list[Line], at: int, width: int, seq_at: int) -> bool:
    """Whether the next line of two cells or more from ``at`` opens a register's report."""
    row = next((cells(ln) for ln in lines[at:] if len(cells(ln)) > 1), None)
    return row is not None and len(row) == width and bool(NUMBER_RE.match(row[seq_at].text))


def _labelled(text: str) -> bool:
    """Whether ``text`` starts with a column's label and ``:`` (``** อุปสรรคของโครงการ :``)."""
    label, colon, _ = text.partition(":")
    return bool(colon) and column_of(label) is not None


def says_progress(heading: str) -> bool:
    """Whether a heading's words name a progress or a result (``ความคืบหน้า``, ``ผลการดำเนินงาน``)."""
    return any(matches_key(words, heading) for words in _PROGRESS_WORDS)


def _is_total(text: str) -> bool:
    return bool(_TOTAL_RE.match(text)) or any(
        matches_key(label, text, full=True) for label in _TOTAL_LABELS)


@dataclass
class _Header:
    columns: list[str | None]
    headings: list[str]
    lines: int  # how many lines the header takes
    loose: int  # columns naming nothing that no group heading stands over


@dataclass
class _Row:
    pieces: dict[int, list[tuple[Line, int, int]]] = field(default_factory=dict)


def _header_at(lines: list[Line], k: int, history: bool = False) -> _Header | None:
    """The header row at line ``k`` (one line, or two: group headings over their leaves).

    ``history``: a tracking page's, whose register has a column saying its progress
    or result (``ความคืบหน้า``, ``ผลการดำเนินงาน``): a steps table (``ลำดับ |
    ขั้นตอนการดำเนินงาน | วันที่ | ร้อยละ``) is none.
    """
    row = cells(lines[k])
    if len(row) < _LEAST_COLUMNS:
        return None
    named = slashed_columns([c.text for c in row], [column_of(c.text) for c in row], column_of)
    if not _names_a_table([n for n in named if n]):
        return _split_header(lines, k, [c.text for c in row], history)
    one = _Header(named, [c.text for c in row], 1, named.count(None))
    below = cells(lines[k + 1]) if k + 1 < len(lines) else []
    data = next((cells(ln) for ln in lines[k + 1:k + 4] if NUMBER_RE.match(cells(ln)[0].text)
                 and len(cells(ln)) > 1), None)
    if data is not None and len(data) > len(row) and below \
            and not NUMBER_RE.match(below[0].text):
        grouped = _leaves([c.text for c in row], [c.text for c in below], len(data))
        two = None
        if grouped is not None:
            leaves, heads = grouped
            loose = sum(1 for i, n in enumerate(named) if n is None and i not in heads)
            two = _Header([column_of(t) for t in leaves], leaves, 2, loose)
        if two is not None and _a_register(two, history):
            return two
    if data is not None and len(data) > len(row) and (one.loose or not _a_register(one, history)):
        split = _split_header(lines, k, [c.text for c in row], history)  # headings ran together
        return split or (one if _a_register(one, history) else None)
    return one if _a_register(one, history) else None


def _split_header(lines: list[Line], k: int, texts: list[str], history: bool
                  ) -> _Header | None:
    """The header at line ``k`` whose headings ran together, cut as its rows are wide."""
    data = next((cells(ln) for ln in lines[k + 1:k + 4] if len(cells(ln)) > len(texts)
                 and NUMBER_RE.match(cells(ln)[0].text)), None)
    headings = split_headings(texts, len(data), column_of, COLUMN_LABELS) if data else None
    if headings is None:
        return None
    columns = [column_of(h) or next(c for label, c in COLUMN_LABELS.items()
                                    if matches_key(label, h)) for h in headings]
    header = _Header(list(columns), headings, 1, 0)
    rows = [t for t in ([c.text for c in cells(ln)] for ln in lines[k + 1:k + 6])
            if len(t) == len(columns) and NUMBER_RE.match(t[0])]  # its data cells fit
    fits = _names_a_table(columns) and cells_fit(list(columns), rows)
    return header if fits and _a_register(header, history) else None


def _names_a_table(named: list[str]) -> bool:
    have = set(named)
    return (len(have) >= _LEAST_COLUMNS and len(have) == len(named)
            and bool(have & {"seq_label", "report_date"})
            and bool(have & {"detail", "progress_pct"}))


def _a_register(header: _Header, history: bool) -> bool:
    """Whether a header's columns are a report register's.

    At most one column names nothing (a group heading's sub-columns aside: ``ต.ค.``
    over ``แผน | ผล``), and a detail's or a progress named by its words
    (not a bare ``ร้อยละ``) is among them.
    """
    if header.loose > 1:
        return False
    said = [h for h, c in zip(header.headings, header.columns, strict=True)
            if c in ("detail", "progress_pct")]
    if history:
        return any(says_progress(h) for h in said)
    return "detail" in header.columns or any(says_progress(h) for h in said)


def _leaves(top: list[str], sub: list[str], width: int
            ) -> tuple[list[str], tuple[int, ...]] | None:
    """The leaf headings of a two-row header: some top cells head groups of ``sub`` cells.

    The grouping that names the most columns (each once) wins, returned with the top
    cells that head its groups; None when none fits ``width``.
    """
    groups = len(top) + len(sub) - width
    if groups < 1 or groups > len(top) or groups > len(sub):
        return None
    best: tuple[int, list[str], tuple[int, ...]] | None = None
    for heads, cuts in itertools.islice(_groupings(top, len(sub), groups), _MOST_TRIES):
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
            best = (len(named), leaves, heads)
    return (best[1], best[2]) if best else None


def _groupings(top: list[str], subs: int, groups: int
               ) -> Iterator[tuple[tuple[int, ...], tuple[int, ...]]]:
    """``(heads, cuts)``: which top cells head a group, where the sub cells are cut.

    Top cells that name no column of their own (``การประเมิน``) are tried as heads
    first, then any; :data:`_MOST_TRIES` of these are tried at most.
    """
    unnamed = [i for i, text in enumerate(top) if column_of(text) is None]
    for pool in (unnamed, list(range(len(top)))):
        for heads in itertools.combinations(pool, groups):
            for cuts in itertools.combinations(range(1, subs), groups - 1):
                yield heads, cuts


def column_reports(doc: RepairedText, lines: list[Line], out: Extraction, history: bool = False
                   ) -> tuple[list[RawRow], set[int]]:
    """The report rows of a column-headed report table in ``lines``, and the lines it took.

    Returns ``([], set())`` when ``lines`` hold no such table (no header row naming at
    least three columns, a report number's or date's among them). Rows are in
    document order, ordinals from 1; each field is its column's cell as read (a
    number, date or flag cell whole; ``detail``, ``problems``, ``obstacles`` the
    cell's pieces), a cell stating nothing (``-``) none. ``history``: the lines are a
    tracking page's (:func:`_header_at`). The table ends at a total's row (``รวม``),
    or a line of another width than the next one's.
    """
    found = next(((i, h) for i, ln in enumerate(lines) if "\t" in ln.text or "|" in ln.text
                  for h in (_header_at(lines, i, history),) if h is not None), None)
    if found is None:
        return [], set()
    k, header = found
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
        again = _header_at(lines, at, history)
        if again is not None and again.columns == header.columns:  # repeated over a page
            used.update(ln.no for ln in lines[at:at + again.lines])
            at += again.lines
            continue
        line = slash_joined(line, header.columns, header.headings) or line  # a gap split a text
        row = cells(line)
        if any("::" in c.text for c in row):  # the form's own report cells, not columns
            break
        if any(_is_total(c.text) for c in row):  # a total's row ends the register
            break
        last = rows[-1].pieces if rows else None
        lone = lone_text(row, last, header.columns)  # a wrapped text cell's line alone
        if lone is not None and _labelled(row[0].text):  # another field's label: no wrap
            lone = None
        if lone is not None and last is not None and (
                _report_follows(lines, at + 1, width, seq_at)  # the register goes on
                or (lines[at - 1].text.strip() and as_narrow(row[0].text, last[lone]))):
            rows[-1].pieces[lone].append((line, row[0].start, row[0].end))
            used.add(line.no)
            at += 1
            continue
        if len(row) != width and not continues(row, last, header.columns, seq_at):
            if len(row) > 1 and rows and width_next(lines, at + 1) == width:
                out.findings.append(Finding(
                    "progress_updates", len(rows), None, "warning", "unparsed_line",
                    f"line {line.no}: {len(row)} cells under a {width}-column report table"))
                used.add(line.no)
                at += 1
                continue
            break  # the table has ended
        opens = NUMBER_RE.match(row[seq_at].text)
        if not opens and not rows:
            break
        if opens:
            rows.append(_Row())
        elif row[seq_at].text.strip():  # neither a number nor empty: not a report row
            break
        for i, cell in enumerate(row):
            if not cell.text.strip():
                continue
            if not opens and i not in rows[-1].pieces and header.columns[i] is not None \
                    and header.columns[i] not in TEXT_COLUMNS:
                out.findings.append(Finding(
                    "progress_updates", len(rows), header.columns[i], "warning", "unparsed_line",
                    f"line {line.no}: a {header.columns[i]} cell on a line that continues "
                    "the row above, which has none: not taken"))
                continue
            rows[-1].pieces.setdefault(i, []).append((line, cell.start, cell.end))
        used.add(line.no)
        at += 1
    return [_raw_row(doc, header, n, row, out.findings)
            for n, row in enumerate(rows, start=1)], used


def _raw_row(doc: RepairedText, header: _Header, ordinal: int, row: _Row,
             findings: list[Finding]) -> RawRow:
    out = RawRow("progress_updates", ordinal)
    for i, column in enumerate(header.columns):
        pieces = row.pieces.get(i)
        if column is None or not pieces:
            continue
        value: FieldValue
        if column in TEXT_COLUMNS:  # a cell's lines wrapped: joined as the page wrapped them
            cell = wrapped_text(pieces)
            text = doc.raw_in(cell, 0, len(cell.text))
            if text is None or NOTHING_RE.match(text.text):
                continue
            value = [text]
        else:
            joined = joined_line(pieces, sep="") if len(pieces) > 1 else None
            line, a, b = (joined, 0, len(joined.text)) if joined else pieces[0]
            try:
                value = unwrapped(cell_value(doc, column, header.headings[i], line, a, b),
                                  column)
            except UnreadCell as why:
                findings.append(Finding("progress_updates", ordinal, column, "warning",
                                        "unparsed_value", str(why)))
                continue
        if value is not None:
            out.fields[column] = value
    return out
