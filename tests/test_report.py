"""`bma-etl report`: what the HTML report says, that it needs no network, and that it renders.

The warehouse is built from the samples (values known from their goldens), two
legacy forms generated from known values (bench/corpus), and one file that is
quarantined. The Chromium tests open the written file in headless Chromium.
"""

from __future__ import annotations

import html
import json
import os
import random
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bma_etl.cli import app
from bma_etl.load import Warehouse
from bma_etl.pipeline import ingest
from bma_etl.report import ACTUAL_SERIES, PLAN_SERIES, collect, write_report

from corpus.doc import GeneratedDoc
from corpus.forms import legacy_form
from repo_paths import SAMPLES

runner = CliRunner()
BAD_NAME = "broken.txt"


def _generated(seed: int) -> GeneratedDoc:
    return legacy_form(random.Random(seed), "pipe")


GENERATED = [_generated(seed) for seed in (11, 12)]


@pytest.fixture(scope="module")
def wh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    inbox = folder / "in"
    inbox.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(sample, inbox / sample.name)
    for n, doc in enumerate(GENERATED):
        (inbox / f"gen_{n}.txt").write_text(doc.text, encoding="utf-8")
    (inbox / BAD_NAME).write_text("ไม่ใช่รายงาน\nnot a report\n", encoding="utf-8")
    db = folder / "w.duckdb"
    ingest([inbox], db, workers=1)
    return db


@pytest.fixture(scope="module")
def report_file(wh: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("page") / "report.html"
    write_report(wh, out)
    return out


def _plan(fy_be: int, on: date) -> float:
    """The straight-line plan on ``on``: days since 1 October over the fiscal year's days."""
    start, end = date(fy_be - 544, 10, 1), date(fy_be - 543, 9, 30)
    return round(100 * (on - start).days / (end - start).days, 2)


# --- what the report says ---------------------------------------------------------------

def test_flagged_projects_are_the_ones_the_documents_describe(wh: Path) -> None:
    flagged = {r["project"].split()[0]: r for r in collect(wh).flagged}
    # samples 000 and 002 (goldens): cancelled, last entries 2020-05-15 at 20 % and
    # 2020-09-11 at 40 %, both "ไม่เป็นไปตามแผน"; 001 reached 100 %, 004 has no dated entry
    first, second = flagged["04160000-3949"], flagged["01000000-2456"]
    assert (first["progress"], first["plan"]) == (20.0, _plan(2563, date(2020, 5, 15)))
    assert (second["progress"], second["plan"]) == (40.0, _plan(2563, date(2020, 9, 11)))
    for row in (first, second):
        assert row["reasons"] == "ช้ากว่าแผน, ยกเลิก, รายงานว่าไม่เป็นไปตามแผน"
        assert row["status"] == "ยกเลิก" and row["fiscal_year_be"] == 2563
    assert "04160000-6961" not in flagged  # 004: 45 % but no dated entry to judge
    for doc in GENERATED:
        project = doc.tables["projects"][0]
        last = doc.tables["progress_updates"][-1]
        behind = float(last["progress_pct"]) < _plan(
            project["fiscal_year_be"], date.fromisoformat(last["report_date"]))
        expected = behind or last["on_plan"] is False
        assert (project["project_code"] in flagged) == expected, project["project_code"]


def test_curves_hold_each_dated_entry_and_the_plan_line(wh: Path) -> None:
    curves = collect(wh).curves
    for doc in GENERATED:
        project = doc.tables["projects"][0]
        fy = project["fiscal_year_be"]
        mine = [p for p in curves if p["project"].startswith(project["project_code"])]
        assert {(p["date"][:10], p["progress_pct"]) for p in mine
                if p["series"] == ACTUAL_SERIES} == {
            (u["report_date"], float(u["progress_pct"])) for u in doc.tables["progress_updates"]}
        assert sorted((p["date"][:10], p["progress_pct"]) for p in mine
                      if p["series"] == PLAN_SERIES) == [
            (f"{fy - 544}-10-01", 0.0), (f"{fy - 543}-09-30", 100.0)]


def test_budget_planned_allocated_spent(wh: Path) -> None:
    amounts = {(r["fiscal_year"], r["agency"], r["measure"]): r["amount_thb"]
               for r in collect(wh).budget}
    # 003: the plan of สำนักงานการต่างประเทศ for 2565, 11 items, 16,344,400 baht
    assert amounts[("ปีงบประมาณ 2565", "สำนักงานการต่างประเทศ", "งบตามแผน")] == 16_344_400
    # 002: 12,000,000 allocated, 55,189 spent
    council = ("ปีงบประมาณ 2563", "สำนักงานเลขาธิการสภากรุงเทพมหานคร")
    assert amounts[(*council, "งบที่ได้รับ")] == 12_000_000
    assert amounts[(*council, "งบที่ใช้ไป")] == 55_189


def test_issues_and_health_sections(wh: Path) -> None:
    import duckdb

    data = collect(wh)
    con = duckdb.connect(str(wh), read_only=True)
    stored = con.execute("SELECT code, severity, count(*) FROM quality_issues GROUP BY ALL"
                         ).fetchall()
    con.close()
    assert {(i["code"], i["severity"], i["issues"]) for i in data.issues} == set(stored)
    assert {"duplicate_seq_label", "total_mismatch"} <= {i["code"] for i in data.issues}
    assert [Path(p).name for p, *_ in data.quarantined.rows] == [BAD_NAME]
    assert data.quarantined.rows[0][1]  # with its reason
    assert data.runs.rows[0][3:7] == (8, 7, 0, 1)  # files_seen, loaded, unchanged, quarantined


def test_page_needs_no_network(report_file: Path) -> None:
    page = report_file.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.IGNORECASE)
    assert not re.search(r"<link\b", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.IGNORECASE)
    assert "vegaEmbed" in page and "Garuda" in page
    assert page.count('class="chart"') == 3
    assert "สำนักงานการต่างประเทศ" in page and BAD_NAME in page


# --- the command ------------------------------------------------------------------------

def test_cli_writes_refuses_and_replaces(wh: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    args = ["report", "--out", str(out), "--db", str(wh)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    out.write_text("mine", encoding="utf-8")
    again = runner.invoke(app, args)
    assert again.exit_code == 2
    assert again.output.strip() == f"report: {out}: exists; give --force to replace it"
    assert out.read_text(encoding="utf-8") == "mine"
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    assert out.read_text(encoding="utf-8") != "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temp left


def test_cli_refuses_the_warehouse_and_a_missing_one(wh: Path, tmp_path: Path) -> None:
    before = wh.read_bytes()
    result = runner.invoke(app, ["report", "--out", str(wh), "--db", str(wh), "--force"])
    assert result.exit_code == 2 and "this is the warehouse" in result.output
    assert wh.read_bytes() == before
    missing = runner.invoke(app, ["report", "--out", str(tmp_path / "r.html"),
                                  "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2
    assert missing.output.strip().endswith("no warehouse here yet; run 'bma-etl ingest' first")
    assert not (tmp_path / "r.html").exists()


def test_empty_warehouse_gives_a_report_saying_so(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    with Warehouse(db):
        pass
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0
    assert "no data" in result.output
    page = out.read_text(encoding="utf-8")
    assert 'id="no-data"' in page and 'class="chart"' not in page
    assert "ไม่มีข้อมูลงบประมาณ" in page


# --- in a browser -----------------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]

#: Appended to a copy of the report: once the charts are drawn, writes what it found as
#: JSON into <pre id="probe">. For each chart container, the marks vega drew in its SVG.
#: For tofu: each distinct Thai letter of the chart labels is drawn on a canvas in the
#: label's own font (family and size as Chromium computed them for the SVG <text>) and
#: its pixels compared with those of U+10FFFD, a code point no font has, drawn the
#: same way: a letter that has no glyph in any installed font is drawn as that same
#: missing-glyph box (or as nothing), so its pixels equal the reference's. Letters only:
#: marks are drawn over their base, and SARA AM (U+0E33) is shaped as two characters,
#: so a missing font draws two boxes for it.
PROBE = r"""
<script>
window.bmaReportReady.then(function () {
  const result = {state: document.body.dataset.charts, charts: {}, thai: [], tofu: [], letters: 0};
  for (const box of document.querySelectorAll(".chart")) {
    result.charts[box.id] = {
      svg: box.querySelectorAll("svg").length,
      rect: box.querySelectorAll(".mark-rect.role-mark path").length,
      line: box.querySelectorAll(".mark-line.role-mark path").length,
      symbol: box.querySelectorAll(".mark-symbol.role-mark path").length};
  }
  const canvas = document.createElement("canvas");
  canvas.width = 64; canvas.height = 64;
  const ctx = canvas.getContext("2d", {willReadFrequently: true});
  function pixels(ch, font) {
    ctx.clearRect(0, 0, 64, 64); ctx.font = font; ctx.fillStyle = "#000";
    ctx.textBaseline = "middle"; ctx.fillText(ch, 8, 32);
    return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(",");
  }
  const seen = new Set();
  for (const t of document.querySelectorAll(".chart svg text")) {
    const text = t.textContent;
    if (!/[\u0E00-\u0E7F]/.test(text)) continue;
    result.thai.push(text);
    const style = getComputedStyle(t);
    const font = "32px " + style.fontFamily;
    const missing = pixels("\u{10FFFD}", font);
    for (const ch of text.match(/[\u0E01-\u0E30\u0E32\u0E40-\u0E46]/g) || []) {
      if (seen.has(font + ch)) continue;
      seen.add(font + ch);
      result.letters += 1;
      if (pixels(ch, font) === missing) result.tofu.push(ch);
    }
  }
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(result);
  document.body.appendChild(pre);
});
</script>
"""


def _chromium() -> str:
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)
    if found is None:
        pytest.skip("chromium not found: install Debian's chromium package "
                    "('make venv' does so as root or with password-less sudo)")
    return found


def _probe(report: Path, tmp_path: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    page = report.read_text(encoding="utf-8")
    probed = tmp_path / "probed.html"
    head, body_end, tail = page.rpartition("</body>")  # the bundle's JS has "</body>" too
    probed.write_text(head + PROBE + body_end + tail, encoding="utf-8")
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    done = subprocess.run(
        [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
         "--virtual-time-budget=10000", "--dump-dom", probed.as_uri()],
        capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})})
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found, f"no probe result; chromium said: {done.stderr[-2000:]}"
    return dict(json.loads(html.unescape(found.group(1))))


def test_charts_render_in_chromium_with_thai_glyphs(wh: Path, report_file: Path,
                                                    tmp_path: Path) -> None:
    """Charts drawn and Thai labels not tofu, checked in the DOM Chromium produced.

    Each chart container holds an SVG with its marks: one bar per budget figure, two
    lines (reported, plan) per project drawn, a bar per issue kind and severity. The
    Thai chart labels are in the SVG, and none of their letters is drawn as the
    missing-glyph box (see PROBE). The control test below hides every Thai font from
    Chromium and sees the same probe report tofu, so the method can fail.
    """
    data = collect(wh)
    result = _probe(report_file, tmp_path)
    assert result["state"] == "rendered"
    charts = result["charts"]
    assert charts["chart-budget"]["svg"] == 1
    assert charts["chart-budget"]["rect"] == len(data.budget)
    projects = {p["project"] for p in data.curves}
    assert charts["chart-progress"]["line"] == 2 * len(projects)
    assert charts["chart-progress"]["symbol"] == len(data.curves)
    assert charts["chart-issues"]["rect"] == len(data.issues)
    labels = " ".join(result["thai"])
    for word in ("งบตามแผน", "งบที่ได้รับ", "งบที่ใช้ไป", "ปีงบประมาณ 2565",
                 "สำนักงานการต่างประเทศ", "ร้อยละ", "แผนเส้นตรง", "จำนวนปัญหา"):
        assert word in labels, word
    assert result["letters"] >= 20
    assert result["tofu"] == []


def test_probe_sees_tofu_when_no_thai_font_is_installed(report_file: Path,
                                                        tmp_path: Path) -> None:
    """The negative control: Chromium with a font configuration of one Latin font."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    latin = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if latin.exists():  # boxes drawn from DejaVu's missing glyph; else nothing is drawn
        (fonts / latin.name).symlink_to(latin)
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
                    f"<fontconfig><dir>{fonts}</dir><cachedir>{tmp_path / 'fc-cache'}"
                    "</cachedir></fontconfig>", encoding="utf-8")
    result = _probe(report_file, tmp_path, env={"FONTCONFIG_FILE": str(conf)})
    assert result["letters"] >= 20
    assert len(result["tofu"]) == result["letters"]


def test_status_and_report_name_a_database_that_is_no_warehouse(tmp_path: Path) -> None:
    """A DuckDB file without the warehouse's tables is named as such, not a traceback."""
    import duckdb

    from bma_etl.errors import WarehouseError
    from bma_etl.query import status
    from bma_etl.report_data import collect

    db = tmp_path / "other.duckdb"
    duckdb.connect(str(db)).execute("CREATE TABLE notes (a INTEGER)").close()
    for read in (status, collect):
        with pytest.raises(WarehouseError, match="not a bma-etl warehouse"):
            read(db)
