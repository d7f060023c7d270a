"""Documents written with Thai digits (๐-๙) where Thai government Word documents use them.

Their section numbers (``๑.๑ รหัสโครงการและชื่อโครงการ``), labels and entry
headings (``(๑) ความคืบหน้าโครงการฯ ร้อยละ ๔๙.๕๐ (๒๐๒๕-๐๔-๐๗)``) read as the same
document written in Arabic digits does. The documents are generated
(``bench/corpus``) and their digits written as Thai digits; the truth is the
generated values, a text value that holds digits (a project name's ``ระยะ ๒๐ ปี``)
kept as printed, in Thai digits. Codes and phone numbers are stored in Arabic digits.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bma_etl.layouts import legacy_progress_form, web_progress_history
from bma_etl.layouts.base import Derived, Raw, RawRow, RepairedText
from bma_etl.layouts.status_words import derive_status
from bma_etl.pipeline import process_file
from bma_etl.provenance import Span
from bma_etl.textnorm import repair_text

from corpus.build import GENERATORS, _rng
from corpus.render import render_fpdf
from corpus.values import thai
from layout_checks import assert_raw_values_slice_their_spans
from read_back import assert_read_as_generated
from thai_fonts import font_file

#: Fields stored in Arabic digits whatever the document prints.
_ARABIC_FIELDS = ("code", "kpi_id", "phone")
#: A value the truth states as a number or an ISO date (compared as values, not as text).
_NUMBER_OR_DATE = re.compile(r"-?[\d.,]+|\d{4}-\d\d-\d\d")


def _thai_truth(truth: dict[str, Any]) -> dict[str, Any]:
    """``truth`` with its text values that hold digits written in Thai digits."""
    for rows in truth["tables"].values():
        for row in rows:
            for name, value in row.items():
                if isinstance(value, str) and not name.endswith(_ARABIC_FIELDS) \
                        and re.search(r"\d", value) and not _NUMBER_OR_DATE.fullmatch(value):
                    row[name] = thai(value)
    return truth


def _generated(generator: str, seed: int) -> Any:
    return GENERATORS[generator](_rng(seed, generator, 0))


@pytest.mark.parametrize("generator", sorted(GENERATORS))
@pytest.mark.parametrize("seed", [3, 41])
def test_every_digit_thai_reads_as_generated(tmp_path: Path, generator: str, seed: int) -> None:
    doc = _generated(generator, seed)
    path = tmp_path / f"{generator}.txt"
    path.write_text(thai(doc.text), encoding="utf-8")
    assert_read_as_generated(path, _thai_truth(doc.truth))


#: A legacy form's section heading as the generator writes it (``1.1 รหัสโครงการและ…``).
_SECTION_HEADING = re.compile(
    r"^[0-9](?:\.[0-9])?\.? (?=ชื่อโครงการและ|รหัสโครงการและ|หน่วยงานที่รับผิดชอบ$|หลักการ"
    r"|วัตถุประสงค์|เป้าหมายของ|สนับสนุนแผน|รายงานความก้าวหน้าของ)", re.M)


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_long"])
def test_legacy_section_numbers_in_thai_digits_open_their_sections(
        tmp_path: Path, generator: str) -> None:
    """Only the section numbers in Thai digits (``๑.๑``): the form is read whole."""
    doc = _generated(generator, 736)
    text, n = _SECTION_HEADING.subn(lambda m: thai(m.group()), doc.text)
    assert n >= 6
    path = tmp_path / f"{generator}.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)
    assert_raw_values_slice_their_spans(legacy_progress_form.LAYOUT, path)
    scores = [legacy_progress_form.score(RepairedText.of(repair_text(t))) for t in (text, doc.text)]
    assert scores[0] == scores[1]  # ``๑.๑`` is as much a sign of the form as ``1.1``


#: An entry heading as the generator writes it, its system date in brackets at the end.
_ENTRY_DATE = re.compile(r"(?<=\()(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})(?=\)$)", re.M)


def test_history_entry_heading_with_a_thai_digit_date_opens_its_entry(tmp_path: Path) -> None:
    """``(1) ความคืบหน้าโครงการฯ ร้อยละ 49.50 (๒๐๒๕-๐๔-๐๗)``: the entry is read, not dropped."""
    doc = _generated("web_history", 738)
    text, n = _ENTRY_DATE.subn(lambda m: thai(m.group()), doc.text)
    assert n >= 1
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)
    assert_raw_values_slice_their_spans(web_progress_history.LAYOUT, path)
    dates = [r.report_date for r in process_file(path).rows("progress_updates")]  # type: ignore[attr-defined]
    assert len(dates) == n and None not in dates


@pytest.mark.parametrize("generator", ["legacy_tab", "web_history"])
def test_every_digit_thai_in_a_text_layer_pdf(tmp_path: Path, generator: str) -> None:
    """The same documents printed (fpdf2, Sarabun), their text layer in Thai digits."""
    doc = _generated(generator, 5)
    doc.text = thai(doc.text)
    pdf = tmp_path / f"{generator}.pdf"
    render_fpdf(doc, pdf, "Sarabun", font_file("Sarabun"), _rng(5, generator, 0, "fpdf2"),
               shaping=False)
    assert_read_as_generated(pdf, _thai_truth(doc.truth))


@pytest.mark.parametrize(("pct", "status"), [("100.00", "completed"), ("๑๐๐.๐๐", "completed"),
                                             ("๑๐๐", "completed"), ("๔๙.๕๐", "in_progress")])
def test_latest_progress_of_100_in_thai_digits_completes_the_project(pct: str,
                                                                     status: str) -> None:
    """A latest report of ``ร้อยละ ๑๐๐.๐๐`` whose narrative names no status: completed."""
    row = RawRow("progress_updates", 1, {"progress_pct": Raw(pct, Span(1, 0, len(pct))),
                                         "detail": Raw("ส่งมอบเอกสาร", Span(2, 10, 22))})
    found = derive_status([row])
    assert isinstance(found, Derived) and found.value == status
