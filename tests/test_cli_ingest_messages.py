"""What ``ingest`` tells a person: OCR used and why, a quarantine's reason, a sparse load.

Inputs are generated from known values (bench/corpus's generators, and PDFs built
here page by page); the truth is what was built: the pages given a junk text layer,
the line a label was printed on, the entries whose heading was spaced apart.
"""

from __future__ import annotations

import io
import json
import random
import re
from pathlib import Path

import fpdf
import pytest
from fpdf.enums import TextMode
from PIL import Image
from typer.testing import CliRunner

from bma_etl.cli import app
from bma_etl.pipeline import process_file
from bma_etl.query import run_sql
from bma_etl.read import ocr as ocr_engine
from bma_etl.read import pdf as pdf_reader

from corpus.forms import legacy_form
from corpus.plans import action_plan
from corpus.web import progress_history, project_detail, tracking_page
from repo_paths import FIXTURES

runner = CliRunner()

# ------------------------------------------------------------ OCR said on the line

#: Tesseract's English model on a Thai page: a text layer that is not its page's text.
JUNK = (FIXTURES / "field-cases" / "tesseract_eng_on_thai.txt").read_text(encoding="utf-8")


def _page_image(seed: int) -> bytes:
    """A page-size grey image (a scan's paper), PNG."""
    rng = random.Random(seed)
    image = Image.new("L", (620, 877), 255)
    for _ in range(400):
        image.putpixel((rng.randrange(620), rng.randrange(877)), rng.randrange(120, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _pdf(pages: list[tuple[bool, list[str]]]) -> bytes:
    """One page per ``(scanned, layer)``: a page image under an invisible ``layer``, or
    ``layer`` alone, printed."""
    pdf = fpdf.FPDF()
    pdf.set_font("helvetica", size=11)
    for i, (scanned, layer) in enumerate(pages):
        pdf.add_page()
        if scanned:
            pdf.image(io.BytesIO(_page_image(i)), x=0, y=0, w=210)
            pdf.text_mode = TextMode.INVISIBLE
        for k, line in enumerate(layer):
            pdf.text(15, 20 + 8 * k, line)
        pdf.text_mode = TextMode.FILL
    return bytes(pdf.output())


@pytest.fixture
def ocr_reads(monkeypatch: pytest.MonkeyPatch) -> dict[int, str]:
    """OCR that reads page ``i`` as ``ocr_reads[i]`` (Tesseract itself is not run)."""
    texts: dict[int, str] = {}

    def fake_ocr(data: bytes, pages: list[int], **_: object) -> dict[int, object]:
        return {i: ocr_engine.OcrPage(texts[i], 90.0) for i in pages}

    monkeypatch.setattr(ocr_engine, "engine_problem", lambda: None)
    monkeypatch.setattr(pdf_reader, "ocr_pages", fake_ocr)
    return texts


@pytest.mark.parametrize(("layer", "why"), [
    (JUNK.splitlines()[:30], "text layer damaged"),  # a layer, not its page's text
    ([], "scanned"),  # a page image and no text at all
])
@pytest.mark.parametrize("seed", [1, 2])
def test_loaded_line_says_ocr_read_which_pages_and_why(
        layer: list[str], why: str, seed: int, ocr_reads: dict[int, str], db: Path,
        tmp_path: Path) -> None:
    form = legacy_form(random.Random(f"ocr-line-{seed}"), "tab")
    ocr_reads[0] = form.text
    path = tmp_path / "form.pdf"
    path.write_bytes(_pdf([(True, layer), (False, ["Page 2 of 2"])]))
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    note = f"OCR 1 of 2 pages: {why}"
    assert f"loaded      {path}  legacy_progress_form ({note})" in result.output.splitlines()
    assert "(loaded by layout: legacy_progress_form 1; 1 read by OCR)" in result.output
    logged = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "j.duckdb"),
                                 "--workers", "1", "--log-json"])
    lines = [json.loads(line) for line in logged.stdout.splitlines()]
    assert [line.get("ocr") for line in lines if line["event"] == "file"] == [note]
    assert [line["ocr_files"] for line in lines if line["event"] == "run"] == [1]
    explained = runner.invoke(app, ["explain", str(path)])
    assert f"read: {note}" in explained.output.splitlines()


def test_a_text_file_says_nothing_of_ocr(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "form.txt"
    path.write_text(legacy_form(random.Random("no-ocr"), "pipe").text, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--workers", "1"])
    assert f"loaded      {path}  legacy_progress_form" in result.output.splitlines()
    assert "OCR" not in result.output


# ------------------------------------------------------ a quarantine's reason is true

def _cut_like_pdfminer(line: str) -> str:
    """A line cut before each tone mark over a vowel, as pdfminer's text dump cuts
    ``ชื่อ`` into ``ชื`` / ``่อ`` within one text box: a mark on the next line with no
    blank line between is no mark the reader can tell was this line's (one after a
    blank line it puts back: ``tests/test_text_dumps.py``)."""
    return re.sub("(?<=[\u0e34-\u0e37])(?=[\u0e48-\u0e4b])", "\n", line)


@pytest.mark.parametrize("seed", range(3))
def test_quarantine_names_the_closest_layout_and_the_label_it_did_not_read(
        seed: int, db: Path, tmp_path: Path) -> None:
    form = legacy_form(random.Random(f"cut-heads-{seed}"), "pipe")
    lines = []
    for line in form.text.splitlines():
        # section headings and the name's label cut; the code's label printed whole
        cut = re.match(r"(?:[0-9]\.[0-9]?|ชื่อโครงการ)", line.strip()) is not None
        lines.extend((_cut_like_pdfminer(line) if cut else line).split("\n"))
    code_line = next(i for i, line in enumerate(lines, start=1) if line.startswith("รหัสโครงการ"))
    path = tmp_path / "cut.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 3, result.output
    (layout, error), = run_sql(db, "SELECT layout, error FROM documents").rows
    assert layout == "unknown"
    assert error.startswith("extract: closest layout legacy_progress_form (score ")
    assert "could not be read" in error and "no heading of section 1 or 1.1 was found" in error
    assert error.endswith(f"a 'รหัสโครงการ' label stands outside it at line {code_line}")
    assert f"quarantined {path}  {error}" in result.output.splitlines()


# ------------------------------------------------------------ a sparse document

def _issues(path: Path) -> list[str]:
    return [q.message for q in process_file(path).rows("quality_issues")
            if q.code == "sparse_document"]


@pytest.mark.parametrize("seed", range(3))
def test_history_whose_entries_were_not_read_is_sparse(seed: int, db: Path,
                                                       tmp_path: Path) -> None:
    page = progress_history(random.Random(f"spaced-entries-{seed}"))
    assert page.tables["progress_updates"]
    # a writer that marks word breaks with spaces (MuPDF's Story): the entries' heads
    text = page.text.replace("ความคืบหน้าโครงการฯ", "ความคืบหน้า โครงการ ฯ")
    first = next(i for i, line in enumerate(text.splitlines(), start=1)
                 if "ความคืบหน้า โครงการ ฯ" in line and line.startswith("("))
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    assert process_file(path).rows("progress_updates") == []
    message, = _issues(path)
    assert message.startswith("web_progress_history loaded without ")
    assert f"progress_updates (no row, though line {first} reads '(" in message
    assert message.endswith("'): not stated, or not read (see bma-etl explain)")
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert run_sql(db, "SELECT code FROM quality_issues").rows == [("sparse_document",)]


@pytest.mark.parametrize("seed", range(3))
def test_plan_without_its_agency_and_year_is_sparse(seed: int, tmp_path: Path) -> None:
    plan = action_plan(random.Random(f"no-head-{seed}"))
    year = str(plan.tables["plans"][0]["fiscal_year_be"])
    thai = year.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    lines = plan.text.splitlines()
    # the cover (agency, year) lost, the year left blank wherever else it was printed
    text = "\n".join(lines[lines.index("วิสัยทัศน์"):]).replace(year, "....").replace(thai, "....")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    assert _issues(path) == ["annual_action_plan loaded without plans.agency, "
                             "plans.fiscal_year_be: not stated, or not read (see bma-etl explain)"]


#: Each layout's identity fields as the generators' truth names them (``a|b``: either).
IDENTITY = {
    "legacy_progress_form": ("project_code|project_name", "fiscal_year_be", "agency"),
    "web_progress_history": ("project_code|project_name|unit_code", "fiscal_year_be"),
    "web_project_detail": ("project_code|project_name", "fiscal_year_be", "agency"),
    "annual_action_plan": ("agency", "fiscal_year_be"),
}


@pytest.mark.parametrize("generator", [legacy_form, progress_history, tracking_page,
                                       project_detail, action_plan])
@pytest.mark.parametrize("seed", range(3))
def test_a_document_read_whole_is_sparse_only_when_it_states_no_identity(
        generator: object, seed: int, tmp_path: Path) -> None:
    doc = generator(random.Random(f"whole-{seed}"))  # type: ignore[operator]
    head = (doc.tables.get("projects") or doc.tables["plans"])[0]
    unstated = [item for item in IDENTITY[doc.layout]
                if all(head.get(name) is None for name in item.split("|"))]
    path = tmp_path / "doc.txt"
    path.write_text(doc.text, encoding="utf-8")
    issues = _issues(path)
    assert bool(issues) == (2 * len(unstated) > len(IDENTITY[doc.layout]))


def test_a_scan_whose_ocr_shows_no_layout_says_it_was_read_by_ocr(tmp_path: Path) -> None:
    """A page OCR reads no layout's headings in (here: paper with a few lines that are
    no report) is quarantined saying so, with how OCR read it and what to do."""
    image = Image.open(io.BytesIO(_page_image(7))).convert("L")
    from PIL import ImageDraw, ImageFont

    from thai_fonts import font_file

    font = ImageFont.truetype(str(font_file("Loma")), 22)
    draw = ImageDraw.Draw(image)
    for k, line in enumerate(["บันทึกข้อความ เรื่อง ขอเชิญประชุม", "วันที่ 12 มกราคม 2568"]):
        draw.text((60, 80 + 40 * k), line, font=font, fill=0)
    page = tmp_path / "memo.png"
    image.save(page, dpi=(75, 75))
    result = runner.invoke(app, ["ingest", str(page), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 3, result.output
    assert "no known layout recognised" in result.output
    assert "read by OCR (OCR 1 of 1 page: scanned, mean confidence" in result.output
    assert "scan it again at 300 dpi" in result.output
