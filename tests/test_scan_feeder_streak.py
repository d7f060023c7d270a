"""A sheet feeder's streak down a scanned page is erased before OCR and is no table rule.

Dust on a sheet feeder's glass draws a thin dark line down every page it scans, through
the text: the twenty-third outside tester's 4-pixel streak through ``ร้อยละ 88.00`` lost two
percents without a word and read ``แสนแสบ`` as ``liduuau`` (it was taken for a table's
rule, and the lines it crossed were split into cells). A progress-history page is
generated from known values, printed and rasterised at 300 dpi, and a streak drawn down
it; it reads as the page without the streak does. A table's rule (met by horizontal
rules) and a line in a gutter (no text touches it) are no streak.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from bma_etl.pipeline import process_file
from bma_etl.read.ocr_image import PageRules, levelled, page_rules

from corpus.build import GENERATORS
from corpus.score import score
from corpus_prints import corpus_fpdf_grey_pages

SEED = 4129
DPI = 300


def _streaked(page: Image.Image, at: float, width: int = 4, grey: int = 40) -> Image.Image:
    """``page`` with a dark vertical line ``width`` pixels wide at ``at`` of its width."""
    pixels = np.array(page)
    x = round(page.width * at)
    pixels[:, x:x + width] = np.minimum(pixels[:, x:x + width], grey)
    return Image.fromarray(pixels, "L")


def test_a_streak_is_found_erased_and_no_rule(tmp_path: Path) -> None:
    from bma_etl.read.ocr_streaks import streaks, without_streaks

    _, pages = corpus_fpdf_grey_pages(tmp_path, SEED, "web_history", 0, DPI)
    clean = levelled(pages[0])
    assert streaks(clean, DPI, page_rules(clean, DPI)) == []
    page = levelled(_streaked(pages[0], 0.37))
    rules = page_rules(page, DPI)
    x = round(page.width * 0.37)
    assert any(abs(rule[0] - x) < 6 for rule in rules.vertical)  # taken for a rule before
    (found,) = streaks(page, DPI, rules)
    assert found[0] <= x and x + 3 <= found[1] <= x + 5
    erased, kept = without_streaks(page, DPI, rules)
    assert not any(abs(rule[0] - x) < 12 for rule in kept.vertical)
    ink = np.asarray(erased)[:, x:x + 4] < 128
    assert ink.mean() < 0.2  # the streak's columns hold the text's ink, not the line's
    # a table's side: horizontal rules meet it
    table = PageRules(((500, x - 300, x + 2), (900, x - 300, x + 2)), rules.vertical, DPI)
    assert streaks(page, DPI, table) == []


def test_a_line_in_a_gutter_is_no_streak(tmp_path: Path) -> None:
    from bma_etl.read.ocr_streaks import streaks

    page = Image.new("L", (2480, 3508), 255)
    pixels = np.array(page)
    pixels[:, 1240:1244] = 30  # a column divider: nothing touches it
    pixels[200:260:4, 300:1100] = 0  # some "text" lines away from it
    page = Image.fromarray(pixels, "L")
    assert streaks(page, DPI, page_rules(page, DPI)) == []


def test_a_streaked_history_page_reads_as_the_clean_one(tmp_path: Path) -> None:
    doc, pages = corpus_fpdf_grey_pages(tmp_path, SEED, "web_history", 0, DPI)
    results = []
    for name, page in (("clean", pages[0]), ("streak", _streaked(pages[0], 0.37))):
        path = tmp_path / f"{name}.png"
        page.save(path, dpi=(DPI, DPI))
        results.append(score(process_file(path), doc.truth))
    clean, streaked = results
    assert streaked.right >= clean.right - 1, [lost for lost in streaked.lost
                                           if lost not in clean.lost][:6]


@pytest.mark.parametrize("seed", range(3))
def test_a_heading_progress_not_read_leaves_a_finding(seed: int) -> None:
    # the streak's specks in the heading (``ร้อยละ 88. DO``): the progress was lost unsaid
    from bma_etl.layouts.base import RepairedText
    from bma_etl.layouts.web_progress_history import extract

    generated = GENERATORS["web_history"](random.Random(seed))
    heading = re.compile(r"^(\(\d+\) .*?ร้อยละ )(\d+)\.(\d\d)(?= \()", re.M)
    first = heading.search(generated.text)
    assert first is not None, "the generated page has no entry heading with a progress"
    text = heading.sub(lambda m: f"{m[1]}{m[2]}. DO", generated.text, count=1)
    out = extract(RepairedText.of(text, (), ocr_used=True))
    row = next(r for r in out.rows if r.table == "progress_updates")
    assert row.fields.get("progress_pct") is None
    assert any(f.code == "ocr_doubtful_value" and f.field == "progress_pct"
               and f.row_ordinal == row.ordinal and f"{first[2]}. DO" in f.message
               for f in out.findings), out.findings
