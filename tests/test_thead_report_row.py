"""A table header that the printer repeats on every page, holding a report row.

Some office HTML exporters put a table's first data row inside its ``<thead>`` (with
the column heads, or alone), and WeasyPrint repeats the whole ``<thead>`` at the top
of every page the table crosses. Read as content, report 1 came back once a page and
the rest of a row the page cut was read with the next report (its values given to
that report). The forms are generated (bench/corpus ``legacy_html``: reports enough
for three pages and more), their ``<thead>`` rebuilt to hold report 1, and printed by
WeasyPrint in two fonts, portrait and landscape, with and without cell rules; the
truth is the generated values. The furniture and the legacy form's rows are checked
on text built from known rows too.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.pipeline import process_file
from bma_etl.read.pdf import read_pdf
from bma_etl.read.pdf_breaks import join_cut_rows
from test_pdf_page_breaks import HEAD as COLUMNS
from test_pdf_page_breaks import _plain
from test_pdf_page_breaks import _row as _ruled

from corpus import fonts
from corpus.forms import legacy_html
from corpus.score import score
from ocr_text import paged

_THEAD = re.compile(r"<thead><tr>(.*?)</tr></thead>\n<tbody>\n(<tr>.*?</tr>)\n", re.S)


def _font(family: str) -> Path:
    path = fonts.noto(family) if family.startswith("Noto") else fonts.available().get(family)
    if path is None:
        pytest.fail(f"needs the font {family} (make venv installs it)")
    return path


def _print(seed: str, thead: str, family: str, landscape: bool, ruled: bool,
           out: Path) -> dict:
    """A generated form whose ``<thead>`` holds report 1, printed by WeasyPrint; its truth.

    ``thead``: ``both`` (the column heads, then report 1) or ``report`` (report 1 alone).
    """
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        pytest.fail(f"needs WeasyPrint (make venv installs it): {exc}")
    doc = legacy_html(random.Random(seed), 10, 4)
    found = _THEAD.search(doc.html or "")
    assert found is not None
    head, first = found.groups()
    rows = f"<tr>{head}</tr>\n{first}" if thead == "both" else first
    page = doc.html[:found.start()] + f"<thead>{rows}</thead>\n<tbody>\n" \
        + doc.html[found.end():]
    style = (f"@font-face {{ font-family: 'T'; src: url('file://{_font(family)}'); }}"
             " body, td, th, p { font-family: 'T'; font-size: 14pt; }"
             f" @page {{ size: A4{' landscape' if landscape else ''}; margin: 2cm; }}"
             + (" th, td { border: 1px solid black; }" if ruled else ""))
    page = page.replace("</style>", style + "</style>", 1)
    weasyprint.HTML(string=page).write_pdf(out)
    return json.loads(doc.truth_json())


@pytest.mark.parametrize(("thead", "family", "landscape", "ruled"), [
    ("both", "Noto Sans Thai", False, False),
    ("both", "Garuda", False, False),
    ("both", "Noto Sans Thai", False, True),
    ("both", "Garuda", True, True),
    ("report", "Noto Sans Thai", True, False),
    ("report", "Noto Sans Thai", False, False),
])
def test_a_thead_holding_report_one_is_read_once_and_no_report_takes_another_s_values(
        thead: str, family: str, landscape: bool, ruled: bool, tmp_path: Path) -> None:
    pdf = tmp_path / "form.pdf"
    truth = _print(f"thead-{family.split()[0]}-{landscape}", thead, family, landscape, ruled,
                   pdf)
    text, _, _ = read_pdf(pdf.read_bytes(), pdf.name, ocr="never")
    labels = re.findall(r"รายงานครั้งที่\s*([0-9๐-๙]+)", text)
    assert labels.count(labels[0]) >= 3  # the print repeats report 1 on two later pages
    result = score(process_file(pdf), truth)
    assert (result.right, result.extra_rows) == (result.total, 0), result.lost[:6]


# ------------------------------------------------------------------ furniture on known text

HEAD = "ครั้งที่รายงาน\tรายละเอียดการดำเนินงาน\tผลการดำเนินงาน\tการประเมิน"
ONE = ["รายงานครั้งที่1\t:: 2/11/2561 : จัดประชุมคณะทำงาน\t: เป็นไป\t: เป็นไป",
       "\tเพื่อติดตามความก้าวหน้า :: ความก้าวหน้าของงานฯ = 17.00 %\tตามแผน\tตามเป้าหมาย"]
#: Report 1 as a later page's reading sets it: its cells' lines on one line.
ONE_JOINED = ("รายงานครั้งที่1\t:: 2/11/2561 : จัดประชุมคณะทำงาน เพื่อติดตามความก้าวหน้า :: "
              "ความก้าวหน้าของงานฯ = 17.00 %\t: เป็นไปตามแผน\t: เป็นไปตามเป้าหมาย")


def _row(n: int) -> list[str]:
    return [f"รายงานครั้งที่{n}\t:: 1/{n}/2562 : ดำเนินการ\t: เป็นไป\t: ไม่เป็นไป",
            f"\tตามสัญญา งวดที่ {n}\tตามแผน\tตามเป้าหมาย"]



def _furniture(pages: list[list[str]]) -> list[str]:
    text, starts = paged(pages)
    lines = text.split("\n")
    return [lines[no - 1] for no in sorted(furniture_lines(text, starts))]


@pytest.mark.parametrize("head", [True, False])
@pytest.mark.parametrize("joined", [False, True])
def test_a_repeated_thead_with_a_report_row_is_furniture_after_its_first_copy(
        head: bool, joined: bool) -> None:
    block = ([HEAD] if head else []) + ([ONE_JOINED] if joined else ONE)
    rest = "\tงวดที่ 3 :: ความก้าวหน้าของงานฯ = 30.00 %\t\t"  # a cut row's rest
    pages = [["แบบรายงาน", "2. รายงานความก้าวหน้า", *([HEAD] if head else []), *ONE,
              *_row(2), _row(3)[0]],
             [*block, rest, *_row(4), *_row(5)],
             [*block, *_row(6), "ขอรับรองว่า"]]
    assert _furniture(pages) == block * 2


def test_a_repeated_thead_after_a_page_ending_in_a_row_s_wrapped_line_is_furniture() -> None:
    pages = [["แบบรายงาน", "2. รายงานความก้าวหน้า", *ONE, *_row(2)],
             [*ONE, *_row(3), "\tเพิ่มเติม"], [*ONE, *_row(4), "ขอรับรองว่า"]]
    assert _furniture(pages) == ONE * 2


def test_a_new_table_s_first_rows_like_the_last_one_s_are_content_after_a_title() -> None:
    """A second table with the same head and first row, after a title line: no repeat."""
    pages = [["แบบรายงาน", HEAD, *ONE, *_row(2)], ["ตารางที่ 2", HEAD, *ONE, "จบ"]]
    assert _furniture(pages) == []


# ------------------------------------------------------------------ rows of the legacy form

def _form_text(tmp_path: Path, named: int | None, inside: bool = False
               ) -> tuple[Path, dict, int]:
    """A generated form's text whose report k's values stand before report k+1's date.

    ``named``: the number the moved amount label names (None: report k's own);
    ``inside``: they stand after report k+1's narrative, before its own values.
    """
    doc = legacy_html(random.Random("cut-rest"), 6, 2)
    truth = json.loads(doc.truth_json())
    lines = doc.text.split("\n")
    rows = [i for i, line in enumerate(lines) if line.startswith("รายงานครั้งที่")]
    k = 3  # report 3's values go in front of report 4's text
    cells = lines[rows[k - 1]].split("\t")
    at = cells[1].index(":: ความก้าวหน้า")
    moved = cells[1][at:]
    if named is not None:
        moved = re.sub(r"\(ครั้งที่ [0-9๐-๙]+\)", f"(ครั้งที่ {named})", moved)
    lines[rows[k - 1]] = "\t".join([cells[0], cells[1][:at], *cells[2:]])
    below = lines[rows[k]].split("\t")
    if inside:
        at = below[1].index(":: ความก้าวหน้า")
        below[1] = f"{below[1][:at]}{moved} {below[1][at:]}"
    else:
        below[1] = f"{moved} {below[1]}"
    lines[rows[k]] = "\t".join(below)
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, truth, k


def test_a_cut_row_s_rest_before_the_next_report_s_date_goes_back_to_its_report(
        tmp_path: Path) -> None:
    path, truth, _ = _form_text(tmp_path, None)
    result = score(process_file(path), truth)
    assert (result.right, result.extra_rows) == (result.total, 0), result.lost


def test_values_before_a_report_s_date_naming_no_report_above_are_null_not_shifted(
        tmp_path: Path) -> None:
    path, truth, k = _form_text(tmp_path, 1)
    got = process_file(path)
    reports = got.rows("progress_updates")
    want = truth["tables"]["progress_updates"]
    assert [r.seq_label for r in reports] == [w["seq_label"] for w in want]
    doubted = reports[k]  # report k+1: which values are its own cannot be told
    assert (doubted.progress_pct, doubted.budget_disbursed_thb, doubted.report_date) == (
        None, None, None)
    assert any(q.code == "ambiguous_value" for q in got.rows("quality_issues"))
    for i, (row, w) in enumerate(zip(reports, want, strict=True)):
        if i not in (k - 1, k):  # report k lost its values to the row below: NULL too
            assert str(row.progress_pct) == w["progress_pct"], i
    assert reports[k - 1].progress_pct is None


# ------------------------------------------------------------------ a ruled row the page cut

def test_a_ruled_row_s_rest_under_a_repeated_thead_with_a_report_row_is_joined() -> None:
    """The rest stands under the header row and report 1's copy: it goes on report 2."""
    one = ["รายงานครั้งที่1", "จัดประชุมคณะทำงาน", ": เป็นไปตามแผน", ": เป็นไปตามเป้าหมาย"]
    cut = ["รายงานครั้งที่2", "ก่อสร้างทางเท้า ถนนสุขุมวิท", ": เป็นไปตามแผน", ": ไม่เป็นไปตามเป้าหมาย"]
    after = ["รายงานครั้งที่3", "ปรับปรุงศาลาท่าน้ำ", ": เป็นไปตามแผน", ": เป็นไปตามเป้าหมาย"]
    pages = [[_plain("แบบรายงาน", 800.0), _ruled(COLUMNS, 700.0), _ruled(one, 650.0),
              _ruled([cut[0], "ก่อสร้างทางเท้า", *cut[2:]], 120.0, below=True)],
             [_ruled(COLUMNS, 770.0), _ruled(one, 740.0),
              _ruled(["", "ถนนสุขุมวิท", "", ""], 710.0), _ruled(after, 600.0)]]
    join_cut_rows(pages)
    assert ["".join(line.text.split()) for line in pages[0][1:]] == [
        "".join("".join(r).split()) for r in (COLUMNS, one, cut)]
    assert [line.text for line in pages[1]] == ["\t".join(r) for r in (COLUMNS, one, after)]


def test_a_report_holding_another_s_values_before_its_own_is_null_not_shifted(
        tmp_path: Path) -> None:
    """A repeated row's rest a page's top left under it, read into the report above."""
    path, truth, k = _form_text(tmp_path, None, inside=True)
    got = process_file(path)
    reports = got.rows("progress_updates")
    want = truth["tables"]["progress_updates"]
    assert [r.seq_label for r in reports] == [w["seq_label"] for w in want]
    for i, (row, w) in enumerate(zip(reports, want, strict=True)):
        assert row.progress_pct is None if i in (k - 1, k) else (
            str(row.progress_pct) == w["progress_pct"]), i
    assert any(q.code == "ambiguous_value" and q.row_ordinal == k + 1
               for q in got.rows("quality_issues"))


def test_a_report_read_again_word_for_word_counts_once(tmp_path: Path) -> None:
    """Report 1 held by a repeated table header the furniture did not match."""
    doc = legacy_html(random.Random("copy"), 6, 2)
    truth = json.loads(doc.truth_json())
    lines = doc.text.split("\n")
    rows = [i for i, line in enumerate(lines) if line.startswith("รายงานครั้งที่")]
    lines.insert(rows[3], lines[rows[0]])  # report 1 again above report 4
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    got = process_file(path)
    result = score(got, truth)
    assert (result.right, result.extra_rows) == (result.total, 0), result.lost
    assert any(q.code == "duplicate_seq_label" for q in got.rows("quality_issues"))
