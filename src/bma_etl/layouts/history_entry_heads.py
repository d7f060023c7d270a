"""The progress-history page's markers: entry headings, separators, the closing heading.

Stage: extract (a helper of :mod:`bma_etl.layouts.history_entries`, not a layout).
Gives the patterns of the lines that open an entry (``(N) ความคืบหน้าโครงการฯ
ร้อยละ … (date)``, :data:`ENTRY_RE`; as OCR reads it, :func:`ocr_entry`), end one
(the ``---&&&---`` separator, :data:`SEPARATOR_RE`, :data:`OCR_SEPARATOR_RE`) and
close the page's body (the quarterly-evaluation heading, :data:`EVALUATION_RE`).
An entry's number, progress and system date may be in Arabic or Thai digits
(``(๑) … ร้อยละ ๔๙.๕๐ (๒๐๒๕-๐๔-๐๗)``). Never raises.
"""

from __future__ import annotations

import re

from bma_etl.layouts.history_header import DIGIT, NUMBER
from bma_etl.matchkey import KeyMatch, KeyRegex, match_key
from bma_etl.normalize.dates import THAI_MONTH

#: A bullet a page's list put before each entry heading (``• (1) ความคืบหน้า…``).
BULLET = r"(?:[•●○◦▪■·∙‣]\s*)?"
#: An entry's heading: ``(1) ความคืบหน้าโครงการฯ ร้อยละ 100.00 (2023-09-29)``, a bullet
#: before it or not; its progress with a ``%`` and no ``ร้อยละ`` (``62 %``), its system date
#: a Buddhist-era one (``(28 มี.ค. 2567)``, ``(28/03/2567)``: group ``iso`` all the same).
#: An entry's report date in Buddhist-era years: ``28/03/2567``, or its month a Thai word
#: (``28 มี.ค. 2567``, ``27 ธ.ค. 66``, ``28 มีนาคม พ.ศ. 2567``); the heading's system date
#: may be one, and the date line under it opens with one.
BE_DATE = (rf"{DIGIT}{{1,2}}/{DIGIT}{{1,2}}/{DIGIT}{{4}}"
           rf"|{DIGIT}{{1,2}}\s*(?:{THAI_MONTH})\s*(?:พ\.\s?ศ\.\s*)?{DIGIT}{{2,4}}")
ENTRY_RE = re.compile(
    rf"^\s*{BULLET}\(\s*(?P<seq>{DIGIT}{{1,4}})\s*\)\s*ความคืบหน้าโครงการฯ?\s*"
    rf"(?:(?:ร้อยละ\s*|(?={NUMBER}\s*%))(?P<pct>{NUMBER})\s*%?)?\s*"
    rf"(?:\(\s*(?P<iso>{DIGIT}{{4}}-{DIGIT}{{2}}-{DIGIT}{{2}}|{BE_DATE})"
    rf"(?:[ T][0-9๐-๙:.]+)?\s*\))?\s*$"
)
#: The line between entries: ``------------------&&&--------------------``, or a rule of
#: dashes alone (``----------------------------------------``, ten or more) where another
#: export left out the ``&&&``: no entry's text is a line of dashes.
SEPARATOR = r"-{3,}\s*&&&\s*-{3,}"
SEPARATOR_RE = re.compile(rf"^\s*(?:{SEPARATOR}|-{{10,}})\s*$")
#: After OCR: a separator whose dashes were lost, an entry heading with a speck after it;
#: or its ``&&&`` read in part, a letter or two of dust beside it (``ว\tB&&``): no
#: entry's text has ``&&``; or its ``&&&`` read as a few other signs or letters between
#: its dashes (``---๕มิ---``): no entry's text stands between runs of dashes.
OCR_SEPARATOR_RE = re.compile(r"^\W{0,3}-*\s*&&&\s*-*\W{0,3}$"
                              r"|^\s*\S{0,2}\s*-*\s*\S?&&\S?\s*-*\s*\S{0,2}\s*$"
                              r"|^\s*-{3,}\s*\S{1,4}\s*-{3,}\s*$")
#: An entry heading as OCR reads it: punctuation specks between its parts, the
#: number's brackets misread (``A)`` for ``(8)``), a speck after it.
#: The number's closing bracket lost (``(2 ความ…``) or the number misread (``(ๆ ความ…``):
#: an opening or a closing bracket is still needed. A speck before ร้อยละ (``ร์ รอยละ``).
#: The system date's closing bracket lost, a speck after it (``(2020-05- 17 ร``), or
#: the date cut off or made junk after its year (``(2020-05- 1``, ``(2020- -()7- 11)``):
#: the date then not read from it. A speck read as a bracket before the date's own
#: (``ร้อยละ 72.50 ) (2024-…``). The date's dashes read as spaces or doubled, its
#: digits whole (``(2024- -02 11)``), or a dash read as a point (``(2021-04.07)``): read
#: from its digits (``spaced``, key form). A ruled box's left rule read as ``1``, ``l`` or
#: ``I`` glued before the number's bracket (``1(1) ความคืบหน้า…``, ``|1(2) …``, an office
#: suite's history page scanned): :data:`BOX_RULE`.
BOX_RULE = r"(?:[1lI]\s?(?=\(\s*[0-9๐-๙]))?"
#: Specks OCR reads between ``ร้อยละ`` and its number (``ร้อยละ | 52.00``, ``ร้อยละ ! 6.00``,
#: ``ร้อยละ, 8.00``): read past; one glued to the number may be a digit's stroke, and the
#: number is then doubted (:func:`.history_entry_text.new_entry`).
STRAYS = r"[,.:;|!=]*"
_OCR_ENTRY = (
    rf"^\W{{0,3}}?{BOX_RULE}(?:\(\s*(?P<seq>{DIGIT}{{1,4}})\s*[)\]1|]?|\S{{0,2}}[)\]]|\(\S{{0,2}})"
    r"\s*ความคืบหน้าโครงการฯ?[,.:;]*"
    rf"(?:\S{{0,2}}?ร้อยละ{STRAYS}(?P<pct>{NUMBER})\s*%?)?[,.:;]*(?:[)\]|]\s*(?=\())?"
    rf"(?:\(\s*(?:(?P<iso>{DIGIT}{{4}}-{DIGIT}{{2}}-{DIGIT}{{2}})[^)]{{0,14}}"
    rf"|(?P<spaced>{DIGIT}{{4}}[-.]+{DIGIT}{{2}}[-.]?{DIGIT}{{2}})(?=\)|$)"
    rf"|{DIGIT}{{4}}\s*-.{{0,12}}?)\)?)?"
    r".{0,4}$"
)
#: An entry heading whose words OCR made junk (``(3) (สวมเดิกห์น ครงกรรร ร รอยละ 68.50
#: (2020-07-11)``): its number in brackets opens the line and its system date in
#: brackets ends it, nothing in between longer than a heading's words.
_OCR_ENTRY_JUNK = (
    rf"^\W{{0,3}}?{BOX_RULE}\(\s*(?P<seq>{DIGIT}{{1,4}})\s*\).{{4,40}}?"
    rf"(?:ร้อยละ{STRAYS}(?P<pct>{NUMBER})\s*%?)?[,.:;]*"
    rf"\(\s*(?P<iso>{DIGIT}{{4}}-{DIGIT}{{2}}-{DIGIT}{{2}})\s*\)\W{{0,2}}$"
)
#: The quarterly evaluation heading that closes the page; what follows is not stored.
#: Matched as printed, else in key form (a PDF's mark with no text lost: ``ประเมน``).
EVALUATION_RE = KeyRegex(r"^\s*\*{0,3}\s*ผลการประเมินโครงการ")


def ocr_entry(text: str) -> KeyMatch | None:
    """An entry heading as OCR reads it (:data:`_OCR_ENTRY`, :data:`_OCR_ENTRY_JUNK`)."""
    return match_key(_OCR_ENTRY, text) or match_key(_OCR_ENTRY_JUNK, text)


#: The end of an entry heading a narrow column wrapped onto the next line: its system
#: date (``(2018-03-25)``), its progress before it or not (``98.50 (2024-09-27)``), the
#: progress's ``ร้อยละ`` with it when a phone-width copy wrapped after the heading's words
#: (``ร้อยละ 93.00 (2024-09-13)``).
_HEADING_END_RE = re.compile(
    rf"^\s*(?:(?:ร้อยละ\s*)?{NUMBER}\s*%?\s*)?\(\s*(?:{DIGIT}{{4}}-{DIGIT}{{2}}-{DIGIT}{{2}}|{BE_DATE})"
    rf"(?:[ T][0-9๐-๙:.]+)?\s*\)\s*$")


def heading_wrapped(first: str, second: str) -> bool:
    """Whether ``first`` and ``second`` are one entry heading a narrow print wrapped.

    A page set in two columns (a writer's two-column section, a CSS ``column-count``)
    wraps ``(1) ความคืบหน้าโครงการฯ ร้อยละ 98.50 (2024-09-27)`` after ``ร้อยละ`` or
    after the progress; a phone-width copy wraps it after its words
    (``(22) ความคืบหน้าโครงการฯ`` / ``ร้อยละ 93.00 (2024-09-13)``): ``second`` is the
    heading's end (:data:`_HEADING_END_RE`),
    ``first`` is no whole heading with its date, and the two joined with a space are
    (:data:`ENTRY_RE`). A scan's columns are read apart as a text layer's are
    (:mod:`~bma_etl.read.ocr_columns`), so OCR's text is joined alike. Never raises.
    """
    if _HEADING_END_RE.match(second) is None:
        return False
    alone = ENTRY_RE.match(first)
    if alone is not None and alone.group("iso") is not None:
        return False
    whole = ENTRY_RE.match(f"{first.rstrip()} {second.strip()}")
    return whole is not None and whole.group("iso") is not None
