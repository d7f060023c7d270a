"""A cookie banner or a top bar fixed on the screen, printed by Chromium over every page.

A tracking page with a cookie banner (``position: fixed; bottom: 0``, a dark box with its
notice and buttons) or a site bar fixed at the top prints that element on every page, at
the same place, over the page's text: its box is painted after the text under it, then
its own words. pdfium read the banner's words among the lines they cross: an entry's
detail or obstacles took the cookie notice (``ไม่มีเว็บไซต์นี้ใช้คุกกี้…``), a button's
words went inside a word of the entry (``สำยอมรับทั้งหมด รวจ…``), a menu line or the
user's name went into a value, and with the menu column beside the text an entry was
lost whole and the rest shifted (breaker28 finding 2).
:mod:`bma_etl.read.pdf_overlays` takes such a box off, with what it holds, where it
stands on two pages or more and covers text on one.

The pages are generated (bench/corpus) and printed by Chromium at 100 and 150 %; the
truth is every field as generated.
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from corpus import fonts, render
from corpus.build import GENERATORS
from read_back import assert_read_as_generated

#: A cookie notice (its words are no field's) and its buttons.
_NOTICE = ("เว็บไซต์นี้ใช้คุกกี้เพื่อพัฒนาประสบการณ์การใช้งาน ศึกษารายละเอียดได้ที่ "
           "นโยบายความเป็นส่วนตัว")
_BUTTONS = "<button>ยอมรับทั้งหมด</button> <button>ตั้งค่าคุกกี้</button>"
_MENU = ("หน้าหลัก", "โครงการของฉัน", "แผนปฏิบัติราชการ", "รายงาน", "คู่มือการใช้งาน")


def _cookie(html: str, rng: random.Random) -> str:
    """``html`` with a cookie banner fixed at the screen's foot (a dark box, light text)."""
    return _banner(html, rng.choice(("#333", "#1f2d3d", "#444")))


def _see_through(html: str, rng: random.Random) -> str:
    """``html`` with a cookie banner a page sets half-transparent (``rgba``, 55-85 %):
    Chromium paints its box with a fill opacity (``/ca``) under 1, the text under it seen."""
    red, green, blue = rng.choice(((180, 20, 20), (20, 60, 160), (30, 30, 30)))
    return _banner(html, f"rgba({red},{green},{blue},{rng.choice((0.55, 0.6, 0.85))})")


def _banner(html: str, shade: str) -> str:
    """``html`` with a cookie banner of background ``shade`` fixed at the screen's foot."""
    style = (f"<style>.cookie {{ position: fixed; bottom: 0; left: 0; width: 100%;"
             f" background: {shade}; color: #fff; padding: 4px; }}</style>")
    banner = f'<div class="cookie">{_NOTICE} {_BUTTONS}</div>'
    return html.replace("</head>", style + "</head>", 1).replace("<body>", f"<body>{banner}", 1)


def _top_bar(html: str, rng: random.Random) -> str:
    """``html`` under a site bar fixed at the screen's top (title, user, menu), the page
    moved down under it."""
    shade = rng.choice(("#0b5", "#2a5db0", "#6a1b9a"))
    style = (f"<style>header.site {{ position: fixed; top: 0; left: 0; width: 100%;"
             f" background: {shade}; color: #fff; padding: 6px; }}"
             f" body {{ margin-top: 96px; }} header.site a {{ color: #fff; }}</style>")
    menu = " ".join(f"<a href='#'>{item}</a>" for item in _MENU)
    bar = (f'<header class="site">ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร<br>'
           f"สวัสดี นายสมชาย รักงาน ({rng.randint(10, 99)}) | ออกจากระบบ<br>{menu}</header>")
    return html.replace("</head>", style + "</head>", 1).replace("<body>", f"<body>{bar}", 1)


#: How each kind of banner is put on a page.
_BANNERS = {"cookie": _cookie, "top": _top_bar, "see-through": _see_through}


@pytest.mark.parametrize(("kind", "seed", "zoom", "generator"), [
    ("cookie", 1, 1.0, "web_history"), ("cookie", 2, 1.5, "web_history"),
    ("top", 3, 1.0, "web_history"), ("top", 4, 1.5, "web_history"),
    ("see-through", 5, 1.25, "web_detail"), ("see-through", 6, 1.0, "web_history")])
def test_a_fixed_banner_over_every_page_is_not_read(tmp_path: Path, kind: str, seed: int,
                                                   zoom: float, generator: str) -> None:
    """The banner's words are no value's; the text under it, seen or hidden, is read.

    ``see-through``: a banner painted half-transparent (breaker30 finding 7: a 60 %
    red cookie banner left the objectives above it NULL as overprinted, the target
    under it NULL) is furniture as an opaque one is.
    """
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    rng = random.Random(f"fixed-banner-{kind}-{seed}")
    found = fonts.available()
    font = next((name for name in ("Garuda", "Loma", "Kinnari") if name in found),
                sorted(found)[0])
    doc = GENERATORS[generator](rng)
    assert doc.html is not None and "<body>" in doc.html
    html = _BANNERS[kind](doc.html, rng)
    pdf = tmp_path / f"{kind}-{seed}.pdf"
    render.render_chromium(dataclasses.replace(doc, html=html), pdf, font, found[font],
                           random.Random(seed), header_footer=True, zoom=zoom, pt=14)
    assert_read_as_generated(pdf, doc.truth)


def test_a_box_over_text_is_furniture_only_on_two_pages() -> None:
    from bma_etl.read.pdf_overlays import repeated_overlays

    banner = ((51, 51, 51), (28, 28, 584, 66))
    shaded = ((238, 238, 238), (28, 700, 584, 720))  # a table's head on every page
    box = ((255, 255, 255), (100, 300, 300, 340))  # a text box laid over the body once
    patch = ((255, 255, 255), (28, 740, 584, 760))  # an editor's new header, each page
    old = ((40, 750), (46, 750))  # the words it hides, the same on every page
    pages = [(0, ((banner, ()), (shaded, ()), (box, ((120, 320),)), (patch, old))),
             (1, ((banner, ((40, 50), (48, 50))), (shaded, ()), (patch, old))),
             (2, ((banner, ((40, 44),)), (patch, old)))]
    assert repeated_overlays(pages) == {banner}
    assert repeated_overlays([(0, ((banner, old),)), (0, ((banner, old),))]) == set()
