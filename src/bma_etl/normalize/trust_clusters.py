"""A text value with a glyph a PDF's text dump misnamed or named nothing: not loaded.

Stage: normalize, for text files. A PDF's text map may give one glyph another
glyph's text: LibreOffice's print of ``ผู้บริหาร`` in some fonts maps the SARA UU drawn
below ``ผ`` to MAI THO, and pypdf's dump of it writes ``ผ้้บริหาร``; pypdf's layout
mode writes ``ที่้`` and ``ว่่``. No Thai letter carries two tone marks, so the
dump's text is wrong there, and which letter or vowel it stood for is not written
anywhere: cleaning the value (one tone mark kept) stored ``ผ้บริหาร``, a wrong name.
:func:`drop_dump_misreads` NULLs each text or path value whose raw text holds such
a letter, with a ``doubled_tone_mark`` warning quoting it.

Only where the document's text holds at least :data:`MIN_DOUBLED` such letters: a
producer's text map wrote them, not a typist's slip (a clean file holds none or one,
and reads as before).

A glyph the text map names nothing pypdf writes as NUL, read as U+FFFD
(:func:`bma_etl.read.text.unnamed_glyphs`): a Chromium print's Thai marks
(``ชื\ufffdอโครงการ``), an arrow a font lacks. A value holding U+FFFD is NULL the
same way, with an ``unnamed_glyph`` warning: which letter stood there
is written nowhere.

pypdf's layout mode sets a page's columns side by side, each line holding a piece
of every cell beside it, many spaces apart: a plan's KPI table of four wrapped
columns read one cell as pieces of three (``นิยาม การลดปริมาณมูลฝอยและส่งเสริ ๑.
ละส่งเสริมการคัดแยกขยะใ``). In a text so spread
(:func:`bma_etl.read.text_dumps.spread`), a text or path value read over two lines
or more that takes in four spaces or more inside a line is NULL with an
``interleaved_columns`` warning, and so is one read from one line whose cell goes on
at the next line's same place, nothing left of it (its first line only: a plan's
name cut at its wrap); a value read within its column is kept.

pdfminer.six cuts words at the marks it lifts to another line; those it put back
nowhere (:func:`bma_etl.read.text_dumps.rejoined_marks` found no letter for them)
begin a line or follow a space, and the lines around them hold pieces of other
cells (a history page's entry read as ``นที / 14/08/2568 : ลงนาม… ผู``). In a text
holding at least :data:`MIN_ORPHANS` such marks, and not spread, a value read from a
line holding one is NULL with an ``orphan_marks`` warning. A clean file holds none.
"""

from __future__ import annotations

import re

from bma_etl.normalize.fields import Normalized
from bma_etl.normalize.trust_drops import Dropped, drop_value, forget_provenance, loaded_values
from bma_etl.read.text_dumps import spread
from bma_etl.records import parser_kind

__all__ = ["MIN_DOUBLED", "MIN_ORPHANS", "doubled_tone", "drop_dump_misreads"]

_UNNAMED = "\ufffd"
#: A combining mark that begins a line or follows a space: one no letter carries.
_ORPHAN = re.compile("(?:^|(?<=\\s))[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", re.MULTILINE)
#: Such marks a text must hold for its lines holding one to be judged scrambled.
MIN_ORPHANS = 3
_GAP = re.compile(r"\S {4,}\S")

#: Letters with two tone marks a document's text must hold for its values to be judged.
MIN_DOUBLED = 2
#: Parser kinds of the values looked at: running text and names, a unit's path.
_KINDS = frozenset({"text", "path"})
_MARK = "\u0e31\u0e34-\u0e3a\u0e47"
#: A letter, its vowel marks, a tone mark (or THANTHAKHAT), vowel marks, another one.
_DOUBLED = re.compile(f"[\u0e01-\u0e2e][{_MARK}]*[\u0e48-\u0e4c][{_MARK}]*[\u0e48-\u0e4c]")
#: Two tone marks with vowel marks only between: in every :data:`_DOUBLED`, and sought
#: faster (tone marks are rarer than letters), so that a text without one is passed.
_TWO_TONES = re.compile(f"[\u0e48-\u0e4c][{_MARK}]*[\u0e48-\u0e4c]")
#: A mark after white space: :data:`_ORPHAN` but at the text's start, sought faster.
_SPACE_MARK = re.compile("\\s[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def doubled_tone(text: str) -> bool:
    """Whether a letter of ``text`` carries two tone marks.

    >>> doubled_tone("ผ้้บริหาร"), doubled_tone("ที่้"), doubled_tone("ผู้บริหาร ที่")
    (True, True, False)
    """
    return _DOUBLED.search(text) is not None


def drop_dump_misreads(normalized: Normalized, text: str) -> None:
    """NULL the values a PDF's text dump misread (in place): see the module docstring.

    ``text``: the document's text. A value of any kind holding U+FFFD; a text or path
    value holding a letter with two tone marks, where ``text`` holds at least
    :data:`MIN_DOUBLED` of them; a text or path value taking in another column's
    text, where ``text``'s lines are spread; a value read from a line holding a mark
    no letter carries, where ``text`` holds :data:`MIN_ORPHANS` of them. Each value
    NULLed loses its provenance row and gets an ``unnamed_glyph``, ``orphan_marks``,
    ``interleaved_columns`` or ``doubled_tone_mark`` warning naming its line and the
    text read.
    """
    doubled = _TWO_TONES.search(text) is not None \
        and len(_DOUBLED.findall(text)) >= MIN_DOUBLED
    columns = spread(text)
    # (a spread text's marks pypdf set apart with its letters' pieces are no sign)
    orphans = not columns and _orphans(text) >= MIN_ORPHANS
    if not doubled and not columns and not orphans and _UNNAMED not in text:
        return
    dropped: Dropped = set()
    for prov, row, model in loaded_values(normalized):
        if not prov.raw_text:
            continue
        if _UNNAMED in prov.raw_text:
            code, why = "unnamed_glyph", "a glyph the PDF's text map names nothing"
        elif orphans and _orphaned(text, prov.char_start, prov.char_end):
            code, why = "orphan_marks", ("a line holding marks no letter carries (the dump "
                                         "cut its words and moved their pieces)")
        elif columns and parser_kind(model, prov.field) in _KINDS \
                and _interleaved(text, prov.char_start, prov.char_end):
            code, why = "interleaved_columns", ("lines holding other columns' text beside it "
                                                "(the dump set the PDF's columns side by side)")
        elif columns and parser_kind(model, prov.field) in _KINDS \
                and _goes_on_below(text, prov.char_start, prov.char_end):
            code, why = "interleaved_columns", ("its cell's rest on the next line, beside "
                                                "other columns' (the dump set the PDF's "
                                                "columns side by side): the value is cut")
        elif doubled and parser_kind(model, prov.field) in _KINDS \
                and doubled_tone(prov.raw_text):
            code, why = "doubled_tone_mark", ("a letter with two tone marks (the PDF's text "
                                              "map named a glyph wrong)")
        else:
            continue
        drop_value(normalized, prov, row, dropped, code,
                   f"the text reads {prov.raw_text!r}, {why}: not loaded")
    forget_provenance(normalized, dropped)


def _orphans(text: str) -> int:
    """How many marks of ``text`` begin a line or follow white space (:data:`_ORPHAN`'s)."""
    return len(_SPACE_MARK.findall(text)) + bool(_ORPHAN.match(text))


def _interleaved(text: str, start: int | None, end: int | None) -> bool:
    """Whether a value at ``start:end`` of ``text`` takes in another column's text.

    It runs over two lines or more, one of which holds four spaces or more between
    its letters inside the value.
    """
    if start is None or end is None:
        return False
    span = text[start:end].strip()
    return "\n" in span and any(_GAP.search(line) for line in span.split("\n"))


def _goes_on_below(text: str, start: int | None, end: int | None) -> bool:
    """Whether a value read within one line of ``text`` goes on in its cell below.

    Both lines are a table's (other columns' text four spaces or more apart on
    each), and the next holds text from the value's own column on and nothing left
    of it (no cell of a next row): the cell wrapped there (a plan's name
    ``โครงการจัดทำแผนที่ภาพถ่ายทาง`` / ``อากาศเชิงเลขกรุงเทพมหานคร`` beside its amount's
    ``บาท``), and the value read is its first line only.
    """
    if start is None or end is None or "\n" in text[start:end].strip():
        return False
    first = text.rfind("\n", 0, start) + 1
    column = start - first
    nxt_at = text.find("\n", end)
    if column == 0 or nxt_at < 0:
        return False
    below = text[nxt_at + 1:text.find("\n", nxt_at + 1) % (len(text) + 1)]
    return bool(_GAP.search(text, first, nxt_at)) and bool(_GAP.search(below)) \
        and len(below) > column and not below[:column].strip() and not below[column].isspace()


def _orphaned(text: str, start: int | None, end: int | None) -> bool:
    """Whether a line the value at ``start:end`` of ``text`` is read from holds an orphan."""
    if start is None or end is None:
        return False
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return _ORPHAN.search(text, first, last if last >= 0 else len(text)) is not None
