"""A project's code followed on its line by a note or a second, labelled code.

``รหัสโครงการ : 50140000-7215 (รหัสเดิม 50140000-6801 ปี 2566)`` and ``… 50140000-7215
รหัสงบประมาณ 5014-0102-01`` (an outside tester's reportlab forms) stored the whole line
as the code, a wrong value. A project's code (eight digits, a dash, four) is now the
code alone (:func:`bma_etl.normalize.codes.parse_code`); a phone's extension after its
number is kept, since it is part of the number.

Forms and detail pages are generated from known values (bench/corpus); each code is
followed by a note; the truth is the generated values.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.layouts.web_project_detail import extract as detail
from bma_etl.normalize.codes import parse_code

from corpus.build import GENERATORS
from read_back import records_of

_CODE = re.compile(r"(?m)^(รหัสโครงการ[^0-9๐-๙\n]*)([0-9๐-๙]{8}-[0-9๐-๙]{4})$")
NOTES = (" (รหัสเดิม {old} ปี {year})", " รหัสงบประมาณ 5014-0102-01", " [โครงการต่อเนื่อง]",
         " หมายเหตุ เปลี่ยนรหัสเมื่อ {year}")


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize(("generator", "extract"), [
    ("legacy_tab", legacy), ("legacy_pipe", legacy), ("legacy_long", legacy),
    ("web_detail", detail)])
@pytest.mark.parametrize("seed", range(3))
def test_a_project_code_followed_by_a_note_is_the_code(
        seed: int, generator: str, extract: object, ocr: bool) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    want = generated.tables["projects"][0]
    old = f"{rng.randrange(10**7, 10**8)}-{rng.randrange(1000, 9999)}"
    note = rng.choice(NOTES).format(old=old, year=rng.randrange(2560, 2570))
    text, count = _CODE.subn(lambda m: m[1] + m[2] + note, generated.text)
    assert count == 1
    got = records_of(extract, text, ocr_used=ocr, screened=False)["projects"][0]
    assert got.project_code == want["project_code"]


@pytest.mark.parametrize(("printed", "stored"), [
    ("02-3774521 ต่อ 123", "02-3774521 ต่อ 123"),  # a phone's extension is the number's
    ("11040300 (กองระบบท่อระบายน้ำ)", "11040300 (กองระบบท่อระบายน้ำ)"),  # no project's code
    ("๕๐๑๔๐๐๐๐-๗๒๑๕ (รหัสเดิม)", "50140000-7215"),
])
def test_only_a_project_codes_note_is_left_out(printed: str, stored: str) -> None:
    assert parse_code(printed) == stored
