"""A PDF's text saved by a PDF library (pdfminer.six, pypdf), read as the PDF printed it.

Stage: read. Consumes a text file's decoded text (:func:`bma_etl.read.text.read_text`)
before its line ends and pages are read (:func:`bma_etl.read.text_chars.paged_text`);
produces the text the later stages read, so provenance offsets count in it.

pdfminer.six's ``extract_text`` groups glyphs into lines by their height on the
page. A tone mark a font raises over an upper or lower vowel (``ชื่อ``, ``ที่``,
``ผู้``, ``ทั้ง``) sits above the line, so pdfminer starts a line (and often a
text box, after a blank line) with it and the rest of the word: ``ชื`` / ``่อโครงการ``.
Read as written, labels were cut (no ``ชื่อโครงการ`` found: the form quarantined)
and values cut at the mark (a history page's project name stored as the last
piece, ``เขตจตุจักร``). :func:`rejoined_marks` puts such a line back after the
letter it was cut from.

pdfminer's and pypdf's dumps of LibreOffice prints write each SARA AM then a SARA AA
(``สำานัก``, ``นำ้า``): the font draws ``ำ`` as its ring and a SARA AA, and the
PDF's text map gives the ring the whole ``ำ`` and the SARA AA ``า`` again. Every
value holding ``ำ`` was stored wrong. :func:`undoubled_sara_am` reads each as one
``ำ`` (after the tone mark printed between), where the text writes SARA AM so
throughout; a SARA AA written once after SARA AM in a clean file (a typist's or a
copy's) stays as written.

No Thai line begins with a combining mark, so a clean text file reads as before.
A mark is joined back only onto a letter that already carries a mark and can
carry this one too (one upper vowel, one lower vowel and one tone mark a letter
at most): a mark pdfminer moved away from a bare letter, or one a table's cells
put after another cell's text, is left where the dump wrote it; a mark the dump
lost stays lost.
"""

from __future__ import annotations

import re

__all__ = ["SPREAD_SHARE", "rejoined_marks", "spread", "undoubled_sara_am"]

_CONSONANT = "\u0e01-\u0e2e"
SARA_AM = "\u0e33"
#: SARA AM, a tone mark or none, then SARA AA: which no Thai word writes.
_DOUBLED_AM = re.compile(f"{SARA_AM}([\u0e48-\u0e4b]?)\u0e32")
#: SARA AMs written doubled, and their share of all a text's SARA AMs, from which the
#: text's producer is taken to write every SARA AM so (a dump of a LibreOffice
#: print writes nearly all so; a clean file writes none or one by a slip).
MIN_DOUBLED = 2
DOUBLED_SHARE = 0.25
#: A line whose text stands in three places four spaces or more apart, as a PDF's
#: columns printed side by side (pypdf's layout mode puts each piece where it was drawn).
_SPREAD = re.compile(r"\S {4,}\S.* {4,}\S")
#: Share of a text's lines so spread from which it is a dump of columns side by side
#: (a text file's own tables are tab-separated: none of its lines is).
SPREAD_SHARE = 0.1
#: Thai combining marks: MAI HAN-AKAT, the upper and lower vowels, PHINTHU, the
#: tone marks, THANTHAKHAT, NIKHAHIT, YAMAKKAN; and the shifted forms Windows and
#: Mac Thai fonts give them in the Private Use Area (mapped back later, see
#: :data:`bma_etl.textnorm.PUA_TO_THAI`).
_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\uf700-\uf71a\uf884-\uf89e"
#: A letter with its marks at a line's end, a blank line or more, and the mark that
#: begins the next line with the marks after it. pdfminer sets a text box apart by a
#: blank line; a line of marks next in the same box (no blank line) is the raised
#: marks of a line below, not of this one.
_CUT = re.compile(
    rf"([{_CONSONANT}][{_MARK}]+)[ \t]*(?:(?:\r\n|\r|\n)[ \t]*){{2,}}([{_MARK}]+)")
#: A mark opening a line (after spaces): in every :data:`_CUT`, and sought faster (line
#: ends are few), so that a text without one is passed.
_MARK_OPENS_LINE = re.compile(f"[\r\n][ \t]*[{_MARK}]")

#: Which place on its letter each mark takes: above (upper vowel, NIKHAHIT), below,
#: or the tone mark's place (tone marks, THANTHAKHAT, MAITAIKHU, YAMAKKAN).
_ABOVE = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e4d")
_BELOW = set("\u0e38\u0e39\u0e3a")
_TONE = set("\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4e")


def _place(mark: str) -> str | None:
    """The place on its letter a mark takes (a PUA form: its Thai mark's)."""
    if "\ue000" <= mark <= "\uf8ff":
        from bma_etl.textnorm import PUA_TO_THAI

        mark = PUA_TO_THAI.get(ord(mark), mark)
    for name, marks in (("above", _ABOVE), ("below", _BELOW), ("tone", _TONE)):
        if mark in marks:
            return name
    return None


def _one_letter(marks: str) -> bool:
    """Whether one letter can carry all of ``marks`` (each place taken once at most)."""
    places = [_place(m) for m in marks]
    return None not in places and len(set(places)) == len(places)


def _joined(m: re.Match[str]) -> str:
    letter, marks = m.group(1), m.group(2)
    return letter + marks if _one_letter(letter[1:] + marks) else m.group()


def rejoined_marks(text: str) -> str:
    r"""``text`` with each mark a dump moved to the next line put back on its letter.

    >>> rejoined_marks("1. ชื\n\n่อโครงการและหน่วยงานที\n\n่รับผิดชอบ : ผู\n\n้ว่าฯ")
    '1. ชื่อโครงการและหน่วยงานที่รับผิดชอบ : ผู้ว่าฯ'
    >>> rejoined_marks("งบประมาณ\n\n่ใช้ไป")  # no mark on ณ: not known to be its letter
    'งบประมาณ\n\n่ใช้ไป'
    >>> rejoined_marks("ได้\n\n่เมื่อ")  # a letter carries one tone mark
    'ได้\n\n่เมื่อ'
    >>> rejoined_marks("และกู\n่รับผิดชอบ")  # same text box: a lower line's mark
    'และกู\n่รับผิดชอบ'
    """
    if _MARK_OPENS_LINE.search(text) is None:
        return text
    return _CUT.sub(_joined, text)


def undoubled_sara_am(text: str) -> str:
    r"""``text`` with each SARA AM a dump wrote doubled (``ำา``) read as one ``ำ``.

    Only where at least :data:`MIN_DOUBLED` of the text's SARA AMs, and
    :data:`DOUBLED_SHARE` of them, are so written; else ``text`` as it is.

    >>> undoubled_sara_am("สำานักงาน ดำาเนินการ ระบายนำ\u0e49า")
    'สำนักงาน ดำเนินการ ระบายน้ำ'
    >>> undoubled_sara_am("สำนักงาน ดำาเนินการ ระบายน้ำ จำนวน")  # one slip: as written
    'สำนักงาน ดำาเนินการ ระบายน้ำ จำนวน'
    """
    if SARA_AM not in text:
        return text
    doubled = len(_DOUBLED_AM.findall(text))
    if doubled < MIN_DOUBLED or doubled < DOUBLED_SHARE * text.count(SARA_AM):
        return text
    return _DOUBLED_AM.sub(rf"\1{SARA_AM}", text)


def spread(text: str) -> bool:
    r"""Whether ``text`` sets a PDF's columns side by side, as pypdf's layout mode does.

    At least :data:`SPREAD_SHARE` of its non-blank lines hold text in three places
    four spaces or more apart.

    >>> spread("ชื่อ        กอง        งบ\nปี 2567"), spread("ชื่อ\tกอง\tงบ\nปี 2567")
    (True, False)
    """
    if "    " not in text:  # no line holds a gap of four spaces: none is spread
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    return sum(1 for line in lines if _SPREAD.search(line)) >= max(1, SPREAD_SHARE * len(lines))
