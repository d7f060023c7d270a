"""An agency printed with its code in a bracket: ``สำนักการระบายน้ำ (รหัส 1100)``.

The bracket was stored as part of the agency's name, so the agency no longer matched
the same agency elsewhere; then in ``unit_code``, which holds a division's 8-digit code
on tracking pages: two kinds of code in one column. The code is no part of the name and
is not stored: the agency (or the division a bracket follows) is the name alone, derived,
its evidence the text as printed with the bracket
(:func:`bma_etl.layouts.common.split_agency_raw`).

Documents are generated from known values (bench/corpus ``legacy_tab``, ``legacy_pipe``,
``legacy_long``, ``legacy_html``, ``web_detail``); the agency path is printed with the
generated agency, a division drawn for the test or none, and a code drawn for the test
after the agency or the division; the truth is that agency and division, and the
generated ``unit_code`` (none of these pages states one).
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts import legacy_progress_form, web_project_detail

from corpus.build import GENERATORS
from read_back import records_of

LAYOUTS = {
    "legacy_tab": legacy_progress_form, "legacy_pipe": legacy_progress_form,
    "legacy_long": legacy_progress_form, "legacy_html": legacy_progress_form,
    "web_detail": web_project_detail, "web_detail_long": web_project_detail,
}
BRACKETS = ("(รหัส {})", "(รหัสหน่วยงาน : {})", "( รหัส {} )")


DIVISIONS = ("กองระบบคลอง", "ฝ่ายโยธา", "โรงพยาบาลกลาง")
#: Where the path puts the bracket: after the agency (no division, or a division after
#: it), or after the division.
PATHS = ("{agency} {code}", "{agency} {code} / {division}", "{agency} / {division} {code}")


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("generator", sorted(LAYOUTS))
@pytest.mark.parametrize("bracket", BRACKETS)
@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("seed", range(2))
def test_an_agencys_code_in_a_bracket_is_no_part_of_its_name(
        seed: int, path: str, bracket: str, generator: str, ocr: bool) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    want = generated.tables["projects"][0]
    code = str(random.Random(seed).randint(1000, 99999))
    division = DIVISIONS[seed % len(DIVISIONS)] if "{division}" in path else None
    label = "หน่วยงานที่รับผิดชอบ. : " if generator.startswith("legacy") else "หน่วยงาน"
    printed = path.format(agency=want["agency"], division=division,
                          code=bracket.format(code))
    text, count = re.subn(rf"^{re.escape(label + want['agency'])}[^\n]*",
                          lambda _: label + printed, generated.text, flags=re.M)
    assert count == 1
    got = records_of(LAYOUTS[generator].extract, text, ocr_used=ocr, screened=False)
    project = got["projects"][0]
    assert (project.agency, project.division, project.unit_code) == (
        want["agency"], division, want.get("unit_code"))


@pytest.mark.parametrize("generator", ["legacy_tab", "web_detail"])
def test_the_printed_bracket_stays_in_provenance(generator: str) -> None:
    """The code is stored nowhere, but the text as printed is the value's evidence."""
    from bma_etl.layouts.base import RepairedText
    from bma_etl.normalize.fields import normalize

    generated = GENERATORS[generator](random.Random(3))
    agency = generated.tables["projects"][0]["agency"]
    label = "หน่วยงานที่รับผิดชอบ. : " if generator.startswith("legacy") else "หน่วยงาน"
    printed = f"{agency} / กองระบบคลอง (รหัส 1100)"
    text = re.sub(rf"^{re.escape(label + agency)}[^\n]*", lambda _: label + printed,
                  generated.text, count=1, flags=re.M)
    doc = RepairedText.of(text, (), ocr_used=False)
    normalized = normalize(LAYOUTS[generator].extract(doc), doc.text, doc.words, None)
    said = {p.field: p for p in normalized.provenance if p.table_name == "projects"}
    assert (said["division"].raw_text, said["division"].derived) == (
        "กองระบบคลอง (รหัส 1100)", True)
    assert (said["agency"].raw_text, said["agency"].derived) == (agency, False)
    assert "unit_code" not in said
