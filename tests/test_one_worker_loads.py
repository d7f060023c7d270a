"""One worker (``--workers 1``, or a one-core machine) loads as it goes.

With no worker processes the files were extracted in this process in chunks of
32 whatever their kind, so a batch of text files and scans loaded nothing until
its last scan was read: a run killed after the text files lost them too, and a
log showed nothing meanwhile. Each PDF or image is now a chunk of its own, and
what came back loads every ``LOAD_EVERY`` seconds, as with worker processes.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

import bma_etl.pipeline_batch
import bma_etl.pipeline_worker
from bma_etl.pipeline import ingest
from bma_etl.pipeline_worker import CHUNK_SIZE, in_process_chunks

from repo_paths import SAMPLES


def test_a_pdf_or_image_is_a_chunk_of_its_own() -> None:
    rng = random.Random(5)
    names = [f"{i}.txt" for i in range(CHUNK_SIZE + 9)]
    for suffix in (".pdf", ".PNG", ".tif", ".jpeg"):
        names.insert(rng.randrange(len(names)), f"scan{suffix}")
    items = [(Path(name), b"", "auto", name) for name in names]
    chunks = in_process_chunks(items)
    assert [item for chunk in chunks for item in chunk] == items  # all, in order
    for chunk in chunks:
        paged = [p for p, *_ in chunk if p.suffix.lower() in (".pdf", ".png", ".tif", ".jpeg")]
        assert len(chunk) == 1 if paged else 1 <= len(chunk) <= CHUNK_SIZE


def test_text_files_load_before_a_scan_after_them_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    texts = sorted(SAMPLES.glob("*.txt"))
    for sample in texts:
        (inbox / f"a_{sample.name}").write_bytes(sample.read_bytes())
    (inbox / "z_scan.pdf").write_bytes(b"%PDF-1.4\nnot a whole PDF\n")
    events: list[str] = []
    extract = bma_etl.pipeline_worker.process_file

    def watched(path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
        events.append(f"read {path.name}")
        return extract(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bma_etl.pipeline_worker, "process_file", watched)
    monkeypatch.setattr(bma_etl.pipeline_batch, "LOAD_EVERY", 0.0)
    summary = ingest([inbox], tmp_path / "w.duckdb", workers=1,
                     on_file=lambda outcome: events.append(f"done {outcome.path.name}"))
    assert summary.loaded == len(texts) and summary.quarantined == 1
    pdf_read = events.index("read z_scan.pdf")
    assert {f"done a_{sample.name}" for sample in texts} <= set(events[:pdf_read]), events


def test_text_chunks_read_slowly_do_not_load_the_chunks_before_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a PDF or image read for ``LOAD_SOON`` seconds has the files before it loaded.

    A chunk of text files takes that long on a busy machine (or 32 action plans on an
    idle one); each such load cost a write (open, inserts, commit, checkpoint: a
    third of a second of CPU under load) for files that take milliseconds each.
    """
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    texts = sorted(SAMPLES.glob("*.txt"))
    n = 2 * CHUNK_SIZE + 1
    for i in range(n):  # distinct contents: a copy would be loaded once
        body = texts[i % len(texts)].read_text(encoding="utf-8") + f"\n<!-- copy {i} -->\n"
        (inbox / f"{i:03d}.txt").write_text(body, encoding="utf-8")
    extract = bma_etl.pipeline_worker.process_file

    def slow(path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
        time.sleep(0.01)
        return extract(path, **kwargs)  # type: ignore[arg-type]

    loads: list[int] = []
    load_batch = bma_etl.pipeline_batch._load_batch

    def counted(wh, tables, outcomes, *args):  # type: ignore[no-untyped-def]
        loads.append(len(outcomes))
        return load_batch(wh, tables, outcomes, *args)

    monkeypatch.setattr(bma_etl.pipeline_worker, "process_file", slow)
    monkeypatch.setattr(bma_etl.pipeline_batch, "_load_batch", counted)
    monkeypatch.setattr(bma_etl.pipeline_batch, "LOAD_SOON", 0.0)
    monkeypatch.setattr(bma_etl.pipeline_batch, "LOAD_EVERY", 1e9)  # however busy the machine
    summary = ingest([inbox], tmp_path / "w.duckdb", workers=1)
    assert summary.loaded == n
    assert loads == [n]
