"""Pages stored turned: find which way up a page image is and read it upright.

Stage: read. Consumes a greyscale page image and a way to read one
(:func:`~bma_etl.read.ocr.ocr_image` after clean-up); produces the page's
reading from the image turned upright, with the turn it took
(:attr:`~bma_etl.read.ocr.OcrPage.turned`, degrees clockwise).

Scanners and phone apps store pages sideways or upside down, often with no
``/Rotate`` in the PDF; read as stored, such a page is junk (or, sideways, its
words come in boxes that stand on end, so its lines and columns are lost). The
first reading says whether to look again, so an upright page that reads well
costs nothing more:

- **Sideways** (90 or 270 degrees): most of its words (of three letters or
  more) are taller than wide (:func:`sideways`); upright, next to none are.
  Tesseract reads one of the two ways round with its vertical-text finder, as
  sure as upright, the other as junk.
- **Upside down**, or sideways and read as junk: the mean word confidence is
  under :data:`POOR_READING` (the corpus's upright scans read 91-95 at 150-300
  dpi, turned ones 62-69).

Then Tesseract's orientation and script detection (OSD, ``osd.traineddata``;
about a second a page) names the turn, which is taken when it is at least
:data:`MIN_OSD_CONF` sure; the page is read again turned, and that reading is
kept only when it is better (:func:`better`): a poor upright scan is never
swapped for a worse one.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from bma_etl.errors import ReadError

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

    from bma_etl.read.ocr import OcrPage

log = logging.getLogger(__name__)

#: A reading whose mean word confidence (0..100) is under this is checked for a
#: page stored upside down.
POOR_READING = 85.0
#: OSD's orientation confidence its answer must reach to be taken. On the
#: corpus's scans (150-300 dpi, each turned four ways) it named the right turn
#: every time, 26-51 sure; ``ocrmypdf`` takes 14 and more by default.
MIN_OSD_CONF = 10.0
#: Resolution a scanned sheet with a free band down its middle is looked at by
#: OSD (:func:`stands_sideways`): at 100 dpi it named a sideways page's turn 1-4
#: sure, at 150 dpi 25-29 (a quarter of a second).
SHEET_DPI = 150
#: A page is read sideways when more than this share of its words...
SIDEWAYS_SHARE = 0.5
#: ...of at least this many letters (shorter ones, digits and marks, may stand tall)...
SIDEWAYS_LETTERS = 3
#: ...are taller than wide, and it has at least this many of them.
SIDEWAYS_WORDS = 5


def sideways(page: OcrPage) -> bool:
    """Whether a reading's words stand on end: the image was read turned a quarter."""
    long = [w.box for w in page.words if len(w.text) >= SIDEWAYS_LETTERS]
    tall = sum(bottom - top > right - left for left, top, right, bottom in long)
    return len(long) >= SIDEWAYS_WORDS and tall > SIDEWAYS_SHARE * len(long)


def better(page: OcrPage, other: OcrPage) -> bool:
    """Whether ``other`` reads better than ``page``: upright words first, then surer."""
    return (not sideways(other), other.confidence or 0.0) > \
        (not sideways(page), page.confidence or 0.0)


# ------------------------------------------------------------------ OSD engine


class _OsdEngines:
    """Tesseract OSD engines kept for the life of the process, one per thread at a time."""

    def __init__(self) -> None:
        self._idle: list[object] = []
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def engine(self) -> Iterator[object | None]:
        with self._lock:
            api = self._idle.pop() if self._idle else None
        if api is None:
            api = _new_osd_engine()
        if api is None:
            yield None
            return
        try:
            yield api
        except BaseException:
            api.End()  # type: ignore[attr-defined]
            raise
        with self._lock:
            self._idle.append(api)


def _new_osd_engine() -> object | None:
    import tesserocr

    from bma_etl.read.ocr import tessdata_dir

    folder = tessdata_dir()
    if folder is None:
        return None
    try:
        return tesserocr.PyTessBaseAPI(path=folder, lang="osd", psm=tesserocr.PSM.OSD_ONLY)
    except RuntimeError as exc:  # no osd.traineddata: pages are read as stored
        log.warning("Tesseract has no orientation model (osd.traineddata) in %s (%s); "
                    "pages stored turned are read as they are", folder, exc)
        return None


_OSD = _OsdEngines()


def osd_turn(image: Image.Image, dpi: float) -> tuple[int, float] | None:
    """Degrees clockwise that turn a page image upright (0, 90, 180, 270), and OSD's confidence.

    None when OSD is not installed or finds too little text to say.
    """
    with _OSD.engine() as api:
        if api is None:
            return None
        api.SetImage(image)  # type: ignore[attr-defined]
        api.SetSourceResolution(round(dpi))  # type: ignore[attr-defined]
        found = api.DetectOrientationScript()  # type: ignore[attr-defined]
        api.Clear()  # type: ignore[attr-defined]
    if not found:
        return None
    # orient_deg: how far the page is turned clockwise from upright (a page Pillow
    # turned 90 degrees counter-clockwise is 270); upright is as far again clockwise.
    return (360 - int(found["orient_deg"])) % 360, float(found["orient_conf"])


def stands_sideways(grey: np.ndarray, dpi: float) -> bool:
    """Whether OSD is sure a sheet's image (2-D uint8 pixels at ``dpi``) stands a quarter turned.

    A single page stored sideways can show a band free of ink down its middle
    (a gap between its sections, turned); it is not two pages side by side
    (:mod:`.scan_sheets`); render it at :data:`SHEET_DPI`. False when OSD is not
    installed or not sure.
    """
    from PIL import Image as PilImage

    answer = osd_turn(PilImage.fromarray(grey), dpi)
    return answer is not None and answer[0] in (90, 270) and answer[1] >= MIN_OSD_CONF


def turned(image: Image.Image, clockwise: int) -> Image.Image:
    """The image turned ``clockwise`` degrees (a quarter turn's multiple), paper kept whole."""
    if clockwise % 360 == 0:
        return image
    return image.rotate(-clockwise, expand=True)


# ------------------------------------------------------------------ reading


def read_upright(image: Image.Image, read: Callable[[Image.Image], OcrPage],
                 dpi: float) -> OcrPage:
    """``read(image)``, read again turned upright when the reading says it is stored turned.

    See the module docstring for when a page is looked at again; the page
    returned has :attr:`~bma_etl.read.ocr.OcrPage.turned` set to the turn its
    reading was made with (0 when it was read as stored).
    """
    page = read(image)
    on_end = sideways(page)
    if not on_end and (page.confidence is None or page.confidence >= POOR_READING):
        return page
    answer = osd_turn(image, dpi)
    if answer is None or answer[1] < MIN_OSD_CONF or answer[0] == 0:
        return page
    turn = answer[0]
    try:
        other = read(turned(image, turn))
    except ReadError as exc:  # over the time limit turned: the first reading stands
        log.warning("page left as stored: reading it turned %d° failed (%s)", turn, exc)
        return page
    if not better(page, other):
        log.info("page left as stored: read turned %d° clockwise it was no better", turn)
        return page
    log.info("page stored turned: read turned %d° clockwise (OSD %.0f sure; confidence %.0f "
             "against %.0f as stored)", turn, answer[1], other.confidence or 0.0,
             page.confidence or 0.0)
    return replace(other, turned=turn)


def turned_message(pages: tuple[tuple[int, int], ...]) -> str:
    """The quality issue's message for pages read turned: ``(page number, degrees clockwise)``.

    >>> turned_message(((2, 90),))
    'page 2 was stored turned and was read turned 90° clockwise'
    >>> turned_message(((1, 180), (2, 180)))
    'pages 1, 2 were stored turned and were read turned 180° clockwise'
    """
    if len(pages) == 1:
        (number, degrees), = pages
        return f"page {number} was stored turned and was read turned {degrees}° clockwise"
    if len({d for _, d in pages}) == 1:
        numbers = ", ".join(str(n) for n, _ in pages)
        return f"pages {numbers} were stored turned and were read turned {pages[0][1]}° clockwise"
    return "pages were stored turned and were read turned clockwise: " + ", ".join(
        f"page {n} {d}°" for n, d in pages)
