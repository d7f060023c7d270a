"""The project-detail page's labels: the columns they fill and the fields we hold no column for.

Stage: extract (:mod:`bma_etl.layouts.web_project_detail` matches each line against
:data:`LABEL_RES`, and on OCR'd pages against :data:`OCR_LABELS`).

The page prints more fields than the warehouse holds (``ประเภทงบประมาณงบกลาง 2567``,
``ชื่อโครงการ (ภาษาอังกฤษ)Elderly…``). Such a line is a label too: it ends the value
above it (an agency or a project name the page wrapped would otherwise swallow it),
and its own value is not loaded but named in a finding. It is one of
:data:`PROJECT_LABELS` whose column is ``_other``, a held label's words with a
qualifier in brackets after them (:func:`qualified_label`), or, below a value that
wraps at most once, any line ``X : value`` (:func:`colon_label`).
"""

from __future__ import annotations

import re
from collections.abc import Set

from bma_etl.document import Line
from bma_etl.layouts.web_detail_labels import OCR_ID
from bma_etl.matchkey import literal_of
from bma_etl.matchlabel import LEADER_AFTER
from bma_etl.matchstart import lookalike_labels, lookalike_start
from bma_etl.normalize.digits import to_arabic_digits

_D = "[0-9๐-๙]"

#: Labels as printed → projects column. A label is matched at the start of a line
#: and its value is the rest of the line (glued, or after a tab or colon). Keys
#: starting with ``_`` are handled by code; ``_skip`` labels hold no contract
#: column but still end the value above them; ``_other`` labels are fields the
#: warehouse does not hold, named in a finding. Longer labels come first.
PROJECT_LABELS: dict[str, str] = {
    r"รหัสโครงการ": "project_code",
    rf"ปี(?:งบประมาณ)?(?:\s*พ\.ศ\.)?(?=[\s:]*{_D}{{4}}\s*$)": "fiscal_year_be",
    r"ชื่อโครงการ(?:\s*/\s*กิจกรรม)?": "project_name",
    r"Policy\s*ID": "policy_id",
    r"Branch\s*ID": "branch_id",
    r"Kpi\s*ID": "kpi_id",
    r"Project\s*Type": "_other",
    r"งบฯ?\s*ที่ได้รับ\s*(?:\(\s*(?:พัน|ล้าน)?บาท\s*\))?": "budget_allocated_thb",
    r"งบฯ?\s*ที่ใช้ไป\s*(?:\(\s*(?:พัน|ล้าน)?บาท\s*\))?": "budget_spent_thb",
    r"งบฯ?\s*คงเหลือ\s*(?:\(\s*(?:พัน|ล้าน)?บาท\s*\))?": "_other",
    r"งบประมาณ\s*ที่ได้รับ\s*(?:\(\s*(?:พัน|ล้าน)?บาท\s*\))?": "budget_allocated_thb",
    r"งบประมาณ\s*ที่ใช้ไป\s*(?:\(\s*(?:พัน|ล้าน)?บาท\s*\))?": "budget_spent_thb",
    r"ประเภทงบประมาณ": "_other",
    r"คืบหน้าล่าสุด": "progress_pct",
    r"หน่วยงาน(?:ที่รับผิดชอบ)?": "_agency_path",
    r"Start\s*Date": "start_date",
    r"Finish\s*Date": "end_date",
    r"วันที่เริ่มต้น(?:โครงการ)?": "start_date",
    r"วันที่สิ้นสุด(?:โครงการ)?": "end_date",
    r"สถานะโครงการ": "_other",
    r"หลักการและเหตุผล": "rationale",
    r"วัตถุประสงค์": "objectives",
    r"เป้าหมายโครงการ": "_skip",  # the project's own target figure (100 ร้อยละ)
    r"เป้าหมาย": "target",
    r"ผู้รับผิดชอบ": "_responsible",
    r"ผู้ตรวจประเมิน": "_coordinator",
    r"หมายเหตุ": "_skip",
    r"นโยบาย\s*ผว\.?": "_skip",
    r"ค่าน้ำหนัก": "_skip",
    r"ผลการดำเนินการ": "_skip",
    r"หน่วยนับ": "_skip",
    r"อธิบายรายละเอียดความคืบหน้า": "_skip",
    r"ข้อมูลโครงการ\s*/\s*กิจกรรม": "_skip",
}
LABEL_RES = [
    # a Word print's dotted leader between label and value is neither (``หน่วยงาน…….สำนัก…``)
    (re.compile(rf"^\s*(?:{label})[ \t]*:?[ \t]*(?:{LEADER_AFTER})?(?P<value>.*?)\s*$"), column)
    for label, column in PROJECT_LABELS.items()
]
OCR_LABELS = {label: label.replace(r"\s*ID", OCR_ID)
              for label in PROJECT_LABELS if label.endswith(r"\s*ID")}
#: The budget labels with ``งบฯ`` or ``(บาท)`` read as Latin letters, a speck after them
#: (``aun ที่ได้รับ``, ``qu" ที่ใช้ไป``, ``(U1N)``), or ``ฯ`` as one or two other signs or
#: letters (``งบๆ``, ``งบซ``, ``งบขฯ``): the rest of the words and an amount right after.
OCR_LABELS.update({label: label.replace(
    "งบฯ?", r"(?:งบ\S{0,2}|[A-Za-z]{2,4}[^\sA-Za-z0-9]?)").replace(
    "บาท", "(?:บาท|[A-Za-z0-9]{2,4})") + r"(?=\s*[0-9๐-๙])"
    for label in PROJECT_LABELS if label.startswith("งบฯ?")})
#: A label whose first letter OCR read as its look-alike (``จบฯ ที่ได้รับ``) where the
#: rest of its words pins it and so opened it reads no other label (:mod:`~bma_etl.matchstart`).
LOOKALIKE_LABELS = lookalike_labels({label: literal_of(label) for label in PROJECT_LABELS})
OCR_LABELS.update({label: lookalike_start(OCR_LABELS.get(label, label))
                   or OCR_LABELS.get(label, label) for label in LOOKALIKE_LABELS})
#: The name label with its ``ช`` read as ``ซ``, the letter Tesseract confuses it with
#: (``ซื้อโครงการโครงการจัดหา…``); ``ซื้อ`` opens no other label.
OCR_LABELS[r"ชื่อโครงการ(?:\s*/\s*กิจกรรม)?"] = r"[ชซ]ื่อโครงการ(?:\s*/\s*กิจกรรม)?"
#: The date labels with ``Date`` read as junk glued to the date (``Start ไว๊ล6เ62021-10-01
#: 00:00:00.000``): the word ``Start`` or ``Finish`` whole, then an ISO date within a few
#: characters. Otherwise the line is no label's and continues the agency above it.
OCR_LABELS.update({label: label.replace(r"\s*Date", r"\s*\S{1,8}?(?=[0-9]{4}-[0-9]{2}-[0-9]{2})")
                   for label in PROJECT_LABELS if label.endswith(r"\s*Date")})

#: A held label's words with a qualifier in brackets that is no unit (``ชื่อโครงการ
#: (ภาษาอังกฤษ)Elderly…``): the value as read starts with the bracket.
_QUALIFIER_RE = re.compile(r"\(\s*(?P<words>[^\d๐-๙()]{1,30}?)\s*\)")
_UNIT_WORDS = re.compile(r"(?:พัน|ล้าน)?บาท|หน่วย")
#: ``X : value``: a label of at most three words, no digits, a colon, a value.
_COLON_LABEL_RE = re.compile(
    r"^\s*(?P<label>[^\s:0-9๐-๙()][^:0-9๐-๙()\t]{0,29}?)\s*:\s*\S")


def qualified_label(value: str) -> str | None:
    """The bracketed qualifier ``value`` opens with, when it is no unit (``ภาษาอังกฤษ``).

    ``value``: what follows a label's words on its line.

    >>> qualified_label("(ภาษาอังกฤษ)Elderly Health"), qualified_label("(บาท)1,000")
    ('ภาษาอังกฤษ', None)
    """
    m = _QUALIFIER_RE.match(value)
    if m is None or _UNIT_WORDS.fullmatch(m["words"].strip()):
        return None
    return m["words"]


def colon_label(text: str) -> str | None:
    """The label of a line ``X : value`` (at most three words, no digits), or None.

    >>> colon_label("ประเภทงบประมาณ : งบกลาง 2567"), colon_label("กรุงเทพมหานคร")
    ('ประเภทงบประมาณ', None)
    """
    m = _COLON_LABEL_RE.match(text)
    if m is None or len(m["label"].split()) > 3:
        return None
    return m["label"].strip()


#: Columns a page states once: a label of theirs on two lines in a row, with two values, is
#: a list to choose from (a saved page's menu: ``ปีงบประมาณ 2568`` / ``ปีงบประมาณ 2567``).
_ONE_VALUE = frozenset({"fiscal_year_be", "project_code", "budget_allocated_thb",
                        "budget_spent_thb", "progress_pct", "start_date", "end_date"})


def listed_lines(lines: list[Line]) -> frozenset[int]:
    """The numbers of the lines that list values of one field, in a run: no field's value.

    ``lines``: a project-detail page's lines. A page saved with its menu or sidebar holds
    the fiscal years to choose from, one a line (``ปีงบประมาณ 2568`` / ``ปีงบประมาณ 2567``),
    before the project's own ``ปี2567``: the first of them was stored as its year. Two or
    more lines in a row (blank lines between them or not) with one label of a field the
    page states once (:data:`_ONE_VALUE`) and values not all the same are such a list.

    >>> lines = [Line(1, 0, "เมนู"), Line(2, 5, "ปีงบประมาณ 2568"), Line(3, 21, "ปีงบประมาณ 2567"),
    ...          Line(4, 37, "รหัสโครงการ11040000-3402"), Line(5, 62, "ปี2567")]
    >>> sorted(listed_lines(lines))
    [2, 3]
    """
    runs: list[list[tuple[int, str]]] = []
    last: str | None = None
    for line in lines:
        if not line.text.strip():
            continue
        column, value = next(((c, m["value"]) for r, c in LABEL_RES
                              if (m := r.match(line.text)) is not None), (None, ""))
        if column in _ONE_VALUE and column == last:
            runs[-1].append((line.no, value))
        elif column in _ONE_VALUE:
            runs.append([(line.no, value)])
        last = column
    return frozenset(no for run in runs if len(run) > 1 and len({v for _, v in run}) > 1
                     for no, _ in run)


#: Scans: the fiscal year's line with its short label ``ปี`` misread (``12565``, ``U2560``;
#: a fold's ``บี`` ⇥ ``2567``): one or two characters, a gap or not, a Buddhist-era year.
_OCR_YEAR_LINE_RE = re.compile(r"^\s*(?:\S{1,2}\s+|\S{0,2}?)(?P<value>2[4-6][0-9]{2})\s*$")
#: Scans: the Kpi ID's line with its label misread (``Kol ID6348- 6816``,
#: ``%๒1106529-7253``): a few characters, then an ID of two four-digit runs alone.
_OCR_KPI_LINE_RE = re.compile(
    r"^\s*\S{1,6}?(?:\s+\S{1,3}?)?\s*(?P<value>[0-9๐-๙]{4}\s?-\s?[0-9๐-๙]{4})\s*$")
#: Scans: a budget line whose words between ``งบฯ`` and ``(บาท)`` OCR read as no Thai (a
#: shadow or a speck over them: ``งบฯ Wald (บาท)``), then an amount: which budget it is
#: the words no longer say, the place does.
_OCR_BUDGET_LINE_RE = re.compile(
    r"^\s*งบ\S{0,2}[ \t]+[^\u0e00-\u0e7f\s0-9][^\u0e00-\u0e7f\t0-9]{0,11}?[ \t]*"
    r"\(\s*(?:พัน|ล้าน)?บาท\s*\)[ \t:]*(?P<value>[0-9๐-๙].*?)\s*$")


def placed_label(text: str, found: Set[str]) -> tuple[str, int, int] | None:
    r"""A scanned line's column told by where the page prints it, its label misread.

    ``text``: a line of an OCR'd project-detail page; ``found``: the columns read
    above it. Returns ``(column, start, end)`` of the value in ``text``, or None. The
    page prints ``ปี`` between the code and the name, ``Kpi ID`` between the Branch ID
    and the budgets, and ``งบฯ ที่ใช้ไป (บาท)`` after ``งบฯ ที่ได้รับ (บาท)``: a year
    alone, an ID of two four-digit runs, a budget line whose words are no Thai, in
    that place, are those labels' lines.

    >>> placed_label("งบฯ Wald (บาท)\t7,418,925.50", {"budget_allocated_thb"})
    ('budget_spent_thb', 15, 27)
    >>> placed_label("งบฯ Wald (บาท)\t7,418,925.50", set()) is None
    True
    """
    m: re.Match[str] | None = None
    if "branch_id" in found and not (
            {"kpi_id", "budget_allocated_thb", "budget_spent_thb"} & found):
        column, m = "kpi_id", _OCR_KPI_LINE_RE.match(text)
    if m is None and "project_code" in found and not {"fiscal_year_be", "project_name"} & found:
        column, m = "fiscal_year_be", _OCR_YEAR_LINE_RE.match(to_arabic_digits(text))
    if m is None and "budget_allocated_thb" in found and "budget_spent_thb" not in found:
        column, m = "budget_spent_thb", _OCR_BUDGET_LINE_RE.match(text)
    return None if m is None else (column, m.start("value"), m.end("value"))
