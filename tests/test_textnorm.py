from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bma_etl.textnorm import PUA_TO_THAI, damage_score, join_split_year, repair_text

ROOT = Path(__file__).resolve().parent.parent
GAZETTE = ROOT / "tests" / "fixtures" / "royal-gazette-2566-damaged-sara-am.pdf"


def sample(name: str) -> str:
    return (ROOT / "samples" / name).read_text(encoding="utf-8")


def gazette_pages() -> list[str]:
    pdf = pdfium.PdfDocument(GAZETTE)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def breaks(text: str) -> int:
    return text.replace("\r\n", "\n").replace("\r", "\n").count("\n")


def test_gazette_sara_am_lost_into_spaces_is_restored():
    raw = "\n".join(gazette_pages())
    assert "น าความ" in raw and "ประจ าปี" in raw  # the damage is really there
    repaired = repair_text(raw)
    for word in ("นำความ", "ประจำปี", "อำนาจ", "ดำเนินไป", "กำหนด"):
        assert word in repaired
    assert " า" not in repaired
    assert repaired.count("\n") == breaks(raw)
    assert "\r" not in repaired


def test_gazette_damage_score_drops_after_repair():
    for page in gazette_pages():
        before = damage_score(page)
        after = damage_score(repair_text(page))
        assert 0 < before <= 1
        assert after < before


def test_decomposed_sara_am_from_sample():
    line = sample("004_bd40e9a681c8a540.txt").splitlines()[15]
    assert "สํานัก" in line
    assert repair_text(line) == line.replace("สํานัก", "สำนัก")


def test_lao_line_from_sample():
    line = sample("000_52cb5c31ec83ab03.txt").split("\n")[120]  # line 121
    assert "เป็นທີ່เชิ" in line
    repaired = repair_text(line)
    assert "เป็นที่เชิ" in repaired
    assert len(repaired) == len(line)


def test_lao_only_line_is_left_alone():
    assert repair_text("ທີ່ນີ້\nเป็นທີ່") == "ທີ່ນີ້\nเป็นที่"


def test_lost_dash_from_samples():
    assert repair_text("ประเด็นยุทธศาสตร์ : ด้านที่ ๗ ? การบริหารจัดการเมืองมหานคร") == (
        "ประเด็นยุทธศาสตร์ : ด้านที่ ๗ - การบริหารจัดการเมืองมหานคร"
    )
    assert repair_text("ระหว่างวันที่ 4 ? 7 พฤศจิกายน 2562") == "ระหว่างวันที่ 4 - 7 พฤศจิกายน 2562"
    assert repair_text("What? Yes ? no") == "What? Yes ? no"  # not between Thai/digits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("น\u0e4d\u0e49\u0e32", "น\u0e49\u0e33"),  # NIKHAHIT, MAI THO, SARA AA -> น้ำ
        ("น\u0e49\u0e4d\u0e32", "น\u0e49\u0e33"),
        ("ก\u200bา\u00ad\ufeff", "กา"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("ด าเนิน", "ดำเนิน"),
        ("ก่ า", "ก่ำ"),
        ("ความ  า", "ความ  า"),  # two spaces: not the lost-NIKHAHIT pattern
    ],
)
def test_repair_examples(text, expected):
    assert repair_text(text) == expected


def test_pua_table_matches_harfbuzz_ranges():
    assert set(PUA_TO_THAI) == set(range(0xF700, 0xF71B)) | set(range(0xF884, 0xF89F))
    assert PUA_TO_THAI[0xF700] == "ฐ" and PUA_TO_THAI[0xF89E] == "ฐ"
    assert PUA_TO_THAI[0xF70F] == "ญ" and PUA_TO_THAI[0xF89A] == "ญ"
    assert PUA_TO_THAI[0xF711] == "\u0e4d" and PUA_TO_THAI[0xF899] == "\u0e4d"
    # A PUA NIKHAHIT before SARA AA becomes one SARA AM.
    assert repair_text("ส\uf711านัก") == "สำนัก"
    assert repair_text("ปู\uf70aย") == "ปู่ย"
    assert repair_text("\uf700\uf89e") == "ฐฐ"


def test_samples_only_change_where_damaged():
    for name in ("001_c025c6fdd2ac5ca8.txt", "003_bab53728cf3029b8.txt"):
        text = sample(name)
        assert repair_text(text) == text
        assert damage_score(text) == 0.0


def test_samples_keep_lines_and_length():
    for path in sorted((ROOT / "samples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        repaired = repair_text(text)
        assert repaired.count("\n") == text.count("\n")
        assert len(text) - len(repaired) <= text.count("\u0e4d")


def test_join_split_year_from_gazette():
    raw = gazette_pages()[0].replace("\r\n", "\n")
    joined = join_split_year(raw)
    assert "พ.ศ. ๒๕๖6" in joined
    assert joined.count("\n") == raw.count("\n") - 1


def test_damage_score_bounds():
    assert damage_score("") == 0.0
    assert damage_score("hello") == 0.0
    assert damage_score("\uf70b") == 1.0
    assert 0 < damage_score("หนา ๑ ้ ่") <= 1


DAMAGED_ALPHABET = (
    st.characters(min_codepoint=0x0E00, max_codepoint=0x0EFF)  # Thai and Lao
    | st.characters(min_codepoint=0xF700, max_codepoint=0xF71A)
    | st.characters(min_codepoint=0xF884, max_codepoint=0xF89E)
    | st.sampled_from(list("\n\r ?-a1\t\u200b\u200c\u200d\ufeff\u00ad\u0301\u0338=<"))
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=DAMAGED_ALPHABET, max_size=60) | st.text(max_size=60))
def test_repair_text_is_idempotent_and_line_preserving(text):
    once = repair_text(text)
    assert repair_text(once) == once
    assert once.count("\n") == breaks(text)
    assert "\r" not in once
    assert 0.0 <= damage_score(text) <= 1.0
