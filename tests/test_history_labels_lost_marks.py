"""A progress-history page whose labels lost a Thai mark still reads every entry.

A PDF that draws a moved mark with a glyph it names no text (Firefox's prints through
cairo: the MAI HAN-AKAT of ``ปัญหา`` shifted left of ``ป``'s stem, in a bold font that
draws no other upper vowel to tell it from SARA I) reads the entry label
``** ปญหาของโครงการ :ไม่มี``. The label was matched as printed only, so every entry's
problems were lost (``unparsed_line``: "a field none the warehouse holds"), and the
quarterly-evaluation heading that closes the page (``ผลการประเมนโครงการ``) let its
table run into the last entry. Labels and that heading are matched in key form where
the printed match fails (:class:`bma_etl.matchkey.KeyRegex`).

The pages are the corpus's (bench/corpus ``web_history``, as saved HTML and as text),
with the marks of the labels' words dropped as such a PDF reads them; the truth is
every field as generated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated

#: Words of the page's fixed wording as a PDF with unnamed moved marks reads them.
LOST_MARKS = {"ปัญหาของโครงการ": "ปญหาของโครงการ", "อุปสรรคของโครงการ": "อปสรรคของโครงการ",
              "ผลการประเมินโครงการ": "ผลการประเมนโครงการ"}


@pytest.mark.parametrize(("seed", "k"), [(3771, 0), (3771, 1), (3773, 0)])
def test_entry_labels_that_lost_a_mark_still_give_their_values(seed: int, k: int,
                                                               tmp_path: Path) -> None:
    doc = GENERATORS["web_history"](_rng(seed, "web_history", k))
    for kind, page in (("html", doc.html), ("txt", doc.text)):
        if page is None:
            continue
        for printed, read in LOST_MARKS.items():
            page = page.replace(printed, read)
        assert "ปญหาของโครงการ" in page
        path = tmp_path / f"history.{kind}"
        path.write_text(page, encoding="utf-8")
        assert_read_as_generated(path, doc.truth)
