"""What project a part of a file names, and whether two parts name the same one.

Stage: detect (:mod:`bma_etl.parts`). A ``second_document`` finding names the
document a file's other part holds (:func:`named`: its code and name, read from its
own pages), and a part that names the project the file's document was read as is
that document, not another (:func:`same_project`: the form's pages in the wrong
order, a mail's header lines above the form it forwards).
"""

from __future__ import annotations

import re

from bma_etl.document import RawRow, RepairedText
from bma_etl.layouts import REGISTRY
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.parts_heads import raw_pieces

__all__ = ["NAMING_FIELDS", "Naming", "named", "naming", "part_text", "same_project"]

#: The fields that name a document's project, in the order they are named.
NAMING_FIELDS = ("project_code", "project_name")
#: Characters of a name kept in a finding.
_NAME_CHARS = 80
#: A Thai vowel or tone mark written over or under the letter before it: no cut before it.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")

#: What a part names: ``(field, its text, white space collapsed)`` per naming field stated.
Naming = tuple[tuple[str, str], ...]


def naming(rows: list[RawRow]) -> Naming:
    """The code and name the first row that states either gives (Arabic digits); () for none."""
    for row in rows:
        named_ = tuple(
            (name, " ".join(to_arabic_digits(" ".join(piece.text for piece in pieces)).split()))
            for name in NAMING_FIELDS if (pieces := raw_pieces(row.fields.get(name))))
        if named_:
            return named_
    return ()


def part_text(paged: RepairedText, first_page: int, last_page: int) -> str:
    """The text of pages ``first_page``..``last_page`` (1-based) of ``paged``."""
    starts = paged.index.page_starts
    end = starts[last_page] - 1 if last_page < len(starts) else len(paged.text)
    return paged.text[starts[first_page - 1]:end]


def part_naming(paged: RepairedText, first_page: int, last_page: int, layout_id: str) -> Naming:
    """What the pages read alone as ``layout_id`` name (:func:`naming`); () when nothing."""
    text = part_text(paged, first_page, last_page)
    layout = next((lay for lay in REGISTRY if lay.layout_id == layout_id), None)
    if layout is None or not text.strip():
        return ()
    try:
        rows = layout.extract(RepairedText.of(text)).rows
    except Exception:  # an extractor's fault on a part must not sink the file's document
        return ()
    return naming(rows)


def same_project(a: Naming, b: Naming) -> bool:
    """Whether ``a`` and ``b`` name one project; False when either names none (``()``).

    The same code (spaces and dashes aside), or, when either states no code, the same
    name (spaces aside).

    >>> same_project((("project_code", "1000-5126"),), (("project_code", "1000 - 5126"),
    ...                                                ("project_name", "x")))
    True
    >>> same_project((("project_name", "a b"),), (("project_code", "1"), ("project_name", "ab")))
    True
    >>> same_project((("project_code", "1"),), ())
    False
    """
    first, second = dict(a), dict(b)
    if "project_code" in first and "project_code" in second:
        return _bare(first["project_code"], "-") == _bare(second["project_code"], "-")
    if "project_name" in first and "project_name" in second:
        return _bare(first["project_name"]) == _bare(second["project_name"])
    return False


def _bare(text: str, drop: str = "") -> str:
    return "".join(c for c in text if not c.isspace() and c not in drop)


def named(naming_: Naming) -> str:
    """``", project 50140000-7302 โครงการขุดลอก…"``: what a part names, for a finding; "" for ()."""
    if not naming_:
        return ""
    name = " ".join(text for _, text in naming_)
    return ", project " + (name if len(name) <= _NAME_CHARS else _cut(name) + "…")


def _cut(name: str) -> str:
    """``name`` cut to :data:`_NAME_CHARS` characters, at a space in its second half.

    Thai runs words together: else at a letter, never before a vowel or tone mark.
    """
    at = _NAME_CHARS
    while at > 1 and _MARKS.match(name, at):
        at -= 1
    space = name.rfind(" ", 0, _NAME_CHARS + 1)
    return name[:space] if space > _NAME_CHARS // 2 else name[:at]
