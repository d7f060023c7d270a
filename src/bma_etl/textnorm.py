"""Repair the damage PDF and web conversion did to Thai text, line by line.

Stage: repair text. Consumes a whole document's text as the reader produced it;
produces the repaired text every later stage indexes (``document_texts.text``).

:func:`repair_text` is line-preserving and idempotent: it never joins or splits
lines (CRLF and CR become LF, one break for one break), and it changes nothing
but the damage listed on it, so offsets of later text shift only by the
characters it removed or merged. It never applies NFKC (which splits ``ำ``) nor
collapses spaces; :func:`bma_etl.normalize.text.clean_text` does that per field.

:func:`damage_score` measures how damaged a text is, to decide whether a PDF
page is better read by OCR.
"""

from __future__ import annotations

import re
import unicodedata

from bma_etl.normalize.text import (
    NIKHAHIT,
    SARA_AA,
    SARA_AM,
    THAI_CONSONANTS,
    TONE_MARKS,
    join_sara_am,
    lao_to_thai,
    remove_zero_width,
)

__all__ = ["PUA_TO_THAI", "damage_score", "join_split_year", "repair_text"]


def _pua_table() -> dict[int, str]:
    # The glyph variants Thai PDF fonts put in the Private Use Area, exactly as
    # HarfBuzz's Thai shaper maps them (harfbuzz/harfbuzz src/hb-ot-shaper-thai.cc,
    # thai_pua_shape): each Thai character with its Windows and Mac code point,
    # per positioning action (SD shift down, SDL down-left, SL left, RD remove
    # descender).
    sd = {
        "\u0e48": (0xF70A, 0xF88B),
        "\u0e49": (0xF70B, 0xF88E),
        "\u0e4a": (0xF70C, 0xF891),
        "\u0e4b": (0xF70D, 0xF894),
        "\u0e4c": (0xF70E, 0xF897),
        "\u0e38": (0xF718, 0xF89B),
        "\u0e39": (0xF719, 0xF89C),
        "\u0e3a": (0xF71A, 0xF89D),
    }
    sdl = {
        "\u0e48": (0xF705, 0xF88C),
        "\u0e49": (0xF706, 0xF88F),
        "\u0e4a": (0xF707, 0xF892),
        "\u0e4b": (0xF708, 0xF895),
        "\u0e4c": (0xF709, 0xF898),
    }
    sl = {
        "\u0e48": (0xF713, 0xF88A),
        "\u0e49": (0xF714, 0xF88D),
        "\u0e4a": (0xF715, 0xF890),
        "\u0e4b": (0xF716, 0xF893),
        "\u0e4c": (0xF717, 0xF896),
        "\u0e31": (0xF710, 0xF884),
        "\u0e34": (0xF701, 0xF885),
        "\u0e35": (0xF702, 0xF886),
        "\u0e36": (0xF703, 0xF887),
        "\u0e37": (0xF704, 0xF888),
        "\u0e47": (0xF712, 0xF889),
        "\u0e4d": (0xF711, 0xF899),
    }
    rd = {"\u0e0d": (0xF70F, 0xF89A), "\u0e10": (0xF700, 0xF89E)}
    table: dict[int, str] = {}
    for mapping in (sd, sdl, sl, rd):
        for thai, (win, mac) in mapping.items():
            table[win] = thai
            table[mac] = thai
    return table


#: Private Use Area code point -> Thai character (U+F700..F71A and U+F884..F89E).
PUA_TO_THAI: dict[int, str] = _pua_table()

_MAPPED_PUA = re.compile("[\uf700-\uf71a\uf884-\uf89e]")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]")
_LAO = re.compile("[\u0e80-\u0eff]")
# SARA AA never begins a Thai word: "น าความ" is "นำความ" whose NIKHAHIT the
# PDF's text layer turned into a space (royal-gazette-2566-damaged-sara-am.pdf).
_AM_LOST_IN_SPACE = re.compile(f"([{THAI_CONSONANTS}][{TONE_MARKS}]?) {SARA_AA}")
# A dash the conversion could not encode became "?": "ด้านที่ ๗ ? การบริหาร"
# (000_52cb5c31ec83ab03.txt), "4 ? 7 พฤศจิกายน" (002_9d2ef115f542a230.txt).
_LOST_DASH = re.compile("(?<=[0-9\u0e01-\u0e5b] )\\?(?= [0-9\u0e01-\u0e5b])")
#: A tone mark written before the upper vowel of its letter (``ท่ี`` for ``ที่``),
#: as shaped PDFs in some fonts give it: Thai writes the vowel first.
_TONE_BEFORE_VOWEL = re.compile("([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e37\u0e47])")
#: Characters producers write for the hyphen-minus a document types (MuPDF's text
#: layer gives ``-`` as U+2010 HYPHEN; word processors the non-breaking hyphen, the
#: figure dash, the minus sign): one for one, so no offset moves.
_HYPHENS = "\u2010\u2011\u2012\u2212\ufe63\uff0d"
_HYPHEN_LIKE = re.compile(f"[{_HYPHENS}]")
#: Any of the three kinds above that a pass maps one for one (PUA forms, Lao letters,
#: hyphens): most text has none, and one walk over it that finds none spares the
#: three walks (a character class is tried at every character of the text).
_MAPPED_ANY = re.compile(f"[\uf700-\uf71a\uf884-\uf89e\u0e80-\u0eff{_HYPHENS}]")
_MAX_PASSES = 4


def _repair_line(line: str) -> str:
    if _LAO.search(line) and _THAI_LETTER.search(line):
        line = lao_to_thai(line)
    return line


def _repair_once(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = remove_zero_width(text)
    # No repair below makes a PUA form, a Lao letter or a hyphen: none now, none later.
    mapped = _MAPPED_ANY.search(text) is not None
    if mapped and _MAPPED_PUA.search(text):  # str.translate walks every character
        text = text.translate(PUA_TO_THAI)
    if mapped and _LAO.search(text):
        text = "\n".join(_repair_line(line) for line in text.split("\n"))
    text = join_sara_am(unicodedata.normalize("NFC", text))
    if f" {SARA_AA}" in text:  # whole-document substitutions only where they can match
        text = _AM_LOST_IN_SPACE.sub(rf"\1{SARA_AM}", text)
    if " ? " in text:
        text = _LOST_DASH.sub("-", text)
    if mapped:
        text = _HYPHEN_LIKE.sub("-", text)  # a regex, not translate: it walks every character
    text = _TONE_BEFORE_VOWEL.sub(r"\2\1", text)
    # Removing characters can bring combining marks together: compose again.
    return unicodedata.normalize("NFC", text)


def repair_text(text: str) -> str:
    r"""Repair a document's text without joining or splitting lines.

    NFC; decomposed SARA AM joined; zero-width characters removed; PUA glyphs
    mapped back to Thai; Lao letters in Thai lines mapped to Thai; a SARA AM lost
    into a space restored; a tone mark written before its upper vowel put after
    it; a ``?`` between spaces standing for a dash restored; a hyphen, non-breaking
    hyphen, figure dash or minus sign made ``-`` (en and em dashes stay); CRLF and CR
    made LF.

    >>> repair_text("สํานักงาน\r\nด าเนินไป อ านาจ")
    'สำนักงาน\nดำเนินไป อำนาจ'
    >>> repair_text("ด้านที่ ๗ ? การบริหาร"), repair_text("เป็นທີ່เชิ")
    ('ด้านที่ ๗ - การบริหาร', 'เป็นที่เชิ')
    >>> repair_text("ก\uf70bา")  # MAI THO from a Windows Thai PDF font
    'ก้า'
    >>> repair_text("ผลงานเดือนท\u0e48\u0e35")  # tone mark before its vowel
    'ผลงานเดือนที่'
    >>> repair_text("05020000\u20104187 ณ 2021\u201010\u201001 \u2212 ปี ๒๕๖๕\u2013๒๕๖๖")
    '05020000-4187 ณ 2021-10-01 - ปี ๒๕๖๕–๒๕๖๖'
    """
    # Each pass is deterministic; repeating until nothing changes makes the
    # result a fixed point (idempotent) even where one repair enables another.
    for _ in range(_MAX_PASSES):
        repaired = _repair_once(text)
        if repaired == text:
            break
        text = repaired
    return text


_SPLIT_YEAR = re.compile(
    "(พ\\.[ ]?ศ\\.[ \t]*[0-9๐-๙]{3})[ \t]*\r?\n[ \t]*([0-9๐-๙])[ \t]*(?=\r?\n|$)"
)


def join_split_year(text: str) -> str:
    r"""Join a BE year whose last digit the PDF put on a line of its own.

    NOT line-preserving (it removes one line break per year), so it belongs to
    the PDF reader, before :func:`repair_text` and before any offsets are taken.

    >>> join_split_year("ณ วันที่ 17 มีนาคม พ.ศ. ๒๕๖\n6\nเป็นปีที่")
    'ณ วันที่ 17 มีนาคม พ.ศ. ๒๕๖6\nเป็นปีที่'
    """
    return _SPLIT_YEAR.sub(r"\1\2", text)


_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_PUA = re.compile("[\ue000-\uf8ff]")
_CLUSTER_BASE = re.compile(f"[{THAI_CONSONANTS}\ue000-\uf8ff\u0e81-\u0eae]")
_ORPHAN_MARKS = re.compile(
    f"(?:^|(?<=[^\u0e01-\u0e5b\ue000-\uf8ff\u0e80-\u0eff]))[{_MARKS}]+", re.MULTILINE
)
_LONE_NIKHAHIT = re.compile(f"{NIKHAHIT}(?![{TONE_MARKS}]?{SARA_AA})")
_LAO_RUN = re.compile("[\u0e80-\u0eff]+")


def damage_score(text: str, loose_marks: int = 0) -> float:
    """Share of Thai character clusters showing damage, from 0 (clean) to 1.

    Damage: Private Use Area glyphs, combining marks with no base (at a line or
    word start), a NIKHAHIT not followed by SARA AA, a consonant, space, SARA AA,
    and Lao letters in a Thai line. Clusters are counted by their base letters.
    ``loose_marks``: how many of the marks with no base the page draws over no
    letter (a PDF reader's geometry says so: a word wrapped in a narrow column);
    they are the page's own text, not damage.

    >>> damage_score("สำนักงานการต่างประเทศ")
    0.0
    >>> round(damage_score("ด าเนินไป อ านาจ"), 2)
    0.29
    """
    damage = len(_PUA.findall(text))
    orphans = len(_ORPHAN_MARKS.findall(text))
    damage += orphans - min(orphans, loose_marks) + len(_LONE_NIKHAHIT.findall(text))
    damage += len(_AM_LOST_IN_SPACE.findall(text))
    if _LAO.search(text):  # a line holds Lao letters only if the text does
        for line in text.splitlines():
            if _LAO.search(line) and re.search(f"[{THAI_CONSONANTS}]", line):
                damage += len(_LAO_RUN.findall(line))
    if not damage:  # most text: no cluster to count (0 over any count is 0)
        return 0.0
    clusters = len(_CLUSTER_BASE.findall(text)) + orphans
    if clusters == 0:
        return 0.0
    return min(1.0, damage / clusters)
