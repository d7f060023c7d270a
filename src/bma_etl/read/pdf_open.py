"""Opening a PDF with pdfium, a page's shapes, turning it upright, rendering it (in the worker).

Stage: read. Used by :mod:`.pdf` (text layers and OCR of pages); these functions
run in the worker process (:func:`~bma_etl.read.pdf_worker.call_with_time_limit`).
"""

from __future__ import annotations

import ctypes
import math
import re
import struct
from typing import Any

from bma_etl.errors import ReadError
from bma_etl.read.pdf_forms import Box, Matrix, box_through, then
from bma_etl.read.pdf_tounicode import remember
from bma_etl.read.pdf_widgets import draw_form_values

#: The matrix that leaves every point where it is (a matrix ``(a, b, c, d, e, f)`` takes
#: a point (x, y) to (a x + c y + e, b x + d y + f)).
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: How deep into nested form XObjects :func:`page_shapes` looks (as pypdfium2's ``get_objects``).
MAX_FORM_DEPTH = 15
#: A text object as :func:`page_shapes` finds it: the form object holding it (None on
#: the page itself), the object, and the matrix from that form's space to the page's
#: (None: the page's own space).
TextObject = tuple[Any, Any, Matrix | None]


def page_shapes(page: Any, texts: list[TextObject] | None = None,
                blanks: list[Box] | None = None, forms: list[Any] | None = None,
                boxes: list[tuple[Any, Box]] | None = None,
                order: list[tuple[int, Any, Box]] | None = None) -> tuple[list[Box], list[Box]]:
    """The boxes of the paths and of the images a pdfium page draws, forms included.

    Boxes are in the page's space (points): an object inside a form XObject is
    placed through the form's matrices (pdfium gives its box in the form's space); a
    path on the page itself is cut to its clip (:func:`clipped`: none drawn wholly
    outside it).
    One walk over the page's objects with pdfium's own calls: pypdfium2's
    ``get_objects`` wraps every object in a Python object, several times the cost.
    ``texts``: if given, every text object is added to it in the same walk (see
    :data:`TextObject`). ``blanks``, if given, receives the boxes of the page's own
    text objects that draw no ink (an empty box: a space LibreOffice writes as an
    object of its own after a glyph cluster it marks with ActualText, which pdfium
    leaves out of its text). ``forms``, if given, receives the page's own form
    XObjects (a page with none needs no form placement: :class:`.pdf_glyphs.Glyphs`).
    ``boxes``, if given with ``blanks``, receives each of the page's own text objects
    with its box, in page order (:func:`.pdf_twins.twins_apart`). ``order``, if given
    with ``boxes``, receives each of the page's own paths as ``(n, object, box)``: ``n``
    the count of the page's own text objects painted before it (its place in the paint
    order among them: :mod:`.pdf_overlays`), ``box`` the one put in the returned paths.
    Raises pypdfium2's ``PdfiumError`` for an object pdfium cannot place.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    paths: list[Box] = []
    images: list[Box] = []
    corners = _CORNERS()  # left, bottom, right, top: read back as one tuple
    to_corners = [ctypes.byref(corners, 4 * k) for k in range(4)]
    four = _FOUR_FLOATS
    matrix = pdfium_c.FS_MATRIX()
    path, image, form, text = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE,
                               pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_TEXT)
    kind_of, bounds, page_object, form_object = walk_calls()

    def walk(parent: Any, count: int, get: Any, level: int, to_page: Matrix | None) -> None:
        if count < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        for i in range(count):
            obj = get(parent, i)
            if not obj:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            kind = kind_of(obj)
            if kind == path or kind == image:
                if not bounds(obj, *to_corners):
                    raise pdfium.PdfiumError("Failed to locate pageobject.")
                drawn: Box = four(corners)
                # (a form's objects: their clip stands in the form's space)
                box = clipped(obj, drawn) if kind == path and to_page is None else drawn
                if box is not None:
                    placed = box if to_page is None else box_through(to_page, box)
                    (paths if kind == path else images).append(placed)
                    if order is not None and level == 0 and kind == path and boxes is not None:
                        order.append((len(boxes), obj, placed))
            elif kind == text:
                if texts is not None:
                    texts.append((parent if level else None, obj, to_page))
                if blanks is not None and level == 0 and bounds(obj, *to_corners):
                    box = four(corners)
                    if boxes is not None:
                        boxes.append((obj, box))
                    if box[0] == box[2] and box[1] == box[3]:
                        blanks.append(box)
            elif kind == form and level < MAX_FORM_DEPTH - 1:
                if forms is not None and level == 0:
                    forms.append(obj)
                # Its objects stand in the form's space: its matrix leads to the parent's.
                if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
                    raise pdfium.PdfiumError("Failed to get matrix of pageobject.")
                inner = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                if to_page is not None:
                    inner = then(inner, to_page)
                drawn_before = len(paths)
                walk(obj, pdfium_c.FPDFFormObj_CountObjects(obj), form_object,  # noqa: F821
                     level + 1, None if inner == IDENTITY else inner)  # (deleted below)
                if len(paths) > drawn_before and field_frame(obj):
                    del paths[drawn_before:]

    handle = getattr(page, "raw", page)
    try:
        walk(handle, pdfium_c.FPDFPage_CountObjects(handle), page_object, 0, None)
    finally:
        # ``walk`` calls itself through its closure: a cycle that would keep the
        # page's object lists (and every pdfium handle in them) for the cyclic
        # garbage collector; cut here, they go when the caller drops them.
        del walk
    return paths, images


def clipped(obj: Any, box: Box) -> Box | None:
    """``box`` (a page object's, in the page's space) cut to the object's clip path's box.

    A browser clips the page's content to the printable area: a table row the page
    break cut has its rules drawn on past the page's foot, through the print footer
    (``file:///…/page.html  1/2``), where the clip hides them. The clip's box is
    the box of all its paths' points (a rectangle of a path or several: never less
    than the visible part). None when nothing of ``box`` is left; ``box`` itself
    when the object has no clip path or one without points.
    """
    import pypdfium2.raw as pdfium_c

    clip = pdfium_c.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return box
    xs: list[float] = []
    ys: list[float] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for k in range(pdfium_c.FPDFClipPath_CountPaths(clip)):
        for j in range(pdfium_c.FPDFClipPath_CountPathSegments(clip, k)):
            segment = pdfium_c.FPDFClipPath_GetPathSegment(clip, k, j)
            if segment and pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
                xs.append(x.value)
                ys.append(y.value)
    if not xs:
        return box
    left, bottom = max(box[0], min(xs)), max(box[1], min(ys))
    right, top = min(box[2], max(xs)), min(box[3], max(ys))
    if left > right or bottom > top:
        return None
    return left, bottom, right, top


def field_frame(form: Any) -> bool:
    """Whether a form XObject draws a filled field's value: its text in frames of its own.

    ``form``: a pdfium form object. A filled form's field, flattened (by qpdf, pdfium
    or a viewer's print), is its appearance drawn as a form XObject: the value's
    text over the field's background and inside its border, each a path around all
    the text. Such a frame stands where the field's box stood (a point inside a
    ruled table's cell, or across a row), and is no rule of the form's table: read
    as one, it parts a row or adds a column the form never printed.
    """
    import pypdfium2.raw as pdfium_c

    boxes: dict[int, list[tuple[float, float, float, float]]] = {}
    corners = [ctypes.c_float() for _ in range(4)]
    for k in range(pdfium_c.FPDFFormObj_CountObjects(form)):
        child = pdfium_c.FPDFFormObj_GetObject(form, k)
        kind = pdfium_c.FPDFPageObj_GetType(child)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT) or \
                not pdfium_c.FPDFPageObj_GetBounds(child, *corners):
            return False
        boxes.setdefault(kind, []).append(tuple(c.value for c in corners))  # type: ignore[arg-type]
    texts = boxes.get(pdfium_c.FPDF_PAGEOBJ_TEXT, [])
    return bool(texts) and all(
        x0 - _FRAME_SLACK <= a and y0 - _FRAME_SLACK <= b and c <= x1 + _FRAME_SLACK
        and d <= y1 + _FRAME_SLACK
        for x0, y0, x1, y1 in boxes.get(pdfium_c.FPDF_PAGEOBJ_PATH, [])
        for a, b, c, d in texts)


#: How far (points) a field's text may stand past its frame (:func:`field_frame`).
_FRAME_SLACK = 1.0
#: Four C floats of a buffer as a tuple of Python floats (no ``.value`` per field).
_FOUR_FLOATS = struct.Struct("4f").unpack_from
#: An object's box as pdfium writes it. Made once: ctypes keeps an array type only
#: while an array of it lives, and a type made anew for each page is garbage only
#: the cyclic collector frees.
_CORNERS = ctypes.c_float * 4
_WALK: list[Any] = []  # FPDFPageObj_GetType, _GetBounds, FPDFPage_GetObject, FPDFFormObj_GetObject


def walk_calls() -> list[Any]:
    """The calls :func:`page_shapes` makes per object, as prototypes that convert no argument.

    pypdfium2's bindings convert each argument through its declared type, twice the
    cost of the call itself; a page holds thousands of objects. The objects come back
    typed as pypdfium2's own (``FPDF_PAGEOBJECT``), for its bindings to take later;
    the interpreter lock is kept through each call (``PYFUNCTYPE``, as
    :func:`.pdf_glyphs._bare_calls`).
    """
    if not _WALK:
        import pypdfium2.raw as pdfium_c

        for call, restype in ((pdfium_c.FPDFPageObj_GetType, ctypes.c_int),
                              (pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int),
                              (pdfium_c.FPDFPage_GetObject, pdfium_c.FPDF_PAGEOBJECT),
                              (pdfium_c.FPDFFormObj_GetObject, pdfium_c.FPDF_PAGEOBJECT)):
            address = ctypes.cast(call, ctypes.c_void_p).value
            _WALK.append(ctypes.PYFUNCTYPE(restype)(int(address or 0)))
    return _WALK


#: Least resolution a page too big for the megapixel limit is rendered at; a page
#: that is too big even at this resolution is refused.
MIN_DPI = 150


def open_pdf(data: bytes, name: str) -> Any:
    """Open the PDF with pdfium; ReadError naming why it cannot be (in the worker)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
        remember(document, data)  # its fonts' text maps, read if a page needs them
        return document
    except pdfium.PdfiumError as exc:
        # pdfium's error code is process-wide and not reset by every failure: a
        # failed load can report the previous file's code, so check the bytes too.
        code = getattr(exc, "err_code", None)
        encrypted = b"/Encrypt" in data
        if code == pdfium_c.FPDF_ERR_PASSWORD and encrypted:
            raise ReadError(f"{name}: PDF is encrypted (a password is needed to open it); "
                            "supply an unencrypted copy") from None
        if code == pdfium_c.FPDF_ERR_SECURITY and encrypted:
            raise ReadError(f"{name}: PDF uses an unsupported security handler; "
                            "supply an unencrypted copy") from None
        if re.search(rb"/Count\s+0\b", data) and not re.search(rb"/Count\s+[1-9]", data):
            raise ReadError(f"{name}: PDF has no pages") from None
        raise ReadError(f"{name}: PDF cannot be opened ({exc}); it is damaged or "
                        "truncated") from None


def render_page(data: bytes, name: str, index: int, path: str, dpi: float,
                megapixels: float = 36.0, clip: Box | None = None, grid: float = 0.0) -> float:
    """Render one page in grey to an image file; the resolution used (in the worker).

    ``clip``: render only this part of the page as shown (left, bottom, right, top;
    points), one page of a sheet of two or four. A page over ``megapixels`` (the limit,
    :func:`~bma_etl.limits.max_megapixels`) at ``dpi`` is rendered smaller, down to
    :data:`MIN_DPI`, or at its scan's own pixels when they fit (a 300 dpi image on a
    page declared at 72 dpi, 875 mm wide); a bigger one is refused with a ReadError. ``grid``: the
    pixels to the inch of the scan the page is (:func:`~.ocr_grid.scan_grid`), or
    0: a page rendered at fewer is rendered at ``grid``, median-filtered there
    and scaled up (:func:`~.ocr_grid.on_grid`). A page with coloured marks on its
    black text (:func:`~.ocr_colour.has_coloured_ink`) is rendered in colour and
    greyed without them (:func:`~.ocr_colour.dropped_colour`). A filled form's
    field values are drawn as printed (:func:`~.pdf_widgets.draw_form_values`).
    """
    pdf = open_pdf(data, name)
    try:
        draw_form_values(pdf, pages=(index,))  # a scanned form made fillable: as shown
        page = pdf[index]
        try:
            width, height = page.get_size()
            crop = (0.0, 0.0, 0.0, 0.0) if clip is None else \
                (clip[0], clip[1], width - clip[2], height - clip[3])
            width, height = width - crop[0] - crop[2], height - crop[1] - crop[3]
            scale = dpi / 72
            limit = megapixels * 1_000_000
            if width * height * scale * scale > limit:
                scale = math.sqrt(limit / (width * height))
                from bma_etl.read.ocr_grid import scan_image

                image = scan_image(page, 0.9)  # a scan: an image over nine tenths of the page
                own = image[0] if image is not None and image[0] > 0 else None
                if scale * 72 < MIN_DPI and own is not None \
                        and width * height * (own / 72) ** 2 <= limit:
                    # a scan on a page sized for fewer dots to the inch than it has (a
                    # 300 dpi image declared at 72 dpi: 875 mm wide): read at its own pixels
                    scale = own / 72
                elif scale * 72 < MIN_DPI:
                    mm = 25.4 / 72
                    raise ReadError(
                        f"{name}: page {index + 1} is {width * mm:.0f} x {height * mm:.0f} mm, "
                        f"over {megapixels:g} megapixels even at {MIN_DPI} dpi; "
                        "raise BMA_ETL_MAX_MEGAPIXELS to OCR it")
            from PIL import Image

            from bma_etl.read.ocr_colour import dropped_colour, has_coloured_ink

            # Stamps, signatures and highlighter in colour are dropped (a 72 dpi look first).
            colour = has_coloured_ink(page.render(scale=min(1.0, scale), crop=crop).to_pil())

            def grey(at: float) -> Image.Image:
                if colour:
                    return dropped_colour(page.render(scale=at, crop=crop).to_pil())
                return page.render(scale=at, grayscale=True, crop=crop).to_pil()

            if 0 < grid < scale * 72:
                from bma_etl.read.ocr_grid import on_grid

                on_grid(grey(grid / 72), scale * 72 / grid).save(path)
            else:
                grey(scale).save(path)
            return scale * 72
        finally:
            page.close()
    finally:
        pdf.close()
