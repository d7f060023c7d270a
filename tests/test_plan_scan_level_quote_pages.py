"""A scoring heading whose quote OCR lost its ``“``, the page breaking between them.

Plans are generated from known values (``bench/corpus``); their scoring tables are
printed flowing, the heading words ``เกณฑ์การให้คะแนน`` ending a page and the quoted
indicator heading the next, under the page's running header. Tesseract lost the
quote's opening mark (``ระดับความสำเร็จ…ต่างประเทศ”`` under the running header, on a
150 dpi grey scan): the quote under the heading words was looked for on the line
right under them only, and the table's five levels had no indicator.

The truth is the generated values: every level keeps the indicator its heading names.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from plan_text import scanned_level_lines

_HEADER = "ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร"
_HEADING = re.compile(r"^(?P<words>เกณฑ์การให้คะแนน) “(?P<rest>[^”]+”)$")


def _read(pages: list[list[str]]) -> list[tuple[str, str]]:
    """The scoring levels' ``(indicator, level)`` of ``pages`` (lines each, under the
    running header) read as an OCR'd document, its furniture found as the reader does."""
    from bma_etl.furniture import furniture_lines
    from bma_etl.layouts.base import RepairedText
    from bma_etl.normalize.fields import normalize
    from bma_etl.validate import build_records

    texts = ["\n".join([_HEADER, *page]) for page in pages]
    text = "\n".join(texts)
    starts = tuple(sum(len(t) + 1 for t in texts[:n]) for n in range(len(texts)))
    doc = RepairedText.of(text, starts, ocr_used=True, furniture=furniture_lines(text, starts))
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    rows = build_records(normalized, "0" * 64).get("plan_scoring_levels", [])
    return [(str(r.indicator), str(r.level)) for r in rows]


@pytest.mark.parametrize("seed", range(6))
def test_quote_without_its_opening_mark_atop_the_next_page_names_the_indicator(seed: int
                                                                              ) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines: list[str] = []
    cut = None
    for line in generated.text.split("\n"):
        if cut is None and (m := _HEADING.match(line)) is not None:
            lines.append(m.group("words"))
            cut = len(lines)
            lines.append(m.group("rest"))  # the quote, its “ lost
            continue
        wrapped, level = scanned_level_lines(line, (70, 90), rng)
        lines += wrapped
        if not level:
            continue
    assert cut is not None, "the generator writes quoted scoring headings"
    later = next(k for k, line in enumerate(lines) if k > cut and line.startswith("ชื่อตัวชี้วัดที่"))
    got = _read([lines[:cut], lines[cut:later], lines[later:]])
    want = [(w["indicator"], str(w["level"])) for w in generated.tables["plan_scoring_levels"]]
    assert got == want
