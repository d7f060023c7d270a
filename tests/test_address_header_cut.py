"""A page's address printed at its top, cut into cells by the reader, is furniture.

A tracking system's history printed from the browser with the page's address in a
fixed header at each page's top (``https://…/project/history``, small and letter
spaced): the PDF reader cuts the address into cells at a wide gap between two of its
letters (``\\thttps://…/project/histor\\ty``). Taken for a table row it was read into the
last entry of the page before (its obstacles took the address:
:func:`bma_etl.furniture_marks.printed_by_browser`). The history is generated (bench/corpus
``web_history``), cut into three pages each opened by the address and closed by a
running footer; the truth is every entry's problems and obstacles as generated.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts import web_progress_history
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS

HOSTS = ("pmss.bangkok.go.th", "dds.bangkok.go.th", "plan.bma.go.th")


def _cut(address: str, rng: random.Random) -> str:
    """The address as a reader cuts it: a leading cell, then split between two letters."""
    at = rng.randrange(len(address) - 6, len(address) - 1)
    return f"\t{address[:at]}\t{address[at:]}"


@pytest.mark.parametrize("seed", [3, 7, 29, 31])
def test_cut_address_is_no_entry_text(seed: int) -> None:
    rng = random.Random(f"address-cut-{seed}")
    doc = GENERATORS["web_history"](rng)
    lines = doc.text.split("\n")
    address = f"https://{rng.choice(HOSTS)}/project/history?id={rng.randint(100, 9999)}x"
    obstacles = [k for k, line in enumerate(lines) if line.startswith("** อุปสรรค")]
    assert len(obstacles) >= 3, "fewer than three entries: no page break after an entry"
    cuts = [obstacles[0] + 1, obstacles[-2] + 1]  # pages end after an entry's obstacles
    footer = f"ระบบติดตามโครงการ กรุงเทพมหานคร | พิมพ์ {rng.randint(1, 28):02d}/07/2567"
    pages = [[address, *lines[:cuts[0]], footer],
             [_cut(address, rng), *lines[cuts[0]:cuts[1]], footer],
             [_cut(address, rng), *lines[cuts[1]:], footer]]
    texts = ["\n".join(page) for page in pages]
    starts = (0, len(texts[0]) + 1, len(texts[0]) + len(texts[1]) + 2)
    whole = "\n".join(texts)
    text = RepairedText.of(whole, starts, furniture=furniture_lines(whole, starts))
    normalized = normalize(web_progress_history.extract(text), text.text, (), None)
    updates = build_records(normalized, "0" * 64)["progress_updates"]
    want = [(row.get("problems"), row.get("obstacles"))
            for row in doc.truth["tables"]["progress_updates"]]
    assert [(u.problems, u.obstacles) for u in updates] == want
