"""A tone mark stacked on an upper vowel, written after the next letter.

LibreOffice's Word prints in Thai justification write some clusters out of order
where a line ends (``ขั`` / ``น`` / ``้`` for ``ขั้น``): the tone mark, drawn over
the SARA AI MAI HAN ABOVE, comes after the next consonant or after a space. Such a
mark goes back over the letter it is drawn on, found from its box. Loma and Garuda
draw it right of the vowel, past its consonant's right edge (by a tenth of a
point): no consonant's box held the mark's middle, it stayed after the next letter,
and ``ขั้นตอน`` read ``ขัน้ตอน`` (:func:`bma_etl.read.pdf_clusters.replace_marks`).

The forms are the corpus's (bench/corpus, printed as ``soffice-docx`` prints them);
the truth is every report as generated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus_prints import corpus_word_print
from read_back import assert_read_as_generated

#: An upper vowel, a consonant, then a tone mark: a cluster written out of order.
_LATE_TONE = re.compile("[\u0e31\u0e34-\u0e37\u0e47][\u0e01-\u0e2e][\u0e48-\u0e4b]")


def _printed(pdf: Path) -> str:
    import pypdfium2 as pdfium

    return "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


@pytest.mark.parametrize(("seed", "generator", "k", "font"),
                         [(465, "legacy_html", 2, "Loma"), (463, "legacy_pipe", 1, "Garuda")])
def test_a_tone_mark_stacked_on_a_vowel_goes_back_over_its_letter(
        seed: int, generator: str, k: int, font: str, tmp_path: Path) -> None:
    doc, pdf, _ = corpus_word_print(tmp_path, seed, generator, k, font)
    assert _LATE_TONE.search(_printed(pdf)), "no cluster written out of order: nothing shown"
    assert_read_as_generated(pdf, doc.truth, ["progress_updates"])
