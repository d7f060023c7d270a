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

import copy
import dataclasses
import logging
import random
import re
import tempfile
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from bma_etl.read.pdf import extract_pdf

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from read_back import assert_read_as_generated
from thai_fonts import font_file

#: The word deleted (struck) after every fifth paragraph or cell, a space before it.
DELETED = "(ร่าง)"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CHANGE = 'w:author="ผู้ตรวจ" w:date="2024-01-05T10:00:00Z"'


def tracked_draft(doc: GeneratedDoc, out: Path, font: str, deletions: bool = True) -> None:
    """``doc`` printed by LibreOffice from a Word file (``font``, 14 pt) with tracked
    changes shown.

    Paragraphs and table cells that hold text count from 0: with ``deletions`` the
    third of each five ends with a deleted `` (ร่าง)`` (``w:del``) and the fourth has
    one before its last space (inside a value, the words after it moved); the fifth has its
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
            if deletions and i % 5 == 3 and runs:
                _delete_inside(runs[0], f"{100 + i}")
            if i % 5 == 4 and runs:
                inserted = parse_xml(f'<w:ins {_W} w:id="{100 + i}" {_CHANGE}/>')
                runs[0].addprevious(inserted)
                for run in runs:
                    inserted.append(run)
        word.save(str(source))
        failed = render._soffice(tmp, [str(source)], [out], "--convert-to", "pdf")
    assert not failed, failed


def _delete_inside(run: Any, change: str) -> None:
    """A deleted `` (ร่าง)`` put into ``run`` (a ``w:r``) before its text's last space."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    text = run.find(qn("w:t"))
    cut = text.text.rstrip().rfind(" ") if text is not None and text.text else -1
    if cut <= 0:
        return
    rest = copy.deepcopy(run)
    rest.find(qn("w:t")).text = text.text[cut:]
    text.text = text.text[:cut]
    for piece in (text, rest.find(qn("w:t"))):
        piece.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    deleted = parse_xml(f'<w:del {_W} w:id="{change}" {_CHANGE}><w:r><w:delText '
                        f'xml:space="preserve"> {DELETED}</w:delText></w:r></w:del>')
    run.addnext(deleted)
    deleted.addnext(rest)


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


def struck_page(html: str) -> tuple[str, list[str]]:
    """``html`` with a struck ``<del>(ร่าง)</del>`` before the last space of every third
    piece of body text that has one; and the text (unescaped) of the paragraphs struck."""
    head, _, body = html.partition("<body")
    pieces = re.split(r"(>[^<>]+<)", body)
    count = 0
    struck = []
    for k, piece in enumerate(pieces):
        text = piece[1:-1]
        if k % 2 == 0 or not text.strip():
            continue
        count += 1
        cut = text.rstrip().rfind(" ")
        if count % 3 == 0 and cut > 0:
            pieces[k] = f">{text[:cut]} <del>{DELETED}</del>{text[cut:]}<"
            if pieces[k - 1].rsplit("<", 1)[-1] == "p":  # a paragraph: a line of its own
                struck.append(unescape(text).strip())
    return f"{head}<body{''.join(pieces)}", struck


def test_browser_print_of_struck_words(tmp_path: Path) -> None:
    """A browser print of ``<del>`` inside values: the struck words and their marks (each
    glyph an object of its own, a tone mark clear of the line) go, and the words after
    them close up (no hole read as a gap between cells)."""
    doc = GENERATORS["legacy_pipe"](random.Random("tracked-browser"))
    page, struck = struck_page(render.ruled_table_page(doc))
    assert len(struck) >= 3
    pdf = tmp_path / "struck.pdf"
    render.render_chromium(dataclasses.replace(doc, html=page), pdf, "Garuda",
                           font_file("Garuda"), random.Random(3), header_footer=False)
    text = extract_pdf(pdf.read_bytes(), pdf.name).text
    assert "ร่าง" not in text and "\u0e48" in text  # the deleted word's tone mark too
    lines = text.splitlines()
    assert [piece for piece in struck if piece not in lines] == []  # one space where it was
    assert_read_as_generated(pdf, doc.truth)
