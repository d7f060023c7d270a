"""Pages fed twice or out of order (:mod:`bma_etl.read.page_order`).

The documents are generated (bench/corpus) and printed (fpdf2 with ``- n -`` at
each page's foot, reportlab with its drawn footer style); the pages are then
reordered or repeated with pypdfium2 as a sheet feeder does. The file must read
as the document printed in order does: the same fields right and lost, a
``pages_reordered`` or ``page_repeated`` quality issue, and no
``second_document``. One scan of a page fed twice is read by OCR, as the scan of
it once is. Texts of two different reports of one form, and two documents
numbered 1, 2 then 1, 2, are left as the file has them; a bare number within a
page is no page number.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.page_order import in_order, printed_order, repeated

from corpus import render
from corpus.doc import GeneratedDoc
from corpus.forms import legacy_form
from corpus.plans import action_plan
from corpus.scan import scan_pdf
from corpus.score import score
from corpus.web import progress_history
from thai_fonts import font_file


def _fpdf(doc: GeneratedDoc, out: Path, seed: str) -> int:
    render.render_fpdf(doc, out, "Loma", font_file("Loma"), random.Random(seed), shaping=False,
                       pt=12)
    return len(pdfium.PdfDocument(out))


def _reportlab(doc: GeneratedDoc, out: Path, seed: str) -> int:
    render.render_reportlab(doc, out, "Loma", font_file("Loma"), random.Random(seed))
    return len(pdfium.PdfDocument(out))


def _pages(src: Path, order: list[int], out: Path) -> None:
    """``out``: the pages of ``src`` at the 0-based ``order`` (a page may come twice)."""
    made = pdfium.PdfDocument.new()
    made.import_pages(pdfium.PdfDocument(src), order)
    made.save(out)


def _issues(processed: object, code: str) -> list[str]:
    return [q.message for q in processed.rows("quality_issues")  # type: ignore[attr-defined]
            if q.code == code]


def _lost(processed: object, doc: GeneratedDoc) -> list[str]:
    return sorted(map(str, score(processed, doc.truth).lost))


CASES = {  # name: (generator, printer, the file's pages from the n printed, reordered)
    "form reversed": (legacy_form, _fpdf, lambda n: list(range(n))[::-1], True),
    "form first page twice": (legacy_form, _fpdf, lambda n: [0, *range(n)], False),
    "plan reversed": (action_plan, _reportlab, lambda n: list(range(n))[::-1], True),
    "plan shuffled, page 2 twice": (action_plan, _reportlab,
                                    lambda n: [1, 0, 1, *range(n - 1, 1, -1)], True),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_pages_fed_out_of_order_or_twice_read_as_printed(case: str, tmp_path: Path) -> None:
    make, printer, feed, reordered = CASES[case]
    doc = make(random.Random(f"{case}-doc"))
    pages = printer(doc, tmp_path / "printed.pdf", f"{case}-print")
    assert pages >= 2
    order = feed(pages)
    _pages(tmp_path / "printed.pdf", order, tmp_path / "fed.pdf")

    fed = process_file(tmp_path / "fed.pdf")
    printed = process_file(tmp_path / "printed.pdf")
    assert fed.layout == doc.layout
    assert _lost(fed, doc) == _lost(printed, doc)
    assert not _issues(fed, "second_document")
    assert not _issues(printed, "page_repeated") and not _issues(printed, "pages_reordered")
    twice = len(order) - len(set(order))
    assert len(_issues(fed, "page_repeated")) == twice
    assert len(_issues(fed, "pages_reordered")) == reordered


def test_a_page_scanned_twice_is_read_once(tmp_path: Path) -> None:
    doc = progress_history(random.Random("history-twice"))
    _fpdf(doc, tmp_path / "printed.pdf", "history-twice-print")
    _pages(tmp_path / "printed.pdf", [0, 0], tmp_path / "twice.pdf")  # its first page
    scan_pdf(tmp_path / "twice.pdf", tmp_path / "scan.pdf", 200, "grey",
             random.Random("history-twice-scan"))
    _pages(tmp_path / "scan.pdf", [0], tmp_path / "once.pdf")  # the same image, once

    twice = process_file(tmp_path / "scan.pdf")
    once = process_file(tmp_path / "once.pdf")
    assert _issues(twice, "page_repeated") == [
        "page 2 repeats page 1 (the same sheet scanned again) and was skipped"]
    assert not _issues(twice, "second_document")
    assert len(twice.rows("progress_updates")) == len(once.rows("progress_updates")) > 0
    assert _lost(twice, doc) == _lost(once, doc)


def _misread(text: str, rng: random.Random, share: float) -> str:
    """``text`` with ``share`` of its letters changed, as a second OCR of a page reads."""
    letters = list(text)
    spots = [k for k, c in enumerate(letters) if not c.isspace()]
    for k in rng.sample(spots, int(len(spots) * share)):
        letters[k] = rng.choice("กขคงจ0123456789")
    return "".join(letters)


@pytest.mark.parametrize("seed", range(6))
def test_a_page_read_again_with_misreads_is_a_repeat(seed: int) -> None:
    page = legacy_form(random.Random(f"again-{seed}")).text[:2000]
    assert repeated([page, _misread(page, random.Random(seed), 0.02)]) == {1: 0}


@pytest.mark.parametrize("seed", range(6))
def test_pages_of_two_reports_of_one_form_are_not_repeats(seed: int) -> None:
    a = legacy_form(random.Random(f"one-{seed}"), "pipe").text[:2000]
    b = legacy_form(random.Random(f"other-{seed}"), "pipe").text[:2000]
    assert repeated([a, b]) == {}


def _page(n: int, foot: str) -> str:
    return f"รายงาน ส่วนที่ {n}\nบรรทัดที่หนึ่ง 12,500 บาท\n{foot.format(n=n)}"


@pytest.mark.parametrize("foot", ["หน้า {n}", "หน้า {n}/4", "- {n} -", "{n}", "หน้า ๐{n}"])
def test_printed_numbers_give_the_order(foot: str) -> None:
    pages = [_page(n, foot) for n in (4, 3, 2, 1)]
    assert printed_order(pages) == [3, 2, 1, 0]


def test_one_unnumbered_page_fills_the_one_gap() -> None:
    pages = [_page(3, "หน้า {n}"), "รายงาน ส่วนที่ 2\nไม่มีเลขหน้า", _page(1, "หน้า {n}")]
    assert printed_order(pages) == [2, 1, 0]
    two_gaps = [_page(4, "หน้า {n}"), "ไม่มีเลขหน้า", _page(1, "หน้า {n}")]
    assert printed_order(two_gaps) is None


def test_a_bare_number_within_a_page_is_no_page_number() -> None:
    pages = [f"ตาราง\n{n}\nรวม 12,500 บาท\nก\nข\nค\nง\nจ" for n in (2, 1)]
    assert printed_order(pages) is None
    assert printed_order([t + f"\n{n}" for t, n in zip(pages, (2, 1), strict=True)]) == [1, 0]


def test_two_documents_numbered_alike_keep_the_file_order() -> None:
    pages = [_page(1, "- {n} -"), _page(2, "- {n} -"), _page(1, "- {n} -").replace("12", "47"),
             _page(2, "- {n} -").replace("12", "47")]
    assert printed_order(pages) is None
    kept, notes = in_order([_Text(t) for t in pages])
    assert [p.text for p in kept] == pages and notes == ()


class _Text:
    def __init__(self, text: str) -> None:
        self.text = text


def test_thai_digit_numbers_read_as_arabic_and_one_page_left_alone() -> None:
    """A page's numbers (codes, amounts, its own number) in Thai digits read as Arabic."""
    from bma_etl.read.page_order import _digits, page_numbers

    rng = random.Random(31)
    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    numbers = [str(rng.randint(0, 10 ** rng.randint(1, 7))) for _ in range(40)]
    written = [n.translate(thai) if rng.random() < 0.5 else n for n in numbers]
    text = "\n".join(f"โครงการที่ {w} งบประมาณ" for w in written)
    assert _digits(text) == " ".join(numbers)
    pages = [f"{text}\nหน้า {str(k).translate(thai)}" for k in (2, 1, 3)]
    assert page_numbers(pages) == [2, 1, 3]
    assert printed_order(pages) == [1, 0, 2]

    class Page:
        text = pages[0]

    one = [Page()]
    assert in_order(one) == (one, ())
