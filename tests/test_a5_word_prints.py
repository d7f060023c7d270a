"""Documents typed in Word on A5 paper and printed by LibreOffice: lines and cells wrap.

A5 (14.8 cm wide) with narrow margins wraps what A4 keeps on one line: a plan's
agency and parent under its title (``กองสารสนเทศภูมิศาสตร์ สำนักการวางผังและพัฒนา`` /
``เมือง``, the parent read without its tail). Documents are generated from known
values (bench/corpus), written as Word files on A5 (:func:`corpus.render.write_docx`),
printed, and read back as generated.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from conftest import assert_read_as_generated, font_file
from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc

FONT = "Garuda"
#: A division and its department, long enough together to wrap on an A5 line.
PAIRS = (("กองสารสนเทศภูมิศาสตร์", "สำนักการวางผังและพัฒนาเมือง"),
         ("ส่วนแผนงานและงบประมาณ", "สำนักการจราจรและขนส่ง"),
         ("กองนโยบายและแผนงาน", "สำนักยุทธศาสตร์และประเมินผล"))


def _print(tmp_path: Path, docs: list[GeneratedDoc], settings: dict[str, str]) -> list[Path]:
    """Each of ``docs`` printed on A5 by LibreOffice from a Word file (``settings`` too)."""
    font_file(FONT)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    jobs = [(doc, tmp_path / f"{doc.name}-{k}.pdf", FONT, {"page": "a5", **settings})
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
