"""What Tesseract is given: character error rate of scans against the text they were printed from.

Stage: bench. Takes text-layer PDFs (the robustness corpus's prints), scans the
first page of each with :func:`bench.corpus.scan.scan_pdf` at 150, 200 and 300 dpi,
grey and 1-bit (seeded), renders each scan at 300 dpi and reads it with
:func:`bma_etl.read.ocr.ocr_image` after a preparation named on the command line
(``pipeline``: rendered and cleaned as the pipeline does; ``base``: the same from
the 300 dpi rendering made once; the ``grid`` family renders the scan PDF on its own
pixel grid). ``--groups 150grey,200grey`` reads only those. The truth is each source
page's text layer: every line holding Thai is found in the OCR text by a semi-global
edit distance (the line whole, any span of the page's text), and CER is the sum of
distances over the sum of line lengths (spaces left out). Prints CER per dpi and
grey/1-bit, and seconds a page.
``--damage light,shadow,bleed`` scans with uneven light, a shadow band, a page
bleeding through (:data:`bench.corpus.scan.DAMAGES`).

    .venv/bin/python bench/ocr_input.py --pdfs DIR/plan_002.fpdf2.pdf ... --config base
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bma_etl.read import ocr
from bma_etl.read import ocr_image as prep

from corpus.scan import scan_pdf

if TYPE_CHECKING:
    from PIL import Image

THAI = re.compile("[\u0e01-\u0e4e]")
GROUPS = [(dpi, mode) for dpi in (150, 200, 300) for mode in ("grey", "1bit")]


def truth_lines(pdf: Path) -> list[str]:
    """Lines holding Thai of the PDF's first page text layer, spaces removed."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    lines = ["".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    return [line for line in lines if THAI.search(line) and len(line) >= 3]


def scans(pdfs: list[Path], folder: Path, seed: int,
          damage: str = "") -> list[tuple[str, int, str, Path]]:
    """``(doc, dpi, mode, rendered 300 dpi page image)`` for every pdf and group."""
    import pypdfium2 as pdfium

    out = []
    for pdf in pdfs:
        for dpi, mode in GROUPS:
            rng = random.Random(f"{seed}/{pdf.name}/{dpi}/{mode}")
            scanned = folder / f"{pdf.stem}.{dpi}{mode}.pdf"
            scan_pdf(pdf, scanned, dpi, mode, rng, max_pages=1, damage=damage)
            doc = pdfium.PdfDocument(str(scanned))
            image = folder / f"{pdf.stem}.{dpi}{mode}.png"
            doc[0].render(scale=300 / 72, grayscale=True).to_pil().save(image)
            doc.close()
            out.append((pdf.stem, dpi, mode, image))
    return out


def distance(needle: str, hay: str) -> int:
    """Least edit distance of ``needle`` to any span of ``hay`` (semi-global)."""
    if not needle:
        return 0
    h = np.frombuffer(hay.encode("utf-32-le"), dtype=np.uint32)
    j = np.arange(len(h) + 1)
    row = np.zeros(len(h) + 1, dtype=np.int64)  # a span may start anywhere
    for i, ch in enumerate(needle, start=1):
        sub = row[:-1] + (h != ord(ch))
        new = np.empty_like(row)
        new[0] = i
        new[1:] = np.minimum(sub, row[1:] + 1)
        # insertions along the row: new[j] = min_k new[k] + (j - k)
        new = np.minimum.accumulate(new - j) + j
        row = new
    return int(row.min())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", nargs="+", type=Path, required=True)
    parser.add_argument("--config", default="base", help="see CONFIGS")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=None, help="keep the scans here")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--groups", default="",
                        help="only these dpi/mode groups, comma-separated (150grey,200grey)")
    parser.add_argument("--damage", default="",
                        help="scan damage, comma-separated: light, shadow, bleed "
                             "(bench/corpus/scan.py DAMAGES)")
    args = parser.parse_args(argv)
    folder = args.work or Path(tempfile.mkdtemp(prefix="ocr-input-"))
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / "scans.json"
    if index.exists():
        items = [(d, int(p), m, Path(f)) for d, p, m, f in json.loads(index.read_text())]
    else:
        items = scans(args.pdfs, folder, args.seed, args.damage)
        index.write_text(json.dumps([(d, p, m, str(f)) for d, p, m, f in items]))
    if args.groups:
        wanted = set(args.groups.split(","))
        items = [item for item in items if f"{item[1]}{item[2]}" in wanted]
    truths = {pdf.stem: truth_lines(pdf) for pdf in args.pdfs}
    configure = CONFIGS[args.config]
    set_variables(VARIABLES.get(args.config, {}))

    def read(item: tuple[str, int, str, Path]) -> tuple[int, int, float, str]:
        doc, _dpi, _mode, image = item
        start = time.perf_counter()
        page = configure(image)
        took = time.perf_counter() - start
        hay = "\x00".join("".join(part.split()) for part in re.split("[\n\t]", page.text))
        lines = truths[doc]
        err, total = sum(distance(t, hay) for t in lines), sum(map(len, lines))
        print(f"  {doc} {_dpi}{_mode}: CER {100 * err / total:.2f} %, {took:.1f} s", flush=True)
        return err, total, took, page.text

    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(read, items))
    groups: dict[str, list[int]] = {}
    seconds = 0.0
    for (_doc, dpi, mode, _), (err, total, took, _) in zip(items, results, strict=True):
        for key in (f"{dpi}{mode}", mode, str(dpi), "all"):
            acc = groups.setdefault(key, [0, 0])
            acc[0] += err
            acc[1] += total
        seconds += took
    wall = seconds / len(items)
    row = {key: round(100 * e / t, 2) for key, (e, t) in groups.items()}
    order = [f"{d}{m}" for d, m in GROUPS] + ["grey", "1bit", "150", "200", "300", "all"]
    print(f"{args.config:>16} " + " ".join(f"{k}={row[k]:.2f}" for k in order if k in row)
          + f"  s/page={wall:.2f} (busy, {args.jobs} jobs)")
    if args.json:
        per_doc = {f"{d}.{p}{m}": [e, t] for (d, p, m, _), (e, t, _, _) in zip(items, results,
                                                                                 strict=True)}
        args.json.write_text(json.dumps({"config": args.config, "cer": row, "s_page": wall,
                                         "docs": per_doc}, indent=1))
    return 0


# ------------------------------------------------------------------ configurations
# A configuration reads one rendered page image; engine variables are set on every
# engine the run makes (``VARIABLES``).

def _open(image: Path) -> Image.Image:
    return ocr._open_image(image)


def base(image: Path) -> ocr.OcrPage:
    """The pipeline's preparation: level, 3 x 3 median, ``tha+eng``."""
    return ocr.ocr_image(prep.cleaned(_open(image)))


def no_median(image: Path) -> ocr.OcrPage:
    """Level, no median filter."""
    return ocr.ocr_image(prep.deskewed(_open(image)))


def no_flattening(image: Path) -> ocr.OcrPage:
    """Level and 3 x 3 median, the light left uneven (the preparation before 0.5.0)."""
    return ocr.ocr_image(prep.median3(prep.deskewed(_open(image))))


def before_flattening(image: Path) -> ocr.OcrPage:
    """:func:`no_flattening` with skews up to 1.5 degrees corrected (before 0.5.0)."""
    prep.MAX_SKEW = prep.WIDEST_SKEW = 1.5
    return no_flattening(image)


def thai_only(image: Path) -> ocr.OcrPage:
    return ocr.ocr_image(prep.cleaned(_open(image)), lang="tha")


def scaled(factor: float) -> Callable[[Path], ocr.OcrPage]:
    """Cleaned as the pipeline does, then resized by ``factor`` (Lanczos)."""
    def run(image: Path) -> ocr.OcrPage:
        from PIL import Image as PilImage

        page = prep.cleaned(_open(image))
        page = page.resize((round(page.width * factor), round(page.height * factor)),
                           PilImage.Resampling.LANCZOS)
        return ocr.ocr_image(page, dpi=300 * factor)
    return run


CONFIGS: dict[str, Callable[[Path], ocr.OcrPage]] = {
    "base": base, "nomedian": no_median, "tha": thai_only,
    "noflat": no_flattening, "before": before_flattening,
    "scale0.67": scaled(2 / 3), "scale1.5": scaled(1.5),
    "otsu-adaptive": base, "sauvola": base, "interword0": base,
}
#: Tesseract variables of a configuration (``thresholding_method``: 0 Otsu, the
#: default; 1 Leptonica's adaptive Otsu; 2 Sauvola).
VARIABLES = {"otsu-adaptive": {"thresholding_method": "1"},
             "sauvola": {"thresholding_method": "2"},
             "interword0": {"preserve_interword_spaces": "0"}}


def set_variables(variables: dict[str, str]) -> None:
    """Make every engine of this run set ``variables`` (a fresh pool)."""
    made = ocr._new_engine

    def new_engine(lang: str) -> object:
        api = made(lang)
        for name, value in variables.items():
            if not api.SetVariable(name, value):  # type: ignore[attr-defined]
                raise SystemExit(f"Tesseract has no variable {name}")
        return api

    ocr._new_engine = new_engine
    ocr._ENGINES = ocr._Engines()



# ------------------------------------------------------------------ the scan's own grid
# A scan at 150 dpi rendered at 300 dpi is every scan pixel four: the pipeline's
# 3 x 3 median then spans a pixel and a half of the scan and leaves its noise and
# JPEG blocks. These configurations render the scan PDF itself (``<image>.pdf``).

def _scan_dpi(image: Path) -> int:
    found = re.search(r"\.(\d+)(?:grey|1bit)\.png$", image.name)
    if found is None:
        raise SystemExit(f"{image.name}: not a scan of this bench")
    return int(found.group(1))


def pipeline(image: Path) -> ocr.OcrPage:
    """As the pipeline reads a scan: :func:`~bma_etl.read.pdf_open.render_page`, then cleaned.

    A grey scan under :data:`~bma_etl.read.ocr_grid.GRID_BELOW` dpi is read twice,
    rendered at 300 dpi and on its own grid (:mod:`bma_etl.read.ocr_grid`), and the
    surer reading kept, as in the pipeline.
    """
    from bma_etl.read.ocr_grid import scan_grids, surer
    from bma_etl.read.pdf_open import render_page

    data = image.with_suffix(".pdf").read_bytes()
    grid = scan_grids(data, image.name, [0]).get(0, 0.0)
    readings = []
    for way in (0.0, grid) if grid else (0.0,):
        out = image.with_suffix(f".{threading.get_ident()}.pgm")
        try:
            dpi = render_page(data, image.name, 0, str(out), 300, 36.0, None, way)
            readings.append(ocr.ocr_image(prep.cleaned(_open(out), 0 < way < dpi), dpi=dpi))
        finally:
            out.unlink(missing_ok=True)
    return surer(*readings)


def on_grid(how: str = "bicubic", median: str = "grid", target: float = 300,
            sharpen: tuple[float, int, int] | None = None) -> Callable[[Path], ocr.OcrPage]:
    """Rendered on the scan's own pixel grid, scaled up to ``target`` dpi (``how``).

    ``median``: ``grid`` (3 x 3 on the scan's pixels), ``page`` (on the page
    scaled up, as the pipeline did), ``both``.
    """
    from PIL import Image as PilImage
    from PIL import ImageFilter

    from bma_etl.read.ocr_paper import on_paper

    resample = {"bicubic": PilImage.Resampling.BICUBIC, "lanczos": PilImage.Resampling.LANCZOS}

    def run(image: Path) -> ocr.OcrPage:
        import pypdfium2 as pdfium

        dpi = _scan_dpi(image)
        doc = pdfium.PdfDocument(str(image.with_suffix(".pdf")))
        try:
            page = doc[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        finally:
            doc.close()
        factor = max(1.0, target / dpi)
        if median in ("grid", "both"):
            page = prep.median3(page)
        if factor > 1:
            page = page.resize((round(page.width * factor), round(page.height * factor)),
                               resample[how])
        if sharpen:
            page = page.filter(ImageFilter.UnsharpMask(*sharpen))
        page = prep.deskewed(prep.flattened(on_paper(page)))
        if median in ("page", "both"):
            page = prep.median3(page)
        return ocr.ocr_image(page, dpi=dpi * factor)
    return run


def sharpened(radius: float, percent: int, threshold: int) -> Callable[[Path], ocr.OcrPage]:
    """Cleaned as the pipeline did (300 dpi), then an unsharp mask."""
    def run(image: Path) -> ocr.OcrPage:
        from PIL import ImageFilter

        page = prep.cleaned(_open(image))
        return ocr.ocr_image(page.filter(ImageFilter.UnsharpMask(radius, percent, threshold)))
    return run


def rendered_at(dpi: float) -> Callable[[Path], ocr.OcrPage]:
    """pdfium renders the scan at ``dpi``, then cleaned."""
    def run(image: Path) -> ocr.OcrPage:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(image.with_suffix(".pdf")))
        try:
            page = doc[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        finally:
            doc.close()
        return ocr.ocr_image(prep.cleaned(page), dpi=dpi)
    return run


# Measured on 5 first pages of seed 43's prints (scan seed 7), CER % 150 / 200 dpi
# grey: render300 3.74 / 3.23; grid 3.13 / 3.95; grid-lanczos 3.33 / 4.07;
# grid-400 3.31 / 4.13; grid-twice 3.46 / 3.85; grid-page (no median on the grid)
# 3.85 / 3.34; sharp2 4.57 / 3.85; render400 4.44 / 4.07; sauvola
# (thresholding_method 2) 4.47 / 3.04. Six first pages of seed 47's prints (scan seed
# 11), 150 grey: base 4.29, grid 4.03. Fields (fresh OCR of the corpora's 150 dpi
# grey scans) with the grid below 175 dpi: +31 of 988, but 3 of 12 files fewer
# (git show b2f430a; its revert says which): not in the pipeline then; it is now
# (bma_etl.read.ocr_grid; 'pipeline' reads so, 'render300' the way before).
CONFIGS.update({
    "pipeline": pipeline, "render300": base,
    "grid": on_grid(), "grid-lanczos": on_grid("lanczos"), "grid-400": on_grid(target=400),
    "grid-twice": on_grid(median="both"), "grid-page": on_grid(median="page"),
    "sharp2": sharpened(2, 80, 2), "render400": rendered_at(400),
})


if __name__ == "__main__":
    sys.exit(main())
