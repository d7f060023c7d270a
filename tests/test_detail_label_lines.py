"""A detail page's label and value on lines of their own, as text dumps lay them out.

A form of ``<label>`` and ``<p class="form-control-plaintext">`` pairs (Bootstrap),
copied by a browser (innerText) or dumped by inscriptis, puts a blank line between a
label and its value; inscriptis lays a table out in columns of spaces and may set a
cell's label on the middle line of a value of several lines (the objectives' items).
Each is written here from a generated page's values (bench/corpus/web.py, the page's
label and value cells) and read back as those values.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from corpus import web
from read_back import assert_read_as_generated

_AIMS = ["เพื่อพัฒนาทักษะการฟังและการพูดของนักเรียน", "เพื่อพัฒนาครูผู้สอนให้ใช้สื่อที่ทันสมัย",
         "เพื่อสร้างเครือข่ายความร่วมมือกับสถาบันภายนอก", "เพื่อลดความเหลื่อมล้ำทางการศึกษา",
         "เพื่อติดตามและประเมินผลการดำเนินงานอย่างต่อเนื่อง"]


def _page(seed: int, aims: int) -> tuple[list[tuple[int, str, list[str]]], dict]:
    """A generated detail page's label and value cells ``(table, label, value lines)``
    (objectives of ``aims`` items, one a line) and its truth, the rationale and
    objectives in it."""
    rng = random.Random(seed)
    doc = web.project_detail(rng, rationale="กรุงเทพมหานครมีนโยบายยกระดับคุณภาพการศึกษา")
    items = _AIMS[:aims]
    truth = doc.truth
    truth["tables"]["projects"][0]["objectives"] = items
    soup = BeautifulSoup(doc.html or "", "html.parser")
    cells: list[tuple[int, str, list[str]]] = []
    for tr in soup.find_all("tr"):
        table = id(tr.find_parent("table"))
        label, *value = (c.get_text().strip() for c in tr.find_all(["th", "td"]))
        lines = [f"{k}. {aim}" for k, aim in enumerate(items, start=1)] \
            if label == "วัตถุประสงค์" else [v for v in value if v]
        cells.append((table, label, lines))
    return cells, truth


def _heads(seed: int) -> list[str]:
    doc = web.project_detail(random.Random(seed))
    return doc.text.split("\n")[:6]


@pytest.mark.parametrize("seed", range(4))
def test_a_label_and_its_value_a_blank_line_apart_are_read(tmp_path: Path, seed: int) -> None:
    cells, truth = _page(seed, 2 + seed % 3)
    lines = _heads(seed)
    for _, label, value in cells:
        if label.startswith("ผลงานเดือนที่"):
            lines.append(" ".join([label, *value]))
        else:
            lines += [label, "", *value, ""]
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_read_as_generated(path, truth)


@pytest.mark.parametrize("seed", range(4))
def test_a_label_set_on_its_cells_middle_line_keeps_its_items(tmp_path: Path,
                                                              seed: int) -> None:
    aims = 3 + seed % 3
    cells, truth = _page(seed, aims)
    paired = {k for _, k, v in cells if v or k.startswith("ผลงานเดือนที่")}
    lines = _heads(seed)
    for table, label, value in cells:  # each table's label column as wide as its labels
        # a cell across the table (colspan) widens no column
        width = max(len(k) for t, k, _ in cells if t == table and k in paired) + 2
        middle = max(0, len(value) - 1) // 2  # the label beside the cell's middle line
        for k, part in enumerate(value or [""]):
            lines.append(f"{(label if k == middle else ''):<{width}}{part}")
    path = tmp_path / "inscriptis.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_read_as_generated(path, truth)
