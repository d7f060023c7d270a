"""Generated documents read back and compared with the values they were written from.

A text read by one layout as an OCR'd page (repair, normalise, screen, validate; no
file, no warehouse), or a file by the pipeline, and its records scored against the
generated truth (``bench/corpus`` ``corpus.score``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any


def records_of(extract: Callable[[Any], Any], text: str, page_starts: tuple[int, ...] = (),
               *, ocr_used: bool = True, screened: bool = True,
               words: tuple[tuple[int, int, float], ...] = ()) -> dict[str, list[Any]]:
    """The validated records (table -> rows) one layout's ``extract`` gives for ``text``
    (pages starting at the offsets ``page_starts``), read as an OCR'd page when
    ``ocr_used``: repair, normalise, screen (unless not ``screened``: text without word
    confidences leaves every value doubtful), validate; no file, no warehouse.
    ``words``: the OCR'd words' ``(start, end, confidence)`` in ``text``, if known."""
    from bma_etl.layouts.base import RepairedText
    from bma_etl.normalize.fields import normalize
    from bma_etl.normalize.trust import screen
    from bma_etl.validate import build_records

    doc = RepairedText.of(text, page_starts, ocr_used=ocr_used, words=words)
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    if screened:
        screen(normalized, doc.text)
    return build_records(normalized, "0" * 64)


def assert_rows_read(table: str, got: list[Any], want: list[dict[str, Any]],
                     fields: tuple[str, ...]) -> None:
    """``got`` (records of ``table``) are the generated rows ``want``, row for row: as
    many, and every one of ``fields`` right (:func:`corpus.score.score_tables`)."""
    from corpus.score import score_tables

    truth = {"tables": {table: [{k: row[k] for k in fields} for row in want]}}
    right, total, lost = score_tables({table: got}, truth)
    assert total > 0 and len(got) == len(want) and right == total, lost[:6]


def assert_damaged_steps_read(want: list[dict[str, Any]], got: list[Any], damaged: int,
                              fields: tuple[str, ...], loose: tuple[str, ...]) -> None:
    """A plan's step rows OCR damaged read right: some rows were damaged (``damaged``),
    every step of ``want`` read (:func:`assert_rows_read` of ``fields``), and each of
    ``loose`` read as generated or NULL, never another value."""
    assert damaged
    assert_rows_read("plan_steps", got, want, fields)
    for w, g in zip(want, got, strict=True):
        for name in loose:
            value = getattr(g, name, None)
            assert value is None or str(value) == str(w[name]), (name, w, g)


def assert_read_as_generated(path: Path, truth: dict[str, Any],
                             tables: Iterable[str] | None = None) -> None:
    """Every field of ``truth`` (a generated document's; only ``tables`` of it when
    given) read from ``path`` as generated, and at least one field counted."""
    from bma_etl.pipeline import process_file

    from corpus.score import score

    if tables is not None:
        truth = {"tables": {name: truth["tables"][name] for name in tables}}
    result = score(process_file(path), truth)
    assert result.total > 0 and result.lost == [], "\n".join(
        f"{k}: want {w!r} got {g!r} ({kind})" for k, w, g, kind in result.lost[:6])


def fields_misread(project: Any, truth: dict[str, Any], left_out: Iterable[str] = ()
                   ) -> dict[str, tuple[Any, Any]]:
    """``{field: (generated, read)}``: the fields of a generated project's ``truth`` that
    state a value and that the read record ``project`` has, but read otherwise
    (:func:`corpus.score.same`); fields named in ``left_out`` are not compared."""
    from corpus.score import same

    skip = set(left_out)
    return {name: (want, getattr(project, name)) for name, want in truth.items()
            if want is not None and hasattr(project, name) and name not in skip
            and not same(want, getattr(project, name))}
