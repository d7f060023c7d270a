"""Numbers as the documents print them: Thai or Arabic digits, commas, baht, percent.

Stage: normalize. Consumes the raw text an extractor read for one field (a cell
such as ``๑,๕๐๐,๐๐๐.- บาท`` or ``= 1.00 %``); produces a ``Decimal`` or ``int``
written with Arabic digits, or raises :class:`~bma_etl.errors.NormalizeError`
naming the value. ``None`` is returned only where the document states that there
is no value (``ไม่ใช้งบประมาณ``).

Every parser wants exactly one number in its text: the words and symbols around
it (``ร้อยละ``, ``บาท``, ``=``, ``%``, ``.-``) are tolerated, a second number is an
error, because guessing which of two numbers was meant is how wrong values get
loaded quietly.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bma_etl.errors import NormalizeError
from bma_etl.normalize.amount_words import amount_in_words, satang_after
from bma_etl.normalize.digit_groups import as_spaced_groups, joined_groups
from bma_etl.normalize.ocr_points import commas_for_points
from bma_etl.normalize.unit_words import unit_after

#: One digit as the documents print it, Arabic or Thai (a regex character class): for
#: the section numbers, headings, labels and entry headings the readers match, which
#: Thai government documents write in either.
DIGIT = "[0-9๐-๙]"

__all__ = ["DIGIT", "parse_amount", "parse_int", "parse_number", "parse_percent",
           "to_arabic_digits"]

# A run of digit groups joined by single commas or points ("1,500,000.00", "1.2.3");
# whether the run is a well-formed number is checked afterwards, so a malformed
# run is an error rather than silently read as two numbers.
_RUN = re.compile(r"[0-9]+(?:[,.][0-9]+)*")
_RUN_BEFORE = re.compile(r"[0-9]+(?:[,.][0-9]+)*$")
_WELL_FORMED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
# OCR reads a zero as "o"/"O" and a one as "l"/"I": a lone such letter glued to
# digits makes the value unreadable, not a smaller number ('ร้อยละ ๖o').
_OCR_CONFUSABLE = re.compile(r"(?<![A-Za-z])[oOlI](?=[0-9])|(?<=[0-9])[oOlI](?![A-Za-z])")
# A minus sign counts only when glued to the digits and not glued to a word
# before it ("-5" but not the dash in "04160000-3949" or "ด้านที่ ๗ - การ").
_BEFORE_MINUS = frozenset(" \t\n\r\u00a0=(:")
# "2.141.500": OCR read the thousands commas as points. Two points or more cannot be
# a decimal point: the groups are thousands (one point, "2.141", is left a decimal);
# after two such groups a point before two digits is the satang's ("4.659.000.00";
# "1.234.56" stays malformed).
_DOTTED_GROUPS = re.compile(
    r"[0-9]{1,3}(?:\.[0-9]{3}){2,}|(?P<int>[0-9]{1,3}(?:\.[0-9]{3}){2,})\.[0-9]{2}")
# "2.263,300.00": a point before a comma's group is no decimal point (a decimal part
# has no comma in it): OCR read that thousands comma as a point.
_POINT_BEFORE_COMMA = re.compile(r"(?<=[0-9])\.(?=[0-9]{3},)")
# What OCR made of an amount's first digits, before the digit groups it read: small
# Latin letters ("a 253,000", "oon, 153,000": Thai digits' look-alikes; a currency
# code, "THB 1,000", is capitals) or a piece glued to a comma before the first group
# ("ส,335,300"); in OCR'd text also a "!" for its first "1" (a 1-bit fax or G4 scan's
# thin "1": "! 1.975,000" for 11,975,000; typed text's "!" is the writer's own).
# The value is unreadable, not the smaller number after it.
_DAMAGED_LEAD = re.compile(
    r"(?<![A-Za-z])[a-z]{1,3}[,.]?[ \t\u00a0]?(?=[0-9])"
    r"|(?<!\S)[^\s0-9,.]{1,3}[ \t\u00a0]?,[ \t\u00a0]?(?=[0-9])")
_OCR_DAMAGED_LEAD = re.compile(_DAMAGED_LEAD.pattern + r"|(?<!\S)![ \t\u00a0]?(?=[0-9])")
# "1,488, pie บาท", "992, ว บาท", "1,488,": a comma after the digits that no digit
# group follows. The group after it is lost (OCR read it as letters, or it was cut
# off): the digits before the comma are not the amount. A comma before a dash
# ("1,500,-", written for no satang) is the amount's end.
_DANGLING_COMMA = re.compile(r"(?<=[0-9]),(?![ \t\u00a0]*[0-9\-\u2013\u2014])")


def _spread(word: str) -> str:
    """A pattern for ``word`` (Thai letters) with a space or none between any two of them."""
    return " ?".join(re.escape(c) for c in word)


#: "No budget" wording (ไม่ใช้งบประมาณ, ไม่ได้รับการจัดสรรงบประมาณ...): an amount of NULL.
#: A print that spreads a narrow cell's Thai letters apart (LibreOffice's distributed
#: justification) may leave a space between any two letters: ``ไ ม่ใ ช้งบประ มาณ``,
#: ``ไ ม่ ใ ช้ ง บ ป ร ะ ม า ณ`` (whose ``ม า`` the text's repair reads as a SARA AM
#: that lost its NIKHAHIT, ``ด าเนินการ`` for ``ดำเนินการ``: ``ป ร ะ มำ ณ``).
NO_BUDGET_RE = re.compile(
    rf"{_spread('ไม่')} ?(?:{_spread('ได้')})?\s*"
    rf"(?:{'|'.join(_spread(w) for w in ('ใช้', 'มี', 'รับ', 'ขอ', 'ตั้ง'))})?\s*"
    rf"(?:{_spread('การจัดสรร')})?\s*{_spread('งบ')}(?: ?{_spread('ประม')} ?[าำ] ?ณ)?")
_DASHES_ONLY = re.compile(r"[\s\-–—\u2212.]*")
_PERCENT_WORDS = re.compile(r"ร้อยละ|เปอร์เซ็นต์|%")
# "80,00 %": two digits after a comma that ends a percent's only number are no thousands
# group (three digits): the comma is its decimal point, typed or OCR'd alike.
_DECIMAL_COMMA = re.compile(r"(?<![0-9,.])([0-9]{1,3}),([0-9]{2})(?![0-9,.])")
# A value that is one bare number and nothing else, the commonest case: read
# without the scan for several numbers, whose outcome it already knows.
_BARE_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_ANY_DIGIT = re.compile(r"[0-9]")
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
#: Thai digits to Arabic ones (``pythainlp.util.thai_digit_to_arabic_digit``'s table).
_THAI_TO_ARABIC = str.maketrans("".join(map(chr, range(0x0E50, 0x0E5A))), "0123456789")


def to_arabic_digits(s: str) -> str:
    """Replace Thai digits by Arabic digits, leaving every other character alone.

    The result has the same length as ``s``, so offsets found in it are offsets in ``s``.

    >>> to_arabic_digits("๑,๕๐๐,๐๐๐.- บาท")
    '1,500,000.- บาท'
    >>> to_arabic_digits("ปี 2566")
    'ปี 2566'
    """
    # (a value with no Thai digit, the commonest, is not walked character by character)
    return s.translate(_THAI_TO_ARABIC) if s and _THAI_DIGIT.search(s) else s


def _numbers(s: str, what: str, scan: str | None = None) -> list[tuple[str, int, int]]:
    """Every number in ``scan`` (default ``s``) as (digits, start, end), Arabic digits.

    ``s`` is the value as printed, named in error messages.
    """
    text = as_spaced_groups(to_arabic_digits(s if scan is None else scan))
    if _OCR_CONFUSABLE.search(text):
        raise NormalizeError(f"{s!r} is not {what}: a letter stands among its digits")
    found: list[tuple[str, int, int]] = []
    for m in _RUN.finditer(text):
        token = m.group()
        if "," in token:
            token = _POINT_BEFORE_COMMA.sub(",", token)
        if dotted := _DOTTED_GROUPS.fullmatch(token):
            whole = dotted.end("int") if dotted.group("int") else len(token)
            token = token[:whole].replace(".", ",") + token[whole:]
        if not _WELL_FORMED.fullmatch(token):
            raise NormalizeError(f"{s!r} is not {what}: {token!r} is not a well-formed number")
        sign = "-" if _negative(text, m.start()) else ""
        start = m.start() - len(sign)
        found.append((sign + token.replace(",", ""), start, m.end()))
    if len(found) > 1:
        joined = joined_groups(text, found)
        if joined is not None:
            return [joined]
    return found


def _negative(text: str, start: int) -> bool:
    """Whether the number starting at ``start`` has its own minus sign."""
    if start == 0 or text[start - 1] != "-":
        return False
    return start == 1 or text[start - 2] in _BEFORE_MINUS


def _one_number(s: str, what: str, scan: str | None = None) -> tuple[Decimal, int, str]:
    """The single number in ``scan`` (default ``s``) and the offset just past it."""
    text = to_arabic_digits(s if scan is None else scan)
    if _BARE_NUMBER.fullmatch(text):
        return Decimal(text), len(text), text
    found = _numbers(s, what, scan)
    if not found:
        raise NormalizeError(f"{s!r} is not {what}: no number in it")
    if len(found) > 1:
        listed = ", ".join(n for n, _, _ in found[:4])
        raise NormalizeError(f"{s!r} is not {what}: it holds several numbers ({listed})")
    token, _, end = found[0]
    try:
        return Decimal(token), end, text
    except InvalidOperation as exc:  # pragma: no cover - the regexes admit only digits
        raise NormalizeError(f"{s!r} is not {what}") from exc


def parse_number(s: str) -> Decimal:
    """The one number in ``s``, Thai or Arabic digits, with commas and decimals.

    >>> parse_number("= 1.00 %")
    Decimal('1.00')
    >>> parse_number("ร้อยละ ๖๐"), parse_number("๑,๕๐๐,๐๐๐.-"), parse_number("ระดับ : 1")
    (Decimal('60'), Decimal('1500000'), Decimal('1'))
    >>> parse_number("1 500 000")
    Decimal('1500000')
    >>> parse_number("1 และ 2")
    Traceback (most recent call last):
    ...
    bma_etl.errors.NormalizeError: '1 และ 2' is not a number: it holds several numbers (1, 2)
    """
    return _one_number(s, "a number")[0]


def parse_amount(s: str, unit: int = 0, *, ocr: bool = True) -> Decimal | None:
    """A baht amount; ``None`` when the document says no budget is used.

    ``ocr``: ``s`` was read by OCR; only then is a point read as a comma (below) and a
    ``!`` before the digits their misread first ``1`` (``! 1.975,000``: an error).

    ``unit``: the power of ten of the unit the amount's column or label heading
    states (``งบประมาณ (ล้านบาท)``: 6,
    :func:`~bma_etl.normalize.unit_words.heading_unit`), for a number that states
    no unit word itself (a unit word in ``s`` wins). A number in such a unit
    is read whole, then scaled (``2.7270`` under ``(ล้านบาท)`` is 2,727,000 baht);
    more than two decimal places left after the scaling is an error.

    At most two decimal places (satang). A Thai unit word after a number
    multiplies it (:data:`~bma_etl.normalize.unit_words.UNIT_WORDS`, ``ล้าน``), and
    numbers each with a smaller unit add up (``3 หมื่น 5 พัน บาท``); a scaled amount
    is given in whole baht, or to the satang when it has a fraction. A lone dash is
    how tables write "no amount", so it gives ``None``. A space OCR put inside an amount is read
    (``5,049,100. 00``, ``1 ,542,600``); an amount whose first digits OCR misread
    apart from the rest (``oon, ๑๕๓,๐๐๐``, ``a ๒๕๓,๐๐๐``) is an error, never the
    digits after the damage; so is one whose last comma no digit group follows
    (``1,488, pie บาท``: its last group misread), never the digits before it.

    >>> parse_amount("๑,๕๐๐,๐๐๐.- บาท"), parse_amount("9,603,371.83 บาท")
    (Decimal('1500000'), Decimal('9603371.83'))
    >>> parse_amount("0 บาท"), parse_amount("1.5 ล้านบาท"), parse_amount("480 พันบาท")
    (Decimal('0'), Decimal('1500000'), Decimal('480000'))
    >>> parse_amount("๔.๘ แสนบาท"), parse_amount("3 หมื่น 5 พัน บาท"), parse_amount("2 พันล้าน")
    (Decimal('480000'), Decimal('35000'), Decimal('2000000000'))
    >>> parse_amount("ไม่ใช้งบประมาณ") is None, parse_amount("-") is None
    (True, True)
    >>> parse_amount("12.345 บาท")
    Traceback (most recent call last):
    ...
    bma_etl.errors.NormalizeError: '12.345 บาท' is not a baht amount: more than two decimal places
    >>> parse_amount("5,049,100. 00 บาท")
    Decimal('5049100.00')

    A thousands comma OCR read as a point is read as the comma where no decimal point
    can stand: before a comma's group; in OCR'd text only (``ocr``,
    :func:`~bma_etl.normalize.ocr_points.commas_for_points`), before three digits that
    end the amount after comma groups, or before three digits and the ``.-`` of a
    whole amount (``12,872,200.000 บาท`` typed is three decimal places, an error).

    >>> parse_amount("2.263,300.00 บาท"), parse_amount("๒,๕๓๓.๑๐๐ บาท")
    (Decimal('2263300.00'), Decimal('2533100'))
    >>> parse_amount("459.500.- บาท")
    Decimal('459500')

    Satang after the baht, as a number or in Thai words (``1,234,567 บาท 50 สตางค์``,
    ``23,369,000 บาท ห้าสิบสตางค์``), are the amount's fraction
    (:func:`~bma_etl.normalize.amount_words.satang_after`); words that spell no
    number are an error, never the baht alone.

    >>> parse_amount("1,234,567 บาท 50 สตางค์"), parse_amount("๙๐๐ บาท ห้าสตางค์")
    (Decimal('1234567.50'), Decimal('900.05'))

    The amount spelled out in a bracket after its digits
    (:func:`~bma_etl.normalize.amount_words.amount_in_words`) must say the same: the
    digits' amount when it does, an error naming both when it does not (which of
    two is meant is not for the reader to guess); an amount in words alone is read.

    >>> parse_amount("2,500,000 บาท (สองล้านห้าแสนบาทถ้วน)"), parse_amount("(ห้าพันบาทถ้วน)")
    (Decimal('2500000'), Decimal('5000'))
    >>> parse_amount("2,600 บาท (สองพันห้าร้อยบาทถ้วน)")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    bma_etl.errors.NormalizeError: ... digits say 2,600.00 baht and its words 2,500.00 (...)
    """
    text = to_arabic_digits(s)
    if (words := amount_in_words(text)) is not None:
        return _as_words_say(s, text, words, unit, ocr)
    if (satang := satang_after(s, text)) is not None:
        return _with_satang(s, *satang, ocr=ocr)
    if not _ANY_DIGIT.search(text):
        if NO_BUDGET_RE.search(text) or (text.strip() and _DASHES_ONLY.fullmatch(text)):
            return None
    first = _ANY_DIGIT.search(text)
    leads = _OCR_DAMAGED_LEAD if ocr else _DAMAGED_LEAD
    lead = leads.search(text, 0, first.end()) if first else None
    if first is not None and lead is not None and lead.end() == first.start():
        raise NormalizeError(f"{s!r} is not a baht amount: {lead.group().strip()!r} before "
                             "its digits is some of them misread")
    if (dangling := _DANGLING_COMMA.search(text)) is not None:
        raise NormalizeError(f"{s!r} is not a baht amount: no digit group follows the comma "
                             f"after {_RUN_BEFORE.findall(text, 0, dangling.start())[-1]!r}: "
                             "its last digits were misread or lost")
    value = _scaled_amount(s, commas_for_points(text) if ocr else text, unit)
    if value < 0:
        raise NormalizeError(f"{s!r} is not a baht amount: it is negative")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise NormalizeError(f"{s!r} is not a baht amount: more than two decimal places")
    return value


def _with_satang(s: str, baht_text: str, satang: int, *, ocr: bool) -> Decimal:
    """The baht of ``baht_text`` and ``satang``, a hundredth each.

    Baht that have a fraction already, or no amount, are an error: which is meant is
    not for the reader to guess.
    """
    baht = parse_amount(baht_text, ocr=ocr)
    if baht is None or baht != baht.to_integral_value():
        raise NormalizeError(f"{s!r} is not a baht amount: satang after no whole baht")
    return baht.quantize(Decimal(1)) + Decimal(satang).scaleb(-2)


def _as_words_say(s: str, text: str, words: tuple[Decimal | None, str, int, int], unit: int,
                  ocr: bool) -> Decimal | None:
    """The amount of ``text`` (``s``) checked against the bracket that spells it out.

    ``words``: :func:`~bma_etl.normalize.amount_words.amount_in_words`. Words that
    spell no amount leave the digits alone, words alone are the amount; digits (or
    no budget stated) and words that disagree are an error naming both.
    """
    said, spelled, start, end = words
    rest = text[:start] + text[end:]
    if said is not None and not _ANY_DIGIT.search(rest) and not NO_BUDGET_RE.search(rest) \
            and not (rest.strip() and _DASHES_ONLY.fullmatch(rest)):
        return said  # the amount in words alone
    value = parse_amount(rest, unit, ocr=ocr)
    if said is None or value == said or (value is None and said == 0):
        return value
    digits = "no amount" if value is None else f"{value:,.2f} baht"
    raise NormalizeError(f"{s!r} is not a baht amount: its digits say {digits} and its words "
                         f"{said:,.2f} ({spelled})")


def _scaled_amount(s: str, text: str, unit: int = 0) -> Decimal:
    """The amount in ``text`` (``s`` with Arabic digits), its unit words applied.

    ``unit`` scales a number that states no unit word (the heading's unit).

    Several numbers are one amount only as terms of falling units, each smaller
    than the unit before it (``3 หมื่น 5 พัน``); anything else is an error, as in
    :func:`_one_number`.
    """
    if _BARE_NUMBER.fullmatch(text):
        return _whole_or_satang(Decimal(text).scaleb(unit)) if unit else Decimal(text)
    found = _numbers(s, "a baht amount", text)
    units = [unit_after(s, text, end) for _, _, end in found]
    if len(found) < 2 or units[0] is None:
        value, end, _ = _one_number(s, "a baht amount", text)
        stated = unit_after(s, text, end)
        power = unit if stated is None else stated[0]
        return _whole_or_satang(value.scaleb(power)) if power else value
    total, limit, after = Decimal(0), 99, 0
    for (token, start, _), said in zip(found, units, strict=True):
        if said is None or said[0] >= limit or text[after:start].strip() or token[0] == "-":
            listed = ", ".join(n for n, _, _ in found[:4])
            raise NormalizeError(f"{s!r} is not a baht amount: it holds several numbers ({listed})")
        term = Decimal(token).scaleb(said[0])
        if after and term >= Decimal(1).scaleb(limit):
            raise NormalizeError(f"{s!r} is not a baht amount: {token} is too many for its unit")
        total, limit, after = total + term, said[0], said[1]
    return _whole_or_satang(total)


def _whole_or_satang(value: Decimal) -> Decimal:
    """A scaled amount written to the baht, or to the satang when it has a fraction."""
    whole = value.to_integral_value()
    return whole.quantize(Decimal(1)) if value == whole else value.quantize(Decimal("0.01")) \
        if value == value.quantize(Decimal("0.01")) else value


def parse_percent(s: str) -> Decimal:
    """A percentage between 0 and 100 (``ร้อยละ``, ``%`` or a bare number).

    >>> parse_percent("ร้อยละ ๖๐"), parse_percent("= 1.00 %"), parse_percent("45")
    (Decimal('60'), Decimal('1.00'), Decimal('45'))
    >>> parse_percent("ร้อยละ 100.00"), parse_percent("100 ร้อยละ")
    (Decimal('100.00'), Decimal('100'))
    >>> parse_percent("ร้อยละ 120")
    Traceback (most recent call last):
    ...
    bma_etl.errors.NormalizeError: 'ร้อยละ 120' is not a percent: 120 is outside 0..100

    A decimal comma before two digits (``80,00 %``, ``ร้อยละ ๑๒,๕๐``) is the point:
    three digits after it are no percent's (``1,500 %`` is 1500, out of range).

    >>> parse_percent("= 80,00 %"), parse_percent("ร้อยละ ๑๒,๕๐")
    (Decimal('80.00'), Decimal('12.50'))
    """
    scan = to_arabic_digits(_PERCENT_WORDS.sub(" ", s))
    if len(_RUN.findall(scan)) == 1:
        scan = _DECIMAL_COMMA.sub(r"\1.\2", scan)
    value = _one_number(s, "a percent", scan)[0]
    if not Decimal(0) <= value <= Decimal(100):
        raise NormalizeError(f"{s!r} is not a percent: {value} is outside 0..100")
    return value


def parse_int(s: str) -> int:
    """The one whole number in ``s`` (Thai or Arabic digits).

    >>> parse_int("รายงานครั้งที่ 12"), parse_int("๑๖"), parse_int("1,500")
    (12, 16, 1500)
    >>> parse_int("22.5")
    Traceback (most recent call last):
    ...
    bma_etl.errors.NormalizeError: '22.5' is not a whole number: 22.5 has a fraction
    """
    value = _one_number(s, "a whole number")[0]
    if value != value.to_integral_value() or "." in str(value):
        raise NormalizeError(f"{s!r} is not a whole number: {value} has a fraction")
    return int(value)
