"""A budget table printed by LibreOffice from HTML, its header cells run together.

Plans are generated from known values (bench/corpus ``plan``), their amounts
restated in thousands under ``งบประมาณ (พันบาท)`` and their headers damaged the way
LibreOffice's print of an HTML page, borderless and with narrow cell gaps, reads:
the budget's header wrapped (``งบประมาณ (พัน`` / ``บาท)``), its rest set after the
unit column's words (``งบประมาณ (พัน ส่วนราชการที่รับผิดชอบบาท)``, one cell), and the
routine list's number and group headers one cell (``ลำดับที่ ด้าน/แผนงาน``). The truth
is the generated values: amounts in baht, each row's name, budget and unit.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score

_AMOUNT = re.compile(r"(?P<amount>[0-9][0-9,]*(?:\.[0-9]+)?)(?:\.-)? บาท")
_UNIT_HEADER = re.compile(r"^(ลำดับ ?ที่\t[^\t]+)\tงบประมาณ\t(ส่วนราชการ ?ที่รับผิดชอบ)$")
_ROUTINE_HEADER = re.compile(r"^ลำดับที่\t(ด้าน/แผนงาน)\t([^\t]+)\tงบประมาณ$")


def _in_thousands(match: re.Match[str]) -> str:
    amount = Decimal(match["amount"].replace(",", "")) / 1000
    return f"{amount.normalize():,f}"


def _damaged(doc: GeneratedDoc) -> str:
    """The plan's text, amounts in thousands, budget headers as LibreOffice reads them."""
    lines = doc.text.split("\n")
    summary = next(i for i, line in enumerate(lines) if line.startswith("สรุปโครงการ"))
    out = lines[:summary]
    for line in lines[summary:]:
        line = _UNIT_HEADER.sub(lambda m: f"{m[1].replace(' ', '')}\tงบประมาณ (พัน "
                                          f"{m[2].replace(' ', '')}บาท)", line)
        line = _ROUTINE_HEADER.sub(r"ลำดับที่ \1\t\2\tงบประมาณ (พันบาท)", line)
        out.append(_AMOUNT.sub(_in_thousands, line))
    return "\n".join(out)


def test_kbaht_budget_header_run_into_its_neighbours(tmp_path: Path) -> None:
    checked = 0
    for k in range(40):
        doc: GeneratedDoc = GENERATORS["plan"](random.Random(f"kbaht-header-{k}"))
        text = doc.text[doc.text.index("สรุปโครงการ"):]
        if any("๐" <= c <= "๙" for c in text) or "งบประมาณ\tส่วนราชการ" not in text:
            continue
        path = tmp_path / f"plan-{k}.txt"
        path.write_text(_damaged(doc), encoding="utf-8")
        processed = process_file(path)
        assert processed.layout == "annual_action_plan", path.name
        lost = [item for item in score(processed, doc.truth).lost
                if item[0].startswith(("plan_projects.", "plan_sections."))]
        assert not lost, (k, lost)
        checked += 1
        if checked == 4:
            break
    assert checked == 4
