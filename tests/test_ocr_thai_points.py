"""An abbreviation's points do not weigh when a Latin word is read again in Thai.

(read/ocr_rereads.py.) Tesseract's ``tha+eng`` reads ``พ.ศ.`` on a 200 dpi scan now and
then as the Latin word ``WA.`` (``wa.``, ``we.``): the plan's targets lost their era
(``ภายในปี WA. 2563``). The word read again alone in Thai gives ``พ.ศ.``, its letters 88
to 93 sure but its points 51 to 83, and a reading with any character under the bar of 85
was left: only its Thai letters and marks weigh now. A plan's target table is generated
here (numbers, units and years drawn from a seed), printed in Laksaman by fpdf2 and
scanned at 200 dpi grey; each ``พ.ศ.`` with its year must read in Thai, no Latin word
before a year (5 of 32 read ``wa.``, ``we.``, ``WA.`` before; a point may read as a comma).
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from types import SimpleNamespace

from bma_etl.read.ocr_rereads import thai_confidences
from bma_etl.read.pdf import extract_pdf

from corpus import render
from corpus.scan import scan_pdf
from thai_fonts import fonts_or_fail

SEED = 7
_UNITS = ("ราย", "กิจกรรม", "ชุมชน", "แห่ง", "เครือข่าย")


def _targets(rng: random.Random) -> tuple[str, list[int]]:
    """16 target rows of two years each: the text and the years in their order."""
    lines, years = [], []
    for k in range(16):
        first, second = rng.randint(2558, 2567), rng.randint(2558, 2567)
        lines.append(f"{k + 1}\t{rng.randint(2, 40)} {rng.choice(_UNITS)} ภายในปี พ.ศ. {first}"
                     f"\tร้อยละ {rng.randint(5, 30)} จากปี พ.ศ. {second}")
        years += [first, second]
    return "\n".join(lines), years


def test_the_era_of_each_year_reads_on_a_200_dpi_scan(tmp_path: Path) -> None:
    font, path = next(iter(fonts_or_fail(("Laksaman",)).items()))
    text, years = _targets(random.Random(SEED))
    pdf, scanned = tmp_path / "targets.pdf", tmp_path / "targets.scan.pdf"
    render.render_fpdf(SimpleNamespace(text=text, margins_mm=None), pdf, font, path,
                       random.Random(1), shaping=True, pt=11)
    scan_pdf(pdf, scanned, 200, "grey", random.Random(0), max_pages=1)
    got = extract_pdf(scanned.read_bytes(), scanned.name).text
    # a point read as a comma (``พ,ศ.``) is another misread, not this one's
    assert not re.findall(r"[A-Za-z]+[.,]? ?[0-9]{4}", got), got
    assert [int(y) for y in re.findall(r"พ[.,]ศ[.,] ([0-9]{4})", got)] == years, got


def test_only_thai_letters_and_marks_weigh() -> None:
    assert thai_confidences("\u0e1e.\u0e28.", [93, 73, 92, 71]) == [93, 92]
    assert thai_confidences("\u0e21\u0e34.\u0e22.", [93, 91, 82, 92, 92]) == [93, 91, 92]
    assert thai_confidences("\u0e1a\u0e32\u0e17", [93, 93]) == [93, 93]  # not one a character
