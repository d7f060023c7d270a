"""Two documents in one PDF: a scanner's batch or a merged print.

The documents are generated (bench/corpus), each printed by fpdf2, and the two
PDFs joined into one with pypdfium2. The file is one warehouse document (its
``doc_id`` is the hash of its bytes): the first part is read as that document, as
well as when it is printed alone, and a ``second_document`` finding names the
pages of the other part and its layout, so that its fields are not lost unseen.
A web history page followed by a form reads as a form when taken whole; its
first part alone reads as the history it is.
A single document of many pages, and a single document with a running header,
get no such finding.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.document import RepairedText
from bma_etl.parts import Part, find_parts
from bma_etl.pipeline import process_file

from conftest import font_file
from corpus import render
from corpus.doc import GeneratedDoc
from corpus.forms import legacy_form, legacy_long
from corpus.plans import action_plan
from corpus.score import score
from corpus.web import progress_history, project_detail


def _print(doc: GeneratedDoc, out: Path, seed: str) -> int:
    render.render_fpdf(doc, out, "Loma", font_file("Loma"), random.Random(seed), shaping=False,
                       pt=12)
    return len(pdfium.PdfDocument(out))


def _join(parts: list[Path], out: Path) -> None:
    joined = pdfium.PdfDocument.new()
    for part in parts:
        joined.import_pages(pdfium.PdfDocument(part))
    joined.save(out)


PAIRS = {
    "form+history": (legacy_form, progress_history),
    "history+form": (progress_history, legacy_form),
    "detail+detail": (project_detail, project_detail),
    "plan+detail": (action_plan, project_detail),
    "form+form": (legacy_form, legacy_form),
}


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_a_second_document_is_named_and_the_first_read_as_alone(pair: str,
                                                                  tmp_path: Path) -> None:
    make_a, make_b = PAIRS[pair]
    a, b = make_a(random.Random(f"{pair}-a")), make_b(random.Random(f"{pair}-b"))
    pages_a = _print(a, tmp_path / "a.pdf", f"{pair}-print-a")
    pages_b = _print(b, tmp_path / "b.pdf", f"{pair}-print-b")
    _join([tmp_path / "a.pdf", tmp_path / "b.pdf"], tmp_path / "both.pdf")

    both = process_file(tmp_path / "both.pdf")
    alone = process_file(tmp_path / "a.pdf")
    assert both.layout == a.layout
    issues = [q for q in both.rows("quality_issues") if q.code == "second_document"]
    assert len(issues) == 1
    second = (f"page {pages_a + 1}" if pages_b == 1
              else f"pages {pages_a + 1}-{pages_a + pages_b}")
    assert f"{second} ({b.layout})" in issues[0].message
    assert sorted(map(str, score(both, a.truth).lost)) == \
        sorted(map(str, score(alone, a.truth).lost))
    assert not [q for q in alone.rows("quality_issues") if q.code == "second_document"]


def test_one_long_document_is_one_part(tmp_path: Path) -> None:
    for k in range(3):
        doc = legacy_long(random.Random(f"long-{k}"))
        pages = _print(doc, tmp_path / f"long{k}.pdf", f"long-print-{k}")
        assert pages > 1
        processed = process_file(tmp_path / f"long{k}.pdf")
        assert not [q for q in processed.rows("quality_issues") if q.code == "second_document"]


def test_a_title_repeated_atop_every_page_is_a_running_header() -> None:
    title = "แบบรายงานความก้าวหน้าการดำเนินการโครงการตามแผนปฏิบัติราชการ"
    head = "รหัสโครงการ : 04160000-3949\nหน่วยงานที่รับผิดชอบ : สำนักงานเขต\n1.1 ชื่อโครงการ ก\n"
    pages = [f"{title}\n{head if n == 1 else ''}รายงานครั้งที่ {n} ผลการดำเนินงาน ร้อยละ {n}0\n"
             f"- {n} -" for n in (1, 2, 3)]
    starts, at = [], 0
    for page in pages:
        starts.append(at)
        at += len(page) + 1
    from bma_etl.furniture import furniture_lines

    text = "\n".join(pages)
    doc = RepairedText.of(text, tuple(starts), furniture=furniture_lines(text, tuple(starts)))
    assert find_parts(doc, "legacy_progress_form") == [Part(1, 3, "legacy_progress_form")]
