"""The header of an annual action plan's budget table printed as plain lines.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_plain`, not a layout).
Consumes the physical lines under the budget summary; tells where a table's header
is and how many lines it takes (:func:`header_at`), which columns it names
(:func:`columns_of`), and its words, to compare with a header printed again
(:func:`squashed_header`). On an OCR'd page a speck read before ``ลำดับ`` and a
misread ``งบประมาณ`` are allowed for.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bma_etl.layouts.base import Line
from bma_etl.layouts.plan_cells import DIGIT, is_total, squash
from bma_etl.layouts.plan_plain_rows import Columns
from bma_etl.matchkey import key
from bma_etl.normalize.unit_words import heading_unit

#: Most letters (spaces left out) a header's words may hold before its budget column's
#: heading: the number, group and name columns' headings and one or two more
#: (``ลำดับที่ด้าน/แผนงานรายการ/โครงการ`` is 31), however many lines they are printed or
#: copied on (``ลำดับ`` / ``ที่`` / ``ด้าน/แผนงาน`` / ...); a sentence is longer.
HEADER_WORDS_MAX = 80
#: Most non-blank lines from a heading's line to its table's header, the header's
#: included (a heading wrapped onto two more lines). More would take the last row of a
#: table, whose unit names a section (``กองยุทธศาสตร์ฯ``), for the next table's heading
#: when one more row, the total and the heading stand between it and the next header.
HEADING_LINES_MAX = 3


#: On an OCR'd page, signs or Latin letters OCR read from a speck before a header's
#: first word (``' ลำดับ ที่``): no digit, no Thai letter.
_HEADER_LEAD_SPECK_RE = re.compile(r"^[^\u0e00-\u0e7f0-9]{1,3}(?=ลำดับ)")


#: A header's number column: ``ลำดับ(ที่)``, or ``ที่`` alone before the name column's words.
_SEQ_HEAD_RE = re.compile(r"ลำดับ|ที่(?=ชื่อ|โครงการ|รายการ)")


def _header_line(text: str, ocr: bool) -> str:
    """A header's first line squashed, without a speck OCR read before ``ลำดับ``."""
    first = squash(text)
    return _HEADER_LEAD_SPECK_RE.sub("", first, count=1) if ocr else first


def header_at(lines: list[Line], i: int, ocr: bool = False) -> int:
    """How many lines the budget table header starting at ``lines[i]`` takes (0: none).

    A header starts with ``ลำดับ`` (or ``ที่`` alone before ``ชื่อโครงการ…``) and says
    ``งบประมาณ``, on this line or on the next ones without a digit (a narrow
    column's header wraps, a viewer copies a cell a line), its words before it at
    most :data:`HEADER_WORDS_MAX` letters; it has no row number before it.
    The unit column's words the line wrapped are the header's (:func:`_unit_rest`).
    With ``ocr`` (the lines were OCR'd), a speck read as a sign or two before
    ``ลำดับ`` is passed over, and half of ``งบประมาณ`` is enough when the header
    names the name column too and a first row follows (:func:`_misread_header`).
    A ``ลำดับ`` whose last letters OCR misread (``ลำตัง) i ชื่อโครงการ...``,
    ``ลำด้า) ที่ ชื่อโครงการ...``: :data:`_DAMAGED_SEQ_RE`) opens a header that names
    the name column right after it and says ``งบประมาณ``, or its half, after that.
    """
    first = _header_line(lines[i].text, ocr)
    if ocr and not _SEQ_HEAD_RE.match(first) and (
            damaged := _DAMAGED_SEQ_RE.match(key(first)) or _misread_seq_letter(key(first))):
        folded = key(first)
        return 1 if _BUDGET_HALF_KEY.search(folded, damaged.end()) else 0
    if not _SEQ_HEAD_RE.match(first) and not (ocr and _LEAD_MISREAD_RE.match(key(first))):
        return 0
    said = first
    count = 1
    while True:
        if "งบประมาณ" in said and (_SEQ_HEAD_RE.match(said) or _misread_header(
                said, lines, i + count)):
            return count + _unit_rest(said, lines, i + count)
        if i + count >= len(lines):
            break
        more = squash(lines[i + count].text)
        if not more or re.search(DIGIT, more):
            break
        if len(said) + len(more) > HEADER_WORDS_MAX:
            return 0
        said += more
        count += 1
    return count if ocr and _misread_header(said, lines, i + count) else 0


#: The unit column's header words, the last a header's line may wrap (key form).
_UNIT_TAIL_KEY = key("รับผิดชอบ")


def _unit_rest(said: str, lines: list[Line], at: int) -> int:
    """1 when ``lines[at]`` is the rest of the unit column's header the line before wrapped.

    ``said``: the header so far, squashed, its budget column named. A large print
    wraps the last column's words (``... งบประมาณ ส่วนราชกา`` / ``ร ที่รับผิดชอบ``):
    a line without digits that completes ``ที่รับผิดชอบ`` is the header's, else 0.
    """
    if at >= len(lines) or _UNIT_TAIL_KEY in key(said):
        return 0
    more = squash(lines[at].text)
    if not more or re.search(DIGIT, more) or len(more) > len("ส่วนราชการที่รับผิดชอบ"):
        return 0
    return 1 if key(more).endswith(_UNIT_TAIL_KEY) else 0


#: On an OCR'd page, a header whose ``ลำดับ ที่`` OCR misread (``ane i``): a short
#: lead, then the name column's word (key form). Taken so only when the header says
#: the budget column and a numbered row follows (:func:`_misread_header`).
_LEAD_MISREAD_RE = re.compile(rf"^[^\u0e00-\u0e7f]{{1,6}}(?:{key('ชื่อ')}|{key('รายการ')})")
#: On an OCR'd page, a header's ``ลำดับ`` whose last letters OCR misread (key form
#: ``ลาตง)i``, ``ลาดา)ท``: ``ลำ``, then up to four letters among which a sign no Thai
#: word holds, then ``ที่`` or a speck), right before the name column's word.
_DAMAGED_SEQ_RE = re.compile(
    rf"^{key('ลำ')}(?!{key('ดับ')})(?=\S{{0,3}}[^\u0e00-\u0e7f])\S{{1,4}}?"
    rf"(?:{key('ที่')}|[^\u0e00-\u0e7f]{{1,2}})?(?:{key('ชื่อ')}|{key('รายการ')})")
_SEQ_KEY = key("ลำดับ")
#: The columns' words after ``ลำดับที่`` (key form): the name's, after the group's or not.
_AFTER_SEQ_RE = re.compile(rf"(?:{key('ที่')})?(?:{key('ด้าน')}\S*?)?(?:{key('ชื่อ')}|{key('รายการ')})")


def _misread_seq_letter(folded: str) -> re.Match[str] | None:
    """A header's ``ลำดับ`` OCR read with one letter for another (``สำดับที่ ด้าน/...``).

    ``folded``: the header's first line in key form. The match of the columns' words
    right after it (:data:`_AFTER_SEQ_RE`), or None.

    >>> _misread_seq_letter(key("สำดับที่ด้าน/แผนงานรายการ/โครงการงบประมาณ")) is not None
    True
    >>> _misread_seq_letter(key("สำนักที่ด้านรายการงบประมาณ")) is None
    True
    """
    head = folded[:len(_SEQ_KEY)]
    if len(head) < len(_SEQ_KEY) or sum(a != b for a, b in zip(head, _SEQ_KEY, strict=True)) != 1:
        return None
    return _AFTER_SEQ_RE.match(folded, len(_SEQ_KEY))


#: Half of ``งบประมาณ`` in key form: OCR misreads the rest of the word (``งบประ aie``),
#: or its ป with a rule's speck (``งบา|ระมาณ``).
_BUDGET_HALF_KEY = re.compile(r"งบปร|ระมาณ")
#: The name column's header in key form (``ชื่อโครงการ``, ``รายการ/โครงการ``).
_NAME_KEY = key(r"ชื่อ|รายการ|โครงการ")
#: A table's first row: its number, then its name (``1 โครงการ...``).
_FIRST_ROW_RE = re.compile(rf"^\s*{DIGIT}{{1,2}}[\s.)]")


def _misread_header(said: str, lines: list[Line], after: int) -> bool:
    """Tell an OCR'd budget header whose ``งบประมาณ`` was misread (``งบประ aie``).

    ``said``: the header's lines squashed; ``lines[after]`` on: what follows. Half the
    budget word after the name column's word, and a numbered row next: the header
    of a target or step table names no budget, and a sentence is no ``ลำดับ`` line
    followed by row ``1``.
    """
    folded = key(said)
    name = re.search(_NAME_KEY, folded)
    if name is None or _BUDGET_HALF_KEY.search(folded, name.end()) is None:
        return False
    nxt = next((ln.text for ln in lines[after : after + 2] if ln.text.strip()), "")
    return _FIRST_ROW_RE.match(nxt) is not None


def columns_of(header: str) -> Columns:
    """Read the columns a header (its lines squashed together) names.

    >>> columns_of("ลำดับที่ด้าน/แผนงานรายการ/โครงการงบประมาณ")
    Columns(group=True, unit=False, baht_unit=0)
    >>> columns_of("ลำดับที่ชื่อโครงการยุทธศาสตร์งบประมาณส่วนราชการที่รับผิดชอบ")
    Columns(group=False, unit=True, baht_unit=0)
    """
    baht_unit = heading_unit(header)  # ``งบประมาณ(ล้านบาท)``, before its marks go
    header = key(header)  # OCR loses marks: ``ลำดับที่ดาน/แผนงาน``
    # ``ลำดับ`` or, on an OCR'd page, as misread by one letter (:func:`header_at`)
    group = _GROUP_KEY_RE.match(header, len(_SEQ_KEY)) is not None
    budget = header.find("งบประมาณ")
    if budget < 0:  # misread (:func:`_misread_header`): where its half is
        half = _BUDGET_HALF_KEY.search(header)
        budget = half.start() if half else 0
    unit = re.search(_UNIT_KEY, header[budget:]) is not None
    return Columns(group, unit, baht_unit)


#: The group column's header (key form): ``ด้าน/แผนงาน``; on an OCR'd page its ``ด้าน``
#: misread (``ต้าน/แผนงาน``, ``ค้าน/แผนงาน``), the ``/แผนงาน`` after it read right.
_GROUP_KEY_RE = re.compile(key(r"(?:ที่)?(?:ด้าน|แผนงาน|[^/]{1,4}/แผนงาน)"))
_UNIT_KEY = key(r"ส่วนราชการ|รับผิดชอบ|หน่วยงาน")


def squashed_header(lines: list[Line], i: int, count: int, ocr: bool = False) -> str:
    """The words of header ``lines[i:i + count]`` without any space (to compare).

    ``ocr``: a speck OCR read before the first word is left out.
    """
    return "".join(
        [_header_line(lines[i].text, ocr), *(squash(ln.text) for ln in lines[i + 1 : i + count])]
    )


def other_header_at(lines: list[Line], header: str, ocr: bool, broke: Callable[[int], bool],
                  k: int) -> int:
    """As :func:`header_at`, but 0 for the table's ``header`` printed again after a page break.

    ``broke(k)``: ``lines[k]`` follows a page's furniture (a running header, its number).
    A row the print split over two pages has the header again between its cells.
    """
    count = header_at(lines, k, ocr)
    if count and broke(k) and squashed_header(lines, k, count, ocr) == header:
        return 0
    return count


def header_follows(lines: list[Line], i: int, ocr: bool = False) -> bool:
    """Tell whether a table header comes within a few non-blank lines after ``lines[i]``.

    At most :data:`HEADING_LINES_MAX` lines with text, and no table's total (``รวม…``)
    between: a header after a total is the next table's, ``lines[i]`` in the table above.
    """
    seen = 0
    for j in range(i + 1, len(lines)):
        if not lines[j].text.strip():
            continue
        if header_at(lines, j, ocr):
            return True
        if is_total(" ".join(lines[j].text.split())):
            return False
        seen += 1
        if seen >= HEADING_LINES_MAX:
            return False
    return False


def running_header(lines: list[Line], j: int, header: str, ocr: bool = False) -> bool:
    """Whether ``lines[j]`` is a line atop a page over the table's ``header`` printed again.

    ``header``: the table's header as :func:`squashed_header` gives it. A page's running
    header (``แผนปฏิบัติราชการ ประจำปี พ.ศ. ...``) stands between the page break and
    the header the table's next page prints again; a table's own heading is the
    caller's to rule out.
    """
    count = header_at(lines, j + 1, ocr) if j + 1 < len(lines) else 0
    return bool(count) and squashed_header(lines, j + 1, count, ocr) == header


__all__ = ["HEADER_WORDS_MAX", "HEADING_LINES_MAX", "columns_of", "header_at", "header_follows",
           "other_header_at", "running_header", "squashed_header"]
