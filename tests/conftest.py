from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
FIXTURES = ROOT / "tests" / "fixtures"

# The default profile (make test, CI) draws the same examples on every machine, so a
# run is repeatable; `make fuzz` (profile "fuzz") searches afresh each time.
settings.register_profile("default", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True, scope="session")
def _own_ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """OCR results cached for this run only: a test reads what Tesseract reads now,
    never a result an older version left in the user's cache."""
    if "BMA_ETL_CACHE" not in os.environ:
        os.environ["BMA_ETL_CACHE"] = str(tmp_path_factory.mktemp("bma-etl-cache"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "w.duckdb"


def letters_and_spaces(text: str) -> tuple[str, set[int]]:
    """``text`` without white space, and where (before which letter) white space stood."""
    letters: list[str] = []
    at: set[int] = set()
    for ch in " ".join(text.split()):
        if ch == " ":
            at.add(len(letters))
        else:
            letters.append(ch)
    return "".join(letters), at


def font_hint(families: Iterable[str]) -> str:
    """How to install ``families``: the TLWG apt package and/or the Sarabun pip package."""
    wanted = list(families)
    how = []
    if any(f != "Sarabun" for f in wanted):
        how.append("apt-get install fonts-thai-tlwg-ttf")
    if "Sarabun" in wanted:
        how.append("pip install fontpkg-sarabun (the corpus extra)")
    return " and ".join(how) + (" (make venv installs both)" if len(how) > 1
                                 else " (make venv does)")


def fonts_or_fail(families: Iterable[str], least: int | None = None) -> dict[str, Path]:
    """``{family: regular TTF}`` of the installed ones of ``families``, in their order.

    A family is a corpus one (``corpus.fonts.FAMILIES``: Sarabun from its pip package,
    the others from the TLWG folder) or another TLWG one (``Waree``, ``Umpush``: its
    ``.ttf`` in ``corpus.fonts.TLWG``). Every family is needed unless ``least`` is given:
    then the test goes on with the installed ones if there are at least ``least``.
    When too few are installed the test fails (never skips), naming the missing ones
    and how to install them.
    """
    from corpus import fonts

    wanted = list(families)
    available = fonts.available()
    found: dict[str, Path] = {}
    for family in wanted:
        path = (available.get(family) if family in fonts.FAMILIES
                else fonts.TLWG / f"{family}.ttf")
        if path is not None and path.is_file():
            found[family] = path
    missing = [f for f in wanted if f not in found]
    if missing and (least is None or len(found) < least):
        need = ("the font" + ("s " if len(missing) > 1 else " ") + ", ".join(missing)
                if least is None else
                f"{least} of the fonts {', '.join(wanted)} (installed: "
                f"{', '.join(found) or 'none'})")
        pytest.fail(f"needs {need}: {font_hint(missing)}")
    return found


def font_file(family: str) -> Path:
    """The regular TTF of the Thai font ``family`` (see ``fonts_or_fail``); fails the test
    with how to install the font when it is missing."""
    return fonts_or_fail([family])[family]


_THAI_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_NUMBER = re.compile(r"[0-9๐-๙.,]+")


def thai_wrapped(line: str, width: int) -> list[str]:
    """``line`` cut every ``width`` letters, inside a word too, as a page wraps Thai.

    A mark stays with its letter and a number whole; a number is never left alone on
    the last line (that is a page number's look): it goes on the line before.
    """
    out: list[str] = []
    while len(line) > width:
        cut = width
        while cut < len(line) and (_THAI_MARK.match(line[cut]) or _NUMBER.match(line, cut - 1)):
            cut += 1
        out.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    if out and _NUMBER.fullmatch(line.strip()):
        return [*out[:-1], f"{out[-1]} {line}"]
    return [*out, line] if line else out


#: A numbered row of a plan's budget table as the generator prints it (tab-separated).
BUDGET_ROW = re.compile(r"^(?P<no>[๑-๙0-9]{1,2})\t(?P<name>โครงการ[^\t]*)\t(?P<rest>.*)$")


def budget_rows_read(text: str, row: Callable[[re.Match[str]], str]) -> str:
    """A generated plan's ``text`` with its budget tables as OCR reads a borderless table.

    Every line of a budget table (from its ``ลำดับ ที่<tab>ชื่อโครงการ`` header to the
    next blank line) has its tabs read as spaces; each numbered row (:data:`BUDGET_ROW`)
    is replaced by ``row(match)``, the damage a test puts on it.
    """
    out: list[str] = []
    table = False
    for line in text.split("\n"):
        table = line.startswith("ลำดับ ที่\tชื่อโครงการ") or (table and bool(line.strip()))
        m = BUDGET_ROW.match(line)
        if m is None:
            out.append(line.replace("\t", " ") if table else line)
        else:
            out.append(row(m))
    return "\n".join(out)


def records_of(extract: Callable[[Any], Any], text: str, page_starts: tuple[int, ...] = (),
               *, ocr_used: bool = True, screened: bool = True,
               words: tuple[tuple[int, int, float], ...] = ()) -> dict[str, list[Any]]:
    """The validated records (table -> rows) one layout's ``extract`` gives for ``text``
    (pages starting at the offsets ``page_starts``), read as an OCR'd page when
    ``ocr_used``: repair, normalise, screen (unless not ``screened``: text without word
    confidences leaves every value doubtful), validate; no file, no warehouse.
    ``words``: the OCR'd words' ``(start, end, confidence)`` in ``text``, if known."""
    from bma_etl.layouts.base import RepairedText
    from bma_etl.normalize.fields import normalize
    from bma_etl.normalize.trust import screen
    from bma_etl.validate import build_records

    doc = RepairedText.of(text, page_starts, ocr_used=ocr_used, words=words)
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    if screened:
        screen(normalized, doc.text)
    return build_records(normalized, "0" * 64)


def assert_rows_read(table: str, got: list[Any], want: list[dict[str, Any]],
                     fields: tuple[str, ...]) -> None:
    """``got`` (records of ``table``) are the generated rows ``want``, row for row: as
    many, and every one of ``fields`` right (:func:`corpus.score.score_tables`)."""
    from corpus.score import score_tables

    truth = {"tables": {table: [{k: row[k] for k in fields} for row in want]}}
    right, total, lost = score_tables({table: got}, truth)
    assert total > 0 and len(got) == len(want) and right == total, lost[:6]


def assert_damaged_steps_read(want: list[dict[str, Any]], got: list[Any], damaged: int,
                              fields: tuple[str, ...], loose: tuple[str, ...]) -> None:
    """A plan's step rows OCR damaged read right: some rows were damaged (``damaged``),
    every step of ``want`` read (:func:`assert_rows_read` of ``fields``), and each of
    ``loose`` read as generated or NULL, never another value."""
    assert damaged
    assert_rows_read("plan_steps", got, want, fields)
    for w, g in zip(want, got, strict=True):
        for name in loose:
            value = getattr(g, name, None)
            assert value is None or str(value) == str(w[name]), (name, w, g)


def amount_cut_in_its_cell(pdf: Path, text: str) -> bool:
    """Whether some amount of ``text`` (``1,234,500``) is not whole in the text pdfium
    gives for ``pdf``: the print wrapped it inside its cell, as the tests mean it to."""
    import pypdfium2 as pdfium

    printed = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))
    amounts = re.findall(r"[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+", text)
    return any(amount not in printed for amount in amounts)


def distributed_word_prints(tmp_path: Path, generator: str, seed: str,
                            prints: Iterable[tuple[str, int]],
                            keep: Callable[[Any], bool] = lambda doc: True,
                            ) -> list[tuple[Path, Any]]:
    """``[(pdf, doc)]``: a ``generator`` document (bench/corpus) for each ``(font, pt)`` of
    ``prints``, written as a Word file in Thai distributed alignment (``th-TH``, cells as
    wide as their content) and printed by LibreOffice. ``keep`` must hold for the
    document drawn (asserted). Fails the test when a font or LibreOffice is missing.
    """
    import random

    from corpus import render
    from corpus.build import GENERATORS

    prints = tuple(prints)
    fonts_or_fail(font for font, _ in prints)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    batch, made = [], []
    for k, (font, pt) in enumerate(prints):
        doc = GENERATORS[generator](random.Random(f"{seed}-{k}"))
        assert keep(doc), f"{seed}-{k}: the document drawn lacks what the test needs"
        pdf = tmp_path / f"{generator}-{k}.{font}.pdf"
        batch.append((doc, pdf, font, {"align": "distribute", "pt": str(pt),
                                       "widths": "content", "lang": "th-TH"}))
        made.append((pdf, doc))
    failed = render.render_docx_batch(batch)
    assert not failed, failed
    return made


def assert_read_as_generated(path: Path, truth: dict[str, Any],
                             tables: Iterable[str] | None = None) -> None:
    """Every field of ``truth`` (a generated document's; only ``tables`` of it when
    given) read from ``path`` as generated, and at least one field counted."""
    from bma_etl.pipeline import process_file

    from corpus.score import score

    if tables is not None:
        truth = {"tables": {name: truth["tables"][name] for name in tables}}
    result = score(process_file(path), truth)
    assert result.total > 0 and result.lost == [], "\n".join(
        f"{k}: want {w!r} got {g!r} ({kind})" for k, w, g, kind in result.lost[:6])

def corpus_word_print(tmp_path: Path, seed: int, generator: str, k: int, font: str
                      ) -> tuple[Any, Path, dict[str, str]]:
    """``(doc, pdf, settings)``: the ``k``-th ``generator`` document of corpus seed ``seed``,
    written as a Word file and printed by LibreOffice as the corpus builder prints it
    (``soffice-docx``: its random settings drawn the builder's way). Fails the test
    when the font or LibreOffice is missing, or the print fails.
    """
    from corpus import render
    from corpus.build import GENERATORS, _rng

    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS[generator](_rng(seed, generator, k))
    pdf = tmp_path / f"{generator}.pdf"
    settings = render.docx_settings(_rng(seed, generator, k, "soffice-docx"))
    failed = render.render_docx_batch([(doc, pdf, font, settings)])
    assert not failed, failed
    return doc, pdf, settings


def sarabun_print(tag: str, generator: str, producer: str, folder: Path, seed: int = 3
                  ) -> tuple[Path, dict[str, Any]]:
    """``(pdf, truth)``: a ``generator`` document (``bench/corpus``, drawn from
    ``random.Random(f"{tag}-{generator}")``) printed in Sarabun by ``producer`` (``fpdf2``,
    unshaped; else reportlab) with ``random.Random(seed)`` to
    ``folder/<generator>.<producer>.pdf``. Fails the test without Sarabun."""
    import random

    from corpus import render
    from corpus.build import GENERATORS

    doc = GENERATORS[generator](random.Random(f"{tag}-{generator}"))
    out = folder / f"{generator}.{producer}.pdf"
    if producer == "fpdf2":
        render.render_fpdf(doc, out, "Sarabun", font_file("Sarabun"), random.Random(seed),
                           shaping=False)
    else:
        render.render_reportlab(doc, out, "Sarabun", font_file("Sarabun"), random.Random(seed))
    return out, doc.truth


def corpus_fpdf_print(tmp_path: Path, seed: int, generator: str, k: int, font: str,
                      shaping: bool) -> tuple[Any, Path]:
    """``(doc, pdf)``: the ``k``-th ``generator`` document of corpus seed ``seed``, printed
    by fpdf2 as the corpus builder prints it (``fpdf2``, or ``fpdf2-shaped`` with
    ``shaping``: HarfBuzz text shaping). Fails the test when the font is missing.
    """
    from corpus import render
    from corpus.build import GENERATORS, _rng

    doc = GENERATORS[generator](_rng(seed, generator, k))
    pdf = tmp_path / f"{generator}.pdf"
    producer = "fpdf2-shaped" if shaping else "fpdf2"
    render.render_fpdf(doc, pdf, font, font_file(font), _rng(seed, generator, k, producer),
                       shaping=shaping)
    return doc, pdf

#: A SWOT list's item line as the plan generator writes it (``๑. ข้อความ``).
#: A scoring level's line as the plan generator writes it: its level, a tab, then
#: ``ร้อยละ`` and the rest of the row.
LEVEL_LINE = re.compile(r"^(?P<level>[๑-๕1-5])\tร้อยละ (?P<rest>.*)$")
SWOT_ITEM = re.compile(r"^(?P<no>[๐-๙0-9]{1,2})\. (?P<body>.+)$")


def corpus_fpdf_grey_pages(tmp_path: Path, seed: int, generator: str, k: int, dpi: int
                           ) -> tuple[Any, list[Any]]:
    """``(doc, pages)``: the ``k``-th ``generator`` document of corpus seed ``seed`` printed
    by fpdf2 (:func:`corpus_fpdf_print`, unshaped, in the first of Garuda, Loma and Sarabun
    installed) and each printed page rendered in grey (PIL ``L``) at ``dpi``."""
    import pypdfium2 as pdfium

    font = next(iter(fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)))
    doc, pdf = corpus_fpdf_print(tmp_path, seed, generator, k, font, shaping=False)
    printed = pdfium.PdfDocument(str(pdf))
    try:
        pages = [printed[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                 for i in range(len(printed))]
    finally:
        printed.close()
    return doc, pages


def levels_sheet() -> tuple[Any, list[dict[str, Any]], float]:
    """``(pdf, levels, half)``: an fpdf2 A4 page begun in Sarabun 12 pt for a plan's
    scoring levels set in two halves without rules (a borderless table beside its
    labels), the generated plan's levels (``bench/corpus`` ``plan``, at least five) and
    the width of a half of the text area in mm. Fails the test without Sarabun."""
    import random

    from fpdf import FPDF

    from corpus.build import GENERATORS

    doc = GENERATORS["plan"](random.Random("borderless-columns"))
    levels = doc.truth["tables"]["plan_scoring_levels"]
    assert len(levels) >= 5
    pdf = FPDF(format="A4")
    pdf.add_font("Sarabun", fname=str(font_file("Sarabun")))
    pdf.set_font("Sarabun", size=12)
    pdf.add_page()
    return pdf, levels, (pdf.w - 2 * pdf.l_margin) / 2


def scanned_level_lines(line: str, widths: tuple[int, ...], rng: Any) -> tuple[list[str], bool]:
    """A generated plan's ``line`` as a scan's OCR lines give it, and whether it is a level's.

    A scoring level and its row run on with a space (no tab) and wrap at one of
    ``widths`` characters (``rng``'s choice); the levels' heading row loses its tab;
    another line stays as it is.
    """
    import textwrap

    m = LEVEL_LINE.match(line)
    if m is None:
        heading = line.startswith("ระดับความสำเร็จ\t")
        return [line.replace("\t", " ") if heading else line], False
    return textwrap.wrap(f"{m.group('level')} ร้อยละ {m.group('rest')}".replace("\t", " "),
                         rng.choice(widths)), True


def swot_span(lines: list[str]) -> range:
    """The lines of a generated plan's SWOT analysis (its title to the projects' summary)."""
    first = next(k for k, line in enumerate(lines) if "SWOT" in line)
    last = next(k for k, line in enumerate(lines) if line.startswith("สรุปโครงการ"))
    return range(first, last)


def swot_lists(lines: list[str]) -> list[list[int]]:
    """The indices of each SWOT list's item lines in a generated plan's ``lines``."""
    lists: list[list[int]] = []
    for k in swot_span(lines):
        if SWOT_ITEM.match(lines[k]):
            if not lists or not SWOT_ITEM.match(lines[k - 1]):
                lists.append([])
            lists[-1].append(k)
    return lists


def assert_swot_read(text: str, want: list[dict[str, Any]],
                     words: tuple[tuple[int, int, float], ...] = ()) -> None:
    """Assert the plan ``text`` gives the SWOT items ``want`` (kind and text; a number
    read must be the one written, an unread one may be NULL); ``words``: the OCR'd
    words' ``(start, end, confidence)``, if known."""
    from bma_etl.layouts.annual_action_plan import extract

    got = records_of(extract, text, words=words).get("plan_swot_items", [])
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))


def words_unsure_on_lines(text: str, unsure: set[int], low: float, high: float
                          ) -> tuple[tuple[int, int, float], ...]:
    """``text``'s words ``(start, end, confidence)`` as OCR gives them: read sure (88-96),
    but those of the lines ``unsure`` (0-based) at ``low``-``high``; confidences drawn
    from ``random.Random(len(text))`` in reading order, to two places."""
    import random

    rng = random.Random(len(text))
    out: list[tuple[int, int, float]] = []
    base = 0
    for no, line in enumerate(text.split("\n")):
        for m in re.finditer(r"\S+", line):
            conf = rng.uniform(low, high) if no in unsure else rng.uniform(88, 96)
            out.append((base + m.start(), base + m.end(), round(conf, 2)))
        base += len(line) + 1
    return tuple(out)


def chromium_words_print(font: Path, words: list[str], out: Path, px: int = 14) -> Path:
    """``words``, one paragraph each, set in the font file ``font`` at ``px`` CSS pixels
    and printed by headless Chromium without header and footer to ``out``."""
    import html
    import subprocess
    import tempfile

    body = "".join(f"<p>{html.escape(line)}</p>" for line in words)
    page = (f"<html><head><meta charset='utf-8'><style>@font-face {{ font-family: 'T';"
            f" src: url('file://{font}'); }} body {{ font-family: 'T'; font-size: {px}px; }}"
            f"</style></head><body>{body}</body></html>")
    with tempfile.TemporaryDirectory(prefix="bma-words-") as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(page, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", f"--user-data-dir={tmp}/profile",
                        "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri()],
                       capture_output=True, timeout=120, check=True)
    return out


def chromium_font(family: str) -> Path:
    """The font file of ``family`` (Sarabun, or a font such as ``Noto Sans Thai`` the
    system has) for a page Chromium prints or shoots; fails the test with how to
    install Chromium or the font when either is missing."""
    from corpus import fonts, render

    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    if family == "Sarabun":
        return font_file("Sarabun")
    path = fonts.installed(family)
    if path is None:
        pytest.fail(f"needs {family}: apt-get install fonts-noto-core (make venv does)")
    return path


def chromium_phone_shot(font: Path, lines: list[str], folder: Path, height: int) -> Path:
    """A phone's screenshot of ``lines`` (one ``<br>`` line each) in the font file ``font``.

    The page (``folder/top.html``, 20 CSS px text, 12 px margin, white) is shot by headless
    Chromium in a window 390 px wide and ``height`` px tall at twice the pixels
    (``--force-device-scale-factor=2``): a PNG, ``folder/top.png``, returned.
    """
    import html
    import subprocess

    body = "<br>\n".join(html.escape(line) for line in lines)
    page = folder / "top.html"
    page.write_text(f"<html><head><meta charset='utf-8'><style>@font-face {{ font-family: 'T';"
                    f" src: url('file://{font}'); }} body {{ font-family: 'T'; font-size: 20px;"
                    f" margin: 12px; background: #fff; }}</style></head><body>{body}</body></html>",
                    encoding="utf-8")
    shot = folder / "top.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={folder}/profile", "--hide-scrollbars",
                    f"--window-size=390,{height}", "--force-device-scale-factor=2",
                    f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    return shot


def chromium_word_lines(font: Path, words: list[str], tmp_path: Path,
                        px: int = 14) -> list[str]:
    """The lines the PDF reader gives of ``words`` printed by :func:`chromium_words_print`."""
    import pypdfium2 as pdfium

    from bma_etl.read.pdf_layout import page_lines

    doc = pdfium.PdfDocument(chromium_words_print(font, words, tmp_path / "words.pdf", px))
    try:
        return [line.text for line in page_lines(doc[0].get_textpage())]
    finally:
        doc.close()


def paged(pages: list[list[str]]) -> tuple[str, tuple[int, ...]]:
    """Pages of lines as one text (a newline between pages) and each page's start offset."""
    texts = ["\n".join(p) for p in pages]
    starts, at = [], 0
    for t in texts:
        starts.append(at)
        at += len(t) + 1
    return "\n".join(texts), tuple(starts)


def two_up_pdfium(src: Path, out: Path) -> None:
    """The pages of ``src`` drawn two to a landscape sheet by pdfium (each a Form XObject),
    each scaled into its half and centred there."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(src)
    width, height = source[0].get_size()
    source.close()
    sheet_w, sheet_h = height, width
    scale = min(sheet_w / 2 / width, sheet_h / height)

    def place(w: float, h: float, k: int) -> tuple[float, float, float]:
        return (scale, k * sheet_w / 2 + (sheet_w / 2 - w * scale) / 2,
                (sheet_h - h * scale) / 2)

    impose_pdfium(src, out, (sheet_w, sheet_h), 2, place)


def generated_form(dialect: str, key: str, reports: tuple[int, int], tries: int = 80) -> Any:
    """A generated progress form (``legacy_form`` in ``dialect``) of ``reports`` (least,
    most) reports and no Thai-digit field, the first such of seeds ``key-0``, ``key-1``…"""
    import random

    from corpus.forms import legacy_form

    for k in range(tries):
        doc = legacy_form(random.Random(f"{key}-{k}"), dialect)
        if reports[0] <= len(doc.tables["progress_updates"]) <= reports[1] \
                and not doc.thai_digit_fields:
            return doc
    raise AssertionError(f"no generated form with {reports[0]} to {reports[1]} reports")


def flattened_form(pdf: Path, out: Path, how: str) -> None:
    """The filled form ``pdf`` flattened into ``out``: ``pdfium`` as a viewer prints it (its
    appearances made from ``/V``, drawn into the page), ``qpdf`` from the appearances a
    viewer saved (``--flatten-annotations=all``)."""
    import subprocess

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    document = pdfium.PdfDocument(str(pdf))
    document.init_forms()
    for index in range(len(document)):
        page = document[index]
        if how == "pdfium":
            pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_PRINT)
        page.close()
    saved = out.with_suffix(".saved.pdf") if how == "qpdf" else out
    document.save(str(saved))
    document.close()
    if how == "qpdf":
        writer = PdfWriter(clone_from=str(saved))
        del writer.root_object["/AcroForm"][NameObject("/NeedAppearances")]
        writer.write(str(saved))
        subprocess.run(["qpdf", "--flatten-annotations=all", str(saved), str(out)], check=True)


#: Where page ``k`` of a sheet goes: ``(width, height, k)`` of the page (points) to
#: ``(scale, x, y)`` of its drawing on the sheet.
Place = Callable[[float, float, int], tuple[float, float, float]]


def impose_pypdf(src: Path, out: Path, sheet: tuple[float, float], per_sheet: int,
                 place: Place) -> None:
    """``per_sheet`` pages of ``src`` to each ``sheet`` (points), each page's content
    drawn scaled where ``place`` puts it (pypdf's merge)."""
    import pypdf

    reader, writer = pypdf.PdfReader(src), pypdf.PdfWriter()
    for first in range(0, len(reader.pages), per_sheet):
        drawn = pypdf.PageObject.create_blank_page(width=sheet[0], height=sheet[1])
        for k, page in enumerate(reader.pages[first:first + per_sheet]):
            scale, x, y = place(float(page.mediabox.width), float(page.mediabox.height), k)
            drawn.merge_transformed_page(page, pypdf.Transformation().scale(scale)
                                         .translate(x, y))
        writer.add_page(drawn)
    writer.write(out)


def impose_pdfium(src: Path, out: Path, sheet: tuple[float, float], per_sheet: int,
                  place: Place) -> None:
    """``per_sheet`` pages of ``src`` to each ``sheet`` (points), each page one Form
    XObject drawn scaled where ``place`` puts it (pdfium)."""
    import pypdfium2 as pdfium

    source, target = pdfium.PdfDocument(src), pdfium.PdfDocument.new()
    for first in range(0, len(source), per_sheet):
        drawn = target.new_page(*sheet)
        for k in range(min(per_sheet, len(source) - first)):
            scale, x, y = place(*source[first + k].get_size(), k)
            page = source.page_as_xobject(first + k, target).as_pageobject()
            page.transform(pdfium.PdfMatrix().scale(scale, scale).translate(x, y))
            drawn.insert_obj(page)
        drawn.gen_content()
    target.save(out)


def chromium_cairo_print(doc: Any, family: str, tmp_path: Path) -> Path:
    """``doc`` printed by Chromium in the Noto ``family`` and rewritten by ``pdftocairo
    -pdf``: the PDF's path in ``tmp_path``. Fails the test when a tool or the font is
    missing (``make venv`` installs them)."""
    import random
    import subprocess

    from corpus import fonts, render

    for tool, package in (("chromium", "chromium"), ("pdftocairo", "poppler-utils")):
        if not render.have(tool):
            pytest.fail(f"needs {tool}: apt-get install {package} (make venv does)")
    path = fonts.noto(family)
    if path is None:
        pytest.fail(f"needs {family}: apt-get install fonts-noto-core (make venv does)")
    printed, rewritten = tmp_path / "printed.pdf", tmp_path / "rewritten.pdf"
    render.render_chromium(doc, printed, family, path, random.Random(0), header_footer=False)
    subprocess.run(["pdftocairo", "-pdf", str(printed), str(rewritten)], check=True,
                   capture_output=True, timeout=120)
    return rewritten


def ocr_line(line: str) -> tuple[str, tuple[Any, ...]]:
    """An OCR page of one line: its text and a word at each space (OcrWord).

    Boxes are 25 px a letter with 20 px between words; every word read sure (91).
    """
    from bma_etl.read.ocr_layout import OcrWord

    words: list[OcrWord] = []
    at, left = 0, 100
    for text in line.split(" "):
        words.append(OcrWord(text, 91.0, (left, 100, left + 25 * len(text), 160), at))
        at += len(text) + 1
        left += 25 * len(text) + 20
    return line, tuple(words)


def legacy_report_cells(pattern: re.Pattern[str], seeds: int) -> list[str]:
    """The report cells of generated legacy forms (seeds 0 .. ``seeds`` - 1) ``pattern`` finds."""
    import random

    from corpus.build import GENERATORS

    cells = []
    for seed in range(seeds):
        doc = GENERATORS["legacy_pipe"](random.Random(seed))
        cells += [cell.strip() for line in doc.text.splitlines()
                  for cell in line.split("|") if pattern.search(cell)]
    return cells


def printed_form_pages(folder: Path, seed: int, dpi: int) -> tuple[Any, list[Any]]:
    """A generated legacy form printed by fpdf2 (shaped, 12 pt) and its pages as scanned.

    Returns the generated document (its truth) and each page rendered in colour
    (PIL ``RGB``) at ``dpi``. The font is the first of Garuda, Loma and Sarabun
    installed; the PDF is written in ``folder``.
    """
    import random

    import pypdfium2 as pdfium

    from corpus import render
    from corpus.build import GENERATORS

    doc = GENERATORS["legacy_pipe"](random.Random(f"{seed}-legacy_pipe"))
    found = fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)
    font = next(iter(found))
    pdf = folder / "legacy_pipe.pdf"
    render.render_fpdf(doc, pdf, font, found[font], random.Random(seed), shaping=True, pt=12)
    printed = pdfium.PdfDocument(pdf)
    try:
        pages = [printed[i].render(scale=dpi / 72).to_pil().convert("RGB")
                 for i in range(len(printed))]
    finally:
        printed.close()
    return doc, pages


def fields_misread(project: Any, truth: dict[str, Any], left_out: Iterable[str] = ()
                   ) -> dict[str, tuple[Any, Any]]:
    """``{field: (generated, read)}``: the fields of a generated project's ``truth`` that
    state a value and that the read record ``project`` has, but read otherwise
    (:func:`corpus.score.same`); fields named in ``left_out`` are not compared."""
    from corpus.score import same

    skip = set(left_out)
    return {name: (want, getattr(project, name)) for name, want in truth.items()
            if want is not None and hasattr(project, name) and name not in skip
            and not same(want, getattr(project, name))}
