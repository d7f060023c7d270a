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


def test_the_pipeline_loads_the_pdf_reader_only_for_a_pdf() -> None:
    # The reader (numpy among its imports, about 0.35 s) waits for the first PDF: a run
    # of text files never loads it.
    loaded = loaded_after("from bma_etl.pipeline import process_file")
    assert not {"numpy", "bma_etl.read.pdf", "bma_etl.read.pdf_layers"} & loaded


@pytest.mark.parametrize("module", ["bma_etl.checks", "bma_etl.validate", "bma_etl.normalize",
                                    "bma_etl.normalize.trust", "bma_etl.normalize.trust_text",
                                    "bma_etl.normalize.trust_overprint"])
def test_the_later_stages_load_no_extractor(module: str) -> None:
    # Normalising, validating and checking a document's records needs no layout's
    # extractor: a check takes what a layout declares (its identity fields) as data.
    loaded = loaded_after(f"import {module}")
    assert not {m for m in loaded if m.startswith("bma_etl.layouts")}
