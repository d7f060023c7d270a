"""Scanned Word forms with dotted tab leaders: a name's item number, a wrapped issue.

A project name opens with its item number (``2.14 โครงการ…``).

The form is generated from known values (bench/corpus), its name line given an item
number, written with python-docx and dotted tab leaders, printed by ``soffice`` and
scanned at 300 dpi (one page). OCR reads a dot the leader's erasing left before the value
(``:. 2.14 โครงการ…``), or the number with a gap after its point (``2. 14 โครงการ…``, the
tester's 300 dpi scan): both are separators, and the name is read without its number.
A strategy issue set after a far tab stop wraps onto a line holding a ``:`` of its own
(``… สะดวกสบาย ปลอดภัยและน่า`` / ``อยู่ : Green City``): it joins, as in a text layer.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bma_etl.normalize.text import strip_outline_number
from bma_etl.pipeline import process_file
from test_tab_leaders import ISSUE_LABEL, LONG_ISSUE

from corpus import render
from corpus.build import GENERATORS
from corpus.scan import scan_pdf

SEED = 2614
NAME_LABEL = "\u0e0a\u0e37\u0e48\u0e2d\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23"


def test_an_item_number_read_with_a_gap_is_no_part_of_a_name() -> None:
    name = "\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23\u0e01"
    for text in (f"2. 14 {name}", f"2.14 {name}", f"\u0e52. \u0e51\u0e54 {name}"):
        assert strip_outline_number(text, name=True) == name, text


def _scanned(tmp_path: Path, doc: Any, prefix: str, edit: Callable[[str], str], font: str,
             settings: dict[str, str], pages: int) -> Any:
    """The first ``projects`` row read from a scan of the generated form ``doc``.

    ``doc``'s line opening with ``prefix`` is written as ``edit`` makes it; the form is
    written with python-docx in ``font`` with dotted tab leaders (``settings``: the
    renderer's ``pt``, ``leader_cm``, ``lang``), printed by ``soffice`` and its first
    ``pages`` pages scanned at 300 dpi in grey. Fails the test without LibreOffice.
    """
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    lines = doc.text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith(prefix))
    lines[at] = edit(lines[at])
    doc.text = "\n".join(lines)
    pdf, scan = tmp_path / "form.pdf", tmp_path / "scan.pdf"
    failed = render.render_docx_batch([(doc, pdf, font, settings)])
    assert not failed, failed
    scan_pdf(pdf, scan, 300, "grey", random.Random(f"{SEED}-scan"), max_pages=pages)
    return process_file(scan).rows("projects")[0]


def _numbered(line: str) -> str:
    """A name line ``label : value`` with the item number ``2.14`` opening its value."""
    label, value = line.split(" : ", 1)
    return f"{label} : 2.14 {value}"


def test_a_scanned_name_loses_its_item_number(tmp_path: Path) -> None:
    doc = GENERATORS["legacy_tab"](random.Random(f"{SEED}-form"))
    row = _scanned(tmp_path, doc, NAME_LABEL + "/", _numbered, "Loma",
                   {"pt": "14", "leader_cm": "5.0", "lang": "th-TH"}, 1)
    got = str(row.project_name)
    want = json.loads(doc.truth_json())["tables"]["projects"][0]["project_name"]
    assert not got[:1].isdigit() and "14" not in got.split()[0], got
    assert got.split()[0][:6] == want.split()[0][:6], (got, want)


SUB_ISSUE_LABEL = ("\u0e1b\u0e23\u0e30\u0e40\u0e14\u0e47\u0e19\u0e22\u0e38\u0e17\u0e18"
                   "\u0e28\u0e32\u0e2a\u0e15\u0e23\u0e4c\u0e22\u0e48\u0e2d\u0e22")


def test_a_scanned_strategy_issue_wrapped_keeps_its_tail(tmp_path: Path) -> None:
    """The issue, set after a far tab stop, wraps onto a line holding a ``:`` of its own."""
    doc = GENERATORS["legacy_tab"](random.Random(f"{SEED}-far"))
    sub = next(ln for ln in doc.text.split("\n") if ln.startswith(f"{SUB_ISSUE_LABEL} : "))
    number = sub.split(" : ", 1)[1][0]  # the issue's number, as its sub-issue's opens
    issue = (f"\u0e14\u0e49\u0e32\u0e19\u0e17\u0e35\u0e48 {number} \u2013 "
             + LONG_ISSUE.split(" \u2013 ", 1)[1])
    row = _scanned(tmp_path, doc, f"{ISSUE_LABEL} : ", lambda _: f"{ISSUE_LABEL} : {issue}",
                   "Norasi", {"pt": "12", "leader_cm": "7.5", "lang": "th-TH"}, 2)
    got = row.strategy_issue
    assert str(got).startswith(issue[:8]) and str(got).endswith(": Green City"), got
