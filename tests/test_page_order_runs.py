"""Pages out of order, their page numbers not read (:mod:`bma_etl.read.page_order`).

The documents are generated (bench/corpus) and printed by fpdf2 without page
numbers, as a scan whose 9 pt footer OCR does not read gives them; the pages are
then fed in reverse with pypdfium2. The file keeps its order (nothing tells it
for sure) but carries a ``pages_out_of_order`` quality issue, since its numbered
rows run on backwards; when they do so at every page that numbers rows, the pages are
read in reverse, as a stack fed face down (``pages_reordered``). The pages printed in
order carry neither. An ordinal whose
marks OCR lost (``รายงานครัโงที05``) still numbers its row.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.page_order import numbered_items, run_on_backwards

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.forms import legacy_form
from corpus.score import score
from corpus.web import progress_history
from thai_fonts import font_file


def _unnumbered(doc: GeneratedDoc, out: Path, pt: int) -> int:
    """Print ``doc`` as :func:`render.render_fpdf` does, without ``- n -`` footers."""
    pdf = render.fpdf_page("Loma", font_file("Loma"), pt, numbered=False)
    render.fpdf_lines(pdf, doc.text.split("\n"), pt * 0.5)
    pdf.output(str(out))
    return len(pdfium.PdfDocument(out))


def _reversed(src: Path, out: Path) -> None:
    made = pdfium.PdfDocument.new()
    made.import_pages(pdfium.PdfDocument(src), list(range(len(pdfium.PdfDocument(src))))[::-1])
    made.save(out)


def _rows_on_two_pages(doc: GeneratedDoc, pdf: Path) -> bool:
    """Whether the report rows' details (their first words) begin on two pages or more."""
    pages = pdfium.PdfDocument(pdf)
    texts = [pages[k].get_textpage().get_text_range() for k in range(len(pages))]
    starts = [row["detail"][:12] for row in doc.truth["tables"]["progress_updates"]]
    return sum(any(start in text for start in starts) for text in texts) >= 2


def _issues(processed: object, code: str) -> list[str]:
    return [q.message for q in processed.rows("quality_issues")  # type: ignore[attr-defined]
            if q.code == code]


@pytest.mark.parametrize(("make", "reversed_"), [(legacy_form, False),
                                                 (progress_history, True)])
def test_pages_fed_in_reverse_without_page_numbers_are_read_in_reverse_or_carry_an_issue(
        make: object, reversed_: bool, tmp_path: Path) -> None:
    # rows counting up (a form's reports 1..n) and down (a history's newest first),
    # the first document whose rows run over a page break
    for seed in range(8):
        doc = make(random.Random(f"runs-{seed}"))  # type: ignore[operator]
        if _unnumbered(doc, tmp_path / "printed.pdf", 16) >= 2 \
                and _rows_on_two_pages(doc, tmp_path / "printed.pdf"):
            break
    else:
        pytest.fail("no print whose rows run over a page break")
    _reversed(tmp_path / "printed.pdf", tmp_path / "fed.pdf")

    fed = process_file(tmp_path / "fed.pdf")
    printed = process_file(tmp_path / "printed.pdf")
    assert not _issues(printed, "pages_out_of_order") and not _issues(printed, "pages_reordered")
    if reversed_:
        # the history's rows run on backwards at its every page that numbers rows (its
        # newest entry alone on page 1, the rest on page 2): a stack fed face down, read
        # in reverse; read in the file's order it took entry 1's values from the page foot
        (message,) = _issues(fed, "pages_reordered")
        assert "read in reverse: 2, 1 of the file" in message
        assert not _issues(fed, "pages_out_of_order")
        result = score(fed, doc.truth)  # type: ignore[attr-defined]
        assert (result.right, result.extra_rows) == (result.total, 0), result.lost[:4]
    else:
        # the form's first page numbers its first section (``1.``), which runs on into
        # the reports' page: the rows run on backwards at one page of two only, and the
        # file's order is kept, with an issue
        assert not _issues(fed, "pages_reordered")
        (message,) = _issues(fed, "pages_out_of_order")
        assert "page 1's carry on from page 2's" in message


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_pages_printed_in_order_carry_no_issue(name: str, tmp_path: Path) -> None:
    for seed in range(3):
        doc = GENERATORS[name](random.Random(f"in-order-{name}-{seed}"))
        _unnumbered(doc, tmp_path / "printed.pdf", 12)
        assert not _issues(process_file(tmp_path / "printed.pdf"), "pages_out_of_order"), seed


def _ocr_ordinals(text: str, rng: random.Random) -> str:
    """``text`` with each ``ครั้งที่N`` cell as OCR reads it: marks lost, ``่`` read ``0``."""
    lines = []
    for line in text.splitlines():
        if line.startswith("| รายงานครั้งที่"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            number = cells[0].removeprefix("รายงานครั้งที่")
            cells[0] = "รายงานครั" + rng.choice(("โง", "ปิง", "ง")) + "ที" + \
                rng.choice(("0", "")) + number
            line = "\t".join(cells)
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(4))
def test_ordinals_read_without_their_marks_number_the_rows(seed: int) -> None:
    doc = next(d for d in (legacy_form(random.Random(f"ordinals-{seed}-{k}"), "pipe")
                           for k in range(50))
               if len(d.truth["tables"]["progress_updates"]) >= 4)
    read = _ocr_ordinals(doc.text, random.Random(seed))
    rows = [int(u["seq_label"]) for u in doc.truth["tables"]["progress_updates"]]
    assert numbered_items(read)[-len(rows):] == rows
    lines = read.splitlines()
    first_row = next(k for k, line in enumerate(lines) if line.startswith("รายงานครั"))
    cut = first_row + len(rows) // 2  # two rows at least on each page
    first, second = "\n".join(lines[:cut]), "\n".join(lines[cut:])
    assert run_on_backwards([first, second]) == []
    assert run_on_backwards([second, first]) == [(0, 1)]
