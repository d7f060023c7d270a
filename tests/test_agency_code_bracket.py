"""An agency printed with its code in a bracket: ``สำนักการระบายน้ำ (รหัส 1100)``.

The bracket was stored as part of the agency's name, so the agency no longer matched
the same agency elsewhere. The code is no part of the name: the agency is the name
alone and the code goes to ``unit_code`` (the organisation code; the legacy form and
the project-detail page state no other: :func:`bma_etl.layouts.common.split_agency_raw`).

Documents are generated from known values (bench/corpus ``legacy_tab``, ``legacy_pipe``,
``legacy_long``, ``legacy_html``, ``web_detail``); the agency is printed with a code
drawn for the test; the truth is the generated agency and division and that code.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts import legacy_progress_form, web_project_detail

from conftest import records_of
from corpus.build import GENERATORS

LAYOUTS = {
    "legacy_tab": legacy_progress_form, "legacy_pipe": legacy_progress_form,
    "legacy_long": legacy_progress_form, "legacy_html": legacy_progress_form,
    "web_detail": web_project_detail, "web_detail_long": web_project_detail,
}
BRACKETS = ("(รหัส {})", "(รหัสหน่วยงาน : {})", "( รหัส {} )")


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("generator", sorted(LAYOUTS))
@pytest.mark.parametrize("bracket", BRACKETS)
@pytest.mark.parametrize("seed", range(2))
def test_an_agencys_code_in_a_bracket_is_no_part_of_its_name(
        seed: int, bracket: str, generator: str, ocr: bool) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    want = generated.tables["projects"][0]
    code = str(random.Random(seed).randint(1000, 99999))
    label = "หน่วยงานที่รับผิดชอบ. : " if generator.startswith("legacy") else "หน่วยงาน"
    text, count = re.subn(rf"^({re.escape(label + want['agency'])})",
                          lambda m: f"{m[1]} {bracket.format(code)}", generated.text, flags=re.M)
    assert count == 1
    got = records_of(LAYOUTS[generator].extract, text, ocr_used=ocr, screened=False)
    project = got["projects"][0]
    assert (project.agency, project.division, project.unit_code) == (
        want["agency"], want.get("division", project.division), code)
