"""The ten Thai digits of the installed Thai fonts, as the glyph reader compares them.

Stage: read (:mod:`.ocr_digit_glyphs` compares each piece of ink of a Thai number with
them). Each upright Thai face of :data:`FONT_DIRS` draws ``๐`` to ``๙`` at 64 px; each
drawing is thickened or thinned to the :data:`WEIGHTS`, cut to its ink, scaled to
:data:`BOX` and blurred (:func:`shape`). Drawing the 33 faces' 1,650 references took
0.5-1 s in every process that read a Thai number (each ingest worker, every run), so
they are kept on disk beside the OCR cache: ``$BMA_ETL_CACHE/digits/<key>.npz``
(default ``~/.cache/bma-etl/digits``; ``BMA_ETL_CACHE=off`` keeps nothing), the key a
hash of :data:`VERSION`, the box, blur and weights, Pillow's version and each font
file's path, size and time: a changed font, setting or drawing code draws them again.
A file that cannot be read or written only logs (the references are drawn).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np

__all__ = ["BLUR", "BOX", "DIGITS", "FONT_DIRS", "WEIGHTS", "References", "references", "shape"]

log = logging.getLogger(__name__)

#: The ten Thai digits, ``๐`` to ``๙``.
DIGITS = "".join(chr(0x0E50 + n) for n in range(10))
#: Folders of the Thai fonts whose digits are the references (Debian's fonts-tlwg
#: and fonts-noto's Thai faces; upright faces only).
FONT_DIRS = ("/usr/share/fonts/truetype/tlwg", "/usr/share/fonts/truetype/noto")
#: A digit is scaled to this box (width, height) to be compared.
BOX = (24, 30)
#: Stroke weights the references are drawn at: a max (positive) or min (negative)
#: filter's size on the 64-pixel drawing, so that a scan's thick or thin strokes
#: (toner, the threshold) meet one of them.
WEIGHTS = (-3, 0, 3, 5, 7)
#: Blur (Gaussian radius, pixels of :data:`BOX`) of a piece and its references.
BLUR = 1.0
#: Names the way the references are drawn: change it when :func:`_drawn` changes.
VERSION = "digit-refs 1"


class References(NamedTuple):
    """Reference digits, one row each.

    ``digits`` (str of N), ``shapes`` (N x box pixels, int16 0..255: :func:`shape`'s
    image flattened), ``aspects`` (N, width over height) and ``faces`` (N, the font
    file's name each was drawn from).
    """

    digits: str
    shapes: np.ndarray
    aspects: np.ndarray
    faces: tuple[str, ...]


def shape(mask: np.ndarray) -> tuple[np.ndarray, float]:
    """A piece (bool mask) cut to its ink, scaled to :data:`BOX` and blurred; its aspect.

    The image is int16 0..255 of BOX's height x width (whole numbers, so that
    distances are summed exactly and fast); the aspect is width over height.
    """
    import numpy as np
    from PIL import Image, ImageFilter

    ys, xs = np.nonzero(mask)
    cut = mask[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    h, w = cut.shape
    image = Image.fromarray((cut * 255).astype(np.uint8)).resize(BOX, Image.Resampling.BILINEAR)
    blurred = image.filter(ImageFilter.GaussianBlur(BLUR))
    return np.asarray(blurred, dtype=np.int16), w / h


def _weighted(mask: np.ndarray, weight: int) -> np.ndarray:
    """``mask`` grown (``weight`` > 0) or thinned (< 0) by a ``|weight|``-pixel square."""
    import numpy as np

    if weight == 0:
        return mask
    grow = weight > 0
    out = mask if grow else ~mask
    for axis in (0, 1):
        spread = out.copy()
        for step in range(1, abs(weight) // 2 + 1):
            spread |= np.roll(out, step, axis=axis) | np.roll(out, -step, axis=axis)
        out = spread
    return out if grow else ~out


def font_paths() -> list[Path]:
    """The installed upright Thai fonts of :data:`FONT_DIRS`."""
    out = []
    for folder in FONT_DIRS:
        for path in sorted(Path(folder).glob("*.ttf")):
            name = path.name
            if "Oblique" in name or "Italic" in name or ("noto" in folder and "Thai" not in name):
                continue
            out.append(path)
    return out


def _drawn(paths: list[Path]) -> References:
    """Each font's ten digits at every weight, as :func:`shape` gives them."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    digits, shapes, aspects, faces = [], [], [], []
    for path in paths:
        font = ImageFont.truetype(str(path), 64)
        for digit in DIGITS:
            image = Image.new("L", (140, 140), 0)
            ImageDraw.Draw(image).text((30, 20), digit, font=font, fill=255)
            drawn = np.asarray(image) > 127
            if not drawn.any():
                continue
            for weight in WEIGHTS:
                cut, aspect = shape(_weighted(drawn, weight))
                digits.append(digit)
                shapes.append(cut.ravel())
                aspects.append(aspect)
                faces.append(path.name)
    size = BOX[0] * BOX[1]
    return References("".join(digits), np.array(shapes, dtype=np.int16).reshape(-1, size),
                      np.array(aspects, dtype=float), tuple(faces))


def _key(paths: list[Path]) -> str:
    """A hash naming the references ``paths`` give with this code and Pillow."""
    import PIL

    parts = [VERSION, repr(BOX), repr(BLUR), repr(WEIGHTS), PIL.__version__]
    for path in paths:
        stat = path.stat()
        parts.append(f"{path} {stat.st_size} {stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:24]


def _folder() -> Path | None:
    """Where the references are kept, beside the OCR cache; None when caching is off."""
    from bma_etl.read.ocr_cache import cache_dir

    ocr = cache_dir()
    return None if ocr is None else ocr.parent / "digits"


def _kept(file: Path) -> References | None:
    """The references kept in ``file``, or None (also when unreadable: logged)."""
    import numpy as np

    try:
        with np.load(file, allow_pickle=False) as kept:
            return References(str(kept["digits"]), kept["shapes"].astype(np.int16),
                              kept["aspects"],
                              tuple(str(f) for f in kept["faces"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as exc:
        log.warning("digit references %s unreadable (%s); drawing them again", file, exc)
        return None


def _keep(file: Path, refs: References) -> None:
    """Write ``refs`` to ``file`` atomically (a failure only logs)."""
    import numpy as np

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, suffix=".tmp.npz")
        with os.fdopen(fd, "wb") as out:
            np.savez(out, digits=np.array(refs.digits), shapes=refs.shapes.astype(np.uint8),
                     aspects=refs.aspects, faces=np.array(refs.faces))
        os.replace(tmp, file)
    except OSError as exc:
        log.warning("digit references %s not written (%s)", file, exc)


@functools.lru_cache(maxsize=1)
def _all() -> References:
    """Every installed face's references, from the disk cache when its key matches."""
    paths = font_paths()
    folder = _folder()
    file = None if folder is None or not paths else folder / f"{_key(paths)}.npz"
    refs = _kept(file) if file is not None else None
    if refs is None:
        refs = _drawn(paths)
        if file is not None and refs.digits:
            _keep(file, refs)
    return refs


@functools.lru_cache(maxsize=4)
def references(exclude: str = "") -> References:
    """The references, without the faces whose file name starts with ``exclude``.

    ``exclude`` measures the reader on a face it does not know; empty: every face.
    """
    import numpy as np

    refs = _all()
    if not exclude:
        return refs
    keep = np.array([not f.startswith(exclude) for f in refs.faces], dtype=bool)
    return References("".join(d for d, k in zip(refs.digits, keep, strict=True) if k),
                      refs.shapes[keep], refs.aspects[keep],
                      tuple(f for f, k in zip(refs.faces, keep, strict=True) if k))
