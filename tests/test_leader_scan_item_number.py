"""A scanned Word form whose project name opens with its item number (``2.14 โครงการ…``).

The form is generated from known values (bench/corpus), its name line given an item
number, written with python-docx and dotted tab leaders, printed by ``soffice`` and
scanned at 300 dpi (one page). OCR reads a dot the leader's erasing left before the value
(``:. 2.14 โครงการ…``), or the number with a gap after its point (``2. 14 โครงการ…``, the
tester's 300 dpi scan): both are separators, and the name is read without its number.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bma_etl.normalize.text import strip_outline_number
from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.scan import scan_pdf

SEED = 2614
NAME_LABEL = "\u0e0a\u0e37\u0e48\u0e2d\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23"


def test_an_item_number_read_with_a_gap_is_no_part_of_a_name() -> None:
    name = "\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23\u0e01"
    for text in (f"2. 14 {name}", f"2.14 {name}", f"\u0e52. \u0e51\u0e54 {name}"):
        assert strip_outline_number(text, name=True) == name, text


def test_a_scanned_name_loses_its_item_number(tmp_path: Path) -> None:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["legacy_tab"](random.Random(f"{SEED}-form"))
    lines = doc.text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith(NAME_LABEL + "/"))
    label, value = lines[at].split(" : ", 1)
    lines[at] = f"{label} : 2.14 {value}"
    doc.text = "\n".join(lines)
    pdf, scan = tmp_path / "form.pdf", tmp_path / "scan.pdf"
    failed = render.render_docx_batch(
        [(doc, pdf, "Loma", {"pt": "14", "leader_cm": "5.0", "lang": "th-TH"})])
    assert not failed, failed
    scan_pdf(pdf, scan, 300, "grey", random.Random(f"{SEED}-scan"), max_pages=1)
    got = str(process_file(scan).rows("projects")[0].project_name)  # type: ignore[attr-defined]
    want = json.loads(doc.truth_json())["tables"]["projects"][0]["project_name"]
    assert not got[:1].isdigit() and "14" not in got.split()[0], got
    assert got.split()[0][:6] == want.split()[0][:6], (got, want)
