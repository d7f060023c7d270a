"""Letters and marks OCR reads for look-alikes, put back (read/ocr_confusions.py,
read/ocr_context.py, through read/ocr_lexicon.py).

Debian's ``tha`` model reads one letter or mark for a look-alike (RO RUA for WO
WAEN, CHO CHANG for SO SO or KHO KHAI, DO DEK for TO TAO, MAI THO for MAI HAN-AKAT
or MAI TRI, SARA U for SARA UU, ...) or adds a mark a speck made. The damaged text
is made here from known words and phrases by one such confusion; the truth is the
text before damage. Right text, foreign names and abbreviations must come through
unchanged.
"""

from __future__ import annotations

import pytest

from bma_etl.normalize.text import join_sara_am
from bma_etl.read.ocr_confusions import classed, edits
from bma_etl.read.ocr_context import context_run
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_lexicon import restored

#: Words of a city's project reports, each with its letters and marks OCR may read
#: for a look-alike: ``(printed, as printed with one letter or mark changed)``.
_SWAPS = {
    "\u0e23": "\u0e27",  # ร → ว
    "\u0e0a": "\u0e0b",  # ช → ซ
    "\u0e14": "\u0e15",  # ด → ต
    "\u0e31": "\u0e49",  # ั → ้
    "\u0e49": "\u0e4a",  # ้ → ๊
    "\u0e38": "\u0e39",  # ุ → ู
}
WORDS = [
    "ความสำเร็จ",
    "ดำเนินการ",
    "ป้องกัน",
    "ชุมชน",
    "ประชาชน",
    "บริการ",
    "มุ่งมั่น",
    "รับผิดชอบ",
    "ประเด็น",
    "ห้วยขวาง",
    "สถานการณ์",
    "งบประมาณ",
]


def _damaged(word: str) -> list[str]:
    """``word`` with each one of its letters or marks in :data:`_SWAPS` read for its look-alike."""
    return [word[:i] + _SWAPS[ch] + word[i + 1 :] for i, ch in enumerate(word) if ch in _SWAPS]


@pytest.mark.parametrize("word", WORDS)
def test_a_letter_or_mark_read_for_a_look_alike_comes_back(word: str) -> None:
    """Each word read with one confusion, between two words of a sentence, comes back,
    or stays as read; it never becomes another word."""
    reads = _damaged(word)
    assert reads
    back = 0
    for read in reads:
        text, _, _ = restored(f"โครงการ{read}ของหน่วยงาน", ())
        assert text in (f"โครงการ{word}ของหน่วยงาน", f"โครงการ{read}ของหน่วยงาน"), read
        back += text == f"โครงการ{word}ของหน่วยงาน"
    assert back >= len(reads) / 2, (word, reads)


@pytest.mark.parametrize(
    ("read", "want"),
    [
        ("ประชาชนผู้รับบุริการ", "ประชาชนผู้รับบริการ"),  # a mark a speck made
        ("โครงการอุบรมเจ้าหน้าที่", "โครงการอบรมเจ้าหน้าที่"),
        ("ระดับความสำเว็จในการ", "ระดับความสำเร็จในการ"),  # RO RUA read WO WAEN
        ("อาสาสมัครป๊องกันภัย", "อาสาสมัครป้องกันภัย"),  # MAI THO read MAI TRI
        ("อาสาสมัครป้องก้นภัย", "อาสาสมัครป้องกันภัย"),  # MAI HAN-AKAT read MAI THO
        ("ผู้รับจ้างตำเนินการ", "ผู้รับจ้างดำเนินการ"),  # DO DEK read TO TAO
        ("ร้อยละของซุมชนที่มี", "ร้อยละของชุมชนที่มี"),  # CHO CHANG read SO SO
        ("ภารกิจที่เพิ่มขืนตาม", "ภารกิจที่เพิ่มขึ้นตาม"),  # SARA UE read SARA UEE, its tone lost
    ],
)
def test_words_read_with_one_confusion_come_back(read: str, want: str) -> None:
    assert restored(read, ())[0] == want


@pytest.mark.parametrize(
    ("read", "want"),
    [
        ("ความร่วมมือกับเมืองพีเมืองน้อง", "ความร่วมมือกับเมืองพี่เมืองน้อง"),  # a tone mark dropped
        ("ตัวชีวัดระดับผลผลิต", "ตัวชี้วัดระดับผลผลิต"),
        ("ตัวขี้วัดระดับผลผลิต", "ตัวชี้วัดระดับผลผลิต"),  # CHO CHANG read KHO KHAI: real words
        ("การดำเนินงานล่าข้า", "การดำเนินงานล่าช้า"),
        ("โครงการอบรมป่ายรถประจำทาง", "โครงการอบรมป้ายรถประจำทาง"),  # MAI THO read MAI EK
    ],
)
def test_real_words_a_confusion_made_come_back_from_their_compound(read: str, want: str) -> None:
    assert restored(read, ())[0] == want


@pytest.mark.parametrize(
    "text",
    [
        "หลักสมรรถนะมุ่งสู่ความเป็นเลิศ",  # สู่ความ is no misread สู้ความ
        "จังหวัดไอจิ ประเทศญี่ปุ่น",  # a foreign name's syllables make short compounds
        "เมืองเซบิยา ราชอาณาจักรสเปน",
        "มหาวิทยาลัยนวมินทราธิราช",
        "ผู้ประสานงาน สยป",  # an abbreviation
        "จัดทำแผนยุทธศาสตร์ด้านการต่างประเทศ",
        "ยกร่างโครงการและขออนุมัติ",
        "ความต้องการของประชาชนในพื้นที่",
    ],
)
def test_right_text_is_left_as_it_is(text: str) -> None:
    assert restored(text, ())[0] == text


def test_a_word_damaged_in_other_ways_is_not_taken_for_a_confusion() -> None:
    assert edits("สำเว็จ", "สำเร็จ") == 1
    assert edits("สำเว็ด", "สำเร็จ") is None  # two letters read for others
    assert edits("อย่างยั่ง", "อย่างยิ่ง") is None  # a vowel mark dropped, another added
    assert edits("ตอบี", "ตอบ") is None  # a mark added on the last letter: ต่อ ปี
    assert edits("ชีวด", "ชีวิต") is None  # a vowel mark lost besides the confusion
    assert classed("สาเวจ") == classed("สาเรจ")
    assert context_run("กับเมืองพี่เมืองน้อง") == []


def test_a_change_across_a_line_break_is_kept_on_its_side() -> None:
    """A word the line cut (``เขตหัว`` / ``ยขวาง``) comes back, the break kept."""
    text = "ในพื้นที่เขตหัว\nยขวางและเขตบางรัก"
    new, _, done = restored(text, ())
    assert new == "ในพื้นที่เขตห้ว\nยขวางและเขตบางรัก"
    assert [(d.read, d.word) for d in done] == [("\u0e31", "\u0e49")]


def test_a_tone_mark_read_twice_is_written_once() -> None:
    text = "ร้อยละ 70 ของน\u0e49\u0e4d\u0e49\u0e32หนักคะแนน"
    assert restored(text, ())[0] == "ร้อยละ 70 ของน้ำหนักคะแนน"


#: Words of the reports with SARA AM or SARA AI MAIMUAN.
_AM_AI_WORDS = ["ดำเนินการ", "สำรวจ", "กำหนด", "ความสำเร็จ", "สำนักงาน", "ใกล้เคียง", "ให้บริการ",
                "ความเข้าใจ", "ภายในปีงบประมาณ"]


def _circle_or_curl_misread(word: str) -> list[str]:
    """``word`` with SARA AM's circle read as marks before SARA AA, or ใ read as ไ."""
    circles = ("\u0e4a", "\u0e49", "\u0e38\u0e48")
    reads = [word.replace("\u0e33", m + "\u0e32", 1) for m in circles if "\u0e33" in word]
    return reads + ([word.replace("\u0e43", "\u0e44", 1)] if "\u0e43" in word else [])


@pytest.mark.parametrize("word", _AM_AI_WORDS)
def test_sara_am_circle_read_as_marks_and_sara_ai_curl_come_back(word: str) -> None:
    """``ด๊าเนินการ``, ``สุ่ารวจ``, ``ไกล้เคียง``: back in a sentence, or left as read."""
    back = 0
    reads = _circle_or_curl_misread(word)
    for read in reads:
        text, _, _ = restored(f"โครงการ{read}ของหน่วยงาน", ())
        assert text in (f"โครงการ{word}ของหน่วยงาน", f"โครงการ{read}ของหน่วยงาน"), read
        back += text == f"โครงการ{word}ของหน่วยงาน"
    assert back >= len(reads) / 2, (word, reads)


#: Phrases of the reports holding SARA AM beside a word a look-alike may turn into
#: another real word (``ใช้`` read ``ใซ้``, ``น้ำ`` read ``น๊ำ``, ``ดำเนิน`` read ``ตำเนิน``).
_AM_PHRASES = ["ต่อการดำเนินงาน", "ผลการดำเนินงาน", "ป้ายรถประจำทาง", "การจัดทำรายงาน",
               "ความสำเร็จของโครงการ", "ศาลาท่าน้ำ", "จำนวนผู้เข้าร่วม", "สำนักการระบายน้ำ",
               "คุณภาพน้ำ", "จำเป็นต้องใช้", "ข้อจำกัดด้านระเบียบ", "ครุภัณฑ์สำนักงาน"]
#: Look-alikes of the letters and marks of :data:`_AM_PHRASES` (each way one is read).
_AM_SWAPS = {"\u0e0a": "\u0e0b\u0e02", "\u0e14": "\u0e15", "\u0e15": "\u0e14",
             "\u0e49": "\u0e4a\u0e48", "\u0e23": "\u0e27", "\u0e38": "\u0e39"}


def _as_tesseract_writes(text: str) -> str:
    """``text`` with SARA AM as Debian's ``tha`` model writes it: NIKHAHIT and SARA AA."""
    return text.replace("\u0e33", "\u0e4d\u0e32")


def _sure(text: str) -> tuple[str, tuple[OcrWord, ...]]:
    """``text`` as one word Tesseract read surely (Thai lines come as one word)."""
    return text, (OcrWord(text, 90.0, (0, 0, 10, 10), 0),)


def test_a_look_alike_beside_sara_am_comes_back_as_tesseract_writes_sara_am() -> None:
    """Each phrase read with one look-alike, in a sentence, comes back the same whether
    its SARA AM is written whole or split as Tesseract writes it (the context pass
    looked at the split one as no word: ``จำเป็นต้องใซ้``, ``สำนักการระบายน๊ำ`` stayed)."""
    differ = []
    back = 0
    for phrase in _AM_PHRASES:
        for i, ch in enumerate(phrase):
            for alt in _AM_SWAPS.get(ch, ""):
                read = f"โครงการ{phrase[:i]}{alt}{phrase[i + 1:]}ของหน่วยงาน"
                whole = join_sara_am(restored(*_sure(read))[0])
                split = join_sara_am(restored(*_sure(_as_tesseract_writes(read)))[0])
                if whole != split:
                    differ.append((read, whole, split))
                back += split == f"โครงการ{phrase}ของหน่วยงาน"
    assert not differ, differ[:4]
    assert back >= 20
