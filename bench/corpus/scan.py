"""Scans: rasterise a rendered PDF and damage it like a copier does.

Each page is rendered with pypdfium2 at the scan's dpi, then skewed (up to ±1.5°),
blurred, given sensor noise and specks, made 1-bit (a threshold) or kept grey and
JPEG-compressed, and wrapped back as an image-only PDF (Pillow). All from the rng.

``damage`` adds what a copier lid or a camera adds (:data:`DAMAGES`, applied
before the noise): ``light`` darkens the page toward a corner (20-35 %),
``shadow`` adds a diagonal shadow band (25-45 % darker, 4-7 % of the page high)
on top of it, ``bleed`` lays the mirrored next page (or the page itself, upside
down, on a one-page scan) faintly under the ink (10-18 %), blurred as paper does.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image


#: Kinds of damage :func:`scan_pdf` can add (any of them, comma-separated).
DAMAGES = ("light", "shadow", "bleed", "faded", "halftone")


def scan_pdf(src: Path, out: Path, dpi: int, mode: str, rng: random.Random,
             max_pages: int | None = None, damage: str = "") -> dict[str, str]:
    """Write an image-only PDF of ``src``; ``mode`` is ``grey`` or ``1bit``. Returns settings.

    ``damage``: comma-separated :data:`DAMAGES` (empty: none; the rng draws of an
    undamaged scan are the same as without the argument). Raises ``ValueError``
    on an unknown kind.
    """
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    angle = rng.uniform(-1.5, 1.5)
    blur = rng.choice((0.0, 0.4, 0.7))
    sigma = rng.choice((3.0, 6.0, 10.0))
    quality = rng.choice((55, 70, 85))
    noise = np.random.default_rng(rng.randrange(2**32))
    pages: list[Image.Image] = []
    pdf = pdfium.PdfDocument(str(src))
    try:
        count = len(pdf) if max_pages is None else min(len(pdf), max_pages)
        for i in range(count):
            image = pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page_angle = angle + rng.uniform(-0.2, 0.2)
            image = image.rotate(page_angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
            if blur:
                image = image.filter(ImageFilter.GaussianBlur(blur * dpi / 200))
            pixels = np.asarray(image, dtype=np.float64)
            if damage:
                other = i + 1 if i + 1 < len(pdf) else None
                back = (pdf[other].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                        if other is not None else image.rotate(180))
                pixels = damaged(pixels, damage, rng, back)
            pixels = pixels + noise.normal(0.0, sigma, pixels.shape)
            specks = noise.random(pixels.shape) < 0.0008
            pixels[specks] = noise.choice([0.0, 255.0], size=int(specks.sum()))
            image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")
            if mode == "1bit":
                threshold = rng.choice((140, 160, 180))
                image = image.point(lambda v, t=threshold: 255 if v > t else 0).convert("1")
            else:
                buffer = io.BytesIO()
                image.save(buffer, "JPEG", quality=quality)
                image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
            pages.append(image)
    finally:
        pdf.close()
    pages[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:])
    return {"dpi": str(dpi), "mode": mode, "skew": f"{angle:+.2f}", "blur": str(blur),
            "noise": str(sigma), "jpeg": str(quality) if mode == "grey" else "-",
            **({"damage": damage} if damage else {})}


def damaged(pixels: np.ndarray, damage: str, rng: random.Random,
            back: Image.Image) -> np.ndarray:
    """Grey ``pixels`` (float, 0-255) with ``damage`` (:data:`DAMAGES`) added.

    ``back`` is the page behind (greyscale, any size: fitted), shown mirrored by ``bleed``.
    ``faded``: the toner runs low, ink at a mid grey (150-175) on grey paper (225-240).
    ``halftone``: a copy of a copy, dithered (Floyd-Steinberg), scaled to 83 %,
    dithered again and scaled back: dots all over the paper.
    """
    import numpy as np
    from PIL import Image, ImageFilter, ImageOps

    kinds = {kind for kind in damage.split(",") if kind}
    unknown = kinds - set(DAMAGES)
    if unknown:
        raise ValueError(f"unknown scan damage {sorted(unknown)}; known: {DAMAGES}")
    height, width = pixels.shape
    if "bleed" in kinds:
        strength = rng.uniform(0.10, 0.18)
        behind = ImageOps.mirror(back.resize((width, height), Image.Resampling.BILINEAR))
        behind = behind.filter(ImageFilter.GaussianBlur(max(1.0, width / 1200)))
        ink = 255.0 - np.asarray(behind, dtype=np.float64)
        pixels = np.minimum(pixels, 255.0 - strength * ink)
    if kinds & {"light", "shadow"}:
        yy, xx = np.mgrid[0:height, 0:width]
        fx, fy = (xx / width, yy / height)
        if rng.random() < 0.5:
            fx = 1 - fx
        if rng.random() < 0.5:
            fy = 1 - fy
        share = rng.uniform(0.4, 0.7)
        gain = 1.0 - rng.uniform(0.20, 0.35) * (fx * share + fy * (1 - share))
        if "shadow" in kinds:
            middle = rng.uniform(0.3, 0.7) * height
            slope = rng.uniform(-0.2, 0.2)
            spread = rng.uniform(0.04, 0.07) * height
            depth = rng.uniform(0.25, 0.45)
            gain = gain * (1.0 - depth * np.exp(-(((yy - middle - slope * xx) / spread) ** 2)))
        pixels = pixels * gain
    if "faded" in kinds:
        toner, paper = rng.uniform(150, 175), rng.uniform(225, 240)
        pixels = pixels * ((paper - toner) / 255.0) + toner
    if "halftone" in kinds:
        pixels = _copied_twice(pixels)
    return pixels


def _copied_twice(pixels: np.ndarray) -> np.ndarray:
    """Grey ``pixels`` dithered, scaled to 83 %, dithered again, at their own size."""
    import numpy as np
    from PIL import Image

    height, width = pixels.shape
    grey = Image.fromarray(np.clip(60 + pixels * 0.75, 0, 255).astype(np.uint8), "L")
    dots = grey.convert("1", dither=Image.Dither.FLOYDSTEINBERG).convert("L")
    small = dots.resize((int(width * 0.83), int(height * 0.83)), Image.Resampling.BILINEAR)
    again = small.convert("1", dither=Image.Dither.FLOYDSTEINBERG).convert("L")
    return np.asarray(again.resize((width, height), Image.Resampling.BILINEAR), dtype=np.float64)
