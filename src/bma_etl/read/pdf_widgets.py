"""A filled PDF form's field values, drawn into their pages as printing the form would.

Stage: read (runs in the PDF worker process, right after the PDF is opened). A
progress form filled in a viewer (Acrobat's fill-in, a Word or LibreOffice form
exported with fields) keeps its values in AcroForm widgets, not in the page's
text: the page's text layer holds the printed labels and nothing after them.
:func:`draw_form_values` flattens every page's widgets into the page's content,
in the document pdfium holds in memory (the file is not touched): a field's
appearance stream, or the one pdfium makes from its value (``/V``) when the
form asks for new appearances (``/NeedAppearances``), has none, or has one that
draws no text (a value a program wrote without drawing it), becomes a Form
XObject drawn at the widget's rectangle (PDF points, the page's space). The
value is then text on the page where a printed value would stand (its box moved
onto its label's line and its drawing among that line's words:
:mod:`.pdf_widget_lines`), and its lines
and cells are made from it as from any other text (:mod:`.pdf_layout`). A
checkbox's or radio button's appearance draws its check as a path, no text: a
box is written instead as a mark of its state at the box, :data:`TICK` when
ticked, :data:`BOX` when not, so a form's options read ``❏ เป็นไปตามแผน ✔
ไม่เป็นไปตามแผน`` (which side of its words a box stands on shows in the text).

A PDF without an interactive form (no ``/AcroForm`` in its catalog) costs one
call; annotations that are not form fields (links, comments, stamps) are never
drawn, as before.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterable
from typing import Any

from bma_etl.read.pdf_widget_lines import (
    SLACK,
    Line,
    line_for,
    place_in_line,
    text_lines,
    values_among_their_lines,
    values_onto_lines,
)

#: What a ticked checkbox or radio button reads as: HEAVY CHECK MARK, drawn in the
#: standard ZapfDingbats font (no font file needed; pdfium maps it back to U+2714).
TICK = "\u2714"
#: What one not ticked reads as: ZapfDingbats' shadowed white square (U+274F).
BOX = "\u274f"
#: A mark's size and place in its box (shares of the box's height, from its corner).
_MARK_SIZE, _MARK_LEFT, _MARK_RAISE = 0.8, 0.1, 0.2
#: A text field's comb flag (PDF 32000-1, table 228: bit 25).
_COMB = 1 << 24
#: A text field's multi-line flag (table 228: bit 13).
_MULTILINE = 1 << 12
#: How much wider than its drawn text (a share of it) a widened one-line box is made:
#: its value is drawn anew, in a font that may run wider than the one it was drawn in.
_WIDER = 1.25


def draw_form_values(pdf: Any, min_chars: int = 0, pages: Iterable[int] | None = None
                     ) -> dict[int, tuple[str, ...]]:
    """Draw every page's form field widgets into its content; the values placed on no line.

    ``pdf``: a freshly opened pypdfium2 ``PdfDocument`` with no page loaded yet
    (pdfium's form environment must see every page load). Widgets hidden from
    view are left out (pdfium's normal display). ``min_chars``: a page whose own
    text has fewer letters (not white space) is left as it is: a scanned form made
    fillable, whose labels are in its image, is read by OCR from a render that
    draws its values (:func:`.pdf_open.render_page` draws them on the page it renders).
    ``pages``: the page indexes to draw on (0-based; default all). Returns, per page
    index drawn on, the filled text fields left at their boxes for want of a text line
    to set them on (:func:`.pdf_widget_lines.values_onto_lines`), each as
    :func:`_named_value` gives it; empty when every value found its line. Raises
    nothing of its own.
    """
    import pypdfium2.raw as pdfium_c

    from bma_etl.read.pdf_tables import page_rules

    if pdfium_c.FPDF_GetFormType(pdf.raw) == pdfium_c.FORMTYPE_NONE:
        return {}
    pdf.init_forms()  # makes the appearance of a value that has none, as a viewer does
    unplaced: dict[int, tuple[str, ...]] = {}
    for index in range(len(pdf)) if pages is None else pages:
        page = pdf[index]
        try:
            if _widgets_only(page.raw) and (not min_chars or _letters(page) >= min_chars):
                if _values_to_redraw(pdf, page.raw):
                    page.close()  # pdfium draws them from their values as the page loads
                    page = pdf[index]
                lines = text_lines(page.raw)
                alone = values_onto_lines(pdf.formenv.raw, page.raw, lines,
                                          page_rules(page.raw))
                named = [_named_value(pdf.formenv.raw, page.raw, k) for k in alone]
                if any(named):
                    unplaced[index] = tuple(text for text in named if text)
                if _boxes_as_marks(pdf, page.raw, lines):
                    pdfium_c.FPDFPage_GenerateContent(page.raw)
                if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == \
                        pdfium_c.FLATTEN_SUCCESS:
                    page.close()  # (flattening leaves the loaded page's objects as they were)
                    page = pdf[index]
                    values_among_their_lines(page.raw)
        finally:
            page.close()
    return unplaced


def _named_value(form: Any, page: Any, index: int) -> str:
    """The text field at annotation ``index`` of ``page`` as a finding quotes it.

    That is its name and value (``f7: "..."``, cut to 40 characters; its name alone
    when only its appearance draws it, no ``/V``); empty for a field that draws nothing.
    """
    import pypdfium2.raw as pdfium_c

    annot = pdfium_c.FPDFPage_GetAnnot(page, index)
    try:
        value = _field_value(form, annot).strip()
        if not value and not _draws_text(annot):
            return ""
        size = pdfium_c.FPDFAnnot_GetFormFieldName(form, annot, None, 0)
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAnnot_GetFormFieldName(
            form, annot, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
        name = buffer.raw[:max(size - 2, 0)].decode("utf-16-le", "replace")
    finally:
        pdfium_c.FPDFPage_CloseAnnot(annot)
    value = " ".join(value.split())
    return f"{name}: \"{value[:40]}{'...' if len(value) > 40 else ''}\"" if value else name


def _field_value(form: Any, annot: Any) -> str:
    """A form field's value (``/V``; inherited from its parent field), empty when none."""
    import pypdfium2.raw as pdfium_c

    size = pdfium_c.FPDFAnnot_GetFormFieldValue(form, annot, None, 0)
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFAnnot_GetFormFieldValue(
        form, annot, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return buffer.raw[:max(size - 2, 0)].decode("utf-16-le", "replace")


def _letters(page: Any) -> int:
    """How many letters (not white space) the page's own text layer holds."""
    textpage = page.get_textpage()
    try:
        return len("".join(textpage.get_text_range().split()))
    finally:
        textpage.close()


def _widgets_only(page: Any) -> bool:
    """Whether the page has a form field widget; its other annotations taken off it.

    Links, comments and stamps were never read as the page's text: taking them
    off before the page is flattened keeps them out of it.
    """
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFPage_GetAnnotCount(page)
    kinds = []
    for i in range(count):
        annot = pdfium_c.FPDFPage_GetAnnot(page, i)
        kinds.append(pdfium_c.FPDFAnnot_GetSubtype(annot))
        pdfium_c.FPDFPage_CloseAnnot(annot)
    if pdfium_c.FPDF_ANNOT_WIDGET not in kinds:
        return False
    for i in reversed(range(count)):
        if kinds[i] != pdfium_c.FPDF_ANNOT_WIDGET:
            pdfium_c.FPDFPage_RemoveAnnot(page, i)
    return True


def _values_to_redraw(pdf: Any, page: Any) -> bool:
    """Drop each text field's appearance that would not show its value as text.

    Returns whether any was dropped. A value a program wrote into ``/V`` without
    drawing it leaves the field's old appearance, empty; a comb field (PDF 32000-1,
    12.7.4.3: its value spread one character to a cell) would read as letters a tab
    apart (``0``, a tab, ``8``…): it is drawn as a plain field. A value longer
    than the field's ``/MaxLen`` is drawn whole (:func:`_past_max_length`); a
    one-line field's value that runs past its box, in a box wide enough for it
    (:func:`_widened_to_value`).
    """
    import pypdfium2.raw as pdfium_c

    form = pdf.formenv.raw
    dropped = False
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annot = pdfium_c.FPDFPage_GetAnnot(page, i)
        try:
            if pdfium_c.FPDFAnnot_GetFormFieldType(form, annot) != \
                    pdfium_c.FPDF_FORMFIELD_TEXTFIELD or \
                    pdfium_c.FPDFAnnot_GetFormFieldValue(form, annot, None, 0) <= 2:
                continue  # (the length in bytes of a UTF-16 string and its end)
            flags = pdfium_c.FPDFAnnot_GetFormFieldFlags(form, annot)
            cut = _past_max_length(form, annot)  # both: a value may be cut twice
            cut = (not flags & _MULTILINE and _widened_to_value(page, annot)) or cut
            if flags & _COMB:
                pdfium_c.FPDFAnnot_SetFormFieldFlags(form, annot, flags & ~_COMB)
            elif not cut and _draws_text(annot) and not _beyond_its_font(form, annot):
                continue
            pdfium_c.FPDFAnnot_SetAP(annot, pdfium_c.FPDF_ANNOT_APPEARANCEMODE_NORMAL, None)
            dropped = True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return dropped


def _past_max_length(form: Any, annot: Any) -> bool:
    """Lift the field's ``/MaxLen`` when its value is longer than it; whether it was.

    A form program's default limit (ReportLab's ``maxlen`` of 100 characters) does
    not stop a program writing a longer ``/V``, and pdfium draws only the first
    ``/MaxLen`` characters of it (a long project name cut mid-word). The field's
    value is its whole ``/V``: the limit is replaced by an empty string, which
    pdfium reads as none, and the value drawn anew, whole (past its box's right
    edge when it is longer than the box, as a printout of the form shows it).
    """
    import pypdfium2.raw as pdfium_c

    limit = ctypes.c_float()
    if not pdfium_c.FPDFAnnot_GetNumberValue(annot, b"MaxLen", limit) or limit.value <= 0:
        return False
    units = (pdfium_c.FPDFAnnot_GetFormFieldValue(form, annot, None, 0) - 2) // 2
    if units <= limit.value:  # (UTF-16 code units, a Thai letter one)
        return False
    empty = ctypes.create_string_buffer(b"\0\0")
    return bool(pdfium_c.FPDFAnnot_SetStringValue(
        annot, b"MaxLen", ctypes.cast(empty, ctypes.POINTER(pdfium_c.FPDF_WCHAR))))


def _widened_to_value(page: Any, annot: Any) -> bool:
    """Widen the field's box to the right when its appearance's text runs past it.

    The appearance draws its value whole and the box clips it at its right edge;
    the box is made :data:`_WIDER` times as wide as the drawn text's right end
    (points from the box's left edge, in the box's own space), at most to the
    page's right edge (text past it is off the page): a value still wider is
    drawn smaller to fit (its font size set to auto, ``0 Tf``, in its ``/DA``).
    Returns whether it was widened; an appearance drawn in the page's own space,
    turned or with no text, is left as it is.
    """
    import pypdfium2.raw as pdfium_c

    rect = pdfium_c.FS_RECTF()
    if not pdfium_c.FPDFAnnot_GetRect(annot, rect):
        return False
    width = abs(rect.right - rect.left)
    matrix = pdfium_c.FS_MATRIX()
    corners = [ctypes.c_float() for _ in range(4)]
    right = 0.0
    for k in range(pdfium_c.FPDFAnnot_GetObjectCount(annot)):
        obj = pdfium_c.FPDFAnnot_GetObject(annot, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix) or matrix.b or matrix.c or \
                not pdfium_c.FPDFPageObj_GetBounds(obj, *corners) or \
                not -SLACK <= corners[0].value <= width:
            return False  # turned, or in the page's space (starting past the box)
        right = max(right, corners[2].value)
    if right <= width + SLACK:
        return False
    left = min(rect.left, rect.right)
    edge = pdfium_c.FPDF_GetPageWidthF(page) - SLACK
    rect.left, rect.right = left, max(min(left + _WIDER * right, edge), left + width)
    if left + _WIDER * right > edge:
        _auto_font_size(annot)
    return bool(pdfium_c.FPDFAnnot_SetRect(annot, rect))


def _auto_font_size(annot: Any) -> None:
    """Set the font size of the field's default appearance (``/DA``) to auto (0)."""
    import pypdfium2.raw as pdfium_c

    size = pdfium_c.FPDFAnnot_GetStringValue(annot, b"DA", None, 0)
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFAnnot_GetStringValue(
        annot, b"DA", ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    appearance = buffer.raw[:max(size - 2, 0)].decode("utf-16-le", "replace")
    auto = re.sub(r"[-+.\d]+(\s+Tf\b)", r"0\1", appearance)
    if auto != appearance:
        text = ctypes.create_string_buffer((auto + "\0").encode("utf-16-le"))
        pdfium_c.FPDFAnnot_SetStringValue(
            annot, b"DA", ctypes.cast(text, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))


def _beyond_its_font(form: Any, annot: Any) -> bool:
    """Whether the field's value outruns the fonts its appearance draws in.

    That is a value with letters past Latin-1 drawn only in fonts not embedded
    (the standard 14: Helvetica has no Thai, and a program that drew a Thai value
    in it wrote ``?`` for each letter).
    """
    import pypdfium2.raw as pdfium_c

    value = _field_value(form, annot)
    if all(ord(c) < 0x100 for c in value):
        return False
    objects = [pdfium_c.FPDFAnnot_GetObject(annot, k)
               for k in range(pdfium_c.FPDFAnnot_GetObjectCount(annot))]
    return not any(pdfium_c.FPDFFont_GetIsEmbedded(pdfium_c.FPDFTextObj_GetFont(obj))
                   for obj in objects
                   if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_TEXT)


def _draws_text(annot: Any) -> bool:
    """Whether the widget's normal appearance draws any text."""
    import pypdfium2.raw as pdfium_c

    return any(pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFAnnot_GetObject(annot, k))
               == pdfium_c.FPDF_PAGEOBJ_TEXT
               for k in range(pdfium_c.FPDFAnnot_GetObjectCount(annot)))


def _boxes_as_marks(pdf: Any, page: Any, lines: list[Line]) -> bool:
    """Take the page's checkboxes and radio buttons off it, each written as its state's mark.

    A mark stands on the baseline of the text line (``lines``) its box overlaps
    most (:func:`.pdf_widget_lines.line_for`), as its options' words. Returns
    whether the page had any.
    """
    import pypdfium2.raw as pdfium_c

    form = pdf.formenv.raw
    boxes = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annot = pdfium_c.FPDFPage_GetAnnot(page, i)
        kind = pdfium_c.FPDFAnnot_GetFormFieldType(form, annot)
        if kind in (pdfium_c.FPDF_FORMFIELD_CHECKBOX, pdfium_c.FPDF_FORMFIELD_RADIOBUTTON):
            rect = pdfium_c.FS_RECTF()
            mark = TICK if pdfium_c.FPDFAnnot_IsChecked(form, annot) else BOX
            if pdfium_c.FPDFAnnot_GetRect(annot, rect):
                _write_mark(pdf, page, rect, mark, line_for(
                    min(rect.bottom, rect.top), max(rect.bottom, rect.top), lines,
                    min(rect.left, rect.right), max(rect.left, rect.right)))
            boxes.append(i)
        pdfium_c.FPDFPage_CloseAnnot(annot)
    for i in reversed(boxes):
        pdfium_c.FPDFPage_RemoveAnnot(page, i)
    return bool(boxes)


def _write_mark(pdf: Any, page: Any, rect: Any, mark: str, baseline: float | None) -> None:
    """Write ``mark`` (:data:`TICK` or :data:`BOX`) as text in the box ``rect`` (``FS_RECTF``).

    ``baseline``: the height (points) it stands on, the mark drawn in its place among
    that line's words (:func:`.pdf_widget_lines.place_in_line`); None: a little
    above the box's bottom, drawn last.
    """
    import pypdfium2.raw as pdfium_c

    left, bottom = min(rect.left, rect.right), min(rect.bottom, rect.top)
    height = abs(rect.top - rect.bottom)
    drawn = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"ZapfDingbats", _MARK_SIZE * height)
    text = ctypes.create_string_buffer((mark + "\0").encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(drawn, ctypes.cast(text, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    x = left + _MARK_LEFT * height
    pdfium_c.FPDFPageObj_Transform(drawn, 1, 0, 0, 1, x, bottom + _MARK_RAISE * height
                                   if baseline is None else baseline)
    place_in_line(page, drawn, x, baseline)


#: How many fields a finding quotes.
QUOTED = 5


def unplaced_message(unplaced: tuple[tuple[int, str], ...]) -> str:
    """The ``form_value_unplaced`` quality issue's message for fields left at their boxes.

    ``unplaced``: ``(1-based page, field as quoted)`` (:attr:`.SourceDocument.unplaced`).
    Such a value reads where its box stands, as a line of its own or beside other text
    than its label's: its label's field may be NULL, or take another value.

    >>> unplaced_message(((2, 'f9: "12,000"'),))
    '1 filled form field on no text line, read where its box stands: page 2 f9: "12,000"'
    """
    shown = ", ".join(f"page {page} {field}" for page, field in unplaced[:QUOTED])
    more = f" and {len(unplaced) - QUOTED} more" if len(unplaced) > QUOTED else ""
    plural = "" if len(unplaced) == 1 else "s"
    return (f"{len(unplaced)} filled form field{plural} on no text line, read where "
            f"{'its box stands' if not plural else 'their boxes stand'}: {shown}{more}")
