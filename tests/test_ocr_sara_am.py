"""SARA AM read as SARA AA, put back from its compound with the words beside it
(read/ocr_sara_am.py, run by read/ocr_lexicon.restored as the OCR path does).

Inputs are generated from the corpus generator's agencies, project objects and
narrative words, damaged as Tesseract's ``tha`` model damages SARA AM (``น้ำ`` →
``น้า``, its NIKHAHIT lost, or ``นำ``, its tone mark lost), and checked against the
undamaged text.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.matchkey import key
from bma_etl.read.ocr_lexicon import fold, restored
from bma_etl.read.ocr_sara_am import sara_am_run

from corpus.paragraphs import WORDS
from corpus.values import AGENCIES, DETAILS, DISTRICTS

SEED = 20240611
_OBJECTS = ("ระบบระบายน้ำในซอย", "ห้องน้ำสาธารณะริมคลอง", "ศูนย์ป้องกันน้ำท่วม",
            "ตรวจสอบคุณภาพน้ำประปาในโรงเรียน", "ขุดลอกคลองระบายน้ำและแหล่งน้ำ")
#: A SARA AM, with the tone mark before it if any.
_AM = re.compile("[\u0e48\u0e49]?\u0e33")


def damaged(text: str, rng: random.Random) -> str:
    """``text`` with each SARA AM read as SARA AA (tone kept) or its tone mark lost."""
    def one(m: re.Match[str]) -> str:
        if m[0].startswith(("\u0e48", "\u0e49")) and rng.random() < 0.4:
            return "\u0e33"  # น้ำ → นำ
        return m[0][:-1] + "\u0e32"  # น้ำ → น้า, สำ → สา

    return _AM.sub(one, text)


def _phrases() -> list[str]:
    """Generated phrases that hold SARA AM: agencies, divisions, projects, narratives."""
    rng = random.Random(SEED)
    out = [name for agency, divisions in AGENCIES for name in (agency, *divisions)]
    out += [f"โครงการ{obj}ในพื้นที่เขต{rng.choice(DISTRICTS)}" for obj in _OBJECTS]
    out += list(DETAILS)
    out += [f"{rng.choice(WORDS)}{rng.choice(WORDS)}{rng.choice(WORDS)}" for _ in range(40)]
    return [p for p in out if "\u0e33" in p]


@pytest.mark.parametrize(("read", "want"), [
    ("สำนักการระบายน้า", "สำนักการระบายน้ำ"),
    ("สำนักการระบายนำ", "สำนักการระบายน้ำ"),
    ("ระบายน้าและป้องกันน้าท่วม", "ระบายน้ำและป้องกันน้ำท่วม"),
    ("โครงการจัดหาระบบระบายน้าในซอย", "โครงการจัดหาระบบระบายน้ำในซอย"),
    ("ตรวจสอบคุณภาพน้าประปา", "ตรวจสอบคุณภาพน้ำประปา"),
    ("ตรวจวัดคุณภาพน้า ทุกเดือน", "ตรวจวัดคุณภาพน้ำ ทุกเดือน"),
    ("ฟื้นฟูแหล่งน้าในชุมชน", "ฟื้นฟูแหล่งน้ำในชุมชน"),
    # SARA AM split into NIKHAHIT and SARA AA as Tesseract writes it, tone mark lost
    ("ส\u0e4d\u0e32นักการระบายน\u0e4d\u0e32 กรุงเทพมหานคร",
     "ส\u0e4d\u0e32นักการระบายน้ำ กรุงเทพมหานคร"),
    # NIKHAHIT read as a second MAI THO
    ("โครงการซ่อมแซมระบบระบายน\u0e49\u0e49\u0e32ในซอย", "โครงการซ่อมแซมระบบระบายน้ำในซอย"),
])
def test_sara_am_read_as_sara_aa_comes_back(read: str, want: str) -> None:
    assert restored(read, ())[0] == want


@pytest.mark.parametrize("text", [
    "น้า", "นา", "ทา", "จาน", "น้าสาวของฉัน", "ไปบ้านน้าวิไลที่ต่างจังหวัด",
    "บ้านของน้าวิไลอยู่ใกล้นาข้าว", "ทาสีรั้วบ้าน", "จานข้าวสองใบ", "สวนทานตะวัน",
    "คำอธิบายข้อมูลหรือเมทาดาดา",
])
def test_sara_aa_that_is_right_stays(text: str) -> None:
    assert sara_am_run(text) == []
    assert restored(text, ())[0] == text


def test_undamaged_phrases_are_left_as_they_are() -> None:
    for phrase in _phrases():
        assert restored(phrase, ())[0] == phrase, phrase


def test_damaged_phrases_come_back() -> None:
    """Most phrases whose SARA AM OCR damaged read as printed, and none gets worse."""
    from rapidfuzz.distance import Levenshtein

    rng = random.Random(SEED + 1)
    phrases = _phrases()
    assert len(phrases) >= 30
    back = 0
    for phrase in phrases:
        read = damaged(phrase, rng)
        text, _, _ = restored(read, ())
        assert fold(key(text)) == fold(key(read))  # only marks and confused letters change
        assert Levenshtein.distance(phrase, text) <= Levenshtein.distance(phrase, read), \
            (phrase, read, text)
        back += text == phrase
    assert back >= 0.8 * len(phrases), f"{back} of {len(phrases)} phrases read as printed"


def test_edits_keep_word_boxes_and_say_what_changed() -> None:
    from bma_etl.read.ocr_layout import OcrWord

    text = "สำนักการระบายน้า 12"
    words = (OcrWord("สำนักการระบายน้า", 90.0, (0, 0, 100, 20), 0),
             OcrWord("12", 95.0, (110, 0, 130, 20), 17))
    new, moved, done = restored(text, words)
    assert new == "สำนักการระบายน้ำ 12"
    assert [w.text for w in moved] == ["สำนักการระบายน้ำ", "12"]
    assert [new[w.start:w.end] for w in moved] == ["สำนักการระบายน้ำ", "12"]
    assert [(d.read, d.word) for d in done] == [("น้า", "น้ำ")]
