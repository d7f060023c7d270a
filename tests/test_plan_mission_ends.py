"""A plan's last mission ends at the heading set right under it.

Plans are generated from known values (bench/corpus ``plan``); their SWOT part
is left out and the budget summary's heading (สรุปโครงการและงบประมาณ...) or a
part's (``ส่วนที่ ๒ ...``) set right under the last mission, no blank line
between, as a text file and as an HTML page (the heading an ``<h3>`` or a
paragraph under the list's paragraphs). The truth is the generated missions:
the heading is none of the last one's words.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.render import ruled_table_page

_NUMBER = re.compile(r"^[0-9๐-๙]{1,2}\.\s*")


def _close_missions(doc: GeneratedDoc, part: bool) -> list[str]:
    """Set the next heading right under the last mission; return the missions as generated."""
    lines = doc.text.split("\n")
    head = lines.index("พันธกิจ")
    first = head + 2
    last = first
    while lines[last + 1].strip():
        last += 1
    missions = [_NUMBER.sub("", line) for line in lines[first:last + 1]]
    summary = next(i for i, line in enumerate(lines) if line.startswith("สรุปโครงการ"))
    heading = ["ส่วนที่ 2 สรุปโครงการ"] if part else []
    lines[last + 1:summary] = heading
    doc.text = "\n".join(lines)
    return missions


@pytest.mark.parametrize("part", [False, True])
@pytest.mark.parametrize("kind", ["txt", "html"])
def test_last_mission_ends_at_the_next_heading(tmp_path: Path, kind: str, part: bool) -> None:
    for k in range(4):
        doc: GeneratedDoc = GENERATORS["plan"](random.Random(f"mission-ends-{k}"))
        missions = _close_missions(doc, part)
        path = tmp_path / f"plan-{k}.{kind}"
        if kind == "txt":
            path.write_text(doc.text, encoding="utf-8")
        else:
            path.write_text(ruled_table_page(doc), encoding="utf-8")
        processed = process_file(path)
        assert processed.layout == "annual_action_plan", path.name
        assert processed.rows("plans")[0].missions == missions, (kind, part, k)
