"""A fax machine's header atop each page is furniture, read in cells and misread by OCR.

A fax machine prints one line over every page it sends: the date and time, the
sender's name and numbers, the page as ``P.001/002``. OCR reads the line in cells
(gaps between its parts) and differently on each page (``TO:`` as ``70:``,
``P.002/002`` as ``7.002/0062``). A line in cells was never a running header (a table
row is content), so a later page's header was read into the field the page before
ended with (the seventeenth tester's ``A_fax.pdf``: the strategy goal stored with
``DEC -07-2026 09:14 FROM: …`` after it). Such a line is now furniture when it is
nearly the first page's first line.

A legacy form is generated from known values, its lines set on two or three pages (a
form feed between them, as a text file marks pages) with the header atop each, misread
on the later pages; every place a page may break is tried. The truth is the generated
values.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.score import score

#: OCR's confusions in a fax header's letters and digits (what a later page may read).
_MISREADS = {"T": "7", "O": "0", "P": "7", "1": "l", "S": "5", ":": ";"}


def _header(rng: random.Random, page: int, pages: int, misread: bool) -> str:
    line = (f"DEC-07-2026 09:14 FROM: DDS CANAL DIV 02 248 5115\tTO: 02 224 1946"
            f"\tP.{page:03d}/{pages:03d}")
    if misread:
        spots = [k for k, ch in enumerate(line) if ch in _MISREADS]
        for k in rng.sample(spots, 2):
            line = line[:k] + _MISREADS[line[k]] + line[k + 1:]
    return line


@pytest.mark.parametrize("seed", [1, 2])
def test_a_fax_header_atop_each_page_leaves_every_value_as_generated(seed: int,
                                                                     tmp_path: Path) -> None:
    doc = GENERATORS["legacy_tab"](random.Random(f"fax-{seed}"))
    truth = json.loads(doc.truth_json())
    lines = [line for line in doc.text.splitlines() if line.strip()]  # OCR keeps no blank line
    rng = random.Random(seed)
    failures = []
    for cut in range(4, len(lines) - 3):
        cuts = [cut] if cut % 2 else [cut // 2 + 2, cut]  # two pages, or three
        pieces = [lines[a:b] for a, b in zip([0, *cuts], [*cuts, len(lines)], strict=True)]
        pages = ["\n".join([_header(rng, k, len(pieces), misread=k > 1), *piece])
                 for k, piece in enumerate(pieces, start=1)]
        path = tmp_path / f"fax-{cut}.txt"
        path.write_text("\f".join(pages), encoding="utf-8")
        right, total, lost = score(process_file(path), truth)
        if right != total:
            failures.append((cut, lost[:2]))
    assert failures == []
