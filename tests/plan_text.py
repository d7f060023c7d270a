"""A generated action plan's text (``bench/corpus`` ``plan``) as a scan's OCR gives it.

Its budget tables read as a borderless table, its scoring levels run on and wrapped,
its SWOT lists found, and the SWOT items read back and compared with those written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from read_back import records_of
from thai_fonts import font_file

#: A numbered row of a plan's budget table as the generator prints it (tab-separated).
BUDGET_ROW = re.compile(r"^(?P<no>[๑-๙0-9]{1,2})\t(?P<name>โครงการ[^\t]*)\t(?P<rest>.*)$")


def budget_rows_read(text: str, row: Callable[[re.Match[str]], str]) -> str:
    """A generated plan's ``text`` with its budget tables as OCR reads a borderless table.

    Every line of a budget table (from its ``ลำดับ ที่<tab>ชื่อโครงการ`` header to the
    next blank line) has its tabs read as spaces; each numbered row (:data:`BUDGET_ROW`)
    is replaced by ``row(match)``, the damage a test puts on it.
    """
    out: list[str] = []
    table = False
    for line in text.split("\n"):
        table = line.startswith("ลำดับ ที่\tชื่อโครงการ") or (table and bool(line.strip()))
        m = BUDGET_ROW.match(line)
        if m is None:
            out.append(line.replace("\t", " ") if table else line)
        else:
            out.append(row(m))
    return "\n".join(out)


#: A scoring level's line as the plan generator writes it: its level, a tab, then
#: ``ร้อยละ`` and the rest of the row.
LEVEL_LINE = re.compile(r"^(?P<level>[๑-๕1-5])\tร้อยละ (?P<rest>.*)$")
#: A SWOT list's item line as the plan generator writes it (``๑. ข้อความ``).
SWOT_ITEM = re.compile(r"^(?P<no>[๐-๙0-9]{1,2})\. (?P<body>.+)$")


def levels_sheet() -> tuple[Any, list[dict[str, Any]], float]:
    """``(pdf, levels, half)``: an fpdf2 A4 page begun in Sarabun 12 pt for a plan's
    scoring levels set in two halves without rules (a borderless table beside its
    labels), the generated plan's levels (``bench/corpus`` ``plan``, at least five) and
    the width of a half of the text area in mm. Fails the test without Sarabun."""
    import random

    from fpdf import FPDF

    from corpus.build import GENERATORS

    doc = GENERATORS["plan"](random.Random("borderless-columns"))
    levels = doc.truth["tables"]["plan_scoring_levels"]
    assert len(levels) >= 5
    pdf = FPDF(format="A4")
    pdf.add_font("Sarabun", fname=str(font_file("Sarabun")))
    pdf.set_font("Sarabun", size=12)
    pdf.add_page()
    return pdf, levels, (pdf.w - 2 * pdf.l_margin) / 2


def scanned_level_lines(line: str, widths: tuple[int, ...], rng: Any) -> tuple[list[str], bool]:
    """A generated plan's ``line`` as a scan's OCR lines give it, and whether it is a level's.

    A scoring level and its row run on with a space (no tab) and wrap at one of
    ``widths`` characters (``rng``'s choice); the levels' heading row loses its tab;
    another line stays as it is.
    """
    import textwrap

    m = LEVEL_LINE.match(line)
    if m is None:
        heading = line.startswith("ระดับความสำเร็จ\t")
        return [line.replace("\t", " ") if heading else line], False
    return textwrap.wrap(f"{m.group('level')} ร้อยละ {m.group('rest')}".replace("\t", " "),
                         rng.choice(widths)), True


def swot_span(lines: list[str]) -> range:
    """The lines of a generated plan's SWOT analysis (its title to the projects' summary)."""
    first = next(k for k, line in enumerate(lines) if "SWOT" in line)
    last = next(k for k, line in enumerate(lines) if line.startswith("สรุปโครงการ"))
    return range(first, last)


def swot_lists(lines: list[str]) -> list[list[int]]:
    """The indices of each SWOT list's item lines in a generated plan's ``lines``."""
    lists: list[list[int]] = []
    for k in swot_span(lines):
        if SWOT_ITEM.match(lines[k]):
            if not lists or not SWOT_ITEM.match(lines[k - 1]):
                lists.append([])
            lists[-1].append(k)
    return lists


def assert_swot_read(text: str, want: list[dict[str, Any]],
                     words: tuple[tuple[int, int, float], ...] = ()) -> None:
    """Assert the plan ``text`` gives the SWOT items ``want`` (kind and text; a number
    read must be the one written, an unread one may be NULL); ``words``: the OCR'd
    words' ``(start, end, confidence)``, if known."""
    from bma_etl.layouts.annual_action_plan import extract

    got = records_of(extract, text, words=words).get("plan_swot_items", [])
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))
