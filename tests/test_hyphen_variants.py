"""A producer's hyphen character stands for the ``-`` the document was typed with.

MuPDF's text layer gives ``-`` as U+2010 HYPHEN; word processors write the
non-breaking hyphen, the figure dash or the minus sign. Project codes
(``05020000-4187``), ISO dates and KPI ids must read as when typed with ``-``:
generated documents with every ``-`` written as one of them are scored against the
values they were generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.score import score

HYPHENS = {"hyphen": "\u2010", "non-breaking hyphen": "\u2011", "figure dash": "\u2012",
           "minus sign": "\u2212", "fullwidth hyphen-minus": "\uff0d"}


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "web_history", "web_detail"])
def test_hyphen_variants_read_as_hyphen_minus(tmp_path: Path, generator: str) -> None:
    for k, (name, hyphen) in enumerate(HYPHENS.items()):
        doc = GENERATORS[generator](random.Random(f"hyphen-{generator}-{k}"))
        assert "-" in doc.text
        path = tmp_path / f"{generator}_{k}.txt"
        path.write_text(doc.text.replace("-", hyphen), encoding="utf-8")
        result = score(process_file(path), doc.truth)
        assert result.right == result.total, (name, result.lost[:5])
