"""Clean a page image up before OCR: straighten a slightly skewed scan, remove its noise.

Stage: read. Consumes a greyscale page image (Pillow); produces it turned
upright and without specks (:func:`cleaned`). Pillow only: the skew is the
angle, within :data:`MAX_SKEW`, whose row profile of the ink is sharpest (text
lines and the gaps between them alternate), found on a small copy of the page;
the noise goes with a median filter (:data:`DENOISE_SIZE`).
"""

from __future__ import annotations

from itertools import pairwise

from PIL import Image, ImageFilter

#: Largest skew corrected, in degrees either way.
MAX_SKEW = 1.5
#: Angle steps of the search, in degrees: coarse over the range, then fine.
COARSE_STEP = 0.3
SKEW_STEP = 0.1
#: Skews smaller than this are left alone (resampling blurs the letters).
MIN_SKEW = 0.2
#: Width of the copy the skew is measured on.
PROBE_WIDTH = 1000


def skew_angle(image: Image.Image) -> float:
    """The angle (degrees, counter-clockwise) that makes the text lines level."""
    grey = image.convert("L")
    scale = min(1.0, PROBE_WIDTH / grey.width)
    small = grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))),
                        Image.Resampling.BOX)
    threshold = otsu_threshold(small)
    ink = small.point(lambda v: 255 if v < threshold else 0)

    def sharpness(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
        rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
        return float(sum((a - b) ** 2 for a, b in pairwise(rows)))

    # Coarse steps over the whole range, then fine ones around the best.
    coarse = round(MAX_SKEW / COARSE_STEP)
    best = max((i * COARSE_STEP for i in range(-coarse, coarse + 1)), key=sharpness)
    fine = round(COARSE_STEP / SKEW_STEP)
    level: float = max((best + i * SKEW_STEP for i in range(-fine + 1, fine)), key=sharpness)
    return round(level, 2)


#: Side, in pixels, of the median filter run over a page before OCR. Scanner noise
#: and specks turn into stray marks and broken letters; a 3 x 3 median removes them
#: and keeps strokes (2 px and more at the 150-300 dpi pages are read at). On the
#: robustness corpus's fpdf2 scans (seeds 7 and 11, 24 documents) fields read right
#: went 36 -> 50 % and 39 -> 60 %; Tesseract's own Sauvola binarisation instead
#: (``thresholding_method=2``) lost fields (22 %, 23 %).
DENOISE_SIZE = 3


def cleaned(image: Image.Image) -> Image.Image:
    """The page as OCR reads it best: level (:func:`deskewed`), its noise filtered out."""
    return deskewed(image).filter(ImageFilter.MedianFilter(DENOISE_SIZE))


def deskewed(image: Image.Image) -> Image.Image:
    """The image turned level, or the image itself when its skew is under :data:`MIN_SKEW`."""
    angle = skew_angle(image)
    if abs(angle) < MIN_SKEW:
        return image
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False,
                        fillcolor=255 if image.mode == "L" else None)


def otsu_threshold(image: Image.Image) -> int:
    """Otsu's threshold of a greyscale image: the grey level that best splits ink from paper."""
    hist = image.histogram()[:256]
    total = sum(hist)
    weighted = sum(i * h for i, h in enumerate(hist))
    below = below_weighted = 0.0
    best, best_var = 0, -1.0
    for level, count in enumerate(hist):
        below += count
        if below == 0 or below == total:
            continue
        below_weighted += level * count
        mean_below = below_weighted / below
        mean_above = (weighted - below_weighted) / (total - below)
        var = below * (total - below) * (mean_below - mean_above) ** 2
        if var > best_var:
            best, best_var = level + 1, var
    return best
