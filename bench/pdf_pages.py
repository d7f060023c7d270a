"""PDF reading speed and accuracy on the committed fixtures; prints one JSON line.

Generated PDFs (the robustness corpus, ruled and flowing): pages per second of
bare pypdfium2 text extraction, of the reader, of the whole pipeline one file after
another in one process (``generated_process_file_pages_per_s``), of what users run,
``bma-etl ingest`` of the same files into a fresh DuckDB file with the default
worker processes (``generated_ingest_pages_per_s``), and the reader's ratio to
bare. Text layer: pages per second of ``read_pdf`` (pypdfium2
in the worker process,
with the spacing and mark repairs) and of pdfplumber's ``extract_text`` on the
same pages, and each one's character error rate against the samples. Scanned:
seconds per page of OCR (cache off, pages in parallel as ``ingest`` does) and
its character error rate, beside a bare baseline measured in the same run
(pypdfium2 render at 300 dpi and one ``tesseract -l tha+eng`` per page, one
page at a time, one thread) and the ratio of the two.

    .venv/bin/python bench/pdf_pages.py [--repeat N] [--ocr-pages N]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "tests" / "fixtures" / "pdf"
SAMPLES = ROOT / "samples"
TEXT = ["000_52cb5c31ec83ab03", "002_9d2ef115f542a230", "003_bab53728cf3029b8"]
SCANNED_ALL = ("000_52cb5c31ec83ab03", "002_9d2ef115f542a230")


def _flat(text: str) -> str:
    """Text with all white space removed: line breaks and gaps differ by tool, not letters."""
    return "".join(text.split())


def cer(want: str, got: str) -> float:
    """Character error rate: characters not matched, over the reference length."""
    want, got = _flat(want), _flat(got)
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return (max(len(want), len(got)) - matched) / max(len(want), 1)


def bench_text(repeat: int) -> dict[str, float]:
    import pdfplumber

    from bma_etl.read.pdf import read_pdf
    from bma_etl.textnorm import repair_text

    data = {stem: (PDFS / f"{stem}.pdf").read_bytes() for stem in TEXT}
    read_pdf(data[TEXT[0]])  # start the worker process outside the timing
    pages = 0
    began = time.perf_counter()
    texts: dict[str, str] = {}
    for _ in range(repeat):
        for stem, pdf in data.items():
            text, starts, _ = read_pdf(pdf, stem)
            pages += len(starts)
            texts[stem] = text
    pdfium_s = time.perf_counter() - began

    plumber_pages = 0
    began = time.perf_counter()
    plumber: dict[str, str] = {}
    for stem in TEXT:
        with pdfplumber.open(PDFS / f"{stem}.pdf") as pdf:
            plumber[stem] = "\n".join(page.extract_text() or "" for page in pdf.pages)
            plumber_pages += len(pdf.pages)
    plumber_s = time.perf_counter() - began

    sample = {stem: repair_text((SAMPLES / f"{stem}.txt").read_text(encoding="utf-8"))
              for stem in TEXT}
    total = sum(len(_flat(s)) for s in sample.values())

    def weighted(got: dict[str, str]) -> float:
        return sum(cer(sample[s], repair_text(got[s])) * len(_flat(sample[s]))
                   for s in TEXT) / total

    return {
        "text_pages": pages,
        "text_pages_per_s": round(pages / pdfium_s, 1),
        "text_cer": round(weighted(texts), 5),
        "pdfplumber_pages_per_s": round(plumber_pages / plumber_s, 1),
        "pdfplumber_cer": round(weighted(plumber), 5),
    }


def bench_generated(repeat: int) -> dict[str, float]:
    """Pages per second on PDFs of the robustness corpus, against bare pypdfium2.

    Five documents of each layout, printed by reportlab (ruled tables) and fpdf2
    (flowing text, tab stops) in three Thai fonts. ``bare``: pypdfium2 opens each
    page and takes its text, nothing more; ``reader``: :func:`read_pdf` (geometry,
    rules, repairs, worker process); ``process_file``: :func:`process_file` whole, one
    file after another in this process; ``ingest``: :func:`bma_etl.pipeline.ingest`
    (what ``bma-etl ingest`` runs) into a new DuckDB file each pass, with the default
    workers (one per core), pages per second of wall clock from the call to its end.
    The four are timed in turn, ``repeat`` passes each, and the best pass counts.
    Each is also measured in CPU seconds (:func:`cpu_seconds`: this process, the PDF
    worker process and the ``ingest`` workers), best pass of each:
    ``generated_*_cpu_pages_per_s`` and ``generated_reader_to_bare_cpu``. On a machine
    other jobs share, wall time swings with their load; CPU time far less.
    """
    import random
    import tempfile

    import pypdfium2

    sys.path.insert(0, str(ROOT / "bench"))
    from bma_etl.errors import BmaEtlError
    from bma_etl.pipeline import ingest, process_file
    from bma_etl.read.pdf import read_pdf

    from corpus import fonts, render
    from corpus.build import GENERATORS

    found = fonts.available()
    picked = [f for f in ("Garuda", "Sarabun", "Loma") if f in found]
    if not picked:
        return {}
    folder = Path(tempfile.mkdtemp(prefix="bma-pdf-speed-"))
    paths: list[Path] = []
    for gen, make in GENERATORS.items():
        for k in range(3):
            doc = make(random.Random(f"speed-{gen}-{k}"))
            font = picked[k % len(picked)]
            for producer in ("reportlab", "fpdf2"):
                path = folder / f"{gen}_{k}.{producer}.pdf"
                rng = random.Random(f"{gen}{k}{producer}")
                if producer == "reportlab":
                    render.render_reportlab(doc, path, font, found[font], rng)
                else:
                    render.render_fpdf(doc, path, font, found[font], rng, shaping=False)
                paths.append(path)
    datas = [(p.read_bytes(), p.name) for p in paths]
    pages = sum(len(pypdfium2.PdfDocument(d)) for d, _ in datas)

    def bare() -> None:
        for data, _ in datas:
            doc = pypdfium2.PdfDocument(data)
            for i in range(len(doc)):
                textpage = doc[i].get_textpage()
                textpage.get_text_range()
                textpage.close()
            doc.close()

    def reader() -> None:
        for data, name in datas:
            read_pdf(data, name)

    def one_process() -> None:
        for path in paths:
            try:
                process_file(path)
            except BmaEtlError:
                pass

    workers = os.cpu_count() or 1  # ``bma-etl ingest``'s default

    def ingested() -> None:
        with tempfile.TemporaryDirectory(prefix="bma-pdf-speed-db-") as where:
            summary = ingest(paths, Path(where) / "speed.duckdb", workers=workers)
        if summary.loaded + summary.quarantined != len(paths):
            sys.exit(f"pdf_pages: ingest settled {summary.loaded + summary.quarantined} "
                     f"of {len(paths)} files")

    out: dict[str, float] = {"generated_pdf_pages": pages, "generated_ingest_workers": workers}
    runs = {"bare": bare, "reader": reader, "process_file": one_process,
            "ingest": ingested}
    for run in runs.values():
        run()  # warm: the worker process, imports
    # In turn, best of the passes: on a shared machine a burst of load then slows
    # one pass of each, not every pass of one, and the ratio to bare holds.
    best = dict.fromkeys(runs, float("inf"))
    cpu = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            began, began_cpu = time.perf_counter(), cpu_seconds()
            run()
            best[name] = min(best[name], time.perf_counter() - began)
            cpu[name] = min(cpu[name], cpu_seconds() - began_cpu)
    for name, seconds in best.items():
        out[f"generated_{name}_pages_per_s"] = round(pages / seconds, 1)
    out["generated_reader_to_bare"] = round(out["generated_bare_pages_per_s"]
                                            / out["generated_reader_pages_per_s"], 1)
    for name, seconds in cpu.items():
        out[f"generated_{name}_cpu_pages_per_s"] = round(pages / max(seconds, 1e-9), 1)
    out["generated_reader_to_bare_cpu"] = round(cpu["reader"] / max(cpu["bare"], 1e-9), 2)
    return out


def cpu_seconds() -> float:
    """CPU seconds (user and system) so far of this process, its ended children (the
    ``ingest`` pool's workers) and the running PDF worker process (read from ``/proc``
    on Linux; elsewhere its share is not counted).
    """
    import resource

    from bma_etl.read import pdf_worker

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = time.process_time() + children.ru_utime + children.ru_stime
    worker = pdf_worker._worker
    if worker is not None and worker.alive():
        try:
            stat = Path(f"/proc/{worker.process.pid}/stat").read_text()
            fields = stat.rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            pass
    return total


def _baseline_ocr(data: bytes, pages: int) -> tuple[float, str]:
    """Seconds per page and text of the bare way: render, one tesseract per page, in turn."""
    import subprocess
    import tempfile

    import pypdfium2

    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    texts = []
    began = time.perf_counter()
    doc = pypdfium2.PdfDocument(data)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(pages):
            image = Path(tmp) / f"{i}.pgm"
            doc[i].render(scale=300 / 72, grayscale=True).to_pil().save(image)
            texts.append(subprocess.run(["tesseract", str(image), "-", "-l", "tha+eng",
                                         "--dpi", "300"], capture_output=True, text=True,
                                        env=env, check=True).stdout)
    doc.close()
    return (time.perf_counter() - began) / pages, "\n".join(texts)


def bench_ocr(max_pages: int) -> dict[str, float]:
    """OCR of the scanned fixtures beside the bare way, in one run on this machine.

    Cold: engines loaded by the run (as for one file); warm: a second pass over the
    same pages with the engines kept (as in a batch). CER is against the samples.
    """
    os.environ["BMA_ETL_CACHE"] = "off"
    from bma_etl.read import ocr
    from bma_etl.read.pdf import ocr_pages
    from bma_etl.textnorm import repair_text

    problem = ocr.engine_problem()
    if problem:
        sys.exit(f"pdf_pages: {problem}")
    import pypdfium2

    docs = []
    for stem in SCANNED_ALL:
        data = (PDFS / f"{stem}.scanned.pdf").read_bytes()
        pdf = pypdfium2.PdfDocument(data)
        docs.append((stem, data, min(len(pdf), max_pages)))
        pdf.close()
    pages = sum(n for _, _, n in docs)
    baseline_s = 0.0
    baseline_text: dict[str, str] = {}
    for stem, data, n in docs:
        seconds, baseline_text[stem] = _baseline_ocr(data, n)
        baseline_s += seconds * n
    runs: list[float] = []
    texts: dict[str, str] = {}
    confidences: list[float] = []
    for _ in range(2):  # cold, then warm
        began = time.perf_counter()
        for stem, data, n in docs:
            results = ocr_pages(data, list(range(n)), name=f"{stem}.pdf")
            texts[stem] = "\n".join(repair_text(results[i].text) for i in range(n))
            confidences = [r.confidence or 0 for r in results.values()]
        runs.append(time.perf_counter() - began)
    out = {
        "ocr_pages": pages,
        "ocr_jobs": ocr.jobs(),
        "ocr_engine": ocr.engine_version(),
        "ocr_s_per_page_cold": round(runs[0] / pages, 2),
        "ocr_s_per_page": round(runs[1] / pages, 2),
        "ocr_baseline_s_per_page": round(baseline_s / pages, 2),
        "ocr_ratio_to_baseline_cold": round(runs[0] / baseline_s, 2),
        "ocr_ratio_to_baseline": round(runs[1] / baseline_s, 2),
        "ocr_confidence": round(sum(confidences) / max(len(confidences), 1), 2),
    }
    if max_pages >= 99:
        errors = chars = base_errors = 0
        for stem, _, _ in docs:
            sample = repair_text((SAMPLES / f"{stem}.txt").read_text(encoding="utf-8"))
            errors += round(cer(sample, texts[stem]) * len(sample))
            base_errors += round(cer(sample, repair_text(baseline_text[stem])) * len(sample))
            chars += len(sample)
        out["ocr_cer"] = round(errors / chars, 4)
        out["ocr_baseline_cer"] = round(base_errors / chars, 4)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the text PDFs")
    parser.add_argument("--ocr-pages", type=int, default=99,
                        help="scanned pages to OCR (all by default; CER needs all)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    result = {"bench": "pdf_pages", **bench_text(args.repeat), **bench_generated(5)}
    if args.ocr_pages > 0:
        result.update(bench_ocr(args.ocr_pages))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
