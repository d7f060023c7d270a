"""The tables of an action plan's budget summary by section, a table broken over pages joined.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_budget`, not a layout).
Consumes the summary's budget tables (tab or plain), each with the heading lines
above it and a reader; gives each section its table (:func:`named`). A table under
its section's heading repeated with ``(ต่อ)`` on the next page is the rest of that
section's table and is read with it (:func:`go_on`); a section listed again
otherwise is read once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bma_etl.layouts.base import Finding, Line
from bma_etl.layouts.plan_budget_sections import is_continued, section_of
from bma_etl.layouts.plan_values import BudgetTable

__all__ = ["Part", "go_on", "named"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Part:
    """A budget table of the summary, under the heading naming its section, not read yet.

    ``more`` holds the first lines of the tables that go on with it on later pages
    (under its heading marked ``(ต่อ)``), read with it as one.
    """

    section: str
    named_by: Line
    first_line: int
    read: Callable[[list[Finding]], BudgetTable]
    more: tuple[int, ...] = ()


def go_on(part: Part, first_line: int,
           read: Callable[[list[Finding]], BudgetTable]) -> Part:
    """``part`` with the table at ``first_line`` (its rest, on the next page) read after it.

    The items of both are the section's, numbered as printed; the section's stated
    total is the last one stated (the table's end), or the first part's when the
    rest states none.
    """
    def both(findings: list[Finding]) -> BudgetTable:
        head, rest = part.read(findings), read(findings)
        return BudgetTable(head.items + rest.items, head.amounts + rest.amounts,
                           rest.stated_total if rest.stated_total is not None
                           else head.stated_total, head.unstated + rest.unstated)

    return Part(part.section, part.named_by, part.first_line, both,
                 (*part.more, first_line))


def named(parts: list[tuple[int, list[Line], Callable[[list[Finding]], BudgetTable]]],
           unnamed: list[Finding], headers: dict[int, Line] | None = None) -> dict[str, Part]:
    """Each section's first table; a finding for a table under no section heading.

    A table under the heading of the section just read, marked continued
    (``... (ต่อ)``, :func:`~.plan_budget_sections.is_continued`), is the rest of
    that section's table, broken over a page: read with it (:func:`go_on`).
    ``headers``: the lines by number, where the tables' header rows are
    (:func:`_strategic_by_header`).
    """
    out: dict[str, Part] = {}
    last: str | None = None
    for k, (first_line, headings, read) in enumerate(parts):
        found = section_of(headings)
        if found is None and k == 0 and headers is not None:
            found = _strategic_by_header(headers.get(first_line), parts, unnamed)
        if found is None:
            unnamed.append(Finding("plan_projects", None, None, "warning", "unparsed_line",
                                   f"line {first_line}: budget table under no heading "
                                   "naming its section; skipped"))
            last = None
            continue
        section, named_by = found
        if section in out:
            if section == last and is_continued(named_by.text):
                out[section] = go_on(out[section], first_line, read)
                continue
            log.debug("section %s listed again at line %d; read once", section, first_line)
            last = None
            continue
        out[section] = Part(section, named_by, first_line, read)
        last = section
    return out


def _strategic_by_header(header: Line | None,
                         parts: list[tuple[int, list[Line], Callable[[list[Finding]],
                                                                      BudgetTable]]],
                         unnamed: list[Finding]) -> tuple[str, Line] | None:
    """The strategic section, named by the summary's first table's header; or None.

    The summary lists its sections in order, strategic first. When the heading over
    its first table was not read (OCR lost the line under the summary's heading on a
    Ghostscript re-save of a spreadsheet print), a header row that
    names the strategic projects (``ชื่อโครงการยุทธศาสตร์``) names the table, provided no
    later table's heading names the strategic section. A warning says so.
    """
    if header is None:
        return None
    found = section_of([header])
    if found is None or found[0] != "strategic" \
            or any((later := section_of(h)) is not None and later[0] == "strategic"
                   for _, h, _ in parts[1:]):
        return None
    unnamed.append(Finding("plan_projects", None, None, "warning", "unparsed_line",
                           f"line {header.no}: budget table under no heading naming its "
                           "section, the summary's first: taken for the strategic projects, "
                           "as its header names them"))
    return found
