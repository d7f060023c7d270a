"""The year line of an indicator-target table printed as flowing text.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow_kpi`, not a layout).
Consumes one line's text; produces the spans of its years when the line is a line
of years only (``๒๕๖๓ ๒๕๖๔ ๒๕๖๕``, and years at close tab stops the reader ran
together, ``๒๕๕๘๒๕๕๙๒๕๖๐``: :func:`year_spans`), or, on an OCR'd page, of years
whose digits OCR misread, run together too (``๒๕๕๕๒๕๒๐๐``: :func:`misread_year_spans`);
``[]`` for any other line.
Each year is one target column of the table's rows.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bma_etl.layouts.plan_cells import DIGIT
from bma_etl.matchkey import KeyRegex
from bma_etl.normalize.digits import to_arabic_digits

DIGITS_OF = re.compile("[0-9๐-๙]")
_DIGIT_RUN_RE = re.compile(f"{DIGIT}+")
YEAR_ONLY_RE = re.compile(r"[๒2][๕5][0-9๐-๙]{2}")
#: A year as OCR may read it: three to six digits (a digit the model lacks read as
#: two or three: ``๒๕๕๕๓๐`` for ``๒๕๕๘``, or lost: ``๒๕๕`` for ``๒๕๕๙``), with at
#: most one sign or letter a rule or a speck left in it and two before it
#: (``ไ๒ต๕๒๕``, ``|ไ๒๕๒๑``: a rule read twice; ``0ปไ๒๕๐๓``: the rule's stroke read
#: as a zero), no word.
_OCR_YEAR_RE = re.compile(
    r"(?<!\S)(?:0(?=[^\s0-9๐-๙]{1,2}[๒2]))?[^\s0-9๐-๙]{0,2}[๒2][0-9๐-๙]*"
    r"(?:[^\s0-9๐-๙][0-9๐-๙]+)?(?!\S)")
_OCR_YEAR_DIGITS = (3, 4, 5, 6)
#: The Thai letters OCR reads a Thai digit as, by their look: อ for ``๖`` (Debian's
#: Thai model has none), ฒ for ``๗`` and ``๙``, ฆ and ญ for ``๙``, ณ for ``๓``.
_DIGIT_LETTERS = "อฆฒญณ"
#: A year some of whose digits OCR read as such letters (``๒๕ออ`` for ``๒๕๖๖``,
#: ``๒๕๕ฆ`` for ``๒๕๕๙``, ``๒๕๒ฒ`` for ``๒๕๖๙``): ``๒๕``, then four or five
#: characters in all, digits and those letters; a rule's trace may stand before it
#: (``ไ๒๕อ๐``), as :data:`_OCR_YEAR_RE` says. :data:`LETTER_YEAR` is the year alone
#: (a plan's title reads it too: ``แผนปฏิบัติการประจำปี พ.ศ. ๒๕ฒ๐``).
LETTER_YEAR = (rf"[๒2][๕5](?=[0-9๐-๙{_DIGIT_LETTERS}]{{2,3}}(?!\S))"
               rf"[0-9๐-๙]*[{_DIGIT_LETTERS}][0-9๐-๙{_DIGIT_LETTERS}]*")
_OCR_LETTER_YEAR_RE = re.compile(rf"(?<!\S)[^\s0-9๐-๙{_DIGIT_LETTERS}]{{0,2}}{LETTER_YEAR}")
#: A glued year's digits: four or five (six would make runs of two years ambiguous).
_GLUED_YEAR_DIGITS = (4, 5)
#: A year's opening digits (a glued year's start).
_GLUED_YEAR_RE = re.compile(r"[๒2][๕5][0-9๐-๙]{2}")
#: Most signs and marks (no letter, no digit) a line of years may hold besides them
#: (white space aside), or one for each year (a rule between two columns read as a
#: sign: ``๒๕๖๑ : ๒๕๖๒ : ๒๕๖๓``), whichever is more.
_STRAY_MAX = 3


def _specks_only(rest: str, years: int) -> bool:
    """Whether ``rest``, a year line's text besides its ``years`` years, is specks and signs.

    No letter or digit, and at most :data:`_STRAY_MAX` signs or one for each year,
    however far apart (a rule between two year columns read as ``:``).
    """
    signs = "".join(rest.split())
    return len(signs) <= max(_STRAY_MAX, years) and not any(c.isalnum() for c in signs)


#: A year OCR read as a Latin word whole (``wees`` for ``๒๕๕๘`` on a 1-bit scan), a
#: quote mark after it the rule's trace (``lobe'``): a column of a line of years whose
#: other years were read as digits, one such word at most for every two of them.
_LATIN_YEAR_RE = re.compile(r"(?<!\S)[A-Za-z]{2,6}['\u2018\u2019]?(?!\S)")


def misread_year_spans(text: str) -> list[tuple[int, int]]:
    r"""Spans of a line of years only as OCR read them, at least two; [] for any other line.

    >>> misread_year_spans("\t๒๕๕๕\t๒๕๕๕\t\t๒๕๒๐๐"), misread_year_spans("๑ ระดับ ๓")
    ([(1, 5), (6, 10), (12, 17)], [])
    >>> misread_year_spans("๒๕๒๒ ไ๒๕๒๓ ไ๒ต๕๒๕")
    [(0, 4), (5, 10), (11, 17)]
    >>> misread_year_spans("\t๒๕๒๐\t|ไ๒๕๒๑\t|๒๕๒๒\t]ไ๒๕๒๓")
    [(1, 5), (6, 12), (13, 18), (19, 25)]
    >>> misread_year_spans("\t๒๕๕๓\t๒๕๕๕\t๊"), misread_year_spans("๒๕๕๓ ๒๕๕๕ ราย")
    ([(1, 5), (6, 10)], [])
    >>> misread_year_spans("๒๕๕๓ ๒๕๕๕๓๐ ๒๕๕๓ ๒๕๐๐")
    [(0, 4), (5, 11), (12, 16), (17, 21)]
    >>> misread_year_spans("๒๕๕๕๒๕๒๐๐ ๒๕๒๑"), misread_year_spans("๒๕๕๕๒๕๒๐๒๕๒๑")
    ([(0, 4), (4, 9), (10, 14)], [(0, 4), (4, 8), (8, 12)])
    >>> misread_year_spans("\t๒๕๒๕\t๒๕ออ"), misread_year_spans("๒๕๒๕ ๒๕ออ ราย")
    ([(1, 5), (6, 10)], [])
    >>> misread_year_spans("ไ๒๕อ๐ ๒๕อ๑ ๒๕๒๒")
    [(0, 5), (6, 10), (11, 15)]
    >>> misread_year_spans("๒๕๕๕ ๒๕๒๐๐ ๒๕๒6๑ 0ปไ๒๕๐๓")
    [(0, 4), (5, 10), (11, 16), (17, 24)]
    >>> misread_year_spans("๒๕๕๓ wees ๒๕๕๕๓๕ ๒๕๐๐"), misread_year_spans("๒๕๕๓ wees ok")
    ([(0, 4), (5, 9), (10, 16), (17, 21)], [])
    >>> misread_year_spans("๒๕๒๒ ไ๒๕๒๓ lobe'")
    [(0, 4), (5, 10), (11, 16)]
    >>> misread_year_spans("\t๒๕๕๕\t๒๕๕ฆ\t๒๕๑๐\t๒๕๕"), misread_year_spans("๒๕๕๕ ๒๑๐")
    ([(1, 5), (6, 10), (11, 15), (16, 19)], [])
    >>> misread_year_spans("\t2561 : 2562 : 2563 : 2564")  # the rules read as signs
    [(1, 5), (8, 12), (15, 19), (22, 26)]
    """
    found = [m.span() for m in _OCR_LETTER_YEAR_RE.finditer(text)]
    for a, b in found:  # blanked: the rest of the line is read as before
        text = text[:a] + " " * (b - a) + text[b:]
    for m in _OCR_YEAR_RE.finditer(text):
        digits = "".join(DIGITS_OF.findall(m.group()))
        if len(digits) in _OCR_YEAR_DIGITS and (len(digits) > 3 or _GLUED_YEAR_RE.match(
                digits + "0")):  # three digits only as ``๒๕`` and one more
            found.append(m.span())
        elif len(runs := _glued_years(text, *m.span())) > 1:
            found.extend(runs)
    latin = [m.span() for m in _LATIN_YEAR_RE.finditer(text)]
    rest = _OCR_YEAR_RE.sub("", _LATIN_YEAR_RE.sub("", text)).replace("พ.ศ.", "").strip(" \t.")
    # a mark or sign of a speck left alone (``\t๒๕๖๓\t๊``) is no word
    if len(found) < 2 or not _specks_only(rest, len(found) + len(latin)) \
            or 2 * len(latin) > len(found):
        return []
    return sorted(found + latin)


def _glued_years(text: str, start: int, end: int) -> list[tuple[int, int]]:
    r"""Spans of misread years the reader ran together in ``text[start:end]``.

    Close tab stops leave no gap between them; [] unless the digits cut into years
    of four or five digits, each opening with ``๒๕`` (a sign before them is skipped).

    >>> _glued_years("๒๕๕๕๒๕๒๐๐", 0, 9), _glued_years("๒๕๕๕๒๕๒๐๒๕๒๑", 0, 12)
    ([(0, 4), (4, 9)], [(0, 4), (4, 8), (8, 12)])
    >>> _glued_years("|ไ๒๕๕๕๒๕๒๐", 0, 10), _glued_years("๒๕๕๕๓๐๒๕๒๐", 0, 10)
    ([(2, 6), (6, 10)], [])
    """
    spans: list[tuple[int, int]] = []
    at = start
    while at < end and not DIGITS_OF.match(text, at):  # a rule's trace before them
        at += 1
    while at < end:
        cut = next((at + size for size in _GLUED_YEAR_DIGITS
                    if at + size == end or _GLUED_YEAR_RE.match(text, at + size, end)), None)
        if not _GLUED_YEAR_RE.match(text, at, end) or cut is None or cut > end:
            return []
        spans.append((at, cut))
        at = cut
    return spans


def year_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the years of a line of years only, also years the reader ran together.

    Years at tab stops close to each other leave no gap (``๒๕๕๘๒๕๕๙๒๕๖๐ ๒๕๖๑``): a
    run of digits is years when, cut into fours, each is a year, and the years of
    a run follow each other. [] when the line holds anything else.
    """
    if _DIGIT_RUN_RE.sub("", text).replace("พ.ศ.", "").strip(" \t."):
        return []
    spans: list[tuple[int, int]] = []
    for m in _DIGIT_RUN_RE.finditer(text):
        run = m.group()
        if len(run) % 4:
            return []
        cut = [(m.start() + k, m.start() + k + 4) for k in range(0, len(run), 4)]
        years = [int(to_arabic_digits(run[k:k + 4])) for k in range(0, len(run), 4)]
        if not all(YEAR_ONLY_RE.fullmatch(run[k:k + 4]) for k in range(0, len(run), 4)) or (
                any(b != a + 1 for a, b in pairwise(years))):
            return []
        spans.extend(cut)
    return spans


#: A token of a damaged year line: specks (a rule's trace, ``|]ไ``), then at least three
#: of the year's digits or what OCR read them as (``อ``, a Latin digit), and at most
#: one more mark among them (``๒๕๒อ๒9``, ``|@๒๕๕๓๑``, ``|๕๒๐๐``: the ``๒`` lost); a
#: speck read as a digit alone may stand before it (``6 9561`` for ``2561``), one sign
#: or mark after it (``๒๕»๒5»``, ``๒๕๒๓์``: a ``๖`` or a rule's trace read as a sign).
_DAMAGED_YEAR_RE = re.compile(
    r"(?<!\S)(?:[0-9๐-๙] (?=\S))?[^\s0-9๐-๙\u0e01-\u0e2e]{0,3}ไ?"
    r"(?=(?:[^\s]*?[0-9๐-๙อ]){3})[0-9๐-๙อ]+"
    r"(?:[^\s0-9๐-๙][0-9๐-๙]+)?[^\s0-9๐-๙\u0e01-\u0e2e]?(?!\S)")
#: Most characters of one damaged year: three specks and seven digits (a ``๖`` the
#: model lacks read as two digits, twice: ``|]ไ๒๕๒๐๒๐``).
_DAMAGED_YEAR_MAX = 10


def damaged_year_spans(text: str) -> list[tuple[int, int]]:
    r"""Spans of the years of a line OCR damaged past :func:`misread_year_spans`, at least two.

    Only for the line right under a target table's header, where the year line
    stands: each token is a year column (what OCR made of it), the line holds no
    word and nothing else but specks. [] for any other line. The years of such a
    line are counted, not read: OCR misreads them as other years that look right
    (``๒๕๒๒ ๒๕๒๓`` for ``๒๕๖๒ ๒๕๖๓``, the ``๖`` Debian's model lacks read ``๒``).

    >>> damaged_year_spans("\t\t๒๕๒๒\t|]ไ๒๕๒๓\t|๒๕๒๕\t๒๕๒๕\t๒๕๒อ๒9")
    [(2, 6), (7, 14), (15, 20), (21, 25), (26, 32)]
    >>> damaged_year_spans("\t\t๒๕๕๕ |@๒๕๕๓๑ |๕๒๐๐ ๒๕๐๑ ๒๕๒๐๒")
    [(2, 6), (7, 14), (15, 20), (21, 25), (26, 31)]
    >>> damaged_year_spans("2559 2560 6 9561")  # a speck read as a digit before a year
    [(0, 4), (5, 9), (10, 16)]
    >>> damaged_year_spans("๒๕๒๕ ๒๕»๒5»"), damaged_year_spans("๒๕๒๓์ ๒๕๒๕")
    ([(0, 4), (5, 11)], [(0, 5), (6, 10)])
    >>> damaged_year_spans("๑ ระดับความสำเร็จ ๒๕๖๓"), damaged_year_spans("ร้อยละ ๓๐ ร้อยละ ๓๕")
    ([], [])
    """
    found = [m.span() for m in _DAMAGED_YEAR_RE.finditer(text)]
    rest = _DAMAGED_YEAR_RE.sub("", text).strip(" \t.|")
    if len(found) < 2 or not _specks_only(rest, len(found)) \
            or any(b - a > _DAMAGED_YEAR_MAX for a, b in found):
        return []
    return found


#: Longest line a target table's header is printed on (its columns' words).
_TARGET_HEADER_MAX = 80
_INDICATOR_WORD = KeyRegex("ตัวชี้วัด")


def damaged_target_header(text: str, following: str) -> bool:
    """On an OCR'd page, whether ``text`` is a target table's header whose ``เป้าหมาย`` OCR damaged.

    ``ลำดับที่ ตัวชี้วัด Aart าหมาย``: a short line naming ตัวชี้วัด whose next line
    (``following``) is a line of years only (:func:`misread_year_spans`,
    :func:`damaged_year_spans`).
    """
    if len(text.strip()) > _TARGET_HEADER_MAX or _INDICATOR_WORD.search(text) is None:
        return False
    return bool(year_spans(following) or misread_year_spans(following)
                or damaged_year_spans(following))


__all__ = ["DIGITS_OF", "LETTER_YEAR", "YEAR_ONLY_RE", "damaged_target_header",
           "damaged_year_spans", "misread_year_spans", "year_spans"]
