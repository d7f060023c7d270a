"""Kill ``ingest`` with SIGKILL inside its write window, many times; print one JSON line.

Each trial: 1,000 copies of the samples (each with a distinct trailing blank line),
``ingest`` into a fresh warehouse, watch for ``<db>.wal``, and ``kill -9`` the main
process 0-400 ms after the WAL's 2nd-4th appearance. Counted: rows without their
``documents`` row right after the kill (DuckDB 1.5 can bring back rows of a
transaction killed while committing: README, known limits), workers left alive, and
whether the re-run gives exactly the rows of a clean run.

    .venv/bin/python bench/kill_trials.py [--trials 20]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_kill import _alive, _children, _counts, _folder, _ingest, _orphans  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--copies", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(11)
    tmp = Path(tempfile.mkdtemp(prefix="bma-kill-"))
    try:
        folder = _folder(tmp, args.copies)
        clean = tmp / "clean.duckdb"
        _ingest(folder, clean).wait()
        want = _counts(clean)
        right_after, survivors, rerun_equal = [], 0, 0
        for trial in range(args.trials):
            db = tmp / f"k{trial}.duckdb"
            proc = _ingest(folder, db)
            wal, seen, was, workers = Path(f"{db}.wal"), 0, False, set()
            target = rng.randint(2, 4)
            while proc.poll() is None:
                workers |= _children(proc.pid)
                now = wal.exists()
                if now and not was:
                    seen += 1
                    if seen >= target and workers:
                        time.sleep(rng.uniform(0, 0.4))
                        break
                was = now
                time.sleep(0.002)
            proc.kill()
            proc.wait()
            time.sleep(1.0)
            survivors += sum(_alive(p) for p in workers)
            right_after.append(_orphans(db))
            _ingest(folder, db).wait()
            rerun_equal += _orphans(db) == 0 and _counts(db) == want
            db.unlink(missing_ok=True)
            Path(f"{db}.wal").unlink(missing_ok=True)
        print(json.dumps({"bench": "kill_trials", "trials": args.trials,
                          "kills_with_orphans_right_after": sum(1 for n in right_after if n),
                          "orphan_rows_right_after_max": max(right_after),
                          "workers_left_alive": survivors,
                          "reruns_equal_to_clean": rerun_equal}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
