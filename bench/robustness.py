"""Robustness benchmark: `make robustness`.

Generates documents of every layout from known values (``bench/corpus``), renders
each as text, HTML (web pages), PDF by several producers in several Thai fonts,
and scans at 150/200/300 dpi, reads every file with the pipeline and counts the
fields it reads right against the values the document was written from.

Prints a table per medium x producer x font x dpi (fields right %, detection %,
documents quarantined), the lost fields per kind, and last one machine-readable
line: ``ROBUST key=value ...``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from corpus.build import GENERATORS, PDF_PRODUCERS, build
from corpus.run import by_layout, dump, evaluate, lost_kinds, summary, table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=4, help="documents per generator (default 4)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scans", type=int, default=None,
                        help="documents to scan (default: one per document, --n x 5)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--producers", default=",".join(PDF_PRODUCERS),
                        help="PDF producers, comma-separated")
    parser.add_argument("--generators", default=",".join(GENERATORS))
    parser.add_argument("--out", type=Path, default=None,
                        help="keep the corpus and results.json here (default: a temp folder)")
    args = parser.parse_args(argv)
    folder = args.out or Path(tempfile.mkdtemp(prefix="bma-robustness-"))
    # OCR results are cached by content hash; a cache of this run's own keeps timings cold
    # unless --out points at a folder used before.
    os.environ.setdefault("BMA_ETL_CACHE", str(folder / "cache"))
    try:
        began = time.perf_counter()
        renderings = build(folder, args.n, args.seed, scans=args.scans,
                           producers=tuple(p for p in args.producers.split(",") if p),
                           generators=tuple(g for g in args.generators.split(",") if g))
        built = time.perf_counter() - began
        print(f"corpus: {len(renderings)} files in {built:.0f} s -> {folder}", file=sys.stderr)
        results = evaluate(renderings, args.workers)
        seconds = time.perf_counter() - began
        print(table(results))
        print()
        print(by_layout(results))
        print()
        print(lost_kinds(results))
        if args.out:
            dump(results, folder / "results.json")
        figures = summary(results, seconds)
        figures["build_seconds"] = round(built, 1)
        print("ROBUST " + " ".join(f"{k}={v}" for k, v in figures.items()))
    finally:
        if args.out is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
