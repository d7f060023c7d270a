"""A tracking page printed with the site's side column beside it reads as its own text.

A user who prints a tracking-system page from the browser prints the site with it: a
navigation bar on top, a footer, and a side column (``<aside>``) on the left or the
right in a smaller type: a menu of fiscal years and counters (``โครงการแล้วเสร็จ (47)``).
Each line of the side column stood beside a line of the page, and the reader made
the two one line of cells: a detail page's wrapped project name took the side
column's line as its own (``… ซอยลาดพร้าว โครงการแล้วเสร็จ (47)`` / ``101``) and lost
its code and year; a history page lost its division (breaker13 D04, D07, H04, H05,
H07, H08). The side column is read apart, after the page's text
(:mod:`bma_etl.read.pdf_side_column`).

The pages are generated (bench/corpus ``web_history``, ``web_detail``) and printed by
Chromium inside a site's frame; the truth is every field as generated.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from corpus import fonts, render
from corpus.build import GENERATORS
from read_back import assert_read_as_generated

_NAV = ('<nav style="background:#036;color:#fff;padding:6px">หน้าหลัก | ข้อมูลโครงการ | '
        'รายงานสรุป | ออกจากระบบ<br>ผู้ใช้งาน : {user} | เข้าสู่ระบบล่าสุด {login}</nav>')
_FOOTER = ('<footer style="clear:both;border-top:1px solid #999;font-size:9pt">'
           'สงวนลิขสิทธิ์ {year} กรุงเทพมหานคร โทร. 02-{phone} จำนวนผู้เข้าชม {visits} ครั้ง</footer>')


def _framed(html: str, side: str, year: int, rng: random.Random) -> str:
    """``html`` (a page) inside a site's frame: a navigation bar, a side column on ``side``
    (``left``, ``right``) whose lines are years and counters, and a footer."""
    other = "right" if side == "left" else "left"
    items = ["เมนู", *(f"ปีงบประมาณ {year + k}" for k in (1, 0, -1)),
             f"โครงการทั้งหมด ({rng.randint(100, 300)})", f"โครงการล่าช้า ({rng.randint(5, 40)})",
             f"โครงการแล้วเสร็จ ({rng.randint(20, 90)})"]
    aside = (f'<aside style="float:{side};width:{rng.choice((22, 24, 28))}%;font-size:10pt;'
             f'border-{other}:1px solid #999;padding:4px">{"<br>".join(items)}</aside>')
    nav = _NAV.format(user=f"นายสมชาย รักงาน ({rng.randint(10, 99)})",
                      login=f"{rng.randint(1, 28):02d}/04/{year} 09:{rng.randint(10, 59)}")
    footer = _FOOTER.format(year=year, phone=f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
                            visits=f"{rng.randint(100, 999)},{rng.randint(100, 999)}")
    main = f'<main style="margin-{side}:{rng.choice((27, 30, 32))}%">'
    return html.replace("<body>", f"<body>\n{nav}\n{aside}\n{main}\n", 1) \
        .replace("</body>", f"</main>\n{footer}\n</body>", 1)


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize(("generator", "seed"), [("web_detail", 1), ("web_detail", 2),
                                                 ("web_history", 1), ("web_history", 2)])
def test_side_column_is_read_apart_from_the_page(tmp_path: Path, generator: str, seed: int,
                                                  side: str) -> None:
    rng = random.Random(f"side-column-{generator}-{seed}-{side}")
    assert_framed_print_read(
        tmp_path / f"{generator}-{side}.pdf", generator, rng,
        lambda html, project: _framed(html, side, int(project["fiscal_year_be"]), rng),
        random.Random(seed), header_footer=False, pt=16)


def assert_framed_print_read(pdf: Path, generator: str, rng: random.Random,
                             frame: Callable[[str, dict[str, Any]], str],
                             print_rng: random.Random, **options: Any) -> None:
    """A page framed by a site, printed by Chromium, read as generated.

    A ``generator`` page (``bench/corpus``) is drawn from ``rng``, its HTML put in the
    site's frame by ``frame(html, project)`` (``project``: the truth's first project),
    and printed by Chromium to ``pdf`` in the first of Garuda, Loma and Kinnari installed
    (``print_rng`` and ``options`` go to ``render.render_chromium``); every field is read
    as generated. Fails the test without Chromium.
    """
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    found = fonts.available()
    font = next((name for name in ("Garuda", "Loma", "Kinnari") if name in found),
                sorted(found)[0])
    doc = GENERATORS[generator](rng)
    assert doc.html is not None and "<body>" in doc.html
    html = frame(doc.html, doc.truth["tables"]["projects"][0])
    render.render_chromium(dataclasses.replace(doc, html=html), pdf, font, found[font],
                           print_rng, **options)
    assert_read_as_generated(pdf, doc.truth)
