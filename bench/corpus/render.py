"""Render a generated document to PDF the way real producers do.

- ``reportlab``: the text's tab and pipe rows become ruled tables (``Table`` with a
  grid), cells wrap inside their columns, a running header and a page-numbered
  footer on every page, tables cross page breaks; A4 portrait or landscape.
- ``fpdf2`` / ``fpdf2-shaped``: plain flowing text wrapped at the page width, tabs
  as tab stops (a word processor's default stops), with and without HarfBuzz shaping.
- ``soffice``: LibreOffice's text import and PDF export (``render_soffice_batch``).
- ``soffice-docx``: a Word file (python-docx) with ruled tables (columns of equal
  width or sized to their contents), its paragraphs left aligned, justified or in
  Thai distributed justification, 10-16 pt, mostly in the Thai language (whose
  justified lines LibreOffice spreads letter by letter), printed by LibreOffice
  (``render_docx_batch``; :func:`docx_settings`).
- ``soffice-narrow``: the text's tables as an HTML page with narrow columns, printed
  by LibreOffice Writer/Web (``render_narrow_tables_batch``): labels, flags, dates
  and amounts wrap inside their cells, ruled or borderless.
- ``soffice-docx-dist``: the Word file with borderless tables, a narrow first
  column (``รายงานครั้งที่1`` wraps inside the word) and Thai distributed
  justification (``w:jc w:val="thaiDistribute"``: every line, the last included,
  spread to the column width by gaps between letters), in the Thai fonts
  :data:`DIST_FONTS`.
- ``chromium``: the browser's print-to-PDF of the HTML page; a document without a
  page of its own (the action plan) is printed from its text as ruled HTML tables
  (:func:`ruled_table_page`), as a plan kept as a web page or exported to HTML is.
- ``chromium-land``: the same print on A4 landscape with every table's borders
  removed (cells padded instead) and ``text-align: justify``.

Nothing widens the page so that rows fit: long rows wrap as they would on paper.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path
from typing import Any

from corpus import fonts
from corpus.doc import GeneratedDoc

_SEPARATOR_ROW = re.compile(r"^\|[-| ]+\|$")
RUNNING = ("ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร", "กรุงเทพมหานคร",
            "เอกสารประกอบการประชุม")


def blocks(text: str) -> list[tuple[str, list[list[str]]]]:
    """Paragraphs and tables: consecutive tab or pipe rows form one table.

    >>> [kind for kind, _ in blocks("a\\nx\\ty\\n| p | q |\\n\\nb")]
    ['p', 'table', 'table', 'p', 'p']
    """
    out: list[tuple[str, list[list[str]]]] = []
    kind_of_last = ""
    for line in text.split("\n"):
        if line.startswith("|") and line.rstrip().endswith("|"):
            if _SEPARATOR_ROW.match(line.strip()) and "-" in line:
                continue
            cells = [c.strip() for c in line.strip()[1:-1].split("|")]
            kind = "pipe"
        elif "\t" in line:
            cells = line.split("\t")
            kind = "tab"
        else:
            out.append(("p", [[line]]))
            kind_of_last = ""
            continue
        if kind_of_last == kind:
            out[-1][1].append(cells)
        else:
            out.append(("table", [cells]))
        kind_of_last = kind
    return out


def _widths(rows: list[list[str]], total: float, minimum: float) -> list[float]:
    columns = max(len(r) for r in rows)
    weight = [max((len(r[i]) if i < len(r) else 0) for r in rows) for i in range(columns)]
    weight = [min(max(w, 2), 70) for w in weight]
    raw = [total * w / sum(weight) for w in weight]
    raw = [max(minimum, w) for w in raw]
    scale = total / sum(raw)
    return [w * scale for w in raw]


def render_reportlab(doc: GeneratedDoc, out: Path, font: str, font_path: Path,
                     rng: random.Random, *, shaping: bool = False, paper: str | None = None,
                     pt: int | None = None) -> dict[str, str]:
    """Ruled-box tables with a running header and numbered footer; returns the settings.

    ``shaping`` places marks with HarfBuzz (uharfbuzz) as a word processor does; without
    it, ReportLab draws each mark at its default place (in Sarabun, a tone mark over an
    upper vowel lands inside the vowel). ``paper`` (a size of
    :mod:`reportlab.lib.pagesizes`, ``A5``) and ``pt`` (the body's size) set those
    instead of their draws (which are still made).
    """
    from reportlab.lib import colors, pagesizes
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, str(font_path)))
    orientation = "landscape" if rng.random() < 0.3 else "portrait"
    sheet = A4 if paper is None else getattr(pagesizes, paper)
    size = landscape(sheet) if orientation == "landscape" else sheet
    drawn = rng.choice((10, 11, 12, 14))
    pt = drawn if pt is None else pt
    body = ParagraphStyle("body", fontName=font, fontSize=pt, leading=pt * 1.35,
                          shaping=int(shaping))
    cell = ParagraphStyle("cell", fontName=font, fontSize=pt - 1, leading=(pt - 1) * 1.3,
                          shaping=int(shaping))
    header = rng.choice(RUNNING)
    footer = rng.choice(("หน้า {n}", "- {n} -", "{n}"))

    def decorate(canvas: object, document: object) -> None:
        c = canvas
        n = c.getPageNumber()  # type: ignore[attr-defined]
        width, height = size
        c.saveState()  # type: ignore[attr-defined]
        c.setFont(font, 9)  # type: ignore[attr-defined]
        c.drawString(18 * mm, height - 12 * mm, header)  # type: ignore[attr-defined]
        c.drawRightString(width - 18 * mm, 10 * mm, footer.format(n=n))  # type: ignore[attr-defined]
        c.restoreState()  # type: ignore[attr-defined]

    margin = rng.choice((15, 20, 25)) * mm
    if doc.margins_mm is not None:
        margin = doc.margins_mm * mm
    frame_width = size[0] - 2 * margin
    story: list[object] = []
    for kind, rows in blocks(doc.text):
        if kind == "p":
            line = rows[0][0]
            story.append(Paragraph(escape(line), body) if line.strip() else Spacer(1, pt * 0.5))
            continue
        columns = max(len(r) for r in rows)
        data = [[Paragraph(escape(c), cell) for c in r + [""] * (columns - len(r))] for r in rows]
        table = Table(data, colWidths=_widths(rows, frame_width, 8 * mm), repeatRows=0)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    pdf = SimpleDocTemplate(str(out), pagesize=size, leftMargin=margin, rightMargin=margin,
                            topMargin=20 * mm, bottomMargin=18 * mm, title=doc.name)
    pdf.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return {"page": f"{paper or 'A4'}-{orientation}", "pt": str(pt),
            "margin_mm": f"{margin / mm:.0f}"}


def fpdf_page(font: str, font_path: Path, body: float, *, header: str | None = None,
              orientation: str = "P", margin: float = 20.0, shaping: bool = False,
              numbered: bool = True) -> Any:
    """An fpdf2 document set up as :func:`render_fpdf` prints, its first page added.

    A4 in ``orientation``, ``margin`` mm at the sides and 15 mm at the top, pages
    broken 18 mm above the foot; ``header``: a running header (9 pt) on every page;
    ``numbered``: ``- n -`` at each page's foot (9 pt); the body set in ``font`` at
    ``body`` pt, HarfBuzz shaping when ``shaping``.
    """
    from fpdf import FPDF

    class Page(FPDF):
        def header(self) -> None:
            if header is not None:
                self.set_font(font, size=9)
                self.cell(0, 6, header, new_x="LMARGIN", new_y="NEXT")
                self.set_font(font, size=body)

        def footer(self) -> None:
            if numbered:
                self.set_y(-12)
                self.set_font(font, size=9)
                self.cell(0, 6, f"- {self.page_no()} -", align="C")
                self.set_font(font, size=body)

    pdf = Page(orientation=orientation, format="A4")
    pdf.add_font(font, fname=str(font_path))
    if shaping:
        pdf.set_text_shaping(True)
    pdf.set_margins(margin, 15, margin)
    pdf.set_auto_page_break(True, 18)
    pdf.add_page()
    pdf.set_font(font, size=body)
    return pdf


def fpdf_lines(pdf: Any, lines: list[str], h: float, stop: float = 12.7) -> None:
    """Print ``lines`` on ``pdf`` (:func:`fpdf_page`) as :func:`render_fpdf` does.

    A line without a tab flows, wrapped at the margin (``h`` mm a line; a blank
    line is a 0.6-line gap); a line with tabs sets each piece at the next tab stop
    (every ``stop`` mm from the left margin), a stop past the right margin going
    to the next line.
    """
    for line in lines:
        if "\t" not in line:
            if line.strip():
                pdf.multi_cell(0, h, line, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(h * 0.6)
            continue
        pdf.set_x(pdf.l_margin)
        for i, piece in enumerate(line.split("\t")):
            if i:
                nxt = pdf.l_margin + (int((pdf.get_x() - pdf.l_margin) / stop) + 1) * stop
                if nxt > pdf.w - pdf.r_margin - 5:
                    pdf.ln(h)
                else:
                    pdf.set_x(nxt)
            if piece:
                pdf.write(h, piece)
        pdf.ln(h)


def render_fpdf(doc: GeneratedDoc, out: Path, font: str, font_path: Path, rng: random.Random,
                *, shaping: bool, pt: int | None = None) -> dict[str, str]:
    """Flowing text wrapped at the page width, tab stops every 12.7 mm.

    ``pt``: the body's font size, drawn from 10-16 when None (the margins are
    ``doc.margins_mm`` when set). Returns the page, size and margin used.
    """
    running = rng.random() < 0.5
    header_text = rng.choice(RUNNING)
    body = rng.choice((10, 11, 12, 14, 16)) if pt is None else pt
    orientation = "L" if rng.random() < 0.15 else "P"
    margin = rng.choice((15.0, 20.0, 25.4))
    if doc.margins_mm is not None:
        margin = doc.margins_mm
    pdf = fpdf_page(font, font_path, body, header=header_text if running else None,
                    orientation=orientation, margin=margin, shaping=shaping)
    h = body * 0.5
    stop = 12.7
    fpdf_lines(pdf, doc.text.split("\n"), h, stop)
    pdf.output(str(out))
    return {"page": f"A4-{'landscape' if orientation == 'L' else 'portrait'}", "pt": str(body),
            "margin_mm": f"{margin:.0f}"}


def have(tool: str) -> bool:
    """Whether a producer's program is installed."""
    return shutil.which(tool) is not None


def profile_fonts(profile: Path) -> None:
    """Copy the fonts not installed system-wide (Sarabun) into a LibreOffice profile.

    LibreOffice finds fonts in its profile's ``user/fonts``; one fontconfig does not
    know is otherwise printed in whatever font fontconfig offers for the name.
    """
    own = profile / "user" / "fonts"
    own.mkdir(parents=True, exist_ok=True)
    for path in fonts.available().values():
        if path.parent != fonts.TLWG:
            shutil.copy(path, own / path.name)


def _soffice(tmp: str, sources: list[str], outs: list[Path], *options: str) -> dict[Path, str]:
    """Print ``sources`` to PDF with one LibreOffice run in ``tmp``; move each to its out.

    ``outs[i]`` receives the PDF of ``sources[i]`` (or, with another ``--convert-to``
    in ``options``, the file of ``outs[i]``'s suffix); returns the outs that got none.
    The fonts not installed system-wide (Sarabun, from its PyPI package) go into the
    run's profile (``user/fonts``), where LibreOffice finds them: otherwise it prints
    in whatever font fontconfig offers for the name (Noto Sans where Noto is installed).
    """
    profile_fonts(Path(tmp) / "profile")
    cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", *options,
           "--outdir", tmp, *sources]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    failed: dict[Path, str] = {}
    for out in outs:
        made = Path(tmp) / f"{out.stem}{out.suffix or '.pdf'}"
        if made.exists():
            shutil.move(str(made), out)
        else:
            failed[out] = f"soffice made no {out.suffix or '.pdf'}: {run.stderr.strip()[-200:]}"
    return failed


def render_soffice_batch(jobs: list[tuple[GeneratedDoc, Path, str]]) -> dict[Path, str]:
    """Convert each ``(doc, out, font)`` with LibreOffice's text import; returns failures."""
    failed: dict[Path, str] = {}
    by_font: dict[str, list[tuple[GeneratedDoc, Path]]] = {}
    for doc, out, font in jobs:
        by_font.setdefault(font, []).append((doc, out))
    for font, items in by_font.items():
        with tempfile.TemporaryDirectory(prefix="bma-soffice-") as tmp:
            srcs = []
            for doc, out in items:
                src = Path(tmp) / f"{out.stem}.txt"
                src.write_text(doc.text, encoding="utf-8")
                srcs.append(str(src))
            failed |= _soffice(tmp, srcs, [out for _doc, out in items],
                               f"--infilter=Text (encoded):UTF8,LF,{font},th",
                               "--convert-to", "pdf")
    return failed


#: Paragraph alignments of the Word renderer: ``distribute`` is Thai distributed
#: justification (LibreOffice spreads every character of a line, marks included).
DOCX_ALIGNS = ("left", "justify", "distribute")
#: Column widths of the Word renderer's tables: ``equal`` (a table inserted and
#: filled in, as LibreOffice lays out a table saved without widths) or ``content``
#: (the widths Word saves after sizing a table to its contents: long cells wide,
#: number and month columns narrow, none under 8 mm).
DOCX_WIDTHS = ("equal", "content")
#: Page-number footers of the Word renderer, centred at each page's foot (``{n}``: the
#: page's number, a Word PAGE field; ``""``: none), as office documents number pages.
DOCX_FOOTERS = ("หน้า {n}", "- {n} -", "{n}", "")


def docx_settings(rng: random.Random) -> dict[str, str]:
    """Settings of one ``soffice-docx`` print: ruled tables, an alignment of
    :data:`DOCX_ALIGNS`, 10-16 pt type on 1.5 or 2 cm margins, column widths of
    :data:`DOCX_WIDTHS`, a footer of :data:`DOCX_FOOTERS`, and on most the Thai
    language (``th-TH``, as Thai Word files carry it: LibreOffice then justifies a
    Thai line without spaces by widening the gaps between its letters, in small
    type and narrow cells many of a table's lines)."""
    return {"align": rng.choice(DOCX_ALIGNS), "pt": str(rng.choice((10, 11, 12, 14, 16))),
            "widths": rng.choice(DOCX_WIDTHS), "footer": rng.choice(DOCX_FOOTERS),
            "lang": rng.choice(("th-TH", "th-TH", "")),
            "margin_cm": rng.choice(("1.5", "2.0"))}
#: Fonts of ``soffice-docx-dist`` (those installed are taken in turn).
DIST_FONTS = ("Norasi", "Garuda", "Loma", "Sarabun")


def docx_dist_settings(rng: random.Random) -> dict[str, str]:
    """Settings of one ``soffice-docx-dist`` print: borderless tables, Thai distributed
    justification (``thai``: LibreOffice leaves a paragraph's last line as it is;
    ``distribute``: the last line spread too, as Word prints ``thaiDistribute``),
    content widths with a first column of 1.6 to 2.4 cm, and a page-number footer
    (:data:`DOCX_FOOTERS`) on most."""
    settings = {"align": rng.choice(("thai", "distribute")), "pt": str(rng.choice((12, 14, 16))),
                "widths": "content", "ruled": "no", "first_cm": f"{rng.uniform(1.6, 2.4):.1f}"}
    settings["footer"] = rng.choice(DOCX_FOOTERS)
    return settings


#: Paper sizes of :func:`write_docx` (width, height in cm).
DOCX_PAGES = {"a4": (21.0, 29.7), "a5": (14.8, 21.0)}

#: A paragraph ``label : value`` (a form's head), as :func:`write_docx` sets with a leader.
_LABEL_PAIR = re.compile(r"^(?P<label>[^\s:|\t][^:|\t]{0,40}?) : (?P<value>.*)$")


def write_docx(doc: GeneratedDoc, out: Path, font: str, *, align: str = "left",
               pt: int = 14, widths: str = "equal", ruled: bool = True,
               first_cm: float | None = None, footer: str = "", lang: str = "",
               margin_cm: float = 2.0, page: str = "a4",
               leader_cm: float | None = None) -> None:
    """The document as a Word file (python-docx): paragraphs, and tab or pipe rows as
    ruled tables across the page width (a table of many columns gets narrow ones,
    where a word such as ``มี.ค.`` wraps inside its cell).

    ``align`` is one of :data:`DOCX_ALIGNS` or ``thai`` (``thaiDistribute``), for
    every paragraph and cell; ``widths`` one of :data:`DOCX_WIDTHS`; ``ruled`` False
    leaves the tables without borders; ``first_cm`` sets the first column's width
    (cm) of a ``content`` table, the others sharing the rest; ``footer`` is a centred
    page-number footer (:data:`DOCX_FOOTERS`; ``""``: none); ``lang`` the text's
    language (``th-TH``, as a Thai Word file carries it; ``""``: none): LibreOffice
    then justifies a Thai line by widening every gap between its letters (``ก า ร``
    drawn for ``การ``); ``margin_cm`` the left and right margins (cm) unless the
    document sets its own; ``page`` the paper, a key of :data:`DOCX_PAGES` (an A5
    print wraps a cover's lines and narrows the tables' cells); ``leader_cm``: a
    ``label : value`` paragraph is set as a Thai government form sets it, ``label :``, a
    tab with a dotted leader (``ไข่ปลา``) to a stop that far from the margin, then the
    value (None: as it is).
    """
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
                 "distribute": WD_ALIGN_PARAGRAPH.DISTRIBUTE,
                 "thai": WD_ALIGN_PARAGRAPH.THAI_JUSTIFY}[align]
    word = Document()
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = font, Pt(pt)
    props = normal.element.get_or_add_rPr()
    fonts = props.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        props.append(fonts)
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):  # Thai is complex script
        fonts.set(qn(script), font)
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), str(pt * 2))
    props.append(size_cs)
    if lang:
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), lang)
        language.set(qn("w:bidi"), lang)  # the complex-script (Thai) runs' language
        props.append(language)
    normal.paragraph_format.space_after = Pt(0)
    section = word.sections[0]
    page_cm = DOCX_PAGES[page]
    section.page_width, section.page_height = Cm(page_cm[0]), Cm(page_cm[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    if doc.margins_mm is not None:
        margin_cm = doc.margins_mm / 10
    section.left_margin = section.right_margin = Cm(margin_cm)
    text_cm = page_cm[0] - 2 * margin_cm
    if footer:
        foot = section.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, _, after = footer.partition("{n}")
        if before:
            foot.add_run(before)
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run, text = OxmlElement("w:r"), OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        foot._p.append(field)
        if after:
            foot.add_run(after)
    for kind, rows in blocks(doc.text):
        if kind == "p":
            pair = _LABEL_PAIR.match(rows[0][0]) if leader_cm is not None else None
            if pair is None or leader_cm is None:
                word.add_paragraph(rows[0][0]).alignment = alignment
                continue
            paragraph = word.add_paragraph()
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                Cm(leader_cm), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS)
            paragraph.add_run(f"{pair['label']} :")
            paragraph.add_run(f"\t{pair['value']}")
            continue
        columns = max(len(r) for r in rows)
        table = word.add_table(rows=len(rows), cols=columns)
        if ruled:
            table.style = "Table Grid"
        if widths == "content":
            table.autofit = False
            sized = _widths(rows, text_cm, 0.8)  # cm: A4 less the margins
            if first_cm is not None and columns > 1:
                rest = _widths([r[1:] for r in rows if len(r) > 1], text_cm - first_cm, 0.8)
                sized = [first_cm, *rest]
            for j, width in enumerate(sized):
                table.columns[j].width = Cm(width)
                for cell in table.columns[j].cells:
                    cell.width = Cm(width)
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                paragraph = table.cell(i, j).paragraphs[0]
                paragraph.text = text
                paragraph.alignment = alignment
    word.save(str(out))


def render_docx_batch(jobs: list[tuple[GeneratedDoc, Path, str, dict[str, str]]]
                      ) -> dict[Path, str]:
    """Write each ``(doc, out, font, settings)`` as a Word file and print it to ``out``
    with LibreOffice (one run for all); ``settings``: ``align``, ``pt``, ``widths``,
    ``ruled``, ``first_cm``, ``footer``, ``lang``, ``margin_cm``, ``page`` and
    ``leader_cm`` (see
    :func:`write_docx`). Returns
    the failures.
    """
    failed: dict[Path, str] = {}
    with tempfile.TemporaryDirectory(prefix="bma-docx-") as tmp:
        sources = []
        for doc, out, font, settings in jobs:
            source = Path(tmp) / f"{out.stem}.docx"
            first = settings.get("first_cm")
            write_docx(doc, source, font, align=settings.get("align", "left"),
                       pt=int(settings.get("pt", "14")),
                       widths=settings.get("widths", "equal"),
                       ruled=settings.get("ruled", "yes") != "no",
                       first_cm=float(first) if first else None,
                       footer=settings.get("footer", ""), lang=settings.get("lang", ""),
                       margin_cm=float(settings.get("margin_cm", "2.0")),
                       page=settings.get("page", "a4"),
                       leader_cm=float(settings["leader_cm"]) if "leader_cm" in settings
                       else None)
            sources.append(str(source))
        failed |= _soffice(tmp, sources, [job[1] for job in jobs], "--convert-to", "pdf")
    return failed


def narrow_table_page(doc: GeneratedDoc, font: str, rng: random.Random,
                      ruled: bool | None = None, own_page: bool = False
                      ) -> tuple[str, dict[str, str]]:
    """The document as an HTML page whose tables have narrow columns; returns it and its settings.

    The first column (``รายงานครั้งที่1``) and the flag columns (``: เป็นไปตามแผน``) are
    too narrow for their words, and the whole table may be narrow too, so labels,
    flags, dates and amounts wrap inside their cells, cut mid-word or mid-number.
    Ruled (``border``) or borderless (a coin toss when ``ruled`` is None): a
    borderless cell's text is centred in its row. ``own_page`` starts each table on
    a page of its own (a short table then crosses no page break).
    """
    pt = rng.choice((12, 14, 16))
    toss = rng.random() < 0.5
    ruled = toss if ruled is None else ruled
    table_pct = rng.choice((100, 100, 70))  # a narrow table cuts dates and amounts
    first, flags = rng.randint(8, 12), rng.randint(9, 13)
    body = []
    for kind, rows in blocks(doc.text):
        if kind == "p":
            line = rows[0][0]
            body.append(f"<p>{escape(line)}</p>" if line.strip() else "")
            continue
        columns = max(len(r) for r in rows)
        widths = [first] + [flags] * max(0, columns - 2) if columns > 2 else [first * 2]
        widths.insert(1, 100 - sum(widths))
        cols = "".join(f'<col width="{w}%">' for w in widths[:columns])
        cells = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>"
                                         for c in r + [""] * (columns - len(r))) + "</tr>"
                        for r in rows)
        border = ' border="1" cellpadding="3"' if ruled else ' cellpadding="3"'
        style = ' style="page-break-before: always"' if own_page else ""
        body.append(f'<table width="{table_pct}%"{border}{style}>{cols}{cells}</table>')
    page = ('<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>'
            f"body, p, td {{ font-family: '{font}'; font-size: {pt}pt; }}"
            "p { margin: 0; }</style></head><body>" + "\n".join(body) + "</body></html>")
    return page, {"pt": str(pt), "ruled": str(ruled), "table": f"{table_pct}%",
                  "columns": f"{first}%/{flags}%"}


def render_narrow_tables_batch(jobs: list[tuple[GeneratedDoc, Path, str, random.Random]],
                               ruled: bool | None = None, own_page: bool = False
                               ) -> tuple[dict[Path, dict[str, str]], dict[Path, str]]:
    """Print each ``(doc, out, font, rng)`` as a narrow-column HTML table with LibreOffice.

    LibreOffice Writer/Web opens the page (:func:`narrow_table_page`) and exports it
    to PDF, one run for all jobs (``ruled`` and ``own_page`` as there). Returns each
    made PDF's settings, and the failures.
    """
    made: dict[Path, dict[str, str]] = {}
    failed: dict[Path, str] = {}
    with tempfile.TemporaryDirectory(prefix="bma-soffice-html-") as tmp:
        srcs = []
        for doc, out, font, rng in jobs:
            page, settings = narrow_table_page(doc, font, rng, ruled, own_page)
            src = Path(tmp) / f"{out.stem}.html"
            src.write_text(page, encoding="utf-8")
            srcs.append(str(src))
            made[out] = settings
        lost = _soffice(tmp, srcs, [job[1] for job in jobs],
                        "--convert-to", "pdf:writer_web_pdf_Export")
        for out in lost:
            made.pop(out, None)
        failed |= lost
    return made, failed


def ruled_table_page(doc: GeneratedDoc) -> str:
    """The document's text as an HTML page: paragraphs, and its tab or pipe rows as
    ruled tables (``border-collapse``, every cell boxed) whose columns the browser
    sizes by their content; long cells wrap inside their columns and tall rows cross
    page breaks.
    """
    body = []
    for kind, rows in blocks(doc.text):
        if kind == "p":
            line = rows[0][0]
            body.append(f"<p>{escape(line)}</p>" if line.strip() else "<p>&nbsp;</p>")
            continue
        columns = max(len(r) for r in rows)
        cells = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>"
                                         for c in r + [""] * (columns - len(r))) + "</tr>"
                        for r in rows)
        body.append(f'<table style="width: 100%">{cells}</table>')
    return ('<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>'
            "p { margin: 0; } table { border-collapse: collapse; margin: 4px 0; }"
            " td { border: 1px solid black; padding: 2px 4px; vertical-align: top; }"
            "</style></head><body>" + "\n".join(body) + "</body></html>")


def render_chromium(doc: GeneratedDoc, out: Path, font: str, font_path: Path,
                    rng: random.Random, *, header_footer: bool | None = None,
                    borderless: bool = False, pad: int | None = None,
                    steps_pct: int | None = None, paper: str | None = None,
                    zoom: float | None = None, justify: bool = False,
                    pt: int | None = None) -> dict[str, str]:
    """The browser's print-to-PDF of the page, in one font; Letter or A4, margins as set.

    A document without an HTML page is printed from :func:`ruled_table_page`. The
    browser's header (date, title) and footer (address, page x/y) are printed when
    ``header_footer`` says so, or on a coin toss when it is None. ``borderless``
    prints on A4 landscape, every table without borders (cells padded 3 to 8 px)
    and all text ``text-align: justify`` (``chromium-land``), the first column of a
    schedule's rows (13 cells and more: a step and its months) at times narrowed to
    14 to 22 % of the page (a plan that gives its months the room). ``pad`` (px) and
    ``steps_pct`` (0: as the browser sizes it) set those two instead of the draws
    (which are still made); ``paper`` (``A4``, ``A4 landscape``) sets the page size
    instead of its draw (still made). ``zoom`` enlarges the page's body (CSS ``zoom``):
    a table wider than the paper then runs past its printable area, which clips it;
    ``justify`` justifies all text, the tables' borders kept; ``pt`` sets the font
    size (px) instead of its draw (still made).
    """
    html = doc.html if doc.html is not None else ruled_table_page(doc)
    narrow = 0
    drawn_paper = "A4 landscape" if borderless else rng.choice(("Letter", "A4"))
    paper = drawn_paper if paper is None else paper
    drawn_pt = rng.choice((12, 13, 14, 16))
    pt = drawn_pt if pt is None else pt
    bare = ""
    if borderless:
        drawn = rng.randint(3, 8)
        pad = drawn if pad is None else pad
        bare = (" table, th, td { border: none !important; }"
                f" th, td {{ padding: {pad}px {2 * pad}px !important; }}"
                " body, td, th, p, div { text-align: justify !important; }")
    style = (f"<style>@font-face {{ font-family: 'CorpusThai'; src: url('file://{font_path}'); }}"
             f" body, td, th, p, h3, h4, div {{ font-family: 'CorpusThai', '{font}';"
             f" font-size: {pt}px; }} @page {{ size: {paper}; }}{bare}"
             + (f" body {{ zoom: {zoom}; }}" if zoom else "")
             + (" body, td, th, p, div { text-align: justify; }" if justify else "") + "</style>")
    page = html.replace("</head>", style + "\n</head>", 1)
    with tempfile.TemporaryDirectory(prefix="bma-chromium-") as tmp:
        src = Path(tmp) / "page.html"
        codec = "cp874" if doc.html_encoding == "windows-874" else doc.html_encoding
        src.write_bytes(page.encode(codec))
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={tmp}/profile",
               f"--print-to-pdf={out}", src.as_uri()]
        toss = rng.random() < 0.5
        if not (header_footer if header_footer is not None else not toss):
            cmd.insert(-1, "--no-pdf-header-footer")
        if borderless:  # the step column of a schedule (a row of 12 months and more) narrow
            narrow = rng.choice((0, 14, 18, 22))  # (drawn last: the other draws stay)
            narrow = narrow if steps_pct is None else steps_pct
            if narrow:
                page = page.replace("</head>", "<style>td:first-child:nth-last-child(n+13)"
                                    f" {{ width: {narrow}% !important; }}</style></head>", 1)
                src.write_bytes(page.encode(codec))
        subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    if not out.exists():
        raise RuntimeError("chromium made no PDF")
    return {"page": paper, "pt": str(pt), **({"borders": "none"} if borderless else {}),
            **({"zoom": str(zoom)} if zoom else {}), **({"align": "justify"} if justify else {}),
            **({"steps": f"{narrow}%"} if borderless and narrow else {})}
