"""Web dump: the tracking system's project-detail page (รายละเอียดโครงการ/กิจกรรม).

Stage: extract. Consumes the repaired text of one saved detail page; produces raw
rows for ``projects`` (one) and ``monthly_progress`` (one per ผลงานเดือนที่ line,
in document order, repeats and out-of-order lines kept).

The page is a label/value table. In the text dumps the label is glued to its
value (``รหัสโครงการ04160000-6961``, ``ปี2566``, ``งบฯ ที่ได้รับ (บาท)1,500,000``);
saved as HTML the two cells arrive tab-separated (:mod:`bma_etl.read.html`). Both
are read by :data:`PROJECT_LABELS`. A value may run on over several lines until
the next label (the rationale, the numbered objectives). A table two pairs wide
(``label ⇥ value ⇥ label ⇥ value``, or a label over its value in each cell) is cut
one line per pair first (:mod:`bma_etl.layouts.web_detail_pairs`).

The monthly results are glued too: ``ผลงานเดือนที่ 145`` is month 1, value 45 and
``ผลงานเดือนที่ 10`` month 10 with no value, but ``10`` could also be month 1, value 0.
Every split into a month 1..12 and a value 0..100 is a candidate; the neighbouring
lines decide (months run 1, 2, 3…; values are cumulative and do not fall). When they
do not, the value is left empty with an ``ambiguous_value`` finding, the month kept at
its most plausible reading, low-confidence (:mod:`bma_etl.layouts.web_detail_months`).
"""

from __future__ import annotations

import re

from bma_etl.errors import ExtractError
from bma_etl.layouts.amount_units import label_unit
from bma_etl.layouts.base import (
    Derived,
    Extraction,
    Finding,
    Layout,
    Line,
    Raw,
    RawRow,
    RepairedText,
    Signal,
    score_signals,
)
from bma_etl.layouts.common import (
    amount_dots_misread,
    split_agency_raw,
    split_person_raw,
    strip_outline_raw,
)
from bma_etl.layouts.history_dates import iso_dashes_doubled
from bma_etl.layouts.web_detail_centred import centred_items
from bma_etl.layouts.web_detail_fields import (
    LABEL_RES,
    OCR_LABELS,
    PROJECT_LABELS,
    colon_label,
    listed_lines,
    placed_label,
    qualified_label,
)
from bma_etl.layouts.web_detail_heads import HEAD_PROGRESS_RE, TITLE_RE, fallbacks
from bma_etl.layouts.web_detail_labels import id_letter_read, label_one_edit_off
from bma_etl.layouts.web_detail_months import (
    MONTH_LINE_RE,
    Month,
    month_cells,
    month_rows,
    read_month,
    read_month_above,
    read_month_grid,
    values_below,
)
from bma_etl.layouts.web_detail_pairs import group_head, label_alone, paired_lines
from bma_etl.layouts.web_month_ocr import misread_label_end
from bma_etl.layouts.wrapped import inline_items, join, number_alone
from bma_etl.matchkey import literal_of, search_key
from bma_etl.records import MonthlyProgress, Project

TITLE = "รายละเอียดโครงการ/กิจกรรม"

_D = "[0-9๐-๙]"
#: How a budget value starts when its label's ``(บาท)`` was misread into it (``(U1N)``).
_LATIN_OPEN = frozenset("(ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
#: Specks OCR puts before a line's first word.
_OCR_SPECKS = " \t.,'\"-|!"
#: The budget columns: after OCR, an amount whose commas read as dots is read from its digits.
_BUDGETS = frozenset({"budget_allocated_thb", "budget_spent_thb"})
#: Columns whose value may continue on the following lines.
TEXT_COLUMNS = frozenset({"rationale", "objectives", "target", "project_name"})

#: The update-history tables at the foot of the page: headings and column titles.
HISTORY_HEADINGS = (
    r"^\s*ประวัติการปรับปรุงข้อมูล\s*$",
    r"^\s*ความคืบหน้าล่าสุด\s*$",
    r"^\s*วันที่(?:รายงาน)?[\s\t]+(?:เวลา|ความคืบหน้า)",
)
_HISTORY_RES = [re.compile(p) for p in HISTORY_HEADINGS]
_ITEM_RE = re.compile(rf"^\s*{_D}{{1,2}}\s*[.)]")


#: What marks the project-detail page (regex → points).
SIGNALS = (
    Signal(r"^\s*รายละเอียดโครงการ\s*/\s*กิจกรรม", 0.35, 3000, ("รายละเอียดโครงการ",),
           phrase="รายละเอียดโครงการ/กิจกรรม"),
    Signal(r"^\s*รหัสโครงการ[ \t]*[0-9๐-๙]", 0.2, 40000, ("รหัสโครงการ",)),
    Signal(r"^\s*ผลงานเดือนที่[ ]*[0-9๐-๙]", 0.2, 40000, ("ผลงานเดือนที่",)),
    Signal(r"^\s*(?:Policy|Branch|Kpi)\s*ID", 0.15, 40000, ("Policy", "Branch", "Kpi")),
    Signal(r"^\s*งบฯ\s*ที่(?:ได้รับ|ใช้ไป)", 0.1, 40000, ("งบฯ",)),
)


def score(doc: RepairedText) -> float:
    """Score how much ``doc`` looks like the project-detail page (0..1, never raises)."""
    return score_signals(doc, SIGNALS)


def extract(doc: RepairedText) -> Extraction:
    """Read one project-detail page into raw ``projects`` and ``monthly_progress`` rows."""
    out = Extraction()
    project = RawRow("projects", None)
    months: list[Month] = []
    title_code: Raw | None = None
    head_progress: Raw | None = None
    current: str | None = None  # the column a continuation line extends
    items: list[list[Line]] = []  # the objectives' lines, item by item
    in_history = False
    lines = centred_items(paired_lines(list(doc.lines())))  # a pair a line, items under
    pending: tuple[str, int] | None = None  # a label alone (column, line number) above
    listed = listed_lines(lines)
    grid_rows: set[int] = set()  # a month grid's value row, read with its head
    below, cells = values_below(doc, lines), month_cells(lines)  # values under labels; cells
    for i, line in enumerate(lines):
        text = line.text
        if not text.strip() or line.no in grid_rows:
            continue
        if line.no in listed:  # the page's menu: years to choose from, no field's value
            current = None
            out.findings.append(Finding("projects", None, None, "warning", "unparsed_line",
                                        f"line {line.no}: one of a list of values (a menu?),"
                                        f" no field's: {text.strip()[:40]!r}"))
            continue
        if MONTH_LINE_RE.match(text) or (doc.ocr_used and misread_label_end(text)):
            current = None
            following = [b for b in lines[i + 1:i + 8] if b.text.strip()]
            if (grid := read_month_grid(doc, line, following, out)) is not None:
                months.extend(grid[0])
                grid_rows |= grid[1]
                continue
            if (month := read_month_above(doc, line, below.get(line.no))):
                grid_rows.add(below[line.no].no)  # the value line below the month's
            else:
                month = read_month(doc, line, cells)
            if month is None:
                out.findings.append(Finding("monthly_progress", None, None, "warning",
                                            "unparsed_line",
                                            f"line {line.no}: monthly result not read: "
                                            f"{text.strip()[:40]!r}"))
            else:
                months.append(month)
            continue
        m = TITLE_RE.match(text)
        if m:
            title_code = doc.raw_match(m, "code", line.start)
            continue
        m = HEAD_PROGRESS_RE.match(text)
        if m and head_progress is None:
            head_progress = doc.raw_match(m, "value", line.start)
            continue
        if any(r.match(text) for r in _HISTORY_RES):
            in_history, current = True, None
            continue
        column, value = _label_of(doc, line, project, current)
        if column is None and (alone := label_alone(text)) is not None:
            column = alone  # ``ปี`` in a cell of its own, its value on the next line
        waiting, pending = pending, None
        if column is None and waiting is not None and "\t" not in text and (line.no - waiting[1]
                == 1 or (line.no - waiting[1] == 2 and not lines[i - 1].text.strip())):
            # its value under it, in its cell or a blank line down (a form's <label>, <p>)
            current = _put(doc, line, waiting[0], doc.raw(line.start, line.end), project, out,
                           items)
        elif column is not None:
            current = _put(doc, line, column, value, project, out, items)
            if value is None and current is None and column not in ("_skip", "_other"):
                pending = (column, line.no)
        elif current is not None:
            _continue(doc, line, current, project, items)
        elif in_history:
            out.findings.append(Finding("progress_updates", None, None, "warning",
                                        "unparsed_line",
                                        f"line {line.no}: update-history row not read: "
                                        f"{text.strip()[:40]!r}"))
        else:
            out.findings.append(Finding("projects", None, None, "warning", "unparsed_line",
                                        f"line {line.no}: no known label: "
                                        f"{text.strip()[:40]!r}"))
    if items:  # each item's lines joined, the page's furniture between them left out
        joined = (doc.raw_in(item, a, b) for item in map(_join_item, items)
                  for a, b in inline_items(item.text))  # two items in one cell: two
        project.fields["objectives"] = [strip_outline_raw(doc, r) for r in joined if r]
    fallbacks(project, title_code, head_progress, out)
    if not {"project_code", "project_name"} & project.fields.keys() and not months:
        raise ExtractError("project-detail page without รหัสโครงการ, ชื่อโครงการ or "
                           "ผลงานเดือนที่ lines")
    out.rows.append(project)
    out.rows.extend(month_rows(months, out))
    return out


def _label_of(doc: RepairedText, line: Line, project: RawRow, current: str | None
              ) -> tuple[str | None, Raw | None]:
    placed = placed_label(line.text, project.fields.keys()) if doc.ocr_used else None
    if placed is not None:  # a label misread where the page prints it (Kpi ID, ปี, งบฯ)
        return placed[0], doc.raw(line.start + placed[1], line.start + placed[2])
    labels = list(zip(LABEL_RES, PROJECT_LABELS, strict=True))
    # a text layer's label that lost a mark (a glyph named no text: ``ป2564``) is matched
    # in key form, once no label matched as printed; OCR's damage label by label below
    for keyed, (regex, column), label in [*((False, *pair) for pair in labels), *(
            () if doc.ocr_used else ((True, *pair) for pair in labels))]:
        m = None if keyed else regex.match(line.text)
        if m and doc.ocr_used and label.startswith("งบฯ?") and m["value"][:1] in _LATIN_OPEN:
            m = None  # ``(บาท)`` misread (``(U1N)22,360,000``): the OCR pattern below
        value_at: int | None = m.start("value") if m else None
        if m is None and (doc.ocr_used or keyed):  # marks lost or added in the label's words
            bare = line.text.lstrip(_OCR_SPECKS) if doc.ocr_used else line.text
            found = search_key(f"^(?:{OCR_LABELS.get(label, label) if doc.ocr_used else label})",
                               bare)
            if found is not None:
                value_at = len(line.text) - len(bare) + found[1]
                value_at += len(line.text[value_at:]) - len(line.text[value_at:].lstrip(" \t:"))
        if value_at is None:
            continue
        if _TARGETS.get(column, column) in project.fields and column not in _BUDGETS \
                and qualified_label(line.text[value_at:]) is not None:
            # ``ชื่อโครงการ (ภาษาอังกฤษ)…`` below the name: another field, not ours
            at = line.text.index(")", value_at) + 1
            return "_other", doc.raw(line.start + at, line.end)
        if current in TEXT_COLUMNS and _TARGETS.get(column, column) in project.fields:
            return None, None  # a running text opening with a label word read ("หน่วยงาน…")
        return column, doc.raw(line.start + value_at, line.end)
    if group_head(line.text):
        return "_skip", None  # a group's header over the rows below: no value, no wrap
    if current in _WRAP_ONCE and colon_label(line.text) is not None:
        at = line.text.index(":") + 1  # ``X : value`` below a value wrapped at most once
        return "_other", doc.raw(line.start + at, line.end)
    bare = line.text.lstrip(_OCR_SPECKS)
    near = label_one_edit_off(bare, _LITERALS) if doc.ocr_used else None
    if near is not None and _TARGETS.get(_LITERALS[near[0]], "") not in project.fields:
        at = len(line.text) - len(bare) + near[1]  # ``ผู้ร้ผิดชอบฝ่าย…``: a label one edit off
        return _LITERALS[near[0]], doc.raw(line.start + at, line.end)
    word = _OCR_ID_WORD_RE.match(line.text) if doc.ocr_used else None
    if word is not None and _ID_WORDS[word["word"]] not in project.fields:
        return _ID_WORDS[word["word"]], None  # its ``ID`` and value past reading: no value
    return None, None


#: Values a line ``X : value`` below ends: the page wraps them at most once.
_WRAP_ONCE = frozenset({"_agency_path", "project_name"})


#: The columns the code-handled labels fill; each label's literal words → its column.
_TARGETS = {"_agency_path": "agency", "_responsible": "responsible_person",
            "_coordinator": "coordinator"}
_LITERALS = {literal_of(label): column for label, column in PROJECT_LABELS.items()}


#: Scans: an ID label's first word whole, its ``ID`` and value misread past reading
#: (``Policy 8 149ร``): the line is that label's, never the project name's next line.
_OCR_ID_WORD_RE = re.compile(r"^\W{0,2}(?P<word>Policy|Branch|Kpi)\s")
_ID_WORDS = {"Policy": "policy_id", "Branch": "branch_id", "Kpi": "kpi_id"}


def _put(doc: RepairedText, line: Line, column: str, value: Raw | None, project: RawRow,
         out: Extraction, items: list[list[Line]]) -> str | None:
    """Store one label's value; return the column later lines may continue."""
    if column == "_skip":
        return None
    if column == "_other":
        label = (line.text[:value.span.char_start - line.start] if value is not None
                 else line.text).strip(" :\t")
        out.findings.append(Finding(
            "projects", None, None, "warning", "unparsed_line",
            f"line {line.no}: the page's field {label[:40]!r} is none the "
            "warehouse holds: its value is not loaded"))
        return column  # a value the page wrapped is not ours either
    if value is None:
        return column if column in TEXT_COLUMNS and column not in project.fields else None
    if column == "_agency_path":
        split_agency_raw(doc, value, project, "unit_code")
        return column  # a path the page wrapped goes on on the next line
    if column in ("_responsible", "_coordinator"):
        name, phone = (("responsible_person", "responsible_phone") if column == "_responsible"
                       else ("coordinator", "coordinator_phone"))
        if name not in project.fields:
            split_person_raw(doc, value, project, name, phone)
        return None
    if column in project.fields:
        out.findings.append(Finding("projects", None, column, "warning", "unparsed_line",
                                    f"line {line.no}: second value for {column} ignored"))
        return None
    if column == "objectives":
        project.fields[column] = [value]  # its items are read from ``items`` at the end
        items.append([_line_of(value)])
    elif column == "project_name":
        project.fields[column] = [strip_outline_raw(doc, value, name=True)]
    elif column in TEXT_COLUMNS:
        project.fields[column] = [value]
    elif doc.ocr_used and column in _BUDGETS and (dots := amount_dots_misread(value)):
        project.fields[column] = dots
    elif doc.ocr_used and column.endswith("_date") and (doubled := iso_dashes_doubled(value)):
        project.fields[column] = doubled
    elif doc.ocr_used and column.endswith("_id") and (digit := id_letter_read(value.text)):
        project.fields[column] = Derived(digit, f"OCR read a digit as a letter: {value.text!r}",
                                         value.span)
    else:  # a budget in the unit its label states (``งบฯ ที่ได้รับ (ล้านบาท)18.59``)
        project.fields[column] = label_unit(line, value, ocr=doc.ocr_used) if column in _BUDGETS \
            else value
    return column if column in TEXT_COLUMNS else None


def _line_of(raw: Raw) -> Line:
    """The line a value read from one line stands on (its own offsets)."""
    return Line(raw.span.line_no, raw.span.char_start, raw.text)


def _join_item(lines: list[Line]) -> Line:
    return join(lines, "\n")


def _continue(doc: RepairedText, line: Line, column: str, project: RawRow,
              items: list[list[Line]]) -> None:
    """A line without a label: more of the value above it."""
    raw = doc.raw(line.start, line.end)
    if raw is None or column == "_other":
        return
    if column == "_agency_path":
        _continue_path(doc, line, project)
        return
    held = project.fields.get(column)
    pieces: list[Raw] = held if isinstance(held, list) else []
    project.fields[column] = pieces
    if column == "objectives":
        if items and len(items[-1]) == 1 and number_alone(items[-1][0].text):
            items[-1] = [_line_of(raw)]  # "4." alone: its item is on this line
        elif _ITEM_RE.match(raw.text) or not items:
            items.append([_line_of(raw)])
        else:  # an item running over lines: one element joined from them
            items[-1].append(_line_of(raw))
    else:
        pieces.append(raw)


def _continue_path(doc: RepairedText, line: Line, project: RawRow) -> None:
    """The agency path's one line more, where the page wrapped it.

    ``หน่วยงานสำนักงานเลขาธิการสภา`` / ``กรุงเทพมหานคร``: the line is joined to the
    part of the path it continues (the agency, or the division after a ``/``),
    at most once.
    """
    last = "division" if project.fields.get("division") is not None else "agency"
    held = project.fields.get(last)
    if not isinstance(held, Raw) or held.joined:
        return
    joined = join([Line(held.span.line_no, held.span.char_start, held.text), line])
    raw = doc.raw_in(joined, 0, len(joined.text))
    if raw is None:
        return
    if last == "agency":
        del project.fields["agency"]
        split_agency_raw(doc, raw, project, "unit_code")
    else:
        project.fields["division"] = raw


LAYOUT = Layout(
    layout_id="web_project_detail",
    title=TITLE,
    tables=(Project, MonthlyProgress),
    score=score,
    extract=extract,
    signals=SIGNALS,
    core=("projects.project_code|projects.project_name", "projects.fiscal_year_be",
          "projects.agency"), main=("monthly_progress", r"ผลงานเดือนที่"),
)
