"""A head label's ``:`` that OCR read as a Thai letter standing alone (legacy forms).

Forms are generated from known values (``bench/corpus``); their text is then damaged
the way Tesseract read an outside tester's 200 dpi landscape scan and a photographed
page: the ``:`` after a head label read as one Thai letter standing alone
(``หน่วยงานที่รับผิดชอบ. ฟ สำนักงานเขตหนองแขม / ฝ่ายโยธา / …``, a box 5 pixels wide,
read at 54; ``ว`` on the photo). The agency, division and persons were NULL. The
truth is the generated values: each head value reads as generated, and a value
holding a lone letter of its own after a label that kept its ``:`` is read whole.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

#: Head lines whose ``:`` the damage replaces: label, its ``:``, the value.
_HEAD = re.compile(r"^(?P<label>(?:หน่วยงานที่รับผิดชอบ|ชื่อผู้รับผิดชอบ|ผู้ประสานงาน|รหัสโครงการ)"
                   r"[^:\n]*?)[ \t]*:[ \t]*(?=\S)", re.MULTILINE)
_LETTERS = ("ฟ", "ว", "อ", "ล")


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_html", "legacy_long"])
@pytest.mark.parametrize("seed", range(4))
def test_a_head_colon_read_as_a_letter_still_separates_label_and_value(
    generator: str, seed: int
) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text, count = _HEAD.subn(lambda m: f"{m['label']} {rng.choice(_LETTERS)} ", generated.text)
    assert count >= 3
    got = records_of(legacy, text, screened=False)["projects"]
    fields = ["project_code", "agency", "responsible_person", "coordinator"]
    if "division" in generated.tables["projects"][0]:
        fields.append("division")
    assert_rows_read("projects", got, generated.tables["projects"], tuple(fields))


def test_a_value_with_a_lone_letter_after_a_kept_colon_is_whole() -> None:
    """``หน่วยงานที่รับผิดชอบ : สำนักงานเขต ก / ฝ่าย…`` keeps its colon: nothing moves."""
    rng = random.Random(3)
    generated = GENERATORS["legacy_long"](rng)
    want = generated.tables["projects"][0]
    text = generated.text.replace(f" / {want['division']}", f" / ก {want['division']}", 1)
    assert text != generated.text
    got = records_of(legacy, text, screened=False)["projects"]
    assert got[0].agency == want["agency"]
    assert got[0].division == f"ก {want['division']}"
