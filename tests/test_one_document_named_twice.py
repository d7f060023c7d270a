"""One document whose first part is none alone: not called two when its later part names it.

A progress form printed to PDF whose pages are joined in the wrong order (the reports
page first, the head page after) and a form forwarded by e-mail (the mail's header
lines above it) were read right as one document, but called two: a ``second_document``
error naming the form's own project, because the first part (the reports page, the
mail's header) read alone is no document and the form's title opens a part after it.
A later part that names the project the whole was read as is that document.

Forms generated from known values (bench/corpus ``legacy_form``), printed by fpdf2
without page numbers (pages reordered with pypdfium2) or written as text under a mail
header written here; the truth is the generated form.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.forms import legacy_form
from corpus.score import score
from thai_fonts import font_file


def _issues(processed: object, code: str) -> list[str]:
    return [q.message for q in processed.rows("quality_issues")  # type: ignore[attr-defined]
            if q.code == code]


def _lost(processed: object, truth: dict[str, object]) -> list[str]:
    return sorted(map(str, score(processed, truth).lost))  # type: ignore[arg-type]


@pytest.mark.parametrize("k", range(2))
def test_a_form_printed_with_its_pages_in_the_wrong_order(k: int, tmp_path: Path) -> None:
    doc = legacy_form(random.Random(f"pages-wrong-order-{k}"))
    pdf = render.fpdf_page("Loma", font_file("Loma"), 12, numbered=False)  # no page number
    render.fpdf_lines(pdf, doc.text.split("\n"), 6.0, 12.7)
    pdf.output(str(tmp_path / "form.pdf"))
    printed = pdfium.PdfDocument(tmp_path / "form.pdf")
    count = len(printed)
    assert count >= 2
    turned = pdfium.PdfDocument.new()
    turned.import_pages(printed, [*range(1, count), 0])  # the head page last
    turned.save(tmp_path / "turned.pdf")

    read = process_file(tmp_path / "turned.pdf")
    assert _issues(read, "second_document") == []
    assert len(_issues(read, "pages_out_of_order")) == 1  # said, as a warning
    assert _lost(read, doc.truth) == _lost(process_file(tmp_path / "form.pdf"), doc.truth)


def _mail_header(code: str) -> str:
    return ("\u0e40\u0e23\u0e35\u0e22\u0e19 \u0e1c\u0e2d.\u0e2a\u0e48\u0e27\u0e19\n\n"
            "---------- Forwarded message ---------\n"
            "From: \u0e2a\u0e48\u0e27\u0e19\u0e41\u0e1c\u0e19\u0e07\u0e32\u0e19 "
            "<plan.unit@bangkok.go.th>\n"
            "Date: Thu, 21 Sep 2023 at 14:05\n"
            f"Subject: \u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e04\u0e27\u0e32\u0e21"
            f"\u0e01\u0e49\u0e32\u0e27\u0e2b\u0e19\u0e49\u0e32 {code}\n"
            "To: <planning@bangkok.go.th>\n\n\n")


@pytest.mark.parametrize("k", range(3))
def test_a_form_forwarded_under_a_mail_header(k: int, tmp_path: Path) -> None:
    doc = legacy_form(random.Random(f"mail-header-{k}"))
    code = str(doc.truth["tables"]["projects"][0]["project_code"])  # type: ignore[index]
    (tmp_path / "form.txt").write_text(doc.text, encoding="utf-8")
    (tmp_path / "mail.txt").write_text(_mail_header(code) + doc.text, encoding="utf-8")

    read = process_file(tmp_path / "mail.txt")
    assert _issues(read, "second_document") == _issues(read, "pages_out_of_order") == []
    assert _lost(read, doc.truth) == _lost(process_file(tmp_path / "form.txt"), doc.truth)
