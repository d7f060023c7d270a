"""A project code printed with an en dash (or another Unicode dash) instead of a hyphen.

``รหัสโครงการ... : 50210000–4711`` (a word processor's en dash) was stored with the en
dash in the legacy form and the project-detail page, and on a tracking page's
``<name> : <code>`` line the code was not found at all (the name took the code, or the
cut page was quarantined). Codes are compared and joined across documents: every layout
now finds a code by its shape with any of :data:`bma_etl.normalize.codes.CODE_DASH`,
and :func:`bma_etl.normalize.codes.parse_code` stores the ASCII hyphen; the printed
text stays in provenance.

Documents are generated from known values (bench/corpus generators), their codes'
hyphens printed as the dash under test; the truth is the generated code.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts import legacy_progress_form, web_progress_history, web_project_detail
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize

from corpus.build import GENERATORS
from read_back import records_of

LAYOUTS = {
    "legacy_tab": legacy_progress_form, "legacy_pipe": legacy_progress_form,
    "legacy_long": legacy_progress_form, "legacy_html": legacy_progress_form,
    "web_detail": web_project_detail, "web_detail_long": web_project_detail,
    "web_tracking": web_progress_history,
}
#: En dash, non-breaking hyphen, minus sign, em dash.
DASHES = ("\u2013", "\u2011", "\u2212", "\u2014")


@pytest.mark.parametrize("dash", DASHES)
@pytest.mark.parametrize("generator", sorted(LAYOUTS))
@pytest.mark.parametrize("seed", range(3))
def test_a_code_printed_with_another_dash_is_stored_with_the_hyphen(
        seed: int, generator: str, dash: str) -> None:
    rng = random.Random(seed)
    for _ in range(50):  # a save that prints no code (a page cut above it) is drawn again
        generated = GENERATORS[generator](rng)
        want = generated.tables["projects"][0]
        code = want["project_code"]
        if code is not None and code in generated.text:
            break
    assert code is not None and code in generated.text
    printed = code.replace("-", dash)
    text = generated.text.replace(code, printed)
    extract = LAYOUTS[generator].extract
    got = records_of(extract, text, ocr_used=False, screened=False)["projects"][0]
    assert (got.project_code, got.project_name) == (code, want["project_name"])
    doc = RepairedText.of(text, (), ocr_used=False)
    provenance = [p for p in normalize(extract(doc), doc.text).provenance
                  if p.table_name == "projects" and p.field == "project_code"]
    assert provenance and all(p.raw_text == printed for p in provenance)
