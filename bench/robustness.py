"""Robustness benchmark: `make robustness`.

Generates documents of every layout from known values (``bench/corpus``), renders
each as text, HTML (web pages), PDF by several producers in several Thai fonts,
and scans at 150/200/300 dpi, reads every file with the pipeline and counts the
fields it reads right against the values the document was written from.

Prints a table per medium x producer x font x dpi (fields right %, fields right as
spaced % (white space between letters counted), detection %,
documents quarantined), the lost fields per kind, and last one machine-readable
line: ``ROBUST key=value ...``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from corpus.build import GENERATORS, PDF_PRODUCERS, Rendering, build
from corpus.run import by_layout, dump, evaluate, lost_kinds, summary, table


def earlier(folder: Path) -> list[Rendering]:
    """The renderings ``folder/results.json`` lists, their files looked for in ``folder``.

    The folder may have been copied or moved since: a file is found by its name.
    Raises FileNotFoundError when the results or one of the files is not there.
    """
    rows = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    out = []
    for row in rows:
        fields = {k: row[k] for k in Rendering.__dataclass_fields__}
        for key in ("path", "truth"):
            fields[key] = str(folder / Path(fields[key]).name)
            if not Path(fields[key]).exists():
                raise FileNotFoundError(fields[key])
        out.append(Rendering(**fields))
    return out


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
    parser.add_argument("--fonts", default="",
                        help="Thai font families to print the PDFs in, comma-separated "
                             "(any installed one, `fc-list :lang=th`; default: the corpus fonts)")
    parser.add_argument("--out", type=Path, default=None,
                        help="keep the corpus and results.json here (default: a temp folder)")
    parser.add_argument("--reread", action="store_true",
                        help="read the files of an earlier --out again (its results.json), "
                             "not building the corpus: a scan built again differs in its "
                             "metadata, so only the same files find their cached OCR")
    args = parser.parse_args(argv)
    folder = args.out or Path(tempfile.mkdtemp(prefix="bma-robustness-"))
    # OCR results are cached by content hash; a cache of this run's own keeps timings cold
    # unless --out points at a folder used before.
    os.environ.setdefault("BMA_ETL_CACHE", str(folder / "cache"))
    try:
        began = time.perf_counter()
        if args.reread:
            if args.out is None:
                parser.error("--reread needs --out, the folder of an earlier run")
            renderings = earlier(folder)
        else:
            renderings = build(folder, args.n, args.seed, scans=args.scans,
                               producers=tuple(p for p in args.producers.split(",") if p),
                               generators=tuple(g for g in args.generators.split(",") if g),
                               font_families=tuple(f for f in args.fonts.split(",") if f))
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
