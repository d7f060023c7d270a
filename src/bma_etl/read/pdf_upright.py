"""Pages stored turned, read the way they are shown.

Stage: read. :func:`upright` turns a pdfium page stored with ``/Rotate`` (or whose
text is drawn turned) so that its text and shapes are placed as on the printed
sheet; :func:`stored_frame` and :func:`put_back` keep a page loaded again (a 2-up
sheet's halves, a page read again without a stamp) turned the same way.
"""

from __future__ import annotations

import ctypes
from typing import Any

from bma_etl.read.pdf_forms import Box

__all__ = ["Frame", "put_back", "stored_frame", "upright"]


#: Pairs of letters in a row that show which way a page's text runs (fewer: it is not judged).
_RUN_PAIRS = 24


def _reads_as_stored(handle: Any) -> bool | None:
    """Whether a page's text, as stored (``/Rotate`` not applied), runs left to right.

    A page drawn upright and then given ``/Rotate`` (``qpdf --rotate``, a viewer's turn
    saved on an upright print) shows its text turned: it is read as stored. Nine in
    ten of the first letters that follow one another on a baseline must step right;
    a page with too few letters (a scan, a form's last page holding two lines) is not
    judged (None).
    """
    import pypdfium2.raw as pdfium_c

    text = pdfium_c.FPDFText_LoadPage(handle)
    if not text:
        return False
    try:
        x, y = ctypes.c_double(), ctypes.c_double()
        last: tuple[float, float] | None = None
        forward = pairs = 0
        for i in range(min(pdfium_c.FPDFText_CountChars(text), 400)):
            if chr(pdfium_c.FPDFText_GetUnicode(text, i)).isspace() \
                    or not pdfium_c.FPDFText_GetCharOrigin(text, i, x, y):
                last = None
                continue
            size = pdfium_c.FPDFText_GetFontSize(text, i) or 1.0
            step = (x.value - last[0], y.value - last[1]) if last is not None else (0.0, 0.0)
            if 0.0 < abs(step[0]) + abs(step[1]) < 2 * size:
                pairs += 1
                forward += step[0] > 0.0 and abs(step[1]) < 0.2 * size
            last = (x.value, y.value)
        return None if pairs < _RUN_PAIRS else forward >= 0.9 * pairs
    finally:
        pdfium_c.FPDFText_ClosePage(text)


#: A page's frame as stored: its ``/Rotate`` (quarter turns), media box and crop box.
Frame = tuple[int, Box, Box]


def stored_frame(page: Any) -> Frame:
    """The ``/Rotate`` and boxes of a pdfium ``page`` as loaded, before :func:`upright`.

    pdfium writes a page's new rotation and boxes into the document's page
    dictionary, where they outlast the page object: a page loaded again (a 2-up
    sheet's parts, read one by one) would come back with the boxes of the page as
    shown and no ``/Rotate`` while its content is as stored. :func:`put_back`
    restores them first. Boxes: (left, bottom, right, top; points).
    """
    import pypdfium2.raw as pdfium_c

    handle = getattr(page, "raw", page)
    media = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPage_GetMediaBox(handle, *media):
        left, bottom, right, top = page.get_bbox()
        media_box: Box = (left, bottom, right, top)
    else:
        media_box = (media[0].value, media[1].value, media[2].value, media[3].value)
    crop = [ctypes.c_float() for _ in range(4)]
    crop_box = (crop[0].value, crop[1].value, crop[2].value, crop[3].value) \
        if pdfium_c.FPDFPage_GetCropBox(handle, *crop) else media_box
    return pdfium_c.FPDFPage_GetRotation(handle), media_box, crop_box


def put_back(page: Any, frame: Frame) -> None:
    """Give a page loaded again the rotation and boxes :func:`stored_frame` took."""
    import pypdfium2.raw as pdfium_c

    handle = getattr(page, "raw", page)
    rotation, media, crop = frame
    pdfium_c.FPDFPage_SetMediaBox(handle, *media)
    pdfium_c.FPDFPage_SetCropBox(handle, *crop)
    pdfium_c.FPDFPage_SetRotation(handle, rotation)


def upright(page: Any, turns: dict[int, int] | None = None) -> tuple[float, float]:
    """Turn a page stored rotated (``/Rotate`` 90, 180, 270) the way it is shown; its size.

    A page a scanner, a viewer's "rotate and save" or a printer stored landscape
    with ``/Rotate 90`` shows upright, but pdfium places its characters and paths in
    the unrotated space: every line of text would run up the page. Each object on
    the page (a form keeps its content and takes the turn in its matrix) is moved
    into the shown page, whose box becomes the crop box turned (origin at its lower
    left), and the page's rotation is set to 0: a text page made afterwards and
    :func:`page_shapes` then place everything as on the printed sheet. Only the
    page in memory changes, never the file. Returns the shown page's width and
    height (points); pdfium's own ``get_size`` is not measured again after the
    turn. A page whose text runs upright as stored shows turned: it is read as
    stored (:func:`_reads_as_stored`), its rotation set to 0. ``page``: a pypdfium2
    ``PdfPage``. ``turns``: how the document's pages read so far: the turn (degrees)
    given to their content, by their ``/Rotate`` (0: read as stored), updated here: a
    page with too few letters to judge (``qpdf --rotate`` of a form whose last page
    holds two lines) reads as the pages of its document turned the same way did;
    alone, it is turned. A page with no ``/Rotate`` whose text is drawn turned
    (:func:`.pdf_turned.text_turn`) is turned so its text reads upright, as if stored
    with that ``/Rotate`` (``turns[0]``: the turn the document's last such page took).
    """
    import pypdfium2.raw as pdfium_c

    handle = getattr(page, "raw", page)
    width, height = page.get_size()  # as shown: pdfium turns it and finds inherited boxes
    rotate = turn = pdfium_c.FPDFPage_GetRotation(handle) * 90
    if rotate not in (90, 180, 270):  # text drawn turned on a page not turned: read its way
        from bma_etl.read.pdf_turned import text_turn

        rotate, turn = 0, text_turn(handle, None if turns is None else turns.get(0))
        if not turn:
            return width, height
        width, height = (height, width) if turn in (90, 270) else (width, height)
    elif (stored := _reads_as_stored(handle)) is not None:
        turn = 0 if stored else rotate
    elif turns is not None:
        turn = turns.get(rotate, rotate)
    if turns is not None:
        turns[rotate] = turn
    if not turn:  # ``/Rotate`` set on an upright page shows it turned
        pdfium_c.FPDFPage_SetRotation(handle, 0)
        return (height, width) if rotate in (90, 270) else (width, height)
    box = pdfium_c.FS_RECTF()  # the shown area, unturned (the crop box within the media box)
    if not pdfium_c.FPDF_GetPageBoundingBox(handle, box):
        return width, height
    left, bottom, right, top = box.left, box.bottom, box.right, box.top
    # (a, b, c, d, e, f): a point (x, y) goes to (a x + c y + e, b x + d y + f).
    matrix = {90: (0.0, -1.0, 1.0, 0.0, -bottom, right),
              180: (-1.0, 0.0, 0.0, -1.0, right, top),
              270: (0.0, 1.0, -1.0, 0.0, top, -left)}[turn]
    for i in range(pdfium_c.FPDFPage_CountObjects(handle)):
        pdfium_c.FPDFPageObj_Transform(pdfium_c.FPDFPage_GetObject(handle, i), *matrix)
    pdfium_c.FPDFPage_SetMediaBox(handle, 0.0, 0.0, width, height)
    pdfium_c.FPDFPage_SetCropBox(handle, 0.0, 0.0, width, height)
    pdfium_c.FPDFPage_SetRotation(handle, 0)
    return width, height
