"""A value the page wrapped reads as the text gives it (issue 10).

A reader joins a wrapped line to the next only when it saw the wrap; a Thai line
that ends short of the margin, or a justified line whose gaps look like cells,
stays a line of its own. The layouts read such a value up to the next label or
heading. The truth is the text form's values: the hand-written golden rows of the
samples, or the values a generated form (``bench/corpus`` ``legacy_long``) was
written from.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.forms import legacy_long
from corpus.score import score
from golden_compare import load_golden
from repo_paths import FIXTURES, GOLDEN, SAMPLES
from thai_fonts import font_file

TAB = SAMPLES / "002_9d2ef115f542a230.txt"
DETAIL = SAMPLES / "004_bd40e9a681c8a540.txt"
HISTORY = SAMPLES / "001_c025c6fdd2ac5ca8.txt"


def _flat(value: Any) -> Any:
    """Text without white space (a wrap breaks a line where the page ends, not the text)."""
    if isinstance(value, list):
        return [_flat(v) for v in value]
    return "".join(str(value).split()) if value is not None else None


def _golden_project(sample: Path) -> dict[str, Any]:
    return load_golden(GOLDEN / f"{sample.stem}.json")["tables"]["projects"][0]


def _project_of(text: str, tmp_path: Path, name: str = "form.txt") -> Any:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return process_file(path).rows("projects")[0]


def _rewrap(text: str, line_starts: str, cut: int) -> str:
    """The line starting with ``line_starts`` broken after ``cut`` characters."""
    lines = text.split("\n")
    i = next(i for i, ln in enumerate(lines) if ln.startswith(line_starts))
    lines[i:i + 1] = [lines[i][:cut], lines[i][cut:]]
    return "\n".join(lines)


FIELDS = ("project_name", "agency", "division", "objectives", "target")


@pytest.mark.parametrize("cut", [30, 45, 61])
def test_labelled_values_wrapped_mid_word_read_whole(cut: int, tmp_path: Path) -> None:
    # the name, the agency path (cut inside a word or after a "/"): lines of their own
    text = TAB.read_text(encoding="utf-8")
    text = _rewrap(_rewrap(text, "ชื่อโครงการ/กิจกรรม :", cut), "หน่วยงานที่รับผิดชอบ. :", cut)
    got, want = _project_of(text, tmp_path), _golden_project(TAB)
    for name in FIELDS:
        assert _flat(getattr(got, name)) == _flat(want[name]), name
    assert "\n" not in got.division and "\n" not in got.project_name


def test_heading_printed_with_its_text_on_one_line(tmp_path: Path) -> None:
    text = TAB.read_text(encoding="utf-8")
    text = text.replace("1.4 วัตถุประสงค์ของโครงการ\n\n1. ", "1.4 วัตถุประสงค์ของโครงการ 1. ")
    text = text.replace("1.5 เป้าหมายของโครงการ..\n\n", "1.5 เป้าหมายของโครงการ.. ")
    got, want = _project_of(text, tmp_path), _golden_project(TAB)
    assert _flat(got.objectives) == _flat(want["objectives"])  # the target not in the last one
    assert _flat(got.target) == _flat(want["target"])


def test_list_number_alone_on_its_line(tmp_path: Path) -> None:
    text = TAB.read_text(encoding="utf-8").replace("\n4. เพื่อขยาย", "\n4.\nเพื่อขยาย")
    got, want = _project_of(text, tmp_path), _golden_project(TAB)
    assert _flat(got.objectives) == _flat(want["objectives"])


def test_a_misread_label_line_is_not_taken_into_the_value_above(tmp_path: Path) -> None:
    # a line shaped "label : value" is never a continuation, even unrecognised
    text = TAB.read_text(encoding="utf-8").replace(
        "\n\nรหัสโครงการ... :", "\nรหสัโครงการ... :", 1)
    got, want = _project_of(text, tmp_path), _golden_project(TAB)
    assert _flat(got.project_name) == _flat(want["project_name"])


def test_web_detail_objective_number_alone_and_wrapped_agency(tmp_path: Path) -> None:
    text = DETAIL.read_text(encoding="utf-8")
    text = text.replace("\n4. เพื่อสนับสนุน", "\n4.\nเพื่อสนับสนุน")
    text = text.replace("หน่วยงานสํานักปลัดกรุง", "หน่วยงานสํานักปลัดกรุง\n")
    got, want = _project_of(text, tmp_path, "detail.txt"), _golden_project(DETAIL)
    assert _flat(got.objectives) == _flat(want["objectives"])
    assert got.agency == want["agency"]


def test_web_history_entry_label_whose_colon_wrapped(tmp_path: Path) -> None:
    text = HISTORY.read_text(encoding="utf-8")
    text = text.replace("** ปัญหาของโครงการ :", "** ปัญหาของโครงการ\n:")
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    got = process_file(path).rows("progress_updates")
    want = load_golden(GOLDEN / f"{HISTORY.stem}.json")["tables"]["progress_updates"]
    assert [_flat(u.problems) for u in got] == [_flat(w["problems"]) for w in want]
    assert [_flat(u.detail) for u in got] == [_flat(w["detail"]) for w in want]


def test_web_history_heading_with_its_text(tmp_path: Path) -> None:
    fixture = FIXTURES / "tracking-pages" / "t02_decomposed_sara_am_zero_progress.txt"
    text = fixture.read_text(encoding="utf-8")
    plain = _project_of(text, tmp_path, "a.txt")
    joined = text.replace("วัตถุประสงค์ของโครงการ\n\n", "วัตถุประสงค์ของโครงการ ")
    joined = joined.replace("หลักการและเหตุผล\n\n", "หลักการและเหตุผล : ")
    got = _project_of(joined, tmp_path, "b.txt")
    assert plain.objectives and plain.rationale
    assert (got.objectives, _flat(got.rationale)) == (plain.objectives, _flat(plain.rationale))


@pytest.mark.parametrize("producer", ["fpdf2", "reportlab"])
@pytest.mark.parametrize("seed", [3, 11])
def test_generated_long_form_printed_reads_every_field(seed: int, producer: str,
                                                       tmp_path: Path) -> None:
    found = {"Garuda": font_file("Garuda")}
    doc = legacy_long(random.Random(f"wrapped-{seed}"))
    pdf = tmp_path / f"long.{producer}.pdf"
    rng = random.Random(f"wrapped-{seed}-{producer}")
    if producer == "reportlab":
        render.render_reportlab(doc, pdf, "Garuda", found["Garuda"], rng)
    else:
        render.render_fpdf(doc, pdf, "Garuda", found["Garuda"], rng, shaping=False)
    result = score(process_file(pdf), doc.truth)
    assert not result.lost, "\n".join(f"{k}: want {w!r} got {g!r} ({kind})"
                                      for k, w, g, kind in result.lost)
    assert doc.margins_mm is not None and doc.margins_mm <= 15
