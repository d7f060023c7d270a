"""Characters editors, browsers and exporters put in a text file, read as what they stand for.

Stage: read. Consumes a text file's decoded text (:func:`bma_etl.read.text.read_text`);
produces the text the later stages read (``SourceDocument.text``), so provenance
offsets count in it:

- line ends other than LF, CR and CRLF (U+2028 LINE SEPARATOR, U+2029 PARAGRAPH
  SEPARATOR, U+0085 NEXT LINE, a vertical tab, a form feed between the pages of a
  text dump) are line ends, one character for one;
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

__all__ = ["plain_text"]

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
