"""A budget table going on over a page under its section's heading marked ``(ต่อ)``.

A multi-page plan repeats the heading of the section whose table a page break cut
over the rest of the table, marked continued (``... (ต่อ)``, ``(ต่อจากหน้า ๗)``,
``ต่อ`` alone), with the table's header row repeated. The section was taken as
listed a second time and read once: the items after the break and the section's
stated total were lost, with no finding. Such a table goes on with its section:
its items keep their numbers, its total is the section's.

Plans are generated (bench/corpus ``GENERATORS["plan"]``); the break, its page
number, the marked heading and the header row are put into each section's table
after its first item row. The truth is the values generated.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.doc import GeneratedDoc
from corpus.score import score
from thai_fonts import font_file

#: The ways a heading is marked continued.
MARKS = (" (ต่อ)", " (ต่อจากหน้า ๗)", " ต่อ")


def _plans(count: int) -> list[GeneratedDoc]:
    """Generated plans whose every budget table has two item rows or more."""
    docs = []
    for n in range(100):
        doc = GENERATORS["plan"](_rng(2507, "plan", n))
        if len(_breaks(doc.text.split("\n"))) == 3:
            docs.append(doc)
        if len(docs) == count:
            break
    assert len(docs) == count
    return docs


def _breaks(lines: list[str]) -> list[tuple[int, str, str]]:
    """``(index of a table's first item row, its heading, its header row)``, each table.

    Only tables with another item row after the first (a break then leaves rows on
    both pages); the summary runs from สรุปโครงการ to การนำแผนฯ.
    """
    start = next(i for i, ln in enumerate(lines) if ln.startswith("สรุปโครงการ"))
    out = []
    heading = None
    i = start + 1
    while i < len(lines) and not lines[i].startswith("การนำแผน"):
        line = lines[i]
        if line.startswith("ลำดับ") and heading is not None:
            nxt = lines[i + 2] if i + 2 < len(lines) else ""
            if nxt and not nxt.startswith("รวม"):
                out.append((i + 1, heading, line))
        elif line.strip() and "\t" not in line:
            heading = line
        i += 1
    return out


def _continued(text: str, mark: str, sections: set[int]) -> str:
    """``text`` with the tables of ``sections`` (0: the first) broken after their first row."""
    lines = text.split("\n")
    for n, (first, heading, header) in reversed(list(enumerate(_breaks(lines)))):
        if n in sections:
            lines[first + 1:first + 1] = ["", "", f"- {7 + n} -", "", heading + mark, "", header]
    return "\n".join(lines)


def _budget_truth(doc: GeneratedDoc) -> dict[str, Any]:
    tables = copy.deepcopy(doc.truth["tables"])
    return {"tables": {name: tables[name] for name in ("plan_projects", "plan_sections")}}


@pytest.mark.parametrize("mark", MARKS)
def test_each_section_goes_on_under_its_continued_heading(tmp_path: Path, mark: str) -> None:
    for i, doc in enumerate(_plans(2)):
        for n in range(3):
            path = tmp_path / f"plan_{i}_{n}.txt"
            path.write_text(_continued(doc.text, mark, {n}), encoding="utf-8")
            assert f"{mark}\n" in path.read_text(encoding="utf-8")
            result = score(process_file(path), _budget_truth(doc))
            assert result.total > 0 and result.lost == [] and result.extra_rows == 0, \
                (n, result.lost[:6])


def test_every_section_broken_at_once(tmp_path: Path) -> None:
    for i, doc in enumerate(_plans(2)):
        path = tmp_path / f"plan_{i}.txt"
        path.write_text(_continued(doc.text, MARKS[0], {0, 1, 2}), encoding="utf-8")
        result = score(process_file(path), _budget_truth(doc))
        assert result.total > 0 and result.lost == [] and result.extra_rows == 0, result.lost[:6]


def test_continued_headings_in_a_pdf_print(tmp_path: Path) -> None:
    """fpdf2 sets the rows at tab stops: the tables are read from their lines."""
    doc = _plans(1)[0]
    doc.text = _continued(doc.text, MARKS[0], {0, 1, 2})
    pdf = tmp_path / "plan.pdf"
    render.render_fpdf(doc, pdf, "Sarabun", font_file("Sarabun"),
                       _rng(2507, "plan", 0, "fpdf2"), shaping=False)
    result = score(process_file(pdf), _budget_truth(doc))
    assert result.total > 0 and result.lost == [] and result.extra_rows == 0, result.lost[:6]


def test_a_section_listed_again_unmarked_is_read_once(tmp_path: Path) -> None:
    """The routine list printed again later (no ``(ต่อ)``) still adds no item."""
    doc = _plans(1)[0]
    lines = doc.text.split("\n")
    first, heading, header = _breaks(lines)[2]
    again = ["", heading, "", header, lines[first], ""]
    end = next(i for i, ln in enumerate(lines) if ln.startswith("การนำแผน"))
    lines[end:end] = again
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = score(process_file(path), _budget_truth(doc))
    assert result.total > 0 and result.lost == [] and result.extra_rows == 0, result.lost[:6]


def _other_tables_continued(text: str) -> str:
    """``text`` with each other tab table (KPI, scoring levels, steps) broken after a row.

    A table under a heading line and a blank, with two rows or more after its header
    (one or two lines: a header's second line starts with empty cells), gets the page
    break, its heading marked ``(ต่อ)`` and the header repeated after its first row.
    """
    lines = text.split("\n")
    summary = (next(i for i, ln in enumerate(lines) if ln.startswith("สรุปโครงการ")),
               next(i for i, ln in enumerate(lines) if ln.startswith("การนำแผน")))
    breaks = []
    for i in range(len(lines) - 5):
        if summary[0] <= i <= summary[1]:
            continue
        heading, blank, header = lines[i:i + 3]
        if not heading.strip() or "\t" in heading or blank or "\t" not in header:
            continue
        head = [header] + ([lines[i + 3]] if lines[i + 3].startswith("\t\t") else [])
        first = i + 2 + len(head)
        if "\t" in lines[first] and "\t" in lines[first + 1] \
                and not lines[first + 1].startswith("\t\t"):
            breaks.append((first, heading, head))
    assert len(breaks) >= 2
    for first, heading, head in reversed(breaks):
        lines[first + 1:first + 1] = ["", "", "- 9 -", "", heading + MARKS[0], "", *head]
    return "\n".join(lines)


def test_kpi_and_step_tables_go_on_under_their_continued_headings(tmp_path: Path) -> None:
    """A step table's project heading repeated with ``(ต่อ)`` names the same project."""
    for i, doc in enumerate(_plans(2)):
        path = tmp_path / f"plan_{i}.txt"
        path.write_text(_other_tables_continued(doc.text), encoding="utf-8")
        tables = copy.deepcopy(doc.truth["tables"])
        truth = {"tables": {name: rows for name, rows in tables.items()
                            if name.startswith(("plan_steps", "plan_indicators",
                                                "plan_scoring"))}}
        result = score(process_file(path), truth)
        assert result.total > 0 and result.lost == [] and result.extra_rows == 0, result.lost[:6]


def test_swot_lists_go_on_under_their_continued_headings(tmp_path: Path) -> None:
    """``จุดแข็ง (Strength) (ต่อ)`` is the kind's heading again, never an item's last line."""
    for i, doc in enumerate(_plans(2)):
        lines = doc.text.split("\n")
        for word in ("จุดแข็ง", "จุดอ่อน", "โอกาส", "อุปสรรค"):
            at = next(k for k, ln in enumerate(lines) if ln.startswith(word))
            assert lines[at + 2].strip() and lines[at + 3].strip()  # two items or more
            lines[at + 3:at + 3] = ["", "- 3 -", "", lines[at] + MARKS[i % len(MARKS)], ""]
        path = tmp_path / f"plan_{i}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        truth = {"tables": {"plan_swot_items": copy.deepcopy(
            doc.truth["tables"]["plan_swot_items"])}}
        result = score(process_file(path), truth)
        assert result.total > 0 and result.lost == [] and result.extra_rows == 0, result.lost[:6]
