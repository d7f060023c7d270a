"""A line of Latin specks OCR read before a Thai value: dropped, with a quality issue.

Stage: normalize (after :func:`~bma_etl.normalize.trust.screen`), for documents
read by OCR. Speckle and the marks of a scan's line read alone come out of
Debian's ``tha`` model as a few short Latin "words" on a line of their own
(``Ale SY``, ``Bio``), and a text field that begins under them starts with
that line (``Bio`` and a line break before ``กรุงเทพมหานคร…``). A text value whose first line
is :data:`MAX_TOKENS` Latin words or fewer, each of :data:`MAX_LETTERS` letters
or fewer, and whose other lines are Thai with no Latin letter at all (so the
field, as this document writes it, holds no Latin) loses that line, with an
``ocr_junk_dropped`` quality issue quoting it. A value with Latin words in its
Thai lines (``โครงการ Smart City``) is left as read.
"""

from __future__ import annotations

import re

from bma_etl.document import Finding
from bma_etl.normalize.fields import Normalized
from bma_etl.records import MODEL_BY_TABLE, parser_kind

#: Most Latin words on a line of specks, and most letters in each.
MAX_TOKENS = 3
MAX_LETTERS = 4
_WORD = rf"[A-Za-z]{{1,{MAX_LETTERS}}}"
_JUNK_LINE = re.compile(rf"\A[ \t]*{_WORD}(?:[ \t]+{_WORD}){{0,{MAX_TOKENS - 1}}}[ \t]*\n+")
_THAI_START = re.compile(r"\A\s*[\u0e01-\u0e4f]")
_LATIN = re.compile("[A-Za-z]")


def without_junk_line(value: str) -> tuple[str, str] | None:
    r"""``(value without its first line, the line)`` when that line is Latin specks, else None.

    >>> without_junk_line("Bio\nกรุงเทพมหานคร")
    ('กรุงเทพมหานคร', 'Bio')
    >>> without_junk_line("BTS\nสายสีเขียว BTS") is None
    True
    """
    found = _JUNK_LINE.match(value)
    if found is None:
        return None
    rest = value[found.end():]
    if not _THAI_START.match(rest) or _LATIN.search(rest):
        return None
    return rest, found.group().strip()


def drop_junk_lines(normalized: Normalized) -> None:
    """Drop a leading line of Latin specks from the text values of an OCR'd document (in place)."""
    for row in normalized.rows:
        model = MODEL_BY_TABLE.get(row.table)
        if model is None:
            continue
        for name, value in list(row.values.items()):
            if not isinstance(value, str) or name not in model.model_fields \
                    or parser_kind(model, name) != "text":
                continue
            cut = without_junk_line(value)
            if cut is None:
                continue
            row.values[name] = cut[0]
            normalized.findings.append(Finding(
                row.table, row.ordinal, name, "warning", "ocr_junk_dropped",
                f"OCR read {cut[1]!r} on a line of its own before the Thai text: "
                "scan specks, dropped"))
