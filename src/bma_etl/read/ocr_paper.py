"""The paper in a photo of a page: found, cut out of the desk around it and squared.

Stage: read. A page photographed on a desk is a bright quadrilateral on a darker
ground, turned a few degrees. The dark ground spoils the rest of the clean-up (the
light evened against it, the skew measured with its edges) and Tesseract reads
its texture as letters. :func:`on_paper` finds the paper on a small copy (the
pixels brighter than Otsu's threshold, specks opened away), takes its corners
as the extremes of ``x + y`` and ``x - y``, and warps that quadrilateral onto an
upright rectangle (Pillow's ``Image.Transform.QUAD``). A page with no dark ground
around it (a scan) comes back as it is, for the cost of the small copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PIL import Image

if TYPE_CHECKING:
    import numpy as np

#: Width of the copy the paper is looked for on.
PROBE_WIDTH = 300
#: The image's edge is a frame this share of its sides wide...
FRAME = 0.02
#: ...and the paper lies on a ground when at least this share of the frame is dark.
MIN_DARK_FRAME = 0.5
#: The paper found must cover at least this share of the image (less is no page).
MIN_PAPER = 0.25
#: The paper's ground must be this many grey levels darker than the paper.
MIN_CONTRAST = 40
#: The grey level the paper is brought to when its uneven light is divided out.
PAPER_LEVEL = 200
#: The corners are moved this share of the paper's sides inward (the edge's blur).
INSET = 0.006


def _corners(image: Image.Image) -> list[tuple[float, float]] | None:
    """The paper's corners in ``image``'s pixels, or None when it shows no paper on a ground.

    The corners are top-left, bottom-left, bottom-right and top-right (``QUAD``'s order).
    """
    import numpy as np
    from PIL import ImageFilter

    from bma_etl.read.ocr_image import otsu_threshold

    grey = image.convert("L")
    scale = PROBE_WIDTH / grey.width
    if scale >= 1:
        return None
    small = grey.resize((PROBE_WIDTH, max(1, round(grey.height * scale))), Image.Resampling.BOX)
    threshold = otsu_threshold(small)
    mask_image = small.point(lambda v: 255 if v > threshold else 0)
    mask_image = mask_image.filter(ImageFilter.MinFilter(5)).filter(ImageFilter.MaxFilter(5))
    mask = np.asarray(mask_image) > 0
    pixels = np.asarray(small)
    height, width = mask.shape
    edge = max(2, round(FRAME * min(height, width)))
    frame = np.ones_like(mask)
    frame[edge:-edge, edge:-edge] = False
    if (~mask[frame]).mean() < MIN_DARK_FRAME or mask.mean() < MIN_PAPER:
        return None
    if float(np.median(pixels[mask])) - float(np.median(pixels[~mask])) < MIN_CONTRAST:
        return None
    mask = _evenly_lit(pixels, mask)
    ys, xs = np.nonzero(mask)
    plus, minus = xs + ys, xs - ys
    picks = (plus.argmin(), minus.argmin(), plus.argmax(), minus.argmax())  # tl, bl, br, tr
    corners = [(float(xs[i]) + 0.5, float(ys[i]) + 0.5) for i in picks]
    cx = sum(x for x, _ in corners) / 4
    cy = sum(y for _, y in corners) / 4
    inset = INSET * 2
    return [((x + (cx - x) * inset) / scale, (y + (cy - y) * inset) / scale) for x, y in corners]


def _evenly_lit(pixels: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The paper of ``mask`` found again once the photo's uneven light is taken out.

    A phone's light falls off across the whole photo, paper and desk alike (to half
    and less in the far corner): the paper's dark corner is under Otsu's threshold
    and its corner is taken inside the text (the tester's phone4_L6: 260 px in, the
    lines' first letters cut off). The paper's light is fitted as a plane over the
    paper found (``mask``, small copy's pixels), the photo divided by it and
    thresholded again: paper and desk keep their ratio where the light is low.
    """
    import numpy as np
    from PIL import ImageFilter

    from bma_etl.read.ocr_image import otsu_threshold

    height, width = mask.shape
    ys, xs = np.nonzero(mask)
    basis = np.column_stack([np.ones(len(xs)), xs, ys]).astype(np.float64)
    fit = np.linalg.lstsq(basis, pixels[mask].astype(np.float64), rcond=None)[0]
    yy, xx = np.mgrid[0:height, 0:width]
    light = fit[0] + fit[1] * xx + fit[2] * yy
    evened = pixels / np.maximum(light, 16.0) * PAPER_LEVEL
    image = Image.fromarray(np.clip(evened, 0, 255).astype(np.uint8))
    threshold = otsu_threshold(image)
    again = image.point(lambda v: 255 if v > threshold else 0)
    again = again.filter(ImageFilter.MinFilter(5)).filter(ImageFilter.MaxFilter(5))
    found: np.ndarray = np.asarray(again) > 0
    return found if found.mean() >= MIN_PAPER else mask


def on_paper(image: Image.Image) -> Image.Image:
    """The paper of a photographed page, cut out and squared; any other image as it is.

    Same mode as ``image``; the paper's size is the mean length of its opposite
    sides, in ``image``'s pixels. Returns ``image`` itself when no paper on a
    darker ground is found (:data:`MIN_DARK_FRAME`, :data:`MIN_PAPER`,
    :data:`MIN_CONTRAST`).
    """
    corners = _corners(image)
    if corners is None:
        return image
    (tlx, tly), (blx, bly), (brx, bry), (trx, try_) = corners

    def side(ax: float, ay: float, bx: float, by: float) -> float:
        return float(((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5)

    width = round((side(tlx, tly, trx, try_) + side(blx, bly, brx, bry)) / 2)
    height = round((side(tlx, tly, blx, bly) + side(trx, try_, brx, bry)) / 2)
    if width < 1 or height < 1:
        return image
    return image.transform((width, height), Image.Transform.QUAD,
                           (tlx, tly, blx, bly, brx, bry, trx, try_),
                           resample=Image.Resampling.BICUBIC)


#: A page image with at least this share of its pixels pure white is black ink on
#: white already (a 1-bit scan rendered, a clean print): :func:`whitened` leaves it.
#: A grey scan's paper is noise around white (1-2 % of its pixels pure white after
#: the median on the corpus's scans, a 1-bit scan's 90-91 %).
WHITE_PAPER = 0.5


def whitened(image: Image.Image) -> Image.Image:
    """A grey page's paper made pure white: pixels at or over Otsu's threshold set to 255.

    Greyscale in, greyscale out; the ink keeps its grey edges. Tesseract's line
    recogniser reads the grey image it is given, not its own thresholded one: on
    a grey scan it sees the paper's noise, JPEG's ringing and the specks the
    median kept as faint marks, and reads some as letters (``หลักแล 553ยง`` for
    ``หลักและรอง``) or lets them break a word or a row. A page at least
    :data:`WHITE_PAPER` pure white (a 1-bit scan) comes back as it is (the same
    object), so its reading does not change.
    """
    import numpy as np

    from bma_etl.read.ocr_image import otsu_threshold

    grey = image.convert("L")
    pixels = np.asarray(grey)
    if pixels.size == 0 or (pixels == 255).mean() >= WHITE_PAPER:
        return image
    threshold = otsu_threshold(grey)
    return Image.fromarray(np.where(pixels >= threshold, 255, pixels).astype(np.uint8))
