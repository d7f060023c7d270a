"""PDFs remade as a print shop or a viewer remakes them: pages imposed, forms flattened.

Pages drawn several to a sheet (pypdf's merge, pdfium's Form XObjects), two to a
landscape sheet, and a filled form flattened by pdfium or qpdf.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

#: Where page ``k`` of a sheet goes: ``(width, height, k)`` of the page (points) to
#: ``(scale, x, y)`` of its drawing on the sheet.
Place = Callable[[float, float, int], tuple[float, float, float]]


def impose_pypdf(src: Path, out: Path, sheet: tuple[float, float], per_sheet: int,
                 place: Place) -> None:
    """``per_sheet`` pages of ``src`` to each ``sheet`` (points), each page's content
    drawn scaled where ``place`` puts it (pypdf's merge)."""
    import pypdf

    reader, writer = pypdf.PdfReader(src), pypdf.PdfWriter()
    for first in range(0, len(reader.pages), per_sheet):
        drawn = pypdf.PageObject.create_blank_page(width=sheet[0], height=sheet[1])
        for k, page in enumerate(reader.pages[first:first + per_sheet]):
            scale, x, y = place(float(page.mediabox.width), float(page.mediabox.height), k)
            drawn.merge_transformed_page(page, pypdf.Transformation().scale(scale)
                                         .translate(x, y))
        writer.add_page(drawn)
    writer.write(out)


def impose_pdfium(src: Path, out: Path, sheet: tuple[float, float], per_sheet: int,
                  place: Place) -> None:
    """``per_sheet`` pages of ``src`` to each ``sheet`` (points), each page one Form
    XObject drawn scaled where ``place`` puts it (pdfium)."""
    import pypdfium2 as pdfium

    source, target = pdfium.PdfDocument(src), pdfium.PdfDocument.new()
    for first in range(0, len(source), per_sheet):
        drawn = target.new_page(*sheet)
        for k in range(min(per_sheet, len(source) - first)):
            scale, x, y = place(*source[first + k].get_size(), k)
            page = source.page_as_xobject(first + k, target).as_pageobject()
            page.transform(pdfium.PdfMatrix().scale(scale, scale).translate(x, y))
            drawn.insert_obj(page)
        drawn.gen_content()
    target.save(out)


def two_up_pdfium(src: Path, out: Path) -> None:
    """The pages of ``src`` drawn two to a landscape sheet by pdfium (each a Form XObject),
    each scaled into its half and centred there."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(src)
    width, height = source[0].get_size()
    source.close()
    sheet_w, sheet_h = height, width
    scale = min(sheet_w / 2 / width, sheet_h / height)

    def place(w: float, h: float, k: int) -> tuple[float, float, float]:
        return (scale, k * sheet_w / 2 + (sheet_w / 2 - w * scale) / 2,
                (sheet_h - h * scale) / 2)

    impose_pdfium(src, out, (sheet_w, sheet_h), 2, place)


def flattened_form(pdf: Path, out: Path, how: str) -> None:
    """The filled form ``pdf`` flattened into ``out``: ``pdfium`` as a viewer prints it (its
    appearances made from ``/V``, drawn into the page), ``qpdf`` from the appearances a
    viewer saved (``--flatten-annotations=all``)."""
    import subprocess

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    document = pdfium.PdfDocument(str(pdf))
    document.init_forms()
    for index in range(len(document)):
        page = document[index]
        if how == "pdfium":
            pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_PRINT)
        page.close()
    saved = out.with_suffix(".saved.pdf") if how == "qpdf" else out
    document.save(str(saved))
    document.close()
    if how == "qpdf":
        writer = PdfWriter(clone_from=str(saved))
        del writer.root_object["/AcroForm"][NameObject("/NeedAppearances")]
        writer.write(str(saved))
        subprocess.run(["qpdf", "--flatten-annotations=all", str(saved), str(out)], check=True)
