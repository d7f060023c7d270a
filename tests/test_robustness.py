"""A slice of the robustness corpus (bench/corpus) for `make test`.

Each layout is generated from drawn values, rendered by the ruled-box library
(reportlab) and by fpdf2 in two Thai fonts, and two documents are scanned; the
truth is always the values the document was written from. `make robustness` runs
the whole corpus. Thresholds (the robustness issue's): a text-layer PDF gives at
least 99.5 % of the fields the same document's text gives, every PDF is detected as
its layout, scans are detected as their layout and give their Arabic-digit fields
at least at today's floor (target 97 % at 200-300 dpi, not reached yet).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from bma_etl.errors import BmaEtlError
from bma_etl.pipeline import process_file

from corpus import fonts, render
from corpus.build import GENERATORS, build
from corpus.doc import GeneratedDoc
from corpus.forms import legacy_html
from corpus.run import _detected
from corpus.scan import scan_pdf
from corpus.score import Score, count_fields, same, same_spaced, score, score_failure, space_kind
from thai_fonts import font_file, fonts_or_fail

SEED = 20240
GENS = tuple(GENERATORS)


def _fonts() -> list[tuple[str, Path]]:
    found = fonts_or_fail(("Garuda", "Sarabun", "Loma", "Norasi"), least=2)
    return list(found.items())[:2]


def _doc(gen: str, k: int = 0) -> GeneratedDoc:
    return GENERATORS[gen](random.Random(f"{SEED}-{gen}-{k}"))


def _read(path: Path, truth: dict[str, Any], scan: bool = False) -> Score:
    try:
        return score(process_file(path), truth, scan=scan)
    except BmaEtlError as exc:
        result = score_failure(exc.reason(), truth, scan=scan)
        if exc.stage not in ("read", "detect"):  # detection chose a layout; extraction failed
            result.layout = _detected(path)
        return result


def _why(result: Score, limit: int = 8) -> str:
    lost = "\n".join(f"  {k}: want {w!r} got {g!r} ({kind})" for k, w, g, kind in
                     result.lost[:limit])
    return (f"{result.right}/{result.total} fields, layout {result.layout}, "
            f"quarantined: {result.quarantined}\n{lost}")


# ------------------------------------------------------------------ the generator itself


@pytest.mark.parametrize("gen", GENS)
def test_generated_text_reads_fully(gen: str, tmp_path: Path) -> None:
    """The text path is excellent: if it misreads generated text, the generator is wrong."""
    for k in range(6):
        doc = _doc(gen, k)
        path = tmp_path / f"{gen}_{k}.txt"
        path.write_text(doc.text, encoding="utf-8")
        result = _read(path, doc.truth)
        assert result.right == result.total, _why(result)
        assert result.layout == doc.layout
        if doc.html is not None:
            page = tmp_path / f"{gen}_{k}.html"
            page.write_bytes(doc.html_bytes())
            result = _read(page, doc.truth)
            assert result.right == result.total, _why(result)


def test_same_seed_same_document() -> None:
    for gen in GENS:
        a, b = _doc(gen, 3), _doc(gen, 3)
        assert (a.text, a.truth_json(), a.html) == (b.text, b.truth_json(), b.html)


def test_documents_vary() -> None:
    legacy = [_doc("legacy_pipe", k) for k in range(30)]
    reports = {len(d.tables["progress_updates"]) for d in legacy}
    assert len(reports) >= 5
    names = [d.tables["projects"][0]["project_name"] for d in legacy]
    assert any(len(n) > 90 for n in names), "some names must be long enough to wrap on A4"
    years = {d.tables["projects"][0]["fiscal_year_be"] for d in legacy}
    assert years <= set(range(2560, 2570)) and len(years) >= 4
    plans = [_doc("plan", k) for k in range(10)]
    assert any(d.thai_digit_fields for d in plans) and any(not d.thai_digit_fields for d in plans)


def test_quarantined_file_loses_every_field() -> None:
    doc = _doc("legacy_tab")
    result = score_failure("detect: no known layout", doc.truth)
    assert result.right == 0 and result.total == count_fields(doc.truth)
    assert {kind for *_, kind in result.lost} == {"quarantined"}


def test_as_spaced_counts_white_space_between_letters() -> None:
    # Drawn values: Thai phrases and a number set apart by spaces; read back with a
    # space lost at one place, with a line break for a space, with a space invented.
    rng = random.Random(SEED)
    for _ in range(20):
        words = [rng.choice(("จำนวน", "ผู้เข้าร่วม", "คน", "เดินทาง")) for _ in range(3)]
        want = f"{rng.choice(('จำนวน', 'เดินทาง'))} {rng.randint(1, 999)} {words[1]} {words[2]}"
        cut = want.rindex(" ")
        lost, broken = want[:cut] + want[cut + 1:], want[:cut] + "\n" + want[cut + 1:]
        gained = want[:2] + " " + want[2:]
        assert same(want, lost) and not same_spaced(want, lost)
        assert same_spaced(want, broken) and same_spaced([want], [broken + " "])
        assert same(want, gained) and not same_spaced(want, gained)
        assert space_kind(want, lost) == "space_lost thai-thai"
        assert space_kind(want, gained) == "space_gained thai-thai"


def test_score_counts_fields_right_as_spaced() -> None:
    doc = _doc("web_detail")
    truth = doc.truth
    rows = {t: [dict(r) for r in rs] for t, rs in truth["tables"].items()}
    name = next(k for k, v in rows["projects"][0].items()
                if isinstance(v, str) and " " in v and _number(v) is None)
    want = rows["projects"][0][name]
    rows["projects"][0][name] = want.replace(" ", "", 1)
    result = score(type("Processed", (), {"tables": rows, "layout": doc.layout})(), truth)
    assert result.right == result.total and result.spaced_right == result.total - 1
    assert [lost[0] for lost in result.space_lost] == [f"projects.{name}"]


def test_a_row_lost_or_added_costs_only_its_own_fields() -> None:
    doc = next(d for d in (_doc("web_history", k) for k in range(20))
               if len(d.truth["tables"]["progress_updates"]) >= 3)
    truth = doc.truth
    rows = {t: [dict(r) for r in rs] for t, rs in truth["tables"].items()}
    updates = rows["progress_updates"]
    counted = sum(1 for name in updates[1] if name != "ordinal")
    lost = {**rows, "progress_updates": updates[:1] + updates[2:]}
    processed = type("Processed", (), {"tables": lost, "layout": doc.layout})()
    result = score(processed, truth)
    assert result.total - result.right == counted
    assert {kind for *_, kind in result.lost} == {"row_missing"}
    assert result.right_by_place < result.right and result.extra_rows == 0
    junk = {**rows, "progress_updates": [{"seq_label": "9", "detail": "eee"}, *updates]}
    processed = type("Processed", (), {"tables": junk, "layout": doc.layout})()
    result = score(processed, truth)
    assert result.right == result.total and result.extra_rows == 1


def _number(value: str) -> object:
    try:
        return float(value)
    except ValueError:
        return None


def test_scan_does_not_count_thai_digit_fields() -> None:
    doc = next(d for d in (_doc("plan", k) for k in range(20)) if d.thai_digit_fields)
    assert count_fields(doc.truth, set(doc.thai_digit_fields)) < count_fields(doc.truth)


def test_scan_scores_texts_in_thai_digits_apart() -> None:
    """A text printed with Thai digits (``ร้อยละ ๘๐``) counts apart on a scan, not in the figure."""
    truth = {"tables": {"plan_indicators": [{"name": "ระดับความสำเร็จ", "target_text": "ร้อยละ ๘๐"},
                                            {"name": "ระดับความพึงพอใจ", "target_text": "ร้อยละ 80"}]}}
    read = {"plan_indicators": [{"name": "ระดับความสำเร็จ", "target_text": "ร้อยละ ๘o"},
                                {"name": "ระดับความพึงพอใจ", "target_text": "ร้อยละ 80"}]}

    class Read:
        tables = read
        layout = "annual_action_plan"

    scan = score(Read(), truth, scan=True)
    assert (scan.right, scan.total, scan.thai_right, scan.thai_total) == (3, 3, 0, 1)
    text = score(Read(), truth)
    assert (text.right, text.total, text.thai_total) == (3, 4, 0)


def test_build_writes_manifest_and_truths(tmp_path: Path) -> None:
    made = build(tmp_path, 1, SEED, scans=0, producers=("fpdf2",),
                 generators=("web_detail",))
    assert {r.medium for r in made} == {"text", "html", "pdf"}
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest) == len(made)
    truth = json.loads(Path(made[0].truth).read_text(encoding="utf-8"))
    assert truth["layout"] == "web_project_detail"


# ------------------------------------------------------------------ text-layer PDFs

PDF_CASES = [(gen, producer, i) for gen in GENS for producer in ("reportlab", "fpdf2")
             for i in range(2)]


def _render(gen: str, producer: str, font_index: int, folder: Path) -> tuple[GeneratedDoc, Path]:
    font, font_path = _fonts()[font_index]
    doc = _doc(gen)
    out = folder / f"{gen}.{producer}.{font}.pdf"
    rng = random.Random(f"{SEED}-{gen}-{producer}-{font}")
    if producer == "reportlab":
        render.render_reportlab(doc, out, font, font_path, rng)
    else:
        render.render_fpdf(doc, out, font, font_path, rng, shaping=False)
    return doc, out


#: ``legacy_html`` writes a report as one long tab row; fpdf2 flows it over several
#: lines at tab stops, and a continuation line is read into the narrative (README,
#: known limits; main read the same 101 of 105 fields): measured by `make robustness`.
FIELD_CASES = [case for case in PDF_CASES if case[:2] != ("legacy_html", "fpdf2")]


@pytest.mark.parametrize(("gen", "producer", "font_index"), FIELD_CASES)
def test_text_layer_pdf_keeps_the_fields_of_its_text(gen: str, producer: str, font_index: int,
                                                     tmp_path: Path) -> None:
    doc, pdf = _render(gen, producer, font_index, tmp_path)
    text = tmp_path / f"{gen}.txt"
    text.write_text(doc.text, encoding="utf-8")
    truth = _pdf_truth(doc)
    from_text = _read(text, truth)
    from_pdf = _read(pdf, truth)
    assert from_pdf.right >= 0.995 * from_text.right, _why(from_pdf)


#: The action plan's tables every text-layer PDF reads as its text; its indicator,
#: scoring, step and definition tables do not yet (fpdf2 flows their rows into
#: paragraphs: README, known limits) and are measured by `make robustness`.
PDF_PLAN_TABLES = ("plans", "plan_projects", "plan_sections")


def _pdf_truth(doc: GeneratedDoc) -> dict[str, Any]:
    truth = doc.truth
    if doc.layout != "annual_action_plan":
        return truth
    return {**truth, "tables": {t: rows for t, rows in truth["tables"].items()
                                if t in PDF_PLAN_TABLES}}


#: The plan tables each producer's PDF reads as its text: flowing text (fpdf2) reads
#: its indicator-target and definition tables by what their cells say
#: (tests/test_plan_flowing_tables.py); ruled boxes (reportlab) lose a SWOT item's
#: end (README, known limits).
_PLAN_TABLES = ("plan_indicators", "plan_scoring_levels", "plan_steps", "plan_kpi_definitions")
PLAN_PDF_TABLES = {"fpdf2": ("plan_swot_items", *_PLAN_TABLES), "reportlab": _PLAN_TABLES}


@pytest.mark.parametrize("producer", sorted(PLAN_PDF_TABLES))
def test_generated_plan_tables_from_pdf_read_as_from_text(producer: str, tmp_path: Path) -> None:
    """Flowing rows (a number alone, cells run into paragraphs) and ruled wrapped cells."""
    doc, pdf = _render("plan", producer, 0, tmp_path)
    truth = {"tables": {t: doc.truth["tables"][t] for t in PLAN_PDF_TABLES[producer]}}
    text = tmp_path / "plan.txt"
    text.write_text(doc.text, encoding="utf-8")
    from_text = _read(text, truth)
    from_pdf = _read(pdf, truth)
    assert from_text.total > 0 and from_text.right == from_text.total, _why(from_text)
    assert from_pdf.right >= 0.995 * from_text.right, _why(from_pdf)


@pytest.mark.parametrize(("gen", "producer", "font_index"), PDF_CASES)
def test_text_layer_pdf_is_detected_as_its_layout(gen: str, producer: str, font_index: int,
                                                  tmp_path: Path) -> None:
    doc, pdf = _render(gen, producer, font_index, tmp_path)
    result = _read(pdf, doc.truth)
    assert result.layout == doc.layout, _why(result)


# ------------------------------------------------------------------ browser and shaped PDFs

#: A browser's print-to-PDF of the web pages (its header and footer printed; text
#: drawn in CSS pixels, clusters mapped glyph by glyph, cells centred in their rows)
#: and HarfBuzz-shaped fpdf2 (marks written after later letters, lines broken by
#: pdfium), in the fonts whose metrics differ most (narrow spaces, tall lines).
SHAPED_CASES = [("chromium", "web_history", "Laksaman"), ("chromium", "web_tracking", "Sarabun"),
                ("chromium", "web_detail", "Loma"), ("fpdf2-shaped", "legacy_pipe", "Loma"),
                ("fpdf2-shaped", "web_history", "Sarabun"),
                ("fpdf2-shaped", "web_detail", "Laksaman")]


@pytest.mark.parametrize(("producer", "gen", "font"), SHAPED_CASES)
def test_browser_and_shaped_pdf_keep_the_fields_of_their_text(producer: str, gen: str,
                                                              font: str, tmp_path: Path) -> None:
    found = fonts.available()
    if font not in found:
        pytest.skip(f"font {font} not installed")
    if producer == "chromium" and not render.have("chromium"):
        pytest.skip("chromium not installed (make venv installs it)")
    doc = _doc(gen, 1)
    pdf = tmp_path / f"{gen}.{producer}.pdf"
    rng = random.Random(f"{SEED}-{gen}-{producer}")
    if producer == "chromium":
        render.render_chromium(doc, pdf, font, found[font], rng, header_footer=True)
    else:
        render.render_fpdf(doc, pdf, font, found[font], rng, shaping=True)
    text = tmp_path / f"{gen}.txt"
    text.write_text(doc.text, encoding="utf-8")
    from_text = _read(text, doc.truth)
    from_pdf = _read(pdf, doc.truth)
    assert from_pdf.layout == doc.layout, _why(from_pdf)
    assert from_pdf.right >= 0.995 * from_text.right, _why(from_pdf)


# ------------------------------------------------------------------ scans (OCR)

#: Scans: layout, producer (reportlab draws its tables as ruled boxes), dpi, mode, and
#: the share of Arabic-digit fields read right today (0.5.0: 24/38, 62/70, 51/70),
#: OCR'd afresh in each run. The target is 0.97 at 200-300 dpi (the robustness
#: issue); OCR drops Thai marks, misreads letters in values and reads table rules
#: as characters (README, known limits): these floors may only rise.
SCAN_CASES = [("web_detail", "fpdf2", 200, "grey", 0.55),
              ("legacy_tab", "fpdf2", 300, "grey", 0.85),
              ("legacy_tab", "reportlab", 300, "grey", 0.7)]


@pytest.mark.parametrize(("gen", "producer", "dpi", "mode", "floor"), SCAN_CASES)
def test_scan_reads_arabic_digit_fields(gen: str, producer: str, dpi: int, mode: str,
                                        floor: float, tmp_path: Path) -> None:
    doc = _doc(gen)
    font, font_path = _fonts()[0]
    pdf = tmp_path / f"{gen}.pdf"
    if producer == "reportlab":  # a table drawn as ruled boxes
        render.render_reportlab(doc, pdf, font, font_path, random.Random(SEED))
    else:
        render.render_fpdf(doc, pdf, font, font_path, random.Random(SEED), shaping=False)
    scanned = tmp_path / f"{gen}.scan{dpi}.pdf"
    scan_pdf(pdf, scanned, dpi, mode, random.Random(SEED))
    result = _read(scanned, doc.truth, scan=True)
    assert result.layout == doc.layout, _why(result)
    assert result.right >= floor * result.total, _why(result)


# ------------------------------------------------------------------ narrow table cells

#: The progress form as an HTML table with narrow columns printed by LibreOffice
#: (bench/corpus/render.py, ``soffice-narrow``): the report label, the plan and target
#: flags, dates and amounts wrap inside their cells (``รายง`` / ``าน`` / ``ครั้ง`` /
#: ``ที่1``, ``: เป็นไปตาม`` / ``แผน``), ruled and borderless. A form with at most
#: four reports, its table on a page of its own: rows crossing a page break are
#: another matter (README, known limits).
NARROW_CASES = [("legacy_tab", True, "Garuda"), ("legacy_pipe", False, "Norasi")]


def _short_form(gen: str) -> GeneratedDoc:
    """The first form the generator draws with at most four reports."""
    return next(doc for doc in (_doc(gen, k) for k in range(40))
                if len(doc.tables["progress_updates"]) <= 4)


def test_narrow_table_cells_keep_the_fields_of_their_text(tmp_path: Path) -> None:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    jobs = []
    for gen, ruled, font in NARROW_CASES:
        font_file(font)  # fails the test when the font is not installed
        doc = _short_form(gen)
        jobs.append((doc, tmp_path / f"{gen}.narrow.pdf", font, random.Random(f"{SEED}-{gen}"),
                     ruled))
    for doc, pdf, font, rng, ruled in jobs:  # one LibreOffice run per ruling
        _made, failed = render.render_narrow_tables_batch([(doc, pdf, font, rng)], ruled=ruled,
                                                         own_page=True)
        assert not failed, failed
    for doc, pdf, _font, _rng, ruled in jobs:
        text = tmp_path / f"{pdf.stem}.txt"
        text.write_text(doc.text, encoding="utf-8")
        from_text, from_pdf = _read(text, doc.truth), _read(pdf, doc.truth)
        assert from_pdf.layout == doc.layout, _why(from_pdf)
        assert from_pdf.right >= 0.995 * from_text.right, f"ruled={ruled}: {_why(from_pdf)}"


# ------------------------------------------------------------------ rows a page break cuts

#: The progress form as a web page printed by the browser (``legacy_html``): its ruled
#: report table crosses pages, page breaks cut rows (the top part at a page's foot
#: with no rule below it, the rest under the ``<thead>`` the browser repeats), with
#: and without the browser's own header and footer between the two parts.
BREAK_CASES = [(0, "Garuda", True), (1, "Loma", False)]


def _cut_rows(pdf: Path) -> int:
    """How many page edges cut a ruled table in ``pdf`` (its rules, read as the reader does)."""
    import pypdfium2 as pdfium

    from bma_etl.read.pdf_breaks import closed
    from bma_etl.read.pdf_tables import page_shapes, rules_of

    document = pdfium.PdfDocument(str(pdf))
    try:
        return sum(len(closed(rules_of(page_shapes(page)[0]))[1].heights) for page in document)
    finally:
        document.close()


@pytest.mark.parametrize(("k", "font", "header_footer"), BREAK_CASES)
def test_ruled_rows_a_page_break_cuts_keep_their_fields(k: int, font: str, header_footer: bool,
                                                         tmp_path: Path) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    found = {font: font_file(font)}
    doc = legacy_html(random.Random(f"{SEED}-break-{k}"), reports=8, sentences=5)
    pdf = tmp_path / f"legacy_html_{k}.pdf"
    render.render_chromium(doc, pdf, font, found[font], random.Random(f"{SEED}-break-{k}"),
                           header_footer=header_footer)
    assert _cut_rows(pdf) >= 1, "the generated table must cross a page inside a row"
    result = _read(pdf, doc.truth)
    assert result.layout == doc.layout, _why(result)
    assert len(doc.tables["progress_updates"]) == 8
    assert result.right == result.total, _why(result)
