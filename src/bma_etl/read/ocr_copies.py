"""Office copies before OCR: faded toner stretched, a copy of a copy's dots blurred away.

Stage: read. Consumes a greyscale page image (Pillow); :func:`contrasted`
stretches a page whose ink and paper are both mid-grey (faded toner, ink at 165
on paper at 235) to the page's own ink and paper, read from its histogram;
:func:`smoothed` blurs a dithered page (halftone dots all over the paper, a copy
of a copy) back to grey before it is thresholded. Both give a clean scan back
as it is; :func:`~.ocr_image.levelled` runs them. Pillow and numpy only.
"""

from __future__ import annotations

from PIL import Image

from bma_etl.read.ocr_image import median3, otsu_threshold

#: A page whose ink and paper lie closer than this (grey levels) is stretched to
#: them (:func:`contrasted`): faded toner, ink at 165 on paper at 235. A clean scan
#: (black ink on white, 250 levels apart) is left as it is.
FADED_CONTRAST = 128
#: ...and one closer than this has no ink to stretch (a blank page's noise).
LEAST_CONTRAST = 40
#: Noise of the paper (grey levels, its standard deviation once stretched) above
#: which a faded page is blurred (:data:`NOISE_BLUR` pixels) before it is stretched:
#: stretched, a scanner's noise breaks thin strokes up. On generated faded scans
#: (legacy form, read at 300 dpi) noise 10 on a 200 dpi scan came to 20 (fields
#: read right on its first page 6 -> 9 of 34, as unfaded); noise 5 came to 10 and a
#: 150 dpi scan's noise 10 to 12, and those read no better blurred (noise 5: one
#: field of 77 lost).
FADED_NOISE = 16
NOISE_BLUR = 1.2
#: The median absolute deviation of normal noise times this is its standard deviation.
MAD_SIGMA = 1.4826
#: A page whose 3 x 3 median takes away more than this share of its ink (at Otsu's
#: threshold) is dotted all over, a copy of a copy (:func:`smoothed`); a clean
#: scan's median takes away under 1 %.
DOTTED_INK = 0.15
#: ...and whose rows, four in five, are at least this share ink: the dots lie
#: between the lines of text too (a 1-bit page's thin rules, which the median
#: also takes away, leave the rows between them blank).
DOTTED_ROWS = 0.002
#: Radius (pixels) of the blur that turns a dotted page's dots back to grey.
DOT_BLUR = 1.5


def ink_and_paper(image: Image.Image) -> tuple[float, float]:
    """The grey levels of a greyscale page's ink and paper, from its histogram.

    Split at :func:`otsu_threshold`: the ink is the 5th percentile of the pixels
    below (the strokes' cores, not their edges), the paper the median above.
    """
    import numpy as np

    pixels = np.asarray(image.convert("L"))
    split = otsu_threshold(image)
    ink, paper = pixels[pixels < split], pixels[pixels >= split]
    if not ink.size or not paper.size:
        return 0.0, 255.0
    return float(np.percentile(ink, 5)), float(np.median(paper))


def contrasted(image: Image.Image) -> Image.Image:
    """A faded page stretched to its own ink (black) and paper (white).

    Faded toner on a grey copy leaves ink and paper within
    :data:`FADED_CONTRAST` levels of each other; thin strokes and tone marks
    then fall on the paper's side of the threshold. Levels are mapped linearly
    from :func:`ink_and_paper` to 0-255; a page whose paper's noise, stretched,
    exceeds :data:`FADED_NOISE` is blurred first. Any other page comes back as it is
    (the same object).
    """
    import numpy as np
    from PIL import ImageFilter

    ink, paper = ink_and_paper(image)
    if not LEAST_CONTRAST <= paper - ink < FADED_CONTRAST:
        return image
    scale = 255.0 / (paper - ink)
    grey = image.convert("L")
    pixels = np.asarray(grey)
    blank = pixels[pixels >= otsu_threshold(grey)]
    spread = float(np.median(np.abs(blank - np.median(blank)))) * MAD_SIGMA
    if spread * scale > FADED_NOISE:
        grey = grey.filter(ImageFilter.GaussianBlur(NOISE_BLUR))
    return grey.point(lambda v: max(0, min(255, round((v - ink) * scale))))


def smoothed(image: Image.Image) -> Image.Image:
    """A dotted page (halftone, a copy of a copy) blurred back to grey.

    The dots of a dithered copy cover the paper; Otsu's threshold takes them
    for ink and the letters drown in them. When the 3 x 3 median removes more
    than :data:`DOTTED_INK` of the page's ink, and its rows are inked all down
    the page (:data:`DOTTED_ROWS`), it is dotted, and a Gaussian blur
    (:data:`DOT_BLUR`) makes the dots a light grey that the strokes stand out
    of. Any other page comes back as it is (the same object).
    """
    import numpy as np
    from PIL import ImageFilter

    grey = image.convert("L")
    split = otsu_threshold(grey)
    inked = np.asarray(grey) < split
    ink = int(inked.sum())
    kept = int((np.asarray(median3(grey)) < split).sum())
    if not ink or (ink - kept) / ink <= DOTTED_INK \
            or np.percentile(inked.mean(axis=1), 20) <= DOTTED_ROWS:
        return image
    return grey.filter(ImageFilter.GaussianBlur(DOT_BLUR))
