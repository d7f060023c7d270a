"""A form's amounts whose last thousands comma OCR read as a spaced point.

Legacy forms and web detail pages are generated from known values (``bench/corpus``);
every amount's last comma is written as OCR gives it on a scan: a point with a space
before or after it (``งบประมาณที่ได้รับ : 1,250 .000 บาท``, ``งบประมาณที่เบิกใช้
(ครั้งที่ 2) = 389 .500 บาท``). A report's amount was stored as ``389``, a wrong value.

- On an OCR'd page an amount whose groups make it certain (a comma group before the
  point, or the satang or a whole amount's dash after its three digits) is read whole;
- any other (``389 .500 บาท``), and every such amount in typed text, is NULL with an
  ``unparsed_value`` issue, never the digits before the point.

The truth is the generated values.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts import BY_ID
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize

from corpus.build import GENERATORS

_LAST_COMMA = re.compile(r"(?<=[0-9๐-๙]),(?=[0-9๐-๙]{3}(?![0-9๐-๙,]))")
_LAYOUT = {"legacy_tab": "legacy_progress_form", "legacy_pipe": "legacy_progress_form",
           "web_detail": "web_project_detail"}


@pytest.mark.parametrize("ocr", [True, False])
@pytest.mark.parametrize("generator", sorted(_LAYOUT))
@pytest.mark.parametrize("seed", range(4))
def test_amount_with_a_spaced_point_is_read_whole_or_null(seed: int, generator: str,
                                                           ocr: bool) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = _LAST_COMMA.sub(lambda _m: rng.choice((" .", ". ")), generated.text)
    doc = RepairedText.of(text, (), ocr_used=ocr)
    normalized = normalize(BY_ID[_LAYOUT[generator]].extract(doc), doc.text, doc.words,
                           None, ocr=ocr)
    issues = {(f.table_name, f.row_ordinal, f.field) for f in normalized.findings
              if f.code == "unparsed_value"}
    checked = 0
    for table, rows in generated.tables.items():
        got = [r for r in normalized.rows if r.table == table]
        assert len(got) == len(rows)
        for want, row in zip(rows, got, strict=True):
            for name, value in want.items():
                if not name.endswith("_thb") or value is None:
                    continue
                truth = Decimal(str(value))
                said = f"{truth:,.2f}".rsplit(".", 1)[0]
                if "," not in said:
                    continue  # no comma to misread
                read = row.values.get(name)
                checked += 1
                if ocr and truth >= 1_000_000:  # a comma group before the point: certain
                    assert read == truth, (name, truth)
                elif read is not None:
                    assert read == truth, (name, truth)
                else:
                    assert (table, row.ordinal, name) in issues, (name, truth)
    assert checked
