"""Work the pipeline did twice, done once: the same values read.

- ``ingest`` hashes a file's bytes to find unchanged files and hands the hash
  (``doc_id``) to the worker with the bytes: each file is hashed once in a run
  (:func:`bma_etl.pipeline_file.process_file`'s ``doc_id``).
- :class:`~bma_etl.matchkey.KeyRegex` keeps its key-form regex: a match is the
  printed one, else :func:`~bma_etl.matchkey.match_key`'s, span for span.
- the SWOT reader asks :func:`~bma_etl.layouts.plan_cells.is_text_line` once a line.

The documents are generated (``bench/corpus``) and read back to their values.
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path
from typing import Any

import pytest

import bma_etl.layouts.plan_swot as plan_swot
import bma_etl.pipeline_batch as pipeline_batch
import bma_etl.read as read
from bma_etl.layouts.annual_action_plan import extract as plan_extract
from bma_etl.layouts.plan_flow_definitions_header import OCR_KPI_TAIL_RE
from bma_etl.layouts.plan_flow_header import STEP_TOTAL_RE
from bma_etl.layouts.plan_step_headings import PROJECT_HEADING_RE, UNIT_SUFFIX_RE
from bma_etl.layouts.plan_swot_headings import PART_HEADING_RE, PART_OPENING_RE
from bma_etl.matchkey import MARKS, KeyRegex, match_key
from bma_etl.pipeline import ingest, process_file
from bma_etl.query import run_sql

from corpus.build import GENERATORS
from corpus.score import score_tables
from read_back import records_of

_GENERATORS = ("legacy_pipe", "web_history", "web_detail", "plan")


def _write(folder: Path, seed: int) -> list[tuple[Path, Any]]:
    folder.mkdir()
    out = []
    for name in _GENERATORS:
        doc = GENERATORS[name](random.Random(f"{seed}-{name}"))
        path = folder / f"{name}.txt"
        path.write_text(doc.text, encoding="utf-8")
        out.append((path, doc))
    return out


@pytest.mark.parametrize("seed", range(2))
def test_ingest_hashes_each_file_once(tmp_path: Path, db: Path, seed: int,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    files = _write(tmp_path / "in", seed)
    hashed: list[bytes] = []

    def counted(data: bytes) -> str:
        hashed.append(data)
        return hashlib.sha256(data).hexdigest()

    monkeypatch.setattr(read, "doc_id_of", counted)
    monkeypatch.setattr(pipeline_batch, "doc_id_of", counted)
    summary = ingest([tmp_path / "in"], db, workers=1)
    assert summary.loaded == len(files)
    assert sorted(hashed) == sorted(path.read_bytes() for path, _ in files)
    stored = {row[0] for row in run_sql(db, "select doc_id from documents").rows}
    assert stored == {hashlib.sha256(path.read_bytes()).hexdigest() for path, _ in files}


@pytest.mark.parametrize("seed", range(2))
def test_a_given_doc_id_reads_the_same_values(tmp_path: Path, seed: int) -> None:
    for path, doc in _write(tmp_path / "in", seed):
        data = path.read_bytes()
        given = process_file(path, data=data, doc_id=hashlib.sha256(data).hexdigest())
        hashed = process_file(path, data=data)
        assert given.doc_id == hashed.doc_id
        assert given.tables == hashed.tables
        right, total, lost = score_tables(given.tables, doc.truth)
        assert total > 0 and right == total, lost[:6]


def _damaged(line: str, rng: random.Random) -> str:
    """``line`` with some of its marks lost and spaces put in, as PDFs and OCR do."""
    line = re.sub(f"[{MARKS}]", lambda m: "" if rng.random() < 0.4 else m.group(), line)
    return re.sub("(?<=[ก-ฮ])(?=[ก-ฮ])", lambda _: " " if rng.random() < 0.05 else "", line)


_PATTERNS = (PROJECT_HEADING_RE, UNIT_SUFFIX_RE, STEP_TOTAL_RE, OCR_KPI_TAIL_RE,
             PART_HEADING_RE, PART_OPENING_RE)


def _spans(m: Any) -> Any:
    return None if m is None else (m.span(), m.group())


@pytest.mark.parametrize("seed", range(3))
def test_key_regex_matches_as_match_key(seed: int) -> None:
    rng = random.Random(seed)
    lines = GENERATORS["plan"](rng).text.split("\n")
    lines += [_damaged(line, rng) for line in lines]
    keyed = 0
    for pattern in _PATTERNS:
        fresh = KeyRegex(pattern.pattern)  # its key form not yet compiled
        for line in lines:
            want = pattern.printed.match(line) or match_key(pattern.pattern, line)
            assert _spans(fresh.match(line)) == _spans(pattern.match(line)) == _spans(want)
            keyed += want is not None and pattern.printed.match(line) is None
    assert keyed > 0  # some lines matched in key form only


@pytest.mark.parametrize("seed", range(3))
def test_swot_reader_asks_each_line_once(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = GENERATORS["plan"](random.Random(f"swot-{seed}"))
    asked: list[int] = []
    real = plan_swot.is_text_line

    def counted(line: Any) -> bool:
        asked.append(line.no)
        return real(line)

    monkeypatch.setattr(plan_swot, "is_text_line", counted)
    got = records_of(plan_extract, doc.text, ocr_used=False).get("plan_swot_items", [])
    want = doc.truth["tables"]["plan_swot_items"]
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    assert len(asked) == len(set(asked))
