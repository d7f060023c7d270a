"""A progress-history page's "nothing reported yet" line and its own record fields: no values.

Stage: extract (a helper of :mod:`bma_etl.layouts.web_progress_history`, not a layout).
A project with no entries yet shows, where its entries would stand, one line saying so:
the tracking system's ``ยังไม่มีการรายงานความคืบหน้า``, an office's
``- ยังไม่ได้รายงานผลการดำเนินงาน -``, a table plug-in's ``ไม่พบข้อมูล`` or
``No data available in table``. Such a line is the page's frame: it is neither the
target nor any paragraph of the head, and the page has no entries.
:func:`is_empty_state` tells such a line; it matches the whole line only, so a
paragraph that opens with the same words (``ยังไม่มีการรวบรวมข้อมูล…``) stays text.

A restyled page (an Edge save of a CSS-grid page) may also state its own record's
fields in its head, label and value: ``สถานะโครงการ ⇥ อยู่ระหว่างดำเนินการ``,
``ปรับปรุงล่าสุด ⇥ 19/09/2568 16:05 น. โดย latkrabang01``. Under the progress line they
were read as the responsible person; :func:`is_record_field` tells them.
"""

from __future__ import annotations

import re

#: What was not reported or found: a report, its progress, results, entries, data.
_WHAT = (r"(?:ผล)?(?:การ)?(?:รายงาน|ความคืบหน้า|ดำเนินงาน|ดำเนินการ|บันทึก)"
         r"|รายการ|ข้อมูล")
#: Words that may follow: of what, where, and "yet" / "at all".
_MORE = (rf"{_WHAT}|ของ|โครงการ|กิจกรรม|ใน|ตาราง|ระบบ|ที่|จะ|แสดง|ขณะนี้|ตอนนี้|เลย"
         r"|แต่อย่างใด|ใด\s*ๆ|ใดๆ|นี้|ค่ะ|ครับ")
#: ``ยังไม่มีการรายงาน…``, ``ยังไม่ได้รายงาน…``, ``ไม่พบข้อมูล…``, ``ไม่มีรายการ…``: a
#: generic ``ไม่มีข้อมูล`` alone is left (an office prints it for any empty field).
_THAI = (rf"(?:ยัง\s*)?ไม่\s*(?:มี|ได้(?:\s*มี)?)\s*(?:{_WHAT})(?:\s*(?:{_MORE}))*"
         rf"|(?:ยัง\s*)?ไม่\s*พบ\s*(?:{_WHAT})(?:\s*(?:{_MORE}))*")
#: ``No reports yet``, ``Nothing reported yet``, ``No data available in table``,
#: ``No matching records found``, ``No entries``.
_ENGLISH = (r"(?i:no\s+(?:matching\s+)?(?:reports?|records?|entries|data|progress(?:\s+reports?)?"
            r"|updates?)(?:\s+(?:yet|found|available|to\s+show|in\s+table|so\s+far))*"
            r"|nothing\s+(?:has\s+been\s+)?reported(?:\s+(?:yet|so\s+far))?)")
#: The whole line: the words, set off by dashes, stars, brackets or a full stop.
EMPTY_STATE_RE = re.compile(
    rf"^[\s\-\u2013\u2014*(\[<.]*(?:{_THAI}|{_ENGLISH})[\s\-\u2013\u2014*)\]>.!]*$")


def is_empty_state(text: str) -> bool:
    """True when ``text`` (one line) is only a "nothing reported yet" notice.

    A bare ``ไม่มีข้อมูล`` ("no data") is not one: it may stand for one empty field,
    whose place in the page's order the reader must keep. ``ไม่มีข้อมูลการรายงาน``
    ("no report data") is.
    """
    m = EMPTY_STATE_RE.match(text)
    if m is None:
        return False
    words = re.sub(r"[\s\-\u2013\u2014*()\[\]<>.!]", "", text)
    return words not in ("ไม่มีข้อมูล", "ยังไม่มีข้อมูล")


#: The page's own record fields: the project's status as the system shows it, when and
#: by whom the record was last changed (``แก้ไขล่าสุด``, ``อัปเดตล่าสุด``); a label alone
#: on its line (a grid's label cell) has its value on the next.
_RECORD_FIELD_RE = re.compile(
    r"^\s*(?:สถานะ(?:ของ)?โครงการ|(?:ปรับปรุง|แก้ไข|อัป?เดต|บันทึก)(?:ข้อมูล)?ล่าสุด)"
    r"\s*(?P<value>(?:\t|:|\s(?=\S)).*)?$")


def record_field(text: str) -> str | None:
    """Whether ``text`` (one line) is one of the page's own record fields.

    ``"whole"``: label and value; ``"label"``: the label alone (its value on the next
    line); None: neither.
    """
    m = _RECORD_FIELD_RE.match(text)
    if m is None:
        return None
    return "whole" if m["value"] and m["value"].strip(" \t:") else "label"
