"""Build the corpus: documents from values, each rendered into several media.

``build(folder, n, seed)`` writes, for every generator and ``n`` documents each,
the text, the HTML page (web layouts), one PDF per installed producer (fonts taken
in turn) and some scans, and returns the manifest: one ``Rendering`` per file,
with the truth beside it. The same seed gives the same files; a producer that is
not installed is skipped with a printed note.
"""

from __future__ import annotations

import json
import random
import sys
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from corpus import calc, fonts, render
from corpus.doc import GeneratedDoc
from corpus.forms import legacy_form, legacy_html, legacy_long
from corpus.plans import action_plan
from corpus.scan import scan_pdf
from corpus.web import progress_history, project_detail, project_detail_long, tracking_page

GENERATORS: dict[str, Callable[[random.Random], GeneratedDoc]] = {
    "legacy_pipe": lambda rng: legacy_form(rng, "pipe"),
    "legacy_tab": lambda rng: legacy_form(rng, "tab"),
    "legacy_html": legacy_html,
    "web_history": progress_history,
    "web_detail": project_detail,
    "web_detail_long": project_detail_long,
    "web_tracking": tracking_page,
    "plan": action_plan,
    "legacy_long": legacy_long,
}
PDF_PRODUCERS = ("reportlab", "fpdf2", "fpdf2-shaped", "soffice", "soffice-narrow",
                 "soffice-docx", "chromium")
#: Producers measured on request (``--producers``), not in the default run: borderless
#: prints (Word with Thai distributed justification; Chromium landscape, justified),
#: and spreadsheets printed by Calc fit to width or without page set-up (:mod:`corpus.calc`).
EXTRA_PRODUCERS = ("soffice-docx-dist", "chromium-land", "soffice-calc", "soffice-calc-pages")
#: Layouts printed as narrow-column tables (``soffice-narrow``): the progress form,
#: whose report label, flags, dates and amounts then wrap inside their cells.
NARROW_LAYOUTS = ("legacy_progress_form",)
#: Layouts without a web page that ``chromium`` prints from their text as ruled HTML
#: tables (:func:`corpus.render.ruled_table_page`): the action plan.
RULED_HTML_LAYOUTS = ("annual_action_plan",)
SCAN_DPIS = (150, 200, 300)
SCAN_MODES = ("grey", "1bit")


@dataclass(slots=True)
class Rendering:
    """One file of the corpus and how it was made."""

    path: str
    truth: str
    doc: str
    generator: str
    layout: str
    medium: str  # text | html | pdf | scan
    producer: str
    font: str = "-"
    dpi: int = 0
    settings: dict[str, str] = field(default_factory=dict)


def _rng(seed: int, *parts: object) -> random.Random:
    """An rng of its own for each document and rendering (stable whatever else runs)."""
    return random.Random(zlib.crc32(repr((seed, *parts)).encode()))


def note(message: str) -> None:
    """A printed note for a skipped producer or font (never silent)."""
    print(f"corpus: {message}", file=sys.stderr)


def build(folder: Path, n: int, seed: int, *, scans: int | None = None,
          producers: tuple[str, ...] = PDF_PRODUCERS,
          generators: tuple[str, ...] | None = None,
          font_families: tuple[str, ...] = ()) -> list[Rendering]:
    """Write the corpus into ``folder``; ``scans`` caps how many documents are scanned.

    ``font_families``: the Thai fonts the PDFs are printed in (any installed family,
    :func:`.fonts.chosen`); the corpus fonts (:func:`.fonts.available`) when empty.
    """
    folder.mkdir(parents=True, exist_ok=True)
    families = fonts.chosen(list(font_families)) if font_families else fonts.available()
    if not families:
        raise RuntimeError("no Thai font installed: apt-get install fonts-thai-tlwg-ttf")
    names = sorted(families)
    wanted = [p for p in producers if p.split("-")[0] not in ("soffice", "chromium")
              or render.have(p.split("-")[0])]
    for missing in sorted(set(producers) - set(wanted)):
        note(f"producer {missing} not installed; its PDFs are skipped")
    out: list[Rendering] = []
    soffice_jobs: list[tuple[GeneratedDoc, Path, str, Rendering]] = []
    docx_jobs: list[tuple[GeneratedDoc, Path, str, dict[str, str], Rendering]] = []
    narrow_jobs: list[tuple[GeneratedDoc, Path, str, random.Random, Rendering]] = []
    calc_jobs: list[tuple[GeneratedDoc, Path, str, dict[str, str], Rendering]] = []
    scan_sources: list[tuple[Rendering, GeneratedDoc, Callable[[Path], object] | None]] = []
    for gi, gen_name in enumerate(generators or tuple(GENERATORS)):
        for k in range(n):
            doc = GENERATORS[gen_name](_rng(seed, gen_name, k))
            stem = f"{gen_name}_{k:03d}"
            truth = folder / f"{stem}.truth.json"
            truth.write_text(doc.truth_json(), encoding="utf-8")

            def rendering(path: Path, medium: str, producer: str, font: str = "-",
                          dpi: int = 0, settings: dict[str, str] | None = None,
                          _doc: GeneratedDoc = doc, _stem: str = stem,
                          _truth: Path = truth, _gen: str = gen_name) -> Rendering:
                return Rendering(str(path), str(_truth), _stem, _gen, _doc.layout, medium,
                                 producer, font, dpi, settings or {})

            text = folder / f"{stem}.txt"
            text.write_text(doc.text, encoding="utf-8")
            out.append(rendering(text, "text", "text"))
            if doc.html is not None:
                page = folder / f"{stem}.html"
                page.write_bytes(doc.html_bytes())
                out.append(rendering(page, "html", doc.html_encoding))
            for pi, producer in enumerate(wanted):
                if (producer.startswith("chromium") and doc.html is None
                        and doc.layout not in RULED_HTML_LAYOUTS) or (
                        producer == "soffice-narrow" and doc.layout not in NARROW_LAYOUTS):
                    continue
                pool = names
                if producer == "soffice-docx-dist":
                    pool = [f for f in render.DIST_FONTS if f in families] or names
                font = pool[(k + gi + pi) % len(pool)]
                pdf = folder / f"{stem}.{producer}.pdf"
                rng = _rng(seed, gen_name, k, producer)
                try:
                    if producer == "reportlab":
                        settings = render.render_reportlab(doc, pdf, font, families[font], rng)
                    elif producer.startswith("fpdf2"):
                        settings = render.render_fpdf(doc, pdf, font, families[font], rng,
                                                      shaping=producer == "fpdf2-shaped")
                    elif producer.startswith("chromium"):
                        settings = render.render_chromium(
                            doc, pdf, font, families[font], rng,
                            borderless=producer == "chromium-land")
                    elif producer.startswith("soffice-docx"):
                        if producer.endswith("-dist"):
                            settings = render.docx_dist_settings(rng)
                        else:
                            settings = render.docx_settings(rng)
                        docx_jobs.append((doc, pdf, font, settings, rendering(
                            pdf, "pdf", producer, font, settings=settings)))
                        continue
                    elif producer.startswith("soffice-calc"):
                        settings = calc.calc_settings(rng, fit=producer == "soffice-calc")
                        calc_jobs.append((doc, pdf, font, settings, rendering(
                            pdf, "pdf", producer, font, settings=settings)))
                        continue
                    elif producer == "soffice-narrow":
                        narrow_jobs.append((doc, pdf, font, rng, rendering(pdf, "pdf", producer,
                                                                           font)))
                        continue
                    else:
                        soffice_jobs.append((doc, pdf, font, rendering(pdf, "pdf", producer,
                                                                       font)))
                        continue
                except Exception as exc:  # a producer failing is a finding, not a crash
                    note(f"{producer} failed on {stem}: {type(exc).__name__}: {exc}")
                    continue
                made = rendering(pdf, "pdf", producer, font, settings=settings)
                out.append(made)
                if producer in ("reportlab", "fpdf2"):
                    scan_sources.append((made, doc, _shaped_print(
                        producer, doc, font, families[font], seed, (gen_name, k, producer))))
    if soffice_jobs:
        failed = render.render_soffice_batch([(d, p, f) for d, p, f, _ in soffice_jobs])
        for _doc, pdf, _font, made in soffice_jobs:
            if pdf in failed:
                note(f"soffice failed on {pdf.name}: {failed[pdf]}")
            else:
                out.append(made)
                scan_sources.append((made, _doc, None))
    if docx_jobs:
        out += _made(docx_jobs, render.render_docx_batch(
            [(d, p, f, s) for d, p, f, s, _ in docx_jobs]))
    if calc_jobs:
        out += _made(calc_jobs, calc.render_calc_batch(
            [(d, p, f, s) for d, p, f, s, _ in calc_jobs]))
    if narrow_jobs:
        made_narrow, failed = render.render_narrow_tables_batch(
            [(d, p, f, r) for d, p, f, r, _ in narrow_jobs])
        for job in narrow_jobs:
            pdf, made = job[1], job[4]
            if pdf in failed:
                note(f"soffice failed on {pdf.name}: {failed[pdf]}")
            else:
                made.settings = made_narrow[pdf]
                out.append(made)
    out += _scans(folder, scan_sources, seed, scans)
    manifest = folder / "manifest.json"
    manifest.write_text(json.dumps([asdict(r) for r in out], ensure_ascii=False, indent=1),
                        encoding="utf-8")
    return out


def _made(jobs: list[Any], failed: dict[Path, str]) -> list[Rendering]:
    """The renderings of ``(doc, pdf, font, settings, made)`` jobs whose PDF was printed;
    a note for each that LibreOffice did not print."""
    made: list[Rendering] = []
    for _doc, pdf, _font, _settings, rendering in jobs:
        if pdf in failed:
            note(f"soffice failed on {pdf.name}: {failed[pdf]}")
        else:
            made.append(rendering)
    return made


def _shaped_print(producer: str, doc: GeneratedDoc, font: str, font_path: Path, seed: int,
                  key: tuple[object, ...]) -> Callable[[Path], object]:
    """Print ``doc`` again as ``producer`` did (same rng, so the same page), shaped."""
    def write(out: Path) -> object:
        rng = _rng(seed, *key)
        if producer == "reportlab":
            return render.render_reportlab(doc, out, font, font_path, rng, shaping=True)
        return render.render_fpdf(doc, out, font, font_path, rng, shaping=True)
    return write


def _scans(folder: Path,
           sources: list[tuple[Rendering, GeneratedDoc, Callable[[Path], object] | None]],
           seed: int, limit: int | None) -> list[Rendering]:
    """Scan one PDF per document (producers in turn), dpi and mode in turn.

    Paper is printed by a word processor, which places Thai marks (shapes the text):
    a scan of an unshaped print (ReportLab, fpdf2 without HarfBuzz) would show no
    tone mark over an upper vowel in Sarabun (drawn inside the vowel), a mark that
    no reader of the image can see. So those are scanned from the same page printed
    shaped; the text-layer PDFs stay unshaped.
    """
    by_doc: dict[str, list[Rendering]] = {}
    reprint: dict[str, Callable[[Path], object]] = {}
    for made, _doc, shaped in sources:
        by_doc.setdefault(made.doc, []).append(made)
        if shaped is not None:
            reprint[made.path] = shaped
    picked: list[Rendering] = []
    for i, doc in enumerate(sorted(by_doc)):
        options = sorted(by_doc[doc], key=lambda r: r.producer)
        picked.append(options[i % len(options)])
    rng = _rng(seed, "scan-order")
    rng.shuffle(picked)
    if limit is not None:
        picked = sorted(picked[:limit], key=lambda r: r.doc)
    out = []
    for i, source in enumerate(picked):
        dpi = SCAN_DPIS[i % len(SCAN_DPIS)]
        mode = SCAN_MODES[(i // len(SCAN_DPIS)) % len(SCAN_MODES)]
        path = folder / f"{Path(source.path).stem}.scan{dpi}{mode}.pdf"
        printed = Path(source.path)
        if source.path in reprint:
            printed = path.with_suffix(".shaped.pdf")
            reprint[source.path](printed)
        settings = scan_pdf(printed, path, dpi, mode,
                            _rng(seed, "scan", Path(source.path).name))
        settings["from"] = source.producer + (" shaped" if printed != Path(source.path) else "")
        if printed != Path(source.path):
            printed.unlink()
        out.append(Rendering(str(path), source.truth, source.doc, source.generator,
                             source.layout, "scan", f"{source.producer}+{mode}", source.font,
                             dpi, settings))
    return out
