"""A progress form whose report table lost every report label loads its project, not a crash.

A PDF passed through poppler's ``pdftocairo`` (the fourteenth outside tester's)
lost the ``รายงานครั้งที่ N`` labels of its report rows: the rows' dated cells waited
for a label below them, none came, and the form was quarantined as an internal error
(``IndexError``, "please report"). The rows are no report the form names: they are
left out with an ``unparsed_line`` warning, and the project's own values load.
Inputs are generated forms with their labels removed; the truth is the generated values.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.score import score_tables


@pytest.mark.parametrize(("generator", "seed"), [("legacy_tab", 1), ("legacy_pipe", 2)])
def test_form_without_report_labels_loads_its_project(generator: str, seed: int,
                                                      tmp_path: Path) -> None:
    doc = GENERATORS[generator](random.Random(f"labels-lost-{seed}"))
    text = re.sub(r"รายงานครั้งที่\s*\d+", "", doc.text)
    assert text != doc.text
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    processed = process_file(path)
    assert processed.layout == "legacy_progress_form"
    assert not processed.rows("progress_updates")
    assert any(i.code == "unparsed_line" for i in processed.rows("quality_issues"))
    truth = json.loads(doc.truth_json())
    right, total, lost = score_tables({"projects": processed.rows("projects")},
                                      {"tables": {"projects": truth["tables"]["projects"]}})
    assert right >= total - 3, lost  # the progress the reports gave, at most
