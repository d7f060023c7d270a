"""Throughput benchmark: `make bench`.

Builds a corpus of N documents by varying the samples' values (project codes,
dates, amounts, number of report rows), then measures for each N:

- first run of ``ingest`` (documents/s, all layouts, ``--workers`` = cores);
- an unchanged re-run (files/s);
- per-layout extraction speed (documents/s, one process, no warehouse);
- peak resident memory of the run (parent and worker processes);
- the warehouse file's size after the first run;
- the same first run on a corpus of forms and web pages only (no action plans);
- text-layer and scanned PDF pages per second (``bench/pdf_pages.py``);
- ``kill -9`` inside the write window, 20 times (``bench/kill_trials.py``);
- start-up: wall and CPU seconds of ``bma-etl --help``, ``status``, ``sql`` and
  ``extract`` of one text file (median of several runs, taken in turns with a bare
  ``python -c pass`` in the same run; ``--startup-only`` measures only these);
- then the robustness benchmark (``bench/robustness.py``: fields read right per
  medium, producer, font and dpi), whose own ``ROBUST`` line is printed after it.

The last line is one machine-parseable summary: ``BENCH key=value ...``.
Targets on a 2-core machine: first run >= 200 docs/s, re-run >= 5,000 files/s,
peak memory < 1 GB whatever N is; start-up of ``--help``, ``status`` and ``sql``
<= 0.25 s, of ``extract`` <= 0.35 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bma_etl.pipeline import ingest, process_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
REPORT_ROW = re.compile(r"^(?:\| รายงานครั้งที่|รายงานครั้งที่)", re.MULTILINE)


def vary(text: str, rng: random.Random) -> str:
    """The same layout with other codes, amounts, dates and (for forms) fewer reports."""
    text = re.sub(r"[0-9]{8}-[0-9]{4}",
                  lambda _: f"{rng.randrange(10**8):08d}-{rng.randrange(10**4):04d}", text)
    text = re.sub(r"(?<![0-9/.,])[1-9][0-9]{0,2}(?:,[0-9]{3})+(?![0-9,])",
                  lambda _: f"{rng.randrange(1, 10**7):,}", text)
    text = re.sub(r"(?<![0-9])([12]?[0-9])/([0-9]{1,2})/(25[0-9]{2})",
                  lambda m: f"{rng.randrange(1, 29)}/{m.group(2)}/{m.group(3)}", text)
    lines = text.split("\n")
    rows = [i for i, line in enumerate(lines) if REPORT_ROW.match(line)]
    if len(rows) > 3 and "|" in lines[rows[0]]:
        drop = set(rng.sample(rows[1:-1], rng.randrange(0, len(rows) - 2)))
        lines = [line for i, line in enumerate(lines) if i not in drop]
    return "\n".join(lines) + f"\n\n<!-- {rng.random()} -->\n"


def build_corpus(folder: Path, n: int, seed: int = 7, samples: list[Path] | None = None) -> None:
    rng = random.Random(seed)
    samples = samples or SAMPLES
    texts = [p.read_text(encoding="utf-8") for p in samples]
    for i in range(n):
        sample = samples[i % len(samples)]
        body = vary(texts[i % len(texts)], rng)
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:06d}_{sample.stem}.txt").write_text(body, encoding="utf-8")


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def per_layout(limit: int = 40) -> dict[str, float]:
    speeds: dict[str, float] = {}
    for sample in SAMPLES:
        processed = process_file(sample)
        began = time.perf_counter()
        for _ in range(limit):
            process_file(sample)
        speeds[processed.layout] = limit / (time.perf_counter() - began)
    return speeds


def run(n: int, workers: int, samples: list[Path] | None = None) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix=f"bma-bench-{n}-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        build_corpus(corpus, n, samples=samples)
        db = work / "w.duckdb"
        began = time.perf_counter()
        first = ingest([corpus], db, workers=workers)
        first_s = time.perf_counter() - began
        size_mb = (db.stat().st_size + (db.with_suffix(".duckdb.wal").stat().st_size
                                        if db.with_suffix(".duckdb.wal").exists() else 0)) / 2**20
        began = time.perf_counter()
        again = ingest([corpus], db, workers=workers)
        again_s = time.perf_counter() - began
        return {
            "n": n,
            "first_docs_per_s": round(n / first_s, 1),
            "rerun_files_per_s": round(n / again_s, 1),
            "loaded": first.loaded,
            "quarantined": first.quarantined,
            "unchanged_on_rerun": again.unchanged,
            "peak_rss_mb": round(peak_rss_mb(), 1),
            "warehouse_mb": round(size_mb, 1),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


#: Runs of each command whose median is the start-up figure.
STARTUP_RUNS = 9


def startup(runs: int = STARTUP_RUNS) -> dict[str, float]:
    """Median wall and CPU seconds of each command, from exec to exit, output discarded.

    The commands run in turns (python, --help, status, sql, extract, python, ...), so
    a neighbour's load falls on all of them alike; ``python -c pass`` is the floor.
    """
    script = Path(sys.executable).with_name("bma-etl")
    bma = [str(script)] if script.exists() else [sys.executable, "-m", "bma_etl"]
    work = Path(tempfile.mkdtemp(prefix="bma-bench-startup-"))
    try:
        db = work / "w.duckdb"
        ingest(SAMPLES[:2], db, workers=1)
        commands = {
            "python": [sys.executable, "-c", "pass"],
            "help": [*bma, "--help"],
            "status": [*bma, "status", "--db", str(db)],
            "sql": [*bma, "sql", "select project_code, budget_spent_thb from projects",
                    "--db", str(db)],
            "extract": [*bma, "extract", str(SAMPLES[0])],
        }
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs + 1):  # the first round warms the file cache; not counted
            for name, command in commands.items():
                used = resource.getrusage(resource.RUSAGE_CHILDREN)
                began = time.perf_counter()
                subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               check=True)
                wall[name].append(time.perf_counter() - began)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[name].append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
        figures: dict[str, float] = {}
        for name in commands:
            figures[f"startup_{name}_s"] = round(statistics.median(wall[name][1:]), 3)
            figures[f"startup_{name}_cpu_s"] = round(statistics.median(cpu[name][1:]), 3)
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-robustness", action="store_true",
                        help="skip bench/robustness.py (its corpus takes minutes)")
    parser.add_argument("--startup-only", action="store_true",
                        help="measure the commands' start-up only (half a minute)")
    args = parser.parse_args()
    figures = startup()
    print(f"start-up (median of {STARTUP_RUNS}): {figures}", file=sys.stderr)
    if args.startup_only:
        print("BENCH " + " ".join(f"{k}={v}" for k, v in figures.items()))
        return 0
    summary: dict[str, object] = {"workers": args.workers, **figures}
    for layout, speed in per_layout().items():
        summary[f"{layout}_docs_per_s"] = round(speed, 1)
    for n in args.n:
        result = run(n, args.workers)
        print(f"N={n}: {result}", file=sys.stderr)
        for key, value in result.items():
            if key != "n":
                summary[f"{key}_{n}"] = value
    # Action plans are one per agency and year; progress reports are thousands. The
    # mixed corpus above is one fifth plans; this one is the forms and pages alone.
    reports = [p for p in SAMPLES if process_file(p).layout != "annual_action_plan"]
    result = run(1000, args.workers, samples=reports)
    print(f"N=1000 without plans: {result}", file=sys.stderr)
    summary["first_docs_per_s_reports_only_1000"] = result["first_docs_per_s"]
    pdf = subprocess.run([sys.executable, str(ROOT / "bench" / "pdf_pages.py")],
                         capture_output=True, text=True, check=False)
    lines = [x for x in pdf.stdout.splitlines() if x.startswith("{")]
    if pdf.returncode == 0 and lines:
        figures = json.loads(lines[-1])
        for key in ("text_pages_per_s", "text_cer", "generated_bare_pages_per_s",
                    "generated_reader_pages_per_s", "generated_process_file_pages_per_s",
                    "generated_ingest_pages_per_s",
                    "generated_reader_to_bare", "ocr_s_per_page", "ocr_baseline_s_per_page",
                    "ocr_ratio_to_baseline", "ocr_ratio_to_baseline_cold",
                    "ocr_baseline_cer", "ocr_cer", "ocr_confidence"):
            if key in figures:
                summary[f"pdf_{key}"] = figures[key]
    else:
        print(f"bench/pdf_pages.py failed: {pdf.stderr.strip()[-500:]}", file=sys.stderr)
    kills = subprocess.run([sys.executable, str(ROOT / "bench" / "kill_trials.py")],
                           capture_output=True, text=True, check=False)
    lines = [x for x in kills.stdout.splitlines() if x.startswith("{")]
    if kills.returncode == 0 and lines:
        for key, value in json.loads(lines[-1]).items():
            if key != "bench":
                summary[f"kill_{key}"] = value
    else:
        print(f"bench/kill_trials.py failed: {kills.stderr.strip()[-500:]}", file=sys.stderr)
    print("BENCH " + " ".join(f"{k}={v}" for k, v in summary.items()))
    if not args.no_robustness:
        sys.stdout.flush()
        robust = subprocess.run([sys.executable, str(ROOT / "bench" / "robustness.py")],
                                check=False)
        if robust.returncode:
            print(f"bench/robustness.py failed with exit code {robust.returncode}",
                  file=sys.stderr)
            return robust.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
