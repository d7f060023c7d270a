"""PDF input: text-layer fixtures load like the samples, bad PDFs are quarantined.

The fixtures in tests/fixtures/pdf are made by scripts/make_fixtures.py
(``make fixtures``) and committed.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bma_etl.errors import BmaEtlError, ReadError
from bma_etl.layouts import BY_ID
from bma_etl.pipeline import process_file
from bma_etl.read import ocr as ocr_engine
from bma_etl.read import pdf as pdf_reader
from bma_etl.read.pdf import PageLayer, PdfPage, classify_page, extract_pdf, read_pdf
from bma_etl.read.pdf_columns import with_columns
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_page import line_pitches, with_blank_lines, with_side_by_side
from bma_etl.read.pdf_worker import call_with_time_limit
from bma_etl.records import Provenance
from bma_etl.textnorm import repair_text

from golden_compare import diff, load_golden
from repo_paths import FIXTURES, GOLDEN, SAMPLES

PDFS = FIXTURES / "pdf"
LEGACY = ["000_52cb5c31ec83ab03", "002_9d2ef115f542a230"]
PLAN = "003_bab53728cf3029b8"


def _squash(line: str) -> str:
    """A line with its white space runs made one space (tabs and gaps alike)."""
    return " ".join(line.split())


@pytest.fixture
def committed_cache(tmp_path_factory: pytest.TempPathFactory,
                    monkeypatch: pytest.MonkeyPatch) -> Path:
    """One live OCR per scanned fixture in this run (the session's cache), never a
    result frozen in the repository."""
    folder = Path(os.environ["BMA_ETL_CACHE"])
    monkeypatch.setenv("BMA_ETL_CACHE", str(folder))
    return folder


# ------------------------------------------------------------ text-layer PDFs


@pytest.mark.parametrize("stem", LEGACY)
def test_legacy_text_layer_pdf_matches_golden(stem: str) -> None:
    golden = load_golden(GOLDEN / f"{stem}.json")
    processed = process_file(PDFS / f"{stem}.pdf")
    assert processed.layout == golden["layout"]
    problems = diff(processed, golden)
    assert not problems, "\n".join(problems)
    doc = processed.tables["documents"][0]
    assert doc.media_type == "application/pdf"  # type: ignore[attr-defined]
    assert doc.pages and doc.pages >= 2  # type: ignore[attr-defined]
    assert doc.ocr_used is False  # type: ignore[attr-defined]


@pytest.mark.parametrize("stem", [*LEGACY, PLAN])
def test_text_layer_pdf_gives_every_sample_line(stem: str) -> None:
    # Blank lines have no glyphs in a PDF, and a tab comes back as one tab per gap.
    want = [_squash(x) for x in repair_text(
        (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")).splitlines() if x.strip()]
    text, starts, ocr_used = read_pdf((PDFS / f"{stem}.pdf").read_bytes(), f"{stem}.pdf")
    got = [_squash(x) for x in repair_text(text).splitlines() if x.strip()]
    assert got == want
    assert not ocr_used
    assert starts[0] == 0 and list(starts) == sorted(starts)


def test_plan_text_layer_pdf_matches_golden() -> None:
    # The plan reads tables by tab column (an empty cell counts) and paragraphs by blank
    # lines: both come back from the page's geometry.
    assert "annual_action_plan" in BY_ID
    golden = load_golden(GOLDEN / f"{PLAN}.json")
    processed = process_file(PDFS / f"{PLAN}.pdf")
    problems = diff(processed, golden)
    assert not problems, "\n".join(problems[:20])
    assert processed.layout == "annual_action_plan"


def test_every_value_has_its_page() -> None:
    processed = process_file(PDFS / f"{LEGACY[1]}.pdf")
    rows: list[Provenance] = processed.rows("provenance")  # type: ignore[assignment]
    text = processed.tables["document_texts"][0].text  # type: ignore[attr-defined]
    pages = processed.tables["documents"][0].pages  # type: ignore[attr-defined]
    spans = [p for p in rows if p.char_start is not None]
    assert spans
    for p in spans:
        assert p.page is not None and 1 <= p.page <= pages, p
        assert text[p.char_start:p.char_end] == p.raw_text
        assert p.low_confidence is False
    assert len({p.page for p in spans}) >= 2  # values come from more than one page


def test_generated_spaces_inside_thai_clusters_are_dropped() -> None:
    text, _, _ = read_pdf((PDFS / f"{LEGACY[1]}.pdf").read_bytes())
    # LibreOffice leaves a gap between MAI THO and SARA AA that pdfium fills with a space.
    assert "ความก้าวหน้าของงานฯ" in text
    assert "หน้ า" not in text and "ร ู้" not in text


def test_wide_gaps_become_tabs() -> None:
    text, _, _ = read_pdf((PDFS / f"{LEGACY[1]}.pdf").read_bytes())
    assert "รายงานครั้งที่1\t:: 30/10/2562" in text
    assert "บาท\t: เป็นไปตามแผน\t: เป็นไปตามเป้าหมาย" in text


def test_tables_keep_their_empty_cells_and_paragraphs_their_blank_lines() -> None:
    text, _, _ = read_pdf((PDFS / f"{PLAN}.pdf").read_bytes())
    # A year header row whose first two cells are empty: the columns come from the rows below.
    assert "\n\t\t๒๕๖๓\t๒๕๖๔\t๒๕๖๕\n" in text
    assert "ลำดับ ที่\tชื่อโครงการยุทธศาสตร์\tงบประมาณ\tส่วนราชการ ที่รับผิดชอบ" in text
    assert "การพัฒนา\n\nพันธกิจ\n\n" in text  # space between paragraphs is a blank line


def test_columns_come_from_the_rows_of_a_table() -> None:
    rows = [
        TextLine("ลำดับ\tชื่อ\tงบประมาณ", 700.0, 8.0, (40.0, 100.0, 300.0)),
        TextLine("ชื่อยาว\t๑,๕๐๐ บาท", 685.0, 8.0, (100.0, 300.0)),
        TextLine("๒\t๒๐๐ บาท", 670.0, 8.0, (40.0, 300.5)),
        TextLine("ข้อความต่อ", 655.0, 8.0, (40.0,)),
        TextLine("๓\tงาน", 640.0, 8.0, (40.0, 100.0)),
    ]
    assert [r.text for r in with_columns(rows)] == [
        "ลำดับ\tชื่อ\tงบประมาณ", "\tชื่อยาว\t๑,๕๐๐ บาท", "๒\t\t๒๐๐ บาท", "ข้อความต่อ\t", "๓\tงาน",
    ]


def test_an_indented_line_alone_is_no_table() -> None:
    lines = [TextLine("หัวเรื่องกลางหน้า", 700.0, 8.0, (200.0,)),
             TextLine("ข้อความ", 685.0, 8.0, (40.0,))]
    assert with_columns(lines) == lines


def test_space_between_lines_becomes_blank_lines() -> None:
    lines = [TextLine("ก", 700.0, 8.0), TextLine("ข", 685.0, 8.0), TextLine("ค", 640.0, 8.0)]
    pitches = line_pitches([lines])
    assert pitches == {8.0: 15.0}
    assert [x.text for x in with_blank_lines(lines, pitches)] == ["ก", "ข", "", "", "ค"]


def test_the_pitch_is_read_from_a_wrapped_cell_with_a_centred_line_between_its_lines() -> None:
    # LibreOffice's print of a web page's plan: the table's head wraps its last cell
    # (16.8 pt apart) and centres the other cells half-way; no other two lines of the
    # page stand one pitch apart (rows of one line, paragraphs 19.8 pt apart). The
    # pitch read from the paragraphs put no row of cells together.
    head = [TextLine("ส่วนราชการที่รับผิด", 600.0, 10.5, (400.0,), 400.0, 490.0),
            TextLine("ลำดับที่\tชื่อโครงการยุทธศาสตร์\tงบประมาณ", 591.6, 10.5,
                     (60.0, 110.0, 300.0), 60.0, 350.0),
            TextLine("ชอบ", 583.2, 10.5, (400.0,), 400.0, 420.0),
            TextLine("๑\tโครงการจัดตั้งศูนย์\t๑๒,๗๖๐,๐๐๐.- บาท\tกองการพยาบาล", 563.4, 10.5,
                     (60.0, 110.0, 300.0, 400.0), 60.0, 470.0),
            TextLine("โครงการสำคัญตามภารกิจ", 543.6, 10.5, (60.0,), 60.0, 200.0)]
    pitches = line_pitches([head])
    assert pitches == {10.5: pytest.approx(16.8)}
    assert with_side_by_side(head, pitches)[0].text == \
        "ลำดับที่\tชื่อโครงการยุทธศาสตร์\tงบประมาณ\tส่วนราชการที่รับผิดชอบ"


def _line(text: str, baseline: float, left: float, right: float,
          cells: tuple[float, ...] = ()) -> TextLine:
    return TextLine(text, baseline, 12.0, cells or (left,), left, right)


def test_cells_centred_beside_a_wrapped_cell_are_one_row() -> None:
    # A web page's borderless table: the label wraps in its narrow column and the
    # value is centred in the row, half a line pitch (22.5) lower or on the middle line.
    pitch = {12.0: 22.5}
    half = [_line("** ปัญหาของ", 433.5, 37, 101), _line("ผู้รับจ้างขาดแคลนแรงงาน", 422.2, 110, 237),
            _line("โครงการ :", 411.0, 36, 87)]
    assert [x.text for x in with_side_by_side(half, pitch)] == \
        ["** ปัญหาของโครงการ :\tผู้รับจ้างขาดแคลนแรงงาน"]
    middle = [_line("** อุปสรรค", 383.2, 37, 91),
              _line("ของโครงการ\tไม่มี", 360.8, 37, 129, (37.0, 109.0)),
              _line(":", 338.2, 37, 40)]
    assert [x.text for x in with_side_by_side(middle, pitch)] == ["** อุปสรรคของโครงการ :\tไม่มี"]
    beside = [_line("โครงการอบรมครุภัณฑ์การแพทย์", 620.2, 157, 547), _line("ชื่อโครงการ", 601.5, 64, 126),
              _line("กรุงเทพมหานคร ระยะ 20 ปี", 601.5, 157, 519), _line("ราษฎร์บูรณะ", 582.8, 157, 224)]
    assert [x.text for x in with_side_by_side(beside, pitch)] == \
        ["ชื่อโครงการ\tโครงการอบรมครุภัณฑ์การแพทย์กรุงเทพมหานคร ระยะ 20 ปีราษฎร์บูรณะ"]


def test_tab_table_rows_stay_rows() -> None:
    # A tab table whose cell wraps onto lines of its own (one pitch apart) is no
    # side-by-side row, nor are rows whose cells fall in one column.
    pitch = {12.0: 22.5}
    rows = [_line("รายงานครั้งที่1\t:: 30/10/2562 : ประชุม", 500.0, 37, 400, (37.0, 120.0)),
            _line("ความก้าวหน้า 8.00 %", 477.5, 120, 300),
            _line("รายงานครั้งที่2\t:: 19/11/2562 :", 455.0, 37, 300, (37.0, 120.0))]
    assert with_side_by_side(rows, pitch) == rows
    plan = [_line("ลำดับ ที่ชื่อโครงการ\tส่วนราชการ", 337.3, 57, 377, (57.0, 270.0)),
            _line("๑\tโครงการอบรม\t๑๑,๐๕๔,๖๐๐ บาท\tส่วนโยธา", 320.5, 57, 523,
                  (57.0, 92.0, 376.0, 482.0)),
            _line("รวมงบประมาณทั้งสิ้น\t๑๑,๐๕๔,๖๐๐ บาท", 303.8, 57, 278, (57.0, 199.0))]
    assert with_side_by_side(plan, pitch) == plan


def test_mark_written_out_of_order_goes_back_to_its_letter() -> None:
    # 003: LibreOffice writes the THANTHAKHAT of "สัมฤทธิ์" after "ความส" of the next words.
    text, _, _ = read_pdf((PDFS / f"{PLAN}.pdf").read_bytes())
    assert "ผลสัมฤทธิ์ โดยให้ความสำคัญ" in repair_text(text)


# ------------------------------------------------------------- page kinds


def test_classify_page_kinds() -> None:
    assert classify_page(PageLayer("รหัสโครงการ... : 04160000-3949", False)).kind == "text"
    assert classify_page(PageLayer("", True)).kind == "image"
    assert classify_page(PageLayer("  ", False)).kind == "blank"
    assert classify_page(PageLayer("หน้า 3", False)).kind == "text"  # sparse, no images
    # Lone marks with no base letter: repair cannot place them.
    damaged = "\n".join(["\u0e48\u0e49 \u0e4c\u0e31 \u0e34\u0e35 กขค"] * 10)
    page = classify_page(PageLayer(damaged, False))
    assert page.kind == "damaged" and page.damage > pdf_reader.MAX_DAMAGE


def test_classify_page_joins_a_split_be_year() -> None:
    page = classify_page(PageLayer("ณ วันที่ 17 มีนาคม พ.ศ. ๒๕๖\n6\nเป็นปีที่ 8 ในรัชกาลปัจจุบัน", False))
    assert "พ.ศ. ๒๕๖6\nเป็นปีที่" in page.text


def test_damaged_gazette_page_is_repaired_not_ocrd() -> None:
    pages = extract_pdf((FIXTURES / "royal-gazette-2566-damaged-sara-am.pdf").read_bytes()).pages
    assert [p.kind for p in pages] == ["text", "text"]
    assert "นำความกราบบังคมทูล" in repair_text(pages[0].text)


@dataclass
class _FakeOcr:
    asked: list[int]

    def __call__(self, data: bytes, indexes: list[int], *, name: str = "",
                 content: str | None = None) -> dict[int, object]:
        self.asked.extend(indexes)
        return {i: ocr_engine.OcrPage(f"OCR page {i + 1}", 88.0) for i in indexes}


@pytest.fixture
def fake_ocr(monkeypatch: pytest.MonkeyPatch) -> _FakeOcr:
    fake = _FakeOcr([])
    monkeypatch.setattr(pdf_reader, "ocr_pages", fake)
    monkeypatch.setattr(ocr_engine, "engine_problem", lambda: None)
    return fake


def test_damaged_pages_go_to_ocr_when_it_is_there(fake_ocr: _FakeOcr,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_DAMAGE", -1.0)  # every text page counts as damaged
    pdf = extract_pdf((PDFS / f"{LEGACY[1]}.pdf").read_bytes(), "x.pdf", "auto")
    assert fake_ocr.asked == list(range(len(pdf.pages)))
    assert pdf.ocr_used and pdf.ocr_confidence == 88.0
    assert pdf.text.startswith("OCR page 1\n")


def test_damaged_pages_keep_their_text_without_tesseract(fake_ocr: _FakeOcr,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_DAMAGE", -1.0)
    monkeypatch.setattr(ocr_engine, "engine_problem", lambda: "Tesseract is not installed")
    pdf = extract_pdf((PDFS / f"{LEGACY[1]}.pdf").read_bytes(), "x.pdf", "auto")
    assert fake_ocr.asked == [] and not pdf.ocr_used
    assert "รหัสโครงการ" in pdf.text


def test_ocr_never_keeps_damaged_text_and_always_reads_every_page(fake_ocr: _FakeOcr) -> None:
    data = (PDFS / f"{LEGACY[1]}.pdf").read_bytes()
    assert not extract_pdf(data, "x.pdf", "never").ocr_used
    assert fake_ocr.asked == []
    pdf = extract_pdf(data, "x.pdf", "always")
    assert fake_ocr.asked == list(range(len(pdf.pages))) and pdf.ocr_used


def test_ocr_never_refuses_a_scanned_pdf() -> None:
    with pytest.raises(ReadError, match="--ocr never"):
        process_file(PDFS / f"{LEGACY[0]}.scanned.pdf", ocr="never")


def test_scanned_pdf_without_the_thai_model_names_the_package(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BMA_ETL_CACHE", str(tmp_path / "empty"))
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # no models there
    monkeypatch.setattr(ocr_engine, "TESSDATA_DIRS", ())
    with pytest.raises(ReadError, match="tesseract-ocr-tha"):
        process_file(PDFS / "ocr_page.scanned.pdf")


def test_unknown_ocr_mode_is_a_bug_not_a_read_error() -> None:
    with pytest.raises(ValueError, match="ocr must be one of"):
        extract_pdf((PDFS / f"{LEGACY[1]}.pdf").read_bytes(), "x.pdf", "sometimes")


# ------------------------------------------------------------ scanned PDFs


@pytest.mark.parametrize("stem", LEGACY)
def test_scanned_legacy_form_project_fields(stem: str, committed_cache: Path) -> None:
    golden = load_golden(GOLDEN / f"{stem}.json")
    processed = process_file(PDFS / f"{stem}.scanned.pdf")
    assert processed.layout == "legacy_progress_form"
    doc = processed.tables["documents"][0]
    assert doc.ocr_used is True  # type: ignore[attr-defined]
    project = processed.rows("projects")[0]
    want = golden["tables"]["projects"][0]
    for field in ("project_code", "fiscal_year_be", "budget_allocated_thb", "budget_spent_thb"):
        got = getattr(project, field)
        assert str(got) == str(want[field]), field
    prov: list[Provenance] = processed.rows("provenance")  # type: ignore[assignment]
    assert prov and all(p.confidence is not None for p in prov if not p.derived)
    assert all(p.page is not None for p in prov if p.char_start is not None)


@pytest.mark.parametrize("stem", LEGACY)
def test_scanned_legacy_form_every_report(stem: str, committed_cache: Path) -> None:
    golden = load_golden(GOLDEN / f"{stem}.json")
    processed = process_file(PDFS / f"{stem}.scanned.pdf")
    want = golden["tables"]["progress_updates"]
    got = processed.rows("progress_updates")
    assert len(got) == len(want)
    for w, g in zip(want, got, strict=True):
        assert str(g.report_date) == str(w.get("report_date"))
        assert str(g.progress_pct) == str(w.get("progress_pct"))


# --------------------------------------------------------------- bad input


@pytest.mark.parametrize(("make", "message"), [
    (lambda: (PDFS / "encrypted.pdf").read_bytes(), "encrypted"),
    (lambda: (PDFS / f"{LEGACY[0]}.pdf").read_bytes()[:20_000], "truncated"),
    (lambda: (PDFS / "zero_pages.pdf").read_bytes(), "no pages"),
    (lambda: b"<!DOCTYPE html><html><body>not a pdf</body></html>", "not a PDF.*HTML"),
    (lambda: b"PK\x03\x04" + bytes(200), "not a PDF.*ZIP"),
    (lambda: b"%PDF-1.7\n" + bytes(300) + b"\n%%EOF\n", "cannot be opened"),
], ids=["encrypted", "truncated", "zero-pages", "html", "zip", "garbage"])
def test_bad_pdfs_are_refused_with_a_reason(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make())  # type: ignore[operator]
    with pytest.raises(ReadError, match=message) as info:
        process_file(path)
    assert info.value.reason().startswith("read: report.pdf: ")


def test_bad_pdf_is_quarantined_and_the_batch_goes_on(tmp_path: Path, db: Path) -> None:
    from bma_etl.pipeline import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PDFS / "encrypted.pdf", folder / "a.pdf")
    shutil.copy(PDFS / f"{LEGACY[1]}.pdf", folder / "b.pdf")
    summary = ingest([folder], db)
    assert (summary.loaded, summary.quarantined) == (1, 1)
    [bad] = summary.quarantined_files
    assert bad.path.name == "a.pdf" and "encrypted" in (bad.error or "")


def test_a_call_over_the_time_limit_is_cut_off() -> None:
    began = time.perf_counter()
    with pytest.raises(ReadError, match="time limit"):
        call_with_time_limit(time.sleep, 30, what="sleeping", seconds=0.5)
    assert time.perf_counter() - began < 10
    # The worker was replaced: the next file reads normally.
    assert "รหัสโครงการ" in read_pdf((PDFS / f"{LEGACY[1]}.pdf").read_bytes())[0]


def test_a_parser_crash_costs_one_file() -> None:
    with pytest.raises(ReadError, match="crashed"):
        call_with_time_limit(os._exit, 3, what="crashing")
    assert "รหัสโครงการ" in read_pdf((PDFS / f"{LEGACY[1]}.pdf").read_bytes())[0]


def test_time_limit_applies_to_whole_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BMA_ETL_PDF_TIMEOUT", "0.000001")
    with pytest.raises(ReadError, match="time limit"):
        process_file(PDFS / f"{PLAN}.pdf")


@settings(max_examples=40, deadline=None)
@given(cut=st.integers(min_value=0, max_value=40_000), flip=st.integers(min_value=0, max_value=255))
def test_damaged_bytes_give_text_or_read_error(cut: int, flip: int) -> None:
    data = bytearray((PDFS / f"{LEGACY[1]}.pdf").read_bytes())
    if cut < len(data):
        data[cut] ^= flip
    try:
        pages = extract_pdf(bytes(data), "fuzz.pdf", "never").pages
    except BmaEtlError:
        return
    assert all(isinstance(p, PdfPage) for p in pages)


@pytest.mark.parametrize("stem", LEGACY)
def test_scanned_document_reports_ocr_confidence(stem: str, committed_cache: Path) -> None:
    doc = process_file(PDFS / f"{stem}.scanned.pdf").rows("documents")[0]
    assert doc.ocr_used is True  # type: ignore[attr-defined]
    confidence = doc.ocr_confidence  # type: ignore[attr-defined]
    assert confidence is not None and 50 < confidence <= 100
    text_layer = process_file(PDFS / f"{stem}.pdf").rows("documents")[0]
    assert text_layer.ocr_confidence is None  # type: ignore[attr-defined]


# ------------------------------------------------------------ what one file may cost


def test_pdf_over_the_page_limit_is_refused_with_the_limit_named(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BMA_ETL_MAX_PAGES", "2")
    with pytest.raises(ReadError, match=r"over the limit of 2 pages .*BMA_ETL_MAX_PAGES"):
        process_file(PDFS / f"{LEGACY[0]}.pdf")


def test_page_too_big_to_ocr_is_refused_with_the_limit_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BMA_ETL_MAX_MEGAPIXELS", "0.5")  # an A4 page at 150 dpi is 2.2
    with pytest.raises(ReadError, match=r"page 1 is \d+ x \d+ mm.*BMA_ETL_MAX_MEGAPIXELS"):
        process_file(PDFS / "ocr_page.scanned.pdf")


def test_text_over_the_character_limit_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BMA_ETL_MAX_CHARS", "1000")
    with pytest.raises(ReadError, match=r"characters of text, over the limit of 1,000"):
        process_file(SAMPLES / "000_52cb5c31ec83ab03.txt")
