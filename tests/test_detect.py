"""Detection: every sample as its own layout, damaged foreign documents as unknown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bma_etl.detect import THRESHOLD, detect, score_all
from bma_etl.errors import UnknownLayout
from bma_etl.layouts.base import Signal
from bma_etl.pipeline import process_file, repair
from bma_etl.read import read_source

from golden_compare import load_golden
from repo_paths import FIXTURES, GOLDEN, SAMPLES

EXPECTED = {load_golden(p)["sample"]: load_golden(p)["layout"] for p in GOLDEN.glob("*.json")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_detected_as_its_layout(name: str) -> None:
    doc = repair(read_source(SAMPLES / name))
    detection = detect(doc)
    assert detection.layout.layout_id == EXPECTED[name]
    others = [v for k, v in score_all(doc).items() if k != EXPECTED[name]]
    assert detection.score >= 0.7 and max(others) < THRESHOLD


def test_royal_gazette_pdf_is_unknown_and_quarantined() -> None:
    gazette = FIXTURES / "royal-gazette-2566-damaged-sara-am.pdf"
    with pytest.raises(UnknownLayout, match="no known layout recognised") as info:
        process_file(gazette)
    assert info.value.reason().startswith("detect: ")


@pytest.mark.parametrize("text", ["", "สวัสดีครับ\n", "แผนงาน\nรายงาน\n", "| a | b |\n" * 50])
def test_unrelated_text_is_unknown(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(text + "ข้อความ\n", encoding="utf-8")
    with pytest.raises(UnknownLayout):
        detect(repair(read_source(path)))


def _texts() -> list[str]:
    texts = [repair(read_source(p)).text for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "variants").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8")
              for p in sorted((FIXTURES / "tracking-pages").glob("*.txt"))]
    return texts


def _signals() -> list[Signal]:
    from bma_etl.layouts import (
        annual_action_plan,
        legacy_progress_form,
        web_progress_history,
        web_project_detail,
    )

    return [s for m in (annual_action_plan, legacy_progress_form, web_progress_history,
                        web_project_detail) for s in m.SIGNALS]


@pytest.mark.parametrize("signal", [s for s in _signals() if s.needles], ids=repr)
def test_needles_never_change_what_a_signal_finds(signal: Signal) -> None:
    # A needle only saves time: whenever the regex matches, a needle is in the text.
    matched = 0
    for text in _texts():
        for window in (text, text[:signal.within]):
            if re.search(signal.pattern, window, re.MULTILINE):
                matched += 1
                assert any(n in window for n in signal.needles), signal.pattern
    assert matched, f"no sample or variant shows {signal.pattern!r}"
