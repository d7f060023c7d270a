"""WeasyPrint's prints in Noto Sans Thai read as printed: no SARA AM lost, no tone mark a digit.

WeasyPrint (HarfBuzz shaping) writes a ``ToUnicode`` that gives a cluster's text to
one of its glyphs and nothing to the others: SARA AM drawn as NIKHAHIT and SARA AA
kept only the SARA AA (``สำนักงาน`` stored ``สานักงาน``; pdfium reports the ring's
byte code, ``;``), and the small MAI THO Noto draws over the ring read ``1``
(``น;1า``). The glyphs are read from the embedded font's own data
(:mod:`bma_etl.read.pdf_unmapped`). Pages of known words and generated documents
are printed with WeasyPrint (a dev extra; Pango from Debian, which ``make venv``
installs); the truth is the written words and the generated values.
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path
from types import ModuleType

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import read_pdf
from bma_etl.textnorm import repair_text

from corpus import fonts, render
from corpus.build import GENERATORS
from corpus.score import score

#: Lines whose clusters Noto Sans Thai draws with forms the text map names nothing for:
#: SARA AM after a letter, after a tone mark (``น้ำ``: ring, small MAI THO, SARA AA),
#: and upper vowels with tone marks WeasyPrint writes raised apart (``ชื่อ``, ``สิ้น``).
WORDS = ["สำนักการระบายน้ำ / ฝ่ายบำรุงรักษาท่อ",
         "จำนวน 3 แห่ง ประจำปีงบประมาณ พ.ศ. 2567",
         "ชื่อโครงการ: ก่อสร้างเขื่อนกั้นน้ำ",
         "สิ้นสุดโครงการ ทำให้ต้องหยุดงาน ค่ำ ซ้ำ ล้ำ"]
FAMILY = "Noto Sans Thai"


def _weasyprint() -> ModuleType:
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        pytest.fail("needs WeasyPrint: pip install -e '.[dev]' and apt-get install "
                    f"libpango-1.0-0 libpangoft2-1.0-0 (make venv does): {exc}")
    return weasyprint


def _font() -> Path:
    path = fonts.noto(FAMILY)
    if path is None:
        pytest.fail(f"needs {FAMILY}: apt-get install fonts-noto-core (make venv does)")
    return path


def _print(page: str, out: Path, pt: int = 14) -> None:
    """``page`` (HTML) printed by WeasyPrint in Noto Sans Thai at ``pt`` points on A4."""
    style = (f"<style>@font-face {{ font-family: 'CorpusThai'; src: url('file://{_font()}'); }}"
             f" body, td, th, p, h3, h4, div {{ font-family: 'CorpusThai'; font-size: {pt}pt; }}"
             " @page { size: A4; margin: 2cm; }</style>")
    if "</head>" not in page:
        page = f"<html><head></head><body>{page}</body></html>"
    _weasyprint().HTML(string=page.replace("</head>", style + "</head>", 1)).write_pdf(out)


@pytest.mark.parametrize("pt", [12, 14, 16])
def test_weasyprint_words_read_as_written(pt: int, tmp_path: Path) -> None:
    pdf = tmp_path / "words.pdf"
    _print("".join(f"<p>{html.escape(line)}</p>" for line in WORDS), pdf, pt)
    text, _, ocr_used = read_pdf(pdf.read_bytes(), pdf.name, ocr="never")
    lines = [line.strip() for line in repair_text(text).splitlines() if line.strip()]
    assert lines == WORDS
    assert not ocr_used


@pytest.mark.parametrize("generator", ["legacy_pipe", "web_detail"])
def test_weasyprint_prints_read_the_generated_values(generator: str, tmp_path: Path) -> None:
    doc = GENERATORS[generator](random.Random(f"weasyprint-{generator}-0"))
    truth = json.loads(doc.truth_json())
    pdf = tmp_path / "printed.pdf"
    _print(doc.html if doc.html is not None else render.ruled_table_page(doc), pdf)
    right, total, lost = score(process_file(pdf), truth)
    assert right == total, lost[:6]
