"""A date whose time of day OCR's two models read apart is still the date it reads.

(normalize/trust_doubts.py.) The tracking system prints a project's dates with a time
of day (``Finish Date2026-09-30 00:00:00.000``), a word of its own on a scan. A number
whose word the Thai and English models read with other digits is doubtful and NULL
unless confirmed; the date's span runs to the end of the time, so a time read
``00:00:00,000`` by one model made the date doubtful, though no digit of the date was
in question (seed 4261's 150 dpi 1-bit scan of a detail page: its end date NULL). The
digits of a time of day after a date no longer doubt it.

A detail page generated from known values (``bench/corpus``, ``web_detail``, the
robustness corpus's seed 4261 document 0) is printed in Norasi by ReportLab (shaped)
and scanned at 150 dpi 1-bit as the corpus scans it; its start and end dates must read
as generated.
"""

from __future__ import annotations

from pathlib import Path

from bma_etl.normalize.fields import ProvenanceRow
from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.scan import scan_pdf
from thai_fonts import font_file

SEED = 4261
_LINE = "Finish Date2026-09-30 00:00:00,000"


def _prov(start: int, end: int) -> ProvenanceRow:
    return ProvenanceRow("projects", None, "end_date", 1, 1, start, end, _LINE[start:end],
                         derived=False, low_confidence=True, confidence=90.0)


def test_a_time_read_apart_does_not_doubt_its_date() -> None:
    from bma_etl.normalize.trust_doubts import doubted_digits

    start = _LINE.index("2026")
    time = _LINE.index("00:00")
    prov = _prov(start, len(_LINE))
    assert doubted_digits(prov, ((time, len(_LINE), 14.9),), _LINE, "date") is None
    # the date's own word read apart doubts it, and a number's span is all of it
    assert doubted_digits(prov, ((_LINE.index("Date"), time - 1, 89.0),), _LINE, "date")
    assert doubted_digits(prov, ((time, len(_LINE), 14.9),), _LINE, "code")


def test_end_date_with_its_time_read_apart_reads_on_a_150_dpi_scan(tmp_path: Path) -> None:
    gen, k, font = "web_detail", 0, "Norasi"
    doc = GENERATORS[gen](_rng(SEED, gen, k))
    pdf, scanned = tmp_path / f"{gen}_{k:03d}.reportlab.pdf", tmp_path / "detail.scan.pdf"
    render.render_reportlab(doc, pdf, font, font_file(font), _rng(SEED, gen, k, "reportlab"),
                            shaping=True)
    scan_pdf(pdf, scanned, 150, "1bit", _rng(SEED, "scan", pdf.name))
    (project,) = process_file(scanned).rows("projects")
    want = doc.tables["projects"][0]
    assert (str(project.start_date), str(project.end_date)) == (  # type: ignore[attr-defined]
        want["start_date"], want["end_date"])
