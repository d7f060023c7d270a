"""A logged-in tracking page saved as HTML with the site's sidebar before its content.

The site sets an ``<aside>`` beside the page: a fiscal-year menu (``ปีงบประมาณ`` then
three years as list items) and the unit's other projects with their codes and progress.
Saved "HTML only" with the sidebar first, the menu's first year was read as the
project's fiscal year (the page's own ``ปี`` row ignored as a second value). The site's
sidebar (an ``<aside>`` outside ``<main>``) is navigation, not the document
(:func:`bma_etl.read.html_render._site_sidebar`); an ``<aside>`` inside the content is
still read.

The pages are generated (bench/corpus ``web_detail``, ``web_history``); the sidebar's
years and projects are others than the page's, and the truth is every field as generated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bma_etl.read.html import render_text

from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated


def _sidebar(year: int, code: str) -> str:
    years = "".join(f"<li><a href='?y={y}'>{y}</a></li>" for y in (year - 2, year - 1, year))
    other = f"{code[:9]}{(int(code[9:]) + 7) % 10000:04d}"
    return (f"<aside><ul><li>ปีงบประมาณ</li>{years}<li>โครงการล่าสุดของหน่วยงาน</li>"
            f"<li>{other} โครงการตลาดนัดชุมชน ร้อยละ 45.50</li></ul></aside>")


@pytest.mark.parametrize(("generator", "k"), [("web_detail", 0), ("web_detail", 1),
                                              ("web_history", 0)])
def test_the_sites_sidebar_before_the_content_is_not_read(
        generator: str, k: int, tmp_path: Path) -> None:
    doc = GENERATORS[generator](_rng(443, generator, k))
    assert doc.html is not None
    project = doc.tables["projects"][0]
    year = project["fiscal_year_be"] - 2  # the menu's years: 4 to 2 before the page's
    page = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + _sidebar(year, "10000000-1000")
                  + "<main>", doc.html, count=1).replace("</body>", "</main></body>")
    path = tmp_path / "page.html"
    codec = "cp874" if doc.html_encoding == "windows-874" else doc.html_encoding
    path.write_bytes(page.encode(codec))
    assert_read_as_generated(path, doc.truth)


def test_an_aside_inside_the_content_is_read() -> None:
    text = render_text("<aside><p>เมนู</p></aside><main><p>ก</p><aside><p>หมายเหตุ</p>"
                       "</aside></main><article><aside role='note'>ข</aside></article>")
    assert text.split("\n") == ["ก", "หมายเหตุ", "ข"]
