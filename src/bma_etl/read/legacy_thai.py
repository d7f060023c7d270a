"""Thai text that old fonts encoded their own way, made standard Thai as it is read.

Stage: read (every reader, before any repair). Two kinds of text older Thai
office software leaves:

- **Private Use Area forms.** Thai Windows fonts of old, and the shaping of
  Adobe's and HarfBuzz's fallback, give a tone mark or vowel moved down or left
  (and ฐ/ญ without their descender) as a code point of U+F700-U+F71A or
  U+F884-U+F89E. :func:`pua_to_thai` maps each to its Thai character with
  :data:`bma_etl.textnorm.PUA_TO_THAI` (HarfBuzz's table).
- **TIS-620 bytes shown as Latin-1.** A font with an 8-bit Thai encoding and no
  ``ToUnicode`` gives its text as the Latin-1 (Windows-1252) letters of the
  TIS-620 bytes: ``ÊÓ¹Ñ¡§Ò¹`` for ``สำนักงาน``. :func:`tis620_recoded` finds lines
  whose letters are mostly of U+00A1-U+00FB, and decodes them as Windows-874
  when the Thai they give is Thai of the word list.

Both change one character for one, so offsets into the text stay valid.
"""

from __future__ import annotations

import re
from functools import cache

from bma_etl.textnorm import PUA_TO_THAI

__all__ = ["may_be_legacy", "pua_to_thai", "recoded_message", "soft_hyphens_kept",
           "tis620_recoded"]

_PUA = re.compile("[\uf700-\uf71a\uf884-\uf89e]")
#: Latin-1 letter U+00A1-U+00FB -> the Windows-874 character of the same byte
#: (TIS-620 is Windows-874's upper half; its unassigned bytes stay as they are).
_TIS_AS_LATIN1: dict[int, str] = {}
for _code in range(0xA1, 0xFC):
    try:
        _TIS_AS_LATIN1[_code] = bytes([_code]).decode("cp874")
    except UnicodeDecodeError:
        pass
_HIGH = re.compile("[\u00a1-\u00fb]")
#: Either kind (:data:`_PUA`, :data:`_HIGH`): one walk over a text that has neither.
_EITHER = re.compile("[\uf700-\uf71a\uf884-\uf89e\u00a1-\u00fb]")
#: The letters a line of TIS-620 shown as Latin-1 has few of: ASCII and Thai.
_OTHER_LETTER = re.compile("[A-Za-z\u0e01-\u0e5b]")
#: A line is a candidate when this many of its letters, or more, are U+00A1-U+00FB.
HIGH_SHARE = 0.6
#: ... and it holds at least this many of them (``é`` in a name is no Thai).
MIN_HIGH = 3
#: Of the Thai letters the candidate lines decode to, the share that must fall in
#: words of the Thai word list.
WORD_SHARE = 0.6


def may_be_legacy(text: str) -> bool:
    """Whether :func:`pua_to_thai` or :func:`tis620_recoded` could change ``text``.

    Neither makes a character the other looks for, so a text with neither kind
    is left as it is by both; one walk finds that out (each walks all of it).

    >>> may_be_legacy("สำนักงาน 2566"), may_be_legacy("ไม\uf70aมี"), may_be_legacy("â¤Ã§")
    (False, True, True)
    """
    return _EITHER.search(text) is not None


def pua_to_thai(text: str) -> str:
    r"""``text`` with every Private Use Area Thai form made its Thai character.

    >>> pua_to_thai("ไม\uf70aมี ผู\uf70bรับจ\uf70bาง")
    'ไม่มี ผู้รับจ้าง'
    """
    if not _PUA.search(text):
        return text
    return text.translate(PUA_TO_THAI)


#: pdfium's mark for a soft hyphen (U+00AD) it read, between two Latin-1 letters.
_SOFT_HYPHEN_MARK = re.compile("(?<=[\u00a1-\u00fb])\x02(?=[\u00a1-\u00fb])")


def soft_hyphens_kept(raw: str) -> str:
    r"""A PDF page's text with pdfium's soft-hyphen mark between Latin-1 letters U+00AD again.

    pdfium reports a U+00AD it reads as ``\x02`` (a hyphen); in TIS-620 bytes shown
    as Latin-1 that byte is ญ (``»Ñ\x02ËÒ``, ปัญหา). One character for one; a soft
    hyphen elsewhere is left to the repair that drops it.

    >>> soft_hyphens_kept("\u00bb\u00d1\x02\u00cb\u00d2 2025\x0210") == "»Ñ\u00adËÒ 2025\x0210"
    True
    """
    if "\x02" not in raw:
        return raw
    return _SOFT_HYPHEN_MARK.sub("\u00ad", raw)


def _share(line: str) -> float:
    """Share of U+00A1-U+00FB among them and the line's ASCII and Thai letters.

    0 under :data:`MIN_HIGH` of them.
    """
    high = len(_HIGH.findall(line))
    if high < MIN_HIGH:
        return 0.0
    return high / (high + len(_OTHER_LETTER.findall(line)))


@cache
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def _mostly_words(text: str) -> bool:
    """Whether most Thai letters of ``text`` fall in words of pythainlp's word list."""
    from pythainlp.tokenize import word_tokenize

    words = _dictionary()
    known = total = 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=False):
        thai = sum(1 for c in token if "\u0e01" <= c <= "\u0e5b")
        total += thai
        if thai and token in words:
            known += thai
    return total > 0 and known >= WORD_SHARE * total


def tis620_recoded(text: str) -> tuple[str, int]:
    r"""``text`` with its TIS-620-as-Latin-1 lines decoded, and how many lines were.

    Lines where :data:`HIGH_SHARE` of the letters (and at least :data:`MIN_HIGH`)
    are U+00A1-U+00FB are decoded when together they decode to Thai whose letters
    fall :data:`WORD_SHARE` in words of the Thai word list; then a line with fewer
    of them (Thai beside English words) is decoded when its own Thai passes that
    test, and a piece with no other letter (``Õè``) too. Otherwise nothing changes
    (English, accented names, real Latin-1 text).

    >>> tis620_recoded("Ê¶Ò¹Ð¢Í§â¤Ã§¡ÒÃ : 2566\nâ¤Ã§¡ÒÃ (Project)\nCafé José")
    ('สถานะของโครงการ : 2566\nโครงการ (Project)\nCafé José', 2)
    """
    if not _HIGH.search(text):
        return text, 0
    lines = text.split("\n")
    shares = {i: share for i, line in enumerate(lines) if (share := _share(line))}
    mostly = [i for i, share in shares.items() if share >= HIGH_SHARE]
    if not mostly:
        return text, 0
    decoded = {i: lines[i].translate(_TIS_AS_LATIN1) for i in mostly}
    if not _mostly_words("\n".join(decoded.values())):
        return text, 0
    # A line of as many Latin letters (``โครงการ (Project)``) is decoded when
    # its own Thai is Thai of the word list.
    for i in shares.keys() - decoded.keys():
        line = lines[i].translate(_TIS_AS_LATIN1)
        if _mostly_words(line):
            decoded[i] = line
    # A piece too short to judge (``Õè`` of ``·Õè``, cut off by a cell's edge) with
    # no other letter is of the same text.
    for i, line in enumerate(lines):
        if i not in decoded and _HIGH.search(line) and not _OTHER_LETTER.search(line):
            decoded[i] = line.translate(_TIS_AS_LATIN1)
    for i, line in decoded.items():
        lines[i] = line
    return "\n".join(lines), len(decoded)


def recoded_message(count: int, unit: str = "line") -> str:
    """The finding for a document of which ``count`` lines (or pages) were decoded.

    >>> recoded_message(2, "page")[:56]
    '2 pages held TIS-620 bytes shown as Latin-1 letters (a f'
    """
    return (f"{count} {unit}{'s' if count > 1 else ''} held TIS-620 bytes shown as Latin-1 "
            "letters (a font with an 8-bit Thai encoding and no ToUnicode); decoded as Thai")
