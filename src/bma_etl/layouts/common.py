"""Pieces of reading that several layouts share (not a layout itself).

Stage: extract. Person-and-phone cells, agency paths. (Status words: :mod:`.status_words`.)
"""

from __future__ import annotations

import re
from decimal import Decimal

from bma_etl.layouts.base import Derived, Raw, RawRow, RepairedText
from bma_etl.normalize.text import clean_text, split_person_phone, strip_outline_number

#: After OCR, the phone's label read with letters wrong (``บุญมา 15.4334``: ``โทร.`` read
#: ``15.``): a word of at most four characters ending in a dot, then Arabic digits alone.
_OCR_MISREAD_LABEL = re.compile(r"[ \t]+[^\s.]{1,4}\.[ \t]*(?P<phone>[0-9]{3,})[ \t]*$")
#: After OCR, the phone's label read and its number not (``ศาสตร์พันธ์ i โทร.5!``):
#: the name ends at the label; no phone is read.
_OCR_LABEL_ONLY = re.compile(r"[ \t]+(?:โทรศัพท์|โทร)\.?[^\u0e00-\u0e7f]{0,8}$")
#: After OCR, the phone's label read as a short Latin word with its dot (``ทองประเสริฐ
#: Ins. 8905-30``: ``โทร.`` read ``Ins.``), the phone found after it: no Thai name ends so.
_OCR_LATIN_LABEL = re.compile(r"[ \t]+[A-Za-z]{1,4}\.[ \t]*$")
#: After OCR, a lone lowercase Latin letter or mark ending a name (a speck or a rule's
#: end read as ``i``, ``l``, ``|``, ``'``): no Thai name ends so.
_OCR_LONE_END = re.compile(r"(?:[ \t]+[a-z|!'`.,:;]){1,2}[ \t]*$")


def ocr_person_phone(name: str, found: bool = False) -> tuple[str, str | None]:
    """The name :func:`split_person_phone` left, and a phone, as OCR damages them.

    ``name`` is the name part of an OCR'd ``name โทร.1234``; ``found``, whether
    a phone was found after it. Returns the name and the phone (Arabic digits)
    or None. With no phone found, the label read with letters wrong before
    digits alone (:data:`_OCR_MISREAD_LABEL`) ends the name and gives the phone;
    the label read and its number not (:data:`_OCR_LABEL_ONLY`; ``โทร.5! 5549``,
    the phone then found after it) ends the name and gives no phone, and so does the
    label read as a short Latin word, the phone found (:data:`_OCR_LATIN_LABEL`); a
    speck ending the name is dropped (:data:`_OCR_LONE_END`).

    >>> ocr_person_phone("นางสาวณัฐพล บุญมา 15.4334")
    ('นางสาวณัฐพล บุญมา', '4334')
    >>> ocr_person_phone("นายวิมลพรรณ ศาสตร์พันธ์ i โทร.5!")
    ('นายวิมลพรรณ ศาสตร์พันธ์', None)
    >>> ocr_person_phone("นาย ก ข 12.3456", found=True)
    ('นาย ก ข 12.3456', None)
    >>> ocr_person_phone("น.ส.ก ข")
    ('น.ส.ก ข', None)
    >>> ocr_person_phone("น.ส.กมลวรรณ ทองประเสริฐ Ins.", found=True)
    ('น.ส.กมลวรรณ ทองประเสริฐ', None)
    """
    phone = None
    if not found and (m := _OCR_MISREAD_LABEL.search(name)):
        name, phone = name[:m.start()], m.group("phone")
    elif (m := _OCR_LABEL_ONLY.search(name)) or (found and (m := _OCR_LATIN_LABEL.search(name))):
        name = name[:m.start()]
    if m := _OCR_LONE_END.search(name):
        name = name[:m.start()]
    return name, phone


#: A person's value that states none: a dash alone (``-``, ``–``, ``—``), maybe with a point.
_NO_PERSON = re.compile(r"\s*[-–—]+\s*\.?\s*")


def split_person_raw(doc: RepairedText, raw: Raw, row: RawRow, name_field: str,
                     phone_field: str, *, person: bool = True) -> None:
    """Split ``นาย ก ข โทร.1234`` into a name and a phone, each keeping its span.

    ``person=False``: the name is a unit's (``ฝ่ายโยธา (งานสวน) โทร. 6543``), its
    brackets kept (:func:`~bma_etl.normalize.text.split_person_phone`).

    After OCR, the name is looked at again (:func:`ocr_person_phone`). A dash alone
    (``ผู้ประสานงาน สยป : -``) states no person: neither field is set (NULL).
    """
    if _NO_PERSON.fullmatch(raw.text):
        return
    name, phone = split_person_phone(raw.text, person=person)
    if doc.ocr_used:
        name, more = ocr_person_phone(name, found=phone is not None)
        phone = phone or more
    name_at = raw.text.find(name) if name else -1
    if name and name_at >= 0:
        piece = doc.sub_raw(raw, name_at, name_at + len(name))
        if piece is not None:
            row.fields[name_field] = _title_put_right(piece) if doc.ocr_used else piece
    elif name:
        row.fields[name_field] = raw
    if phone:
        phone_at = raw.text.rfind(phone)
        if phone_at >= 0:
            piece = doc.sub_raw(raw, phone_at, phone_at + len(phone))
            if piece is not None:
                row.fields[phone_field] = piece


#: The title ``น.ส.`` as OCR reads it before a name: a point lost or read as a comma, a
#: speck read as a lower vowel under ``น`` (``นส.``, ``นุส.``, ``น, ส.``, ``น.ส ``); never
#: another title that opens so (``น.สพ.``).
_OCR_MISS_TITLE = re.compile(r"^น\s*(?:[.,]\s*|\u0e38)?ส(?:\s*[.,]\s*|\s+)(?=[\u0e01-\u0e2e])")


def _title_put_right(name: Raw) -> Raw | Derived:
    """``name`` (OCR'd), with a title ``น.ส.`` OCR damaged written as printed (derived).

    No Thai word opens a name with ``นส``: the letters are the title's, its points
    lost or misread; the name after it is as read.

    >>> from bma_etl.provenance import Span
    >>> _title_put_right(Raw("นส. ณัฐพล สุขเจริญ", Span(1, 0, 18))).value
    'น.ส.ณัฐพล สุขเจริญ'
    >>> [isinstance(_title_put_right(Raw(t, Span(1, 0, 9))), Raw) for t in ("น.ส.ณัฐพล", "น.สพ.ชัย")]
    [True, True]
    """
    m = _OCR_MISS_TITLE.match(name.text)
    if m is None or m.group().replace(" ", "") == "น.ส.":
        return name
    return Derived("น.ส." + name.text[m.end():], f"the title น.ส. OCR read as {m.group()!r}",
                   name.span)


def strip_outline_raw(doc: RepairedText, raw: Raw, *, name: bool = False) -> Raw:
    """Drop a leading list or outline number (``1.``, ``1.13``) from a name or item.

    ``name``: ``raw`` is a project name, whose Thai multi-level number (``๓.๗``) goes too
    (:func:`strip_outline_number`).
    """
    stripped = strip_outline_number(raw.text, name=name)
    if stripped == raw.text:
        return raw
    at = raw.text.rfind(stripped)
    piece = doc.sub_raw(raw, at, len(raw.text)) if at >= 0 else None
    return piece or raw


#: After OCR, the slash between an agency and its division read as a rule or a Latin
#: stroke standing alone (``สำนักการคลัง | กองรายได้``, ``สำนักสิ่งแวดล้อม i⇥สำนักงาน…``).
_OCR_SLASH = re.compile(r"(?<=\S)[ \t]+(?P<mark>[|iIl!])[ \t]+(?=\S)")


#: The words an organisation's name opens with (``ส่วนคดี``, ``ฝ่ายโยธา``,
#: ``โรงพยาบาลกลาง``, ``เขตดุสิต``): one list for every reader that asks whether some
#: words name an organisation (a division after a lost slash; a plan's unit run into
#: its budget cell, :mod:`bma_etl.layouts.plan_values`).
ORGANISATION_WORD = (r"(?:สำนักงาน|สำนัก|กลุ่มงาน|กอง|ฝ่าย|ส่วน|ศูนย์|หน่วย|โรงพยาบาล"
                     r"|โรงเรียน|เขต)")

#: After OCR, the slash that ended a line lost, or read as a Latin stroke or two
#: (``สำนักป้องกันและบรรเทาสาธารณภัย⇥if`` / ``กองปฏิบัติการ…``): a line break before
#: any ``/``, the next line opening with a division's word (:data:`ORGANISATION_WORD`).
#: An agency's name wrapped onto a second line never opens it with one; ``เขต`` and
#: ``สำนัก`` may (``สำนักงาน`` / ``เขตบางรัก``) and ``โรงเรียน`` is no division of a
#: tracking page: those three are not taken here.
_OCR_SLASH_AT_WRAP = re.compile(
    rf"(?:[ \t]+[A-Za-z|!]{{1,2}})?[ \t]*\n\s*(?={ORGANISATION_WORD})(?!เขต|สำนัก(?!งาน)|โรงเรียน)")


#: An organisation's code in a bracket ending its name (``สำนักการระบายน้ำ (รหัส 1100)``,
#: ``(รหัสหน่วยงาน : 1100)``, ``(1100)``).
_ORGANISATION_CODE = re.compile(r"[ \t]*\([ \t]*(?:รหัส(?:หน่วยงาน)?[ \t]*[:.]?[ \t]*)?"
                                r"[0-9๐-๙]{2,10}[ \t]*\)[ \t]*$")


#: An organisation's code in a bracket ending a part of the path, no word before it
#: (``สำนักการระบายน้ำ (09000000) / สำนักงานระบบควบคุมน้ำ (09020000)``): six to ten digits.
_PART_CODE = re.compile(r"[ \t]*\([ \t]*(?P<code>[0-9๐-๙]{6,10})[ \t]*\)(?=[ \t]*(?:/|$))")


def _division_without_codes(doc: RepairedText, division: Raw, row: RawRow,
                            code_column: str | None) -> Raw | Derived:
    """``division`` with its parts' bracketed codes (:data:`_PART_CODE`) left out.

    The last part's code (the unit's) goes to ``code_column`` unless filled; the
    parts are joined by `` / ``, a repeated part once (derived: the names as printed).
    """
    codes = list(_PART_CODE.finditer(division.text))
    if not codes:
        return division
    last = codes[-1]
    if code_column and "/" not in division.text[last.end():] \
            and row.fields.get(code_column) is None:
        code = doc.sub_raw(division, last.start("code"), last.end("code"))
        if code is not None:
            row.fields[code_column] = code
    parts = [p.strip() for p in _PART_CODE.sub("", division.text).split("/") if p.strip()]
    return Derived(" / ".join(dict.fromkeys(parts)),
                   "organisation codes in brackets left out of the names", division.span)


def split_agency_raw(doc: RepairedText, raw: Raw, row: RawRow,
                     code_column: str | None = None) -> None:
    """``agency / division / unit`` → agency (first part) and division (the rest).

    A column already filled keeps its value (the first statement wins). After OCR,
    a ``|`` (or a lone ``i``, ``l``, ``I``, ``!``) between spaces before any ``/`` is a
    slash read as a rule (``สำนักการคลัง | กองรายได้ / กองรายได้``): no agency's name
    holds one. A slash lost where the line wrapped is found by the division's word
    that opens the next line (:data:`_OCR_SLASH_AT_WRAP`). An organisation's code in a
    bracket after the agency's or the division's name (``สำนักการระบายน้ำ (รหัส 1100)``:
    :func:`_without_code`) is no part of the name, and is not stored: ``unit_code`` holds
    the unit's code, another kind. Each part's code in a bracket with no word before it
    (``สำนักการระบายน้ำ (09000000) / … (09020100)``, six to ten digits) is no part of its
    name either; with a ``code_column`` (``unit_code``) the last part of the division
    (the unit) gives its code to that column, unless filled; an agency's never does.
    """
    slash = raw.text.find("/")
    end = slash if slash >= 0 else len(raw.text)
    rest = slash + 1
    if doc.ocr_used and (rule := _OCR_SLASH.search(raw.text, 0, end)):
        slash = rest = rule.start("mark")
        rest += 1
    elif doc.ocr_used and (wrap := _slash_at_wrap(doc, raw, end)) is not None:
        slash, rest = wrap
    agency = raw if slash < 0 else doc.sub_raw(raw, 0, slash)
    division = None if slash < 0 else doc.sub_raw(raw, rest, len(raw.text))
    if agency is not None and (bare := _PART_CODE.search(agency.text)) is not None:
        agency = doc.sub_raw(agency, 0, bare.start())
    named: Raw | Derived | None = None
    if division is not None:
        named = (_division_without_codes(doc, division, row, code_column)
                 if _PART_CODE.search(division.text) else _without_code(doc, division))
    if agency is not None and row.fields.get("agency") is None:
        row.fields["agency"] = _without_code(doc, agency)
    if named is not None and row.fields.get("division") is None:
        row.fields["division"] = named


def _without_code(doc: RepairedText, name: Raw) -> Raw | Derived | None:
    """``name`` without an organisation's code in a bracket at its end.

    The name alone, derived, its evidence the text as printed with the bracket:
    ``สำนักการระบายน้ำ (รหัส 1100)`` → ``สำนักการระบายน้ำ``. ``name`` itself when it ends
    with no such bracket; None when the bracket is all it holds.
    """
    coded = _ORGANISATION_CODE.search(name.text)
    if coded is None:
        return name
    alone = doc.sub_raw(name, 0, coded.start())
    if alone is None or not clean_text(alone.text):
        return None
    return Derived(clean_text(alone.text), f"the code in a bracket after the name "
                   f"({coded.group().strip()}) is no part of it", name.span)


def _slash_at_wrap(doc: RepairedText, raw: Raw, end: int) -> tuple[int, int] | None:
    """Where a slash lost at a line's end stood in ``raw.text``, and the division after it.

    Offsets before ``end`` (:data:`_OCR_SLASH_AT_WRAP`), or None. A value read across
    a wrap holds its lines joined: the line break is looked for in the document's text
    under the value's span, and its place mapped back by counting the letters (not
    white space) before it.
    """
    stated = doc.text[raw.span.char_start:raw.span.char_end]
    upto = stated.find("/")
    wrap = _OCR_SLASH_AT_WRAP.search(stated, 0, upto if upto >= 0 else len(stated))
    if wrap is None:
        return None
    a, b = (_at_letter(raw.text, len("".join(stated[:at].split()))) for at in wrap.span())
    return (a, b) if 0 < a <= b <= end else None


def _at_letter(text: str, n: int) -> int:
    """Offset in ``text`` just past its ``n``-th letter that is not white space."""
    seen = 0
    for i, ch in enumerate(text):
        if seen == n:
            return i
        seen += not ch.isspace()
    return len(text)


#: A baht amount whose thousands commas OCR read as dots, some or all (``19,696.000.00``,
#: ``20,833.000``): a group of three digits after a dot is no satang (a baht amount
#: prints two), so each dot before such a group is a comma; two digits after the last
#: dot are the satang. OCR may put a space after a mark (``14.984, 000``), or read a
#: comma as both marks (``20,249.,000``, ``5.,782.500.00``).
_GROUP_MARK = r"(?:\.,|,\.|[.,]) ?"
_AMOUNT_DOTS_RE = re.compile(
    rf"^\s*(?P<n>[0-9]{{1,3}}(?:{_GROUP_MARK}[0-9]{{3}})*(?:\.,?|,\.) ?[0-9]{{3}}"
    rf"(?:{_GROUP_MARK}[0-9]{{3}})*)(?:\.(?P<satang>[0-9]{{2}}))?\s*$")


def amount_dots_misread(raw: Raw) -> Derived | None:
    """The amount ``raw`` states when OCR read its commas as dots (:data:`_AMOUNT_DOTS_RE`).

    ``19,696.000.00`` → ``19696000.00``; None for any other text (``20,833.00`` is an
    amount with satang, read as it is).

    >>> amount_dots_misread(Raw("20,833.000", None)).value  # type: ignore[arg-type]
    Decimal('20833000')
    >>> amount_dots_misread(Raw("14.984, 000", None)).value  # type: ignore[arg-type]
    Decimal('14984000')
    >>> amount_dots_misread(Raw("5.,782.500.00", None)).value  # type: ignore[arg-type]
    Decimal('5782500.00')
    >>> amount_dots_misread(Raw("20,249.,000", None)).value  # type: ignore[arg-type]
    Decimal('20249000')
    >>> amount_dots_misread(Raw("20,833.00", None)) is None
    True
    """
    m = _AMOUNT_DOTS_RE.match(raw.text)
    if m is None:
        return None
    digits = re.sub(r"[., ]", "", m["n"]) + (f".{m['satang']}" if m["satang"] else "")
    return Derived(Decimal(digits), f"OCR read the amount's commas as dots: {raw.text.strip()!r}",
                   raw.span)
