"""A plan's budget tables with a budget column for another year beside this year's.

Agencies print last year's budget beside the plan's (``งบประมาณปี 2566 |
งบประมาณปี 2567`` in a plan for 2567), in either order. With last year's column
first every budget and section total was read from it. The budget column is the
one whose header names the plan's fiscal year; a column naming another year is
never read as the budget, and when no header names the plan's year the budgets are
not read (NULL, with a quality issue). Plans are generated (bench/corpus) and the
other year's column added to their tables; the truth is the values generated.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS, _rng
from corpus.score import score

_BUDGETED = ("plan_projects", "plan_sections")


def _other_amount(cell: str) -> str:
    """Another year's cell for ``cell``: nine tenths of its amount, ``-`` for none stated."""
    digits = cell.split(" ")[0].replace(",", "")
    if not digits.replace(".", "").isdigit():
        return "-" if cell.strip() else ""
    return f"{int(Decimal(digits) * 9 / 10):,} บาท"


def _with_year_column(text: str, this: str, other: str, other_first: bool) -> str:
    """``text`` with another year's budget column beside each table's budget column."""
    out: list[str] = []
    col: int | None = None
    for line in text.split("\n"):
        cells = line.split("\t")
        if "งบประมาณ" in cells:
            col = cells.index("งบประมาณ")
            pair = [f"งบประมาณปี {other}", f"งบประมาณปี {this}" if this else "งบประมาณ (บาท)"]
            cells[col:col + 1] = pair if other_first else pair[::-1]
        elif not line.strip():
            col = None
        elif col is not None and len(cells) > col:
            cells.insert(col if other_first else col + 1, _other_amount(cells[col]))
        out.append("\t".join(cells))
    return "\n".join(out)


def _plans(seed: int, other_first: bool, years: tuple[int, int | None] = (-1, 0)
           ) -> list[tuple[str, dict[str, list[dict[str, object]]]]]:
    """Three generated plans, their budget tables given a column of year ``years[0]`` more.

    ``years[1]``: the year the budget column's header names (None: it names none).
    """
    out = []
    for n in range(3):
        doc = GENERATORS["plan"](_rng(seed, "plan", n))
        year = doc.truth["tables"]["plans"][0]["fiscal_year_be"]
        this = "" if years[1] is None else str(year + years[1])
        text = _with_year_column(doc.text, this, str(year + years[0]), other_first)
        assert text != doc.text, "the generator no longer heads the budget column งบประมาณ"
        out.append((text, {name: doc.truth["tables"][name] for name in _BUDGETED}))
    return out


def _all_right(tmp_path: Path, seed: int, other_first: bool,
               years: tuple[int, int | None] = (-1, 0)) -> None:
    for n, (text, tables) in enumerate(_plans(seed, other_first, years)):
        path = tmp_path / f"plan_{n}.txt"
        path.write_text(text, encoding="utf-8")
        result = score(process_file(path), {"tables": tables})
        assert result.total > 0 and result.lost == [], (n, result.lost[:6])


def test_last_year_column_before_this_years(tmp_path: Path) -> None:
    _all_right(tmp_path, 2417, other_first=True)


def test_last_year_column_after_this_years(tmp_path: Path) -> None:
    _all_right(tmp_path, 2419, other_first=False)


def test_last_year_column_before_one_naming_no_year(tmp_path: Path) -> None:
    """``งบประมาณปี 2566 | งบประมาณ (บาท)``: the column naming no year is this year's."""
    _all_right(tmp_path, 2459, other_first=True, years=(-1, None))


def test_no_column_of_the_plans_year(tmp_path: Path) -> None:
    """Columns of the two years before the plan's: no budget read, a quality issue instead."""
    for n, (text, tables) in enumerate(_plans(2437, other_first=True, years=(-2, -1))):
        path = tmp_path / f"plan_{n}.txt"
        path.write_text(text, encoding="utf-8")
        processed = process_file(path)
        got = processed.tables["plan_projects"]
        assert len(got) == len(tables["plan_projects"])
        strategic_key = [r for r in got if r.section in ("strategic", "key")]
        assert strategic_key and all(r.budget_thb is None for r in strategic_key)
        assert any("other years" in (i.message or "") for i in processed.tables["quality_issues"]
                   ), processed.tables["quality_issues"]


def test_grand_total_under_the_last_table(tmp_path: Path) -> None:
    """A total of every section (``รวมงบประมาณทั้งสิ้น (ทุกประเภท)``) under the routine
    table is no routine total: the routine section keeps its own, the sum of its items."""
    for n in range(3):
        doc = GENERATORS["plan"](_rng(2441, "plan", n))
        sections = doc.truth["tables"]["plan_sections"]
        grand = sum(Decimal(s["stated_total_thb"]) for s in sections)
        lines = doc.text.split("\n")
        header = next(i for i, line in enumerate(lines) if line.startswith("ลำดับที่\tด้าน"))
        total = next(i for i in range(header, len(lines)) if lines[i].startswith("รวม"))
        lines.insert(total + 1, f"รวมงบประมาณทั้งสิ้น (ทุกประเภท)\t{grand:,.0f} บาท")
        path = tmp_path / f"plan_{n}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        tables = {name: doc.truth["tables"][name] for name in _BUDGETED}
        result = score(process_file(path), {"tables": tables})
        assert result.total > 0 and result.lost == [], (n, result.lost[:6])


def test_routine_items_numbered_in_their_column(tmp_path: Path) -> None:
    """A routine list numbered in the ลำดับ column (``1 | ด้าน… | โครงการ… | 2,300,000.- บาท``,
    the group's cell empty below), the heading after it ending in a tab as a PDF's
    text gives it: read from its lines, its items were lost, a grand total taken for
    its own."""
    for n in range(3):
        doc = GENERATORS["plan"](_rng(2447, "plan", n))
        lines = doc.text.split("\n")
        header = next(i for i, line in enumerate(lines) if line.startswith("ลำดับที่\tด้าน"))
        i = header + 1
        while not lines[i].startswith("รวม"):
            cells = lines[i].split("\t")
            no, point, name = cells[2].partition(". ")
            assert point and no.isdigit(), lines[i]
            cells[0], cells[2] = no, name
            lines[i] = "\t".join(cells)
            i += 1
        after = next(j for j in range(i + 1, len(lines)) if lines[j].strip())
        lines[after] += "\t"
        path = tmp_path / f"plan_{n}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        tables = {name: doc.truth["tables"][name] for name in _BUDGETED}
        result = score(process_file(path), {"tables": tables})
        assert result.total > 0 and result.lost == [], (n, result.lost[:6])
