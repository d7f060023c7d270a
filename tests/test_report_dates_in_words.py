"""Report dates written with ``วันที่`` and a Thai month, and entry headings written otherwise.

An outside tester's pages and forms lost report dates or whole entries:
- a tracking page's entry date line ``วันที่ 28 มี.ค. 2567 : ผู้รับจ้าง…``: the date was
  NULL and ``วันที่ 28 มี.ค. 2567 :`` was stored at the head of every entry's detail;
- a form's report ``:: วันที่ 19 มีนาคม พ.ศ. 2567 : …``: the same;
- an entry heading whose system date is a Buddhist-era one (``(28 มี.ค. 2567)``) or whose
  progress has a ``%`` and no ``ร้อยละ`` (``ความคืบหน้าโครงการฯ 62 % (2024-03-28)``): every
  entry was lost.

Pages and forms are generated from known values (bench/corpus ``web_history``,
``legacy_tab``, ``legacy_pipe``, ``legacy_long``), their dates and headings printed so;
the truth is the generated values.
"""

from __future__ import annotations

import random
import re
from datetime import date
from decimal import Decimal

import pytest

from bma_etl.layouts import legacy_progress_form, web_progress_history

from corpus.build import GENERATORS
from read_back import records_of

_ABBR = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
         "พ.ย.", "ธ.ค.")
_FULL = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
         "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
_SLASH_DATE = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:25|๒๕)\d\d)")  # Thai digits too
_HEADING = re.compile(r"^(\(\d+\) ความคืบหน้าโครงการฯ) ร้อยละ (\d+\.\d\d) \((\d{4})-(\d\d)-(\d\d)\)$",
                      re.M)


def _in_words(m: re.Match[str], rng: random.Random) -> str:
    day, month, year = int(m["d"]), int(m["m"]), m["y"]
    form = rng.choice(["abbr", "full", "full_era"])
    if form == "abbr":
        return f"วันที่ {day} {_ABBR[month - 1]} {year}"
    era = "พ.ศ. " if form == "full_era" else ""
    return f"วันที่ {day} {_FULL[month - 1]} {era}{year}"


def _dates(rows: list[dict[str, object]]) -> list[date]:
    return [date.fromisoformat(str(r["report_date"])) for r in rows]


@pytest.mark.parametrize("seed", range(4))
def test_history_entry_dates_written_with_wanthi_and_a_thai_month(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    text, count = re.subn(rf"^{_SLASH_DATE.pattern}(?= :)", lambda m: _in_words(m, rng),
                          generated.text, flags=re.M)
    assert count == len(generated.tables["progress_updates"])
    got = records_of(web_progress_history.extract, text, ocr_used=False, screened=False)
    rows = generated.tables["progress_updates"]
    assert [r.report_date for r in got["progress_updates"]] == _dates(rows)
    assert [r.detail for r in got["progress_updates"]] == [r["detail"] for r in rows]


@pytest.mark.parametrize("heading", ["thai_date", "slash_date", "percent_sign"])
@pytest.mark.parametrize("seed", range(3))
def test_history_entry_headings_written_otherwise(seed: int, heading: str) -> None:
    generated = GENERATORS["web_history"](random.Random(seed))

    def written(m: re.Match[str]) -> str:
        year, month, day = int(m[3]), int(m[4]), int(m[5])
        if heading == "thai_date":
            return f"{m[1]} ร้อยละ {m[2]} ({day} {_ABBR[month - 1]} {year + 543})"
        if heading == "slash_date":
            return f"{m[1]} ร้อยละ {m[2]} ({day:02d}/{month:02d}/{year + 543})"
        return f"{m[1]} {m[2]} % ({m[3]}-{m[4]}-{m[5]})"
    text, count = _HEADING.subn(written, generated.text)
    rows = generated.tables["progress_updates"]
    assert count == len(rows)
    got = records_of(web_progress_history.extract, text, ocr_used=False, screened=False)
    assert [(r.seq_label, r.progress_pct, r.report_date) for r in got["progress_updates"]] == [
        (r["seq_label"], Decimal(str(r["progress_pct"])), date.fromisoformat(str(r["report_date"])))
        for r in rows]


@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_long"])
@pytest.mark.parametrize("seed", range(3))
def test_form_report_dates_written_with_wanthi_and_a_thai_month(seed: int, generator: str
                                                                  ) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text, count = re.subn(rf"(?<=:: ){_SLASH_DATE.pattern}(?= :)", lambda m: _in_words(m, rng),
                          generated.text)
    rows = generated.tables["progress_updates"]
    assert count == len(rows)
    got = records_of(legacy_progress_form.extract, text, ocr_used=False, screened=False)
    assert [r.report_date for r in got["progress_updates"]] == _dates(rows)
    assert [r.detail for r in got["progress_updates"]] == [r["detail"] for r in rows]
