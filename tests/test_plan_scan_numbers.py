"""Numbers of an action plan's rows and items as OCR misreads them, on generated plans.

Plans are generated from known values (``bench/corpus``) and damaged the ways
Tesseract damages them on the corpus's scans:

- a SWOT item's number read as a letter or two without its point, then the gap
  before its words read as a tab (``อ<tab>นโยบาย...``, ``Ds<tab>...``), or alone on
  a line of its own with its words on the next (``ท``, ``sf``, ``๓:``);
- an indicator-target row whose target the page wrapped after its opening word
  (``เพิ่มขึ้น`` / ``๖ ราย จากปี พ.ศ. ...``) across a page turn, the page number read
  as Latin (``Sa``) and the next page's running header read with specks beside
  it (``ระบบติดตาม...<tab>มรว``): the number opening the line after is the
  target's, not the next row's.

The truth is the generated values: every item keeps its kind and words, a number
OCR did not read stays NULL, every row keeps its name.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from read_back import records_of

# ------------------------------------------------------------------ SWOT item numbers

_ITEM = re.compile(r"^(?P<no>[๐-๙0-9]{1,2})\. (?P<body>.+)$")
#: What OCR reads an item's number as when it loses the point.
_TABBED = ("อ", "Ds", "ๆ")
_ALONE = ("ท", "sf", "x", "{no}:")


def _swot_damaged(text: str, rng: random.Random) -> tuple[str, int]:
    """The plan with some SWOT items' numbers misread (not a list's first: its heading
    is right above it); how many were damaged."""
    out: list[str] = []
    damaged = 0
    in_swot = False
    for line in text.split("\n"):
        if "SWOT" in line:
            in_swot = True
        elif line.startswith("สรุปโครงการ"):
            in_swot = False
        m = _ITEM.match(line)
        if in_swot and m and m.group("no") not in ("1", "๑") and rng.random() < 0.5:
            damaged += 1
            if rng.random() < 0.5:
                out.append(f"{rng.choice(_TABBED)}\t{m.group('body')}")
            else:
                out += [rng.choice(_ALONE).format(no=m.group("no")), m.group("body")]
            continue
        out.append(line)
    return "\n".join(out), damaged


@pytest.mark.parametrize("seed", range(8))
def test_swot_items_whose_number_ocr_misread_without_its_point_are_items(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text, damaged = _swot_damaged(generated.text, rng)
    assert damaged, "the test damages an item's number"
    want = generated.tables["plan_swot_items"]
    got = records_of(extract, text).get("plan_swot_items", [])
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))


# ------------------------------------------------------------------ a target across a page turn

_HEADER = "ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร"
_YEARS = re.compile(r"^[\t ]*(?:[๒2][๕5][0-9๐-๙]{2}[\t ]*){2,}$")
_OPENING = re.compile(r"(?<= )(เพิ่มขึ้น)(?= [๐-๙0-9])")


def _targets_cut_at_a_page(text: str) -> tuple[str, tuple[int, ...]] | None:
    """The plan's pages with its first target table flowing (its header's and each
    row's cells joined by spaces), the first row cut after its second target's
    opening word and the page turned there (a page number read as ``Sa``, a header
    with specks beside it), the rest of the plan on a third page; the page starts.
    None when the table's first row opens no target with ``เพิ่มขึ้น`` twice."""
    lines = text.split("\n")
    at = next((k for k, line in enumerate(lines) if _YEARS.match(line)), None)
    if at is None:
        return None
    rows = []
    k = at + 1
    while k < len(lines) and re.match(r"^[๑-๙1-9]\t", lines[k]):
        rows.append(lines[k].replace("\t", " "))
        k += 1
    if not rows:
        return None
    first = rows[0]
    opens = [m.end() for m in _OPENING.finditer(first)]
    if len(opens) < 2:
        return None
    head = [" ".join(line.split()) for line in lines[at - 1:at + 1]]  # header, years
    pages = [_HEADER, *lines[:at - 1], *head, first[:opens[1]], "", "Sa"]
    second = [f"{_HEADER}\t\t\t\tมรว", first[opens[1]:].lstrip(), *rows[1:], "", "- 2 -"]
    third = [_HEADER, *lines[k:]]
    starts = (0, sum(len(x) + 1 for x in pages), sum(len(x) + 1 for x in pages + second))
    return "\n".join(pages + second + third), starts


@pytest.mark.parametrize("seed", range(12))
def test_target_wrapped_after_its_word_across_a_page_turn_keeps_its_row(seed: int) -> None:
    rng = random.Random(seed)
    found = None
    while found is None:
        generated = GENERATORS["plan"](rng)
        found = _targets_cut_at_a_page(generated.text)
    text, starts = found
    furniture = furniture_lines(text, starts)
    doc = RepairedText.of(text, starts, ocr_used=True, furniture=furniture)
    assert any("มรว" in doc.text.split("\n")[no - 1] for no in furniture), "the header is furniture"
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text)
    got = build_records(normalized, "0" * 64).get("plan_indicators", [])
    names = [w["name"] for w in generated.tables["plan_indicators"]]
    first_table = list(dict.fromkeys(names))
    got_names = list(dict.fromkeys(r.name for r in got))
    assert got_names[:len(first_table)] == first_table[:len(got_names)]
    assert all("ราย" not in name.split()[0] for name in got_names)


def test_running_header_read_with_letters_beside_it_is_furniture() -> None:
    """``ระบบติดตาม...<tab>มรว``: specks read as Thai letters beside a header others repeat."""
    pages = [f"{_HEADER}\nข้อความหน้า {w}\nบรรทัด{w}ที่สอง" for w in ("ก", "ข", "ค")]
    pages[2] = pages[2].replace(_HEADER, f"{_HEADER}\t\t\t\tมรว")
    starts = tuple(sum(len(p) + 1 for p in pages[:k]) for k in range(3))
    furniture = furniture_lines("\n".join(pages), starts)
    assert {4, 7} <= furniture
    assert not {2, 3, 5, 6, 8, 9} & furniture
