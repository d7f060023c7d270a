"""Specks a scan's OCR reads standing apart inside a progress form's report narratives.

Forms are generated from known values (``bench/corpus``); each report's narrative is
then damaged the ways Tesseract reads the dust and rules of a scan beside its words:
marks or a few small Latin letters standing between its words (``ตามสัญญา | อยู่…``,
``… f อยู่…``), a line of them after it (``…ราคากลาง`` / ``z's``), a digit alone on a
line of its own after its last word, a speck glued to a number (``งวดที่ 2°``) or a
mark glued before its first word (``,อยู่ระหว่าง…``). The truth is the generated
narratives: each is read without the specks, and its own numbers stay.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_narrative import without_specks
from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS

#: Specks standing apart between a narrative's words, as OCR reads them.
_BETWEEN = ("|", "'", "::", ".", "f", "ay", "=f.", "z's", "ee", "ง")
#: Specks on a line of their own after the narrative.
_AFTER = ("\nz's", "\naia", " ::", " .", "\n7", "\n=f.")
#: Specks glued to a number of the narrative.
_GLUED = ("°", "/", "|")


def _read(text: str) -> dict[str, list[Any]]:
    doc = RepairedText.of(text, ocr_used=True)
    return build_records(normalize(legacy(doc), doc.text, doc.words, None), "0" * 64)


def _damaged(detail: str, rng: random.Random) -> str:
    """``detail`` with specks standing apart, after it, or glued to a number of it."""
    words = detail.split(" ")
    if len(words) > 1 and rng.random() < 0.7:
        at = rng.randrange(1, len(words))
        words.insert(at, rng.choice(_BETWEEN))
    text = " ".join(words)
    if rng.random() < 0.3:
        text = re.sub(r"(?<=ที่ )([0-9])(?![0-9/])", lambda m: m.group(1) + rng.choice(_GLUED),
                      text, count=1)
    if text[-1].isdigit() and rng.random() < 0.5:
        text += "."  # a point after its last number (``ครั้งที่ 2/2566.``)
    elif rng.random() < 0.5:
        text += rng.choice(_AFTER)
    elif rng.random() < 0.3:
        text = rng.choice((",", "/")) + text
    return text


@pytest.mark.parametrize("seed", range(10))
def test_report_narrative_with_specks_ocr_read_beside_its_words(seed: int) -> None:
    """Every report's narrative is read without the specks, its numbers kept."""
    rng = random.Random(seed)
    generated = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab", "legacy_long"))](rng)
    want = generated.tables["progress_updates"]
    text = generated.text
    for detail in sorted({w["detail"] for w in want}, key=len, reverse=True):
        text = text.replace(detail, _damaged(detail, rng))
    assert text != generated.text
    got = _read(text).get("progress_updates", [])
    assert [" ".join((r.detail or "").split()) for r in got] == [w["detail"] for w in want]


@pytest.mark.parametrize("narrative", [
    "ดำเนินการอบรมเชิงปฏิบัติการ จำนวน 3 รุ่น ผู้เข้าร่วม 150 คน",
    "ผู้รับจ้างดำเนินการตามสัญญา อยู่ระหว่างตรวจรับงานงวดที่ 2",
    "จัดประชุมคณะทำงาน ครั้งที่ 2/2566",
    "ติดตั้งกล้อง CCTV ระยะทาง 3 km ลดฝุ่น PM 2.5 ได้ 100 %",
    "ณ วันที่ 5 ต่าง ๆ แล้วเสร็จ",
    "- ให้การต้อนรับคณะผู้แทน ระหว่างวันที่ 4 - 6 พฤศจิกายน 2562",
])
def test_narrative_without_specks_is_read_as_it_stands(narrative: str) -> None:
    """Text is never a speck: numbers after the words that count them, units after a
    number, acronyms, ``ณ``, ``ๆ``, ``%``, an item's dash."""
    doc = RepairedText.of(narrative, ocr_used=True)
    got = without_specks(doc, [doc.raw(0, len(doc.text))])
    assert " ".join(p.text for p in got) == narrative


@pytest.mark.parametrize("junk", ["ก รางหต | | ฏี | ", "รายงาน | ฏี | ", "ป ATs | ว ป "])
def test_first_row_whose_label_ocr_read_as_longer_junk_keeps_its_date_and_narrative(
        junk: str) -> None:
    """``ก รางหต | | ฏี | 11/11/2566`` (``| รายงานครั้งที่1 | :: 11/11/2566``): the date is
    read, and it and the junk before it are not the narrative's."""
    rng = random.Random(3)
    generated = GENERATORS["legacy_pipe"](rng)
    while not re.search(r"\| รายงานครั้งที่1 \| :: [0-9]", generated.text):
        generated = GENERATORS["legacy_pipe"](rng)
    text = re.sub(r"\| รายงานครั้งที่1 \| :: ", junk, generated.text)
    [first, *_] = _read(text)["progress_updates"]
    [want, *_] = generated.tables["progress_updates"]
    assert (str(first.report_date), first.detail) == (want["report_date"], want["detail"])


#: Marks OCR reads standing apart between a running text's words (a point alone
#: between two of the target's sentences: ``…ร้อยละ 80 . บุคลากร…``).
_MARKS_BETWEEN = (".", "|", "'", "::", ". :")


@pytest.mark.parametrize("seed", range(10))
def test_target_with_a_speck_ocr_read_between_its_words(seed: int) -> None:
    """The project's target is read without a speck standing apart between its words
    (``…ร้อยละ 80 . บุคลากร…``); its numbers (``รุ่นละ 50 คน``, ``ระยะ 20 ปี``) stay."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_long"](rng)  # the generator whose truth states it
    target = generated.tables["projects"][0]["target"]
    text = generated.text
    heading = text.index("เป้าหมายของโครงการ")  # the target's lines follow (wrapped)
    spaces = [m.start() for m in re.finditer(" ", text[heading:]) if m.start() < len(target)]
    at = heading + rng.choice(spaces[1:])  # between two of its words, on any of its lines
    text = f"{text[:at]} {rng.choice(_MARKS_BETWEEN)}{text[at:]}"
    got = _read(text)["projects"][0]
    assert " ".join((got.target or "").split()) == target


@pytest.mark.parametrize("seed", range(8))
def test_colon_glued_before_a_word_of_the_narrative_is_a_speck(seed: int) -> None:
    """``ผู้รับจ้างดำเนินการตามสัญญา :อยู่ระหว่าง…``: the narrative without the colon."""
    rng = random.Random(seed)
    generated = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab", "legacy_html"))](rng)
    want = generated.tables["progress_updates"]
    text = generated.text
    for detail in sorted({w["detail"] for w in want if " " in w["detail"]},
                         key=len, reverse=True):
        words = detail.split(" ")
        at = rng.randrange(1, len(words))
        if re.match("[\u0e01-\u0e2e\u0e40-\u0e44]", words[at]):
            words[at] = rng.choice((":", ".:")) + words[at]
        text = text.replace(detail, " ".join(words))
    got = _read(text).get("progress_updates", [])
    assert [" ".join((r.detail or "").split()) for r in got] == [w["detail"] for w in want]
