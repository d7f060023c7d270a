"""Documents typed in Word on A5 paper and printed by LibreOffice: lines and cells wrap.

A5 (14.8 cm wide) with narrow margins wraps what A4 keeps on one line: a plan's
agency and parent under its title (``กองสารสนเทศภูมิศาสตร์ สำนักการวางผังและพัฒนา`` /
``เมือง``, the parent read without its tail); a form's report table, one ruled row a
report in four equal columns, wraps every cell, and a page break cuts a row after
its first line (``รายงานครั้ง`` | ``::`` | ``: เป็นไปตาม`` | ``: เป็นไปตาม`` at the
foot, ``ที่8`` | ``5/3/2564 : …`` | ``แผน`` | ``เป้าหมาย`` atop the next page). The rest
was taken for another row when ``::`` left room for ``5/3/2564`` alone: a line breaker
keeps `` :`` with it (:func:`bma_etl.read.pdf_break_words.unbroken_word`), and the
report lost its flags and got the flag words in its detail. Documents are generated
from known values (bench/corpus), written as Word files on A5
(:func:`corpus.render.write_docx`), printed, and read back as generated.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.forms import _FOOTER, _form_head, _report_parts
from read_back import assert_read_as_generated
from thai_fonts import font_file

FONT = "Garuda"
#: A division and its department, long enough together to wrap on an A5 line.
PAIRS = (("กองสารสนเทศภูมิศาสตร์", "สำนักการวางผังและพัฒนาเมือง"),
         ("ส่วนแผนงานและงบประมาณ", "สำนักการจราจรและขนส่ง"),
         ("กองนโยบายและแผนงาน", "สำนักยุทธศาสตร์และประเมินผล"))


def _print(tmp_path: Path, docs: list[GeneratedDoc], settings: dict[str, str],
           font: str = FONT) -> list[Path]:
    """Each of ``docs`` printed on A5 by LibreOffice from a Word file (``settings`` too)."""
    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    jobs = [(doc, tmp_path / f"{doc.name}-{k}.pdf", font, {"page": "a5", **settings})
            for k, doc in enumerate(docs)]
    failed = render.render_docx_batch(jobs)
    assert not failed, failed
    return [out for _, out, _, _ in jobs]


def _plan_of(k: int) -> GeneratedDoc:
    """A generated plan whose agency and parent are pair ``k`` of :data:`PAIRS`."""
    doc = GENERATORS["plan"](random.Random(f"a5-plan-{k}"))
    row = doc.truth["tables"]["plans"][0]
    agency, parent = PAIRS[k]
    text = doc.text.replace(row["agency"], agency).replace(row["parent_agency"], parent)
    tables = {**doc.tables, "plans": [{**row, "agency": agency, "parent_agency": parent}]}
    return GeneratedDoc(doc.name, doc.layout, text, tables,
                        thai_digit_fields=doc.thai_digit_fields)


def test_a_plans_agencies_wrapped_under_its_title_are_read_whole(tmp_path: Path) -> None:
    from bma_etl.pipeline import process_file

    docs = [_plan_of(k) for k in range(len(PAIRS))]
    pdfs = _print(tmp_path, docs, {"pt": "16", "margin_cm": "1.27"})
    wrapped = 0
    for doc, pdf in zip(docs, pdfs, strict=True):
        row = doc.truth["tables"]["plans"][0]
        lines = process_file(pdf).text.splitlines()
        wrapped += f"{row['agency']} {row['parent_agency']}" not in lines
        assert_read_as_generated(pdf, doc.truth, tables=["plans"])
    assert wrapped, "no print wrapped its agencies' line: the test tests nothing"


def _form_of(k: int, reports: int = 14) -> GeneratedDoc:
    """A generated form whose report table is one row a report, four cells (label, detail
    with its progress and amount, plan flag, target flag), as the form is typed in Word."""
    rng = random.Random(f"a5-form-{k}")
    project, rows, lines = _form_head(rng, count=reports)
    for row in rows:
        when, detail, progress, plan, target = _report_parts(rng, row)
        lines.append(f"รายงานครั้งที่{row['seq_label']}\t:: {when} : {detail} :: {progress}"
                     f"\t: {plan}\t: {target}")
    return GeneratedDoc("legacy_a5", "legacy_progress_form", "\n".join([*lines, *_FOOTER]),
                        {"projects": [project], "progress_updates": rows})


#: A page opening with a report row's rest: its label's number (``ที่8``) and the date.
_REST_ATOP = re.compile(r"\s*ที่\s*[0-9]+\s+[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}")


def _rests_atop(pdf: Path) -> int:
    """How many of ``pdf``'s pages open with a report row's rest (pdftotext's layout)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("needs pdftotext: apt-get install poppler-utils (make venv does)")
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    return sum(bool(_REST_ATOP.match(next((ln for ln in page.splitlines() if ln.strip()), "")))
               for page in text.split("\f"))


def test_a_form_row_cut_after_its_first_line_keeps_its_flags(tmp_path: Path) -> None:
    docs = [_form_of(k) for k in (1, 2, 3)]
    # Waree: LibreOffice's fallback for TH SarabunPSK, which a Thai office types in
    pdfs = _print(tmp_path, docs, {"pt": "14", "margin_cm": "1.27"}, "Waree")
    assert sum(map(_rests_atop, pdfs)), "no page break cut a row after its first line"
    for doc, pdf in zip(docs, pdfs, strict=True):
        assert_read_as_generated(pdf, doc.truth)
