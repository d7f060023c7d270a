"""A progress-history entry with a field the warehouse has no column for.

The tracking system may print more ``** <label> :`` lines under an entry than its
problems and obstacles (``** ข้อเสนอแนะ :ควรเร่งรัด…``, ``** แนวทางแก้ไข :…``). Such a
line ends the field above it: its value is neither the problems nor the obstacles,
and an issue names its label. The pages are generated (``bench/corpus/web.py``
``progress_history``); the truth is the values they were generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.web import progress_history
from read_back import assert_read_as_generated
from thai_fonts import font_file

#: Fields of no column, as a page may print them (label, value).
OTHER_FIELDS = (("ข้อเสนอแนะ", "ควรเร่งรัด 30 วัน ร้อยละ 20"),
                ("แนวทางแก้ไข", "ประสานสำนักการโยธา"),
                ("หมายเหตุ", "ผู้รับจ้างขอขยายเวลา 45 วัน"))
_OBSTACLES = "** อุปสรรคของโครงการ :"


def _with_other_field(text: str, rng: random.Random) -> tuple[str, str]:
    """``text`` with a field of no column before (or after) each entry's obstacles."""
    label, value = rng.choice(OTHER_FIELDS)
    extra = f"** {label} :{value}"
    lines: list[str] = []
    for line in text.split("\n"):
        if line.startswith(_OBSTACLES) and rng.random() < 0.5:
            lines += [line, extra]  # after the obstacles: it ends them
        elif line.startswith(_OBSTACLES):
            lines += [extra, line]  # between the problems and the obstacles
        else:
            lines.append(line)
    return "\n".join(lines), label


@pytest.mark.parametrize("seed", range(4))
def test_a_field_of_no_column_ends_the_field_above_with_an_issue(
        seed: int, tmp_path: Path) -> None:
    doc = progress_history(random.Random(f"other-field-{seed}"))
    text, label = _with_other_field(doc.text, random.Random(seed))
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)
    issues = process_file(path).tables["quality_issues"]
    assert sum(label in i.message for i in issues) == text.count(f"** {label} :")


def test_a_field_of_no_column_on_a_printed_page(tmp_path: Path) -> None:
    doc = progress_history(random.Random("other-field-pdf"))
    doc.text, label = _with_other_field(doc.text, random.Random(7))
    pdf = tmp_path / "history.pdf"
    render.render_fpdf(doc, pdf, "Loma", font_file("Loma"), random.Random(7), shaping=False)
    assert_read_as_generated(pdf, doc.truth)
    assert any(label in i.message for i in process_file(pdf).tables["quality_issues"])
