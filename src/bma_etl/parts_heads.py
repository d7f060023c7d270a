"""Whether a page under a document's very title opens a head of its own.

Stage: detect (:mod:`bma_etl.parts`). Two progress histories both at ร้อยละ 100.00
open under the same title line, and so do any two tracking pages
(``ความคืบหน้าโครงการ/กิจกรรม``); a running title repeated atop a document's later
page is that line too. The page is told a second document's first page when, read
alone as the layout, it names another project than the part's pages read alone
(:func:`another_project`: a code, then a name, a unit), or, when the two name none
alike, when it states a head block like the part's first page's (:func:`own_head`).
"""

from __future__ import annotations

from functools import lru_cache

from bma_etl.document import Raw, RepairedText
from bma_etl.errors import BmaEtlError
from bma_etl.layouts.base import Layout


def raw_pieces(value: object) -> list[Raw]:
    """A field's text pieces (a value read across lines is a list of them); [] for none."""
    pieces = value if isinstance(value, list) else [value]
    return [p for p in pieces if isinstance(p, Raw) and p.text.strip()]


@lru_cache(maxsize=16)
def _stated(layout: Layout, text: str) -> tuple[tuple[int, str, str], ...]:
    """The project fields ``text`` read alone as ``layout`` states, in the order of their lines.

    Each is ``(line number, field name, its text with white space collapsed)``;
    derived fields aside. Raises what the layout's extractor raises. Kept for the
    last few texts: :func:`another_project` and :func:`own_head` read the same part and
    page.
    """
    rows = layout.extract(RepairedText.of(text)).rows
    row = next((r for r in rows if r.table == "projects"), None)
    if row is None:
        return ()
    return tuple(sorted((min(p.span.line_no for p in pieces), name,
                         " ".join(" ".join(p.text for p in pieces).split()))
                        for name, value in row.fields.items() if (pieces := raw_pieces(value))))


#: Fields that say which project a page is about, the most telling first: the codes are
#: read by their pattern, the name with the code on its line (a tracking page's
#: ``<name> : <code>``), the agency and the division by their place under the title,
#: which a page that begins inside a head gives to whatever line follows it.
IDENTITY_FIELDS = ("project_code", "unit_code", "project_name", "agency", "division")


def new_head(layout: Layout, part: str, page: str) -> bool:
    """Whether ``page``, under its part's very title, opens another document of ``layout``.

    ``part`` is the text of the part's pages before ``page`` (its first page first).
    The page names another project (:func:`another_project`), or opens a head block
    of its own (:func:`own_head`: the same project's page printed again in full, a
    second save of it, is another document too). A page that states no head, or a
    few head fields the part's head lacks (a page break inside the head), continues
    the part: its title is a running title.
    """
    return bool(another_project(layout, part, page)) or own_head(layout, part, page)


def another_project(layout: Layout, part: str, page: str) -> bool | None:
    """Whether ``page`` read alone names another project than ``part`` read alone.

    The first of :data:`IDENTITY_FIELDS` that both texts state decides: True when
    stated otherwise (white space aside), False when alike. None when the page states
    one before it that the part does not (a page cut inside the head, whose later
    fields the extractor takes from whatever line follows the title), when they
    share none, or when either text is no document of the layout (a
    :class:`~bma_etl.errors.BmaEtlError`); a field the part states and the page does
    not (a second document printed with a shorter head) is passed over. Other
    exceptions propagate.
    """
    try:
        mine, its = _named(layout, part), _named(layout, page)
    except BmaEtlError:  # the part or the page read alone is no document of the layout
        return None
    for name in IDENTITY_FIELDS:
        if name in its:
            return mine[name] != its[name] if name in mine else None
    return None


def _named(layout: Layout, text: str) -> dict[str, str]:
    """The :data:`IDENTITY_FIELDS` that ``text`` read alone states, without white space."""
    return {name: "".join(value.split()) for _, name, value in _stated(layout, text)
            if name in IDENTITY_FIELDS}


def own_head(layout: Layout, first: str, page: str) -> bool:
    """Whether ``page`` read alone opens a head block of its own, unlike ``first``'s.

    The head opens as the part's first page's does (the fields of its first two
    lines that state any are the same ones), the two pages share most of the fields
    either states, in their order of lines, and the page states one of them
    otherwise (a first page cut short of its head is no head to compare). A page
    of the same document under a running title that begins inside the head (its
    strategy's second line) or inside an entry (a detail line) states a few fields
    the extractor takes from whatever follows the title: not a head block.

    ``first`` and ``page`` are the texts of the part's pages before it and of the
    later page (a progress history's, as printed or form-fed). A text the layout cannot
    read (a :class:`~bma_etl.errors.BmaEtlError`) has no head: False. Any other
    exception is a bug of the extractor and propagates.
    """
    try:
        mine, its = _stated(layout, first), _stated(layout, page)
    except BmaEtlError:  # the part or the page read alone is no document of the layout
        return False
    if _opening_lines(mine) != _opening_lines(its):
        return False
    names = [name for _, name, _ in mine]
    shared = [name for _, name, _ in its if name in names]
    if 2 * len(shared) <= max(len(names), len(its)) or shared != sorted(shared, key=names.index):
        return False
    stated = {name: value for _, name, value in its}
    return any(stated[name] != value for _, name, value in mine if name in stated)


def _opening_lines(stated: tuple[tuple[int, str, str], ...]) -> list[set[str]]:
    """The names of the fields stated on the first two lines that state any."""
    lines = sorted({line for line, _, _ in stated})[:2]
    return [{name for at, name, _ in stated if at == line} for line in lines]
