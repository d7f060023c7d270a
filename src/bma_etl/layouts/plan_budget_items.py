"""Several numbered projects in one name cell of a plan's budget table, each with its amount.

Stage: extract (annual action plan). A ruled project list whose group row
(``ด้าน/แผนงาน``) spans several project rows can reach the layouts as one row:
a page break between two project rows that ReportLab closes with rules on both
pages reads like one row the page cut, so the reader joins the two parts cell by
cell, ``1. โครงการ ก … 2. โครงการ ข …`` in the name cell and ``5,809,500 บาท
14,972,200 บาท`` in the budget cell. :func:`items_in_cell` finds the projects
again when the numbers run on by one and the budget cell states as many amounts,
one per project, in order; otherwise the cell is one project, as before.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bma_etl.layouts.base import FieldValue, Finding, RawRow, RepairedText
from bma_etl.layouts.plan_cells import AMOUNT_RE, DIGIT, Cell, Row
from bma_etl.layouts.plan_values import pieces, put_budget, value
from bma_etl.normalize.digits import to_arabic_digits

#: A project number inside a name cell: ``2. โครงการ`` after a space (a Thai word).
_NEXT_ITEM_RE = re.compile(rf"\s(?P<no>{DIGIT}{{1,2}})\s*\.\s*(?=[ก-ฮเ-ไ])")
#: An amount as the budget cell prints it, ``.-`` and ``บาท`` after it allowed.
_AMOUNT_THEN_BAHT_RE = re.compile(rf"(?P<amount>{AMOUNT_RE.pattern})\s*(?:\.-)?\s*(?:บาท)?")

Span = tuple[int, int]


def items_in_cell(name: str, first_no: Span, body_start: int,
                  budget: str) -> list[tuple[Span, Span, Span]] | None:
    """The projects of a name cell holding several, as (number, name, amount) spans.

    ``name``: the name cell's text, whose first project's number is at ``first_no``
    and name starts at ``body_start``; ``budget``: the budget cell's text, spans of
    the amounts in it. None unless the cell holds two projects or more numbered
    one after another (``1.``, ``2.``, ...) and the budget cell exactly one amount
    for each (and nothing else but ``.-`` and ``บาท``).
    """
    first = int(to_arabic_digits(name[first_no[0]:first_no[1]]))
    starts: list[tuple[Span, int]] = []  # (number span, name start) of each later item
    expected = first + 1
    for m in _NEXT_ITEM_RE.finditer(name, body_start):
        if int(to_arabic_digits(m.group("no"))) == expected:
            starts.append((m.span("no"), m.end()))
            expected += 1
    if not starts:
        return None
    amounts = list(_AMOUNT_THEN_BAHT_RE.finditer(budget))
    if len(amounts) != len(starts) + 1 or re.sub(
            _AMOUNT_THEN_BAHT_RE, "", budget).strip():
        return None
    numbers = [first_no] + [no for no, _ in starts]
    bodies_from = [body_start] + [at for _, at in starts]
    ends = [no[0] for no, _ in starts] + [len(name.rstrip())]
    return [(no, (a, _trimmed_end(name, a, b)), m.span("amount"))
            for no, a, b, m in zip(numbers, bodies_from, ends, amounts, strict=True)]


def _trimmed_end(text: str, start: int, end: int) -> int:
    """``end`` moved left past white space, not before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def several_rows(doc: RepairedText, name: Cell, budget: Cell,
                 spans: list[tuple[Span, Span, Span]], amounts: list[Decimal]) -> list[RawRow]:
    """``plan_projects`` rows of :func:`items_in_cell`'s spans in ``name`` and ``budget``.

    Each row holds ``seq``, ``name``, ``budget_thb`` and ``uses_budget``; each
    amount's value joins ``amounts`` (the section's computed total).
    """
    rows = []
    for (no_a, no_b), (a, b), (amount_a, amount_b) in spans:
        fields: dict[str, FieldValue] = {
            "seq": doc.raw(name.start + no_a, name.start + no_b),
            "name": value(pieces(doc, name.start + a, name.start + b)),
        }
        said = doc.raw(budget.start + amount_a, budget.start + amount_b)
        put_budget(fields, amounts, False, said, ocr=doc.ocr_used)
        rows.append(RawRow("plan_projects", None, fields))
    return rows


#: A name cell opened by an outline number (``๑.๑ กิจกรรมย่อย...``): a sub-activity of
#: the project above it, no project of the table.
_SUB_ITEM_RE = re.compile(rf"{DIGIT}+\.{DIGIT}+\.?\s")
_SUB_FINDING = "sub-activities of project {seq}, kept out of its name (no field holds them)"


def sub_activity(row: Row, name_cell: Cell, project: RawRow, findings: list[Finding]) -> bool:
    """Tell a sub-activity row under a project (``๑.๑ กิจกรรมย่อย…``, no number, no budget).

    plan_projects has no place for it: it is named in one ``unparsed_line``
    finding per project (line numbers and texts), its text kept out of the name.
    """
    if not _SUB_ITEM_RE.match(name_cell.plain):
        return False
    seq = project.fields.get("seq")
    head = _SUB_FINDING.format(seq=getattr(seq, "text", "?"))
    said = f"line {row.line.no}: {name_cell.plain}"
    last = findings[-1] if findings else None
    if last is not None and last.code == "unparsed_line" and last.message.startswith(head):
        findings[-1] = Finding(last.table_name, None, None, "warning", "unparsed_line",
                               f"{last.message}; {said}")
    else:
        findings.append(Finding("plan_projects", None, None, "warning", "unparsed_line",
                                f"{head}: {said}"))
    return True
