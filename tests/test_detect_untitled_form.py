"""A progress form that lost its title is still the progress form.

A scan whose first page is missing, or a print that dropped its heading, leaves the
form without ``แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ``, half of what marks
it. A narrow label column (LibreOffice Writer/Web, bench/corpus ``soffice-narrow``)
then also cuts every report label, ``รายงานครั้ง`` beside the row's cells and ``ที่๑``
on the line under them. The report rows still show in their disbursement's count,
``งบประมาณที่เบิกใช้ (ครั้งที่ ๑)``, and detection must not lose the form to unknown.

The forms are generated (bench/corpus ``legacy_tab``, ``legacy_pipe``,
``legacy_html``); the truth is the layout and the project code they were made with.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bma_etl.detect import detect
from bma_etl.document import RepairedText
from bma_etl.layouts.legacy_progress_form import TITLE
from bma_etl.pipeline import process_file

from corpus.build import GENERATORS, _rng
from corpus.score import score

_LABEL = re.compile(r"รายงานครั้งที่\s*([0-9๐-๙]+)")


def _untitled_narrow(text: str) -> str:
    """``text`` without its title, each report label cut as a narrow column cuts it."""
    lines = []
    for line in text.splitlines():
        if TITLE in line:
            continue
        label = _LABEL.search(line)
        if label is None:
            lines.append(line)
            continue
        lines.append(line[:label.start()] + "รายงานครั้ง" + line[label.end():])
        lines.append(f"ที่{label.group(1)}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_html"])
@pytest.mark.parametrize("k", range(3))
def test_a_form_without_its_title_and_with_cut_labels_is_the_form(generator: str, k: int,
                                                                   tmp_path: Path) -> None:
    doc = GENERATORS[generator](_rng(409, generator, k))
    text = _untitled_narrow(doc.text)
    assert TITLE not in text and not _LABEL.search(text)
    assert detect(RepairedText.of(text)).layout.layout_id == "legacy_progress_form"
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    projects = {"projects": doc.truth["tables"]["projects"]}
    assert score(process_file(path), {"tables": projects}).lost == []
