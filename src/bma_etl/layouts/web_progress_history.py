"""Web dump: the tracking system's progress-history page (ความคืบหน้าโครงการ).

Stage: extract. Consumes the repaired text of one saved history page; produces raw
rows for ``projects`` (one), ``progress_updates`` (one per history entry, in
document order) and ``indicators`` (one per KPI block). This module walks the
page: its head (everything above the first entry or KPI block) line by line,
whose values :mod:`bma_etl.layouts.history_header` reads and whose paragraphs and
strategy lines :mod:`bma_etl.layouts.history_narrative` reads, then its body of
entries and KPI blocks (:mod:`bma_etl.layouts.history_entries`).

The page, as the text dump shows it (``001_c025c6fdd2ac5ca8.txt``)::

    ความคืบหน้าโครงการ ร้อยละ 100            latest progress
    กลุ่มงานส่งเสริมศักยภาพของเมือง           the responsible unit (unlabelled)
    ดูโครงการแผนปีฯ : พิมพ์ข้อมูล             links: boilerplate
    *** สยป. ประเมินโครงการ : ไตรมาสที่ 1     banner: boilerplate
    <rationale paragraph>                   unlabelled
    04160200/04160200                       unit code pair
    <objective> / <target>                  unlabelled, in that order
    ด้านที่ ๗ – … |  ๗.๒ - … |  …             strategy lines, in order
    (1) ความคืบหน้าโครงการฯ ร้อยละ 100.00 (2023-09-29)
    29/09/2566 : <narrative>                (absent in some entries)
    ** ปัญหาของโครงการ :ไม่มี
    ** อุปสรรคของโครงการ :ไม่มี
    ------------------&&&--------------------
    ตัวชี้วัด : 2.8 <name> / ค่าเป้าหมาย ระดับ : 1 / ผลงานที่ทำได้ ระดับ : 1 / ประเภทตัวชี้วัด : …

Fuller saves, as the mobile view (``myproject.php?pid=<code>``) prints its top
(``tests/fixtures/tracking-pages/README.md``)::

    ความคืบหน้าโครงการ/กิจกรรม                  page title: boilerplate
    Back Home / FusionCharts will render here  navigation, chart: boilerplate
    <project name> : <project code>            a name may end in "(2564)"
    <agency> : (<BE fiscal year>)              the year part may be missing
    <number>                                   the latest progress again, bare
    ความคืบหน้าโครงการ ร้อยละ <n>
    <person phone> | <unit>                    the responsible person, or a unit
    ดูโครงการแผนปีฯ : พิมพ์ข้อมูล                 links: boilerplate
    *** สยป. ประเมินโครงการ : ไตรมาสที่ <q> [<score>]   the strategy office's assessment
    หลักการและเหตุผล / วัตถุประสงค์ของโครงการ …   narrative headings over their text

Most saves hold only that top (the project has no entries yet, or the save
stopped); the page is recognised from whatever part was kept, and everything
above its first header line is frame. A page saved by a browser names its
address (``RepairedText.source_url``); the ``pid`` there gives the project code
when the text has none. With no fiscal year stated it is derived from the entry
dates, and is NULL on a page without entries.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from bma_etl.errors import ExtractError
from bma_etl.furniture_marks import is_address
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
from bma_etl.layouts.common import split_agency_raw
from bma_etl.layouts.history_dates import date_of
from bma_etl.layouts.history_empty import is_empty_state, record_field
from bma_etl.layouts.history_entries import read_body
from bma_etl.layouts.history_entry_cells import entry_lines
from bma_etl.layouts.history_entry_heads import (
    ENTRY_RE,
    SEPARATOR_RE,
    heading_wrapped,
    ocr_entry,
)
from bma_etl.layouts.history_head_labels import HEADING_ALONE, head_label
from bma_etl.layouts.history_head_unit import unit_over_links
from bma_etl.layouts.history_head_wraps import (
    agency_apart,
    banner_cut,
    with_wrapped_banner,
    with_wrapped_code,
)
from bma_etl.layouts.history_header import (
    BANNER_MARK_READ,
    BANNER_RE,
    BANNER_TAIL,
    BARE_NUMBER_RE,
    BOILERPLATE_RES,
    DIGIT,
    HEADER_LINES,
    LINKS_RE,
    STRAY_END,
    UNIT_CODE_LINE,
    UNIT_NAME_MAX,
    banner_match,
    check_bare_progress,
    code_from_url,
    header_match,
    links_match,
    name_without_code,
    opens_page,
    put_first,
    read_header_value,
    read_responsible,
    with_wrapped_name,
)
from bma_etl.layouts.history_kpi_block import KPI_RE
from bma_etl.layouts.history_narrative import (
    HEADING_RES,
    STRATEGY_COLUMNS,
    STRATEGY_RE,
    heading_with_text,
    narrative_heading,
    put_headed,
    put_paragraphs,
    strategy_parts,
    with_wrapped_strategy,
)
from bma_etl.layouts.history_stacked import stacked_joined
from bma_etl.layouts.legacy_dates import latest_first
from bma_etl.layouts.report_columns import column_reports
from bma_etl.layouts.status_words import derive_status
from bma_etl.layouts.wrapped import rest_of
from bma_etl.normalize.codes import CODE_DASH
from bma_etl.normalize.fiscal import fiscal_year_be
from bma_etl.records import Indicator, ProgressUpdate, Project

TITLE = "ความคืบหน้าโครงการ"

#: Header values that make a page worth loading when it has no entries.
_HEAD_VALUES = ("project_code", "project_name", "agency", "progress_pct",
                "responsible_person", "assessment_quarter")

#: Lines complete in themselves, never joined to a wrapped line beside them: the
#: ``<name> : <code>`` line too, which a print may set as wide as its page (a long
#: name, a distributed alignment), the agency's line under it no wrap of it, and the
#: bare progress number under that, a percentage (``0.00``; no wrapped word of the
#: agency; a number of two points, ``๗.๒.๒``, may open a strategy goal the page wrapped);
#: the progress line ``ความคืบหน้าโครงการ ร้อยละ 34.00`` too, which a narrow print may
#: see wrap into the unit or person under it (a long word that did not fit after it).
_COMPLETE_LINE_RE = re.compile("|".join([
    ENTRY_RE.pattern, SEPARATOR_RE.pattern, UNIT_CODE_LINE, BANNER_RE.pattern,
    LINKS_RE.pattern, *(r.pattern for r, _ in HEADING_RES),
    *(p for p, column in HEADER_LINES.items() if column == "_name_code"),
    *(p.replace("?P<value>", "?:") for p, column in HEADER_LINES.items()
      if column == "progress_pct"),
    rf"^\s*{DIGIT}{{1,3}}(?:\.{DIGIT}{{1,2}})?\s*%?\s*$"]))

#: The ends of the "<name> : <code>" and "<agency> : (<year>)" head lines.
_CODE_AFTER_COLON = rf":\s*[0-9๐-๙]{{8}}{CODE_DASH}[0-9๐-๙]{{4}}{STRAY_END}\s*$"
_YEAR_AFTER_COLON = rf":\s*\(\s*[0-9๐-๙]{{4}}\s*\){STRAY_END}\s*$"

#: What marks the progress-history page (regex → points).
SIGNALS = (
    Signal(r"^\s*-{3,}\s*&&&\s*-{3,}\s*$", 0.35, 40000, ("&&&",)),
    Signal(r"^\s*\(\s*[0-9๐-๙]{1,4}\s*\)\s*ความคืบหน้าโครงการฯ", 0.3, 40000,
           ("ความคืบหน้าโครงการฯ",)),
    Signal(r"^\s*\*\*\s*(?:ปัญหา|อุปสรรค)ของโครงการ\s*:", 0.15, 40000, ("ของโครงการ",),
           core=r"ของโครงการ\s*:"),
    Signal(r"^\s*ความคืบหน้าโครงการ\s*(?:ร้อยละ|:)", 0.1, 4000, ("ความคืบหน้าโครงการ",)),
    Signal(r"^\s*(?:ค่าเป้าหมาย|ผลงานที่ทำได้)[^:\n]*:", 0.1, 40000,
           ("ค่าเป้าหมาย", "ผลงานที่ทำได้")),
    # the page's own head, which most saves hold alone (README of tracking-pages)
    Signal(r"^\s*ความคืบหน้าโครงการ\s*/\s*กิจกรรม\s*$", 0.3, 4000, ("กิจกรรม",),
           phrase="ความคืบหน้าโครงการ/กิจกรรม"),
    Signal(r"^\s*ดูโครงการแผนปี\S*\s*:\s*พิมพ์ข้อมูล", 0.3, 8000, ("พิมพ์ข้อมูล",),
           phrase="ดูโครงการแผนปีฯ : พิมพ์ข้อมูล"),
    # the banner by the part of it OCR leaves readable (``wee gail, ประเมินโครงการ : …``)
    Signal(rf"^\s*{BANNER_MARK_READ}?\s*{BANNER_TAIL}", 0.3, 8000, ("ประเมินโครงการ",),
           phrase="สยป. ประเมินโครงการ : ไตรมาสที่", core=BANNER_TAIL),
    # "<name> : <code>", not a form's "รหัสโครงการ... : <code>" label
    # ... each maybe with a speck OCR glued to its end (history_header.STRAY_END)
    Signal(rf"^(?!\s*รหัส)[^\n:]{{8,}}\S\s*{_CODE_AFTER_COLON}", 0.15, 4000, ("-",),
           core=_CODE_AFTER_COLON),
    Signal(rf"^[^\n:()]*\S\s*{_YEAR_AFTER_COLON}", 0.1, 4000, ("(",), core=_YEAR_AFTER_COLON),
    # the navigation and the chart's placeholder, two lines of their own: an
    # "agency" save (cut above the progress) holds little else but its title
    Signal(rf"^\s*Back\s+Home{STRAY_END}\s*$", 0.1, 4000, ("Back",)),
    Signal(rf"^\s*FusionCharts will render here{STRAY_END}\s*$", 0.1, 4000, ("FusionCharts",)),
    Signal(r"^\s*(?:หลักการและเหตุผล|วัตถุประสงค์ของโครงการ)\s*$", 0.05, 8000,
           ("หลักการ", "วัตถุประสงค์")),
)


def score(doc: RepairedText) -> float:
    """Score how much ``doc`` looks like the progress-history page (0..1, never raises)."""
    return score_signals(doc, SIGNALS)


def extract(doc: RepairedText) -> Extraction:
    """Read one progress-history page into raw projects, progress and indicator rows."""
    out = Extraction()
    lines = with_wrapped_name(doc, with_wrapped_code(stacked_joined(  # a phone's stacked copy
        [ln for ln in doc.rows(alone=_COMPLETE_LINE_RE) if ln.text.strip()])))
    lines = with_wrapped_strategy(doc, lines)
    lines = agency_apart(with_wrapped_banner(lines, doc.ocr_used))
    lines = entry_lines(lines)  # an entry set as a table row, cell by cell
    tabled, used = column_reports(doc, lines, out, history=True)  # the history as a table
    lines = [ln for ln in lines if ln.no not in used]
    body_at = next((i for i, ln in enumerate(lines)
                    if ENTRY_RE.match(ln.text) or KPI_RE.match(ln.text) or (
                        i + 1 < len(lines) and heading_wrapped(ln.text, lines[i + 1].text)) or (
                        doc.ocr_used and ocr_entry(ln.text))), len(lines))
    project = RawRow("projects", None)
    _read_header(doc, lines[:body_at], project, out)
    code_from_url(doc, project, out)
    entries, indicators = read_body(doc, lines[body_at:], out)
    for ordinal, entry in enumerate(entries, start=len(tabled) + 1):
        entry.ordinal = ordinal
    latest = latest_first(tabled) + entries  # a table's rows come in print order
    entries = tabled + entries
    if not entries and not indicators and not any(
            project.fields.get(c) is not None for c in _HEAD_VALUES):
        raise ExtractError("progress-history page without entries '(N) ความคืบหน้าโครงการฯ', "
                           "a KPI block, or a header value (project code, agency, "
                           "'ความคืบหน้าโครงการ ร้อยละ', assessment); was the save cut "
                           "before the page loaded?")
    if "progress_pct" not in project.fields and entries:
        latest_pct = latest[0].fields.get("progress_pct")
        if latest_pct is not None:
            project.fields["progress_pct"] = latest_pct
    if "fiscal_year_be" not in project.fields:
        derived = _derive_fiscal_year(entries)
        if derived is not None:
            project.fields["fiscal_year_be"] = derived
    status = derive_status(latest, latest_first=True)
    if status is not None:
        project.fields["status"] = status
    out.rows.append(project)
    out.rows.extend(entries)
    out.rows.extend(indicators)
    return out


@dataclass
class _Head:
    """What the page's head has shown so far, while its lines are read."""

    named: bool = False  # "<name> : <code>" seen
    progress_at: int | None = None  # line number of the "ร้อยละ" line
    closed: bool = False  # past the links line or the banner
    bare: Raw | None = None  # the bare progress number
    section: str | None = None  # the narrative heading the text is under
    headed: dict[str, list[Line]] = field(default_factory=dict)
    paragraphs: int = 0


def _read_header(doc: RepairedText, lines: list[Line], project: RawRow, out: Extraction) -> None:
    """Read everything above the first entry: header values, paragraphs, strategy."""
    ocr = doc.ocr_used
    first = next((i for i, ln in enumerate(lines) if opens_page(ln.text, ocr)), 0)
    head = _Head()
    named, code = name_without_code(doc, lines, first)
    if named is not None:
        project.fields["project_name"] = named
        head.named = True
        if code is not None:
            project.fields["project_code"] = code
    before_code: list[Line] = []
    after_code: list[Line] = []
    seen_code = False
    strategy: list[Raw] = []
    value_next = False
    for line in lines[first:]:
        text = line.text
        m = banner_match(text, ocr) or banner_cut(text)
        if m is not None:
            put_first(project, "assessment_quarter", doc.raw_match(m, "quarter", line=line))
            put_first(project, "assessment_score", doc.raw_match(m, "score", line=line))
            head.closed = True
            continue
        if links_match(text, ocr) is not None:
            head.closed = True
            continue
        if any(r.search(text) for r in BOILERPLATE_RES) or is_empty_state(text):
            continue
        field_at = record_field(text)  # the page's own record fields, a value under its label
        if field_at or (value_next and len(text.strip()) <= UNIT_NAME_MAX):
            value_next = field_at == "label"
            continue
        value_next = False
        heading = narrative_heading(text, ocr)
        if heading is not None:
            head.section = heading[0]
            head.closed = True
            continue
        joined = heading_with_text(text, head.section is not None)
        if joined is not None:
            head.section, head.closed = joined[0], True
            rest = rest_of(line, joined[1])
            if rest is not None:
                head.paragraphs += 1
                head.headed.setdefault(joined[0], []).append(rest)
            continue
        labelled = head_label(doc, line, project)  # a labelled view's ``ชื่อโครงการ : …``
        if labelled is not None or HEADING_ALONE.match(text):
            seen_code = seen_code or labelled == "unit_code"
            head.section = None if labelled == "unit_code" else head.section
            continue
        found = header_match(text)
        if found:
            m, column = found
            read_header_value(doc, line, m, column, project, out)
            if column == "_name_code":
                head.named = True
            elif column == "progress_pct":
                head.progress_at = line.no
            elif column in ("unit_code", "_unit_code_spaced"):
                seen_code = True
                head.section = None
            continue
        if head.progress_at is None and not head.closed and head.paragraphs == 0:
            m = BARE_NUMBER_RE.match(text)
            if m is not None:
                head.bare = head.bare or doc.raw_match(m, "value", line=line)
                continue
        if STRATEGY_RE.search(text):
            strategy.extend(strategy_parts(doc, line))
            continue
        short = len(text.strip()) <= UNIT_NAME_MAX
        if short and not head.closed and head.paragraphs == 0:
            if head.progress_at is not None:
                # under the progress line: the responsible person, or a unit
                read_responsible(doc, line, project)
                continue
            if head.named and "agency" not in project.fields:
                # "<agency> : (<year>)" printed without its year part
                raw = doc.raw_in(line, 0, len(text))
                if raw is not None:
                    split_agency_raw(doc, raw, project)
                continue
        if is_address(text):  # a link pasted with the page (an e-mail's): no narrative
            continue
        head.paragraphs += 1
        if head.section is not None:
            head.headed.setdefault(head.section, []).append(line)
        elif seen_code:
            after_code.append(line)
        else:
            before_code.append(line)
    unit = unit_over_links(doc, lines, first)
    if unit is not None and head.progress_at is None:  # the progress line lost in print
        read_responsible(doc, unit, project)
        # (under the page's name and agency lines, a fixed bar over its top: no paragraph)
        before_code = [ln for ln in before_code if ln.no != unit.no]
    check_bare_progress(head.bare, project, out)
    if not seen_code and before_code and not head.headed:
        # Without the unit code line to divide them, the first paragraph is the
        # rationale and the rest follow in the page's order (objective, target).
        before_code, after_code = before_code[:1], before_code[1:] + after_code
    put_paragraphs(doc, before_code, after_code, project)
    put_headed(doc, head.headed, project)
    for column, raw in zip(STRATEGY_COLUMNS, strategy, strict=False):
        project.fields[column] = raw
    for raw in strategy[len(STRATEGY_COLUMNS):]:
        out.findings.append(Finding("projects", None, None, "warning", "unparsed_line",
                                    f"line {raw.span.line_no}: strategy line beyond the "
                                    f"fourth ignored: {raw.text[:40]!r}"))


def _derive_fiscal_year(entries: list[RawRow]) -> Derived | None:
    """The fiscal year most entry dates fall in (the earliest such year on a tie)."""
    dated: list[tuple[date, Raw]] = []
    for row in entries:
        raw = row.fields.get("report_date")
        if isinstance(raw, Raw):
            when = date_of(raw)
            if when is not None:
                dated.append((when, raw))
    if not dated:
        return None
    counts = Counter(fiscal_year_be(when) for when, _ in dated)
    year = min(counts, key=lambda y: (-counts[y], y))
    in_year = sorted(when for when, _ in dated if fiscal_year_be(when) == year)
    evidence = next(raw for when, raw in dated if fiscal_year_be(when) == year)
    note = (f"fiscal year of {counts[year]} of {len(dated)} entry dates "
            f"({in_year[0].isoformat()}..{in_year[-1].isoformat()})")
    return Derived(year, note, evidence.span)


LAYOUT = Layout(
    layout_id="web_progress_history",
    title=TITLE,
    tables=(Project, ProgressUpdate, Indicator),
    score=score,
    extract=extract,
    signals=SIGNALS,
    opens_by_title=True,
    core=("projects.project_code|projects.project_name|projects.unit_code",
          "projects.fiscal_year_be"),
    main=("progress_updates", r"\([0-9๐-๙]{1,3}\)\s*ความคืบหน้าโครงการ"),
)
