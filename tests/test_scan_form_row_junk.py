"""A progress form's report rows as OCR read them with junk at their edges.

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``); their report
rows are then damaged the ways Tesseract read them on seed 73's scans (150 dpi grey,
200 dpi): the row's opening ``|`` read as a cell of a letter or two before its label
(``ba⇥รายงานครั้งที่๑``, ``ร⇥…``, ``คร| …``); a label's number misread as one no report
below the ones above can have (``รายงานครั้งที่๒`` under the fifth); a vowel that opens
no word glued before the narrative (``ะอยู่ระหว่าง…``), a letter left of the ``::``
at the narrative's line end when the progress's label opens the next line
(``…ที่เกี่ยวข้อง ฮ่`` / ``ความก้าวหน้า…``), ``'-`` before the label; the date read as
letters between digits (``5ไซม0 0. ดำเนินการ…``). The truth is the generated values;
a value OCR made unreadable is NULL, never junk.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS

_ROW = re.compile(r"^\| รายงานครั้งที่(?P<no>[0-9๐-๙]+) \| :: (?P<date>[0-9๐-๙/]+) : "
                  r"(?P<detail>.*?) :: (?P<rest>ความก้าวหน้าของงานฯ.*)$", re.M)


def _rows(text: str) -> list[Any]:
    doc = RepairedText.of(text, ocr_used=True)
    return build_records(normalize(extract(doc), doc.text, doc.words, None),
                         "0" * 64).get("progress_updates", [])


def _generated(rng: random.Random, least: int = 3) -> Any:
    while True:
        generated = GENERATORS["legacy_pipe"](rng)
        if len(_ROW.findall(generated.text)) >= least:
            return generated


def _as_generated(rows: list[Any]) -> list[tuple[Any, ...]]:
    return [(r.seq_label, r.detail, r.on_plan, r.on_target,
             None if r.progress_pct is None else f"{r.progress_pct:.2f}") for r in rows]


def _want(generated: Any) -> list[tuple[Any, ...]]:
    return [(w["seq_label"], w["detail"], w["on_plan"], w["on_target"], w["progress_pct"])
            for w in generated.tables["progress_updates"]]


@pytest.mark.parametrize("seed", range(6))
def test_row_whose_opening_bar_ocr_read_as_letters_is_still_its_labels(seed: int) -> None:
    rng = random.Random(seed)
    generated = _generated(rng)
    text = _ROW.sub(lambda m: rng.choice(("ba\t", "ร\t", "คร| ")) + m.group()[2:],
                    generated.text)
    assert not re.search(r"^\| รายงานครั้งที่", text, re.M)
    assert _as_generated(_rows(text)) == _want(generated)


@pytest.mark.parametrize("seed", range(4))
def test_label_number_below_a_confirmed_one_and_not_past_it_is_unknown(seed: int) -> None:
    """The last row's ``รายงานครั้งที่N`` read as ``2`` under rows read 1, 2, 3…: its
    number is NULL, never 2; every other value of the row is read."""
    rng = random.Random(seed)
    generated = _generated(rng)
    last = list(_ROW.finditer(generated.text))[-1]
    text = (generated.text[:last.start("no")] + "2" + generated.text[last.end("no"):])
    want = _want(generated)
    want[-1] = (None, *want[-1][1:])
    assert _as_generated(_rows(text)) == want


@pytest.mark.parametrize("seed", range(6))
def test_narrative_with_specks_at_its_edges_is_its_words(seed: int) -> None:
    rng = random.Random(seed)
    generated = _generated(rng)

    def damaged(m: re.Match[str]) -> str:
        lead = rng.choice(("ะ", "า", ""))
        end = rng.choice((" ฮ่\n", " ม\n", " :: '-", " :: ~"))
        return (f"| รายงานครั้งที่{m['no']} | :: {m['date']} : {lead}{m['detail']}{end}"
                f"{'' if end.endswith(chr(10)) else ' '}{m['rest']}")

    text = _ROW.sub(damaged, generated.text)
    assert text != generated.text
    assert _as_generated(_rows(text)) == _want(generated)


@pytest.mark.parametrize("seed", range(4))
def test_date_read_as_letters_between_digits_is_no_part_of_the_narrative(seed: int) -> None:
    """``| รายงานครั้งที่8 5ไซม0 0. ดำเนินการ…``: the date is unknown, the narrative its words."""
    rng = random.Random(seed)
    generated = _generated(rng)
    first = _ROW.search(generated.text)
    assert first is not None
    text = (generated.text[:first.start()] + f"| รายงานครั้งที่{first['no']} 5ไซม0 0. "
            + generated.text[first.start("detail"):])
    rows = _rows(text)
    assert rows[0].report_date is None
    assert _as_generated(rows) == _want(generated)


@pytest.mark.parametrize("seed", range(6))
def test_colon_read_as_a_digit_before_the_progress_is_no_part_of_the_narrative(
        seed: int) -> None:
    """The ``::`` before the progress's label with one colon read as a digit glued to the
    other (seeds 79, 83: ``…ครบถ้วน 1:`` / ``ความก้าวหน้า…``, ``2: ความก้าวหน้า…``): the
    narrative ends before it; its own number after the word counting it stays, even with
    the ``::`` read as one colon glued to it (seed 103: ``…งวดที่ 2:`` / ``ความก้าวหน้า…``)."""
    rng = random.Random(seed)
    generated = _generated(rng)

    def damaged(m: re.Match[str]) -> str:
        if m["detail"].endswith("ที่ 2"):
            return f"| รายงานครั้งที่{m['no']} | :: {m['date']} : {m['detail']}:\n{m['rest']}"
        end = rng.choice((" 1:\n", " 2: ", "\n2: ", " 7:\n"))
        return (f"| รายงานครั้งที่{m['no']} | :: {m['date']} : {m['detail']}{end}{m['rest']}")

    text = _ROW.sub(damaged, generated.text)
    assert text != generated.text
    assert _as_generated(_rows(text)) == _want(generated)
