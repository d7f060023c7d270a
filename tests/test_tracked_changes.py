"""A Word draft printed with its tracked changes shown reads as the text stands after them.

LibreOffice prints a recorded deletion as the deleted words with a line through them
and an insertion underlined, with a change bar in the margin. An outside tester's
prints read the struck words into values (``responsible_person`` ending ``(ร่าง)``, an
agency ``2863 (ร่าง)``, a plan's project table cut short after a struck word in its
head). Documents are generated from known values (``bench/corpus``), written as Word
files, given deletions of a word that is no part of any value and insertions of whole
paragraphs and cells, and printed by LibreOffice: every generated value must read,
the deleted word must not, and the reader must say that it left struck text out.
"""

from __future__ import annotations

import logging
import random
import tempfile
from pathlib import Path

import pytest

from bma_etl.read.pdf import extract_pdf

from conftest import assert_read_as_generated, font_file
from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc

#: The word deleted (struck) after every fifth paragraph or cell, a space before it.
DELETED = "(ร่าง)"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CHANGE = 'w:author="ผู้ตรวจ" w:date="2024-01-05T10:00:00Z"'


def tracked_draft(doc: GeneratedDoc, out: Path, font: str, deletions: bool = True) -> None:
    """``doc`` printed by LibreOffice from a Word file (``font``, 14 pt) with tracked
    changes shown.

    Paragraphs and table cells that hold text count from 0: with ``deletions`` the
    third of each five ends with a deleted `` (ร่าง)`` (``w:del``); the fifth has its
    runs inserted (``w:ins``: underlined in the print). The text after the changes
    is ``doc``'s.
    """
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory(prefix="bma-tracked-") as tmp:
        source = Path(tmp) / f"{out.stem}.docx"
        render.write_docx(doc, source, font, pt=14)
        word = docx.Document(str(source))
        paragraphs = [p for p in word.element.body.iter(qn("w:p")) if "".join(p.itertext()).strip()]
        for i, paragraph in enumerate(paragraphs):
            if deletions and i % 5 == 2:
                paragraph.append(parse_xml(
                    f'<w:del {_W} w:id="{100 + i}" {_CHANGE}><w:r><w:delText xml:space="preserve">'
                    f" {DELETED}</w:delText></w:r></w:del>"))
            runs = paragraph.findall(qn("w:r"))
            if i % 5 == 4 and runs:
                inserted = parse_xml(f'<w:ins {_W} w:id="{100 + i}" {_CHANGE}/>')
                runs[0].addprevious(inserted)
                for run in runs:
                    inserted.append(run)
        word.save(str(source))
        failed = render._soffice(tmp, [str(source)], [out], "--convert-to", "pdf")
    assert not failed, failed


@pytest.mark.parametrize("generator", ["legacy_pipe", "web_detail", "web_history"])
def test_struck_words_are_left_out(tmp_path: Path, generator: str,
                                   caplog: pytest.LogCaptureFixture) -> None:
    font_file("Garuda")
    doc = GENERATORS[generator](random.Random(f"tracked-{generator}"))
    assert DELETED not in doc.text
    pdf = tmp_path / f"{generator}.pdf"
    tracked_draft(doc, pdf, "Garuda")
    with caplog.at_level(logging.WARNING, logger="bma_etl.read.pdf"):
        text = extract_pdf(pdf.read_bytes(), pdf.name).text
    assert "ร่าง" not in text
    assert any("struck-through" in record.getMessage() for record in caplog.records)
    assert_read_as_generated(pdf, doc.truth)  # the inserted, underlined text kept


def test_underlined_insertions_keep_every_word(tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    """Insertions only (underlined, a change bar beside them) and ruled tables: nothing
    is struck, nothing is dropped."""
    font_file("Garuda")
    doc = GENERATORS["legacy_tab"](random.Random("tracked-inserted"))
    pdf = tmp_path / "inserted.pdf"
    tracked_draft(doc, pdf, "Garuda", deletions=False)
    with caplog.at_level(logging.WARNING, logger="bma_etl.read.pdf"):
        extract_pdf(pdf.read_bytes(), pdf.name)
    assert not any("struck-through" in record.getMessage() for record in caplog.records)
    assert_read_as_generated(pdf, doc.truth)
