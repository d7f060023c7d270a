"""Page marks that are furniture wherever they stand: page numbers, browser print marks.

Part of the document model (a helper of :mod:`bma_etl.furniture`, and of the PDF
reader, which sets a browser's print header and footer apart before it reads a
page's layout). A page number is ``- ๓ -``, ``หน้า 3``, ``3/12``, ``Page 3 of 12`` or
``หน้า ก/ฌ`` (:data:`PAGE_NUMBER_RE`). A browser prints a header (the date and time
of printing, the page's title) and a footer (the page's address, ``1/3``) on every
page it prints (:func:`printed_by_browser`). A fax machine prints its header over
every page it sends (:func:`fax_header_again`).
"""

from __future__ import annotations

import re

_DIGIT = "[0-9๐-๙]"
#: Thai-letter page numbers (ก ข ค … as office suites number pages): one or two
#: consonants, only after หน้า, where no running text stands alone.
_THAI_NUMBERING = "[ก-ฮ]{1,2}"
#: A page count after a page's number (``3/12``): no Buddhist-era year (``ครั้งที่ 2/2566``,
#: a month's ``๒/๒๕๖๖``, cut onto a page's edge, is text).
_PAGE_COUNT = rf"(?!(?:25|๒๕){_DIGIT}{{2}}(?!{_DIGIT})){_DIGIT}{{1,4}}"
PAGE_NUMBER_RE = re.compile(
    rf"^\s*(?:[-–—]\s*)?(?:(?:หน้า|หน้าที่|page|p\.)\s*)?{_DIGIT}{{1,4}}"
    rf"(?:\s*(?:/|of|จาก)\s*{_PAGE_COUNT})?(?:\s*[-–—])?\s*$"
    rf"|^\s*(?:[-–—]\s*)?(?:หน้าที่|หน้า)\s*{_THAI_NUMBERING}"
    rf"(?:\s*(?:/|จาก)\s*{_THAI_NUMBERING})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)

_URL_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$", re.IGNORECASE)
_STAMP_RE = re.compile(
    rf"^\s*(?:{_DIGIT}{{1,2}}/{_DIGIT}{{1,2}}/{_DIGIT}{{2,4}}|{_DIGIT}{{4}}-{_DIGIT}{{2}}-{_DIGIT}{{2}})"
    rf",?\s+{_DIGIT}{{1,2}}[:.]{_DIGIT}{{2}}(?:[:.]{_DIGIT}{{2}})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s|$)")


def is_address(line: str) -> bool:
    """Whether ``line`` holds a web address and nothing else (a link pasted with a page).

    >>> is_address(" https://bmaproject.bangkok.go.th/progress?id=1 "), is_address("ดู www.a.th")
    (True, False)
    """
    return _URL_RE.match(line.strip()) is not None


def printed_by_browser(line: str, place: str) -> bool:
    r"""Whether an edge line is a browser's print header or footer (see the module docstring).

    >>> printed_by_browser("file:///tmp/page.html\t1/3", "bottom")
    True
    >>> printed_by_browser("11/30/26, 11:35 PM\tความคืบหน้าโครงการ", "top")
    True
    >>> printed_by_browser("ดูรายละเอียดที่ https://bma.go.th/x", "bottom")
    False

    An address a reader cut into cells at a wide gap between two of its letters
    (Chromium spaces a small address's letters out) is an address still:

    >>> printed_by_browser("\thttps://pmss.bangkok.go.th/project/histor\ty", "top")
    True
    """
    if place == "top" and _STAMP_RE.match(line):
        return True
    parts = [p.strip() for p in re.split(r"\t|\s{2,}", line) if p.strip()]
    if any(_URL_RE.match(p) for p in parts) and all(
            _URL_RE.match(p) or PAGE_NUMBER_RE.match(p) or _STAMP_RE.match(p + " ") for p in parts):
        return True
    return len(parts) > 1 and _URL_RE.match("".join(parts)) is not None


def browser_print_edges(lines: list[str]) -> set[int]:
    r"""Indexes of a page's top and bottom lines that are a browser's print header or footer.

    >>> sorted(browser_print_edges(["12/1/26, 11:12 AM", "", "ข้อความ", "file:///p.html\t2/9"]))
    [0, 3]
    """
    inked = [k for k, line in enumerate(lines) if line.strip()]
    return {k for k, place in ((inked[0], "top"), (inked[-1], "bottom"))
            if printed_by_browser(lines[k], place)} if inked else set()


#: A page number in words (``หน้า 2 จาก 5``, ``Page 2 of 5``, ``2/5``): not a number alone.
_WORDED_NUMBER_RE = re.compile(rf"(?:หน้า(?:ที่)?|page)\s*({_DIGIT}{{1,4}})|^\s*({_DIGIT}{{1,4}})\s*/",
                               re.IGNORECASE)


def numbered_in_cells(line: str, page_no: int) -> bool:
    r"""Whether a line of two or three cells ends (or starts) with page ``page_no``'s number.

    A word processor's running header sets its title and the page's number apart
    with a tab (``แผนปฏิบัติการประจำปี พ.ศ. ๒๕๗๑<tab>หน้า 2 จาก 5``): cells, yet no
    table row, which states no page's number in words.

    >>> numbered_in_cells("แผนปฏิบัติการ\tหน้า ๒ จาก ๕", 2), numbered_in_cells("๒\tงาน", 2)
    (True, False)
    """
    cells = [c for c in line.split("\t") if c.strip()]
    if not 2 <= len(cells) <= 3:
        return False
    for cell in (cells[0], cells[-1]):
        found = _WORDED_NUMBER_RE.search(cell) if PAGE_NUMBER_RE.match(cell) else None
        if found is not None:
            digits = (found.group(1) or found.group(2)).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙",
                                                                                "0123456789"))
            return int(digits) == page_no
    return False


__all__ = ["PAGE_NUMBER_RE", "browser_print_edges", "is_address", "numbered_in_cells",
           "printed_by_browser"]


#: Least similarity (0..100) of a later page's fax header to the first page's (OCR's misreads).
FAX_SIMILARITY = 90.0


def fax_header_again(line: str, first_line: str) -> bool:
    """Whether a later page's top ``line`` in cells is the first page's first line read again.

    ``first_line``: that line in key form (:func:`~bma_etl.matchkey.key`).

    A fax machine prints its header (date, time of day, sender, numbers,
    ``P.001/002``) over each page it sends, in cells OCR finds apart: the same line
    as the first page's outermost, nearly (OCR reads ``TO:`` as ``70:``, the page
    count differs). A table row repeated at pages' tops is kept: a stamp tells its
    time of day (``09:14``), a row of a report's table does not.
    """
    from rapidfuzz.fuzz import ratio

    from bma_etl.matchkey import key

    line_key = key(line)
    return len(line_key) >= 16 and _TIME_OF_DAY.search(line) is not None \
        and ratio(line_key, first_line) >= FAX_SIMILARITY


#: A time of day as a machine stamps it (``09:14``; OCR may read the colon ``;``).
_TIME_OF_DAY = re.compile(r"(?<![0-9])[0-2]?[0-9][:;][0-5][0-9](?![0-9])")
