from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bma_etl.errors import NormalizeError
from bma_etl.normalize.digits import (
    parse_amount,
    parse_int,
    parse_number,
    parse_percent,
    to_arabic_digits,
)

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def test_to_arabic_digits_keeps_length_and_other_characters():
    s = "เป็นเงิน ๓,๗๓๓,๙๙๗.๑๐ บาท (2566)"
    out = to_arabic_digits(s)
    assert out == "เป็นเงิน 3,733,997.10 บาท (2566)"
    assert len(out) == len(s)
    assert to_arabic_digits("") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("= 1.00 %", Decimal("1.00")),  # 000_52cb5c31ec83ab03.txt progress cell
        ("ร้อยละ ๖๐", Decimal("60")),  # 003 scoring levels
        ("๑,๕๐๐,๐๐๐.-", Decimal("1500000")),
        ("22.5", Decimal("22.5")),
        ("๒๒.๕", Decimal("22.5")),
        ("ระดับ : 1", Decimal("1")),  # 001 KPI block
        ("1 500 000", Decimal("1500000")),
        ("1 500 000.50 บาท", Decimal("1500000.50")),
        ("-5", Decimal("-5")),
        ("ค่า = -2.5", Decimal("-2.5")),
        ("งบฯ ที่ได้รับ (บาท)1,500,000", Decimal("1500000")),  # 004 glued label
    ],
)
def test_parse_number_examples(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ไม่มี",
        "15/10/2562",  # three numbers
        "04160000-3949",  # a code, not a negative number
        "1,50",  # malformed grouping
        "1.2.3",
        "ร้อยละ ๖o",  # OCR letter o for a zero
        "l00",
        "12 - 16",
    ],
)
def test_parse_number_rejects(text):
    with pytest.raises(NormalizeError) as exc:
        parse_number(text)
    assert repr(text) in str(exc.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("๑,๕๐๐,๐๐๐.- บาท", Decimal("1500000")),  # 003 budget tables
        ("๒๑,๙๐๓,๒๐๐.-บาท", Decimal("21903200")),  # 003 "รวมงบประมาณทั้งสิ้น"
        ("9,603,371.83 บาท", Decimal("9603371.83")),
        ("0 บาท", Decimal("0")),  # 000 "งบประมาณที่ได้รับ : 0 บาท"
        ("55,189 บาท", Decimal("55189")),  # 002
        ("1,500,000", Decimal("1500000")),  # 004
        ("๓,๗๓๓,๙๙๗.๑๐ บาท", Decimal("3733997.10")),  # 003 narrative
        ("งบประมาณ ๒,๕๐๐,๐๐๐.- บาท (ส่วนแผนงานฯ)", Decimal("2500000")),
        ("200 ล้านบาท", Decimal("200000000")),
    ],
)
def test_parse_amount_examples(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    "text", ["ไม่ใช้งบประมาณ", " ไม่ใช้งบประมาณ ", "(ไม่ได้ใช้งบประมาณ)", "ไม่มีงบประมาณ", "-", " – "]
)
def test_parse_amount_no_budget_is_none(text):
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    "text", ["12.345 บาท", "บาท", "", "-100 บาท", "1,000 บาท 2,000 บาท", "ร้อยละ ๖o"]
)
def test_parse_amount_rejects(text):
    with pytest.raises(NormalizeError):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ร้อยละ ๖๐", Decimal("60")),
        ("= 1.00 %", Decimal("1.00")),
        ("45", Decimal("45")),  # 004 "คืบหน้าล่าสุด45"
        ("ร้อยละ 100.00", Decimal("100.00")),  # 001 history entries
        ("100 ร้อยละ", Decimal("100")),  # 004 "เป้าหมายโครงการ100 ร้อยละ"
        ("ความก้าวหน้าของงานฯ = 20.00 %", Decimal("20.00")),
        ("0", Decimal("0")),
    ],
)
def test_parse_percent_examples(text, expected):
    assert parse_percent(text) == expected


def test_parse_percent_error_names_the_value():
    with pytest.raises(NormalizeError) as exc:
        parse_percent("ร้อยละ ๖o")
    assert exc.value.reason().startswith("normalize: 'ร้อยละ ๖o' is not a percent")


@pytest.mark.parametrize("text", ["101", "ร้อยละ 120", "-1 %", "ร้อยละ", "1 ถึง 2 %"])
def test_parse_percent_rejects(text):
    with pytest.raises(NormalizeError):
        parse_percent(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("รายงานครั้งที่ 12", 12), ("รายงานครั้งที่1", 1), ("๑๖", 16), ("(3)", 3), ("1,500", 1500)],
)
def test_parse_int_examples(text, expected):
    assert parse_int(text) == expected


@pytest.mark.parametrize("text", ["22.5", "12.0", "ครั้งที่ 1 และ 2", "", "สิบ"])
def test_parse_int_rejects(text):
    with pytest.raises(NormalizeError):
        parse_int(text)


@st.composite
def amounts(draw):
    places = draw(st.sampled_from([0, 1, 2]))
    units = draw(st.integers(0, 10**12 * 10**places))
    return Decimal(units).scaleb(-places)


@settings(max_examples=200, deadline=None)
@given(
    value=amounts(),
    commas=st.booleans(),
    thai=st.booleans(),
    suffix=st.sampled_from(["", " บาท", "บาท", ".-", ".- บาท", ".-บาท"]),
    prefix=st.sampled_from(["", "งบประมาณ ", "= "]),
)
def test_amount_round_trip(value, commas, thai, suffix, prefix):
    if suffix.startswith(".-") and value.as_tuple().exponent != 0:
        suffix = " บาท"  # ".-" closes whole-baht amounts only
    text = prefix + format(value, ",f" if commas else "f") + suffix
    if thai:
        text = text.translate(THAI)
    parsed = parse_amount(text)
    assert parsed == value
    assert parsed is not None and parsed.as_tuple().exponent == value.as_tuple().exponent


@st.composite
def percents(draw):
    places = draw(st.sampled_from([0, 1, 2]))
    return Decimal(draw(st.integers(0, 100 * 10**places))).scaleb(-places)


@settings(max_examples=200, deadline=None)
@given(
    value=percents(),
    thai=st.booleans(),
    form=st.sampled_from(["ร้อยละ {}", "{} %", "= {} %", "{}", "{} ร้อยละ", "{}%", "ร้อยละ{}"]),
)
def test_percent_round_trip(value, thai, form):
    text = form.format(format(value, "f"))
    if thai:
        text = text.translate(THAI)
    assert parse_percent(text) == value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_parsers_return_value_or_normalize_error(text):
    for parser in (parse_number, parse_amount, parse_percent, parse_int):
        try:
            parser(text)
        except NormalizeError:
            pass


# ------------------------------------------------------- amounts with unit words
# field-cases/amount_unit_words.txt: "480 พันบาท" and "4.8 แสนบาท" loaded as 480 and 4.8.

UNITS = {"พัน": 3, "หมื่น": 4, "แสน": 5, "ล้าน": 6, "พันล้าน": 9, "หมื่นล้าน": 10,
         "ร้อยล้าน": 8}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("480 พันบาท", Decimal("480000")),  # field-cases/amount_unit_words.txt
        ("4.8 แสนบาท", Decimal("480000")),  # field-cases/amount_unit_words.txt
        ("1.5 ล้านบาท", Decimal("1500000")),
        ("๒ ล้าน", Decimal("2000000")),
        ("๔.๘ แสน บาท", Decimal("480000")),
        ("2 พันล้านบาท", Decimal("2000000000")),
        ("3 หมื่น 5 พัน บาท", Decimal("35000")),
        ("๑ ล้าน ๒ แสน ๕ หมื่น บาท", Decimal("1250000")),
        ("1.2345678 ล้านบาท", Decimal("1234567.80")),
        ("งบประมาณ 2.5 หมื่นบาท", Decimal("25000")),
        ("1,500 ล้านบาท", Decimal("1500000000")),
    ],
)
def test_parse_amount_unit_words(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "5 พัน 3 หมื่น บาท",  # units must fall
        "3 หมื่น 15 พัน บาท",  # 15 พัน is more than a หมื่น
        "1 ล้าน 2566",  # a year after an amount is not a term of it
        "3 หมื่น และ 5 พัน",
        "5 พันธุ์",  # not a unit word: guessing either way could load a wrong number
        "1.5 ล้านเศษ",
        "1.234567891 ล้าน",  # below a satang
    ],
)
def test_parse_amount_unit_words_rejects(text):
    with pytest.raises(NormalizeError) as exc:
        parse_amount(text)
    assert repr(text) in str(exc.value)


@settings(max_examples=200, deadline=None)
@given(
    mantissa=st.builds(lambda units, places: Decimal(units).scaleb(-places),
                       st.integers(1, 99_999), st.sampled_from([0, 1, 2])),
    unit=st.sampled_from(sorted(UNITS)),
    space=st.sampled_from(["", " "]),
    suffix=st.sampled_from(["", "บาท", " บาท", ".-", " บาท)"]),
    thai=st.booleans(),
)
def test_amount_with_unit_word_round_trip(mantissa, unit, space, suffix, thai):
    text = f"{mantissa:f}{space}{unit}{suffix}"
    if thai:
        text = text.translate(THAI)
    expected = mantissa.scaleb(UNITS[unit])
    parsed = parse_amount(text)
    assert parsed == expected
    assert parsed is not None and parsed.as_tuple().exponent >= -2


@settings(max_examples=200, deadline=None)
@given(
    digits=st.lists(st.integers(0, 9), min_size=4, max_size=4).filter(lambda d: sum(d) > 0),
    thai=st.booleans(),
)
def test_amount_in_falling_unit_terms_round_trip(digits, thai):
    """``1 ล้าน 2 แสน 5 หมื่น 3 พัน บาท``: each stated term adds its value."""
    terms = [(d, unit) for d, unit in zip(digits, ["ล้าน", "แสน", "หมื่น", "พัน"], strict=True)
             if d]
    text = " ".join(f"{d} {unit}" for d, unit in terms) + " บาท"
    if thai:
        text = text.translate(THAI)
    assert parse_amount(text) == sum(Decimal(d).scaleb(UNITS[unit]) for d, unit in terms)


@pytest.mark.parametrize(("text", "want"), [("2.141.500 บาท", Decimal("2141500")),
                                            ("22.893.000", Decimal("22893000"))])
def test_thousands_points_read_as_commas(text: str, want: Decimal) -> None:
    """OCR reads a thousands comma as a point: two points or more are no decimal point."""
    assert parse_amount(text) == want


@pytest.mark.parametrize("text", ["1.234.56", "3,3025,500"])
def test_malformed_groups_are_errors(text: str) -> None:
    with pytest.raises(NormalizeError):
        parse_amount(text)


# --------------------------------------------- amounts OCR damaged before their groups


@settings(max_examples=200, deadline=None)
@given(
    value=amounts().filter(lambda v: v >= 1000),
    lead=st.sampled_from(["oon, ", "on,", "a ", "e", "ส,", "ฒ, ", "ao. "]),
    thai=st.booleans(),
    suffix=st.sampled_from(["", " บาท", ".- บาท"]),
)
def test_an_amount_whose_first_digits_ocr_misread_apart_is_an_error(value, lead, thai, suffix):
    """``oon, ๑๕๓,๐๐๐``: the digit groups after a misread piece are not the amount."""
    if suffix.startswith(".-") and value.as_tuple().exponent != 0:
        suffix = " บาท"
    digits = format(value, ",f").split(",", 1)[1]  # the first group and its comma misread
    text = lead + digits.translate(THAI if thai else {}) + suffix
    with pytest.raises(NormalizeError, match="misread"):
        parse_amount(text)


@settings(max_examples=200, deadline=None)
@given(
    value=amounts().filter(lambda v: v >= 1000),
    space=st.sampled_from([". ", " ,", ", "]),
    thai=st.booleans(),
    prefix=st.sampled_from(["", "งบประมาณ ", "= "]),
)
def test_a_space_ocr_put_inside_an_amount_keeps_it_whole(value, space, thai, prefix):
    """``5,049,100. 00``, ``1 ,542,600``, ``1, 542,600``: one amount, as printed."""
    text = format(value.quantize(Decimal("0.01")), ",f")
    if space == ". ":
        text = text.replace(".", ". ")
    else:
        text = text.replace(",", space, 1)
    text = prefix + text.translate(THAI if thai else {}) + " บาท"
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["100. 00 200", "1,000. 00 2,000", "100 200. 5"])
def test_a_space_joins_no_two_amounts(text: str) -> None:
    with pytest.raises(NormalizeError):
        parse_amount(text)


def test_a_currency_code_before_an_amount_is_no_damage() -> None:
    assert parse_amount("THB 1,250,000.00") == Decimal("1250000.00")
    assert parse_amount("USD 300") == Decimal("300")


# ------------------------------------------ a thousands comma OCR read as a point

@settings(max_examples=60, deadline=None)
@given(baht=st.integers(min_value=1_000_000, max_value=99_999_999),
       satang=st.sampled_from(["", ".00", ".-"]), thai=st.booleans(),
       which=st.sampled_from(["first", "last"]))
def test_a_comma_read_as_a_point_where_no_decimal_point_can_stand(
        baht: int, satang: str, thai: bool, which: str) -> None:
    """``2.263,300.00`` (before a comma's group), ``2,533.100`` (three digits ending the
    amount after comma groups; satang are two), ``459.500.-`` (before a whole amount's
    dash): the point is the comma it was printed as."""
    grouped = f"{baht:,}"
    if which == "first":  # the first comma: a comma's group follows it
        damaged = grouped.replace(",", ".", 1) + satang
    elif satang == ".00":  # the last comma, a decimal part after it: ambiguous, skipped
        damaged = grouped + satang
    else:
        head, _, tail = grouped.rpartition(",")
        damaged = f"{head}.{tail}{satang}"
    text = f"{damaged} บาท"
    assert parse_amount(text.translate(THAI) if thai else text) == Decimal(baht)


@pytest.mark.parametrize("baht", [459_500, 12_300, 1_500])
def test_a_whole_amounts_one_comma_read_as_a_point(baht: int) -> None:
    head, _, tail = f"{baht:,}".rpartition(",")
    assert parse_amount(f"{head}.{tail}.- บาท") == Decimal(baht)
    assert parse_amount(f"{head}.{tail}.-".translate(THAI) + " บาท") == Decimal(baht)
    with pytest.raises(NormalizeError):  # no dash: a decimal of three places, an error
        parse_amount(f"{head}.{tail} บาท")


@settings(max_examples=100, deadline=None)
@given(
    value=amounts().filter(lambda v: v >= 10),
    space=st.sampled_from(["", " "]),
    thai=st.booleans(),
    prefix=st.sampled_from(["", "งบประมาณ ", "= "]),
)
def test_a_bang_before_an_amount_is_a_misread_one_in_ocr_text_only(value, space, thai, prefix):
    """``! 1.975,000``: OCR's thin ``1``; typed or HTML text's ``!`` is the writer's own."""
    printed = format(value, ",f").translate(THAI if thai else {})
    text = f"{prefix}!{space}{printed} บาท"
    assert parse_amount(text, ocr=False) == value
    with pytest.raises(NormalizeError, match="misread"):
        parse_amount(text, ocr=True)
