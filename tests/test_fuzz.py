"""Random and damaged input: a typed result or a typed error, never anything else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bma_etl.detect import detect
from bma_etl.errors import BmaEtlError
from bma_etl.layouts import REGISTRY
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.pipeline import Processed, process_file
from bma_etl.textnorm import repair_text

from repo_paths import SAMPLES

SAMPLE_BYTES = {p.name: p.read_bytes() for p in sorted(SAMPLES.iterdir())}
THAI = st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F)
TEXT = st.text(st.one_of(THAI, st.sampled_from(list("|:\t\n .,-=%()/0123456789")),
                         st.characters()), max_size=400)


def _outcome(path: Path, data: bytes) -> Processed | BmaEtlError:
    try:
        return process_file(path, data=data)
    except BmaEtlError as exc:
        assert exc.reason().startswith(f"{exc.stage}: ")
        assert "\n" not in exc.reason()
        return exc


@given(text=TEXT)
def test_every_extractor_on_random_text(text: str) -> None:
    doc = RepairedText.of(repair_text(text))
    for layout in REGISTRY:
        assert 0.0 <= layout.score(doc) <= 1.0
        try:
            normalize(layout.extract(doc), doc.text)
        except BmaEtlError:
            pass


@given(text=TEXT)
def test_detector_on_random_text(text: str) -> None:
    try:
        detect(RepairedText.of(repair_text(text)))
    except BmaEtlError:
        pass


@pytest.mark.parametrize("name", sorted(SAMPLE_BYTES))
@given(data=st.data())
def test_mutated_samples(name: str, data: st.DataObject) -> None:
    raw = bytearray(SAMPLE_BYTES[name])
    cut = data.draw(st.integers(0, len(raw)), label="truncate at")
    raw = raw[:cut]
    for _ in range(data.draw(st.integers(0, 8), label="flips")):
        if raw:
            i = data.draw(st.integers(0, len(raw) - 1))
            raw[i] = data.draw(st.integers(0, 255))
    _outcome(Path(name), bytes(raw))


@pytest.mark.parametrize("name", sorted(SAMPLE_BYTES))
def test_sample_lines_shuffled_in_halves(name: str) -> None:
    lines = SAMPLE_BYTES[name].split(b"\n")
    half = len(lines) // 2
    _outcome(Path(name), b"\n".join(lines[half:] + lines[:half]))


def test_empty_binary_and_huge_single_line(tmp_path: Path) -> None:
    assert isinstance(_outcome(Path("e.txt"), b""), BmaEtlError)
    assert isinstance(_outcome(Path("b.txt"), bytes(range(256)) * 100), BmaEtlError)
    assert isinstance(_outcome(Path("b.pdf"), b"%PDF-1.7 broken"), BmaEtlError)
    assert isinstance(_outcome(Path("n.pdf"), b"plain text, not a pdf"), BmaEtlError)
    big = ("ก" * 1000 + " ") * 17000  # a 50 MB file on one line
    assert isinstance(_outcome(Path("big.txt"), big.encode("utf-8")), BmaEtlError)
    utf16 = (SAMPLES / "000_52cb5c31ec83ab03.txt").read_text(encoding="utf-8").encode("utf-16")
    assert isinstance(_outcome(Path("u16.txt"), utf16), Processed)
