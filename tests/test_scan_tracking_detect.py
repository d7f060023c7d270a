"""A scanned tracking page recognised by what its head holds when OCR damaged part of it.

Tracking pages are generated from known values (``bench/corpus``, ``web_tracking``);
most saves hold only the page's top, whose few signs detection must find. Damaged
the way Tesseract read the corpus's scans: the banner's ``*** สยป.`` read as Latin
or Thai junk of a word or two (``wee gail, ประเมินโครงการ : ไตรมาสที่ 2 100``, seed 73
at 200 dpi, 1-bit), while ``ประเมินโครงการ : ไตรมาสที่ <q>`` and its score still read;
the project's code misread on a save cut above the progress line, which then holds
only its title, navigation, chart placeholder and agency. The truth is the
generated values: the page is recognised as the tracking page and its assessment
read; other systems' pages that share some words stay unknown.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.detect import detect
from bma_etl.errors import UnknownLayout
from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.web_progress_history import extract

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

_BANNER = re.compile(r"^\*\*\* สยป\. (?=ประเมินโครงการ : ไตรมาสที่)", re.M)
#: ``*** สยป.`` as OCR read it on the corpus's scans, and the like.
_JUNK = ("wee gail, ", "wee สยป. ", "** ayy, ", "ww สุย ป, ", "we ", "")
_FIELDS = ("project_code", "project_name", "agency", "fiscal_year_be", "progress_pct",
           "assessment_quarter", "assessment_score")


def _headless_with_banner(rng: random.Random) -> object:
    """A page holding the banner, its save cut above the name (or headerless)."""
    while True:
        generated = GENERATORS["web_tracking"](rng)
        if _BANNER.search(generated.text) and "FusionCharts" not in generated.text:
            return generated


@pytest.mark.parametrize("seed", range(6))
def test_banner_whose_mark_ocr_read_as_junk_still_marks_the_page(seed: int) -> None:
    rng = random.Random(seed)
    generated = _headless_with_banner(rng)
    text = _BANNER.sub(rng.choice(_JUNK), generated.text)  # type: ignore[attr-defined]
    assert "สยป. ประเมิน" not in text
    assert detect(RepairedText.of(text, ocr_used=True)).layout.layout_id == \
        "web_progress_history"
    got = records_of(extract, text, screened=False)["projects"]
    want = generated.tables["projects"]  # type: ignore[attr-defined]
    assert_rows_read("projects", got, want, _FIELDS)


def _cut_at_agency(rng: random.Random) -> object:
    while True:
        generated = GENERATORS["web_tracking"](rng)
        if "FusionCharts" in generated.text and "ความคืบหน้าโครงการ ร้อยละ" not in generated.text:
            return generated


@pytest.mark.parametrize("seed", range(4))
def test_save_cut_above_the_progress_with_its_code_misread_is_still_the_page(seed: int) -> None:
    """``<name> : 1O287228-5614``: a letter for a digit of the code leaves the save its
    title, ``Back Home``, the chart's placeholder and the agency: still the page."""
    rng = random.Random(seed)
    generated = _cut_at_agency(rng)
    text = re.sub(r"(: [0-9])[0-9]([0-9]{6}-)", r"\1O\2", generated.text,  # type: ignore[attr-defined]
                  count=1)
    text = re.sub(r" : \(([0-9]{4})\)$", "", text, flags=re.M)  # the year part not saved
    assert text != generated.text  # type: ignore[attr-defined]
    doc = RepairedText.of(text, ocr_used=True)
    assert detect(doc).layout.layout_id == "web_progress_history"


@pytest.mark.parametrize("lines", [
    ("ผลการประเมินโครงการ : ไตรมาสที่ 2", "ความคืบหน้าโครงการ ร้อยละ 50",
     "หลักการและเหตุผล"),
    ("Back Home", "FusionCharts will render here", "สรุปผลการประเมินโครงการ : ไตรมาสที่ 3 100"),
])
def test_other_pages_with_the_banner_words_stay_unknown(lines: tuple[str, ...]) -> None:
    """A report quoting ``ประเมินโครงการ : ไตรมาสที่`` with a progress line, or another
    chart page: a sign or two of the tracking page is not the page."""
    with pytest.raises(UnknownLayout):
        detect(RepairedText.of("\n".join(lines) + "\n", ocr_used=True))
