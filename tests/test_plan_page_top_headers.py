"""A definition table's header at the top of the page right under a scoring table.

A plan's definition tables share one header (``มาตรการ | ตัวชี้วัดมาตรการ |
นิยาม/คำอธิบายตัวชี้วัด | โครงการ/กิจกรรม``). When a page breaks right after a
scoring table, the next definition table's header opens the next page: the same
words as a header an earlier page opened a table with, under a page that ends in a
table row, so it is page furniture (a header repeated over a page break). Without
it the scoring table's last level ran on into the definition row (the level lost,
the later ones given to the indicator before), and that definition table had no
header to be read under.

Generated plans (bench/corpus) with a page break (a form feed) before every
definition table, printed by LibreOffice's text import in two Thai fonts. The truth
is the values the plans were generated from.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score
from thai_fonts import fonts_or_fail

PLANS = 2
TABLES = ("plan_scoring_levels", "plan_kpi_definitions")
KPI_HEADER = "มาตรการ\tตัวชี้วัดมาตรการ"


def _plan(k: int) -> GeneratedDoc:
    return GENERATORS["plan"](random.Random(f"page-top-{k}"))


def _broken(doc: GeneratedDoc) -> GeneratedDoc:
    """``doc`` with a page break before every definition table's header."""
    text = doc.text.replace(f"\n{KPI_HEADER}", f"\n\f{KPI_HEADER}")
    assert text.count("\f") >= 2, "the plan has fewer than two definition tables"
    return replace(doc, text=text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], Path]:
    fonts = fonts_or_fail(("Kinnari", "Loma"))
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("page-top")
    made = {(font, k): out / f"plan{k}.{font}.pdf" for font in fonts for k in range(PLANS)}
    failed = render.render_soffice_batch(
        [(_broken(_plan(k)), pdf, font) for (font, k), pdf in made.items()]
    )
    assert not failed, failed
    return made


@pytest.mark.parametrize("font", ["Kinnari", "Loma"])
def test_definition_header_at_a_page_top_ends_the_scoring_table(
    printed: dict[tuple[str, int], Path], font: str
) -> None:
    from bma_etl.pipeline import process_file

    for k in range(PLANS):
        doc = _plan(k)
        truth = {"tables": {t: doc.truth["tables"][t] for t in TABLES}}
        result = score(process_file(printed[(font, k)]), truth)
        assert result.lost == [], (k, result.lost[:6])
