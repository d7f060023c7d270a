"""Head lines of a history page a narrow column wrapped: the banner, the agency's line.

A history page set in two columns (a Word/Writer section printed to PDF) wraps
``*** สยป. ประเมินโครงการ : ไตรมาสที่ 3`` after ``ไตรมาสที่``: the quarter alone
opened the rationale (``3`` + the rationale). A scan drops that lone digit as a
speck: the banner's line cut before its quarter is still the banner (quarter NULL),
not the rationale. The agency's line ends near the column's edge, and the text
layer's reader joined the unit under it to it. Pages are generated from known
values (``bench/corpus``).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.web_progress_history import extract
from bma_etl.pipeline import process_file

from corpus.build import GENERATORS

BANNER = "*** สยป. ประเมินโครงการ : ไตรมาสที่"
LINKS = "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล"


def _page(quarter: str, banner: str = BANNER) -> tuple[str, str]:
    """A generated history page's text, ``banner`` wrapped under the links; its rationale."""
    doc = GENERATORS["web_history"](random.Random("banner-wrapped"))
    lines = doc.text.splitlines()
    at = lines.index(LINKS) + 1
    rationale = lines[at]
    return "\n".join([*lines[:at], banner, *([quarter] if quarter else []), *lines[at:]]) \
        + "\n", rationale


@pytest.mark.parametrize("quarter", ["3", "2 : 87.50"])
def test_a_banner_wrapped_before_its_quarter_reads_its_quarter(tmp_path: Path,
                                                               quarter: str) -> None:
    text, rationale = _page(quarter)
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    project = process_file(path).tables["projects"][0]
    assert project.assessment_quarter == int(quarter[0])
    assert project.rationale == rationale


def test_a_scanned_banner_cut_before_its_quarter_is_no_rationale() -> None:
    # the mark misread as OCR reads it at 200 dpi (``สุยป``)
    text, rationale = _page("", BANNER.replace("สยป", "สุยป"))
    doc = RepairedText.of(text, ocr_used=True)
    project = next(row for row in extract(doc).rows if row.table == "projects")
    read = project.fields["rationale"]
    assert [raw.text for raw in (read if isinstance(read, list) else [read])] == [rationale]
    assert project.fields.get("assessment_quarter") is None


def test_an_agency_line_the_reader_joined_to_the_unit_under_it_is_parted() -> None:
    # The agency's line ``<agency> : (<year>)`` ends near a narrow column's edge: the
    # reader of the text layer took it and the unit under it for one wrapped line.
    doc = GENERATORS["web_history"](random.Random("agency-wrapped"))
    lines = doc.text.splitlines()
    project = doc.tables["projects"][0]
    unit, year = str(project["division"]), int(project["fiscal_year_be"])
    assert lines[1] == unit
    agency = "สำนักงานเขตบางขุนเทียน"
    text = "\n".join([lines[0], f"{agency} : ({year})", *lines[1:]]) + "\n"
    read = next(row for row in extract(RepairedText.of(text, wraps=frozenset({2}))).rows
                if row.table == "projects").fields
    assert (read["agency"].text, read["division"].text) == (agency, unit)
    assert read["fiscal_year_be"].text == str(year)
