"""Report values and flags of the legacy form that a line's end or a gap cut apart.

A flowing print (fpdf2 with shaping, LibreOffice's text import) wraps a report's
entry wherever its width ends: between a progress and its ``%`` (``= 43.00`` /
``% : งบประมาณ…``) and inside a flag (``: เป็นไปตามแผน: ไม่`` /
``เป็นไปตามเป้าหมาย``); a narrow table (LibreOffice Writer/Web) leaves ``=`` at a
line's end and the value under it, the flag cells between, and a gap the reader
takes for a column sets ``= 6.50 %`` apart from its label. The forms are generated
(bench/corpus) and printed in two fonts each; the truth is every report's values as
generated, and each test checks that its prints hold the cut it is about.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read import read_source
from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_page import with_side_by_side

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file

FIELDS = ("seq_label", "report_date", "progress_pct", "budget_disbursed_thb", "on_plan",
          "on_target", "detail")
#: A line that opens with a progress's ``%``, or with the words of a flag after a ไม่
#: that ended the line before.
_CUT_PERCENT = re.compile(r"\n\s*%")
_CUT_FLAG = re.compile(r"ไม่\s*\n\s*เป็นไปตาม")


def _lost(docs: list, pdfs: list[Path], fields: tuple[str, ...] = FIELDS
          ) -> list[tuple[str, ...]]:
    lost = []
    for doc, pdf in zip(docs, pdfs, strict=True):
        values = [{n: r[n] for n in fields if n in r}
                  for r in doc.truth["tables"]["progress_updates"]]
        lost += [(pdf.name, *map(str, item)) for item in
                 score(process_file(pdf), {"tables": {"progress_updates": values}}).lost]
    return lost


@pytest.mark.parametrize("font", ["Norasi", "Loma"])
def test_a_progress_whose_percent_sign_the_line_wrapped_keeps_its_narrative_clean(
        font: str, tmp_path: Path) -> None:
    path = font_file(font)
    docs, pdfs, cuts = [], [], 0
    for k in range(6):
        doc = GENERATORS["legacy_html"](random.Random(f"cut-pct-{font}-{k}"))
        pdf = tmp_path / f"form{k}.pdf"
        render.render_fpdf(doc, pdf, font, path, random.Random(f"cut-pct-{k}"), shaping=True)
        docs.append(doc)
        pdfs.append(pdf)
        cuts += len(_CUT_PERCENT.findall(read_source(pdf).text))
    assert cuts, "no print wrapped a progress before its %: the test shows nothing"
    assert _lost(docs, pdfs) == []


@pytest.mark.parametrize("font", ["Garuda", "Sarabun"])
def test_a_flag_whose_negation_ended_the_line_reads_negative(font: str, tmp_path: Path) -> None:
    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    docs = [GENERATORS[("legacy_long", "legacy_tab")[k % 2]](random.Random(f"cut-flag-{font}-{k}"))
            for k in range(8)]
    pdfs = [tmp_path / f"form{k}.pdf" for k in range(len(docs))]
    failed = render.render_soffice_batch([(d, p, font) for d, p in zip(docs, pdfs, strict=True)])
    assert not failed, failed
    assert any(_CUT_FLAG.search(read_source(pdf).text) for pdf in pdfs), \
        "no print cut a flag after its ไม่: the test shows nothing"
    assert _lost(docs, pdfs) == []



@pytest.mark.parametrize("seed", range(6))
def test_a_progress_label_a_gap_set_apart_from_its_value_reads_it(seed: int,
                                                                  tmp_path: Path) -> None:
    # LibreOffice's text import sets the label ending one line and its ``= 65.00 %``
    # under a column start of the line above: the reader makes the gap a tab.
    rng = random.Random(seed)
    doc = GENERATORS[rng.choice(["legacy_tab", "legacy_pipe"])](rng)
    label = "ความก้าวหน้าของงานฯ"
    text = doc.text.replace(f"{label} = ", f"{label}\t= ").replace(f"{label} =", f"{label}\t=")
    assert text.count(f"{label}\t=") >= 1
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    assert _lost([doc], [path]) == []


@pytest.mark.parametrize("font", ["Kinnari"])
def test_a_progress_value_a_narrow_column_set_under_its_flags_reads(font: str,
                                                                    tmp_path: Path) -> None:
    # Writer/Web leaves ``ความก้าวหน้าของงานฯ =`` at the line's end and ``14.50 % : …``
    # on the next, the row's flag cells between them in reading order.
    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    docs = [GENERATORS["legacy_html"](random.Random(f"apart-{font}-{k}")) for k in range(8)]
    pdfs = [tmp_path / f"form{k}.pdf" for k in range(len(docs))]
    _, failed = render.render_narrow_tables_batch(
        [(d, p, font, random.Random(f"apart-{k}"))
         for k, (d, p) in enumerate(zip(docs, pdfs, strict=True))], ruled=False)
    assert not failed, failed
    # the cut is the print's (pdfium's own text), not a form of the reader's output
    assert any(_PRINTED_APART.search(_printed(pdf)) for pdf in pdfs), \
        "no print set a progress value under its flags: the test shows nothing"
    assert _lost(docs, pdfs) == []


#: ``…งานฯ =`` ending a printed line, the progress value opening the next.
_PRINTED_APART = re.compile(r"ฯ *=[ \t]*\r?\n\s*[0-9๐-๙]")


def _printed(pdf: Path) -> str:
    """The text pdfium gives for ``pdf``, its lines as the print set them."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()


def _set(pieces: list[tuple[str, float, float]], baseline: float) -> TextLine:
    """A 10 pt line of tab-separated pieces ``(text, left, right)``, x in points."""
    return TextLine("\t".join(p[0] for p in pieces), baseline, 10.0,
                    cells=tuple(p[1] for p in pieces), left=pieces[0][1], right=pieces[-1][2],
                    ends=tuple(p[2] for p in pieces))


@pytest.mark.parametrize("seed", range(4))
def test_a_flag_wrapped_onto_the_margin_is_no_cell_centred_beside_the_report(seed: int) -> None:
    # LibreOffice's text import sets a report's second line at its tab stops; its last
    # flag runs past the page's right edge and its tail wraps onto the margin. The
    # first pieces of the three lines overlap (one column), the flags stand beside
    # the middle one: no centred cell of a row, three lines of text.
    rng = random.Random(seed)
    margin, right, pitch = 56.8, 538.6, 13.0
    tab = margin + rng.uniform(25.0, 45.0)  # the second line opens with a tab
    flags = rng.uniform(400.0, 450.0)  # where the flags' tab stop stands
    first = _set([(f"รายงานครั้งที่{seed + 1} :: ๓/๔/๒๕๖๒ : ดำเนินการแล้วเสร็จ",
                   margin, flags - rng.uniform(0.1, 30.0))], 761.5)
    second = _set([(":: ความก้าวหน้าของงานฯ = ๑๐๐.๐๐ % : งบประมาณที่เบิกใช้ = ๐ บาท",
                    tab, flags - rng.uniform(10.0, 40.0)),
                   (": เป็นไปตามแผน : เป็น", flags, right)], 761.5 - pitch)
    tail = _set([("ไปตามเป้าหมาย", margin - 0.6, margin + rng.uniform(50.0, 80.0))],
                761.5 - 2 * pitch)
    lines = [first, second, tail]
    assert with_side_by_side(lines, {10.0: pitch}) == lines
    # a label's lines centred (or set flush right) in their cell, the value beside
    # the shortest: one row still
    for align in ("centre", "right"):
        label = []
        for k, width in enumerate((90.0, 40.0, 70.0)):
            end = 200.0 if align == "right" else 130.0 + width / 2
            label.append(_set([("ชื่อโครงการ"[: 3 + 2 * k], end - width, end)], 700.0 - k * pitch))
        value = _set([(label[1].text, label[1].left, label[1].right),
                      ("โครงการอบรม", 220.0, 300.0)], label[1].baseline or 0.0)
        row = with_side_by_side([label[0], value, label[2]], {10.0: pitch})
        assert [line.text.count("\t") for line in row] == [1], align
