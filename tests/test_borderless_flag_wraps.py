"""A borderless Word table's flag column wrapped into a cell of another column.

Word's "Light Shading" table style draws no vertical rules. Its flags' column
(``: เป็นไปตามแผน : เป็นไปตามเป้าหมาย``) wraps the target's last word onto the
row's next line, and with no rule to go by the reader sets that word (``หมาย``) one
column further right than the flags' cell above it (the date's line has a cell
more). The word was left alone: the cut flags were read as the report's narrative
(``เป็นไปตามแผน : เป็นไปตามเป้า`` / ``หมาย`` / ``สำรวจพื้นที่…``) and both flags were NULL.

The form is generated (bench/corpus: its head and reports from known values) and
its report rows set as the reader gives such a print: label, ``::``, the flags
cut inside the target's word; the date and the word's rest; the narrative; the
progress and budget.
"""

from __future__ import annotations

import random

from bma_etl.layouts import legacy_progress_form

from corpus import forms
from read_back import assert_rows_read, records_of

FIELDS = ("seq_label", "report_date", "progress_pct", "budget_disbursed_thb", "on_plan",
          "on_target", "detail")


def test_flags_cut_into_a_cell_of_the_next_column_are_flags_not_narrative() -> None:
    for seed in (41, 42, 43):
        rng = random.Random(seed)
        _project, reports, lines = forms._form_head(rng, 4)
        for r in reports:
            when, detail, progress, plan, target = forms._report_parts(rng, r)
            cut = rng.randint(len("ไม่เป็นไปตามเป้า") - 6, len(target) - 2) \
                if target.startswith("ไม่") else rng.randint(len("เป็นไปตาม") + 1, len(target) - 2)
            lines += [f"รายงานครั้งที่{r['seq_label']}\t::\t: {plan} : {target[:cut]}",
                      f"\t{when}\t\t{target[cut:]}", f"\t: {detail}", f"\t{progress}"]
        text = "\n".join([*lines, *forms._FOOTER])
        got = records_of(legacy_progress_form.extract, text, ocr_used=False)
        assert_rows_read("progress_updates", got.get("progress_updates", []), reports, FIELDS)
