"""Word forms whose labels are filled with dotted tab leaders (``ไข่ปลา``), as printed.

A Thai government Word form sets ``label :``, a tab whose leader fills the room with
dots, then the value (``ชื่อผู้รับผิดชอบ :..............นางสาว…``). The PDF's text layer
gives the dots as text: they were read into every value of the form's head (agency
``....สำนัก…``, the project's name with its item number kept). The leader is a
separator in every medium; a leader running to the line's end is a value left blank.

Scanned, Tesseract read each leader as digits and letters glued to its value
(``12222222222266610000000-8812``): the leaders' dots are erased from the page image
before OCR (:mod:`bma_etl.read.ocr_leaders`).

The forms are generated from known values (bench/corpus), written as Word files with
python-docx, a leader tab stop on each ``label : value`` paragraph, and printed by
``soffice`` (one page scanned at 300 dpi); the truth is the generated values.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from bma_etl.layouts.legacy_progress_form import PROJECT_LABELS
from bma_etl.matchlabel import find_label
from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.scan import scan_pdf
from corpus.score import score

SEED = 2611
#: Where the leaders' tab stops stand (cm from the margin), and the type size (pt).
PRINTS = {"near": ("5.0", "14", "Sarabun"), "far": ("7.5", "16", "Norasi")}
#: A strategy issue long enough to wrap after a far tab stop, holding a ``:`` of its own.
LONG_ISSUE = ("\u0e14\u0e49\u0e32\u0e19\u0e17\u0e35\u0e48 \u0e52 \u2013 "
              "\u0e21\u0e2b\u0e32\u0e19\u0e04\u0e23\u0e2a\u0e35\u0e40\u0e02\u0e35\u0e22\u0e27 "
              "\u0e2a\u0e30\u0e14\u0e27\u0e01\u0e2a\u0e1a\u0e32\u0e22 "
              "\u0e1b\u0e25\u0e2d\u0e14\u0e20\u0e31\u0e22\u0e41\u0e25\u0e30"
              "\u0e19\u0e48\u0e32\u0e2d\u0e22\u0e39\u0e48 : Green City")
ISSUE_LABEL = ("\u0e1b\u0e23\u0e30\u0e40\u0e14\u0e47\u0e19"
               "\u0e22\u0e38\u0e17\u0e18\u0e28\u0e32\u0e2a\u0e15\u0e23\u0e4c")


def _with_long_issue(doc: GeneratedDoc) -> GeneratedDoc:
    """``doc`` with its strategy issue replaced by :data:`LONG_ISSUE`."""
    lines = doc.text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith(f"{ISSUE_LABEL} : "))
    lines[at] = f"{ISSUE_LABEL} : {LONG_ISSUE}"
    doc.text = "\n".join(lines)
    return doc


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, GeneratedDoc]]:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("leaders")
    made: dict[str, tuple[Path, GeneratedDoc]] = {}
    batch = []
    for name, (stop, pt, font) in PRINTS.items():
        doc = _with_long_issue(GENERATORS["legacy_tab"](random.Random(f"{SEED}-{name}")))
        pdf = out / f"{name}.pdf"
        made[name] = (pdf, doc)
        batch.append((doc, pdf, font, {"pt": pt, "leader_cm": stop, "lang": "th-TH"}))
    failed = render.render_docx_batch(batch)
    assert not failed, failed
    return made


@pytest.mark.parametrize("name", sorted(PRINTS))
def test_leader_dots_are_no_part_of_a_value(
        printed: dict[str, tuple[Path, GeneratedDoc]], name: str) -> None:
    pdf, doc = printed[name]
    processed = process_file(pdf)
    projects = processed.rows("projects")
    assert projects
    for column, value in projects[0].model_dump().items():
        if isinstance(value, str):
            assert not value.startswith((".", "\u2026")), (column, value)
    right, total, lost = score(processed, json.loads(doc.truth_json()))
    assert right == total, lost[:5]


@pytest.mark.parametrize("name", sorted(PRINTS))
def test_a_leader_value_wrapped_keeps_its_tail(
        printed: dict[str, tuple[Path, GeneratedDoc]], name: str) -> None:
    pdf, _ = printed[name]
    issue = process_file(pdf).rows("projects")[0].strategy_issue  # type: ignore[attr-defined]
    assert "".join(str(issue).split()) == "".join(LONG_ISSUE.split())


def test_a_leader_to_the_line_end_is_a_blank_value() -> None:
    coordinator = "\u0e1c\u0e39\u0e49\u0e1b\u0e23\u0e30\u0e2a\u0e32\u0e19\u0e07\u0e32\u0e19"
    for text in (f"{coordinator} :..........", f"{coordinator} ............",
                 f"{coordinator} : \u2026\u2026\u2026"):
        found = find_label(text, PROJECT_LABELS)
        assert found is not None and found[0] == "_coordinator", text
        assert not text[found[1]:].strip(), text


def test_a_value_keeps_its_own_point() -> None:
    from bma_etl.matchlabel import past_leader

    assert past_leader("x : .5", 4) == 4
    text = "x :..\u0e52.\u0e52 - y"
    assert text[past_leader(text, 3):] == "\u0e52.\u0e52 - y"


#: Fields of the form's first page a scan must read, as generated.
SCANNED_FIELDS = ("project_code", "fiscal_year_be", "start_date", "end_date",
                  "budget_allocated_thb", "budget_spent_thb", "agency")


def test_a_scanned_leader_is_no_part_of_a_value(
        printed: dict[str, tuple[Path, GeneratedDoc]], tmp_path: Path) -> None:
    pdf, doc = printed["near"]
    scan = tmp_path / "scan.pdf"
    scan_pdf(pdf, scan, 300, "grey", random.Random(f"{SEED}-scan"), max_pages=1)
    processed = process_file(scan)
    assert processed.rows("documents")[0].ocr_used  # type: ignore[attr-defined]
    got = processed.rows("projects")[0].model_dump()
    want = json.loads(doc.truth_json())["tables"]["projects"][0]
    thai = set(doc.thai_digit_fields)  # ๔ ๖ ๗ ๘ ๙ OCR cannot read: not counted
    fields = [f for f in SCANNED_FIELDS if f"projects.0.{f}" not in thai]
    assert len(fields) >= 4
    wrong = {f: (str(got.get(f)), str(want[f])) for f in fields if str(got.get(f)) != str(want[f])}
    assert not wrong


def _page(marks: list[tuple[int, int]], size: int = 7) -> Image.Image:
    """A white 300 dpi strip with a round dot of ``size`` pixels at each ``(x, y)``."""
    image = Image.new("L", (1200, 160), 255)
    draw = ImageDraw.Draw(image)
    for x, y in marks:
        draw.ellipse((x, y - size, x + size, y), fill=0)
    return image


def test_leader_dots_are_erased_from_a_page_image() -> None:
    from bma_etl.read.ocr_leaders import without_leaders

    base = 100
    leader = [(300 + 17 * i, base) for i in range(12)]
    ellipsis = [(600 + 17 * i, base) for i in range(3)]
    colon = [(800, base), (800, base - 22)]
    thai_sara_a = [(900, base), (900, base - 20), (935, base), (935, base - 20)]
    image = _page(leader + ellipsis + colon + thai_sara_a)
    out = np.asarray(without_leaders(image, 300))

    def inked(x: int, y: int) -> bool:
        return bool((out[y - 7:y, x:x + 7] < 128).any())

    assert not any(inked(x, y) for x, y in leader)
    assert all(inked(x, y) for x, y in ellipsis + colon + thai_sara_a)


#: Labels of the project detail page, as the generator writes them, each glued to its value.
DETAIL_LABELS = ("\u0e23\u0e2b\u0e31\u0e2a\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23",
                 "\u0e0a\u0e37\u0e48\u0e2d\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23",
                 "\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19",
                 "\u0e1c\u0e39\u0e49\u0e23\u0e31\u0e1a\u0e1c\u0e34\u0e14\u0e0a\u0e2d\u0e1a",
                 "\u0e07\u0e1a\u0e2f \u0e17\u0e35\u0e48\u0e44\u0e14\u0e49\u0e23\u0e31\u0e1a "
                 "(\u0e1a\u0e32\u0e17)")


@pytest.mark.parametrize("seed", range(3))
def test_a_detail_page_set_with_leaders_reads_as_without(seed: int) -> None:
    # a detail page retyped in Word: ``label :..........value`` for each field
    from bma_etl.layouts.web_project_detail import extract

    from read_back import assert_rows_read, records_of

    doc = GENERATORS["web_detail"](random.Random(f"{SEED}-detail-{seed}"))
    lines = doc.text.split("\n")
    led = 0
    for i, line in enumerate(lines):
        label = next((lb for lb in DETAIL_LABELS if line.startswith(lb)), None)
        if label is not None and line[len(label):].strip():
            lines[i] = f"{label} :{'.' * (8 + i % 7)}{line[len(label):]}"
            led += 1
    assert led >= 4
    got = records_of(extract, "\n".join(lines), ocr_used=False, screened=False)["projects"]
    fields = ("project_code", "project_name", "agency", "budget_allocated_thb")
    assert_rows_read("projects", got, doc.tables["projects"], fields)
