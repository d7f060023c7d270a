"""The annual action plan as other agencies word it: SWOT headings, mission lists, a title
with the Common Era year.

``จุดแข็ง (Strengths : S)`` (the bracket holding the English word and the letter) and
``อุปสรรค/ภัยคุกคาม (Threat)`` (two of the kind's words) were no headings: the items
under them were lost (:data:`bma_etl.layouts.plan_swot_headings._SWOT_HEADING_RE`).
Missions numbered ``(1)`` or set under bullets (``-``) were NULL
(:data:`bma_etl.layouts.plan_header._OTHER_ITEM_RE`). A title ending ``(ค.ศ. 2024)``
left agency and parent agency NULL: the bracket was taken for the agencies' text
(:data:`bma_etl.layouts.plan_header._CE`).

The plans are generated (bench/corpus ``plan``) and reworded; the truth is every field
as generated, the missions the generator's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated


def _plan(seed: int, k: int) -> tuple[object, str]:
    doc = GENERATORS["plan"](_rng(seed, "plan", k))
    return doc, doc.text


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("headings", [
    {"Strength": "จุดแข็ง (Strengths : S)", "Weakness": "จุดอ่อน (Weaknesses : W)",
     "Opportunity": "โอกาส (Opportunities : O)", "Threat": "อุปสรรค/ภัยคุกคาม (Threats : T)"},
    {"Strength": "จุดแข็ง (Strength: S)", "Weakness": "จุดอ่อน (Weakness - W)",
     "Opportunity": "โอกาส (Opportunity)", "Threat": "อุปสรรค/ภัยคุกคาม (Threat)"},
])
@pytest.mark.parametrize("k", range(2))
def test_swot_headings_in_other_wordings_hold_their_items(
        headings: dict[str, str], k: int, tmp_path: Path) -> None:
    doc, text = _plan(443, k)
    for word, heading in headings.items():
        text, count = re.subn(rf"^\S+ \({word}\)$", heading, text, flags=re.MULTILINE)
        assert count == 1, word
    assert_read_as_generated(_write(tmp_path, text), doc.truth)  # type: ignore[attr-defined]


_MISSION_RE = re.compile(r"^([0-9๐-๙])\. (.+)$")


@pytest.mark.parametrize("marker", ["({})", "-", "•"])
@pytest.mark.parametrize("k", range(2))
def test_missions_numbered_in_brackets_or_bulleted_are_read(
        marker: str, k: int, tmp_path: Path) -> None:
    from bma_etl.pipeline import process_file

    doc, text = _plan(449, k)
    head, rest = text.split("\nพันธกิจ\n", 1)
    lines = rest.split("\n")
    missions = []
    for i, line in enumerate(lines):
        m = _MISSION_RE.match(line)
        if m is None and missions:
            break
        if m is not None:
            missions.append(m.group(2))
            lines[i] = f"{marker.format(m.group(1))} {m.group(2)}"
    assert len(missions) >= 2
    path = _write(tmp_path, head + "\nพันธกิจ\n" + "\n".join(lines))
    assert_read_as_generated(path, doc.truth)  # type: ignore[attr-defined]
    plan = next(iter(process_file(path).rows("plans")))
    assert plan.missions == missions


@pytest.mark.parametrize("title", ["แผนปฏิบัติการประจำปี พ.ศ. {y} (ค.ศ. {ce})",
                                   "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {y} (ค.ศ. {ce})"])
@pytest.mark.parametrize("k", range(2))
def test_a_title_with_the_common_era_year_keeps_the_agencies(
        title: str, k: int, tmp_path: Path) -> None:
    doc, text = _plan(457, k)
    year = doc.truth["tables"]["plans"][0]["fiscal_year_be"]  # type: ignore[attr-defined]
    thai = text.count("พ.ศ. ๒") > 0
    digits = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙") if thai else None
    ce = str(year - 543)
    y = str(year)
    if digits is not None:
        ce, y = ce.translate(digits), y.translate(digits)
    text, count = re.subn(rf"^แผนปฏิบัติการประจำปี พ\.ศ\. {y}$", title.format(y=y, ce=ce), text,
                          flags=re.MULTILINE)
    assert count == 1
    assert_read_as_generated(_write(tmp_path, text), doc.truth)  # type: ignore[attr-defined]
