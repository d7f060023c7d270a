"""A project-detail page saved with its menu: the years to choose from are no field.

An outside tester's detail page, copied from a browser with its sidebar, listed the
fiscal years to choose from (``ปีงบประมาณ 2568`` / ``ปีงบประมาณ 2567``) before the
project's own ``ปี2567``: the first, 2568, was stored as the project's fiscal year and the
page's own year was dropped as a second value (a WRONG year).

Pages are generated from known values (bench/corpus ``web_detail``, ``web_detail_long``);
a menu of fiscal years (the project's among them, at any place, or not) is put after the
page's heading, the way a saved page holds it; the truth is the generated values.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts import web_project_detail

from corpus.build import GENERATORS
from read_back import records_of

_AFTER = "ข้อมูลโครงการ/กิจกรรม พิมพ์ PDF\n"


@pytest.mark.parametrize("with_own", [True, False])
@pytest.mark.parametrize("generator", ["web_detail", "web_detail_long"])
@pytest.mark.parametrize("seed", range(3))
def test_a_menu_of_fiscal_years_is_no_field(seed: int, generator: str, with_own: bool) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    want = generated.tables["projects"][0]
    year = int(want["fiscal_year_be"])
    years = [y for y in range(year + rng.randint(0, 2), year - 3, -1) if with_own or y != year]
    menu = "เมนู\n" + "".join(f"ปีงบประมาณ {y}\n" for y in years) + "โครงการทั้งหมด (152)\nค้นหา\n"
    assert generated.text.count(_AFTER) == 1
    text = generated.text.replace(_AFTER, _AFTER + menu)
    got = records_of(web_project_detail.extract, text, ocr_used=False, screened=False)
    project = got["projects"][0]
    assert (project.fiscal_year_be, project.project_code, project.project_name) == (
        year, want["project_code"], want["project_name"])


def test_one_year_line_before_the_fields_is_still_read() -> None:
    """A page that states its year once, with the long label, keeps it."""
    generated = GENERATORS["web_detail"](random.Random(7))
    year = int(generated.tables["projects"][0]["fiscal_year_be"])
    text = generated.text.replace(f"\nปี{year}\n", f"\nปีงบประมาณ {year}\n")
    got = records_of(web_project_detail.extract, text, ocr_used=False, screened=False)
    assert got["projects"][0].fiscal_year_be == year
