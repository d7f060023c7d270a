"""The Thai-digit glyph reader's start-up: references kept on disk, pieces found by runs.

Drawing the installed fonts' 1,650 reference digits cost 0.5-1.5 s in every process that
read a Thai number (each ingest worker, every run), and the reader walked each number's
area pixel by pixel and compared a piece with each reference in turn (2-3 s a page of
amounts). The references are now kept in ``$BMA_ETL_CACHE/digits`` and compared all at
once, and pieces are found from runs of ink; the readings stay the same.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import numpy as np
import pytest

from bma_etl.read import ocr_digit_refs
from bma_etl.read.ocr_ink_pieces import pieces, without_rules


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty cache folder, the references not yet loaded in this process."""
    monkeypatch.setenv("BMA_ETL_CACHE", str(tmp_path))
    ocr_digit_refs._all.cache_clear()
    ocr_digit_refs.references.cache_clear()
    yield tmp_path
    ocr_digit_refs._all.cache_clear()
    ocr_digit_refs.references.cache_clear()


def test_references_kept_and_loaded(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first process draws and keeps them; the next loads the same without drawing."""
    drawn = ocr_digit_refs.references()
    kept = list((fresh / "digits").glob("*.npz"))
    assert len(kept) == 1 and len(drawn.digits) >= 10 * len(ocr_digit_refs.WEIGHTS)
    ocr_digit_refs._all.cache_clear()
    ocr_digit_refs.references.cache_clear()

    def never(paths: list[Path]) -> ocr_digit_refs.References:
        raise AssertionError("drawn again")

    monkeypatch.setattr(ocr_digit_refs, "_drawn", never)
    loaded = ocr_digit_refs.references()
    assert loaded.digits == drawn.digits and loaded.faces == drawn.faces
    assert np.array_equal(loaded.shapes, drawn.shapes)
    assert np.array_equal(loaded.aspects, drawn.aspects)
    left_out = ocr_digit_refs.references("Garuda")
    assert "Garuda.ttf" not in left_out.faces and len(left_out.digits) < len(drawn.digits)


def test_changed_fonts_draw_again(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another set of fonts (or another version of the drawing) is kept under its own key."""
    paths = ocr_digit_refs.font_paths()[:2]
    monkeypatch.setattr(ocr_digit_refs, "font_paths", lambda: paths)
    two = ocr_digit_refs.references()
    assert set(two.faces) == {p.name for p in paths}
    ocr_digit_refs._all.cache_clear()
    ocr_digit_refs.references.cache_clear()
    monkeypatch.setattr(ocr_digit_refs, "font_paths", lambda: paths[:1])
    one = ocr_digit_refs.references()
    assert set(one.faces) == {paths[0].name}
    assert len(list((fresh / "digits").glob("*.npz"))) == 2


def test_unreadable_file_is_drawn_again(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = ocr_digit_refs.font_paths()[:1]
    monkeypatch.setattr(ocr_digit_refs, "font_paths", lambda: paths)
    first = ocr_digit_refs.references()
    (kept,) = (fresh / "digits").glob("*.npz")
    kept.write_bytes(b"not a numpy file")
    ocr_digit_refs._all.cache_clear()
    ocr_digit_refs.references.cache_clear()
    assert np.array_equal(ocr_digit_refs.references().shapes, first.shapes)


def _walked(ink: np.ndarray) -> list[tuple[int, int, int, int, np.ndarray]]:
    """Pieces found pixel by pixel (8 neighbours, 3 pixels or more), first pixel first."""
    seen = np.zeros(ink.shape, dtype=bool)
    out = []
    for y, x in zip(*np.nonzero(ink), strict=True):
        if seen[y, x]:
            continue
        seen[y, x] = True
        queue, points = deque([(int(y), int(x))]), []
        while queue:
            cy, cx = queue.popleft()
            points.append((cy, cx))
            for ny in (cy - 1, cy, cy + 1):
                for nx in (cx - 1, cx, cx + 1):
                    if 0 <= ny < ink.shape[0] and 0 <= nx < ink.shape[1] \
                            and ink[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        queue.append((ny, nx))
        if len(points) < 3:
            continue
        ys, xs = np.array(points).T
        mask = np.zeros((ys.max() - ys.min() + 1, xs.max() - xs.min() + 1), dtype=bool)
        mask[ys - ys.min(), xs - xs.min()] = True
        out.append((int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1, mask))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_pieces_as_walked(seed: int) -> None:
    """Pieces found by runs are those a pixel-by-pixel walk finds, in the same order."""
    rng = np.random.default_rng(seed)
    ink = rng.random((40, 60)) < 0.35 + 0.1 * seed
    got, want = pieces(ink), _walked(ink)
    assert [p[:4] for p in got] == [p[:4] for p in want]
    assert all(np.array_equal(a[4], b[4]) for a, b in zip(got, want, strict=True))


def test_rules_taken_out() -> None:
    """Runs across or down longer than the limit go; a digit's strokes stay."""
    ink = np.zeros((30, 80), dtype=bool)
    ink[5, 2:78] = True  # a rule across
    ink[:, 40] = True  # a rule down
    ink[10:20, 10:14] = True  # a stroke
    out = without_rules(ink, 20)
    assert not out[5].any() and not out[:, 40].any()
    assert out[10:20, 10:14].all() and out.sum() == 40
