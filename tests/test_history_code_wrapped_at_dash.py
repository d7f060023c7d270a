"""A tracking page's name and code wrapped twice: onto the code's line, and at its dash.

A page printed on a phone-width page (an outside tester's 90 mm print) sets the
name's first words alone, then ``<rest of name> : 50180000-`` and the code's last
digits on the next line. The code's two lines were joined first and the name's
line to them after; that second join took the joined line as one physical line,
so the code's span lost the line break and its last digit: ``50180000-229`` was
stored for ``50180000-2290`` (:func:`bma_etl.rows.join_lines` keeps every piece now).

The pages are generated (bench/corpus ``web_tracking``); the name is cut inside it
and the code after its dash, both seen wrapped; the truth is the generated values.
A name's line wrapped after its colon, its code alone on the next line, is read the
same after OCR (:func:`bma_etl.layouts.history_head_wraps.with_wrapped_code`).
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts import web_progress_history
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records
from test_history_wrapped_name import _NAME_CODE, page_with_name_code

from corpus.build import GENERATORS
from corpus.values import AGENCIES


@pytest.mark.parametrize("seed", range(6))
def test_a_code_wrapped_at_its_dash_under_a_wrapped_name_keeps_its_digits(seed: int) -> None:
    rng = random.Random(f"code-at-dash-{seed}")
    doc, lines, at = page_with_name_code(rng)
    want = doc.truth["tables"]["projects"][0]
    m = _NAME_CODE.match(lines[at])
    assert m is not None
    name, code = m["name"], m["code"]
    spaces = [k for k, ch in enumerate(name) if ch == " "]
    cut = rng.choice(spaces) if spaces else len(name) // 2
    dash = code.index("-") + 1
    lines[at:at + 1] = [name[:cut].rstrip(), f"{name[cut:].lstrip()} : {code[:dash]}",
                        code[dash:]]
    wrapped = frozenset({at + 1, at + 2})
    text = RepairedText.of("\n".join(lines), (0,), wraps=wrapped,
                           spaced=frozenset({at + 1}) if spaces else frozenset(),
                           judged=frozenset({1}))
    normalized = normalize(web_progress_history.extract(text), text.text, (), None)
    projects = build_records(normalized, "0" * 64)["projects"]
    assert [(p.project_code, p.project_name) for p in projects] == [
        (want["project_code"], want["project_name"])]



@pytest.mark.parametrize("seed", range(6))
def test_a_code_wrapped_after_the_names_colon_is_read_with_it_after_ocr(seed: int) -> None:
    """``<name> :`` / ``<code>`` under the progress line, the agency's line above them (an
    Edge page's print, scanned): a print narrower than the line wrapped it after the
    colon, and OCR does not know the page's wraps (breaker26 B_cssgrid_print_scan300:
    code, name and division lost, the name read into the rationale)."""
    from corpus.values import project_code, project_name

    rng = random.Random(f"code-after-colon-{seed}")
    doc = GENERATORS["web_history"](rng)
    want = doc.truth["tables"]["projects"][0]
    code, name = project_code(rng), project_name(rng, long=True)
    lines = doc.text.split("\n")
    agency = f"{rng.choice(AGENCIES)[0]} : ({want['fiscal_year_be']})"
    lines[1:1] = [agency, f"{name} :", code]
    text = RepairedText.of("\n".join(lines), (0,), ocr_used=True)
    normalized = normalize(web_progress_history.extract(text), text.text, (), None)
    projects = build_records(normalized, "0" * 64)["projects"]
    assert [(p.project_code, p.project_name, p.division) for p in projects] == [
        (code, name, want["division"])]
    assert name not in (projects[0].rationale or "")
