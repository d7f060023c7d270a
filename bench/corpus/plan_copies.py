"""An action plan's text as a PDF viewer copies it: a cell a line, pages and their furniture.

Selecting a printed plan in a PDF viewer and pasting it gives each table cell on a
line of its own (empty cells left out) and keeps each page's furniture where the
page break fell: the page's number (``3``, ``- 3 -``, ``หน้า 3``, in Arabic or Thai
digits, at the page's foot or top) and its running header (a line atop every page:
the plan's title and year, its agency, or both). A table cut by a page break may
print its header again under the running header, or not.

:func:`viewer_copy` makes that text from a generated plan (:func:`corpus.plans.action_plan`),
its values untouched; :func:`numbered_names` first gives some projects a name ending in
a number (``…ระยะที่ 4``) that the print wraps alone onto a line of its own. The truth
stays the generated document's.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from corpus.doc import GeneratedDoc
from corpus.values import thai

#: Page number styles: ``{n}`` is the page's number.
NUMBER_STYLES = ("{n}", "- {n} -", "หน้า {n}", "– {n} –")
#: Running header wordings: ``{year}`` the plan's year (BE), ``{agency}`` its agency.
RUNNING_HEADERS = ("แผนปฏิบัติราชการ ประจำปี พ.ศ. {year}",
                   "แผนปฏิบัติการประจำปี พ.ศ. {year} {agency}",
                   "{agency} กรุงเทพมหานคร",
                   "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. {year} ({agency})")
#: Words before a name's last number (``ระยะที่ 4``, ``รุ่นที่ 2``).
NAME_NUMBER_WORDS = ("ระยะที่", "รุ่นที่", "ครั้งที่", "ปีที่")
_HEADER_RE = re.compile(r"^ลำดับ.*งบประมาณ")
_TOTAL_RE = re.compile(r"^รวม")
_ROW_RE = re.compile(r"^[0-9๐-๙]{1,3}\t")
#: Where a cell wrapped (a line break inside a tab row; made one when copied).
_WRAP = "\x00"


@dataclass(frozen=True, slots=True)
class Pages:
    """How the copied plan's pages look.

    ``style``: a :data:`NUMBER_STYLES` entry; ``top``: the number atop the page (under
    its running header) rather than at its foot; ``running``: the running header's
    text (None: the pages have none); ``header_again``: a table cut by a page break
    prints its header again; ``thai_digits``: the page numbers in Thai digits;
    ``lines``: about how many lines (of the tab text) a page holds; ``in_row``: the
    break forced into a budget table falls inside a row, between its name and its
    budget (a row the print split over two pages), not between two rows.
    """

    style: str
    top: bool
    running: str | None
    header_again: bool
    thai_digits: bool
    lines: int
    in_row: bool = False


def draw_pages(rng: random.Random, doc: GeneratedDoc, *, header_again: bool | None = None
               ) -> Pages:
    """Pages drawn at random for ``doc`` (``header_again`` fixed when given).

    A quarter of them have no running header (their numbers only).
    """
    plan = doc.tables["plans"][0]
    year = str(plan["fiscal_year_be"])
    running = rng.choice(RUNNING_HEADERS).format(year=year, agency=plan["agency"]) \
        if rng.random() < 0.75 else None
    return Pages(rng.choice(NUMBER_STYLES), rng.random() < 0.5, running,
                 rng.random() < 0.5 if header_again is None else header_again,
                 rng.random() < 0.5, rng.randint(10, 22))


def numbered_names(doc: GeneratedDoc, rng: random.Random, share: float = 0.5) -> int:
    """Give about ``share`` of ``doc``'s strategic and key projects a name ending in a number.

    The name gains ``ระยะที่ 4`` (a word of :data:`NAME_NUMBER_WORDS`, a number from 1
    to 9) in the truth, and in the text with a line break before the number (the
    print wrapped it alone: ``…ระยะที่`` / ``4``). Returns how many names changed.
    """
    changed = 0
    for row in doc.tables["plan_projects"]:
        if row["section"] == "routine" or rng.random() >= share:
            continue
        cell = f"\t{row['name']}\t"
        if doc.text.count(cell) != 1:
            continue
        word, no = rng.choice(NAME_NUMBER_WORDS), rng.randint(1, 9)
        doc.text = doc.text.replace(cell, f"\t{row['name']} {word}{_WRAP}{no}\t")
        row["name"] = f"{row['name']} {word} {no}"
        changed += 1
    return changed


def _budget_rows(lines: list[str]) -> tuple[set[int], dict[int, str]]:
    """Where a budget table's row ends (breaks between rows) and each one's header line."""
    between: set[int] = set()
    header_of: dict[int, str] = {}
    header: str | None = None
    for i, line in enumerate(lines):
        if _HEADER_RE.match(line):
            header = line
            continue
        if header is None:
            continue
        if _TOTAL_RE.match(line) or not line.strip():
            header = None
            continue
        if _ROW_RE.match(line) and i > 0 and not _HEADER_RE.match(lines[i - 1]):
            between.add(i)  # a break before this row: the row above is whole
            header_of[i] = header
    return between, header_of


def viewer_copy(doc: GeneratedDoc, pages: Pages, rng: random.Random) -> str:
    """``doc``'s text cut into pages as ``pages`` says, then copied a cell a line.

    A page ends at a blank line or between two rows of a budget table once it holds
    ``pages.lines`` lines, and at least one break falls inside a budget table (inside
    a row when ``pages.in_row``). At a
    break: the page number (foot style), then the next page's running header, its
    number (top style), and the table's header again when ``header_again``. The
    first page opens with the running header too (and its number, top style).
    """
    lines = doc.text.split("\n")
    between, header_of = _budget_rows(lines)
    forced = rng.choice(sorted(between)) if between else -1
    page = 1
    out: list[str] = []

    def number() -> str:
        text = pages.style.format(n=page)
        return thai(text) if pages.thai_digits else text

    def top() -> None:
        if pages.running is not None:
            out.append(pages.running)
        if pages.top:
            out.append(number())

    top()
    held = 0
    for i, line in enumerate(lines):
        breaks = i == forced or (held >= pages.lines and (not line.strip() or i in between))
        if i == forced and pages.in_row:
            cells = line.split("\t")
            out.append("\t".join(cells[:2]))  # the row's number and name on this page
            line = "\t".join(["", "", *cells[2:]])  # its budget and unit on the next
        if breaks and i > 0:
            if not pages.top:
                out.append(number())
            page += 1
            out.append("")
            top()
            if i in header_of and pages.header_again:
                out.append(header_of[i])
            held = 0
        out.append(line)
        held += 1
    copied: list[str] = []
    for line in out:
        copied += [c for c in line.split("\t") if c] if "\t" in line else [line]
    return "\n".join(copied).replace(_WRAP, "\n")


__all__ = ["NAME_NUMBER_WORDS", "NUMBER_STYLES", "RUNNING_HEADERS", "Pages", "draw_pages",
           "numbered_names", "viewer_copy"]
