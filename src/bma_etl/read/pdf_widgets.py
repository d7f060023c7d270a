"""A filled PDF form's field values, drawn into their pages as printing the form would.

Stage: read (runs in the PDF worker process, right after the PDF is opened). A
progress form filled in a viewer (Acrobat's fill-in, a Word or LibreOffice form
exported with fields) keeps its values in AcroForm widgets, not in the page's
text: the page's text layer holds the printed labels and nothing after them.
:func:`draw_form_values` flattens every page's widgets into the page's content,
in the document pdfium holds in memory (the file is not touched): a field's
appearance stream, or the one pdfium makes from its value (``/V``) when the
form asks for new appearances (``/NeedAppearances``) or has none, becomes a Form
XObject drawn at the widget's rectangle (PDF points, the page's space). The
value is then text on the page where a printed value would stand, and its lines
and cells are made from it as from any other text (:mod:`.pdf_layout`). A
checkbox is drawn as its state's appearance: a check mark drawn as a path is
no text, so a box's state is read into the page's text as a mark of its own
(:mod:`.pdf_checkboxes`).

A PDF without an interactive form (no ``/AcroForm`` in its catalog) costs one
call; annotations that are not form fields (links, comments, stamps) are never
drawn, as before.
"""

from __future__ import annotations

from typing import Any


def draw_form_values(pdf: Any) -> int:
    """Draw every page's form field widgets into its content; the number of pages drawn on.

    ``pdf``: a freshly opened pypdfium2 ``PdfDocument`` with no page loaded yet
    (pdfium's form environment must see every page load). Widgets hidden from
    view are left out (pdfium's normal display). Raises nothing of its own.
    """
    import pypdfium2.raw as pdfium_c

    if pdfium_c.FPDF_GetFormType(pdf.raw) == pdfium_c.FORMTYPE_NONE:
        return 0
    pdf.init_forms()  # makes the appearance of a value that has none, as a viewer does
    drawn = 0
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            if _widgets_only(page.raw):
                pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
                drawn += 1
        finally:
            page.close()
    return drawn


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
