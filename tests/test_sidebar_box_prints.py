"""A logged-in tracking page printed with its menu column in a shaded box reads as its own.

A user logged in to the tracking system prints a page from the browser with the site's
menu column (an ``<aside>`` in a flex row: a fiscal-year menu, the agency's other
projects with their codes, names and percents) in a grey box stretched down the page
beside the page's text. At a browser zoom of 150 % the column takes near half the
text's width, and at 67 % its text stands closer to the page's than a font size:
the side column went unseen (its gap's middle past
:data:`~bma_etl.read.pdf_side_column.MAX_SIDE_SHARE`, or its gap narrower than
:data:`~bma_etl.read.pdf_side_column.MIN_GAP_EM`), each menu line and the page's line
beside it became one line of cells, the first page fell into one cell and a legacy
form was quarantined, a history page lost its name, agency and first entries and the
objectives took the menu's projects (breaker28 finding 1). The box's side (a wall:
:func:`bma_etl.read.pdf_side_column._walls`) now parts the column however close or wide.

The pages are generated (bench/corpus) and printed by Chromium inside the site's frame;
the truth is every field as generated.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from test_side_column_prints import assert_framed_print_read

_STYLE = ("<style>.wrap {{ display: flex; }} aside {{ flex: 0 0 {width}px; font-size: {small}px;"
          " background: #eee; }} aside ul {{ padding-left: 24px; }}"
          " main {{ flex: 1; padding: {pad}px; }}</style>")


def _menu(year: int, code: str, rng: random.Random) -> str:
    """A menu column's items: fiscal years, the agency's other projects (code, name, %)."""
    names = ["โครงการลอกท่อระบายน้ำซอยพหลโยธิน", "โครงการตลาดนัดชุมชน",
             "โครงการคัดแยกขยะในโรงเรียนสังกัดกรุงเทพมหานคร", "โครงการปลูกต้นไม้ริมคลอง"]
    head = code.split("-")[0]
    items = ["ปีงบประมาณ", *(str(year + k) for k in (-1, 0, 1)), "โครงการล่าสุดของหน่วยงาน"]
    for name in rng.sample(names, 3):
        items.append(f"{head}-{rng.randint(1000, 9999)} {name} ร้อยละ "
                     f"{rng.choice((12, 45.5, 100, 67.25))}")
    return "".join(f"<li>{item}</li>" for item in items)


def _logged_in(html: str, year: int, code: str, rng: random.Random, width: int) -> str:
    """``html`` (a page) inside a logged-in site: a title bar, then a flex row of a menu
    column (a grey box ``width`` px wide) and the page."""
    style = _STYLE.format(width=width, small=rng.choice((11, 12)), pad=rng.choice((6, 8)))
    top = (f"<header>ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร<br>"
           f"สวัสดี นายสมชาย รักงาน ({rng.randint(10, 99)}) | ออกจากระบบ</header>"
           f'<div class="wrap"><aside><ul>{_menu(year, code, rng)}</ul></aside><main>')
    return html.replace("</head>", style + "</head>", 1) \
        .replace("<body>", f"<body>\n{top}\n", 1).replace("</body>", "</main></div></body>", 1)


@pytest.mark.parametrize(("generator", "seed", "zoom", "width"), [
    ("web_history", 2, 1.5, 230), ("web_detail", 4, 0.67, 220)])
def test_menu_column_in_a_box_is_read_apart(tmp_path: Path, generator: str, seed: int,
                                            zoom: float, width: int) -> None:
    rng = random.Random(f"sidebar-box-{generator}-{seed}")
    assert_framed_print_read(
        tmp_path / f"{generator}-{seed}.pdf", generator, rng,
        lambda html, project: _logged_in(html, int(project["fiscal_year_be"]),
                                         project.get("project_code") or "50050000-0000", rng,
                                         width),
        random.Random(seed), header_footer=True, zoom=zoom, pt=14)
