"""The progress-history page's head: its values, frame and project code.

Stage: extract (a helper of :mod:`bma_etl.layouts.web_progress_history`, not a
layout). Consumes lines of the page's head (a
:class:`~bma_etl.layouts.base.RepairedText`'s) one at a time; puts values into the
one ``projects`` raw row: name and code, agency and fiscal year, the progress
(``ร้อยละ`` line, and the bare number above it: :func:`check_bare_progress`), the
responsible person or unit, the unit code pair, the strategy office's assessment
banner, and the project code of the page's address (:func:`code_from_url`).
Disagreements are ``ambiguous_value`` findings; the page's text is kept. Also the
page's frame (:data:`BOILERPLATE`, links, banner) and the digit and number
classes the page's other readers share (:data:`DIGIT`, :data:`NUMBER`).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bma_etl.layouts.base import Derived, Extraction, Finding, Line, Raw, RawRow, RepairedText
from bma_etl.layouts.common import split_agency_raw, split_person_raw, strip_outline_raw
from bma_etl.matchkey import KeyMatch, match_key
from bma_etl.normalize.codes import CODE_DASH, code_dashed
from bma_etl.normalize.digits import DIGIT, to_arabic_digits
from bma_etl.provenance import Span
from bma_etl.rows import join_lines

#: A number of Thai or Arabic digits with ``.`` or ``,`` between groups.
NUMBER = rf"{DIGIT}+(?:[.,]{DIGIT}+)*"

#: The unit code line, "04160200/04160200".
UNIT_CODE_LINE = rf"^\s*(?P<value>{DIGIT}{{6,10}})\s*(?:/\s*(?P<second>{DIGIT}{{6,10}})\s*)?$"
#: Titles that open a person's name (นาย, นางสาว, น.ส., ว่าที่ ร.ต., ดร., ผศ. …).
_TITLE = (r"(?:นาย|นาง|น\.\s?ส\.|ว่าที่|ดร\.|ผศ\.|รศ\.|ศ\.|พล\.|พ\.[ตอจ]\.|ร\.[ตอ]\.|"
          r"จ\.ส\.|ส\.[ตอ]\.|Mr\.|Mrs\.|Ms\.|Miss\b)")
#: A mark after a line's last value that is no part of it: a code or a bracketed year
#: ends at its last digit or bracket, and OCR glues a speck at the line's end to the
#: word before it (``18984987-4628.``) where :func:`~bma_etl.read.ocr_tidy.without_strays`
#: cannot take it out alone.
STRAY_END = r"(?:\s?[.,'`_])?"
#: Header lines that carry a value (label as printed → projects column). Keys
#: starting with ``_`` are split further by code.
HEADER_LINES: dict[str, str] = {
    # "<project name> : <project code>" (fuller saves)
    # (OCR puts a space beside the code's dash now and then: ``03503144- 5709``, or
    # between two of its digits: ``2186757 1-8226``; or reads its last digit as a mark,
    # ``12549184-998]``: the code is then not read, the name is)
    # (its dash may be an en dash or another of :data:`~bma_etl.normalize.codes.CODE_DASH`)
    (rf"^\s*(?P<name>\S.*?)\s*:\s*(?:(?P<code>(?={DIGIT}(?:{DIGIT}| {DIGIT}){{5,9}} ?{CODE_DASH})"
     rf"{DIGIT}+(?: {DIGIT}+)? ?{CODE_DASH} ?{DIGIT}{{3,5}}){STRAY_END}"
     rf"|{DIGIT}{{6,10}} ?{CODE_DASH} ?{DIGIT}{{2,4}}[^\s0-9๐-๙.,'`_])\s*$"): "_name_code",
    # "<agency> : (<BE fiscal year>)" (fuller saves)
    (rf"^\s*(?P<agency>[^:()]*\S)\s*:\s*\(\s*(?:ปี(?:งบประมาณ)?\s*(?:พ\.ศ\.)?\s*)?"
     rf"(?P<year>{DIGIT}{{4}})\s*\){STRAY_END}\s*$"): "_agency_year",
    # "ความคืบหน้าโครงการ ร้อยละ 100", "ความคืบหน้า : 100 %"
    (rf"^\s*ความคืบหน้า(?:โครงการ)?\s*:?\s*(?:ร้อยละ)?\s*(?P<value>{NUMBER})\s*"
     r"(?:%|เปอร์เซ็นต์)?\s*$"): "progress_pct",
    # "สำนักงานเขตบางซื่อ : (2567)" with the year part missing: the line after the
    # name and code, before the progress (see web_progress_history._read_header)
    # "ผู้รับผิดชอบ : นางสาว… โทร. 1521" and the unlabelled "นาย… (ต่อ 1521)"
    r"^\s*(?:ชื่อ)?ผู้รับผิดชอบ(?:โครงการ)?\s*:?\s*(?P<value>\S.*?)\s*$": "_person",
    (rf"^\s*(?P<value>{_TITLE}\S.{{0,120}}?"
     rf"(?:โทร|[Tt]el|ต่อ|ภายใน|{DIGIT}{{3,}}).{{0,40}}?)\s*$"): "_person",
    UNIT_CODE_LINE: "unit_code",
    # OCR read the "/" of an equal pair as another stroke: "49514932749514932"
    rf"^\s*(?P<value>{DIGIT}{{6,10}})[^\s/](?P<second>(?P=value))\s*$": "unit_code",
    # OCR put a space between two digits of one code of the pair ("707391 11/70739111"):
    # the code the other states is kept when the two agree once the space is out
    (rf"^\s*(?:(?P<spaced>{DIGIT}{{1,9}} {DIGIT}{{1,9}})\s*/\s*(?P<value>{DIGIT}{{6,10}})"
     rf"|(?P<value_>{DIGIT}{{6,10}})\s*/\s*(?P<spaced_>{DIGIT}{{1,9}} {DIGIT}{{1,9}}))\s*$"):
        "_unit_code_spaced",
}
_HEADER_RES = [(re.compile(p), column) for p, column in HEADER_LINES.items()]
#: Header lines that open the page proper: whatever comes above the first is frame.
_TOP_COLUMNS = frozenset({"_name_code", "_agency_year", "progress_pct", "_person"})
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
    # "(ข้อมูล ณ วันที่ 30 มิถุนายน 2567 เวลา 16:45 น.)": when the page was printed
    (r"^\s*[(\[]?\s*(?:ข้อมูล\s*)?(?:ณ|เมื่อ)\s*วันที่\s*[^()\[\]]{1,40}?"
     r"(?:\s*เวลา\s*[0-9๐-๙]{1,2}[.:][0-9๐-๙]{2}\s*(?:น\.?)?)?\s*[)\]]?\s*$"),
)
BOILERPLATE_RES = [re.compile(p) for p in BOILERPLATE]
#: The links line under the responsible person: it closes the page's head.
LINKS_RE = re.compile(r"^\s*ดูโครงการแผนปี\S*\s*:?\s*(?:พิมพ์ข้อมูล)?\s*$")
#: The links line as OCR may read it: its first words misread past the key form
#: (``ตูโครงการแผนปีฯ : พิมพ์ข้อมูล``), its ``: พิมพ์ข้อมูล`` read.
OCR_LINKS_RE = re.compile(r"^\W{0,3}\S{8,24}\s*[:;]\s*พิมพ์ข้อมูล\s*$")
#: The strategy office's assessment banner (``*** สยป. ประเมินโครงการ : ไตรมาสที่ 2 100``):
#: the quarter, then the score in any of its printed forms (``100``, ``100.0000``,
#: ``: 0.0000``) or none. OCR reads the point after สยป as a comma (``สุยป,``).
BANNER_RE = re.compile(
    rf"^\s*\**\s*สยป[.,]?\s*ประเมินโครงการ\s*:?\s*ไตรมาส(?:ที่)?\s*(?P<quarter>{DIGIT})"
    rf"(?:\s*:?\s*(?P<score>{NUMBER}))?\s*\**\s*$"
)
#: The banner's part OCR leaves readable, which ends its line: the words
#: ``ประเมินโครงการ :``, ``ไตรมาส`` with a letter past ``ไตรม`` lost, misread or read
#: twice (``ไตรมาลสที่``), the quarter and the score in any of its forms or none.
BANNER_TAIL = (rf"ประเมินโครงการ\s*:?\s*ไตรม(?:\S{{0,2}}ส|า\S)(?:ที่)?\s*(?P<quarter>{DIGIT})"
               rf"(?:\s*:?\s*(?P<score>{NUMBER}))?\W{{0,3}}$")
#: The banner's mark ``*** สยป.`` as OCR reads it: as printed, its point lost or read
#: ``,``; a run of a word or two ending at that point (``wee gail,``, ``** ayy,``); or
#: specks and Latin letters. Never Thai letters glued to ``ประเมิน`` without a point
#: (another page's ``ผลการประเมินโครงการ``).
BANNER_MARK_READ = r"(?:\**\s*สยป[.,]?|[^\n]{1,12}?[.,]|[^\u0e00-\u0e7f\n]{1,12})"
#: The banner as OCR may read it: its mark (:data:`BANNER_MARK_READ`, or a short word)
#: and :data:`BANNER_TAIL`.
OCR_BANNER_RE = re.compile(
    rf"^\W{{0,4}}(?:{BANNER_MARK_READ}|\S{{1,6}}[.,]?)?\s*{BANNER_TAIL}")
#: A bare number on its own line: the page prints the latest progress twice.
BARE_NUMBER_RE = re.compile(rf"^\s*(?P<value>{NUMBER})\s*%?\s*$")
#: A project code in an address (``myproject.php?pid=50190000-7015``).
_URL_CODE_RE = re.compile(r"[?&](?:pid|project_?id|code)=(?P<code>[0-9]{6,10}-[0-9]{3,5})\b")
#: Words that open a unit's name rather than a person's (ฝ่ายโยธา, กลุ่มงาน…).
_UNIT_WORDS = re.compile(r"^\s*(?:ฝ่าย|กลุ่มงาน|กลุ่ม|กอง|ส่วน|สำนัก|ศูนย์|งาน|โรงเรียน|"
                         r"โรงพยาบาล|สถานี|สถาบัน|หน่วย|แขวง|เขต)")
#: Specks OCR reads before a line (``. กองวิศวกรรมจราจร``), or one as a Thai letter glued
#: to the name (``ถกองกีฬา``): let go before a unit's name.
_SPECK_RE = re.compile(r"^\s*(?:(?:[^\w\s]|_){1,3}\s*|[\u0e01-\u0e2e](?!งาน))")
#: A name whose phone is an extension alone (``นาย… (ต่อ 1601)``, ``… ภายใน 1601``).
_EXTENSION_RE = re.compile(
    rf"^(?P<name>.*?\S)[ \t]*[(,]?[ \t]*(?:โทรศัพท์ภายใน|ภายใน|ต่อ|[Ee]xt\.?)[ \t]*[:.]?[ \t]*"
    rf"(?P<phone>{DIGIT}(?:[ -]?{DIGIT})*)[ \t]*\)?[ \t]*$"
)
#: A unit name is a short line; a paragraph is anything longer.
UNIT_NAME_MAX = 80
#: A project name is one line, however long.
_NAME_MAX = 300


def header_match(text: str) -> tuple[re.Match[str], str] | None:
    """The first of :data:`HEADER_LINES` that ``text`` is, with its column, or None."""
    for regex, column in _HEADER_RES:
        m = regex.match(text)
        if m:
            return m, column
    return None


#: A project code alone on its line (``04488126-7819``): OCR read ``<name> : <code>`` as
#: two lines, its ``:`` lost.
_CODE_ALONE_RE = re.compile(rf"^\s*(?P<code>(?={DIGIT}{{6,10}}{CODE_DASH}){DIGIT}+{CODE_DASH}"
                            rf"{DIGIT}{{3,5}})"
                            rf"{STRAY_END}\s*$")


def name_without_code(doc: RepairedText, lines: list[Line], first: int
                      ) -> tuple[Raw | None, Raw | None]:
    """``(name, code)``: the project name on the line above ``<agency> : (<year>)``.

    A save whose text lost the code (a browser's HTML names it only in the
    address) still prints the name in its place, between the frame and the agency
    line. After OCR the code may stand alone on the line between them, ``:`` lost
    (``04488126-7819``): it is the code, the line above it the name. ``(None, None)``
    when the page prints ``<name> : <code>`` or has no such line.
    """
    if first == 0 or any((found := header_match(ln.text)) and found[1] == "_name_code"
                         for ln in lines):
        return None, None
    found = header_match(lines[first].text)
    if found is None or found[1] != "_agency_year":
        return None, None
    above = [k for k in range(first) if lines[k].text.strip()]
    code = None
    if doc.ocr_used and len(above) > 1 and (alone := _CODE_ALONE_RE.match(lines[above[-1]].text)):
        code = doc.raw_in(lines[above[-1]], alone.start("code"), alone.end("code"))
        above.pop()
    line = lines[above[-1] if code is not None else first - 1]
    text = line.text.strip()
    if (not text or len(text) > _NAME_MAX or any(r.search(line.text) for r in BOILERPLATE_RES)
            or header_match(line.text) or BARE_NUMBER_RE.match(line.text) or ":" in text):
        return None, None
    raw = doc.raw_in(line, 0, len(line.text))
    return (strip_outline_raw(doc, raw, name=True) if raw is not None else None), code


#: A ``<name> : <code>`` line's name that is a bracketed year alone: the name's end.
_YEAR_ALONE = re.compile(rf"\(\s*{DIGIT}{{4}}\s*\)")


def with_wrapped_name(doc: RepairedText, lines: list[Line]) -> list[Line]:
    """``lines`` with a name's first line joined to the ``<name> : <code>`` line it wrapped into.

    A print narrower than the name sets its first words on a line of their own
    (``โครงการปรับปรุงครุภัณฑ์…ในสังกัด`` / ``(2562) : 16522290-1351``); the second is
    complete in itself and joins no line (its name, ``(2562)``, would be the project's).
    The line above it is the name's first when the reader saw it wrap (``doc.wraps``)
    into the very next line, or when the second's name is a bracketed year alone (no
    project is named so: Word's distributed alignment spreads the name's first line
    letter by letter and no wrap shows), or when the page's wraps are not known (OCR of
    a phone's screenshot) and it stands between the progress line and the name's line
    (the page prints the name right under the progress), and it is no line of the
    page's frame or a header value.
    """
    for i in range(1, len(lines)):
        found = header_match(lines[i].text)
        if found is None or found[1] != "_name_code":
            continue
        above = lines[i - 1]
        cut = above.no in doc.wraps or _YEAR_ALONE.fullmatch(found[0]["name"] or "") is not None \
            or (not doc.wraps_known(above.start) and i > 1 and above.no == lines[i - 2].no + 1
                and (over := header_match(lines[i - 2].text)) is not None
                and over[1] == "progress_pct")
        if above.pieces or not cut or lines[i].no != above.no + 1 \
                or any(r.search(above.text) for r in BOILERPLATE_RES) \
                or header_match(above.text) or ":" in above.text:
            return lines
        return [*lines[:i - 1], join_lines([above, lines[i]], spaced=doc.spaced), *lines[i + 1:]]
    return lines


def match_or_key(regex: re.Pattern[str], text: str, ocr: bool) -> re.Match[str] | KeyMatch | None:
    """``regex`` at the start of ``text``; after OCR also in key form (marks lost)."""
    return regex.match(text) or (match_key(regex.pattern, text) if ocr else None)


def links_match(text: str, ocr: bool) -> re.Match[str] | KeyMatch | None:
    """The links line (:data:`LINKS_RE`); after OCR also :data:`OCR_LINKS_RE`."""
    return match_or_key(LINKS_RE, text, ocr) or (OCR_LINKS_RE.match(text) if ocr else None)


def banner_match(text: str, ocr: bool) -> re.Match[str] | KeyMatch | None:
    """The assessment banner (:data:`BANNER_RE`); after OCR also :data:`OCR_BANNER_RE`."""
    return match_or_key(BANNER_RE, text, ocr) or (
        match_or_key(OCR_BANNER_RE, text, ocr) if ocr else None)


def opens_page(text: str, ocr: bool) -> bool:
    """A line of the page proper: a header value, the links line, the banner or a heading."""
    found = header_match(text)
    return bool(found and found[1] in _TOP_COLUMNS) or (
        links_match(text, ocr) or banner_match(text, ocr)) is not None


def read_responsible(doc: RepairedText, line: Line, project: RawRow) -> None:
    """The line under the progress line: a person with a phone, or a unit (→ division).

    A unit there (``ฝ่ายโยธา``, ``กลุ่มงาน…``) names who is responsible, not the
    agency: the agency is what the page states on its ``<agency> : (<year>)`` line.
    """
    speck = _SPECK_RE.match(line.text) if doc.ocr_used and not _UNIT_WORDS.match(line.text) \
        else None
    at = speck.end() if speck and _UNIT_WORDS.match(line.text[speck.end():]) else 0
    raw = doc.raw_in(line, at, len(line.text))
    if raw is None:
        return
    if _UNIT_WORDS.match(raw.text) and not re.match(rf"^\s*{_TITLE}", raw.text):
        # a unit may carry a phone too: "ฝ่ายโยธา โทร. 6543"
        split_person_raw(doc, raw, project, "_unit", "responsible_phone", person=False)
        unit = project.fields.pop("_unit", None)
        if project.fields.get("division") is None:
            project.fields["division"] = unit if unit is not None else raw
        return
    if "responsible_person" not in project.fields:
        _read_person(doc, raw, project)


def check_bare_progress(bare: Raw | None, project: RawRow, out: Extraction) -> None:
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


def code_from_url(doc: RepairedText, project: RawRow, out: Extraction) -> None:
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
    elif code_dashed(stated.text) != code:
        out.findings.append(Finding(
            "projects", None, "project_code", "warning", "ambiguous_value",
            f"line {stated.span.line_no}: project code {stated.text} and {code} in "
            f"{where} differ; the page's text is kept"))


def read_header_value(doc: RepairedText, line: Line, m: re.Match[str], column: str,
                      project: RawRow, out: Extraction) -> None:
    """Put the values of header line ``m`` (a :data:`HEADER_LINES` ``column``) in ``project``."""
    if column == "_name_code":
        name = doc.raw_match(m, "name", line=line)
        if name is not None:
            put_first(project, "project_name", strip_outline_raw(doc, name, name=True))
        put_first(project, "project_code", doc.raw_match(m, "code", line=line))
    elif column == "_agency_year":
        agency = doc.raw_match(m, "agency", line=line)
        if agency is not None:
            split_agency_raw(doc, agency, project)
        put_first(project, "fiscal_year_be", doc.raw_match(m, "year", line=line))
    elif column == "_person":
        raw = doc.raw_match(m, "value", line=line)
        if raw is not None and "responsible_person" not in project.fields:
            _read_person(doc, raw, project)
    elif column == "_unit_code_spaced":
        group = "value" if m.group("value") is not None else "value_"
        spaced = m.group("spaced") or m.group("spaced_")
        if spaced.replace(" ", "") == m.group(group):
            put_first(project, "unit_code", doc.raw_match(m, group, line=line))
        else:
            out.findings.append(Finding(
                "projects", None, "unit_code", "warning", "ambiguous_value",
                f"line {line.no}: unit code pair {m.group(0).strip()!r} differs past a "
                "space OCR read in one code; neither is kept"))
    elif column == "unit_code":
        raw = doc.raw_match(m, "value", line=line)
        second = m.group("second")
        if second is not None and second != m.group("value"):
            out.findings.append(Finding(
                "projects", None, "unit_code", "warning", "ambiguous_value",
                f"line {line.no}: unit code pair {m.group('value')}/{second} differs; "
                "the first is kept"))
        put_first(project, "unit_code", raw)
    else:
        put_first(project, column, doc.raw_match(m, "value", line=line))


def put_first(row: RawRow, column: str, raw: Raw | None) -> None:
    """Keep the first stated value of a column."""
    if raw is not None and row.fields.get(column) is None:
        row.fields[column] = raw


def _read_person(doc: RepairedText, raw: Raw, project: RawRow) -> None:
    """Name and phone; an extension alone (``(ต่อ 1601)``, ``ภายใน 1601``) is the phone."""
    m = _EXTENSION_RE.match(raw.text)
    if m is None or re.search(rf"โทร|[Tt]el|{DIGIT}", m.group("name")):
        split_person_raw(doc, raw, project, "responsible_person", "responsible_phone")
        return
    project.fields["responsible_person"] = doc.sub_raw(raw, m.start("name"), m.end("name"))
    project.fields["responsible_phone"] = doc.sub_raw(raw, m.start("phone"), m.end("phone"))
