"""Where an OCR'd scoring level's description starts and ends, junk OCR read around it left out.

Stage: extract (a helper of :mod:`bma_etl.layouts.plan_flow_levels`, not a layout).
Consumes one level's joined line and the span the level's pattern gave its
description; gives the span of the description's words (:func:`description_span`).
A level's description is Thai words; on an OCR'd page what stands before or after
them may be the weight words (``.ของน้ำหนักคะแนน ดำเนินการ...``: a sign between
them and the weight kept them out of the weight's match; ``ของนั้วหนักคะแนน ...``:
OCR garbled them before ``หนักคะแนน``), signs OCR made of specks
(``_ ``, ``, `` before; `` »`` after) or a short Latin word it made of specks by the
score (``...กรุงเทพมหานคร bend``, read unsure): none of them the description's.
"""

from __future__ import annotations

import re

from bma_etl.document import words_over
from bma_etl.layouts.base import Line, RepairedText
from bma_etl.matchkey import KeyRegex

__all__ = ["description_span", "signs_end"]

#: The weight's words (``ของน้ำหนักคะแนน``), in key form too: no description's.
_WEIGHT_WORDS_RE = KeyRegex(r"ของ\s*น้ำ\s*หนัก\s*คะ\s*แนน")
#: The same words OCR garbled before ``หนักคะแนน`` (``ของนั้วหนักคะแนน``, ``ขลังน้ำหนักคะแนน``):
#: a word ending ``หนักคะแนน`` opens no description.
_WEIGHT_TAIL_RE = KeyRegex(r"[^\s0-9๐-๙]{1,8}?หนัก\s*คะ\s*แนน(?=\s)")
#: A token of signs only, no letter nor digit (``_``, ``,``, ``»``): a speck's.
_SIGNS = r"[^\s\u0e01-\u0e4e0-9๐-๙A-Za-z]+"
_SIGNS_RE = re.compile(_SIGNS)
#: A token holding a Latin letter and no Thai letter (``bend``, ``17D``, ``ES``).
_LATIN_RE = re.compile(r"(?=[^\u0e00-\u0e7f]*[A-Za-z])[^\u0e00-\u0e7f\s]+")
#: Confidence a Latin token is read under when OCR made it of specks: text read
#: from ink is read at 80 and more.
_SURE_CONF = 80.0
#: Most junk tokens taken off each end.
_JUNK_MAX = 2


def description_span(doc: RepairedText, line: Line, start: int, end: int) -> tuple[int, int]:
    """The span in ``line.text`` of the description OCR read between ``start`` and ``end``.

    On an OCR'd page, up to :data:`_JUNK_MAX` tokens of signs only are taken off its
    start, then the weight words if they lead it; and off its end up to
    :data:`_JUNK_MAX` tokens of signs only or of Latin letters read unsure (under
    :data:`_SURE_CONF`; when the words' confidences are known), when Thai words stay
    before them. Unchanged when not OCR'd.

    >>> doc = RepairedText.of("x", (), True)
    >>> text = "_ .ของน้ำหนักคะแนน ดำเนินการ »"
    >>> a, b = description_span(doc, Line(1, 0, text), 0, len(text))
    >>> text[a:b]
    'ดำเนินการ'
    """
    if not doc.ocr_used:
        return start, end
    text = line.text
    start = _past_signs(text, start, end)
    rest = text[start:end]
    bare = rest.lstrip(".,:;")
    words = _WEIGHT_WORDS_RE.match(bare) or _WEIGHT_TAIL_RE.match(bare)
    if words is not None:
        start = _past_signs(text, start + len(rest) - len(bare) + words.end(), end)
    for _ in range(_JUNK_MAX):
        last = re.search(r"\s(\S+)\s*$", text[start:end])
        if last is None \
                or not _trailing_junk(doc, line, start + last.start(1), start + last.end(1)):
            break
        before = text[start:start + last.start(1)].rstrip()
        if not _THAI_END_RE.search(before):
            break  # no Thai words before it: no description to keep
        end = start + len(before)
    return start, end


#: A description's words end in a Thai letter or mark.
_THAI_END_RE = re.compile("[\u0e01-\u0e4e]$")


def signs_end(text: str, start: int, end: int) -> int:
    r"""``end`` moved back past up to :data:`_JUNK_MAX` trailing tokens of signs only.

    What OCR made of specks after a level's last cell (``... 27<tab>:``): before
    the score is looked for, so the score is the last token again. Never past
    ``start``, nor past the last token that holds a letter or a digit.

    >>> text = "ดำเนินการ 27\t: ,"
    >>> text[:signs_end(text, 0, len(text))]
    'ดำเนินการ 27'
    """
    for _ in range(_JUNK_MAX):
        last = re.search(rf"\s({_SIGNS})\s*$", text[start:end])
        if last is None or not text[start:start + last.start()].strip():
            break
        end = start + last.start()
    return end


def _past_signs(text: str, start: int, end: int) -> int:
    """``start`` moved past up to :data:`_JUNK_MAX` tokens of signs only, then spaces."""
    for _ in range(_JUNK_MAX):
        m = re.match(rf"\s*{_SIGNS}\s+(?=\S)", text[start:end])
        if m is None:
            break
        start += m.end()
    rest = text[start:end]
    return start + len(rest) - len(rest.lstrip())


def _trailing_junk(doc: RepairedText, line: Line, start: int, end: int) -> bool:
    """Whether the token ``line.text[start:end]`` at a description's end is junk OCR read."""
    token = line.text[start:end]
    if _SIGNS_RE.fullmatch(token):
        return True
    if _LATIN_RE.fullmatch(token) is None or not doc.words:
        return False
    at = line.at(start) if line.pieces else line.start + start
    confs = [c for _, _, c in words_over(doc.words, at, at + len(token))]
    return bool(confs) and max(confs) < _SURE_CONF
