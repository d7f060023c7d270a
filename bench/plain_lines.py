"""The reader's plain-line path against its full rebuild, on every page of some PDFs.

Reads each page of each PDF given (files, or folders of ``*.pdf``) as the reader
does, its lines built twice: with the lines that need no repair taken by the plain
path (:mod:`bma_etl.read.pdf_fast`) and with every line rebuilt in full. Prints the
lines and pages the plain path took, and every line that came out different
(its text, cells, boxes, gaps, anything :class:`~bma_etl.read.pdf_line.TextLine`
holds); exits 1 when one did.

    .venv/bin/python bench/plain_lines.py tests/fixtures/pdf some/corpus/folder
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def main(argv: list[str]) -> int:
    import bma_etl.read.pdf_fast as fast
    import bma_etl.read.pdf_layers as layers
    from bma_etl.errors import BmaEtlError
    from bma_etl.read.pdf_layout import page_lines

    paths = [
        p
        for arg in argv
        for p in (sorted(Path(arg).glob("*.pdf")) if Path(arg).is_dir() else [Path(arg)])
    ]
    counts = dict.fromkeys(("pages", "plain_pages", "lines", "plain_lines", "differ"), 0)
    taken = [0]
    plain_text = fast.plain_text

    def counted(line: Any) -> str:
        taken[0] += 1
        return plain_text(line)

    fast.plain_text = counted
    import bma_etl.read.pdf_layout as layout

    layout.plain_text = counted

    def both(textpage: Any, rules: tuple[tuple[float, float, float], ...] = ()) -> list[Any]:
        full = page_lines(textpage, rules, fast=False)
        taken[0] = 0
        lines = page_lines(textpage, rules)
        made = sum(1 for line in lines if line.text or line.cells)
        counts["pages"] += 1
        counts["lines"] += made
        counts["plain_lines"] += taken[0]
        counts["plain_pages"] += taken[0] == made and made > 0
        for n, (a, b) in enumerate(zip(full, lines, strict=False)):
            if a != b:
                counts["differ"] += 1
                print(f"{current[0]}: line {n}: full {a!r}\n    plain {b!r}")
        if len(full) != len(lines):
            counts["differ"] += 1
            print(f"{current[0]}: {len(full)} lines in full, {len(lines)} plain")
        return full

    layers.page_lines = both
    current = [""]
    for path in paths:
        current[0] = path.name
        try:
            layers.read_layers(path.read_bytes(), path.name)
        except BmaEtlError as exc:
            print(f"{path.name}: not read ({exc})")
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 1 if counts["differ"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
