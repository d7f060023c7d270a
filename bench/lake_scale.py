"""DuckLake scale-out benchmark (`make bench`, run with .venv-lake's Python).

One corpus of N text documents (the samples with other values, as bench/bench.py
makes them) is ingested:

- into a DuckDB file by one process (``--workers 1``), and by one process with a
  worker per core (``--workers`` = cores): the baseline, in the same run;
- into DuckLake on a throwaway PostgreSQL cluster by 1, 2 and 4 ``ingest --shard
  i/W --workers 1`` processes started at once (each on its own empty database).

For each: documents/s over the whole wall time (start of the first process to the
end of the last), and whether the warehouse ends with the same number of rows per
table as the file. Prints one JSON line (``{"bench": "lake", ...}``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests")]

from bench import build_corpus  # noqa: E402

from bma_etl.query import open_reader  # noqa: E402
from bma_etl.records import DOCUMENT_MODELS  # noqa: E402

from pg_cluster import Cluster  # noqa: E402

BIN = Path(sys.executable).parent / "bma-etl"


def counts(target: str) -> dict[str, int]:
    from bma_etl.lake import parse_target

    con = open_reader(parse_target(target))
    try:
        return {m.table: int(con.execute(f"SELECT count(*) FROM {m.table}").fetchone()[0])
                for m in DOCUMENT_MODELS}
    finally:
        con.close()


def timed(commands: list[list[str]]) -> float:
    began = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for c in commands]
    for proc in procs:
        _, err = proc.communicate()
        if proc.returncode not in (0, 3):
            raise SystemExit(f"{' '.join(proc.args)} failed: {err[-500:]}")
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="bma-etl-lake-bench-"))
    cluster = Cluster()
    out: dict[str, object] = {"bench": "lake", "n": args.n, "cores": cores}
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        build_corpus(corpus, args.n)
        for workers in (1, cores):
            db = work / f"file{workers}.duckdb"
            seconds = timed([[str(BIN), "ingest", str(corpus), "--db", str(db),
                              "--workers", str(workers)]])
            out[f"file_workers{workers}_docs_per_s"] = round(args.n / seconds, 1)
        truth = counts(str(work / "file1.duckdb"))
        for writers in (1, 2, 4):
            target = cluster.address(work / f"data{writers}")
            seconds = timed([[str(BIN), "ingest", str(corpus), "--warehouse", target,
                              "--workers", "1", "--shard", f"{i}/{writers}"]
                             for i in range(1, writers + 1)])
            out[f"lake_writers{writers}_docs_per_s"] = round(args.n / seconds, 1)
            out[f"lake_writers{writers}_rows_equal"] = counts(target) == truth
        data_mb = sum(f.stat().st_size for f in (work / "data4").rglob("*")) / 1e6
        out["lake_parquet_files_per_1000_docs"] = round(
            sum(1 for _ in (work / "data4").rglob("*.parquet")) * 1000 / args.n)
        out["catalog_mb_per_1000_docs"] = round(cluster.size_mb() * 1000 / args.n, 1)
        out["lake_data_mb_per_1000_docs"] = round(data_mb * 1000 / args.n, 1)
        file_mb = (work / "file1.duckdb").stat().st_size / 1e6
        out["file_mb_per_1000_docs"] = round(file_mb * 1000 / args.n, 1)
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
