"""A scanned borderless report table read column by column: no report takes another's values.

Forms are generated from known values (``bench/corpus``, the tab-set dialect: each
report a label cell and the cells after it). Their text is then laid out the way
Tesseract's page layout read an outside tester's 200 dpi scan of a Word table with
no rules: the labels of the last reports first, each alone on its line
(``รายงานครั้งที่3`` / ``รายงานครั้งที่4``), then every one of those reports' cells
in one column. Report 4 read report 3's date, progress and amount, and the project
its progress from them (28/3/2567, 41.00 %, 496,000 for 10/6/2567, 70.25 %,
667,250.75). The truth is the generated values: each report's values read as
generated or NULL, never another report's, and so does the project's progress.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy

from corpus.build import GENERATORS
from corpus.score import score_tables
from read_back import records_of

#: A report's label cell opening its row (``รายงานครั้งที่๓⇥:: …``).
_LABEL = re.compile(r"^(?P<label>รายงานครั้งที่[0-9๐-๙]+)\t", re.MULTILINE)


def _by_columns(text: str, last: int) -> str:
    """``text`` with the labels of its ``last`` reports first, then all their cells."""
    starts = [m.start() for m in _LABEL.finditer(text)]
    assert len(starts) > last
    end = text.find("\n\n", starts[-1])
    end = len(text) if end < 0 else end
    rows = [text[a:b].rstrip("\n") for a, b in zip(starts[-last:], [*starts[-last + 1:], end],
                                                   strict=True)]
    labels = [_LABEL.match(row)["label"] for row in rows]  # type: ignore[index]
    cells = ["\t" + _LABEL.sub("", row, count=1) for row in rows]
    return text[:starts[-last]] + "\n".join([*labels, *cells]) + text[end:]


@pytest.mark.parametrize("last", [2, 3])
@pytest.mark.parametrize("seed", range(5))
def test_a_report_read_with_others_cells_takes_no_values_of_theirs(seed: int, last: int) -> None:
    rng = random.Random(seed)
    for _ in range(20):
        generated = GENERATORS["legacy_tab"](rng)
        if len(_LABEL.findall(generated.text)) > last:
            break
    else:
        pytest.fail(f"no form of more than {last} reports in 20 generated")
    text = _by_columns(generated.text, last)
    got = records_of(legacy, text, screened=False)
    truth = {"tables": {t: generated.tables[t] for t in ("projects", "progress_updates")}}
    right, total, lost = score_tables(got, truth, by_place=True)
    wrong = [miss for miss in lost if miss[2] is not None]
    assert not wrong, wrong[:6]
    assert len(got["progress_updates"]) == len(generated.tables["progress_updates"])
    assert right >= total - 7 * last - 1  # the mixed reports and the project's progress
