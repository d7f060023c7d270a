"""Codes as stored: project and unit codes, phone numbers, policy and kpi ids.

Stage: normalize (a parser of :mod:`bma_etl.normalize.fields`, for the fields
:mod:`bma_etl.records` declares ``Parse("code")``). Consumes a code's text as
printed; produces it with Arabic digits, the ASCII hyphen and no surrounding junk,
or raises :class:`~bma_etl.errors.NormalizeError`.
"""

from __future__ import annotations

import re
import unicodedata

from bma_etl.errors import NormalizeError
from bma_etl.normalize.digits import to_arabic_digits

__all__ = ["CODE_DASH", "code_dashed", "letters_in_code", "parse_code"]

#: A code's dash as printed: the ASCII hyphen, or a hyphen, en or em dash or minus sign
#: of Unicode (``50210000–4711``, a word processor's). A code is stored with the ASCII
#: hyphen (:func:`parse_code`), so codes compare and join across documents; the layouts
#: that find a code by its shape take any of these (the printed text stays in provenance).
CODE_DASH = "[-\u2010-\u2015\u2212]"
#: Stray marks OCR puts around a code, and spaces around its dash (or its dash read
#: twice across a space: ``06789641- -9098``).
_CODE_JUNK = " \t.,;:'\"|"
_CODE_DASH = re.compile(rf"(?<=[0-9]) ?{CODE_DASH}(?: {CODE_DASH})? ?(?=[0-9])")
#: A code of digits, a dash and digits with one space OCR put between two digits
#: of a group (``2186757 1-8226``): a code holds no space.
_CODE_GAP = re.compile(r"[0-9]+(?: [0-9]+)?-[0-9]+(?: [0-9]+)?")
#: A project's code (``50140000-7215``) and then, after a space, a bracket or a word.
_PROJECT_CODE_THEN_NOTE = re.compile(r"(?P<code>[0-9]{8}-[0-9]{4})\s+(?=[(\[\u0e01-\u0e4e])")
#: Letters (Thai or Latin, with their marks) glued between a code's digits, or between
#: its digits and its dash: ``15896อออ-7344``, OCR's reading of handwriting over
#: ``15090000-7314``. A code prints digits and dashes; a phone's extension word stands
#: apart, or is one of :data:`_EXTENSION_WORDS` when glued.
_LETTERS_IN_CODE = re.compile(
    rf"[0-9๐-๙]{CODE_DASH}?(?P<letters>[A-Za-z\u0e01-\u0e3a\u0e40-\u0e4e]+)"
    rf"{CODE_DASH}?[0-9๐-๙]")
_EXTENSION_WORDS = frozenset({"ต่อ", "ext", "Ext", "EXT", "x"})
#: A code whose dashes a text dump moved to the line's end (pypdf's layout mode:
#: ``05020000 4417                     -``, ``5012 0871-``): its digit groups apart, then
#: the dashes alone. Not the form of any code: it is read by :func:`_displaced_dashes`.
_DISPLACED_DASHES = re.compile(
    r"(?P<groups>[0-9]+(?:[ \t]+[0-9]+)+)[ \t]*(?P<dashes>-(?:[ \t]*-)*)")


def code_dashed(text: str) -> str:
    """``text`` with Arabic digits and every dash of :data:`CODE_DASH` an ASCII hyphen.

    For comparing two codes as printed (:func:`parse_code` also drops junk and gaps).

    >>> code_dashed("๐๔๑๖\u2013๑๐๔๔")
    '0416-1044'
    """
    return re.sub(CODE_DASH, "-", to_arabic_digits(text))


def letters_in_code(text: str) -> str | None:
    """The letters OCR read glued inside a code's digits (``text`` as read), or None.

    Such a code is not in its field's form: its digits were misread (a trust rule,
    :func:`bma_etl.normalize.trust_doubts.doubt_of`, holds it doubtful).

    >>> letters_in_code("15896อออ-7344"), letters_in_code("15090000-7314")
    ('อออ', None)
    >>> letters_in_code("2224ต่อ123"), letters_in_code("02 224 1234 ต่อ 5")
    (None, None)
    """
    for m in _LETTERS_IN_CODE.finditer(unicodedata.normalize("NFC", text)):
        if m["letters"] not in _EXTENSION_WORDS:
            return m["letters"]
    return None


def parse_code(text: str) -> str:
    """An identifier with Arabic digits and no surrounding space.

    Raises :class:`~bma_etl.errors.NormalizeError` when ``text`` is no code.

    >>> parse_code(" ๐๔๑๖-๑๐๔๔ "), parse_code(", 15090000- 7314")
    ('0416-1044', '15090000-7314')
    >>> parse_code("06789641- -9098"), parse_code("2186757 1-8226")
    ('06789641-9098', '21867571-8226')
    >>> parse_code("50210000\u20134711")  # an en dash: the ASCII hyphen stored
    '50210000-4711'

    A project's code (eight digits, a dash, four) followed on its line by a note or a
    second, labelled code is the code alone (``50140000-7215 (รหัสเดิม 50140000-6801)``,
    ``50140000-7215 รหัสงบประมาณ 5014-0102-01``); any other code is the value whole (a
    phone's ``ต่อ 123`` stays). A tab inside is a cell's end: the value ran on into the
    next cell (a page's sidebar beside the field), and which part is the code is not
    known: an error.

    A code whose dashes a text dump moved to the line's end, after its digit groups
    (``05020000 4417          -``), is those groups joined by the dashes when there is
    one dash between every two groups; with more or fewer dashes which groups a dash
    joined is not known: an error (a code stored in a form no other copy has would
    match nothing).

    >>> parse_code("05020000 4417                     -"), parse_code("5012 0871-")
    ('05020000-4417', '5012-0871')
    """
    value = to_arabic_digits(unicodedata.normalize("NFC", text)).strip(_CODE_JUNK)
    if (m := _DISPLACED_DASHES.fullmatch(code_dashed(value))) is not None:
        return _displaced_dashes(text, m)
    if "\t" in value:
        raise NormalizeError(f"{text!r} runs on into another cell: not a code")
    value = _CODE_DASH.sub("-", value)
    if (m := _PROJECT_CODE_THEN_NOTE.match(value)) is not None:
        return m["code"]
    if _CODE_GAP.fullmatch(value):
        value = value.replace(" ", "")
    if not value:
        raise NormalizeError(f"{text!r} is not a code")
    return value


def _displaced_dashes(text: str, m: re.Match[str]) -> str:
    """The code of ``m`` (:data:`_DISPLACED_DASHES`): its groups joined by its dashes.

    Raises :class:`~bma_etl.errors.NormalizeError` when the dashes are not one fewer
    than the groups (``5012 0871 - -``: which groups a dash joined is not known).
    """
    groups = m["groups"].split()
    if m["dashes"].count("-") != len(groups) - 1:
        raise NormalizeError(
            f"{text!r}: a code's digit groups with its dashes moved away, and not one "
            "dash between every two groups: not a code")
    return "-".join(groups)
