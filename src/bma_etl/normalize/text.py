"""Text field values: cleaning, outline numbers, names with phones, yes/no flags.

Stage: normalize. Consumes the raw text an extractor read for one field; produces
a cleaned ``str`` (Thai digits kept as printed: free text keeps them), a
``(name, phone)`` pair or a ``bool``, or raises
:class:`~bma_etl.errors.NormalizeError` naming the value.

The character-level repairs shared with the whole-document repair stage
(:mod:`bma_etl.textnorm`) live here too: :func:`join_sara_am`,
:func:`remove_zero_width` and :func:`lao_to_thai`.
"""

from __future__ import annotations

import re
import unicodedata

from pythainlp.util import normalize as thai_normalize

from bma_etl.errors import NormalizeError
from bma_etl.matchkey import key as match_key

__all__ = [
    "clean_text",
    "join_sara_am",
    "lao_to_thai",
    "parse_flag",
    "remove_zero_width",
    "split_person_phone",
    "strip_outline_number",
]

THAI_CONSONANTS = "\u0e01-\u0e2e"
TONE_MARKS = "\u0e48-\u0e4b"
NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
#: Prepended concatenation marks: format characters (``Cf``) that are drawn (Arabic
#: number signs, Kaithi number sign...), so they are not dropped as invisible.
_DRAWN_FORMATS = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f"
                           "\u0890\u0891\u08e2\U000110bd\U000110cd")
#: Every invisible format character (Unicode category ``Cf`` but
#: :data:`_DRAWN_FORMATS`, Unicode 14.0) as inclusive code point ranges: soft hyphen,
#: Arabic letter mark, Mongolian vowel separator, zero width space, non-joiner and
#: joiner, direction marks, embeddings and isolates, word joiner and invisible
#: operators, byte order mark, interlinear annotation marks, Egyptian hieroglyph
#: format controls, shorthand format controls, musical symbol beams, tag characters.
#: A literal, not a scan of every code point at import (tests/test_normalize_text.py
#: checks it against :mod:`unicodedata`).
_ZERO_WIDTH_RANGES = (
    (0x00AD, 0x00AD), (0x061C, 0x061C), (0x180E, 0x180E), (0x200B, 0x200F),
    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB), (0x13430, 0x13438), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F))
#: Editors put these inside words and labels; none is text.
ZERO_WIDTH = "".join(chr(c) for first, last in _ZERO_WIDTH_RANGES
                     for c in range(first, last + 1))

#: NIKHAHIT (OCR doubles it at times: ``ประจํําปี``), a tone mark or none, SARA AA: one ``ำ``.
_DECOMPOSED_AM = re.compile(f"{NIKHAHIT}+([{TONE_MARKS}]?){SARA_AA}")


def _ranges(chars: str) -> str:
    """``chars`` (in code point order) as a regex class body of ranges.

    A class of a hundred single characters is searched far slower than its dozen ranges.
    """
    runs: list[list[int]] = []
    for c in map(ord, chars):
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "")
                   for a, b in runs)


_ZERO_WIDTH_RE = re.compile(f"[{_ranges(ZERO_WIDTH)}]")
#: What :func:`remove_zero_width` looks for before it substitutes: each character of
#: the Basic Multilingual Plane with ``in`` (a fast scan each), and the few format
#: characters beyond it with one range (a class of many ranges is searched slowly).
_SHORT = 200
_ZERO_WIDTH_BMP = tuple(c for c in ZERO_WIDTH if c <= "\uffff")
_ZERO_WIDTH_ASTRAL = re.compile(
    f"[{re.escape(min(c for c in ZERO_WIDTH if c > chr(0xFFFF)))}-{re.escape(max(ZERO_WIDTH))}]")
_LAO = re.compile("[\u0e80-\u0eff]")


def join_sara_am(s: str) -> str:
    """Join a decomposed SARA AM (NIKHAHIT + SARA AA) into one ``ำ``.

    NFC does not join them (``ำ`` has only a compatibility decomposition). A tone
    mark printed between the two parts moves before the ``ำ``.

    >>> [join_sara_am(w) for w in ("สํานัก", "น\u0e4d\u0e49\u0e32", "ประจ\u0e4d\u0e4d\u0e32")]
    ['สำนัก', 'น้ำ', 'ประจำ']
    """
    if NIKHAHIT not in s:  # nothing to join: most text (``in`` is far cheaper than sub)
        return s
    return _DECOMPOSED_AM.sub(rf"\1{SARA_AM}", s)


def remove_zero_width(s: str) -> str:
    """Drop invisible format characters (:data:`ZERO_WIDTH`).

    Zero widths, the word joiner, the byte order mark, soft hyphens, direction marks.

    >>> remove_zero_width("กรุง\u200bเทพ\u00ad"), remove_zero_width("ชื่อ\u2060โครงการ")
    ('กรุงเทพ', 'ชื่อโครงการ')
    """
    if s.isascii():
        return s
    # Most text has none: looking costs less than a substitution that finds none; a
    # short value is searched once, a document's text scanned for each character.
    if _ZERO_WIDTH_RE.search(s) is not None if len(s) < _SHORT else \
            any(c in s for c in _ZERO_WIDTH_BMP) or _ZERO_WIDTH_ASTRAL.search(s) is not None:
        return _ZERO_WIDTH_RE.sub("", s)
    return s


def _lao_char(m: re.Match[str]) -> str:
    thai = chr(ord(m.group()) - 0x80)
    # Only where the Thai block has a character at the mirrored position.
    return thai if unicodedata.category(thai) != "Cn" else m.group()


def lao_to_thai(s: str) -> str:
    """Map Lao letters that stand for Thai back to Thai (the Lao block is Thai + 0x80).

    >>> lao_to_thai("เป็นທີ່เชิ")
    'เป็นที่เชิ'
    """
    return _LAO.sub(_lao_char, s)


_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_BREAK = re.compile("\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")


def clean_text(s: str) -> str:
    r"""A field value cleaned: NFC, SARA AM joined, zero widths gone, spaces collapsed.

    Each line goes through ``pythainlp.util.normalize`` and is stripped; blank
    lines are dropped; lines are joined with ``"\n"``. Thai digits stay.

    >>> clean_text("  สํานักงาน  การต่างประเทศ \n\n\t ๑๒  เมือง ")
    'สำนักงาน การต่างประเทศ\n๑๒ เมือง'
    """
    text = join_sara_am(unicodedata.normalize("NFC", remove_zero_width(s)))
    lines = _split_lines(text)
    if len(lines) == 1:  # most values
        return _clean_line(lines[0])
    return "\n".join(filter(None, map(_clean_line, lines)))


def _split_lines(text: str) -> list[str]:
    r"""``text`` split at every ``_LINE_BREAK`` (a trailing empty line may be left out).

    ``str.splitlines`` breaks at the same characters and at ``\x1c``-``\x1e``, which
    ``_LINE_BREAK`` does not, and is much faster: used when those are absent.
    """
    if "\x1c" in text or "\x1d" in text or "\x1e" in text:
        return _LINE_BREAK.split(text)
    return text.splitlines()


#: Anything pythainlp's ``normalize`` (or NFC / SARA AM joining) could change in a
#: line: a mark after a space or at the start, a nikhahit or lakkhangyao, a doubled
#: vowel or sign, a tone mark before a vowel, a follow vowel before a tone mark,
#: doubled SARA E. A line without any of these is only space-collapsed and stripped.
_NEEDS_THAI_NORMALIZE = re.compile(
    "(?:^|[ ])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
    "|[\u0e4d\u0e45]"
    "|([\u0e2f\u0e30-\u0e3a\u0e40-\u0e4e])[ ]*\\1"
    "|[\u0e48-\u0e4c][\u0e31\u0e34-\u0e3a\u0e47\u0e4d]"
    "|[\u0e30\u0e32\u0e33\u0e45\u0e46\u0e2f][\u0e48-\u0e4c]"
    "|[\u0e48-\u0e4b]{2}|[\u200b\u200c]"
)
# The same test split up, as :func:`_needs_thai_normalize` runs it: one search per
# alternative, each starting with a character or a small class the regex engine
# can skip to, costs about half the one search above, which tries every
# alternative at every character of the line. Single characters are found by
# ``in``; a tone mark before a vowel and doubled tone marks share one search.
_MARK = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
_MARK_FIRST = re.compile(_MARK)
_MARK_AFTER_SPACE = re.compile(f"[ ]{_MARK}")
_TONE_BEFORE_VOWEL_OR_TONE = re.compile(
    "[\u0e48-\u0e4c](?:[\u0e31\u0e34-\u0e3a\u0e47\u0e4d]|(?<=[\u0e48-\u0e4b])[\u0e48-\u0e4b])")
_FOLLOW_VOWEL_BEFORE_TONE = re.compile("[\u0e30\u0e32\u0e33\u0e45\u0e46\u0e2f][\u0e48-\u0e4c]")
_DOUBLED = re.compile("([\u0e2f\u0e30-\u0e3a\u0e40-\u0e4e])[ ]*\\1")


def _needs_thai_normalize(line: str) -> bool:
    """Tell whether ``_NEEDS_THAI_NORMALIZE`` finds anything in ``line`` (faster).

    >>> _needs_thai_normalize("สำนักงาน เขต"), _needs_thai_normalize("เเดง")
    (False, True)
    """
    if ("\u0e4d" in line or "\u0e45" in line or "\u200b" in line or "\u200c" in line
            or _MARK_FIRST.match(line)):
        return True
    return bool(_MARK_AFTER_SPACE.search(line) or _TONE_BEFORE_VOWEL_OR_TONE.search(line)
                or _FOLLOW_VOWEL_BEFORE_TONE.search(line) or _DOUBLED.search(line))


def _clean_line(line: str) -> str:
    # In a printable line the only white space is " " (tabs, no-break and other
    # spaces are not printable): str.split collapses it as _SPACES would, faster.
    quick = " ".join(line.split()) if line.isprintable() else _SPACES.sub(" ", line).strip(" ")
    if not _needs_thai_normalize(quick) and unicodedata.is_normalized("NFC", quick):
        return quick
    return _clean_line_slow(line)


def _clean_line_slow(line: str) -> str:
    # pythainlp's normalize is not idempotent ("ๅๅ" becomes "าๅ", then "า"),
    # and dropping a dangling mark can leave two spaces or marks out of
    # canonical order: repeat until the line no longer changes.
    for _ in range(4):
        cleaned = thai_normalize(_SPACES.sub(" ", line))
        cleaned = join_sara_am(unicodedata.normalize("NFC", cleaned))
        cleaned = _SPACES.sub(" ", cleaned).strip(" ")
        if cleaned == line:
            break
        line = cleaned
    return line


# Outline numbers, tried in order. Multi-level numbers in Thai digits (๗.๒.๑) are
# strategy codes in these documents and are kept; Arabic multi-level numbers
# (1.13) are section or list numbers and go.
_OUTLINE = (
    re.compile(r"\(\s*(?:[0-9]{1,2}|[๐-๙]{1,2})\s*\)"),  # (1)  (๑)
    re.compile(r"(?:[0-9]{1,2}|[๐-๙]{1,2})\)"),  # 1)  ๑)
    re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2}){0,2}\.(?![0-9])"),  # 1.  1.1.
    re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2}){1,2}(?=[ \t]|[\u0e01-\u0e4e])"),  # 1.13
    re.compile(r"[๐-๙]{1,2}\.(?![๐-๙0-9])"),  # ๑.
)
#: A multi-level number in Thai digits (``๓.๗``, ``๑.๒.๓.``) before a word: before a
#: project name an outline number as ``1.13`` is, never a strategy code.
_OUTLINE_THAI_LEVELS = re.compile(r"[๐-๙]{1,2}(?:\.[๐-๙]{1,2}){1,2}\.?(?=[ \t]|[\u0e01-\u0e4e])")
#: A two-level number OCR read with a gap after its point (``2. 14 โครงการ…`` for
#: ``2.14``), before a project name: its outline number whole, never ``2.`` alone.
_OUTLINE_GAPPED = re.compile(r"[0-9๐-๙]{1,2}\.[ \t][0-9๐-๙]{1,2}\.?(?=[ \t]+[\u0e01-\u0e4e])")


def strip_outline_number(s: str, *, name: bool = False) -> str:
    """Drop the list or section number that starts a value.

    Stripped: ``1.``, ``1.13``, ``1.2.3.``, ``(1)``, ``1)``, ``๑.``, ``(๑)``.
    Kept: Thai-digit codes with levels (``๗.๒.๑``: strategy codes), a bare number
    without a dot (``2566 ...``, ``12 คน``), and a value that is only a number.
    A value starting with a decimal such as ``22.5 คะแนน`` cannot be told from an
    outline number and loses it; apply this only to names and list items.
    ``name``: the value is a project name, which no strategy code opens, so a Thai
    multi-level number (``๓.๗ โครงการ...``) is its outline number and goes too.

    >>> strip_outline_number("1.13 โครงการส่งเสริม"), strip_outline_number("1.เพื่อส่งเสริม")
    ('โครงการส่งเสริม', 'เพื่อส่งเสริม')
    >>> strip_outline_number("(1) ความคืบหน้า"), strip_outline_number("๑. โครงการ")
    ('ความคืบหน้า', 'โครงการ')
    >>> strip_outline_number("๗.๒.๑ กรุงเทพมหานคร"), strip_outline_number("2566 ปีงบ")
    ('๗.๒.๑ กรุงเทพมหานคร', '2566 ปีงบ')
    >>> strip_outline_number("๓.๗ โครงการติดตั้ง", name=True)
    'โครงการติดตั้ง'
    >>> strip_outline_number("2. 14 โครงการก่อสร้าง", name=True)
    'โครงการก่อสร้าง'
    """
    text = s.strip()
    for pattern in (_OUTLINE_GAPPED, _OUTLINE_THAI_LEVELS, *_OUTLINE) if name else _OUTLINE:
        m = pattern.match(text)
        if m:
            rest = text[m.end() :].lstrip()
            return rest if rest else text
    return text


_PHONE_LABEL = r"(?:โทรศัพท์|โทร|(?i:tel|phone))\.?[ \t]*[:.]?[ \t]*"
_DIGIT = "[0-9๐-๙]"
_PHONE = (
    rf"{_DIGIT}(?:(?:[ \t]*[\-/,][ \t]*|[ \t])?{_DIGIT})*"
    rf"(?:[ \t]*(?:ต่อ|(?i:ext)\.?)[ \t]*{_DIGIT}+)?"
)
_LABELLED = re.compile(rf"\(?[ \t]*{_PHONE_LABEL}(?P<phone>{_PHONE})[ \t]*\)?[ \t]*$")
_PHONE_TAIL = 120
_TRAILING = re.compile(rf"(?<=[ \t])\(?[ \t]*(?P<phone>{_PHONE})[ \t]*\)?[ \t]*$")


#: A remark in brackets closing a person's value (``(ผู้ช่วย นายกิตติ ใจดี)``): a bracket
#: holding a Thai word other than a phone's label (``(ต่อ 1521)`` is the phone).
_PERSON_NOTE = re.compile(r"[ \t]*\((?P<body>[^()]*)\)[ \t]*$")
_PHONE_WORDS = frozenset({"โทร", "โทรศัพท์", "ต่อ", "ภายใน"})
#: A position stated after the name (``นาย ก ข ตำแหน่ง หัวหน้าฝ่ายโยธา``): no part of it.
_POSITION = re.compile(r"[ \t]+\(?[ \t]*ตำแหน่ง")


def _without_remark(text: str) -> str:
    """``text`` without a remark in brackets closing it (:data:`_PERSON_NOTE`)."""
    m = _PERSON_NOTE.search(text)
    if m is None or m.start() == 0:
        return text
    words = set(re.findall(r"[\u0e01-\u0e4e]+", m["body"]))
    return text[:m.start()].rstrip() if words - _PHONE_WORDS else text


def split_person_phone(s: str, *, person: bool = True) -> tuple[str, str | None]:
    """Split ``name phone`` into the name and the phone as printed (label removed).

    The name and the phone are substrings of ``s``. Without a ``โทร``/``Tel``
    label, a trailing group of three or more digits is the phone (names hold no
    digits).

    >>> split_person_phone("นางสาวพลอยนภัส พัฒน์ธัญ 1521")
    ('นางสาวพลอยนภัส พัฒน์ธัญ', '1521')
    >>> split_person_phone("น.ส.สมรภัทรธร โพธากุล โทร.1136")
    ('น.ส.สมรภัทรธร โพธากุล', '1136')
    >>> split_person_phone("นาย ก ข โทร. 0 2224 1234 ต่อ 1521")
    ('นาย ก ข', '0 2224 1234 ต่อ 1521')
    >>> split_person_phone("นางอรทัย ศรีสวัสดิ์ (5512)")
    ('นางอรทัย ศรีสวัสดิ์', '5512')
    >>> split_person_phone("นางวิมลพรรณ พิมสาร")
    ('นางวิมลพรรณ พิมสาร', None)

    A position after a person's name and a remark in brackets closing the value are
    no part of either (the text keeps them); a unit's name (``person=False``) keeps
    its brackets:

    >>> split_person_phone("นาย ก ข ตำแหน่ง หัวหน้าฝ่ายโยธา โทร. 0 2421 1234 ต่อ 8812")
    ('นาย ก ข', '0 2421 1234 ต่อ 8812')
    >>> split_person_phone("นางสาว ค ง โทร. 1544 (ผู้ช่วย นายกิตติ ใจดี)")
    ('นางสาว ค ง', '1544')
    """
    text = _without_remark(s.strip()) if person else s.strip()
    if not text:
        raise NormalizeError(f"{s!r} names no person")
    # A phone is short and printed last: look only at the tail, so a long value
    # costs linear time whatever it holds.
    base = max(0, len(text) - _PHONE_TAIL)
    m = _LABELLED.search(text, base)
    if m is None:
        m = _TRAILING.search(text, base)
        if m is None or len(re.findall(_DIGIT, m.group("phone"))) < 3:
            return _before_position(text), None
    name = _before_position(text[: m.start()].rstrip(" \t(,;:-–"))
    return name, m.group("phone").strip()


def _before_position(name: str) -> str:
    """``name`` up to a position stated after it (:data:`_POSITION`)."""
    m = _POSITION.search(name)
    return name[:m.start()] if m else name


_FLAGS = {
    "เป็นไปตามแผน": True,
    "ไม่เป็นไปตามแผน": False,
    "เป็นไปตามเป้าหมาย": True,
    "ไม่เป็นไปตามเป้าหมาย": False,
    "ตามแผน": True,  # other wording of a form's flags: the plan's
    "ไม่ตามแผน": False,
    "ล่าช้ากว่าแผน": False,  # behind the plan; ahead of it (เร็วกว่าแผน) is neither
    "ตามเป้าหมาย": True,  # the target's
    "ไม่ตามเป้าหมาย": False,
    "บรรลุเป้าหมาย": True,
    "ไม่บรรลุเป้าหมาย": False,
    "ใช่": True,
    "ไม่ใช่": False,
    "มี": True,
    "ไม่มี": False,
    "ใช้งบประมาณ": True,
    "ไม่ใช้งบประมาณ": False,
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
}
#: The flags by their key form (:func:`bma_etl.matchkey.key`), for damaged text.
_FLAG_KEYS = {match_key(flag): value for flag, value in _FLAGS.items() if len(match_key(flag)) >= 5}
_FLAG_NOISE = re.compile(r"[\s:\uff1a.;,()\[\]|*\"'“”]+")


def parse_flag(s: str) -> bool:
    """A yes/no statement as a ``bool``.

    >>> parse_flag(": เป็นไปตามแผน"), parse_flag("ไม่เป็นไปตามเป้าหมาย"), parse_flag("TRUE")
    (True, False, True)
    >>> parse_flag("เป็นไปตามเเผน"), parse_flag("ไมเป็นไปตามเปาหมาย")  # typed เเ; OCR lost marks
    (True, False)
    >>> parse_flag("ล่าช้า")
    Traceback (most recent call last):
    ...
    bma_etl.errors.NormalizeError: 'ล่าช้า' is not a yes/no statement
    """
    key = _FLAG_NOISE.sub("", join_sara_am(unicodedata.normalize("NFC", s))).casefold()
    if key in _FLAGS:
        return _FLAGS[key]
    folded = match_key(key)  # marks lost or doubled, เเ for แ: the words are still there
    if len(folded) >= 5 and folded in _FLAG_KEYS:
        return _FLAG_KEYS[folded]
    raise NormalizeError(f"{s!r} is not a yes/no statement")
