"""A project code wrapped at its dash reads whole after OCR, on a page whose top is hidden.

A tracking page printed at 125 % zoom wraps ``<name> : 50280000-1196`` after the
code's dash (a line breaker cuts after a hyphen): ``… : 50280000-`` / ``1196``. A text
layer that measured the wrap joins the two; OCR of the print (a fax of it) does not,
and the code, the name and the division were lost, the division read into the
rationale (breaker30 finding 4). :func:`bma_etl.rows.join_rows` joins a line ending
in a code's first digits and dash to the next line's last digits whatever the reader
knows of wraps. The page's fixed top bar (solid black in the fax) hid its progress
line too: the unit under the agency's line is still the division
(:func:`bma_etl.layouts.history_head_unit.unit_over_links`).

The pages are generated (bench/corpus ``web_history``); the page's head is set as the
tracking system prints it (progress, ``<name> : <code>``, ``<agency> : (<year>)``, the
unit, the links line), the code cut after its dash; the truth is the generated values.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts import web_progress_history
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from corpus.values import AGENCIES, project_code, project_name

#: What OCR made of a fixed bar over the page's top (its lines, the progress line under it).
_BAR = ("\u0e50\t\taA J\tVy ee +",
        "\t\u0e23\u0e30\u0e1a\u0e1a\u0e15\u0e34\u0e14\u0e15\u0e32\u0e21 | \u0e23\u0e32\u0e22"
        "\u0e07\u0e32\u0e19")  # ระบบติดตาม | รายงาน


@pytest.mark.parametrize(("seed", "bar"), [(0, False), (1, False), (2, True), (3, True),
                                           (4, True)])
def test_a_code_wrapped_at_its_dash_reads_whole_after_ocr(seed: int, bar: bool) -> None:
    rng = random.Random(f"code-wrap-ocr-{seed}")
    doc = GENERATORS["web_history"](rng)
    want = doc.truth["tables"]["projects"][0]
    code, name = project_code(rng), project_name(rng, long=True)
    lines = doc.text.split("\n")
    progress = next(k for k, line in enumerate(lines) if line.startswith(
        "\u0e04\u0e27\u0e32\u0e21\u0e04\u0e37\u0e1a\u0e2b\u0e19\u0e49\u0e32"))  # ความคืบหน้า
    assert lines[progress + 1].strip() == want["division"]
    agency = f"{rng.choice(AGENCIES)[0]} : ({want['fiscal_year_be']})"
    dash = code.index("-") + 1
    lines[progress + 1:progress + 1] = [f"{name} : {code[:dash]}", code[dash:], agency]
    if bar:  # the bar hid the progress line; OCR read the bar's own words
        lines[progress:progress + 1] = list(_BAR)
    text = RepairedText.of("\n".join(lines), (0,), ocr_used=True)
    normalized = normalize(web_progress_history.extract(text), text.text, (), None)
    projects = build_records(normalized, "0" * 64)["projects"]
    assert [(p.project_code, p.project_name, p.division) for p in projects] == [
        (code, name, want["division"])]
    assert want["division"] not in (projects[0].rationale or "")
