"""Junk OCR read at the edge of a line of a plan's Thai text, or on a line of its own.

Stage: extract (a helper of the plan's text readers: :mod:`.plan_swot`,
:mod:`.plan_flow_definitions`; not a layout).
On an OCR'd page a speck by a line of Thai words (in the margin, by the last word)
is read as a short token of Latin letters or signs (``...ของประชาชนในพื้นที่ és``,
``...เทียบกับเกณฑ์ i``), or a line of nothing else (``eed Us``), which OCR reads
unsure. No Thai word holds a Latin letter, so such a token read unsure is no part
of the text: :func:`junk_end` gives where a line's words end without it,
:func:`junk_line` tells a line of such tokens only. A page's running header OCR
read with its end misread (``ระบบติดตามและประเมินผลโคร<tab>มห``) is no text of
the page either (:func:`misread_head`).
"""

from __future__ import annotations

import re

from bma_etl.document import words_over
from bma_etl.layouts.base import Line, RepairedText
from bma_etl.matchkey import key

__all__ = ["junk_end", "junk_end_in", "junk_line", "misread_head"]

#: A token of no Thai letter and no digit (``és``, ``i``, ``Us``, ``=)``): a speck's
#: when read unsure; a number (``2570)``) or a Thai word never is.
_JUNK_TOKEN_RE = re.compile(r"[^\s\u0e01-\u0e4e0-9๐-๙]{1,3}")
#: Confidence under which such a token is read from a speck: text read from ink is
#: read at 80 and more.
_SURE_CONF = 80.0
#: Most junk tokens taken off a line's end.
_JUNK_MAX = 2
#: A line's words end in a Thai letter or mark (what stays must).
_THAI_END_RE = re.compile("[\u0e01-\u0e4e]$")


def _unsure(doc: RepairedText, start: int, end: int) -> bool:
    """Whether every OCR'd word over ``doc.text[start:end]`` was read under :data:`_SURE_CONF`."""
    confs = [conf for _, _, conf in words_over(doc.words, start, end)]
    return bool(confs) and max(confs) < _SURE_CONF


def junk_end(doc: RepairedText, start: int, end: int) -> int:
    r"""Where the words of ``doc.text[start:end]`` (one physical line) end, junk at the end out.

    Up to :data:`_JUNK_MAX` tokens of no Thai letter nor digit, at most three signs
    each, read unsure, are taken off when Thai words stay before them. ``end`` as
    it is when not OCR'd or when the words' confidences are not known.

    >>> doc = RepairedText.of("ในพื้นที่ és", (), True, words=((0, 9, 93.0), (10, 12, 0.0)))
    >>> doc.text[:junk_end(doc, 0, 12)]
    'ในพื้นที่'
    >>> doc = RepairedText.of("ในพื้นที่ és", (), True, words=((0, 9, 93.0), (10, 12, 91.0)))
    >>> junk_end(doc, 0, 12)
    12
    """
    return junk_end_in(doc, Line(0, start, doc.text[start:end]), 0, end - start) + start


def junk_end_in(doc: RepairedText, line: Line, start: int, end: int) -> int:
    """:func:`junk_end` for ``line.text[start:end]``, a line joined from physical lines or not."""
    if not doc.ocr_used or not doc.words:
        return end
    text = line.text
    for _ in range(_JUNK_MAX):
        m = re.search(r"\s(\S+)\s*$", text[start:end])
        if m is None or _JUNK_TOKEN_RE.fullmatch(m.group(1)) is None:
            break
        at = start + m.start(1)
        doc_at = line.at(at) if line.pieces else line.start + at
        if not _unsure(doc, doc_at, doc_at + len(m.group(1))):
            break
        before = text[start:at].rstrip()
        if not _THAI_END_RE.search(before):
            break  # no Thai words before it: nothing to keep
        end = start + len(before)
    return end


def junk_line(doc: RepairedText, start: int, end: int) -> bool:
    r"""Whether ``doc.text[start:end]`` (one physical line) is junk tokens only, read unsure.

    One or two tokens of no Thai letter nor digit, at most three signs each
    (``eed Us``), every word read under :data:`_SURE_CONF`. False when not OCR'd or
    when the words' confidences are not known.

    >>> doc = RepairedText.of("eed Us", (), True, words=((0, 3, 31.0), (4, 6, 36.0)))
    >>> junk_line(doc, 0, 6)
    True
    """
    if not doc.ocr_used or not doc.words:
        return False
    tokens = doc.text[start:end].split()
    return 0 < len(tokens) <= _JUNK_MAX and all(_JUNK_TOKEN_RE.fullmatch(t) for t in tokens) \
        and _unsure(doc, start, end)


#: Fewest letters (key form) of a running header that its misread copy opens with.
_HEAD_PREFIX_MIN = 12


def misread_head(doc: RepairedText, line: Line) -> bool:
    r"""On an OCR'd page, whether ``line`` is the page's running header with its end misread.

    It is the first line of text of a page after the first, its key form opens
    with half the letters or more (at least :data:`_HEAD_PREFIX_MIN`) of a line
    the furniture reader took for a running header, in order from its start, and
    is no longer than that header (``ระบบติดตามและประเมินผลโคร<tab>มห`` for
    ``ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร``). False when not OCR'd.

    >>> doc = RepairedText.of("ระบบติดตามผลโครงการ กรุงเทพฯ\n๓๐\nระบบติดตามผลโคร\tมห\n๔",
    ...                       (0, 32), True, furniture=frozenset({1}))
    >>> [misread_head(doc, ln) for ln in doc.lines()]
    [False, True, False]
    """
    page = doc.index.page_of(line.start)
    if not doc.ocr_used or not doc.furniture or page is None or page < 2 or any(
            ln.start < line.start and ln.text.strip() and ln.no not in doc.furniture
            and doc.index.page_of(ln.start) == page for ln in doc.all_lines()):
        return False
    got = key(line.text.replace("\t", " ").strip()).replace(" ", "")
    for head in {key(ln.text.strip()).replace(" ", "") for ln in doc.all_lines()
                 if ln.no in doc.furniture}:
        shared = next((n for n, (a, b) in enumerate(zip(got, head, strict=False)) if a != b),
                      min(len(got), len(head)))
        if shared >= max(_HEAD_PREFIX_MIN, len(head) / 2) and len(got) <= len(head):
            return True
    return False
