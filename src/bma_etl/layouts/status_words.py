"""A project's status from the words of its latest progress report (not a layout itself).

Stage: extract. Shared by the legacy progress form and the tracking system's
progress-history page: ``projects.status`` is ``cancelled``, ``suspended``,
``completed`` or ``in_progress``, derived from the latest report's narrative.

A status word names the project's status only where the narrative says it of the
project, now. Reports name the same words for a part (``งวดที่ 1 แล้วเสร็จ``,
``แล้วเสร็จ 4 แห่ง``, ``แล้วเสร็จร้อยละ 62``), deny them (``ยังไม่แล้วเสร็จ``), plan
them (``ให้แล้วเสร็จภายใน…``, ``คาดว่าจะแล้วเสร็จ``) or say them of someone else's
work (``ผู้รับจ้างชะลอการส่งวัสดุ``): none of those is the project's status.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import Derived, Raw, RawRow
from bma_etl.normalize.digits import DIGIT, parse_percent

#: Status words in a progress narrative, strongest first (the first that names the
#: project's status wins). ``ชะลอ`` / ``ระงับ`` suspend the project only with their
#: object (the project, its operation: ``ขอชะลอโครงการ``, ``ชะลอการดำเนินการโครงการฯ``,
#: ``ระงับการดำเนินงาน``, ``ชะลอไว้ก่อน``) or with the project before them
#: (``โครงการถูกระงับ``).
STATUS_WORDS: tuple[tuple[str, str], ...] = (
    (r"ยกเลิกโครงการ|ยกเลิกการดำเนิน", "cancelled"),
    (r"(?:ชะลอ|ระงับ)\s*(?:การ\s*)?(?:ดำเนิน|โครงการ|ไว้)"
     r"|โครงการ(?:ฯ)?\s*(?:ถูก|ได้)?\s*(?:ชะลอ|ระงับ)", "suspended"),
    (r"แล้วเสร็จ|เสร็จสิ้น|เสร็จสมบูรณ์", "completed"),
)
_STATUS_RES = [(re.compile(p), s) for p, s in STATUS_WORDS]
#: Before a status word: it is denied, or only expected, possible or aimed at
#: (``ยังไม่แล้วเสร็จ``, ``คาดว่าจะแล้วเสร็จ``, ``อาจยกเลิกโครงการ``).
_NOT_NOW = re.compile(r"(?:ไม่|จะ|อาจ|หาก|เพื่อ|คาดว่า)\s*$")
#: Before a completion word: a goal (``ดำเนินการให้แล้วเสร็จภายใน…``, ``กำหนดแล้วเสร็จ``),
#: or one part of the work (``งวดที่ 1 แล้วเสร็จ``, ``ระยะที่ 2 เสร็จสิ้น``).
_NOT_THE_PROJECT_DONE = re.compile(
    rf"(?:ให้|กำหนด(?:การ)?|(?:งวด|ระยะ|ขั้นตอน|ช่วง|ส่วน)(?:งาน)?\s*(?:ที่)?\s*{DIGIT}+"
    rf"(?:\s*(?:[-–,]|และ)\s*{DIGIT}+)*)\s*$")
#: After a completion word: how much of the work (``แล้วเสร็จ 4 แห่ง``,
#: ``แล้วเสร็จร้อยละ 62``, ``เสร็จสิ้นไปแล้ว 2 งวด``), with its number.
_AMOUNT_AFTER = re.compile(
    rf"^\s*(?:ไป\s*)?(?:แล้ว\s*)?(?:ร้อยละ|คิดเป็น)?\s*(?P<n>{DIGIT}[0-9๐-๙,.]*)\s*(?P<pct>%|เปอร์เซ็นต์)?")
#: How far before a status word the words that qualify it are looked for.
_BEFORE = 24


def status_of(text: str) -> tuple[str, re.Match[str]] | None:
    """The project's status a narrative names, with the words that name it; None if none.

    ``text`` is one report's narrative (``detail``). A status word counts where
    nothing around it says it is denied, expected, a goal or of a part of the work
    (see the module's docstring); the strongest status named so wins.

    >>> status_of("ยกเลิกโครงการ เนื่องจาก...")[0]
    'cancelled'
    >>> status_of("ดำเนินการในปีงบประมาณ พ.ศ. 2566 แล้วเสร็จ")[0]
    'completed'
    >>> [status_of(t) for t in ("อยู่ระหว่างขั้นตอนการประสานงาน", "งานงวดที่ 2 แล้วเสร็จ",
    ...                          "ยังไม่แล้วเสร็จ คาดว่าจะแล้วเสร็จเดือนมิถุนายน",
    ...                          "ติดตั้งแล้วเสร็จร้อยละ 62", "ผู้รับจ้างชะลอการส่งวัสดุ")]
    [None, None, None, None, None]
    """
    for regex, status in _STATUS_RES:
        for m in regex.finditer(text):
            before = text[max(0, m.start() - _BEFORE):m.start()]
            if _NOT_NOW.search(before):
                continue
            if status == "completed" and (_NOT_THE_PROJECT_DONE.search(before)
                                          or _part_after(text[m.end():])):
                continue
            return status, m
    return None


def _part_after(after: str) -> bool:
    """Whether the words after a completion word say how much of the work is done.

    ``4 แห่ง``, ``ร้อยละ 62``, ``62 %`` are a part; ``100 %`` / ``ร้อยละ 100`` the whole.
    """
    m = _AMOUNT_AFTER.match(after)
    if m is None:
        return False
    if m.group("pct") or "ร้อยละ" in m.group(0):
        return _number(m.group("n")) != 100
    return True


def _number(text: str) -> Decimal | None:
    try:
        return parse_percent(text)
    except NormalizeError:
        return None


def _pieces(value: object) -> list[Raw]:
    if isinstance(value, Raw):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, Raw)]
    return []


def _percent(value: object) -> Decimal | None:
    """A report's ``progress_pct`` as a number, when it was read as one."""
    if isinstance(value, Derived):
        return value.value if isinstance(value.value, Decimal) else None
    return _number(value.text) if isinstance(value, Raw) else None


def derive_status(entries: list[RawRow], latest_first: bool = False) -> Derived | None:
    """Project status from the latest report whose narrative states one.

    ``entries`` are the reports (rows with ``detail`` and ``progress_pct``), oldest
    first unless ``latest_first``. The latest report with a narrative decides;
    status words are looked for there first (:func:`status_of`). A completion word
    in a report whose progress is stated under 100 % speaks of a part of the work:
    the project is ``in_progress``. When the narrative names no status, the project
    is ``in_progress`` (reports exist and the latest does not say it ended), or
    ``completed`` when the latest progress is 100. None when there is no report.
    """
    ordered = entries if latest_first else list(reversed(entries))
    share = next((n for e in ordered if (n := _percent(e.fields.get("progress_pct"))) is not None),
                 None)
    for entry in ordered:
        pieces = _pieces(entry.fields.get("detail"))
        if not pieces:
            continue
        for piece in pieces:
            found = status_of(piece.text)
            if found is None:
                continue
            status, m = found
            if status == "completed" and share is not None and share < 100:
                return Derived("in_progress", f"status word '{m.group(0)}' in the latest report,"
                               f" but its progress is {share} percent", None)
            span = piece.span
            evidence = type(span)(span.line_no, span.char_start + m.start(),
                                  span.char_start + m.end(), span.page)
            return Derived(status, f"status word '{m.group(0)}' in the latest report", evidence)
        break
    if not entries:
        return None
    pct = ordered[0].fields.get("progress_pct")
    if isinstance(pct, Raw) and _percent(pct) == 100:  # ๑๐๐.๐๐ too
        return Derived("completed", "latest progress is 100 percent", pct.span)
    return Derived("in_progress", "reports exist and the latest names no end", None)
