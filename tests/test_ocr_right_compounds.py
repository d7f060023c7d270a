"""A word OCR read right is never changed to make another word (read/ocr_lexicon.py).

The restorer may read a real word's letter for a look-alike (``คัด`` for ``วัด``)
when the changed word makes a compound of the word list with the word before it
(``การตรวจวัด``). Where the run as read, cut over the word lists and the Volubilis
dictionary, holds a right compound across that change (``คัดกรอง``: screening),
the run is read right: nothing may change there, and marks lost elsewhere in the
run still come back. Sentences written for this test.
"""

from __future__ import annotations

import pytest

from bma_etl.read.ocr_lexicon import restore_run, restored

#: Right sentences with a compound the pythainlp word list lacks, beside a word one
#: look-alike letter from a compound of the list (``การตรวจคัด`` / ``การตรวจวัด``).
RIGHT = [
    "ผู้สูงอายุในชุมชนได้รับการตรวจคัดกรอง 5,000 ราย",
    "ร้อยละของผู้สูงอายุที่ได้รับการตรวจคัดกรองสุขภาพ",
    "จัดให้มีการตรวจคัดกรองโรคเบาหวานในศูนย์บริการสาธารณสุข",
]


@pytest.mark.parametrize("sentence", RIGHT)
def test_a_right_compound_is_not_broken_into_another_word(sentence: str) -> None:
    text, _, changes = restored(sentence, ())
    assert text == sentence, changes


def test_marks_lost_beside_a_right_compound_still_come_back() -> None:
    truth = "ผู้สูงอายุได้รับการตรวจคัดกรอง"
    read = truth.replace("ได้รับ", "ไดรับ")
    assert restored(read, ())[0] == truth
    assert restore_run("ที่เกี่ยวข้องออยู่ระหว่างสำรวจ") == [(13, 18, "อยู่")]


#: Right sentences (written for this test) with a word read bare beside a word whose
#: stacked marks were read whole, the pair one lost stack from a common compound
#: (``เครื่อง ดม`` / ``เครื่องดื่ม``: an anaesthesia machine, not a drink).
BARE_BESIDE_STACK = [
    "จัดซื้อเครื่องดมยาสลบสำหรับห้องผ่าตัด",
    "ตรวจสอบเครื่องดมยาสลบก่อนใช้งานทุกวัน",
]


@pytest.mark.parametrize("sentence", BARE_BESIDE_STACK)
def test_a_bare_word_beside_a_stack_read_whole_is_not_given_a_stack(sentence: str) -> None:
    text, _, changes = restored(sentence, ())
    assert text == sentence, changes


@pytest.mark.parametrize(("read", "want"), [
    ("ปรับปรุงขนตอนการให้บริการ", "ปรับปรุงขั้นตอนการให้บริการ"),  # no stack read whole
    ("จำหน่ายเครื่องดืมในงาน", "จำหน่ายเครื่องดื่มในงาน"),  # only the tone mark lost
    ("ตรวจสอบเครื่องดมยาสลบกอนใช้งานทุกวัน", "ตรวจสอบเครื่องดมยาสลบก่อนใช้งานทุกวัน"),
])
def test_marks_lost_elsewhere_still_come_back(read: str, want: str) -> None:
    assert restored(read, ())[0] == want
