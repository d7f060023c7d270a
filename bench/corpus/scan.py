"""Scans: rasterise a rendered PDF and damage it like a copier does.

Each page is rendered with pypdfium2 at the scan's dpi, then skewed (up to ±1.5°),
blurred, given sensor noise and specks, made 1-bit (a threshold) or kept grey and
JPEG-compressed, and wrapped back as an image-only PDF (Pillow). All from the rng.
"""

from __future__ import annotations

import io
import random
from pathlib import Path


def scan_pdf(src: Path, out: Path, dpi: int, mode: str, rng: random.Random,
             max_pages: int | None = None) -> dict[str, str]:
    """Write an image-only PDF of ``src``; ``mode`` is ``grey`` or ``1bit``. Returns settings."""
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
            "noise": str(sigma), "jpeg": str(quality) if mode == "grey" else "-"}
