"""A second document that opens short, and pages parted by form feeds in a text file.

Inputs are generated (bench/corpus) and joined: two progress-history pages printed
by fpdf2 into one PDF (pypdf appends the second file's pages), the second printed
from its print view, without the ``ดูโครงการแผนปีฯ : พิมพ์ข้อมูล`` line, so that its
opening is worth less than the first one's; and text files whose pages, or whose
two documents, are parted by a form feed (U+000C). The truth is each document's
generated values.
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read import read_source

from corpus import render
from corpus.doc import GeneratedDoc
from corpus.forms import legacy_form
from corpus.score import score
from corpus.web import progress_history, project_detail
from thai_fonts import font_file

SEEDS = (3241, 3243)


def _print_view(doc: GeneratedDoc) -> GeneratedDoc:
    """``doc`` as its print view shows it: without the line of links under its head."""
    lines = [line for line in doc.text.split("\n") if "พิมพ์ข้อมูล" not in line]
    return dataclasses.replace(doc, text="\n".join(lines))


def _join(docs: list[GeneratedDoc], out: Path, seed: str) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for k, doc in enumerate(docs):
        part = out.with_suffix(f".{k}.pdf")
        render.render_fpdf(doc, part, "Loma", font_file("Loma"), random.Random(f"{seed}-{k}"),
                           shaping=False, pt=12)
        writer.append(str(part))
    writer.write(str(out))


def _second(processed: object) -> list[str]:
    return [q.message for q in processed.rows("quality_issues")  # type: ignore[attr-defined]
            if q.code == "second_document"]


def _read_as_alone(processed: object, doc: GeneratedDoc) -> None:
    """Every table of ``doc`` read as generated: no row of the other document among them."""
    result = score(processed, doc.truth)
    assert not result.lost, result.lost
    for table, rows in doc.truth["tables"].items():
        assert len(processed.rows(table)) == len(rows), table  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_history_page_after_another_opens_under_its_own_title(seed: int,
                                                                 tmp_path: Path) -> None:
    a = progress_history(random.Random(f"{seed}-short-a"))
    b = _print_view(progress_history(random.Random(f"{seed}-short-b")))
    _join([a, b], tmp_path / "both.pdf", f"{seed}-short")

    both = process_file(tmp_path / "both.pdf")
    assert len(_second(both)) == 1
    assert "(web_progress_history)" in _second(both)[0]
    _read_as_alone(both, a)
    # the second page's head is not the first project's
    project = both.rows("projects")[0]
    assert b.text.split("\n")[3] not in str(project.rationale)  # its agency's sentence


@pytest.mark.parametrize("seed", SEEDS)
def test_a_detail_page_after_a_history_page_is_its_own(seed: int, tmp_path: Path) -> None:
    a = progress_history(random.Random(f"{seed}-detail-a"))
    b = project_detail(random.Random(f"{seed}-detail-b"))
    _join([a, b], tmp_path / "both.pdf", f"{seed}-detail")
    both = process_file(tmp_path / "both.pdf")
    assert len(_second(both)) == 1
    code = b.truth["tables"]["projects"][0]["project_code"]
    assert f"(web_project_detail, project {code} " in _second(both)[0]
    _read_as_alone(both, a)


def _feed(texts: list[str]) -> str:
    return "\n\x0c".join(texts)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_form_feed_ends_a_page(seed: int, tmp_path: Path) -> None:
    doc = legacy_form(random.Random(f"{seed}-feed"))
    lines = doc.text.split("\n")
    cut = next(k for k in range(len(lines) // 2, len(lines)) if not lines[k].strip())
    head = "ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร"
    pages = [f"{head}\n" + "\n".join(lines[:cut]), f"{head}\n" + "\n".join(lines[cut:])]
    (tmp_path / "form.txt").write_text(_feed(pages) + "\x0c", encoding="utf-8")

    source = read_source(tmp_path / "form.txt")
    assert source.page_starts == (0, len(pages[0]) + 2)
    processed = process_file(tmp_path / "form.txt")
    assert not score(processed, doc.truth).lost
    assert not _second(processed)
    # provenance counts the pages; the running header atop each is read into no value
    assert {p.page for p in processed.rows("provenance") if not p.derived} == {1, 2}
    for table, rows in processed.tables.items():
        if table not in ("document_texts", "documents", "provenance", "quality_issues"):
            assert not [row for row in rows if head in str(row.model_dump())], table


@pytest.mark.parametrize("seed", SEEDS)
def test_two_documents_parted_by_a_form_feed(seed: int, tmp_path: Path) -> None:
    a = progress_history(random.Random(f"{seed}-ff-a"))
    b = _print_view(progress_history(random.Random(f"{seed}-ff-b")))  # its opening short
    (tmp_path / "both.txt").write_text(_feed([a.text, b.text]), encoding="utf-8")
    both = process_file(tmp_path / "both.txt")
    assert len(_second(both)) == 1
    assert "(web_progress_history" in _second(both)[0]
    _read_as_alone(both, a)
    assert len(both.rows("projects")) == 1  # the second history's entries read into no row


def _same_title_pair(seed: int) -> tuple[GeneratedDoc, GeneratedDoc]:
    """Two generated histories whose title lines are the same (both at one percent)."""
    for k in range(1000):
        a = progress_history(random.Random(f"{seed}-same-{k}-a"))
        b = progress_history(random.Random(f"{seed}-same-{k}-b"))
        if a.text.split("\n")[0] == b.text.split("\n")[0]:
            return a, b
    raise AssertionError("no pair of one title")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_history_under_the_same_title_opens_by_its_own_head(seed: int,
                                                               tmp_path: Path) -> None:
    a, b = _same_title_pair(seed)
    b = _print_view(b)
    (tmp_path / "both.txt").write_text(_feed([a.text, b.text]), encoding="utf-8")
    both = process_file(tmp_path / "both.txt")
    assert len(_second(both)) == 1
    _read_as_alone(both, a)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_title_repeated_atop_a_history_s_pages_opens_nothing(seed: int,
                                                               tmp_path: Path) -> None:
    doc = progress_history(random.Random(f"{seed}-running"))
    while len(doc.truth["tables"]["progress_updates"]) < 3:
        doc = progress_history(random.Random(f"{seed}-running-{doc.text[:40]}"))
    lines = doc.text.split("\n")
    title = lines[0]
    pages, page = [], []
    for line in lines:
        page.append(line)
        if line.startswith("-----") and len(pages) < 2:  # a page ends after an entry
            pages.append("\n".join(page))
            page = [title]
    pages.append("\n".join(page))
    assert len(pages) == 3
    (tmp_path / "one.txt").write_text(_feed(pages), encoding="utf-8")
    processed = process_file(tmp_path / "one.txt")
    assert not _second(processed)
    _read_as_alone(processed, doc)


def _entry_head(line: str) -> bool:
    return re.match(r"\(\d+\) ความคืบหน้าโครงการฯ", line) is not None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_running_title_over_a_page_cut_inside_the_head_or_an_entry_opens_nothing(
        seed: int, tmp_path: Path) -> None:
    """One history cut onto two pages at each line of its head and of its first two entries.

    The title repeated atop page 2 stands over the head's later lines (the
    strategy's second line) or an entry's detail and problem lines: the page read
    alone states fields taken from those lines, not a head block of its own.
    """
    drawn = (progress_history(random.Random(f"{seed}-cut-{k}")) for k in range(50))
    doc = next(d for d in drawn
               if sum(map(_entry_head, d.text.split("\n"))) >= 3)  # three entries at least
    lines = doc.text.split("\n")
    entries = [k for k, line in enumerate(lines) if _entry_head(line)]
    links = next(k for k, line in enumerate(lines) if "พิมพ์ข้อมูล" in line)
    for cut in range(links + 1, entries[2]):  # from under the line of links
        text = _feed(["\n".join(lines[:cut]), "\n".join([lines[0], *lines[cut:]])])
        (tmp_path / f"cut{cut}.txt").write_text(text, encoding="utf-8")
        processed = process_file(tmp_path / f"cut{cut}.txt")
        assert not _second(processed), (cut, lines[cut])
        _read_as_alone(processed, doc)


@pytest.mark.parametrize("title", ["แผนปฏิบัติราชการ ประจำปี (ต่อ)",
                                   "แผนปฏิบัติราชการประจำปี พ.ศ. 2568 ส่วนที่ 2 รายละเอียดโครงการ"])
@pytest.mark.parametrize("seed", [0, 1])
def test_a_plans_continuation_title_atop_a_page_opens_nothing(tmp_path: Path, seed: int,
                                                              title: str) -> None:
    # An action plan's text in three form-fed pages, the third opening with a chapter or
    # continuation title: the plan's own words, not a second plan (its scoring levels,
    # steps and definitions were lost when the page opened one).
    from corpus import plans

    doc = plans.action_plan(random.Random(seed))
    lines = doc.text.split("\n")
    third, two_thirds = len(lines) // 3, 2 * len(lines) // 3
    a = next(k for k in range(third, len(lines)) if not lines[k].strip())
    b = next(k for k in range(two_thirds, len(lines)) if not lines[k].strip())
    pages = ["\n".join(lines[:a]), "\n".join(lines[a:b]), title + "\n" + "\n".join(lines[b:])]
    path = tmp_path / "plan.txt"
    path.write_text("\n\x0c".join(pages), encoding="utf-8")
    done = process_file(path)
    assert not [q for q in done.rows("quality_issues") if q.code == "second_document"]
    result = score(done, doc.truth)
    assert result.right == result.total, result.lost[:5]
