"""Two cells of a ruled row closer than a tab, parted by the rule between them.

bench/corpus ``soffice-docx`` with Thai distributed justification: LibreOffice
spreads a narrow cell's ``ลำดับที่`` to its column's edge, and the next cell's
``ตัวชี้วัด`` starts a word space past the rule. Read as one piece of the first
cell (``ลำดับที่ ตัวชี้วัด``), the indicator table's header had one column too few and
each indicator's name read as its number (``๑``). The rule between the two sides of
a space parts them (:func:`bma_etl.read.pdf_tables.with_table_rows`).

The plan is generated (bench/corpus) and printed as the corpus builder prints its
first Word plan of seed 199 (Garuda, 12 pt); the truth is its indicators as generated.
"""

from __future__ import annotations

from pathlib import Path

from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_tables import Rules, with_table_rows

from corpus_prints import corpus_word_print
from read_back import assert_read_as_generated


def test_a_distributed_header_cell_keeps_apart_from_the_next(tmp_path: Path) -> None:
    doc, pdf, settings = corpus_word_print(tmp_path, 199, "plan", 0, "Garuda")
    assert settings["align"] == "distribute"
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])


def test_a_space_a_column_rule_runs_through_is_a_tab() -> None:
    # a row between rules at 400 and 420 pt, columns at 50, 120 and 190 pt
    rules = Rules(vertical=((50.0, 390.0, 430.0), (120.0, 390.0, 430.0), (190.0, 390.0, 430.0),
                            (260.0, 390.0, 430.0)),
                  horizontal=((390.0, 50.0, 260.0), (430.0, 50.0, 260.0)))
    line = TextLine("ลำดับที่ ตัวชี้วัด\tค่าเป้า", 406.0, 12.0, (56.0, 194.0), 56.0, 250.0,
                    ends=(183.0, 250.0), gaps=((120.5, 125.7),))
    inside = TextLine("ร้อยละ ๙๐\tค่าเป้า", 406.0, 12.0, (56.0, 194.0), 56.0, 250.0,
                      ends=(110.0, 250.0), gaps=((85.0, 88.0),))
    assert [row.text for row in with_table_rows([line], rules)] == \
        ["ลำดับที่\tตัวชี้วัด\tค่าเป้า"]
    assert [row.text for row in with_table_rows([inside], rules)] == ["ร้อยละ ๙๐\t\tค่าเป้า"]
