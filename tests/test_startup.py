"""Commands load only what they use (the timings are in `make bench`, not here)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("duckdb", "pyarrow", "pythainlp", "pypdfium2", "tesserocr", "bma_etl.records",
         "bma_etl.load", "rich.progress")


def loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    return set(out.split())


@pytest.mark.parametrize(("statement", "allowed"), [
    ("import bma_etl.cli", ()),
    ("import bma_etl.query", ("duckdb",)),  # sql, status: a reader, no writer, no models
    ("from bma_etl.pipeline import process_file",  # extract: no warehouse
     ("pythainlp", "bma_etl.records")),
])
def test_imports_stay_light(statement: str, allowed: tuple[str, ...]) -> None:
    loaded = loaded_after(statement)
    assert {m for m in HEAVY if m in loaded} == set(allowed)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
def test_reading_a_pdf_leaves_one_thread_so_the_pdf_worker_forks() -> None:
    # numpy (imported with the PDF reader) would start OpenBLAS threads, and a process
    # with a second thread starts its PDF worker as a new interpreter, not a fork.
    import os

    code = ("import os\nfrom bma_etl.pipeline import process_file\nimport bma_etl.read.pdf\n"
            "from bma_etl.read.pdf_worker import _may_fork\n"
            "print(len(os.listdir('/proc/self/task')), _may_fork())")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env).stdout
    assert out.split() == ["1", "True"]
