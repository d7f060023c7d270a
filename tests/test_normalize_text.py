import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bma_etl.errors import NormalizeError
from bma_etl.normalize.text import (
    clean_text,
    join_sara_am,
    lao_to_thai,
    parse_flag,
    remove_zero_width,
    split_person_phone,
    strip_outline_number,
)


def test_clean_text_field_value():
    # 004: "หน่วยงานสํานักปลัดกรุงเทพมหานคร" with a decomposed SARA AM
    assert clean_text("สํานักปลัดกรุงเทพมหานคร") == "สำนักปลัดกรุงเทพมหานคร"
    assert clean_text(" ส่วนส่งเสริม\u200bความสัมพันธ์\t\tระหว่างเมือง  ") == (
        "ส่วนส่งเสริมความสัมพันธ์ ระหว่างเมือง"
    )


def test_clean_text_drops_blank_lines_and_keeps_thai_digits():
    text = "๑. เพื่อส่งเสริม  \r\n\r\n   \n ๒. เพื่อสนับสนุน\u00a0\u00a0การพัฒนา"
    assert clean_text(text) == "๑. เพื่อส่งเสริม\n๒. เพื่อสนับสนุน การพัฒนา"


def test_clean_text_nfc_and_repeated_marks():
    assert clean_text("เเปลก") == "แปลก"  # two SARA E
    assert clean_text("น้ํา") == "น้ำ"
    assert clean_text("") == ""


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F)
        | st.sampled_from(list(" \t\n\r\u200b\u00a0ab1")),
        max_size=40,
    )
)
def test_clean_text_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\n\n" not in once and not once.startswith(" ") and not once.endswith(" ")


def test_zero_width_is_every_invisible_format_character():
    """The literal :data:`ZERO_WIDTH` is what scanning every code point finds: each
    ``Cf`` character but the drawn ones (a newer Unicode adds some: update the list)."""
    import unicodedata

    from bma_etl.normalize.text import _DRAWN_FORMATS, ZERO_WIDTH

    scanned = "".join(c for c in map(chr, range(0x110000))
                      if unicodedata.category(c) == "Cf" and c not in _DRAWN_FORMATS)
    assert ZERO_WIDTH == scanned, f"Unicode {unicodedata.unidata_version}: " + " ".join(
        f"U+{ord(c):04X}" for c in set(ZERO_WIDTH) ^ set(scanned))
    assert remove_zero_width(f"a{ZERO_WIDTH}b") == "ab"
    drawn = "".join(sorted(_DRAWN_FORMATS))
    assert remove_zero_width(f"a{drawn}b") == f"a{drawn}b"


def test_import_scans_no_code_points():
    """Importing the module (every CLI start, every worker) looks up no character's
    category: a scan of all 1.1 M code points cost ~400 ms there."""
    import subprocess
    import sys

    probe = ("import sys, unicodedata\n"
             "calls = 0\n"
             "def count(frame, event, arg):\n"
             "    global calls\n"
             "    calls += event == 'c_call' and arg is unicodedata.category\n"
             "sys.setprofile(count)\n"
             "import bma_etl.normalize.text\n"
             "sys.setprofile(None)\n"
             "print(calls)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=120)
    assert int(out.stdout) < 1000


def test_join_sara_am_and_zero_width():
    assert join_sara_am("ประจ\u0e4d\u0e32ปี") == "ประจำปี"
    assert join_sara_am("น\u0e4d\u0e49\u0e32") == "น\u0e49\u0e33"  # tone between the parts
    assert remove_zero_width("a\u200b\u200c\u200d\ufeff\u00adb") == "ab"


def test_lao_to_thai():
    # 000_52cb5c31ec83ab03.txt line 121
    assert lao_to_thai("และเป็นທີ່เชิ") == "และเป็นที่เชิ"
    assert lao_to_thai("ปกติ") == "ปกติ"
    # U+0EDC (Lao HO NO) mirrors an unassigned Thai code point: left alone
    assert lao_to_thai("\u0edc") == "\u0edc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.13 โครงการส่งเสริมความร่วมมือ", "โครงการส่งเสริมความร่วมมือ"),  # 000 project name
        ("1. เพื่อส่งเสริมและกระชับความสัมพันธ์", "เพื่อส่งเสริมและกระชับความสัมพันธ์"),
        ("1.เพื่อสร้างความรู้", "เพื่อสร้างความรู้"),  # 004 วัตถุประสงค์1.เพื่อ...
        ("(1) ความคืบหน้าโครงการฯ", "ความคืบหน้าโครงการฯ"),
        ("1) กลุ่มสิ่งแวดล้อม", "กลุ่มสิ่งแวดล้อม"),
        ("๑. โครงการการรับรองเอกอัครราชทูต", "โครงการการรับรองเอกอัครราชทูต"),  # 003
        ("(๒) โครงการ", "โครงการ"),
        ("1.2.3. หัวข้อ", "หัวข้อ"),
        ("๗.๒.๑ กรุงเทพมหานครมีระบบ", "๗.๒.๑ กรุงเทพมหานครมีระบบ"),  # strategy code kept
        ("๗.๓ - การบริหารทรัพยากรบุคคล", "๗.๓ - การบริหารทรัพยากรบุคคล"),
        ("2566 ปีงบประมาณ", "2566 ปีงบประมาณ"),
        ("12 คน", "12 คน"),
        ("1.", "1."),
        ("มิติที่ 1. ความสำเร็จ", "มิติที่ 1. ความสำเร็จ"),
        ("  โครงการ  ", "โครงการ"),
    ],
)
def test_strip_outline_number(text, expected):
    assert strip_outline_number(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "phone"),
    [
        ("นางสาวพลอยนภัส พัฒน์ธัญ 1521", "นางสาวพลอยนภัส พัฒน์ธัญ", "1521"),  # 000
        ("น.ส.สมรภัทรธร โพธากุล โทร.1136", "น.ส.สมรภัทรธร โพธากุล", "1136"),  # 002
        ("นางปัทมา ศาสตร์พันธ์ โทร.1544", "นางปัทมา ศาสตร์พันธ์", "1544"),  # 002
        ("นายสมชาย ใจดี โทร. 0 2224 1234 ต่อ 1521", "นายสมชาย ใจดี", "0 2224 1234 ต่อ 1521"),
        ("นายสมชาย ใจดี (โทร 1521)", "นายสมชาย ใจดี", "1521"),
        ("นายสมชาย ใจดี Tel. 1521", "นายสมชาย ใจดี", "1521"),
        ("นายสมชาย ใจดี โทรศัพท์ 08-1234-5678", "นายสมชาย ใจดี", "08-1234-5678"),
        ("นายสมชาย ใจดี โทร ๑๕๒๑", "นายสมชาย ใจดี", "๑๕๒๑"),
        ("นางวิมลพรรณ พิมสาร", "นางวิมลพรรณ พิมสาร", None),  # 000 coordinator
        ("นายสมชาย ใจดี 12", "นายสมชาย ใจดี 12", None),  # too short to be a phone
    ],
)
def test_split_person_phone(text, name, phone):
    assert split_person_phone(text) == (name, phone)
    got_name, got_phone = split_person_phone(text)
    assert got_name in text
    assert got_phone is None or got_phone in text


def test_split_person_phone_blank():
    with pytest.raises(NormalizeError):
        split_person_phone("  ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (": เป็นไปตามแผน", True),  # 000 report rows
        (": ไม่เป็นไปตามแผน", False),
        (": เป็นไปตามเป้าหมาย", True),
        ("ไม่เป็นไปตามเป้าหมาย", False),
        ("ใช่", True),
        ("ไม่ใช่", False),
        ("true", True),
        ("False", False),
        ("มี", True),
        ("ไม่มี", False),  # 001 "** ปัญหาของโครงการ :ไม่มี"
        ("ไม่ใช้งบประมาณ", False),
        ("เป็นไป ตามแผน", True),
    ],
)
def test_parse_flag(text, expected):
    assert parse_flag(text) is expected


@pytest.mark.parametrize("text", ["", "ล่าช้า", "เป็นไปตามแผนบางส่วน", "1"])
def test_parse_flag_rejects(text):
    with pytest.raises(NormalizeError) as exc:
        parse_flag(text)
    assert repr(text) in str(exc.value)


@given(st.text(st.one_of(st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F),
                         st.sampled_from([" ", "\t", "a", "1", "\u200b"])), max_size=60))
def test_clean_line_fast_path_equals_full_normalisation(line: str) -> None:
    from bma_etl.normalize.text import _clean_line, _clean_line_slow

    assert _clean_line(line) == _clean_line_slow(line)
