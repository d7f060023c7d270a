"""The annual action plan's agencies: the agency and its parent under the plan's title.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_header`, not a layout).
Consumes the lines after the title (``กองสารสนเทศภูมิศาสตร์ สำนักการวางผังและพัฒนาเมือง``,
or the two on lines of their own); sets ``agency`` and ``parent_agency`` of the
``plans`` raw row. A line the page wrapped (an A5 print) is read with its rest.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bma_etl.layouts.base import Line, RawRow, RepairedText
from bma_etl.layouts.wrapped import join, rest_of

__all__ = ["read_agencies"]

#: Words an organisation's name starts with (agency and parent agency lines).
_ORG_RE = re.compile(
    r"(?:สำนัก|กอง|ส่วน|ฝ่าย|กลุ่ม|ศูนย์|สถาบัน|โรงพยาบาล|สถานี|กรุงเทพมหานคร|เขต|วิทยาลัย)"
)
#: A label before the agency on its line (``หน่วยงาน : สำนักการระบายน้ำ กรุงเทพมหานคร``).
_AGENCY_LABEL_RE = re.compile(r"^\s*(?:หน่วยงาน(?:ที่รับผิดชอบ)?|ส่วนราชการ)\s*:\s*")


def read_agencies(doc: RepairedText, following: list[Line], row: RawRow,
                  head: list[Line] | None = None) -> None:
    """``agency parent`` on one line after the title, or on two lines one under the other.

    A label before them (``หน่วยงาน :``, ``ส่วนราชการ :``) is passed over.

    On an OCR'd page the space between the two may be lost
    (``สำนักงานการต่างประเทศสำนักปลัดกรุงเทพมหานคร``), and on a text layer whose
    writer left out the space's glyph (Chromium's print, in Loma): the line is cut
    where the cover (``head``, the lines before it) prints the two on lines of their own.
    """
    if following and (label := _AGENCY_LABEL_RE.match(following[0].text)) is not None \
            and (rest := rest_of(following[0], label.end())) is not None:
        following = [rest, *following[1:]]  # ``หน่วยงาน : สำนักการระบายน้ำ กรุงเทพมหานคร``
    if not following or not _ORG_RE.match(following[0].text.strip()):
        return
    following = _unwrapped(doc, following)
    line = following[0]
    text = line.text
    cut_at = _cover_cut(text, head or [])
    if cut_at is not None:
        row.fields["agency"] = doc.raw_in(line, 0, cut_at)
        row.fields["parent_agency"] = doc.raw_in(line, cut_at, len(text))
        return
    # The parent is the last organisation name on the line: split before it.
    for m in reversed(list(re.finditer(r"\s+", text.strip()))):
        cut = len(text) - len(text.lstrip()) + m.end()
        before = text[: cut - len(m.group(0))]
        if _ORG_RE.match(text[cut:]) and before.strip():
            row.fields["agency"] = doc.raw_in(line, 0, len(before))
            row.fields["parent_agency"] = doc.raw_in(line, cut, len(text))
            return
    row.fields["agency"] = doc.raw_in(line, 0, len(text))
    if len(following) > 1:
        nxt = following[1]
        if _ORG_RE.match(nxt.text.strip()) and len(nxt.text.strip()) <= 60:
            row.fields["parent_agency"] = doc.raw(nxt.start, nxt.end)


def _unwrapped(doc: RepairedText, following: list[Line]) -> list[Line]:
    """``following`` with its first line joined to the next when the page wrapped it there.

    A narrow page (A5) wraps the agencies' line (``กองสารสนเทศภูมิศาสตร์ สำนักการวางผัง
    และพัฒนา`` / ``เมือง``): the reader saw the first line wrap (``doc.wraps``) and the
    next, right under it, opens no organisation's name (:data:`_ORG_RE`: a name set
    on a line of its own is the parent, read as such).
    """
    if len(following) < 2 or following[0].no not in doc.wraps:
        return following
    first, nxt = following[0], following[1]
    if nxt.no != first.no + 1 or _ORG_RE.match(nxt.text.strip()) or "\t" in nxt.text:
        return following
    return [join([first, nxt], " " if first.no in doc.spaced else None), *following[2:]]


def _cover_cut(text: str, head: list[Line]) -> int | None:
    """Where ``text``, one word of two organisations, splits into the two the cover prints.

    Two lines of ``head`` one under the other, each an organisation's name
    (:data:`_ORG_RE`), that run together make ``text`` (spaces aside); None otherwise.
    """
    if any(c.isspace() for c in text.strip()):
        return None
    names = [ln.text.strip() for ln in head if _ORG_RE.match(ln.text.strip())]
    lead = len(text) - len(text.lstrip())
    for first, second in pairwise(names):
        if "".join(first.split()) + "".join(second.split()) == text.strip() \
                and " " not in first:
            return lead + len(first)
    return None
