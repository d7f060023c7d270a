"""The budget a plain row of the annual action plan states, as printed or as OCR read it.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_plain`, not a layout).
Consumes the joined text of one budget-table row read from plain lines (no cells);
produces the match of the last budget it states (:func:`budget_said`): an amount
in baht (``13,077,400 บาท``, ``๔,๙๖๐,๐๐๐.- บาท``, ``1.5 ล้านบาท``), ``ไม่ใช้งบประมาณ``,
or, on an OCR'd page, an amount or those words as OCR damages them. The match
separates the project's name before it from the responsible unit after it.
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.plan_cells import DIGIT, Cell
from bma_etl.layouts.plan_spaced_amounts import PLAIN_SPACED_BAHT_RE
from bma_etl.normalize.digits import NO_BUDGET_RE
from bma_etl.normalize.ocr_points import SPACE_GROUPS, SPACED_POINT_GROUP
from bma_etl.normalize.unit_words import UNIT_WORD

#: More decimals than the satang's, before a unit word that scales them (``13.8149 ล้าน``);
#: before no unit word three digits after a point are OCR's thousands comma (``459.500.-``).
_SCALED_DECIMALS = rf"\.{DIGIT}{{3,}}(?=\s*{UNIT_WORD})"
#: Thousands groups set apart by spaces (``12 450 000``,
#: :data:`~bma_etl.normalize.ocr_points.SPACE_GROUPS`): by a no-break, narrow or thin
#: space anywhere; by a plain one only at a cell's start (after a tab or two spaces), since
#: a name's last number may stand a space before its amount (``ระยะที่ 2 450,000 บาท``):
#: a last group after two groups each a space apart is no amount alone (``2 450 000 บาท``:
#: never ``000``); one after a single group may be (``257 900.00``: a total's comma OCR
#: read as a gap, its first digits taken by :func:`total_start`).
_NOT_A_GROUP = rf"(?!(?<={DIGIT} {DIGIT}{DIGIT}{DIGIT} ){DIGIT}{{3}}(?![0-9๐-๙,]))"
_DECIMAL_COMMA = rf"(?:,{DIGIT}{{2}}(?!{DIGIT}))?"
_SPACE_GROUPED = (rf"(?:(?<![^\t])|(?<=\s\s)){DIGIT}{{1,3}}{SPACE_GROUPS}{_DECIMAL_COMMA}"
                  rf"|{DIGIT}{{1,3}}(?:[\u00a0\u202f\u2009]{DIGIT}{{3}}(?!{DIGIT}))+{_DECIMAL_COMMA}")
#: An amount followed by the word baht: ``13,077,400 บาท``, ``๔,๙๖๐,๐๐๐.- บาท``,
#: ``12,500,000.00 บาท``, ``1.5 ล้านบาท`` (the amount keeps its ``ล้าน``); a space
#: after a thousands comma or before it (``1,623, 700.- บาท``, ``1,694 ,000.- บาท``, as
#: OCR may read it) inside the amount, as :func:`~bma_etl.normalize.digits.parse_amount`
#: reads it, not ``700.- บาท`` alone; so a space after the decimal point
#: (``5,049,100. 00 บาท``), not ``00 บาท`` alone; so a last group after a point OCR set
#: a space beside (``12,191 .500 บาท``,
#: :data:`~bma_etl.normalize.ocr_points.SPACED_POINT_GROUP`), never ``12,191`` with
#: ``.500 บาท`` left to the unit after it.
AMOUNT_BAHT_RE = re.compile(
    rf"(?<![0-9๐-๙,.])(?P<amount>(?:{DIGIT}{{1,3}}(?: ?, ?{DIGIT}{{3}})*{SPACED_POINT_GROUP}"
    rf"|{_SPACE_GROUPED}|{DIGIT}{{1,3}}(?: ?, ?{DIGIT}{{3}})+|{_NOT_A_GROUP}{DIGIT}+)"
    rf"(?:\. ?{DIGIT}{{1,2}}|{_SCALED_DECIMALS})?(?:\s*{UNIT_WORD})?)\s*(?:\.?\s*[-–—]\s*)?บาท"
)
#: An amount with thousands separators, for a table whose column header says บาท (or
#: states another unit); its last group after a spaced point too (``12,191 .500``).
_GROUPED_RE = re.compile(
    rf"(?<![0-9๐-๙,.])(?P<amount>(?:{_SPACE_GROUPED})(?:\.{DIGIT}+)?(?![0-9๐-๙,])"
    rf"|{DIGIT}{{1,3}}(?:(?:,{DIGIT}{{3}})*{SPACED_POINT_GROUP}|(?:,{DIGIT}{{3}})+)(?:\.{DIGIT}+)?)"
    rf"(?![0-9๐-๙,])(?:\.?\s*[-–—])?"
)
#: A number alone (``2.7270``), for a table whose budget column's heading states its unit
#: (``งบประมาณ (ล้านบาท)``): its cells print bare numbers, read whole.
_BARE_RE = re.compile(rf"(?<![0-9๐-๙,.])(?P<amount>{DIGIT}+(?:\.{DIGIT}+)?)(?![0-9๐-๙,.])")
#: What OCR makes of them: an amount read with its digits or separators wrong
#: (``๓,๓๐๒๕,๕๐๐ บาท``, ``2.141.500 บาท``, its first digit as a letter or a sign:
#: ``ส,๓๓๕,๓๐๐ บาท``, ``«๕,๒๕๓ บาท``, and the next one too: ``ฒ,อ๐๕,อ๐๐ บาท``; a
#: digit the model lacks read as a letter or a sign inside it: ``๑,ฒ๕๑,๕๐๐ บาท``,
#: ``๑«๑,๕๑๕,๐๐๐ บาท``; a comma after a first digit misread read as a comma and a
#: point: ``ฒ่,.๓๑๕.๐๐๐ บาท``) still ends the name before it (its value is not
#: well-formed, so it is never loaded), and ไม่ใช้งบประมาณ without its marks.
_OCR_AMOUNT = (rf"(?:(?<!\S)[^\s0-9๐-๙,.]{{1,3}}[,.]{{0,2}}(?:[^\s0-9๐-๙,.](?={DIGIT}))?"
               rf"|(?<![0-9๐-๙,.]){_NOT_A_GROUP}){DIGIT}"
               rf"(?:[0-9๐-๙,.]|[^\s0-9๐-๙,.]{{1,2}}(?=[0-9๐-๙,.]))*")
#: The dash of a whole amount stays with it (``459.500.-``): it tells
#: :func:`~bma_etl.normalize.digits.parse_amount` that a point before it is a comma.
#: OCR reads that dash as ``=-`` now and then (``๒,๕๐๐.=- บาท``).
_OCR_AMOUNT_BAHT_RE = re.compile(
    rf"(?P<amount>{_OCR_AMOUNT}(?<=[0-9๐-๙])(?:\.-)?)\s*(?:\.?\s*(?:=?[-–—])\s*)?บาท"
)
#: An amount with a thousands separator whose บาท OCR misread (``๑๒,๑๓๓,๑๐๐ UM``,
#: ``๕๒๐๐,๐๐๐.- ปาท``, ``บปบาท``): Latin letters or a Thai word ending in าท.
_OCR_MISREAD_BAHT_RE = re.compile(
    rf"(?P<amount>(?=\S*,){_OCR_AMOUNT}(?<=[0-9๐-๙]))"
    r"\s*(?:\.?\s*[-–—]\s*)?(?:[A-Za-z]{1,3}|[ก-ฮ]{0,2}[ปบ]าท)(?![A-Za-z])")
_OCR_NO_BUDGET_RE = re.compile(
    r"ไม[่้]?\s*(?:ได[้่]?)?\s*(?:ใช[้่]?|มี|รับ|ขอ|ตั้?ง)?\s*(?:การจัดสรร)?\s*งบ(?:\s*ประ\s*มาณ)?")
NO_BUDGET_RES = (NO_BUDGET_RE, _OCR_NO_BUDGET_RE)
#: A budget cell of a dash alone between the name and the unit (``… ริมคลอง - ส่วนคดี``):
#: no budget, as ไม่ใช้งบประมาณ says.
DASH_CELL_RE = re.compile(r"(?<=\s)[-–—](?=\s+\S)")


def dash_cell(text: str) -> re.Match[str] | None:
    """The last dash standing alone in a row's text with words after it (the unit), or None.

    For a row that states no amount and no ไม่ใช้งบประมาณ (:func:`budget_said` None).
    """
    found = None
    for m in DASH_CELL_RE.finditer(text):
        found = m
    return found


def budget_said(text: str, bare: bool = False) -> re.Match[str] | None:
    """The last budget the text states: an amount in baht or ไม่ใช้งบประมาณ.

    As printed first; then as OCR may have read it (:data:`_OCR_AMOUNT_BAHT_RE`,
    :data:`_OCR_MISREAD_BAHT_RE`); then an amount grouped by thousands, or, when
    ``bare`` (the column's heading states the unit), a number alone.
    """
    if _ANY_DIGIT.search(text) is None and ("\u0e44" not in text or _NO_OPENS.search(text) is None):
        return None  # every amount's regex takes a digit, both "no budget"s' ``ไม`` (``ไ ม``)
    found = None
    for regexes in ((AMOUNT_BAHT_RE, NO_BUDGET_RE),
                    (_OCR_AMOUNT_BAHT_RE, _OCR_NO_BUDGET_RE, _OCR_MISREAD_BAHT_RE)):
        for regex in regexes:
            for m in regex.finditer(text):
                if found is None or m.start() > found.start():
                    found = m
        if regexes[0] is AMOUNT_BAHT_RE:
            found = _spaced_run(text, found)
        if found is not None and found.re is AMOUNT_BAHT_RE:
            # ``๖,๘๓๗,«๐๐ บาท``: the well-formed ``๐๐ บาท`` is the end of an amount OCR
            # misread; the whole amount ends the name.
            # A speck glued before it (``ว24,469,800.- บาท``) is none of the amount, unless
            # digits stand before the speck (``๑ อ๒๕,๐๐๐.๐๐ บาท``: a digit misread inside it).
            whole = [m for m in _OCR_AMOUNT_BAHT_RE.finditer(text, 0, found.end())
                     if m.end() == found.end() and m.start() < found.start()
                     and not (_SPECK_RE.fullmatch(text, m.start(), found.start())
                              and not _DIGITS_BEFORE_RE.search(text, 0, m.start()))]
            return whole[0] if whole else found
        if found is not None:
            return found
    for m in _GROUPED_RE.finditer(text):
        found = m
    for m in _BARE_RE.finditer(text) if bare and found is None else ():
        found = m
    return found


def _spaced_run(text: str, found: re.Match[str] | None) -> re.Match[str] | None:
    """``found``, or the run of groups parted by plain spaces that holds it or comes after it.

    ``… ก 450 000 บาท``: the amount is the run (:data:`PLAIN_SPACED_BAHT_RE`), not the
    ``000 บาท`` at its end; which of its groups are the name's the caller decides
    (:func:`~bma_etl.layouts.plan_spaced_amounts.spaced_readings`).
    """
    run = None
    for m in PLAIN_SPACED_BAHT_RE.finditer(text):
        run = m
    if run is None or (found is not None and found.start() <= run.start()
                       and found.end() >= run.end()):
        return found
    if found is None or found.end() <= run.end():
        return run
    return found


#: An amount as printed, whole: its digits grouped by thousands or not grouped.
_WELL_FORMED_RE = re.compile(
    rf"(?:{DIGIT}{{1,3}}(?:, ?{DIGIT}{{3}})+|{DIGIT}+)(?:\.{DIGIT}{{1,2}}|{_SCALED_DECIMALS})?"
    rf"(?:\s*{UNIT_WORD})?")
#: A digit or three alone right before an amount (``...ในสังกัด ๑ ๒,@๑๓๓๕,๓๐๐.๐๐ บาท``),
#: or with a thousands comma after them (``๑, ๐๕๕,๓๐๐.- บาท``).
_LEAD_DIGITS_RE = re.compile(rf"(?<!\S)(?P<lead>{DIGIT}{{1,3}})(?P<comma>,)?\s+$")
#: The same glued to the name's last word with its thousands comma, at a wrap
#: (``...ใกล้เคียง๕, ew`` / ``๕,๑๐๐.- บาท``: no name ends in digits and a comma).
#: Without the comma, digits glued to the name's last word before an amount whose
#: first group has three digits read two ways: the amount's first group, the gap
#: between the name's cell and the budget's lost and its comma read as a space
#: (``...จัดการเมือง10 381,100 บาท`` for 10,381,100), or the end of the name, as Thai
#: names glue numbers to words (``ซอยเพชรเกษม69 855,500 บาท``, ``ถนนพระราม๙``,
#: ``รัชกาลที่๙``): :func:`glued_readings` tells them, the name keeps the digits.
_GLUED_LEAD_RE = re.compile(rf"(?<=[\u0e01-\u0e4e])(?P<lead>{DIGIT}{{1,3}})(?P<comma>,)?\s+$")
#: An amount's first group of three digits, a thousands comma or its end after it
#: (``381,100``, ``500.00``).
_THREE_GROUP_RE = re.compile(rf"{DIGIT}{{3}}(?![0-9๐-๙])")
#: A unit word after an amount (``150 ล้าน``): a scaled amount prints no thousands groups.
_UNIT_WORD_RE = re.compile(UNIT_WORD)


#: What OCR made of an amount's first digits, set off by a space before the rest
#: (``...สาธารณสุข oon, ๒๒๓,๓๑๐.๐๐ บาท``, ``...ในสังกัด a 090,900.00 บาท``,
#: ``...พลเรือน ๒ว,ฒ๕๒ 00.00 บาท``, ``...ในซอย 5,049,100. 00 บาท``): Latin letters
#: (three with a separator after them), a digit then signs among which a thousands
#: comma, an amount whose decimals a space cut off; or a speck or two glued to the
#: amount (``...ในสังกัด ว24,469,800.- บาท``), or its first digits and thousands comma
#: with the next digits read as Thai letters, all glued to the rest
#: (``...ใกล้เคียง @๑๓,ดาด๒,๕๐๐.=- บาท``). No project's name ends so.
_OCR_AMOUNT_LEAD_RE = re.compile(
    rf"(?<!\S)(?:(?:[A-Za-z]{{1,2}}[,.]?|[A-Za-z]{{3}}[,.]|{DIGIT}\S*,\S*)\s+"
    rf"|[^\s0-9๐-๙,.]?{DIGIT}{{1,3}},[\u0e01-\u0e4e]{{1,3}}$"
    r"|[^\s0-9๐-๙,.]{1,2})$")
_CUT_GROUP_RE = re.compile(rf",{DIGIT}{{1,2}}(?![0-9๐-๙])")
#: A comma after an amount that no digit group follows (``๒,๖๕๗, pie บาท``): OCR lost
#: or misread its last group (:func:`~bma_etl.normalize.digits.parse_amount`).
_DANGLING_COMMA_RE = re.compile(r",(?![ \t\u00a0]*[0-9๐-๙\-–—])")
_SPECK_RE = re.compile(r"[^\s0-9๐-๙,.]{1,2}")
#: An amount OCR read with its thousands commas as points (``๓.๑๒๘.๐๐๐.๗๕``,
#: ``๙๑๕.๐๐๐.`` whose dash it lost): its first group and point, three digits
#: (:data:`_POINTED_HEAD_RE`) ...
_POINTED_HEAD_RE = re.compile(rf"{DIGIT}{{1,3}}\.{DIGIT}{{3}}")
#: ... and the rest of it after them: more groups after points, the satang or a last point.
_POINTED_REST_RE = re.compile(
    rf"(?:\.{DIGIT}{{3}})*(?:\.{DIGIT}{{2}}(?![0-9๐-๙])|\.(?![0-9๐-๙\-–—]))?(?![0-9๐-๙])")
_ANY_DIGIT = re.compile(DIGIT)
#: How both "no budget" regexes open (:data:`NO_BUDGET_RE` lets a space part the letters).
_NO_OPENS = re.compile("\u0e44 ?\u0e21")
_DIGITS_BEFORE_RE = re.compile(rf"{DIGIT}[,.]?\s*$")


def name_end(text: str, said: re.Match[str]) -> int:
    """Where the project's name ends in a row's text whose budget ``said`` found.

    Before the budget; on an OCR'd page, before a digit or three alone right before
    an amount OCR misread too (``๑ อ๒๕,๐๐๐.๐๐ บาท``, ``๑<tab>๕,ญ๑๕,๕๐๐.๐๐ บาท``): a
    separator misread as a gap split the amount's first digits off; the name never
    ends in them, nor in digits and a thousands comma (``๑, ๐๕๕,๓๐๐.- UM``), nor in
    what :data:`_OCR_AMOUNT_LEAD_RE` tells. A well-formed amount leaves a number before
    it to the name, set apart or glued to its last word (``...ซอย69 855,500 บาท``, which
    :func:`glued_readings` tells may be an amount of 69,855,500 too).
    """
    start = said.start()
    if said.re in NO_BUDGET_RES or "amount" not in said.re.groupindex:
        return start
    misread = _OCR_AMOUNT_LEAD_RE.search(text, 0, start)
    if misread is not None:
        start = misread.start()
    glued = _GLUED_LEAD_RE.search(text, 0, start)
    lead = _LEAD_DIGITS_RE.search(text, 0, start) or (
        glued if glued is not None and glued.group("comma") is not None else None)
    if lead is None or (lead.group("comma") is None and misread is None
                        and _WELL_FORMED_RE.fullmatch(said.group("amount"))):
        return start
    return lead.start()


def glued_readings(text: str, said: re.Match[str]) -> tuple[str, str] | None:
    """The two amounts a row's text may state when digits end its name glued to a word.

    ``...จัดการเมือง10 381,100 บาท`` on an OCR'd page: the amount whole with those
    digits as its first group (``10,381,100``, the gap before the budget's cell lost and
    its comma read as a space) or the amount as read, the digits the name's
    (``ซอยเพชรเกษม69 855,500 บาท``). Returns ``(joined, as_read)`` (the amounts' text,
    digits as printed) when the row reads both ways: the digits (one to three, Arabic
    or Thai) glued to a Thai letter right before a well-formed amount whose first group
    has three digits, no comma between them and no unit word after it (``150 ล้าน``);
    else None (:func:`name_end` then tells where the name ends).
    """
    if said.re in NO_BUDGET_RES or "amount" not in said.re.groupindex:
        return None
    start = said.start()
    amount = said.group("amount")
    if _OCR_AMOUNT_LEAD_RE.search(text, 0, start) is not None \
            or not _WELL_FORMED_RE.fullmatch(amount) or not _THREE_GROUP_RE.match(amount) \
            or _UNIT_WORD_RE.search(amount):
        return None
    lead = _GLUED_LEAD_RE.search(text, 0, start)
    if lead is None or lead.group("comma") is not None:
        return None
    return f"{lead.group('lead')},{amount}", amount


def amount_start(text: str, said: re.Match[str]) -> int:
    """Where the amount ``said`` found begins as loaded, on an OCR'd page.

    Its digits as matched, or, where OCR misread its first digits apart from the
    rest (``oon, ๑๕๓,๐๐๐ บาท``, ``a ๒๕๓,๐๐๐ บาท``, ``๑ อ๒๕,๐๐๐.๐๐ บาท``), from the
    misread piece :func:`name_end` leaves out of the name: the value then holds it and
    is read as unreadable (NULL, with a finding), never as the digits after it.
    """
    return min(said.start("amount"), name_end(text, said))


def total_start(text: str, said: re.Match[str]) -> int:
    """Where the amount ``said`` found in a total row's text begins, on an OCR'd page.

    As :func:`amount_start`; and a digit or three alone right before a well-formed
    amount (``รวมงบประมาณทั้งสิ้น ๔ ๑๕๕,๘๐๐ บาท``: its thousands comma read as a gap)
    are its first digits: a total's label never ends in a number, so the value holds
    them and is read whole (:func:`~bma_etl.normalize.digits.parse_amount`), never as
    the digits after them.
    """
    start = amount_start(text, said)
    lead = _LEAD_DIGITS_RE.search(text, 0, start) if "amount" in said.re.groupindex else None
    return start if lead is None else lead.start()


def cell_amount(doc: RepairedText, cell: Cell, amount: Raw) -> Raw | None:
    """The amount a budget cell states, from the first amount found in it.

    ``amount`` (read by a pattern for well-formed amounts) with the piece OCR made of its
    first digits, glued to it or set just before it (``oon, ๑๕๓,๐๐๐``, ``a ๒๕๓,๐๐๐``;
    :data:`_OCR_AMOUNT_LEAD_RE`), or with the rest of its digits after a group OCR cut
    short (``๑,๒๕ ๓,๐๐๐``), or with the groups after its first one that OCR read with
    points for commas (``๓.๑๒๘.๐๐๐.๗๕``, ``๙๑๕.๐๐๐.``: :data:`_POINTED_REST_RE`), on an
    OCR'd page; on any page with the comma after it that
    no group follows (``๒,๖๕๗, pie บาท``): the value is unreadable rather than a piece of it.
    """
    at, end = amount.span.char_start - cell.start, amount.span.char_end - cell.start
    if not 0 <= at < end <= len(cell.text):
        return amount
    if _DANGLING_COMMA_RE.match(cell.text, end):  # ``๒,๖๕๗, pie``: not ``๒,๖๕๗``
        return doc.raw(cell.start + at, cell.start + end + 1)
    if not doc.ocr_used:
        return amount
    misread = _OCR_AMOUNT_LEAD_RE.search(cell.text, 0, at) if at else None
    rest = _POINTED_REST_RE.match(cell.text, end) \
        if _POINTED_HEAD_RE.fullmatch(cell.text, at, end) else None
    if _CUT_GROUP_RE.match(cell.text, end):  # ``๑,๒๕ ๓,๐๐๐``: all its digits, not ``๑``
        end = max(m.end() for m in re.finditer(DIGIT, cell.text))
    elif rest is not None and rest.end() > end:  # ``๓.๑๒๘.๐๐๐.๗๕``: not ``๓.๑๒๘``
        end = rest.end()
    elif misread is None:
        return amount
    return doc.raw(cell.start + (at if misread is None else misread.start()), cell.start + end)


#: Most characters of a total's label OCR misread on a line of its own (``ธรม``, ``จ๊วม``).
_TOTAL_LABEL_MAX = 5
_DIGIT_RE = re.compile(DIGIT)


def misread_total(text: str, bare: bool = False) -> bool:
    """Tell a total row whose label ``รวม`` OCR misread (``ธรม<tab>22,255,400.- บาท``).

    A few letters or signs and no digit (:data:`_TOTAL_LABEL_MAX`), then an amount
    (:func:`budget_said`, ``bare`` as there) and nothing after it: no project's row
    is so short, and a whole row has no second amount. The caller asks only after a
    row that has its budget (and unit).
    """
    said = budget_said(text, bare)
    if said is None or said.re in NO_BUDGET_RES or text[said.end():].strip():
        return False
    label = text[:said.start()].strip()
    return 0 < len(label) <= _TOTAL_LABEL_MAX and _DIGIT_RE.search(label) is None


__all__ = ["AMOUNT_BAHT_RE", "DASH_CELL_RE", "NO_BUDGET_RES", "amount_start", "budget_said",
           "cell_amount", "dash_cell", "glued_readings", "misread_total", "name_end",
           "total_start"]
