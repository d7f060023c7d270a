"""Characters editors, browsers and exporters put in a text file, read as what they stand for.

Stage: read. Consumes a text file's decoded text (:func:`bma_etl.read.text.read_text`);
produces the text the later stages read (``SourceDocument.text``), so provenance
offsets count in it:

- line ends other than LF, CR and CRLF (U+2028 LINE SEPARATOR, U+2029 PARAGRAPH
  SEPARATOR, U+0085 NEXT LINE, a vertical tab, a form feed between the pages of a
  text dump) are line ends, one character for one; a form feed also ends a page
  (:func:`paged_text`), as ``pdftotext`` and a printer's text dump mark them;
- a no-break space (U+00A0) is a space, one for one;
- fullwidth ASCII forms (the fullwidth colon U+FF1A, digits U+FF10-FF19...) are their ASCII
  characters (their NFKC form; Thai is not touched), one for one;
- HTML character references a CMS left in its text export (``&nbsp;``, ``&amp;``,
  ``&#3588;``, ``&#x0E01;``) are decoded: only references HTML defines, written
  with their semicolon, so prose with a bare ``&`` stays as written.
"""

from __future__ import annotations

import re
from html import unescape
from html.entities import html5
from itertools import pairwise

__all__ = ["paged_text", "plain_text"]

#: Line ends a text file may hold besides LF, CR and CRLF, each read as LF.
_LINE_ENDS = "\u2028\u2029\u0085\x0b\x0c"
#: Fullwidth ``!``..``~`` (U+FF01-U+FF5E) → ASCII, and NBSP → space; one for one.
_ONE_FOR_ONE = str.maketrans(
    {**{c: "\n" for c in _LINE_ENDS}, "\u00a0": " ",
     **{chr(0xFF01 + i): chr(0x21 + i) for i in range(0x5E)}})
_TRANSLATED = re.compile(f"[{_LINE_ENDS}\u00a0\uff01-\uff5e]")
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _decoded(m: re.Match[str]) -> str:
    ref = m.group()
    if ref[1] != "#" and ref[1:] not in html5:  # not an entity HTML defines: prose
        return ref
    return unescape(ref)


def plain_text(text: str) -> str:
    r"""A text file's decoded text with its line ends, spaces and references read.

    >>> plain_text("ชื่อ\u2028ปี\u0085งบ\x0cหน้า 2")
    'ชื่อ\nปี\nงบ\nหน้า 2'
    >>> plain_text("รหัสโครงการ\uff1a\uff15\uff10140000-7215\u00a0บาท")
    'รหัสโครงการ:50140000-7215 บาท'
    >>> plain_text("ชื่อ :&nbsp;&#3588;&#x0E01; &quot;A&amp;B&quot; R&D &foo;")
    'ชื่อ : คก "A&B" R&D &foo;'
    """
    if "&" in text and ";" in text:
        text = _REFERENCE.sub(_decoded, text)
    if _TRANSLATED.search(text) is not None:
        text = text.translate(_ONE_FOR_ONE)
    return text


def paged_text(text: str) -> tuple[str, tuple[int, ...]]:
    r""":func:`plain_text` of ``text``, and the offsets where its pages begin in it.

    Pages are parted by form feeds (U+000C), as ``pdftotext`` and a printer's text
    dump part them; each form feed is read as the line end that joins two pages
    (as a PDF's pages are joined: :class:`bma_etl.read.SourceDocument`'s
    ``page_starts``), a page beginning after it. A page with nothing but white
    space on it (the form feed ``pdftotext`` writes after the last page, two in a
    row) is no page: its text goes with the page before (the first page begins at
    0). The offsets are ``()`` when the text holds fewer than two pages.

    >>> paged_text("หน้า 1&nbsp;\nก\n\x0cหน้า 2\x0c")
    ('หน้า 1 \nก\n\nหน้า 2\n', (0, 11))
    >>> paged_text("\x0cหน้า 1\n\x0c\x0c\n")[1]
    ()
    """
    if "\x0c" not in text:
        return plain_text(text), ()
    pages = [plain_text(page) for page in text.split("\x0c")]
    joined = "\n".join(pages)
    starts, at = [0], 0
    for before, page in pairwise(pages):
        at += len(before) + 1
        if page.strip() and joined[starts[-1]:at].strip():
            starts.append(at)
    return joined, tuple(starts) if len(starts) > 1 else ()
