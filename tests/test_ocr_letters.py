"""Letters OCR read twice, dropped or read for another, put back (read/ocr_letters.py,
through read/ocr_lexicon.py; NIKHAHIT read as MAI HAN-AKAT, read/ocr_sara_am.py).

Debian's ``tha`` model at low resolution reads a letter twice (once as its
look-alike), drops a letter, or reads one for another. The damaged text is made
here from known words by one such change; the truth is the text before damage.
Right text, names and abbreviations must come through unchanged.
"""

from __future__ import annotations

import pytest

from bma_etl.read.ocr_letters import letter_edits
from bma_etl.read.ocr_lexicon import restored
from bma_etl.read.ocr_sara_am import sara_am_run

#: Look-alike letters OCR reads a letter twice as (the letter, then its twin).
_TWINS = {"\u0e14": "\u0e15", "\u0e0a": "\u0e0b", "\u0e01": "\u0e16", "\u0e23": "\u0e27"}
#: Words of a city's project reports and where the damage goes.
WORDS = [
    "ผู้รับจ้าง",
    "กรุงเทพมหานคร",
    "เกี่ยวข้อง",
    "ความพึงพอใจ",
    "สัญญา",
    "ความก้าวหน้า",
    "เชิงปฏิบัติการ",
    "ประชาชน",
    "อาสาสมัคร",
    "งบประมาณ",
]
_BEFORE, _AFTER = "โครงการนี้มี", "ของหน่วยงาน"
_CONSONANT = range(0x0E01, 0x0E2F)


def _twice(word: str) -> list[str]:
    """``word`` with each letter that has a twin read twice (itself, then the twin)."""
    return [word[: i + 1] + _TWINS[ch] + word[i + 1 :] for i, ch in enumerate(word) if ch in _TWINS]


def _dropped(word: str) -> list[str]:
    """``word`` with each consonant between its first and last letters dropped.

    At the ends a letter may be the neighbour's: those are left as read.
    """
    last = max(i for i, ch in enumerate(word) if ord(ch) in _CONSONANT)
    return [
        word[:i] + word[i + 1 :]
        for i, ch in enumerate(word)
        if 0 < i < last and ord(ch) in _CONSONANT
    ]


def _read_twice_as_itself(word: str) -> list[str]:
    """``word`` with each consonant but the first read twice as itself (a bare copy before it)."""
    return [word[:i] + ch + word[i:] for i, ch in enumerate(word) if i and ord(ch) in _CONSONANT]


#: Vowels written beside a letter that OCR drops (SARA A, SARA AM, SARA E, SARA O).
_VOWELS = "\u0e30\u0e33\u0e40\u0e42"


def _vowel_dropped(word: str) -> list[str]:
    """``word`` with each of its vowels :data:`_VOWELS` but the first letter dropped."""
    return [word[:i] + word[i + 1 :] for i, ch in enumerate(word) if i and ch in _VOWELS]


def _sentence(word: str) -> str:
    return f"{_BEFORE}{word}{_AFTER}"


@pytest.mark.parametrize("word", WORDS)
def test_a_letter_read_twice_or_dropped_comes_back_or_stays(word: str) -> None:
    """Each damaged form comes back or stays as read; it never becomes another word."""
    back = 0
    reads = _twice(word) + _dropped(word)
    for read in reads:
        text = restored(_sentence(read), ())[0]
        assert text in (_sentence(word), _sentence(read)), read
        back += text == _sentence(word)
    assert back >= len(reads) // 2, (word, reads)


@pytest.mark.parametrize(
    "word", [*WORDS, "ดำเนินการ", "ประกอบการ", "เป้าหมาย", "โครงการ", "สำนักงาน", "รายงาน"]
)
def test_a_letter_read_twice_as_itself_or_a_vowel_dropped_comes_back_or_stays(word: str) -> None:
    """Each damaged form comes back or stays as read; it never becomes another word."""
    back = 0
    reads = _read_twice_as_itself(word) + _vowel_dropped(word)
    for read in reads:
        text = restored(_sentence(read), ())[0]
        assert text in (_sentence(word), _sentence(read)), read
        back += text == _sentence(word)
    assert back >= len(reads) // 2, (word, reads)


@pytest.mark.parametrize(
    ("read", "want"),
    [
        ("งบประมาณทที่ได้รับจัดสรร", "งบประมาณที่ได้รับจัดสรร"),  # a short word's letter twice
        ("ที่เกี่ยวข้องออยู่ระหว่างสำรวจ", "ที่เกี่ยวข้องอยู่ระหว่างสำรวจ"),
        ("ความต้องการของประชาชนในนพื้นที่", "ความต้องการของประชาชนในพื้นที่"),
        ("ประกวดราคาอิเล็กทรอบนิกส์", "ประกวดราคาอิเล็กทรอนิกส์"),  # a letter added in a long word
        ("ผู้รับจ้างดำเนปินการตามสัญญา", "ผู้รับจ้างดำเนินการตามสัญญา"),
        ("ผู้ตรวจประเมินน, ส.วีระพงษ์ ใจดี", "ผู้ตรวจประเมินน, ส.วีระพงษ์ ใจดี"),  # น. read น,
    ],
)
def test_short_words_read_twice_and_letters_added_come_back(read: str, want: str) -> None:
    assert restored(read, ())[0] == want


@pytest.mark.parametrize(
    ("read", "want"),
    [
        ("อยู่ระหว่างการเบิกจ่ายงบประมาณงวดตที่ 3", "อยู่ระหว่างการเบิกจ่ายงบประมาณงวดที่ 3"),
        ("ดำเนินการอบรมเซชิงปฏิบัติการ", "ดำเนินการอบรมเชิงปฏิบัติการ"),
        ("รายงานความกถ้าวหน้าของโครงการ", "รายงานความก้าวหน้าของโครงการ"),
        ("ผู้รัจ้างเข้าพื้นที่ดำเนินการ", "ผู้รับจ้างเข้าพื้นที่ดำเนินการ"),
        ("ผู้รัาจ้างตำเนินการตามสัญญา", "ผู้รับจ้างดำเนินการตามสัญญา"),
        ("ความร่วมมือกับเมืองพี่เมืองน้องในด้านตาง ๆ", "ความร่วมมือกับเมืองพี่เมืองน้องในด้านตาง ๆ"),
        ("นำเสนอผู้บริหารกรุเทพมหานคร", "นำเสนอผู้บริหารกรุงเทพมหานคร"),
        ("ไม่เพียงพอต่อภารกิจที่เพิ่มชื้นตามนโยบาย", "ไม่เพียงพอต่อภารกิจที่เพิ่มขึ้นตามนโยบาย"),
        ("ไม่เพียงพอต่อภารกิจที่เพิ่มื้นตามนโยบาย", "ไม่เพียงพอต่อภารกิจที่เพิ่มขึ้นตามนโยบาย"),
        ("และมีความพึงพลใจต่อการดำเนินงาน", "และมีความพึงพอใจต่อการดำเนินงาน"),
    ],
)
def test_reports_lines_read_with_one_letter_changed_come_back(read: str, want: str) -> None:
    assert restored(read, ())[0] == want


@pytest.mark.parametrize(
    "text",
    [
        "ผู้รับจ้างดำเนินการตามสัญญา อยู่ระหว่างตรวจรับงานงวดที่ 2",
        "นายสมชาย ใจดี ผู้อำนวยการเขตบางขุนเทียน",
        "จังหวัดไอจิ ประเทศญี่ปุ่น",
        "มหาวิทยาลัยนวมินทราธิราช",
        "ผู้ประสานงาน สยป",
        "ความต้องการของประชาชนในพื้นที่",
        "ท่าเทียบเรือสาธารณะในพื้นที่เขตราษฎร์บูรณะ",
    ],
)
def test_right_text_is_left_as_it_is(text: str) -> None:
    assert restored(text, ())[0] == text


def test_a_change_is_one_letter_at_most() -> None:
    assert letter_edits("งวดตที่", "งวดที่") == 1  # ดต: DO DEK read twice
    assert letter_edits("เกี่ยข้อง", "เกี่ยวข้อง") == 1
    assert letter_edits("เพิ่มชื้น", "เพิ่มขึ้น") == 1  # a letter and its vowel as a pair
    assert letter_edits("งวดมที่", "งวดที่") is None  # MO MA is no twin of DO DEK
    assert letter_edits("กรุเทพฯ", "กรุงเทพ") is None


def test_nikhahit_read_as_mai_han_akat_is_sara_am_in_its_compound() -> None:
    assert sara_am_run("ระบบระบายนั\u0e49\u0e32ในซอย") == [(9, 13, "น้ำ")]
    assert sara_am_run("ผู้รั\u0e32จ้าง") == []  # no compound: left to the word list
