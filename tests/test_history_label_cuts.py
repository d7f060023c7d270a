"""An entry label whose cell a page break cut reads as the label, its value as the value.

The progress-history page (``bench/corpus/web.py`` ``progress_history``) sets each
entry's ``** ปัญหาของโครงการ :`` and ``** อุปสรรคของโครงการ :`` in a narrow first
column, where the label wraps (``** อุปสรรค`` / ``ของ`` / ``โครงการ :``) beside its value.
Where a page break fell inside the label's cell, its lines were not joined: the
label was not known, its value ran into the entry's problems and the obstacles were
lost. The truth is the values the page was generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from corpus.web import progress_history
from read_back import assert_read_as_generated
from thai_fonts import font_file

#: Where a label's cell wraps, as a narrow column cuts it (the label's words, in order).
CUTS = (("** ปัญหา", "ของ", "โครงการ :"), ("** ปัญหาของ", "โครงการ :"),
        ("** อุปสรรค", "ของ", "โครงการ :"), ("** อุปสรรคของโครง", "การ :"))


def _cut(text: str, seed: int) -> str:
    """``text`` with one entry label's cell wrapped as :data:`CUTS` says, beside its value."""
    rng = random.Random(seed)
    words = rng.choice(CUTS)
    label = "".join(words)  # ** ปัญหาของโครงการ :
    lines = text.split("\n")
    at = rng.choice([i for i, line in enumerate(lines) if line.startswith(label)])
    lines[at:at + 1] = [f"{words[0]}\t{lines[at][len(label):]}", *words[1:]]
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(8))
def test_label_cut_over_lines_beside_its_value(seed: int, tmp_path: Path) -> None:
    doc = progress_history(random.Random(f"label-cuts-{seed}"))
    path = tmp_path / "history.txt"
    path.write_text(_cut(doc.text, seed), encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


def test_printed_page_whose_break_cuts_a_label(tmp_path: Path) -> None:
    """Chromium's print (its footer and header on) whose page foot cuts ``** อุปสรรค``."""
    if not render.have("chromium"):
        pytest.fail("chromium not installed: apt-get install chromium (make venv installs it)")
    doc = progress_history(random.Random("cliph-6"))
    pdf = tmp_path / "history.chromium.pdf"
    render.render_chromium(doc, pdf, "Loma", font_file("Loma"), random.Random(6),
                           header_footer=True, paper="A4")
    processed = process_file(pdf)
    first = processed.text.split("file:///")[0].rstrip().split("\n")
    assert first[-1].strip() == "ของ"  # the label's cell cut: ** อุปสรรค / ของ | โครงการ :
    result = score(processed, doc.truth)
    assert not result.lost, "\n".join(f"{k}: want {w!r} got {g!r} ({kind})"
                                      for k, w, g, kind in result.lost)


def _spread(text: str, seed: int) -> str:
    """``text`` with one entry label's first line spread a cell apart, its value below.

    ``**⇥ปัญหาของ`` / ``โครงการ :⇥⇥<value>``: a justified label cell's first line
    stretched, cut at the columns of a table above at a page's foot.
    """
    rng = random.Random(seed)
    head = rng.choice(("ปัญหาของ", "อุปสรรคของ"))
    label = f"** {head}โครงการ :"
    lines = text.split("\n")
    at = rng.choice([i for i, line in enumerate(lines) if line.startswith(label)])
    lines[at:at + 1] = [f"**\t{head}", f"โครงการ :\t\t{lines[at][len(label):]}"]
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(4))
def test_label_whose_first_line_is_spread_apart(seed: int, tmp_path: Path) -> None:
    doc = progress_history(random.Random(f"label-spread-{seed}"))
    path = tmp_path / "history.txt"
    path.write_text(_spread(doc.text, seed), encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


def test_landscape_print_whose_label_at_a_page_foot_is_spread(tmp_path: Path) -> None:
    """``chromium-land`` (justified, borderless): ``**⇥ปัญหาของ`` at a page's foot."""
    if not render.have("chromium"):
        pytest.fail("chromium not installed: apt-get install chromium (make venv installs it)")
    doc = GENERATORS["web_history"](_rng(311, "web_history", 1))
    pdf = tmp_path / "history.chromium-land.pdf"
    render.render_chromium(doc, pdf, "Garuda", font_file("Garuda"),
                           _rng(311, "web_history", 1, "chromium-land"), borderless=True)
    assert_read_as_generated(pdf, doc.truth)


def _centred(text: str, seed: int) -> str:
    """``text`` with one entry label wrapped over two lines, its value alone between them.

    ``**⇥ปัญหาของ`` / ``⇥⇥<value>`` / ``โครงการ :``: a justified label cell's first line
    stretched, the value's cell set in the middle of the label's two lines.
    """
    rng = random.Random(seed)
    head = rng.choice(("ปัญหาของ", "อุปสรรคของ"))
    label = f"** {head}โครงการ :"
    lines = text.split("\n")
    at = rng.choice([i for i, line in enumerate(lines) if line.startswith(label)])
    lines[at:at + 1] = [f"**\t{head}", f"\t\t{lines[at][len(label):]}", "โครงการ :"]
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(4))
def test_label_over_two_lines_its_value_between_them(seed: int, tmp_path: Path) -> None:
    doc = progress_history(random.Random(f"label-centred-{seed}"))
    path = tmp_path / "history.txt"
    path.write_text(_centred(doc.text, seed), encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


@pytest.mark.parametrize("font", ["Kinnari", "Sarabun"])
def test_landscape_print_whose_labels_wrap_around_their_values(font: str,
                                                              tmp_path: Path) -> None:
    """``chromium-land`` at 12 px: every ``** ปัญหาของ`` / ``โครงการ :`` around its value."""
    if not render.have("chromium"):
        pytest.fail("chromium not installed: apt-get install chromium (make venv installs it)")
    doc = GENERATORS["web_history"](_rng(3621, "web_history", 1))
    pdf = tmp_path / "history.chromium-land.pdf"
    render.render_chromium(doc, pdf, font, font_file(font),
                           _rng(3621, "web_history", 1, "chromium-land"), borderless=True,
                           pt=12)
    assert_read_as_generated(pdf, doc.truth)
