"""Section headings of the legacy progress form whose words OCR misspelt.

Forms are generated from known values (``bench/corpus``) in their table dialects; their
text is then damaged the ways Tesseract read a section heading on the corpus's scans: a
letter of its words read as another, a letter added, its number's dot lost
(``2 รายงานความถ้าวหน้าของโครงการและถารใช้จ่ายงบประมาณ``, ``1.5 เป้าหมายขอลงโครงการ..``).
The truth is the generated values: the heading still opens its section, so every report
row and the target are read.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS

#: What OCR read for the report table's heading on the corpus's scans.
_REPORTS_MISREAD = (
    "2 รายงานความถ้าวหน้าของโครงการและถารใช้จ่ายงบประมาณ",
    "2. รายงานความก้าวหน้าขอลงโครงการและการใช้จ่ายงบประมาณ",
    "' 2, รายงานความก้าวหน้าของโดรงการและการใช้จ่ายงบประมาณ",
)
#: ... and for the target's heading.
_TARGET_MISREAD = ("1.5 เป้าหมายขอลงโครงการ..", "1.5 เป้าหมายของโครงถาร")


def _read(text: str, ocr: bool = True) -> dict[str, list[Any]]:
    doc = RepairedText.of(text, ocr_used=ocr)
    return build_records(normalize(legacy(doc), doc.text, doc.words, None), "0" * 64)


def _amount(value: object) -> str | None:
    return None if value is None else f"{value:.2f}"


def _rows(records: dict[str, list[Any]]) -> list[tuple[Any, ...]]:
    return [(r.seq_label, str(r.report_date), _amount(r.progress_pct),
             _amount(r.budget_disbursed_thb), r.on_plan, r.on_target)
            for r in records.get("progress_updates", [])]


def _want(generated: Any) -> list[tuple[Any, ...]]:
    return [(w["seq_label"], w["report_date"], w["progress_pct"], w["budget_disbursed_thb"],
             w["on_plan"], w["on_target"]) for w in generated.tables["progress_updates"]]


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_html", "legacy_long"])
@pytest.mark.parametrize("seed", range(3))
def test_misspelt_report_and_target_headings_still_open_their_sections(generator: str,
                                                                      seed: int) -> None:
    """Every report row, the target and the form's progress are read as generated."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = re.sub(r"^2\. รายงานความก้าวหน้าของโครงการ\S*", rng.choice(_REPORTS_MISREAD),
                  generated.text, count=1, flags=re.M)
    text = re.sub(r"^1\.5 เป้าหมายของโครงการ\.*", rng.choice(_TARGET_MISREAD), text,
                  count=1, flags=re.M)
    assert "รายงานความก้าวหน้าของโครงการและการ" not in text
    assert "1.5 เป้าหมายของโครงการ.." not in text
    records = _read(text)
    assert _rows(records) == _want(generated)
    [project] = records["projects"]
    [want] = generated.tables["projects"]
    assert (_amount(project.progress_pct), project.status) == (want["progress_pct"],
                                                              want["status"])
    if "target" in want:  # the long form's truth holds its narrative
        assert " ".join((project.target or "").split()) == " ".join(want["target"].split())


@pytest.mark.parametrize("seed", range(3))
def test_a_misspelt_heading_never_sends_the_reader_back(seed: int) -> None:
    """A numbered line in the report table that reads like an earlier section's heading
    (``1.5 เป้าหมายขอลงโครงการ``) does not end the table: every row is still read."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_tab"](rng)
    at = generated.text.index("\nรายงานครั้งที่", generated.text.index("\n2. รายงาน"))
    text = generated.text[:at] + "\n1.5 เป้าหมายขอลงโครงการ" + generated.text[at:]
    assert _rows(_read(text)) == _want(generated)


#: The target's heading as OCR read it on a 150 dpi scan (seed 67's legacy_long_003): its
#: number read as Latin letters and its words misspelt, the dots after them as junk;
#: and the objectives' heading damaged the same way.
_TARGET_NUMBER_AND_WORDS = ("LS เป้าหมายของโครงก", "Ls. เป้าหมายขอวโครงการ")
_TARGET_JUNK_TAIL = " Bi 5ต"
_OBJECTIVES_NUMBER_AND_WORDS = ("Le วัตถุประสงศ์ของโครงการ", "ld วัตถุประลงค์ชองโครงการ")


@pytest.mark.parametrize("seed", range(6))
def test_a_heading_with_number_and_words_misread_opens_its_section(seed: int) -> None:
    """Objectives and target read as generated when both their headings lost their number
    to letters and a letter of their words: neither section runs into the one before."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_long"](rng)
    target = re.search(r"^1\.5 เป้าหมายของโครงการ\.*(?P<rest>.*)$", generated.text, re.M)
    assert target is not None
    misread = rng.choice(_TARGET_NUMBER_AND_WORDS)
    if not target["rest"].strip():  # junk after the words only where no text follows
        misread += _TARGET_JUNK_TAIL
    text = generated.text[:target.start()] + misread + generated.text[target.start("rest"):]
    text = re.sub(r"^1\.4 วัตถุประสงค์ของโครงการ", rng.choice(_OBJECTIVES_NUMBER_AND_WORDS),
                  text, count=1, flags=re.M)
    assert "1.4 " not in text and "1.5 " not in text
    [project] = _read(text)["projects"]
    [want] = generated.tables["projects"]
    assert [" ".join(o.split()) for o in project.objectives or []] == \
        [" ".join(o.split()) for o in want["objectives"]]
    assert " ".join((project.target or "").split()) == " ".join(want["target"].split())
