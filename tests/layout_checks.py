"""Checks every layout's own tests share: exact raw spans, scores that separate layouts,
and a raw value's text and a table's processed rows as plain values."""

from __future__ import annotations

from pathlib import Path

from bma_etl.layouts.base import Layout, Raw
from bma_etl.pipeline import Processed, repair
from bma_etl.read import read_source

from repo_paths import SAMPLES


def assert_raw_values_slice_their_spans(layout: Layout, path: Path) -> None:
    """Every raw value the layout reads from ``path`` is its span of the text, on its line."""
    doc = repair(read_source(path))
    for row in layout.extract(doc).rows:
        for value in row.fields.values():
            for raw in value if isinstance(value, list) else [value]:
                if isinstance(raw, Raw):
                    assert doc.text[raw.span.char_start:raw.span.char_end] == raw.text
                    assert doc.index.line_of(raw.span.char_start) == raw.span.line_no


def assert_score_separates(layout: Layout, own: Path, *more_own: Path) -> None:
    """The layout scores its own documents > 0.7 and every other sample < 0.3."""
    mine = {own, *more_own}
    for path in sorted(SAMPLES.glob("*.txt")):
        if path not in mine:
            assert layout.score(repair(read_source(path))) < 0.3, path.name
    for path in mine:
        assert layout.score(repair(read_source(path))) > 0.7, path.name


def text_of(value: object) -> str | None:
    """A raw value's text; a list of raw values' texts one a line; None for anything else."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, list):
        return "\n".join(v.text for v in value)
    return None


def values(processed: Processed, table: str) -> list[dict[str, object]]:
    """The processed records of ``table`` as dicts, without their document id."""
    return [r.model_dump(exclude={"doc_id"}) for r in processed.rows(table)]
