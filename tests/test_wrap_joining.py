"""Joining a value's wrapped lines: one rule of the document model (:mod:`bma_etl.rows`).

A page wraps Thai text at a word boundary with no space, Latin text and numbers at
a space, and keeps a hyphen or slash at a line end. The lines are given as the
readers give them (stripped physical lines of a PDF's text layer); the truth is
the text they were cut from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bma_etl.document import Line, Raw, RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.provenance import Span
from bma_etl.rows import join_lines, separator
from bma_etl.unwrap import unwrapped, unwrapped_text, wrap_break

#: Thai words (no spaces inside), and words a Thai text sets off by spaces.
THAI_WORDS = ["ร่วม", "กัน", "ทุก", "ด้าน", "กรุงเทพมหานคร", "ความสำเร็จ", "ผู้บริหาร",
              "เมือง", "น้อง", "ส่งเสริม", "ความสัมพันธ์", "ระหว่าง", "ประเทศ", "ที่", "มี"]
LATIN_WORDS = ["Video", "Conference", "COVID-19", "PM", "2.5", "2567", "36", "Smart", "City"]


def _cut_everywhere(text: str) -> list[tuple[str, str, str]]:
    """Every way a page may wrap ``text``: (left line, right line, what stood between)."""
    out = []
    for i in range(1, len(text)):
        if text[i - 1] == " " or text[i] == " ":
            continue
        out.append((text[:i], text[i:], ""))
    for i, ch in enumerate(text):
        if ch == " " and 0 < i < len(text) - 1:
            out.append((text[:i], text[i + 1:], " "))
    return out


@given(st.lists(st.sampled_from(THAI_WORDS), min_size=2, max_size=6), st.data())
def test_thai_words_wrapped_between_them_join_with_no_space(words: list[str],
                                                             data: st.DataObject) -> None:
    cut = data.draw(st.integers(1, len(words) - 1))
    left, right = "".join(words[:cut]), "".join(words[cut:])
    assert separator(left, right) == ""
    assert unwrapped_text(f"{left}\n{right}") == left + right


@given(st.lists(st.sampled_from(LATIN_WORDS), min_size=2, max_size=6), st.data())
def test_latin_words_and_numbers_wrapped_keep_their_space(words: list[str],
                                                           data: st.DataObject) -> None:
    cut = data.draw(st.integers(1, len(words) - 1))
    left, right = " ".join(words[:cut]), " ".join(words[cut:])
    assert separator(left, right) == " "
    assert " ".join(unwrapped_text(f"{left}\n{right}").split()) == " ".join(words)


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("ของโรค Covid-", "19", "ของโรค Covid-19"),
    ("กรุงนูร์-", "สุลต่าน", "กรุงนูร์-สุลต่าน"),
    ("ระหว่างวันที่ 10-", "16 เมษายน", "ระหว่างวันที่ 10-16 เมษายน"),
    ("หน่วยงาน/", "ส่วนราชการ", "หน่วยงาน/ส่วนราชการ"),
    ("โครงการ", "/กิจกรรม", "โครงการ/กิจกรรม"),
    ("ร่วมประชุมทางไกล (", "Video Conference)", "ร่วมประชุมทางไกล (Video Conference)"),
    ("การจัดการน้ำ", ")", "การจัดการน้ำ)"),
    ("ภูมิภาคต่าง", "ๆ ทั่วโลก", "ภูมิภาคต่าง ๆ ทั่วโลก"),
    ("ภูมิภาคต่าง ๆ", "ทั่วโลก", "ภูมิภาคต่าง ๆ ทั่วโลก"),
    ("อายุ 25 -", "29 ปี", "อายุ 25 - 29 ปี"),
    ("เดือนมิถุนายน", "2570", "เดือนมิถุนายน 2570"),
])
def test_a_line_end_joins_as_the_text_reads(left: str, right: str, joined: str) -> None:
    assert left + separator(left, right) + right == joined
    assert " ".join(unwrapped_text(f"{left}\n{right}").split()) == joined


def test_every_wrap_of_a_thai_text_reads_back_without_a_space_invented() -> None:
    """Cut anywhere (inside a word, between words, at a space): no space is ever invented.

    A space the writer set where the page wrapped is not seen in the text (the
    readers strip the line's end): it is lost only where two Thai letters meet.
    """
    rng = random.Random(5)
    for _ in range(40):
        text = " ".join("".join(rng.sample(THAI_WORDS, rng.randint(1, 4)))
                        for _ in range(rng.randint(2, 4)))
        for left, right, between in _cut_everywhere(text):
            read = left + separator(left, right) + right
            assert read.replace(" ", "") == text.replace(" ", "")
            if between == "":
                assert read == text, (left, right)
            else:
                assert read in (text, left + right)


def test_a_blank_line_a_numbered_item_and_a_space_kept_at_the_break_stay_breaks() -> None:
    assert wrap_break("วัตถุประสงค์", "2. เพื่อเสริมสร้าง") == "\n"
    assert wrap_break("เมืองน้อง ", "และ") == "\n"
    assert unwrapped_text("ย่อหน้าแรก\n\nย่อหน้าที่สอง") == "ย่อหน้าแรก\n\nย่อหน้าที่สอง"


def test_join_lines_uses_the_rule_and_keeps_offsets() -> None:
    line = join_lines([Line(1, 0, "ร่วม"), Line(2, 5, "กัน ที่ Covid-"), Line(3, 20, "19")])
    assert line.text == "ร่วมกัน ที่ Covid-19"
    assert line.at(4) == 5 and line.at(len(line.text) - 1) == 21


def _raws(text: str) -> list[Raw]:
    out, start = [], 0
    for no, part in enumerate(text.split("\n"), start=1):
        out.append(Raw(part, Span(no, start, start + len(part))))
        start += len(part) + 1
    return out


def test_a_running_texts_pieces_on_consecutive_lines_become_one() -> None:
    text = "กรุงเทพมหานครในฐานะเมืองหลวงของประเทศไทย และเป็นศูนย์กลางในทุก\nด้าน\n1. ข้อ"
    pieces = unwrapped(_raws(text), text, merge=True)
    assert isinstance(pieces, list)
    assert [p.text for p in pieces] == [
        "กรุงเทพมหานครในฐานะเมืองหลวงของประเทศไทย และเป็นศูนย์กลางในทุกด้าน", "1. ข้อ"]
    assert pieces[0].joined and pieces[0].span.char_end == text.index("\n1.")
    items = unwrapped(_raws(text), text, merge=False)  # a list's items stay items
    assert isinstance(items, list) and len(items) == 3


def test_only_a_laid_out_document_loses_its_line_breaks(tmp_path: Path) -> None:
    """A text file's line breaks are the writer's; a page's are the page's, unless measured."""
    from bma_etl.document import Extraction, RawRow

    rest = "กันระหว่างหน่วยงานของกรุงเทพมหานครกับเมืองพี่เมืองน้อง"
    text = f"หลักการและเหตุผล ร่วม\n{rest}"
    doc = RepairedText.of(text)
    value = doc.raw(len("หลักการและเหตุผล "), len(text))
    assert value is not None
    extraction = Extraction(rows=[RawRow("projects", None, {"rationale": [value]})])

    def read(wraps: frozenset[int] | None) -> object:
        return normalize(extraction, doc.text, wraps=wraps).rows[0].values["rationale"]

    assert read(None) == f"ร่วม\n{rest}"  # a text file
    assert read(frozenset({1})) == f"ร่วม{rest}"  # the reader saw the line wrap
    # a line of running text the reader measured and saw end short: the writer's break
    assert read(frozenset()) == f"ร่วม\n{rest}"
    cell = RepairedText.of(f"\tหลักการและเหตุผล ร่วม\n\t{rest}")  # a cell's lines: not measured
    value = cell.raw(len("\tหลักการและเหตุผล "), len(cell.text))
    assert value is not None
    extraction = Extraction(rows=[RawRow("projects", None, {"rationale": [value]})])
    assert normalize(extraction, cell.text, wraps=frozenset()).rows[0].values["rationale"] \
        == f"ร่วม{rest}"


@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False), st.data())
def test_a_percentage_cut_between_its_digits_in_a_cell_is_one_number(
        value: object, data: st.DataObject) -> None:
    """LibreOffice breaks ``= 94.50 %`` after the ``9`` in a narrow Word table cell."""
    from bma_etl.rows import cell_separator

    number = f"{value:.2f}"
    whole = number.split(".")[0]
    if len(whole) < 2:
        return
    cut = data.draw(st.integers(1, len(whole) - 1))
    label = data.draw(st.sampled_from(["ความก้าวหน้าของงานฯ =", "ผลการดำเนินงาน :", "="]))
    left, right = f"{label} {number[:cut]}", f"{number[cut:]} %"
    assert left + cell_separator(left, right) + right == f"{label} {number} %"
