"""A KPI block's name or kind that a narrow page wrapped onto lines of its own reads whole.

The progress-history page (``bench/corpus/web.py`` ``progress_history``) ends with
its indicator: ``ตัวชี้วัด : 6.5 <name>``, the target and achieved lines and
``ประเภทตัวชี้วัด : <kind>``, the kind ending in ``(output)`` or ``(outcome)``. A
narrow print wraps the name or the kind, and the reader joins a wrapped line only
when it saw the wrap: ``(output)`` or the name's last word then stands on a line of
its own, which was read as no one's and lost. The truth is the values the page was
generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.doc import GeneratedDoc
from corpus.score import score
from corpus.web import progress_history
from ocr_text import thai_wrapped
from thai_fonts import font_file

#: The kinds the tracking system prints (``tests/fixtures/variants``): an output and
#: an outcome indicator, strategic or not.
KINDS = ("ตัวชี้วัดเชิงยุทธศาสตร์ ตัวชี้วัดระดับผลผลิต (output)",
         "ตัวชี้วัดระดับผลลัพธ์ (outcome)",
         "ตัวชี้วัดเชิงยุทธศาสตร์ ตัวชี้วัดระดับผลลัพธ์ (outcome)")


def _page(seed: int) -> tuple[GeneratedDoc, dict[str, str]]:
    """A generated history page whose indicator has one of :data:`KINDS`."""
    doc = progress_history(random.Random(f"kpi-wraps-{seed}"))
    indicator = doc.tables["indicators"][0]
    kind = KINDS[seed % len(KINDS)]
    doc.text = doc.text.replace(f"ประเภทตัวชี้วัด : {indicator['kind']}",
                                f"ประเภทตัวชี้วัด : {kind}")
    indicator["kind"] = kind
    return doc, indicator


def _wrapped(text: str, opening: str, width: int) -> str:
    """``text`` with the line opening with ``opening`` wrapped every ``width`` letters."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(opening))
    lines[at:at + 1] = thai_wrapped(lines[at], width)
    return "\n".join(lines)


def _kind_alone(text: str) -> str:
    """``text`` with the kind's bracketed English word on a line of its own."""
    for word in ("(output)", "(outcome)"):
        text = text.replace(f" {word}\n", f"\n{word}\n")
    return text


def _flat(value: object) -> str:
    return "".join(str(value).split())


@pytest.mark.parametrize("seed", range(6))
def test_kind_whose_bracketed_word_wrapped_reads_whole(seed: int, tmp_path: Path) -> None:
    doc, indicator = _page(seed)
    path = tmp_path / "history.txt"
    path.write_text(_kind_alone(doc.text), encoding="utf-8")
    (got,) = process_file(path).rows("indicators")
    assert (got.name, got.kind) == (indicator["name"], indicator["kind"])


@pytest.mark.parametrize(("seed", "width"), [(0, 28), (1, 34), (2, 41), (3, 47), (4, 55)])
def test_name_and_kind_wrapped_over_lines_read_whole(seed: int, width: int,
                                                     tmp_path: Path) -> None:
    doc, indicator = _page(seed)
    text = _wrapped(doc.text, "ตัวชี้วัด :", width)
    text = _wrapped(text, "ประเภทตัวชี้วัด :", width)
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    processed = process_file(path)
    (got,) = processed.rows("indicators")
    assert (_flat(got.name), _flat(got.kind)) == (_flat(indicator["name"]),
                                                  _flat(indicator["kind"]))
    assert (got.target_value, got.achieved_value) == (int(indicator["target_value"]),
                                                      int(indicator["achieved_value"]))


@pytest.mark.parametrize("seed", [6, 7])
def test_printed_page_with_the_kind_and_name_wrapped_reads_every_field(
        seed: int, tmp_path: Path) -> None:
    doc, indicator = _page(seed)
    doc.text = _kind_alone(_wrapped(doc.text, "ตัวชี้วัด :", 40))
    pdf = tmp_path / "history.fpdf2.pdf"
    render.render_fpdf(doc, pdf, "Garuda", font_file("Garuda"), random.Random(seed),
                       shaping=False, pt=12)
    result = score(process_file(pdf), doc.truth)
    assert not result.lost, "\n".join(f"{k}: want {w!r} got {g!r} ({kind})"
                                      for k, w, g, kind in result.lost)
    assert result.total > 20 and indicator["kind"].endswith(("(output)", "(outcome)"))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("stamp", ["COPY", "สำเนา"])
def test_kind_closed_by_its_bracket_takes_no_line_under_it(seed: int, stamp: str,
                                                           tmp_path: Path) -> None:
    """A copy's stamp (``COPY``) that the text layer set on a line of its own right under
    the kind, whole or with its bracketed word wrapped: the kind ends at its bracket."""
    doc, indicator = _page(seed)
    text = doc.text if seed % 2 else _kind_alone(doc.text)
    for word in ("(output)", "(outcome)"):
        text = text.replace(f"{word}\n", f"{word}\n{stamp}\n", 1)
    assert stamp in text
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    (got,) = process_file(path).rows("indicators")
    assert (got.name, got.kind) == (indicator["name"], indicator["kind"])
