"""The values of a legacy form's report entry: its date, progress and budget.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes the text of one report cell; produces matches and spans on it: the
report date (``:: 29/12/2565 :``) and what OCR made of it (a ``/`` read as another
stroke or lost: :func:`date_read_oddly`, :func:`date_with_lost_slash` give a
:class:`~bma_etl.layouts.base.Derived` date or None; a date made unreadable:
:func:`date_place_end` skips its place), and the ``label = value`` pairs of the
progress (``ความก้าวหน้าของงานฯ = 6.50 %``) and budget (``งบประมาณที่เบิกใช้
(ครั้งที่ 1) = 0 บาท``) by :func:`labelled` (an amount whose commas OCR read as
dots: :mod:`bma_etl.layouts.legacy_amount_dots`). Never raises.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import Derived, Line, Raw, RepairedText
from bma_etl.matchkey import fuzzy_search, key, literal_of, search_key
from bma_etl.normalize.dates import parse_date
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.ocr_points import SPACE_GROUPS, SPACED_POINT_GROUP
from bma_etl.normalize.unit_words import UNIT_WORD

#: ``ความก้าวหน้าของงานฯ = 6.50 %`` and ``งบประมาณที่เบิกใช้ (ครั้งที่ 1) = 0 บาท``:
#: label words (matched in key form too) → value; also ``= ร้อยละ 45.00``, ``= - %`` (not
#: stated) and ``= -5.00 %`` (out of range: the normalizer's error), never the narrative.
PROGRESS_LABEL = r"ความก้าวหน้าของงาน"
PROGRESS_VALUE = r"(?:ร้อยละ[ \t]*)?(?P<value>-?[0-9๐-๙][0-9๐-๙.,]*\s*%?|[-–—][ \t]*%)"
BUDGET_LABEL = r"งบประมาณท*ี่?เบิกใช้"
#: Groups set apart by spaces are the amount's (``= 696 000 บาท``); so is a last group after
#: a point OCR spaced (``= 389 .500 บาท``, :data:`.ocr_points.SPACED_POINT_GROUP`).
#: A unit word before บาท (``0.24 ล้านบาท``) and the amount in words in a bracket after it
#: stay with it (``1,084,000 บาท (หนึ่งล้าน…บาทถ้วน)``: :func:`.digits.parse_amount`).
BUDGET_VALUE = (rf"(?P<value>(?:[0-9๐-๙.,]*[0-9๐-๙]{SPACED_POINT_GROUP}[0-9๐-๙.,]*"
                rf"|[0-9๐-๙]{{1,3}}{SPACE_GROUPS}(?:[.,][0-9๐-๙]{{2}})?|[0-9๐-๙.,]+)"
                rf"(?:\s*{UNIT_WORD})?(?:\s*บาท)?"
                r"(?:[ \t]*\([ \t]*[-–]?[\u0e01-\u0e4e \t]*บาท[\u0e01-\u0e4e \t]*[-–]?[ \t]*\))?)")
#: The same after OCR, which reads a thousands comma as a space now and then, or a
#: space before it (``1,354 000 บาท``, ``1 ,686,000 บาท``): a group of three digits after
#: one space goes on the amount. So do more digits after a space OCR read inside the
#: amount, a speck beside it or not (``7 1,000.00 บาท``, ``7. 1,000.00`` for
#: ``71,000.00``): digit groups (``1,000.00``) or digits before ``บาท``; the amount is
#: never cut to ``7`` (:func:`~bma_etl.normalize.digits.parse_amount` joins a head split
#: so, or reports the amount unreadable).
OCR_BUDGET_VALUE = (rf"(?P<value>(?:[0-9๐-๙.,]*[0-9๐-๙]{SPACED_POINT_GROUP}[0-9๐-๙.,]*"
                    r"|[0-9๐-๙.,]+)"
                    r"(?: ,?[0-9๐-๙]{3}(?![0-9๐-๙])[0-9๐-๙.,]*"
                    r"|['`\u2018\u2019]?[ \t]{1,2}[,.'`\u2018\u2019]?[ \t]?"
                    r"(?:[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+"
                    r"(?:\.[0-9๐-๙]{2})?(?![0-9๐-๙])|[0-9๐-๙][0-9๐-๙.,]*(?=[ \t]*บาท)))*"
                    rf"(?:\s*{UNIT_WORD})?(?:\s*บาท)?)")
#: An amount in baht, a unit word before บาท or not (``4,313,500 บาท``, ``0.24 ล้านบาท``).
_BAHT_AHEAD = r"[0-9๐-๙][0-9๐-๙.,]*\s*(?:(?:พัน|หมื่น|แสน)?\s*(?:ล้าน)?\s*)?บาท"
#: Between such a label and its value: ``ฯ``, ``(ครั้งที่ 3)`` and a second bracket
#: (``(ครั้งที่ 2) (ล้านบาท)``, ``(ครั้งที่ 2) (ณ วันที่ 15 ม.ค. 2567)``), dots, ``=``.
#: OCR doubles the bracket or reads its ``)`` as a digit (``( (ครั้งที่ 1)``, ``(ครั้งที่ 22 =``),
#: reads a speck after the label as a colon (``งบประมาณที่เบิกใช้ : (ครั้งที่ 6 = 0 บาท``),
#: or reads the bracket's ``(ครั้งที่`` as a few letters or loses it, its number and ``)``
#: still read (``งบประมาณที่เบิกใช้`` / ``REG 1) = 4,313,500 บาท``, ``… 3) = 706,000 บาท``,
#: ``1 2) = 757,500 บาท``: a digit among the letters, a space after them), or as a
#: word or two of letters before the ``=``, number and ``)`` lost (``ana t= 0 บาท``) or
#: the ``)`` alone lost (``abst 9 = 0 บาท``),
#: reads junk inside the bracket (``(ค (ตรั้งที่ 6) =``), its ``)`` twice (``11)] =``) or a
#: speck after it as a digit (``(ครั้งที่ 1)1 =``), its
#: ``=`` as ``-`` or as a gap before an amount in baht (``(ครั้งที่ 1)⇥0 บาท``), or a speck
#: before the amount as ``~`` or a dash (``= ~ 1,526,000``, ``= – 758,000``: no amount
#: or progress is below nothing; a hyphen there is left alone); or its number, ``)`` and
#: ``=`` all misread or lost, the amount in baht then after a space
#: (``(ครั้งที่ ey`` / ``4,909,500 บาท``), never after a mark and a space: that is the
#: tail of an amount whose marks OCR spaced (``(ครั้งที่ ศา 5. 656, 000 บาท`` is no
#: ``000 บาท``).
_LABEL_TO_VALUE = (r"\S{0,2}[\s:]*(?:(?:[(\s]*\([^)\n=]{0,24}"
                   r"(?:[)\]]{1,2}[0-9๐-๙](?=\s*=)|[)\]]{0,2})\s*){1,3}"
                   r"|(?:[^\s()=:0-9๐-๙]{1,4}\s*|[^\s()=:]{1,4}\s+)?[0-9๐-๙]{1,3}\s*\)\s*"
                   r"|[^\s()=:0-9๐-๙]{1,4}(?:\s+[^\s()=:0-9๐-๙]{1,4})?(?:\s+[0-9๐-๙]{1,3})?"
                   r"(?=\s*=))?[.\s]*"
                   rf"(?:(?:[=:]\s*|-\s+)+(?:[~\u2013\u2014]\s*)?|\t+(?={_BAHT_AHEAD})"
                   rf"|(?<=[\s)\]])(?<![.,]\s)(?={_BAHT_AHEAD}))")
#: A budget whose label's words OCR misread past finding, its bracket read
#: (``งบประ ยาณ์ท ใด้ (ครั้งที่ 4) = 2,173,000 บาท``): only the budget's label holds it.
_BUDGET_BRACKET_RE = re.compile(
    r"\(\s*ครั?้?งที่?\s*[0-9๐-๙]{1,3}\s*\)\s*=\s*" + OCR_BUDGET_VALUE)
#: A report date one of whose ``/`` OCR read as ``|``, ``l`` or ``I`` (``25/2|2562``).
OCR_ODD_DATE_RE = re.compile(
    r"^[\s:;.'\"]*(?:\S{1,2}\s+)?(?P<d>[0-9]{1,2})\s*[/|lI]\s*(?P<m>[0-9]{1,2})\s*[/|lI]\s*"
    r"(?P<y>[0-9]{4})\s*:?"
)
#: The place of a report's date that OCR made unreadable (``๒๑/ฒ/๒๕๒๐ :``, ``ๆ :``,
#: ``ะบธ์/2564 :``; its ``::`` read ``:%``): a short run with a ``/`` or a digit, or one or
#: two signs, then ``:``;
#: or three parts between ``/`` ending in a year, then a space (``2 O/ 3/2562 อยู่``),
#: or, the date alone on its line and its ``:`` lost, a mark and the narrative's
#: first letter joined to it (``๒๑๕/๑๑/๒๕๒๕่อยู่``).
_OCR_DATE_JUNK_RE = re.compile(
    r"^[\s:;.'\"|%]*(?:(?:[^\s:]{0,5}[/0-9๐-๙][^:\n]{0,11}?|\S{1,2})\s*:\s*"
    r"|(?:\S{1,2}\s+)?[^\s/:]{1,3}\s*/\s*[^\s/:]{1,3}\s*/\s*[0-9๐-๙]{4}"
    r"(?:\s+|[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?(?=[\u0e01-\u0e2e])))")
#: More of a date after the date matched (``๒๑/๑๑/๒๕๒๐๐ :``: the year read with five digits),
#: or its ``:`` lost, a space after it (``๒๓/๓/๒๕๒๐๑ อยู่…``): digits glued to the year's four.
OCR_DATE_REST_RE = re.compile(r"[^\s:]{1,3}\s*:\s*|[0-9๐-๙]{1,3}(?:\s+|$)")
#: A report date whose first ``/`` OCR lost and whose second it read as ``|`` or ``l``
#: (``242|2563`` for 24/2/2563): read only when one split of the digits is a date.
DATE_LOST_SLASH_RE = re.compile(r"::\s*(?P<dm>[0-9]{2,4})\s*[/|lI]\s*(?P<year>[0-9]{4})\s*:?")
#: A report date one of whose ``/`` OCR read as ``7`` or ``1``, the strokes nearest it
#: (``21/1172562`` for 21/11/2562, ``1675/2561`` for 16/5/2561), or lost (``1/22566``), a
#: speck or two before it: read only when one such reading makes a real date.
OCR_SLASH_AS_DIGIT_RE = re.compile(
    r"^[\s:;.'\"|\[\]]*(?:\S{1,2}\s+){0,2}"
    r"(?P<date>[0-9]{1,2}\s*/\s*[0-9]{5,7}|[0-9]{3,5}\s*/\s*[0-9]{4})(?![0-9/])\s*:?")
_DATE_SHAPE = re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}")


def budget_by_bracket(text: str, start: int) -> re.Match[str] | None:
    """A budget found by its bracket alone (``(ครั้งที่ N) = …``) from ``start``, or None.

    For an OCR'd page whose budget label's words were misread; ``start`` is past the
    report's progress. The match is as :func:`labelled`'s (group ``value``).
    """
    return _BUDGET_BRACKET_RE.search(text, start)


def labelled(text: str, label: str, value: str, start: int, fuzzy: bool = False
             ) -> re.Match[str] | None:
    """``label`` then ``value`` in ``text`` from ``start``: as printed, else in key form.

    The match returned is the value's (group ``value``), on ``text``; its start
    is where the label begins.
    """
    plain = re.compile(f"(?:{label}){_LABEL_TO_VALUE}{value}").search(text, start)
    if plain is not None:
        return plain
    found = search_key(label, text[start:])
    if found is None and fuzzy:  # OCR read letters of the label as others
        found = fuzzy_search(literal_of(label), text[start:])
    if found is None:
        return None
    return re.compile(f"(?:{_LABEL_TO_VALUE}){value}").match(text, start + found[1])


#: A progress whose label OCR made junk (``avant ๒ 45.00 % : งบประมาณที่…``,
#: ``ตราบกักจุหธาของงุาปี ๓= = 91.00 % :``): the junk, up to 30 letters and signs with no
#: ``:``, then the value with its ``%`` and the budget's label after it.
_LOST_LABEL_PROGRESS = re.compile(r"(?P<junk>[^:|\s][^:|\n]{0,29}?)[\s=~\-]*"
                                  r"(?P<value>[0-9๐-๙]{1,3}(?:\.[ \t]*|[ \t]+\.?)"
                                  r"[0-9๐-๙]{2}\s*%)")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
#: Least similarity (0..100, key form) of a junk label's Thai letters to the progress's label.
LOST_LABEL_SIMILARITY = 45.0


def progress_label_lost(text: str, start: int) -> re.Match[str] | None:
    """A progress OCR read with its label as junk, from ``start``, or None.

    The place fixes it: the junk opens the cell (from ``start``, past the date and
    colons), a ``NN.NN %`` follows, and the budget's label right after it (in key
    form, approximately, or its bracket after a few misread words:
    :func:`_budget_opens`). Junk of Thai letters must be like the label
    (:data:`LOST_LABEL_SIMILARITY`): a narrative's words run on to it never are. The
    match is as :func:`labelled`'s (group ``value``; its start is where the junk begins).
    """
    from rapidfuzz.fuzz import ratio

    at = len(text) - len(text[start:].lstrip(" \t:"))
    m = _LOST_LABEL_PROGRESS.match(text, at)
    if m is None:
        return None
    if not _budget_opens(text, m.end()):
        return None
    junk = m["junk"]
    if _THAI_LETTER.search(junk) and ratio(key(junk), key(PROGRESS_LABEL)) < LOST_LABEL_SIMILARITY:
        return None
    return m


#: The budget's label OCR misread past finding, its bracket read, opening what follows a
#: progress (``: งแฟระมาณที่เผิกใช้ (ครั้งที่ 3) = 0 บาท``): a few letters, no colon, then it.
_BRACKET_AFTER_WORDS = re.compile(r"[\s:;]*[^\s:|()][^:|()\n]{0,29}?" + _BUDGET_BRACKET_RE.pattern)


def _budget_opens(text: str, at: int) -> bool:
    """Whether the budget's label opens ``text`` at ``at`` (past colons and spaces).

    As printed or in key form, approximately (``งบประมาณที่เบิกใส้``), or, its words
    misread past that, by the bracket after them (:data:`_BRACKET_AFTER_WORDS`).
    """
    lead = len(text[at:at + 40]) - len(text[at:at + 40].lstrip(" \t:;"))
    window = text[at + lead:at + 40]
    budget = search_key(BUDGET_LABEL, window) or fuzzy_search(literal_of(BUDGET_LABEL), window)
    if budget is not None and budget[0] == 0:
        return True
    return _BRACKET_AFTER_WORDS.match(text, at) is not None


def progress_read(text: str, start: int, ocr: bool, past_progress: bool) -> re.Match[str] | None:
    """A report cell's progress from ``start`` (:func:`labelled`), or None.

    After OCR, first one whose point was read as a gap (:data:`OCR_PROGRESS_GAP`),
    then one after specks (:data:`OCR_PROGRESS_SPECKS`), and, when no progress was
    read before in the report, one whose label was read as junk too
    (:func:`progress_label_lost`).
    """
    return (labelled(text, PROGRESS_LABEL, OCR_PROGRESS_GAP, start, ocr) if ocr else None) \
        or labelled(text, PROGRESS_LABEL, PROGRESS_VALUE, start, ocr) or (
        labelled(text, PROGRESS_LABEL, OCR_PROGRESS_SPECKS, start, ocr) if ocr else None) or (
        progress_label_lost(text, start) if ocr and not past_progress else None)


#: After OCR: a progress whose point was read as a gap, or with a gap after it (``61 50 %``,
#: ``87. 50 %``): the form prints two decimals, so the two digits before ``%`` are its
#: fraction. A digit, a gap, its point (``9 .50 %``: 91.50 with a digit lost?): as read.
OCR_PROGRESS_GAP = r"(?P<value>[0-9๐-๙]{1,3}(?:\.[ \t]+|[ \t]+\.?)[0-9๐-๙]{2}[ \t]*%)"
#: After OCR: a progress after specks between the label's ``=`` and it, each alone
#: (``=, | 52.00 %``), the last glued to it a point at most (``=, .12.50 %``): only the
#: form's whole shape, two decimals and ``%``.
OCR_PROGRESS_SPECKS = (r"(?:[,.|!=;:'`][ \t]+)+\.?"
                       r"(?P<value>[0-9๐-๙]{1,3}\.[0-9๐-๙]{2}[ \t]*%)")
_GAP_PARTS = re.compile(r"(?![0-9๐-๙][ \t]+\.)(?P<whole>[0-9๐-๙]+)[. \t]+"
                        r"(?P<fraction>[0-9๐-๙]{2})")


#: A second figure after a progress's value (``= 10.00 / 5.00 %``): the value is a pair.
_PAIR_REST = re.compile(r"[ \t]*/[ \t]*(?P<second>[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]+)?)[ \t]*%?")
#: The label's bracket naming the pair's figures: planned then actual (``(แผน/ผล)``), or
#: actual then planned (``(ผล/แผน)``).
_PLAN_FIRST = re.compile(r"แผน\s*/\s*ผล")
_ACTUAL_FIRST = re.compile(r"ผล\s*/\s*แผน")


def progress_value(doc: RepairedText, m: re.Match[str], line: Line, base: int
                   ) -> Raw | Derived | None:
    """The value of a progress match ``m`` (:func:`progress_read`) on ``line``'s text at ``base``.

    As read, or, when its point was read as a gap (``61 50 %``), the percent its
    digits state (61.50), derived with a note; None for a dash (``- %``). A pair of
    figures (``ความก้าวหน้าของงานฯ (แผน/ผล) = 10.00 / 5.00 %``) gives the actual one, the
    one the label's bracket names ``ผล``; None when no bracket names them (a guess).
    """
    pair = _PAIR_REST.match(m.string, m.end("value"))
    if pair is not None:
        label = m.string[m.start():m.start("value")]
        if _PLAN_FIRST.search(label):
            return doc.raw_in(line, base + pair.start("second"), base + pair.end("second"))
        if not _ACTUAL_FIRST.search(label):
            return None
    raw = doc.raw_in(line, base + m.start("value"), base + m.end("value"))
    gap = _GAP_PARTS.match(m.group("value"))
    if raw is None or gap is None or re.match(r"[0-9๐-๙]+\.[0-9๐-๙]", m.group("value")):
        return raw if raw is None or re.search("[0-9๐-๙]", raw.text) else None  # ``- %``
    number = Decimal(to_arabic_digits(f"{gap['whole']}.{gap['fraction']}"))
    if number > 100:
        return None
    return Derived(number, f"OCR read the progress's point as a gap: {raw.text!r}", raw.span)


#: Three Thai letters in a row (marks between them do not break it): a word, not a speck.
_THAI_RUN3 = re.compile("(?:[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46]"
                        "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*){3}")
_TOKEN_RE = re.compile(r"\S+")
_BULLETS = frozenset(("-", "*", "•", "–", "--"))
_DATE_PLACE_COLON_RE = re.compile(r"[^:\n]{1,24}?\s:\s+")
#: A date OCR read as one run of letters with a digit inside (``เพผิวร6ย``): no word.
_DIGIT_INSIDE = re.compile(r"[^\s0-9๐-๙:]{1,10}[0-9๐-๙]{1,4}[^\s0-9๐-๙:]{1,4}")
#: A date OCR read as a few letters glued to its year's last digits (``ไอภา501``,
#: ``ร“ฮับปอล9501:``, its colon kept): no word.
_LETTERS_AND_YEAR = re.compile(r"[^\s0-9๐-๙/:]{1,10}[0-9๐-๙]{3,4}:?")
#: A date OCR read with letters for its slashes, a digit at either end (``5ไซม0``): no word.
_DIGITS_AROUND_LETTERS = re.compile(r"[0-9๐-๙][^\s0-9๐-๙]{1,8}[0-9๐-๙]")
#: How far into an entry (characters) the place of its date may reach: ``:: 25/12/2568 :``
#: with OCR's specks around it.
DATE_PLACE_CHARS = 28


def date_place_end(text: str, unread: bool, line_end: int | None = None) -> int:
    """Where the narrative begins after the place of a date OCR made unreadable (scans).

    ``line_end``: where the entry's first physical line ends in ``text`` when its row
    wrapped (None when it did not). A date alone on that line whose ``:`` OCR lost
    (``5 ฒ/๕๒๓๕๒ผ่`` / ``อยู่ระหว่าง…``, joined with no space as a Thai wrap is)
    ends its place there: the line holds no Thai word, a digit or a ``/``, and no
    more than :data:`DATE_PLACE_CHARS`.

    ``_OCR_DATE_JUNK_RE`` first (``อ/๑๐/๒๕๒๕ ``, ``ๆ :``); then, while the date is
    still ``unread``, every token at the start that is no word: no three Thai
    letters in a row (unless glued to a year's digits: ``ไอภา501``, or between two
    digits: ``5ไซม0``), and a digit, a
    ``/``, a ``:``, a ``|`` or at most two characters (not a bullet: ``-`` opens a
    narrative)
    (``1:1 ๒๕ี๓/๒๕๒๕ : อยู่…`` for ``:: ๒๕/๓/๒๕๖๙ : อยู่…``, ``ร ญ่๑ไ๒๕๒๓ จัด…``; a
    cell ``Be ๕`` left by the ``|`` OCR read inside the date); or all up to a `` : ``
    within :data:`DATE_PLACE_CHARS` with no Thai word before it, or one token of letters
    with a digit inside (``เพผิวร6ย : อยู่…``). 0 when nothing is skipped.
    """
    junk = _OCR_DATE_JUNK_RE.match(text)
    end = junk.end() if junk else 0
    if not unread:
        return end
    if line_end is not None and end < line_end:
        alone = text[:line_end]
        if len(alone.strip()) <= DATE_PLACE_CHARS and not _THAI_RUN3.search(alone) \
                and any(c.isdigit() or c == "/" for c in alone):
            return line_end
    colon = _DATE_PLACE_COLON_RE.match(text, end)
    if colon is not None and (not _THAI_RUN3.search(colon.group())
                              or _DIGIT_INSIDE.fullmatch(colon.group().strip(" :"))):
        end = colon.end()  # the date's own colon closes its place (``onload oe : อยู่…``)
    for token in _TOKEN_RE.finditer(text, end):
        word = token.group()
        if token.end() > DATE_PLACE_CHARS or (
                _THAI_RUN3.search(word) and not _LETTERS_AND_YEAR.fullmatch(word)
                and not _DIGITS_AROUND_LETTERS.fullmatch(word)) or not (
                any(c.isdigit() or c in "/:|" for c in word)
                or (len(word) <= 2 and word not in _BULLETS)):
            break
        end = token.end()
    return end


def date_read_oddly(doc: RepairedText, m: re.Match[str], line: Line, base: int
                    ) -> Derived | None:
    """``25/2|2562`` → 25/2/2562: OCR read a ``/`` as another stroke."""
    try:
        value = parse_date(f"{m.group('d')}/{m.group('m')}/{m.group('y')}")
    except NormalizeError:
        return None
    evidence = doc.raw_in(line, base + m.start("d"), base + m.end("y"))
    return Derived(value, f"OCR read a '/' as another stroke: {m.group(0).strip(': ')!r}",
                   evidence.span if evidence else None)


def date_with_lost_slash(doc: RepairedText, m: re.Match[str], line: Line, base: int
                         ) -> Derived | None:
    """``242|2563`` → 24/2/2563 when exactly one split of the digits is a real date."""
    digits, year = m.group("dm"), int(m.group("year"))
    found = []
    for cut in range(1, len(digits)):
        day, month = int(digits[:cut]), int(digits[cut:])
        if digits[cut] == "0" and cut < len(digits) - 1:
            continue  # a month is not written with a leading zero and more digits
        try:
            found.append(parse_date(f"{day}/{month}/{year}"))
        except NormalizeError:
            continue
    if len(found) != 1:
        return None
    evidence = doc.raw_in(line, base + m.start(), base + m.end())
    return Derived(found[0], f"OCR lost a '/': {m.group(0).strip(': ')!r} read as "
                   f"{found[0].isoformat()}", evidence.span if evidence else None)


def date_with_slash_as_digit(doc: RepairedText, m: re.Match[str], line: Line, base: int
                             ) -> Derived | None:
    """``21/1172562`` → 21/11/2562 when exactly one ``7`` or ``1`` read as ``/`` makes a date.

    A ``/`` lost (``113/2566``: 11/3/2566; ``1/22566``: 1/2/2566) is a reading too: two
    readings (``1/112566``: 1/1 or 1/11), no date.
    """
    read = re.sub(r"\s+", "", m.group("date"))
    slash = read.index("/")
    found = set()
    for at, c in enumerate(read):
        # the digit read as the ``/``, or (``113/2566``: 11/3 as well as 1/3) a ``/`` lost
        for candidate in ([f"{read[:at]}/{read[at + 1:]}"] if c in "71" else []) + (
                [f"{read[:at]}/{read[at:]}"] if 0 < at != slash and at != slash + 1 else []):
            if _DATE_SHAPE.fullmatch(candidate) and not re.search(r"/0[0-9]", candidate):
                try:
                    found.add(parse_date(candidate))
                except NormalizeError:
                    continue
    if len(found) != 1:
        return None
    evidence = doc.raw_in(line, base + m.start("date"), base + m.end("date"))
    (value,) = found
    return Derived(value, f"OCR read a '/' as a digit or lost it: {read!r} read as "
                   f"{value.isoformat()}",
                   evidence.span if evidence else None)
