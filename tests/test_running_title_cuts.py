"""A tracking page cut at any page break under its repeated title; another page under it.

Inputs are generated (bench/corpus): a tracking page (``myproject.php``) with its
head, banner, narrative and entries, cut onto two pages before each of its lines
(the first excepted) with its title ``ความคืบหน้าโครงการ/กิจกรรม`` repeated atop the
second page, as a browser prints it; each cut as a form-fed text file and as a PDF
text layer printed by fpdf2. The truth is the page's generated values: one
document, every field right, no ``second_document`` finding. Before, the second
page opened a second document whenever it began inside the head or the banner
(its head lines, the banner and the line of links worth an opening) and its
fields were not loaded.

Under the same title a page that names another project is another document: two
tracking pages in one file, and two progress histories both at one percent whose
second is printed with a much shorter head (its title, its unit code or its division
line, and its entries; before, its entries were read into the first project).
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.doc import GeneratedDoc
from corpus.render import fpdf_lines, fpdf_page
from corpus.score import score
from corpus.web import progress_history, tracking_page
from thai_fonts import font_file

SEEDS = (3521, 3523)


def _full_tracking_page(seed: int) -> GeneratedDoc:
    """A generated tracking page with its whole head, banner and two entries at least."""
    for k in range(500):
        doc = tracking_page(random.Random(f"{seed}-track-{k}"))
        if len(doc.truth["tables"].get("progress_updates", [])) >= 2 and \
                doc.truth["tables"]["projects"][0]["project_code"]:
            return doc
    raise AssertionError("no full tracking page drawn")


def _write(pages: list[str], path: Path, medium: str) -> Path:
    """``pages`` as a form-fed text file or a PDF of that many pages (fpdf2, Loma 12 pt)."""
    if medium == "txt":
        path = path.with_suffix(".txt")
        path.write_text("\n\x0c".join(pages) + "\n", encoding="utf-8")
        return path
    path = path.with_suffix(".pdf")
    pdf = fpdf_page("Loma", font_file("Loma"), 12)
    for k, page in enumerate(pages):
        if k:
            pdf.add_page()
        fpdf_lines(pdf, page.split("\n"), 6.0)
    pdf.output(str(path))
    return path


def _second(processed: object) -> list[str]:
    return [q.message for q in processed.rows("quality_issues")  # type: ignore[attr-defined]
            if q.code == "second_document"]


def _read_as_alone(processed: object, doc: GeneratedDoc) -> None:
    """Every field of ``doc`` right and no row of another document among its tables."""
    result = score(processed, doc.truth)
    assert result.right == result.total, result.lost
    for table, rows in doc.truth["tables"].items():
        assert len(processed.rows(table)) == len(rows), table  # type: ignore[attr-defined]


@pytest.mark.parametrize("medium", ["txt", "pdf"])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_tracking_page_cut_at_any_line_under_its_title_stays_one(
        seed: int, medium: str, tmp_path: Path) -> None:
    doc = _full_tracking_page(seed)
    lines = doc.text.rstrip("\n").split("\n")
    cuts = [k for k in range(1, len(lines)) if lines[k].strip()]
    assert len(cuts) > 15
    for cut in cuts:
        pages = ["\n".join(lines[:cut]), "\n".join([lines[0], *lines[cut:]])]
        processed = process_file(_write(pages, tmp_path / f"cut{cut}", medium))
        assert not _second(processed), (cut, lines[cut])
        _read_as_alone(processed, doc)


@pytest.mark.parametrize("medium", ["txt", "pdf"])
@pytest.mark.parametrize("seed", SEEDS)
def test_two_tracking_pages_under_one_title_are_two(seed: int, medium: str,
                                                    tmp_path: Path) -> None:
    a = _full_tracking_page(seed)
    b = _full_tracking_page(seed + 1)
    code = b.truth["tables"]["projects"][0]["project_code"]
    both = process_file(_write([a.text.rstrip("\n"), b.text.rstrip("\n")],
                               tmp_path / "both", medium))
    assert len(_second(both)) == 1
    assert f"(web_progress_history, project {code} " in _second(both)[0]
    _read_as_alone(both, a)


_UNIT_CODE = re.compile(r"^[0-9]{8}/[0-9]{8}$")


def _short_head(doc: GeneratedDoc, keep: str) -> GeneratedDoc:
    """``doc``'s text with only its title and unit code or division line above its entries."""
    lines = doc.text.split("\n")
    first = next(k for k, line in enumerate(lines) if re.match(r"\(\d+\) ความคืบหน้า", line))
    kept = (next(line for line in lines[:first] if _UNIT_CODE.match(line)) if keep == "code"
            else lines[1])  # the generator's division line, under the title
    assert kept.strip()
    return dataclasses.replace(doc, text="\n".join([lines[0], kept, *lines[first:]]))


@pytest.mark.parametrize("keep", ["code", "division"])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_history_under_the_same_title_with_a_short_head_is_another(
        seed: int, keep: str, tmp_path: Path) -> None:
    for k in range(1000):
        a = progress_history(random.Random(f"{seed}-short-{k}-a"))
        b = progress_history(random.Random(f"{seed}-short-{k}-b"))
        if a.text.split("\n")[0] == b.text.split("\n")[0] and \
                a.text.split("\n")[1] != b.text.split("\n")[1]:
            break
    else:
        raise AssertionError("no pair of one title")
    short = _short_head(b, keep)
    both = process_file(_write([a.text.rstrip("\n"), short.text.rstrip("\n")],
                               tmp_path / "both", "txt"))
    assert len(_second(both)) == 1
    _read_as_alone(both, a)
