"""Two documents in one PDF: a scanner's batch or a merged print.

The documents are generated (bench/corpus), each printed by fpdf2, and the two
PDFs joined into one with pypdfium2. The file is one warehouse document (its
``doc_id`` is the hash of its bytes): the first part is read as that document, as
well as when it is printed alone, and a ``second_document`` finding names the
pages of the other part, its layout and its project (code and name, read from its
own pages), so that its fields are not lost unseen (the warehouse keeps one
project row per file: ``projects.doc_id`` is its key).
A web history page followed by a form reads as a form when taken whole; its
first part alone reads as the history it is.
A single document of many pages, and a single document with a running header,
get no such finding.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from bma_etl.document import RepairedText
from bma_etl.parts import Part, find_parts
from bma_etl.pipeline import process_file

from corpus import render
from corpus.doc import GeneratedDoc
from corpus.forms import legacy_form, legacy_long
from corpus.plans import action_plan
from corpus.score import score
from corpus.web import progress_history, project_detail
from thai_fonts import font_file


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


def _named(doc: Any, message: str) -> str:
    """How ``message`` names a generated document left unread: ``(layout, project code name)``.

    Its code and name as generated, the name cut at a word to 80 characters with the
    code (``…``); returned as the message has it. A name wrapped in print may be read
    with its wrap's space gone (``กรุงเทพมหานคร ระยะ`` read ``กรุงเทพมหานครระยะ``): the
    name is compared without spaces, and must hold the generated name's first words.
    A progress history states no project code or name (no ``projects`` row: its pages
    list progress only), so nothing names it but its layout: ``(layout)``.
    """
    projects = doc.tables.get("projects") or [{}]
    code, name = (" ".join(str(projects[0].get(field) or "").split())
                  for field in ("project_code", "project_name"))
    if not code and not name:
        return f"({doc.layout})"
    assert code and name, projects[0]
    found = re.search(rf"\({re.escape(doc.layout)}, project {re.escape(code)} ([^)]+?)(…?)\)",
                      message)
    assert found is not None, message
    read, cut = "".join(found[1].split()), found[2]
    want = "".join(name.split())
    assert (read.startswith(want[:40]) and want.startswith(read)) if cut else read == want, \
        (read, want)
    return found[0]


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
    # the document left unread is named by its project, not only its pages
    assert f"{second} {_named(b, issues[0].message)}" in issues[0].message, issues[0].message
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


def _pypdf_join(parts: list[Path], out: Path) -> None:
    """Join PDFs as an office's "combine files" does (pypdf appends each file's pages)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    writer.write(str(out))


#: Two documents of one layout, the second's title taken for a running header.
SAME_LAYOUT = {
    "form+form": (lambda rng: legacy_form(rng, "pipe"), lambda rng: legacy_form(rng, "tab")),
    "history+history": (progress_history, progress_history),
}


@pytest.mark.parametrize("pair", sorted(SAME_LAYOUT))
@pytest.mark.parametrize("seed", range(3))
def test_a_second_document_of_the_same_layout_opens_under_its_title(
        pair: str, seed: int, tmp_path: Path) -> None:
    make_a, make_b = SAME_LAYOUT[pair]
    a, b = make_a(random.Random(f"{pair}-{seed}-a")), make_b(random.Random(f"{pair}-{seed}-b"))
    pages_a = _print(a, tmp_path / "a.pdf", f"{pair}-{seed}-print-a")
    pages_b = _print(b, tmp_path / "b.pdf", f"{pair}-{seed}-print-b")
    _pypdf_join([tmp_path / "a.pdf", tmp_path / "b.pdf"], tmp_path / "both.pdf")

    both = process_file(tmp_path / "both.pdf")
    alone = process_file(tmp_path / "a.pdf")
    issues = [q for q in both.rows("quality_issues") if q.code == "second_document"]
    assert len(issues) == 1
    second = (f"page {pages_a + 1}" if pages_b == 1
              else f"pages {pages_a + 1}-{pages_a + pages_b}")
    # the document left unread is named by its project, not only its pages
    assert f"{second} {_named(b, issues[0].message)}" in issues[0].message, issues[0].message
    assert len(both.rows("progress_updates")) == len(a.truth["tables"]["progress_updates"])
    assert sorted(map(str, score(both, a.truth).lost)) == \
        sorted(map(str, score(alone, a.truth).lost))


@pytest.mark.parametrize("make", [progress_history, action_plan, legacy_long],
                         ids=["history", "plan", "long form"])
def test_one_document_over_pages_is_one_part(make: object, tmp_path: Path) -> None:
    assert callable(make)
    for k in range(2):
        doc = make(random.Random(f"one-{k}"))
        _print(doc, tmp_path / f"one{k}.pdf", f"one-print-{k}")
        processed = process_file(tmp_path / f"one{k}.pdf")
        assert not [q for q in processed.rows("quality_issues") if q.code == "second_document"]
        assert not score(processed, doc.truth).lost or make is not legacy_long


@pytest.mark.parametrize("pair", sorted(SAME_LAYOUT))
@pytest.mark.parametrize("seed", range(3))
def test_two_documents_in_one_text_file(pair: str, seed: int, tmp_path: Path) -> None:
    make_a, make_b = SAME_LAYOUT[pair]
    a = make_a(random.Random(f"text-{pair}-{seed}-a"))
    b = make_b(random.Random(f"text-{pair}-{seed}-b"))
    (tmp_path / "a.txt").write_text(a.text, encoding="utf-8")
    (tmp_path / "both.txt").write_text(f"{a.text}\n{b.text}", encoding="utf-8")

    both = process_file(tmp_path / "both.txt")
    issues = [q for q in both.rows("quality_issues") if q.code == "second_document"]
    assert len(issues) == 1
    named = re.escape(_named(b, issues[0].message))
    found = re.fullmatch(r"the file holds 2 documents: lines 1-(\d+) read as this document; "
                         rf"lines (\d+)-(\d+) {named} hold another document, not read "
                         r"into records \(split the file to load each: 'bma-etl split FILE "
                         r"--out DIR' writes each document as its own file, then ingest "
                         r"those\)", issues[0].message)
    assert found is not None
    last, first, end = map(int, found.groups())
    lines = both.text.split("\n")
    # the second part opens on the second document's first line (of the text as read)
    assert (first, end) == (last + 1, len(lines))
    assert lines[first - 1] == next(line for line in b.text.split("\n") if line.strip())
    assert len(both.rows("progress_updates")) == len(a.truth["tables"]["progress_updates"])
    assert sorted(map(str, score(both, a.truth).lost)) == \
        sorted(map(str, score(process_file(tmp_path / "a.txt"), a.truth).lost))


def test_one_text_document_is_one_part(tmp_path: Path) -> None:
    for name, doc in (("form", legacy_form(random.Random("one-text-form"))),
                      ("plan", action_plan(random.Random("one-text-plan"))),
                      ("history", progress_history(random.Random("one-text-history")))):
        (tmp_path / f"{name}.txt").write_text(doc.text, encoding="utf-8")
        processed = process_file(tmp_path / f"{name}.txt")
        assert not [q for q in processed.rows("quality_issues") if q.code == "second_document"]


def test_a_title_none_of_whose_words_the_text_holds_is_not_searched_for(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan's text names no web page's title words: those titles cost no scan of it.

    The sections found stay the same: a progress history page after the plan opens
    where its first line stands.
    """
    import bma_etl.parts_text as parts_text

    plan = action_plan(random.Random("needle-plan"))
    history = progress_history(random.Random("needle-history"))
    scanned: list[str] = []
    finditer = parts_text.re.finditer

    def spy(pattern: str, text: str, flags: int = 0) -> object:
        scanned.append(pattern)
        return finditer(pattern, text, flags)

    monkeypatch.setattr(parts_text.re, "finditer", spy)
    alone = RepairedText.of(plan.text)
    assert parts_text.title_sections(alone) == ()
    titles = [t for layout in parts_text.REGISTRY
              for t in parts_text._titles(layout, parts_text.SECTION_REACH)]
    absent = [t.pattern for t in titles
              if t.needles and not any(n in plan.text for n in t.needles)]
    assert absent, "the plan's text holds no title's needle: nothing to test"
    assert not set(absent) & set(scanned)

    both = RepairedText.of(f"{plan.text}\n{history.text}")
    first = next(line for line in history.text.split("\n") if line.strip())
    starts = parts_text.title_sections(both)
    assert len(starts) == 2
    assert both.text[starts[1]:].split("\n")[0] == first
