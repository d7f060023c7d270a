"""Web dump: the tracking system's progress-history page (ความคืบหน้าโครงการ).

Stage: extract. Consumes the repaired text of one saved history page; produces raw
rows for ``projects`` (one), ``progress_updates`` (one per history entry, in
document order) and ``indicators`` (one per KPI block).

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
from decimal import Decimal, InvalidOperation

from bma_etl.errors import ExtractError, NormalizeError
from bma_etl.layouts.base import (
    Derived,
    Extraction,
    FieldValue,
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
    derive_status,
    split_agency_raw,
    split_person_raw,
    strip_outline_raw,
)
from bma_etl.layouts.wrapped import join, rest_of
from bma_etl.matchkey import KeyMatch, key, key_map, match_key, past_marks
from bma_etl.normalize.dates import parse_date
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fiscal import fiscal_year_be
from bma_etl.provenance import Span
from bma_etl.records import Indicator, ProgressUpdate, Project

TITLE = "ความคืบหน้าโครงการ"

_D = "[0-9๐-๙]"
_NUM = rf"{_D}+(?:[.,]{_D}+)*"

# ----------------------------------------------------------------------- header
#: Header lines that carry a value (label as printed → projects column). Keys
#: starting with ``_`` are split further by code.
#: The unit code line, "04160200/04160200".
_UNIT_CODE_LINE = rf"^\s*(?P<value>{_D}{{6,10}})\s*(?:/\s*(?P<second>{_D}{{6,10}})\s*)?$"
#: Titles that open a person's name (นาย, นางสาว, น.ส., ว่าที่ ร.ต., ดร., ผศ. …).
_TITLE = (r"(?:นาย|นาง|น\.\s?ส\.|ว่าที่|ดร\.|ผศ\.|รศ\.|ศ\.|พล\.|พ\.[ตอจ]\.|ร\.[ตอ]\.|"
          r"จ\.ส\.|ส\.[ตอ]\.|Mr\.|Mrs\.|Ms\.|Miss\b)")
HEADER_LINES: dict[str, str] = {
    # "<project name> : <project code>" (fuller saves)
    rf"^\s*(?P<name>\S.*?)\s*:\s*(?P<code>{_D}{{6,10}}-{_D}{{3,5}})\s*$": "_name_code",
    # "<agency> : (<BE fiscal year>)" (fuller saves)
    (rf"^\s*(?P<agency>[^:()]*\S)\s*:\s*\(\s*(?:ปี(?:งบประมาณ)?\s*(?:พ\.ศ\.)?\s*)?"
     rf"(?P<year>{_D}{{4}})\s*\)\s*$"): "_agency_year",
    # "ความคืบหน้าโครงการ ร้อยละ 100", "ความคืบหน้า : 100 %"
    (rf"^\s*ความคืบหน้า(?:โครงการ)?\s*:?\s*(?:ร้อยละ)?\s*(?P<value>{_NUM})\s*"
     r"(?:%|เปอร์เซ็นต์)?\s*$"): "progress_pct",
    # "สำนักงานเขตบางซื่อ : (2567)" with the year part missing: the line after the
    # name and code, before the progress (see _read_header)
    # "ผู้รับผิดชอบ : นางสาว… โทร. 1521" and the unlabelled "นาย… (ต่อ 1521)"
    r"^\s*(?:ชื่อ)?ผู้รับผิดชอบ(?:โครงการ)?\s*:?\s*(?P<value>\S.*?)\s*$": "_person",
    (rf"^\s*(?P<value>{_TITLE}\S.{{0,120}}?"
     rf"(?:โทร|[Tt]el|ต่อ|ภายใน|{_D}{{3,}}).{{0,40}}?)\s*$"): "_person",
    _UNIT_CODE_LINE: "unit_code",
    # OCR read the "/" of an equal pair as another stroke: "49514932749514932"
    rf"^\s*(?P<value>{_D}{{6,10}})[^\s/](?P<second>(?P=value))\s*$": "unit_code",
}
_HEADER_RES = [(re.compile(p), column) for p, column in HEADER_LINES.items()]
#: Header lines that open the page proper: whatever comes above the first is frame.
_TOP_COLUMNS = frozenset({"_name_code", "_agency_year", "progress_pct", "_person"})
#: Header values that make a page worth loading when it has no entries.
_HEAD_VALUES = ("project_code", "project_name", "agency", "progress_pct",
                "responsible_person", "assessment_quarter")
#: Lines of the page's frame, never data: links, banners, title, navigation.
BOILERPLATE = (
    r"^\s*ดูโครงการแผนปี",
    r"พิมพ์ข้อมูล\s*$",
    r"^\s*\*{3}\s*สยป[.,]",
    r"^\s*ความคืบหน้าโครงการ\s*(?:/\s*กิจกรรม)?\s*$",
    r"^\s*(?:Back|Home|Back\s+Home|Menu|Logout|Print)\s*$",
    r"^\s*FusionCharts\b",
    r"^\s*ระบบ(?:ติดตาม|บริหาร|สารสนเทศ|รายงาน)",
    r"หน้าหลัก|ออกจากระบบ|เข้าสู่ระบบ|ยินดีต้อนรับ",
    r"^\s*(?:[^|]*\|){2,}[^|]*\S[^|]*$",  # "a | b | c": a navigation bar
)
_BOILERPLATE_RES = [re.compile(p) for p in BOILERPLATE]
#: The links line under the responsible person: it closes the page's head.
_LINKS_RE = re.compile(r"^\s*ดูโครงการแผนปี\S*\s*:?\s*(?:พิมพ์ข้อมูล)?\s*$")
#: The strategy office's assessment banner (``*** สยป. ประเมินโครงการ : ไตรมาสที่ 2 100``):
#: the quarter, then the score in any of its printed forms (``100``, ``100.0000``,
#: ``: 0.0000``) or none. OCR reads the point after สยป as a comma (``สุยป,``).
_BANNER_RE = re.compile(
    rf"^\s*\**\s*สยป[.,]?\s*ประเมินโครงการ\s*:?\s*ไตรมาส(?:ที่)?\s*(?P<quarter>{_D})"
    rf"(?:\s*:?\s*(?P<score>{_NUM}))?\s*\**\s*$"
)
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
_HEADING_RES = [(re.compile(rf"^\s*(?:{h})\s*:?\s*$"), column)
                for h, column in NARRATIVE_HEADINGS.items()]
#: A narrative heading with its text after it on the same line (printed without
#: the line break, or joined to a wrapped first line).
_HEADING_TEXT_RES = [(re.compile(rf"^\s*(?:{h})\s*(?::\s*|\s+)(?=\S)"), column)
                     for h, column in NARRATIVE_HEADINGS.items()]
#: A bare number on its own line: the page prints the latest progress twice.
_BARE_NUMBER_RE = re.compile(rf"^\s*(?P<value>{_NUM})\s*%?\s*$")
#: A project code in an address (``myproject.php?pid=50190000-7015``).
_URL_CODE_RE = re.compile(r"[?&](?:pid|project_?id|code)=(?P<code>[0-9]{6,10}-[0-9]{3,5})\b")
#: Words that open a unit's name rather than a person's (ฝ่ายโยธา, กลุ่มงาน…).
_UNIT_WORDS = re.compile(r"^\s*(?:ฝ่าย|กลุ่มงาน|กลุ่ม|กอง|ส่วน|สำนัก|ศูนย์|งาน|โรงเรียน|"
                         r"โรงพยาบาล|สถานี|สถาบัน|หน่วย|แขวง|เขต)")
#: Strategy lines, in the order the page prints them.
STRATEGY_COLUMNS = ("strategy_issue", "strategy_sub_issue", "strategy_goal", "strategy_indicator")
_EXTENSION_RE = re.compile(
    rf"^(?P<name>.*?\S)[ \t]*[(,]?[ \t]*(?:โทรศัพท์ภายใน|ภายใน|ต่อ|[Ee]xt\.?)[ \t]*[:.]?[ \t]*"
    rf"(?P<phone>{_D}(?:[ -]?{_D})*)[ \t]*\)?[ \t]*$"
)
_STRATEGY_RE = re.compile(r"\|\s*$")
_ITEM_RE = re.compile(rf"^\s*{_D}{{1,2}}\s*[.)]")
#: A unit name is a short line; a paragraph is anything longer.
_UNIT_NAME_MAX = 80
#: A project name is one line, however long.
_NAME_MAX = 300

# ------------------------------------------------------------------------ body
_ENTRY_RE = re.compile(
    rf"^\s*\(\s*(?P<seq>{_D}{{1,4}})\s*\)\s*ความคืบหน้าโครงการฯ?\s*"
    rf"(?:ร้อยละ\s*(?P<pct>{_NUM})\s*%?)?\s*"
    r"(?:\(\s*(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ T][0-9:.]+)?\s*\))?\s*$"
)
_BE_DATE_RE = re.compile(rf"^\s*(?P<date>{_D}{{1,2}}/{_D}{{1,2}}/{_D}{{4}})\s*:\s*(?P<body>.*)$")
_SEPARATOR_RE = re.compile(r"^\s*-{3,}\s*&&&\s*-{3,}\s*$")
#: The report date as OCR may read it (``19/0172569 :``, a ``/`` read as ``1``): not a
#: date to load (the entry heading's system date stands), but not the detail either.
#: Or its day read as letters, month and year left (``เม07/2563 :``, ``1บ07/2563 :``).
_OCR_BE_DATE_RE = re.compile(
    rf"^\W{{0,3}}(?P<date>{_D}[0-9๐-๙/|lI ]{{5,10}}{_D}"
    rf"|[^\s:]{{1,3}}?{_D}{{1,2}}\s*/\s*{_D}{{4}})\s*[:;]\s*"
    r"(?P<body>.*)$")
_PLAIN_DATE_RE = re.compile(rf"{_D}{{1,2}}/{_D}{{1,2}}/{_D}{{4}}")
#: After OCR: a separator whose dashes were lost, an entry heading with a speck after it.
_OCR_SEPARATOR_RE = re.compile(r"^\W{0,3}-*\s*&&&\s*-*\W{0,3}$")
#: Specks OCR reads before a line (``“ อุปสรรค…`` for ``** อุปสรรค…``).
_OCR_LEAD = r"^[\W_]{0,3}"
#: An entry heading as OCR reads it: punctuation specks between its parts, the
#: number's brackets misread (``A)`` for ``(8)``), a speck after it.
#: The number's closing bracket lost (``(2 ความ…``) or the number misread (``(ๆ ความ…``):
#: an opening or a closing bracket is still needed. A speck before ร้อยละ (``ร์ รอยละ``).
#: The system date's closing bracket lost, a speck after it (``(2020-05- 17 ร``), or
#: the date cut off or made junk after its year (``(2020-05- 1``, ``(2020- -()7- 11)``):
#: the date then not read from it.
_OCR_ENTRY = (
    rf"^\W{{0,3}}?(?:\(\s*(?P<seq>{_D}{{1,4}})\s*[)\]1|]?|\S{{0,2}}[)\]]|\(\S{{0,2}})"
    r"\s*ความคืบหน้าโครงการฯ?[,.:;]*"
    rf"(?:\S{{0,2}}?ร้อยละ[,.:;]*(?P<pct>{_NUM})\s*%?)?[,.:;]*"
    r"(?:\(\s*(?:(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})[^)]{0,14}|[0-9]{4}\s*-.{0,12}?)\)?)?"
    r".{0,4}$"
)
#: An entry heading whose words OCR made junk (``(3) (สวมเดิกห์น ครงกรรร ร รอยละ 68.50
#: (2020-07-11)``): its number in brackets opens the line and its system date in
#: brackets ends it, nothing in between longer than a heading's words.
_OCR_ENTRY_JUNK = (
    rf"^\W{{0,3}}?\(\s*(?P<seq>{_D}{{1,4}})\s*\).{{4,40}}?"
    rf"(?:ร้อยละ[,.:;]*(?P<pct>{_NUM})\s*%?)?[,.:;]*"
    r"\(\s*(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})\s*\)\W{0,2}$"
)
#: Lines complete in themselves, never joined to a wrapped line beside them.
_COMPLETE_LINE_RE = re.compile("|".join([
    _ENTRY_RE.pattern, _SEPARATOR_RE.pattern, _UNIT_CODE_LINE, _BANNER_RE.pattern,
    _LINKS_RE.pattern, *(r.pattern for r, _ in _HEADING_RES)]))
#: ``** <label> :<value>`` lines of an entry (label → progress_updates column).
ENTRY_LABELS: dict[str, str] = {
    r"ปัญหา(?:ของโครงการ)?": "problems",
    r"อุปสรรค(?:ของโครงการ)?": "obstacles",
}
_ENTRY_LABEL_RES = [
    (re.compile(rf"^\s*\*{{0,3}}\s*(?:{label})\s*:\s*(?P<value>.*)$"), column)
    for label, column in ENTRY_LABELS.items()
]
#: The same as OCR reads them: the ``:`` read as ``;``, or as ``1``, ``l`` or ``|`` glued
#: to the value's first Thai letter (``ปัญหาของโครงการ 1ไม่มี``).
_OCR_ENTRY_LABELS = [
    (_OCR_LEAD + rf"\s*\*{{0,3}}\s*(?:{label})\s*(?:[:;]|[1lI|](?=[\u0e01-\u0e4e]))\s*"
     r"(?P<value>.*)$", column)
    for label, column in ENTRY_LABELS.items()
]
#: The KPI block (label → indicators column); on the target and achieved lines the
#: word between label and colon is the unit (``ค่าเป้าหมาย ระดับ : 1``).
KPI_LABELS: dict[str, str] = {
    r"ค่าเป้าหมาย": "target_value",
    r"ผลงานที่ทำได้": "achieved_value",
    r"ประเภทตัวชี้วัด": "kind",
}
_KPI_RE = re.compile(
    rf"^\s*ตัวชี้วัด\s*:\s*(?:(?P<code>{_D}{{1,2}}(?:\.{_D}{{1,3}}){{0,3}})\.?\s+)?(?P<name>\S.*?)\s*$"
)
_KPI_LABEL_RES = [
    (re.compile(rf"^\s*{label}\s*(?P<unit>[^:\s][^:]*?)?\s*:\s*(?P<value>.*?)\s*$"), column)
    for label, column in KPI_LABELS.items()
]
#: The quarterly evaluation heading that closes the page; what follows is not stored.
_EVALUATION_RE = re.compile(r"^\s*\*{0,3}\s*ผลการประเมินโครงการ")


#: What marks the progress-history page (regex → points).
SIGNALS = (
    Signal(r"^\s*-{3,}\s*&&&\s*-{3,}\s*$", 0.35, 40000, ("&&&",)),
    Signal(r"^\s*\(\s*[0-9๐-๙]{1,4}\s*\)\s*ความคืบหน้าโครงการฯ", 0.3, 40000,
           ("ความคืบหน้าโครงการฯ",)),
    Signal(r"^\s*\*\*\s*(?:ปัญหา|อุปสรรค)ของโครงการ\s*:", 0.15, 40000, ("ของโครงการ",)),
    Signal(r"^\s*ความคืบหน้าโครงการ\s*(?:ร้อยละ|:)", 0.1, 4000, ("ความคืบหน้าโครงการ",)),
    Signal(r"^\s*(?:ค่าเป้าหมาย|ผลงานที่ทำได้)[^:\n]*:", 0.1, 40000,
           ("ค่าเป้าหมาย", "ผลงานที่ทำได้")),
    # the page's own head, which most saves hold alone (README of tracking-pages)
    Signal(r"^\s*ความคืบหน้าโครงการ\s*/\s*กิจกรรม\s*$", 0.3, 4000, ("กิจกรรม",),
           phrase="ความคืบหน้าโครงการ/กิจกรรม"),
    Signal(r"^\s*ดูโครงการแผนปี\S*\s*:\s*พิมพ์ข้อมูล", 0.3, 8000, ("พิมพ์ข้อมูล",),
           phrase="ดูโครงการแผนปีฯ : พิมพ์ข้อมูล"),
    Signal(r"^\s*\**\s*สยป\.?\s*ประเมินโครงการ\s*:?\s*ไตรมาส", 0.3, 8000, ("ประเมินโครงการ",),
           phrase="สยป. ประเมินโครงการ : ไตรมาสที่"),
    # "<name> : <code>", not a form's "รหัสโครงการ... : <code>" label
    Signal(r"^(?!\s*รหัส)[^\n:]{8,}\S\s*:\s*[0-9๐-๙]{8}-[0-9๐-๙]{4}\s*$", 0.15, 4000, ("-",)),
    Signal(r"^[^\n:()]*\S\s*:\s*\(\s*[0-9๐-๙]{4}\s*\)\s*$", 0.1, 4000, ("(",)),
    Signal(r"^\s*(?:Back\s+Home|FusionCharts will render here)\s*$", 0.1, 4000,
           ("Back", "FusionCharts")),
    Signal(r"^\s*(?:หลักการและเหตุผล|วัตถุประสงค์ของโครงการ)\s*$", 0.05, 8000,
           ("หลักการ", "วัตถุประสงค์")),
)


def score(doc: RepairedText) -> float:
    """Score how much ``doc`` looks like the progress-history page (0..1, never raises)."""
    return score_signals(doc, SIGNALS)


@dataclass
class _Entry:
    """One history entry while its lines are read."""

    row: RawRow
    line_no: int
    iso: Raw | None = None
    be: Raw | None = None
    current: str = "detail"
    pieces: dict[str, list[Raw]] = field(default_factory=dict)


def _ocr_entry(text: str) -> KeyMatch | None:
    """An entry heading as OCR reads it (:data:`_OCR_ENTRY`, :data:`_OCR_ENTRY_JUNK`)."""
    return match_key(_OCR_ENTRY, text) or match_key(_OCR_ENTRY_JUNK, text)


def extract(doc: RepairedText) -> Extraction:
    """Read one progress-history page into raw projects, progress and indicator rows."""
    out = Extraction()
    lines = [ln for ln in doc.rows(alone=_COMPLETE_LINE_RE) if ln.text.strip()]
    body_at = next((i for i, ln in enumerate(lines)
                    if _ENTRY_RE.match(ln.text) or _KPI_RE.match(ln.text) or (
                        doc.ocr_used and _ocr_entry(ln.text))), len(lines))
    project = RawRow("projects", None)
    _read_header(doc, lines[:body_at], project, out)
    _code_from_url(doc, project, out)
    entries, indicators = _read_body(doc, lines[body_at:], out)
    if not entries and not indicators and not any(
            project.fields.get(c) is not None for c in _HEAD_VALUES):
        raise ExtractError("progress-history page without entries '(N) ความคืบหน้าโครงการฯ', "
                           "a KPI block, or a header value (project code, agency, "
                           "'ความคืบหน้าโครงการ ร้อยละ', assessment); was the save cut "
                           "before the page loaded?")
    if "progress_pct" not in project.fields and entries:
        latest = entries[0].fields.get("progress_pct")
        if latest is not None:
            project.fields["progress_pct"] = latest
    if "fiscal_year_be" not in project.fields:
        derived = _derive_fiscal_year(entries)
        if derived is not None:
            project.fields["fiscal_year_be"] = derived
    status = derive_status(entries, latest_first=True)
    if status is not None:
        project.fields["status"] = status
    out.rows.append(project)
    out.rows.extend(entries)
    out.rows.extend(indicators)
    return out


# ----------------------------------------------------------------------- header


def _header_match(text: str) -> tuple[re.Match[str], str] | None:
    for regex, column in _HEADER_RES:
        m = regex.match(text)
        if m:
            return m, column
    return None


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
    first = next((i for i, ln in enumerate(lines) if _opens_page(ln.text, ocr)), 0)
    head = _Head()
    named = _name_without_code(doc, lines, first)
    if named is not None:
        project.fields["project_name"] = named
        head.named = True
    before_code: list[Line] = []
    after_code: list[Line] = []
    seen_code = False
    strategy: list[Raw] = []
    for line in lines[first:]:
        text = line.text
        m = _match(_BANNER_RE, text, ocr)
        if m is not None:
            _put(project, "assessment_quarter", doc.raw_match(m, "quarter", line=line))
            _put(project, "assessment_score", doc.raw_match(m, "score", line=line))
            head.closed = True
            continue
        if _match(_LINKS_RE, text, ocr) is not None:
            head.closed = True
            continue
        if any(r.search(text) for r in _BOILERPLATE_RES):
            continue
        heading = _heading(text, ocr)
        if heading is not None:
            head.section = heading[0]
            head.closed = True
            continue
        joined = _heading_with_text(text, head.section is not None)
        if joined is not None:
            head.section, head.closed = joined[0], True
            rest = rest_of(line, joined[1])
            if rest is not None:
                head.paragraphs += 1
                head.headed.setdefault(joined[0], []).append(rest)
            continue
        found = _header_match(text)
        if found:
            m, column = found
            _read_header_value(doc, line, m, column, project, out)
            if column == "_name_code":
                head.named = True
            elif column == "progress_pct":
                head.progress_at = line.no
            elif column == "unit_code":
                seen_code = True
                head.section = None
            continue
        if head.progress_at is None and not head.closed and head.paragraphs == 0:
            m = _BARE_NUMBER_RE.match(text)
            if m is not None:
                head.bare = head.bare or doc.raw_match(m, "value", line=line)
                continue
        if _STRATEGY_RE.search(text):
            strategy.extend(_strategy_parts(doc, line))
            continue
        short = len(text.strip()) <= _UNIT_NAME_MAX
        if short and not head.closed and head.paragraphs == 0:
            if head.progress_at is not None:
                # under the progress line: the responsible person, or a unit
                _read_responsible(doc, line, project)
                continue
            if head.named and "agency" not in project.fields:
                # "<agency> : (<year>)" printed without its year part
                raw = doc.raw_in(line, 0, len(text))
                if raw is not None:
                    split_agency_raw(doc, raw, project)
                continue
        head.paragraphs += 1
        if head.section is not None:
            head.headed.setdefault(head.section, []).append(line)
        elif seen_code:
            after_code.append(line)
        else:
            before_code.append(line)
    _check_bare_progress(head.bare, project, out)
    if not seen_code and before_code and not head.headed:
        # Without the unit code line to divide them, the first paragraph is the
        # rationale and the rest follow in the page's order (objective, target).
        before_code, after_code = before_code[:1], before_code[1:] + after_code
    _put_paragraphs(doc, before_code, after_code, project)
    _put_headed(doc, head.headed, project)
    for column, raw in zip(STRATEGY_COLUMNS, strategy, strict=False):
        project.fields[column] = raw
    for raw in strategy[len(STRATEGY_COLUMNS):]:
        out.findings.append(Finding("projects", None, None, "warning", "unparsed_line",
                                    f"line {raw.span.line_no}: strategy line beyond the "
                                    f"fourth ignored: {raw.text[:40]!r}"))


def _name_without_code(doc: RepairedText, lines: list[Line], first: int) -> Raw | None:
    """The project name printed without its code, on the line above ``<agency> : (<year>)``.

    A save whose text lost the code (a browser's HTML names it only in the
    address) still prints the name in its place, between the frame and the agency
    line. None when the page prints ``<name> : <code>`` or has no such line.
    """
    if first == 0 or any((found := _header_match(ln.text)) and found[1] == "_name_code"
                         for ln in lines):
        return None
    found = _header_match(lines[first].text)
    if found is None or found[1] != "_agency_year":
        return None
    line = lines[first - 1]
    text = line.text.strip()
    if (not text or len(text) > _NAME_MAX or any(r.search(line.text) for r in _BOILERPLATE_RES)
            or _header_match(line.text) or _BARE_NUMBER_RE.match(line.text) or ":" in text):
        return None
    raw = doc.raw_in(line, 0, len(line.text))
    return strip_outline_raw(doc, raw) if raw is not None else None


def _match(regex: re.Pattern[str], text: str, ocr: bool) -> re.Match[str] | KeyMatch | None:
    """``regex`` at the start of ``text``; after OCR also in key form (marks lost)."""
    return regex.match(text) or (match_key(regex.pattern, text) if ocr else None)


def _opens_page(text: str, ocr: bool) -> bool:
    """A line of the page proper: a header value, the links line, the banner or a heading."""
    found = _header_match(text)
    return bool(found and found[1] in _TOP_COLUMNS) or any(
        _match(regex, text, ocr) is not None for regex in (_LINKS_RE, _BANNER_RE))


def _heading(text: str, ocr: bool) -> tuple[str] | None:
    """``(column,)`` when ``text`` is a narrative heading (``""``: its text is not stored)."""
    for regex, column in _HEADING_RES:
        if _match(regex, text, ocr) is not None:
            return (column,)
    return None


def _heading_with_text(text: str, headed: bool) -> tuple[str, int] | None:
    """``(column, where its text starts)`` for a heading with its text on its line.

    The rationale's heading opens the narrative and is taken anywhere; the
    others only under a heading already (a paragraph may open with เป้าหมาย).
    """
    for regex, column in _HEADING_TEXT_RES:
        m = regex.match(text)
        if m is not None and (headed or column == "rationale"):
            return column, m.end()
    return None


def _read_responsible(doc: RepairedText, line: Line, project: RawRow) -> None:
    """The line under the progress line: a person with a phone, or a unit (→ division).

    A unit there (``ฝ่ายโยธา``, ``กลุ่มงาน…``) names who is responsible, not the
    agency: the agency is what the page states on its ``<agency> : (<year>)`` line.
    """
    raw = doc.raw_in(line, 0, len(line.text))
    if raw is None:
        return
    if _UNIT_WORDS.match(raw.text) and not re.match(rf"^\s*{_TITLE}", raw.text):
        # a unit may carry a phone too: "ฝ่ายโยธา โทร. 6543"
        split_person_raw(doc, raw, project, "_unit", "responsible_phone")
        unit = project.fields.pop("_unit", None)
        if project.fields.get("division") is None:
            project.fields["division"] = unit if unit is not None else raw
        return
    if "responsible_person" not in project.fields:
        _read_person(doc, raw, project)


def _check_bare_progress(bare: Raw | None, project: RawRow, out: Extraction) -> None:
    """Check the bare number above the ``ร้อยละ`` line against it.

    The bare number is the progress when that line is missing; an
    ``ambiguous_value`` issue is raised when the two disagree.
    """
    if bare is None:
        return
    stated = project.fields.get("progress_pct")
    if not isinstance(stated, Raw):
        project.fields["progress_pct"] = bare
        return
    a, b = _number_of(bare.text), _number_of(stated.text)
    if a is not None and b is not None and a != b:
        out.findings.append(Finding(
            "projects", None, "progress_pct", "warning", "ambiguous_value",
            f"line {bare.span.line_no}: the page's bare progress {bare.text} and "
            f"'ร้อยละ {stated.text}' (line {stated.span.line_no}) differ; the 'ร้อยละ' "
            "line is kept"))


def _number_of(text: str) -> Decimal | None:
    try:
        return Decimal(to_arabic_digits(text).replace(",", ""))
    except InvalidOperation:
        return None


def _put_headed(doc: RepairedText, headed: dict[str, list[Line]], project: RawRow) -> None:
    """Text under its narrative heading: rationale, objectives (one per line), target."""
    for column, lines in headed.items():
        if column == "objectives":
            items = [strip_outline_raw(doc, raw) for raw in _pieces(doc, lines)]
            if items and project.fields.get(column) is None:
                project.fields[column] = items
        elif column in ("rationale", "target"):
            pieces = _pieces(doc, lines)
            if pieces and project.fields.get(column) is None:
                project.fields[column] = pieces


def _code_from_url(doc: RepairedText, project: RawRow, out: Extraction) -> None:
    """Read the ``pid`` of the page's address.

    It is the project code when the text has none; an ``ambiguous_value`` issue
    is raised when the two differ.

    The address is the saved page's own (``doc.source_url``) or one printed on the
    page (a browser prints it in the page footer).
    """
    found: tuple[str, str, Span | None] | None = None
    if doc.source_url:
        m = _URL_CODE_RE.search(doc.source_url)
        if m:
            found = (m.group("code"), "the saved page's address", None)
    if found is None:
        for line in doc.all_lines():
            m = _URL_CODE_RE.search(line.text) if "pid=" in line.text else None
            if m:
                raw = doc.raw(line.start + m.start("code"), line.start + m.end("code"))
                found = (m.group("code"), f"the address printed on line {line.no}",
                         raw.span if raw else None)
                break
    if found is None:
        return
    code, where, span = found
    stated = project.fields.get("project_code")
    if not isinstance(stated, Raw):
        project.fields["project_code"] = Derived(code, f"project code from {where}", span)
    elif to_arabic_digits(stated.text) != code:
        out.findings.append(Finding(
            "projects", None, "project_code", "warning", "ambiguous_value",
            f"line {stated.span.line_no}: project code {stated.text} and {code} in "
            f"{where} differ; the page's text is kept"))


def _read_header_value(doc: RepairedText, line: Line, m: re.Match[str], column: str,
                       project: RawRow, out: Extraction) -> None:
    if column == "_name_code":
        name = doc.raw_match(m, "name", line=line)
        if name is not None:
            _put(project, "project_name", strip_outline_raw(doc, name))
        _put(project, "project_code", doc.raw_match(m, "code", line=line))
    elif column == "_agency_year":
        agency = doc.raw_match(m, "agency", line=line)
        if agency is not None:
            split_agency_raw(doc, agency, project)
        _put(project, "fiscal_year_be", doc.raw_match(m, "year", line=line))
    elif column == "_person":
        raw = doc.raw_match(m, "value", line=line)
        if raw is not None and "responsible_person" not in project.fields:
            _read_person(doc, raw, project)
    elif column == "unit_code":
        raw = doc.raw_match(m, "value", line=line)
        second = m.group("second")
        if second is not None and second != m.group("value"):
            out.findings.append(Finding(
                "projects", None, "unit_code", "warning", "ambiguous_value",
                f"line {line.no}: unit code pair {m.group('value')}/{second} differs; "
                "the first is kept"))
        _put(project, "unit_code", raw)
    else:
        _put(project, column, doc.raw_match(m, "value", line=line))


def _put(row: RawRow, column: str, raw: Raw | None) -> None:
    """Keep the first stated value of a column."""
    if raw is not None and row.fields.get(column) is None:
        row.fields[column] = raw


def _read_person(doc: RepairedText, raw: Raw, project: RawRow) -> None:
    """Name and phone; an extension alone (``(ต่อ 1601)``, ``ภายใน 1601``) is the phone."""
    m = _EXTENSION_RE.match(raw.text)
    if m is None or re.search(rf"โทร|[Tt]el|{_D}", m.group("name")):
        split_person_raw(doc, raw, project, "responsible_person", "responsible_phone")
        return
    project.fields["responsible_person"] = doc.sub_raw(raw, m.start("name"), m.end("name"))
    project.fields["responsible_phone"] = doc.sub_raw(raw, m.start("phone"), m.end("phone"))


def _put_paragraphs(doc: RepairedText, before: list[Line], after: list[Line],
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


def _strategy_parts(doc: RepairedText, line: Line) -> list[Raw]:
    """``ด้านที่ ๗ – … |`` → the text before each ``|`` (a line may hold several)."""
    parts: list[Raw] = []
    offset = 0
    for part in line.text.split("|"):
        raw = doc.raw_in(line, offset, offset + len(part))
        if raw is not None:
            parts.append(raw)
        offset += len(part) + 1
    return parts


# ------------------------------------------------------------------------- body


def _read_body(doc: RepairedText, lines: list[Line], out: Extraction
               ) -> tuple[list[RawRow], list[RawRow]]:
    """Entries and KPI blocks, in document order."""
    entries: list[_Entry] = []
    indicators: list[RawRow] = []
    entry: _Entry | None = None
    kpi: RawRow | None = None
    closed = False  # past the quarterly-evaluation heading
    ocr = doc.ocr_used  # fixed wording is also matched in key form (OCR loses marks)
    for line in _colons_joined(lines):
        text = line.text
        if closed:
            continue
        if _SEPARATOR_RE.match(text) or (ocr and _OCR_SEPARATOR_RE.match(text)):
            entry = None
            continue
        m = _ENTRY_RE.match(text) or (
            _ocr_entry(text) if ocr else None)
        if m:
            entry = _new_entry(doc, line, m, len(entries) + 1)
            entries.append(entry)
            kpi = None
            continue
        m = _KPI_RE.match(text) or (match_key(_KPI_RE.pattern, text) if ocr else None)
        if m:
            entry = None
            kpi = RawRow("indicators", len(indicators) + 1, {
                "code": doc.raw_match(m, "code", line=line),
                "name": doc.raw_match(m, "name", line=line),
            })
            indicators.append(kpi)
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
    return [_finish_entry(e, out, ocr) for e in entries], indicators


#: An entry's label alone on its line (``** ปัญหาของโครงการ``), its ``:`` wrapped onto the next.
_BARE_ENTRY_LABEL = re.compile(rf"^\s*\*{{0,3}}\s*(?:{'|'.join(ENTRY_LABELS)})\s*$")


def _colons_joined(lines: list[Line]) -> list[Line]:
    """``lines`` with an entry label alone joined to the next line when that opens with ``:``."""
    out: list[Line] = []
    for line in lines:
        if out and line.text.lstrip().startswith((":", ";")) and _BARE_ENTRY_LABEL.match(
                out[-1].text):
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
    return _Entry(row, line.no, iso=doc.raw_match(m, "iso", line=line))


def _read_entry_line(doc: RepairedText, line: Line, entry: _Entry) -> None:
    for (regex, column), (ocr_pattern, _) in zip(_ENTRY_LABEL_RES, _OCR_ENTRY_LABELS, strict=True):
        m = regex.match(line.text) or (match_key(ocr_pattern, line.text) if doc.ocr_used else None)
        if m:
            entry.current = column
            raw = doc.raw_match(m, "value", line=line)
            entry.pieces.setdefault(column, [])
            if raw is not None:
                entry.pieces[column].append(raw)
            return
    if doc.ocr_used:
        if _OCR_SPECKS_RE.match(line.text):
            return  # a separator or specks OCR read as marks and digits: no text of the entry
        found = _approx_entry_label(line.text)
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
            if m or (odd and _PLAIN_DATE_RE.fullmatch(odd.group("date"))):  # specks before it
                entry.be = doc.raw_match(m or odd, "date", line=line)  # type: ignore[arg-type]
            body = doc.raw_match(m or odd, "body", line=line)  # type: ignore[arg-type]
            entry.pieces["detail"] = [body] if body is not None else []
            return
    raw = doc.raw_in(line, 0, len(line.text))
    if raw is not None:
        entry.pieces.setdefault(entry.current, []).append(raw)


#: A line OCR made of a separator or of specks: no letters but digits, marks,
#: punctuation (``8@@ -----``, ``. ๕@๑๕``, ``๕๕๕``).
_OCR_SPECKS_RE = re.compile(r"^[\W\d_๐-๙\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*$")
#: The entry labels' words in key form, for an approximate match (OCR: ``บัญหาของโครงการ``).
_ENTRY_LABEL_KEYS = (("problems", key("ปัญหาของโครงการ")),
                     ("obstacles", key("อุปสรรคของโครงการ")))
#: Least similarity (0..100) of an entry label read approximately.
LABEL_SIMILARITY = 85.0


def _approx_entry_label(text: str) -> tuple[str, int] | None:
    """``(column, where its value starts)`` of an entry label OCR read with a letter wrong.

    The label must open the line (after a few specks) and be followed by its ``:``
    (or what OCR read it as: :data:`_OCR_LABEL_COLON`);
    the better of the two labels wins, and only clearly.
    """
    from rapidfuzz.fuzz import partial_ratio_alignment

    folded, offsets = key_map(text[:60])
    scored = []
    for column, label in _ENTRY_LABEL_KEYS:
        found = partial_ratio_alignment(label, folded, score_cutoff=LABEL_SIMILARITY)
        if found is not None and found.dest_start <= 4:
            scored.append((found.score, column, found.dest_end))
    if len(scored) != 1:
        return None
    _, column, end = scored[0]
    at = past_marks(text, offsets[end - 1] + 1)
    colon = _OCR_LABEL_COLON.match(text, at)
    if colon is None:
        return None
    return column, colon.end()


#: The ``:`` after an entry label as OCR reads it: ``;``, a quote mark (``“lui``), or
#: ``1``, ``l``, ``I``, ``|`` glued to the value's first Thai letter (``1ไม่มี``).
#: Or a single quote (U+2018, U+2019: ``\u2018Lai``), or lost: a space before the value
#: (``ปัญหาของโครงการ Ani``).
_OCR_LABEL_COLON = re.compile(
    r"[\s.]*(?:[:;“”\u2018\u2019'\"]|[1lI|](?=[\u0e01-\u0e4e])|\s(?=\s*\S))\s*")


def _finish_entry(entry: _Entry, out: Extraction, ocr: bool = False) -> RawRow:
    row = entry.row
    row.fields["report_date"] = entry.be or entry.iso
    if entry.be is not None and entry.iso is not None:
        be, iso = _date_of(entry.be), _date_of(entry.iso)
        if be is not None and iso is not None and be != iso and ocr:
            # two readings of one date by OCR that disagree: either may be the misread one
            row.fields["report_date"] = None
            out.findings.append(Finding(
                "progress_updates", row.ordinal, "report_date", "warning", "ocr_doubtful_value",
                f"line {entry.line_no}: OCR read the report date {entry.be.text!r} and the "
                f"system date {entry.iso.text!r}, which differ: not loaded"))
        elif be is not None and iso is not None and be != iso:
            out.findings.append(Finding(
                "progress_updates", row.ordinal, "report_date", "warning", "ambiguous_value",
                f"line {entry.line_no}: report date {entry.be.text} and system date "
                f"{entry.iso.text} differ; the report date is kept"))
    for column in ("detail", "problems", "obstacles"):
        pieces = entry.pieces.get(column)
        if pieces:
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
            _put(kpi, column, doc.raw_match(m, "value", line=line))
            if column != "kind" and kpi.fields.get("unit") is None:
                kpi.fields["unit"] = doc.raw_match(m, "unit", line=line)
            return True
    return False


def _date_of(raw: Raw) -> date | None:
    try:
        return parse_date(raw.text)
    except NormalizeError:
        return None


def _derive_fiscal_year(entries: list[RawRow]) -> Derived | None:
    """The fiscal year most entry dates fall in (the earliest such year on a tie)."""
    dated: list[tuple[date, Raw]] = []
    for row in entries:
        raw = row.fields.get("report_date")
        if isinstance(raw, Raw):
            when = _date_of(raw)
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
)
