"""``bma-etl split``: a file holding several reports written as one file for each.

A scanner's batch or a merged print holds a legacy form and then a project-detail
page; its ``doc_id`` is the hash of its bytes, so only the form loads and the detail
page is named in a ``second_document`` finding, which tells the command to run.
The documents are generated from known values (bench/corpus), printed by fpdf2 and
joined with pypdf (and, as text, written one after the other); ``split`` writes
each as its own file, and each part, read or ingested, gives every field of its
document as the document printed alone does.
"""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
import pypdfium2 as pdfium
import pytest
from typer.testing import CliRunner

from bma_etl.cli import app
from bma_etl.pipeline import process_file

from corpus import render
from corpus.doc import GeneratedDoc
from corpus.forms import legacy_form
from corpus.score import score
from corpus.web import project_detail
from thai_fonts import font_file

runner = CliRunner()
HINT = "'bma-etl split FILE --out DIR'"


def _print(doc: GeneratedDoc, out: Path, seed: str) -> int:
    render.render_fpdf(doc, out, "Loma", font_file("Loma"), random.Random(seed), shaping=False,
                       pt=12)
    return len(pdfium.PdfDocument(out))


def _join(parts: list[Path], out: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    writer.write(str(out))


def _documents(seed: int) -> tuple[GeneratedDoc, GeneratedDoc]:
    return (legacy_form(random.Random(f"split-{seed}-form")),
            project_detail(random.Random(f"split-{seed}-detail")))


def _lost(path: Path, doc: GeneratedDoc) -> list[str]:
    return sorted(map(str, score(process_file(path), doc.truth).lost))


def _second_document(path: Path) -> str:
    issues = [q for q in process_file(path).rows("quality_issues")
              if q.code == "second_document"]
    assert len(issues) == 1
    return issues[0].message


@pytest.mark.parametrize("seed", range(2))
def test_a_pdf_bundle_splits_into_its_documents(seed: int, tmp_path: Path) -> None:
    form, detail = _documents(seed)
    pages_a = _print(form, tmp_path / "form.pdf", f"split-{seed}-print-form")
    pages_b = _print(detail, tmp_path / "detail.pdf", f"split-{seed}-print-detail")
    _join([tmp_path / "form.pdf", tmp_path / "detail.pdf"], tmp_path / "batch.pdf")
    assert HINT in _second_document(tmp_path / "batch.pdf")

    out = tmp_path / "parts"
    result = runner.invoke(app, ["split", str(tmp_path / "batch.pdf"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    first, second = out / "batch.part1.pdf", out / "batch.part2.pdf"
    pages = [f"page {n}" if n == m else f"pages {n}-{m}"
             for n, m in ((1, pages_a), (pages_a + 1, pages_a + pages_b))]
    assert result.output.split("\n") == [
        f"{tmp_path / 'batch.pdf'}\t2 documents",
        f"  {first}\tlegacy_progress_form\t{pages[0]}",
        f"  {second}\tweb_project_detail\t{pages[1]}", ""]
    assert sorted(p.name for p in out.iterdir()) == [first.name, second.name]
    assert [len(pdfium.PdfDocument(p)) for p in (first, second)] == [pages_a, pages_b]
    for part, doc, alone in ((first, form, "form.pdf"), (second, detail, "detail.pdf")):
        assert _lost(part, doc) == _lost(tmp_path / alone, doc)
        assert not [q for q in process_file(part).rows("quality_issues")
                    if q.code == "second_document"]
    assert not _lost(first, form)

    # ingest the parts: two documents, each with its own project row
    db = tmp_path / "w.duckdb"
    result = runner.invoke(app, ["ingest", str(out), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        codes = sorted(row[0] for row in con.execute(
            "select project_code from projects join documents using (doc_id) "
            "where documents.status = 'loaded'").fetchall())
    assert codes == sorted(d.truth["tables"]["projects"][0]["project_code"]
                           for d in (form, detail))


def test_a_text_file_of_two_documents_splits_into_its_documents(tmp_path: Path) -> None:
    form, detail = _documents(7)
    (tmp_path / "form.txt").write_text(form.text, encoding="utf-8")
    (tmp_path / "detail.txt").write_text(detail.text, encoding="utf-8")
    (tmp_path / "both.txt").write_text(f"{form.text}\n{detail.text}", encoding="utf-8")
    assert HINT in _second_document(tmp_path / "both.txt")

    out = tmp_path / "parts"
    result = runner.invoke(app, ["split", str(tmp_path / "both.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.split("\n")
    assert lines[0] == f"{tmp_path / 'both.txt'}\t2 documents"
    assert lines[1].startswith(f"  {out / 'both.part1.txt'}\tlegacy_progress_form\tlines 1-")
    assert lines[2].startswith(f"  {out / 'both.part2.txt'}\tweb_project_detail\tlines ")
    for n, doc, alone in ((1, form, "form.txt"), (2, detail, "detail.txt")):
        part = out / f"both.part{n}.txt"
        assert _lost(part, doc) == _lost(tmp_path / alone, doc)
    assert not _lost(out / "both.part1.txt", form)


def test_a_file_of_one_document_is_left_alone(tmp_path: Path) -> None:
    form, _ = _documents(3)
    (tmp_path / "form.txt").write_text(form.text, encoding="utf-8")
    out = tmp_path / "parts"
    result = runner.invoke(app, ["split", str(tmp_path / "form.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == (f"{tmp_path / 'form.txt'}\tone document (legacy_progress_form): "
                             "nothing written\n")
    assert not out.exists()


def test_a_part_there_already_is_not_written_over(tmp_path: Path) -> None:
    form, detail = _documents(4)
    (tmp_path / "both.txt").write_text(f"{form.text}\n{detail.text}", encoding="utf-8")
    out = tmp_path / "parts"
    out.mkdir()
    (out / "both.part2.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["split", str(tmp_path / "both.txt"), "--out", str(out)])
    assert result.exit_code == 2
    assert "both.part2.txt exist already (--force writes over them)" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["both.part2.txt"]
    result = runner.invoke(app, ["split", str(tmp_path / "both.txt"), "--out", str(out),
                                 "--force"])
    assert result.exit_code == 0, result.output
    assert (out / "both.part2.txt").read_text(encoding="utf-8") != "mine"


def test_an_unreadable_file_is_named_and_the_others_split(tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_text("nothing a report says\n" * 3, encoding="utf-8")
    result = runner.invoke(app, ["split", str(tmp_path / "junk.txt"), "--out",
                                 str(tmp_path / "parts")])
    assert result.exit_code == 3
    assert result.output.startswith(f"{tmp_path / 'junk.txt'}\terror\t")


def test_a_scanned_bundle_splits_by_its_ocr_text(tmp_path: Path) -> None:
    """A scanner's batch (no text layer): the documents are found in the pages OCR read."""
    from corpus.scan import scan_pdf

    form = legacy_form(random.Random("scan-0-form"))
    detail = project_detail(random.Random("scan-0-detail"))
    printed = []
    for doc, name in ((form, "form"), (detail, "detail")):
        render.render_fpdf(doc, tmp_path / f"{name}.pdf", "Loma", font_file("Loma"),
                           random.Random(f"scan-0-print-{name}"), shaping=False, pt=10)
        printed.append(len(pdfium.PdfDocument(tmp_path / f"{name}.pdf")))
    _join([tmp_path / "form.pdf", tmp_path / "detail.pdf"], tmp_path / "printed.pdf")
    scan_pdf(tmp_path / "printed.pdf", tmp_path / "batch.pdf", 200, "grey",
             random.Random("scan-0"))

    out = tmp_path / "parts"
    result = runner.invoke(app, ["split", str(tmp_path / "batch.pdf"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.split("\n")[1:] == [
        f"  {out / 'batch.part1.pdf'}\tlegacy_progress_form\tpages 1-{printed[0]}",
        f"  {out / 'batch.part2.pdf'}\tweb_project_detail\tpage {sum(printed)}", ""]
    second = process_file(out / "batch.part2.pdf")
    assert second.layout == "web_project_detail"
    assert second.rows("projects")[0].project_code == \
        detail.truth["tables"]["projects"][0]["project_code"]
