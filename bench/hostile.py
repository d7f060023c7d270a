"""Hostile input benchmark: `make hostile`.

Builds a folder holding a FIFO named ``.txt``, a ``.txt`` link to ``/dev/zero``, a
good report whose name is not UTF-8, a good report, a file of no report type and a
generated text file of ``--mb`` megabytes (real content, not sparse), runs
``bma-etl ingest`` over it in a child process and prints its wall time, exit code,
peak memory and each file's outcome; last one machine-readable line:
``HOSTILE key=value ...``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def build(folder: Path, mb: int) -> None:
    """The hostile folder, with a text file of ``mb`` megabytes."""
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    shutil.copy(SAMPLES / "002_9d2ef115f542a230.txt",
                os.fsdecode(os.fsencode(folder) + b"/r\xe9port.txt"))
    shutil.copy(SAMPLES / "000_52cb5c31ec83ab03.txt", folder / "good.txt")
    (folder / "notes.docx").write_bytes(b"PK")
    line = ("รายงานความก้าวหน้า โครงการ " * 4 + "\n").encode()
    with (folder / "big.txt").open("wb") as f:
        for _ in range(mb):
            f.write(line * (1_000_000 // len(line)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200, help="size of the big text file")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bma-hostile-") as tmp:
        folder = Path(tmp) / "in"
        build(folder, args.mb)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        began = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "bma_etl", "ingest", str(folder), "--db",
                              str(Path(tmp) / "w.duckdb"), "--workers", str(args.workers),
                              "--log-json"], capture_output=True, text=True, env=env,
                             timeout=600)
        seconds = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    for line in out.stdout.splitlines():
        row = json.loads(line)
        if row["event"] != "file":  # the run's summary line
            continue
        print(f"{row['state']:<11} {Path(row['path']).name:<16} {row['error'] or row['layout']}")
    print(out.stderr.strip().splitlines()[-1])
    print(f"HOSTILE mb={args.mb} seconds={seconds:.2f} exit={out.returncode} "
          f"peak_rss_mb={peak_mb:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
