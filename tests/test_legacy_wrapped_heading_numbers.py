"""A progress form whose section heading wrapped after its number.

Printed in a large font (18 pt by reportlab or fpdf2), the heading
``2. รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ`` breaks after its number:
``2.`` stands on a line of its own and the title on the next. The report table under
it was read whole, but taken for no section's, so the form loaded without a single
progress report and no quality issue said so. A number alone whose next line is a
heading's title is that heading (:func:`bma_etl.layouts.legacy_sections._split_blocks`).

The forms are generated (bench/corpus ``legacy_tab``, ``legacy_pipe``,
``legacy_html``); every heading's number is wrapped onto a line of its own, and the
truth is every field as generated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated

#: A numbered section heading as the generators print it (``1.3 หลักการ…``, ``2. รายงาน…``).
_HEADING = re.compile(r"^(?P<no>[0-9]\.(?:[0-9]\b)?)\s+(?P<title>(?:ชื่อโครงการและ|รหัสโครงการและ|"
                      r"หน่วยงานที่รับผิดชอบ$|หลักการ|วัตถุประสงค์|เป้าหมายของ|สนับสนุน|"
                      r"รายงานความก้าวหน้าของ).*)$", re.MULTILINE)


@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_html"])
@pytest.mark.parametrize("k", range(2))
def test_a_heading_whose_number_wrapped_onto_its_own_line_opens_its_section(
        generator: str, k: int, tmp_path: Path) -> None:
    doc = GENERATORS[generator](_rng(419, generator, k))
    text, count = _HEADING.subn(r"\g<no>\n\g<title>", doc.text)
    assert count >= 7 and "\n2.\nรายงานความก้าวหน้าของโครงการ" in text
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)
