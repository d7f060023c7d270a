"""A space a table cell's line was wrapped at, which LibreOffice wrote, kept in the name.

A plan's project name in a narrow column wraps; where the name has a space between
two Thai words (``…คลองแสนแสบ ระยะที่ 2``) LibreOffice writes that space at the end
of the line it wrapped (when it fits before the cell's edge). A row whose cells
come out of the text layer as lines beside one another is joined cell by cell
(:func:`bma_etl.read.pdf_page.with_side_by_side`), and two Thai pieces of one cell
join with no space (the line breaker may have cut a word there): the written space
was dropped, ``…คลองแสนแสบระยะที่ 2`` stored (:func:`bma_etl.read.pdf_runs.column_text`).

Plans generated from known values (bench/corpus), their names given Thai tails
after a space (``ระยะที่ 2``, ``ซอยลาดพร้าว 101``; some run on with none), opened
as HTML pages in LibreOffice Writer and printed to PDF; the truth is the names as
generated. Chromium writes no space at a wrap (its line ends at the last letter, the
next starts a new text object; tagged PDF marks the cell's text as one node with
no ActualText): there the join keeps its own choice, and a name that runs on at its
wrap must still run on.
"""

from __future__ import annotations

import random
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from thai_fonts import font_file, fonts_or_fail

HEADS = ("โครงการก่อสร้างบ่อสูบน้ำพร้อมระบบระบายน้ำ", "โครงการปรับปรุงประตูระบายน้ำคลองแสนแสบ",
         "โครงการขุดลอกท่อระบายน้ำ", "โครงการซ่อมแซมผิวจราจรและทางเท้า",
         "โครงการติดตั้งไฟฟ้าแสงสว่างริมคลอง", "โครงการก่อสร้างเขื่อนริมคลองลาดพร้าว")
TAILS = ("ซอยลาดพร้าว 101", "ระยะที่ 2", "ประจำปี 2567", "ถนนพหลโยธิน", "ช่วงที่ 3",
         "บริเวณตลาดบางกะปิ")


def _plan(k: int) -> GeneratedDoc:
    """The ``k``-th corpus plan, each project named once renamed: a head and a tail,
    after a space seven times in ten."""
    doc = GENERATORS["plan"](random.Random(f"wrapspace-A-{k}"))
    rng = random.Random(k)
    text, rows = doc.text, []
    for row in doc.tables["plan_projects"]:
        name = f"{rng.choice(HEADS)}{' ' if rng.random() < 0.7 else ''}{rng.choice(TAILS)}"
        if text.count(row["name"]) != 1:
            rows.append(row)
            continue
        text = text.replace(row["name"], name, 1)
        rows.append(dict(row, name=name))
    return replace(doc, text=text, tables=dict(doc.tables, plan_projects=rows))


def _names(pdf: Path) -> list[str | None]:
    from bma_etl.pipeline import process_file

    return [getattr(row, "name", None) for row in process_file(pdf).rows("plan_projects")]


def _writer_print(doc: GeneratedDoc, font: str, pt: int, out: Path) -> None:
    """``doc`` as a ruled HTML page (:func:`corpus.render.ruled_table_page`) opened in
    LibreOffice Writer and exported to PDF, in ``font`` at ``pt`` points."""
    page = render.ruled_table_page(doc).replace(
        "</head>", f"<style>body, td, p {{ font-family: '{font}'; font-size: {pt}pt; }}"
                   "</style></head>", 1)
    with tempfile.TemporaryDirectory(prefix="bma-writer-html-") as tmp:
        render.profile_fonts(Path(tmp) / "profile")
        src = Path(tmp) / f"{out.stem}.html"
        src.write_text(page, encoding="utf-8")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out.parent),
                        str(src)], capture_output=True, timeout=600, check=True)
    assert out.exists(), "LibreOffice made no PDF"


def _want(doc: GeneratedDoc) -> list[Any]:
    return [row["name"] for row in doc.tables["plan_projects"]]


# prints in which LibreOffice wrote the space of every name it wrapped at one
@pytest.mark.parametrize(("k", "font"), [(1, "Sarabun"), (2, "Garuda"), (3, "Sarabun")])
def test_a_space_libreoffice_wrote_at_a_cells_wrap_stays(tmp_path: Path, k: int,
                                                         font: str) -> None:
    fonts_or_fail([font])
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = _plan(k)
    pdf = tmp_path / "plan.pdf"
    _writer_print(doc, font, random.Random(k).choice((12, 14, 16)), pdf)
    assert _names(pdf) == _want(doc)


@pytest.mark.parametrize("k", [2, 3, 5, 6])
def test_a_chromium_name_that_runs_on_at_its_wrap_gets_no_space(tmp_path: Path, k: int) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: make venv installs it")
    doc = _plan(k)
    pdf = tmp_path / "plan.pdf"
    render.render_chromium(doc, pdf, "Loma", font_file("Loma"), random.Random(k),
                           header_footer=False)
    got, want = _names(pdf), _want(doc)
    assert len(got) == len(want)
    run_on = [n for n, w in enumerate(want) if any(w == h + t for h in HEADS for t in TAILS)]
    assert run_on, "the plan drawn has no name that runs on from its head to its tail"
    assert [got[n] for n in run_on] == [want[n] for n in run_on]
