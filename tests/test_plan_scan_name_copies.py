"""An indicator's name OCR misread over its scoring table, read right elsewhere, on generated plans.

Plans are generated from known values (``bench/corpus``); the quoted name over each
scoring table (``เกณฑ์การให้คะแนน “ระดับความสำเร็จ...”``) is damaged the way Tesseract
misread one letter or mark of it on grey and 1-bit scans (``สำเร็ง`` for ``สำเร็จ``,
``พิ`` for ``พี่``, ``โตด`` for ``โดด``, ``ข้อมุล`` for ``ข้อมูล``), its other copies (the
indicator table, the definition) left as printed. Each level carries the name as
generated; on a text layer the quote is kept as printed. So, too, the names of the
target (indicator) table, misread so or with a tone mark lost. The truth is the
generated values.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from read_back import records_of

#: ``(printed, as OCR read it)``: the first of these a name holds is misread.
_MISREADS = (("สำเร็จ", "สำเร็ง"), ("พี่", "พิ"), ("โดด", "โตด"), ("ข้อมูล", "ข้อมุล"),
             ("ส่งเสริม", "ส่งเสรืม"), ("การ", "กาว"))
_HEADING_RE = re.compile(r"^(เกณฑ์การให้คะแนน “)(?P<name>[^”]*)”$", re.M)


def _misread(name: str, k: int) -> str:
    """``name`` with one of :data:`_MISREADS` made (the k-th it holds, in turn)."""
    found = [(printed, read) for printed, read in _MISREADS if printed in name]
    assert found, name
    printed, read = found[k % len(found)]
    return name.replace(printed, read, 1)


def _damaged(seed: int) -> tuple[Any, str]:
    generated = GENERATORS["plan"](random.Random(seed))
    count = 0

    def heading(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"{m.group(1)}{_misread(m.group('name'), seed + count)}”"

    text = _HEADING_RE.sub(heading, generated.text)
    assert count, "the generator writes quoted scoring headings"
    return generated, text


@pytest.mark.parametrize("seed", range(6))
def test_scoring_levels_carry_the_name_their_other_copies_spell(seed: int) -> None:
    generated, text = _damaged(seed)
    want = [(row["indicator"], row["level"]) for row in generated.tables["plan_scoring_levels"]]
    got = [(r.indicator, r.level)
           for r in records_of(extract, text, screened=False).get("plan_scoring_levels", [])]
    assert got == want


def test_a_text_layer_keeps_the_name_as_printed() -> None:
    generated, text = _damaged(0)
    printed = {m.group("name") for m in _HEADING_RE.finditer(text)}
    got = {r.indicator for r in records_of(extract, text, ocr_used=False)
           .get("plan_scoring_levels", [])}
    assert got == printed
    assert printed != {row["indicator"] for row in generated.tables["plan_scoring_levels"]}


_YEARS = re.compile(r"^[\t ]*(?:[๒2][๕5][0-9๐-๙]{2}[\t ]*){2,}$")
_CELL_SEP = " - "


def _mark_lost(name: str, k: int) -> str:
    """``name`` with one of its tone marks lost (``เมืองนอง`` for ``เมืองน้อง``), the k-th."""
    at = [i for i, ch in enumerate(name) if ch in "\u0e48\u0e49"]
    i = at[k % len(at)]
    return name[:i] + name[i + 1:]


def _target_names_damaged(seed: int, *, mark: bool = False) -> tuple[Any, str, int]:
    """A plan whose target table's names printed over a scoring table and in a definition
    too are misread there (one letter or mark, :data:`_MISREADS`; ``mark``: a tone mark
    lost); and how many were."""
    generated = GENERATORS["plan"](random.Random(seed))
    tables = [{row["indicator"] for row in generated.tables[table]}
              for table in ("plan_kpi_definitions", "plan_scoring_levels")]
    elsewhere = tables[0] & tables[1]
    misread = _mark_lost if mark else _misread
    lines = generated.text.split("\n")
    damaged, rows = 0, False
    for k, line in enumerate(lines):
        rows = (rows and bool(line.strip())) or bool(_YEARS.match(line))
        cells = line.split("\t")
        if not rows or _YEARS.match(line) or len(cells) < 3:
            continue
        names = cells[1].split(_CELL_SEP)
        for j, name in enumerate(names):
            bare = name.removeprefix("- ")
            if bare in elsewhere and (mark or any(p in bare for p, _ in _MISREADS)):
                names[j] = name.replace(bare, misread(bare, seed + k))
                damaged += 1
        cells[1] = _CELL_SEP.join(names)
        lines[k] = "\t".join(cells)
    return generated, "\n".join(lines), damaged


@pytest.mark.parametrize(("seed", "mark"), [(s, m) for s in range(5) for m in (False, True)])
def test_target_rows_carry_the_names_their_other_copies_spell(seed: int, mark: bool) -> None:
    """A target table's names misread, read right over the scoring tables and in the
    definitions: every target row carries the names as generated, a cell's several
    names each mended, joined as printed. So with a tone mark lost that leaves words
    (``เมืองพี่เมืองนอง`` on a 150 dpi scan, seed 561): the two other copies agree."""
    generated, text, damaged = _target_names_damaged(seed, mark=mark)
    assert damaged, "the test misreads a target table's name"
    want = [row["name"] for row in generated.tables["plan_indicators"]]
    got = [r.name for r in records_of(extract, text, screened=False).get("plan_indicators", [])]
    assert got == want


def test_target_names_on_a_text_layer_stay_as_printed() -> None:
    generated, text, damaged = _target_names_damaged(0)
    got = [r.name for r in records_of(extract, text, ocr_used=False,
                                      screened=False).get("plan_indicators", [])]
    assert damaged and got != [row["name"] for row in generated.tables["plan_indicators"]]
