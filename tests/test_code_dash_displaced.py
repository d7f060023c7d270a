"""A code whose dash a text dump moved to the line's end.

pypdf's layout mode (``extract_text(extraction_mode="layout")``) of a LibreOffice PDF
wrote ``รหัสโครงการ... : 05020000 4417                     -`` and ``Kpi ID5012 0871   -``:
the code's digit groups apart and its dash at the end of the line. The code was stored
so, in a form no other copy of the project has (codes join copies across documents).
Now the code is its groups joined by the dash when one dash stands for every gap
(:func:`bma_etl.normalize.codes.parse_code`); with the dashes miscounted it is NULL
with an ``unparsed_value`` issue.

Forms and detail pages are generated from known values (bench/corpus); every code's
dash is moved to its line's end; the truth is the generated codes.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.errors import NormalizeError
from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.layouts.web_project_detail import extract as detail
from bma_etl.normalize.codes import parse_code

from corpus.build import GENERATORS
from read_back import records_of

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _displace(text: str, code: str, gap: str) -> str:
    """``text`` with the dash of ``code`` moved to the end of each line holding it."""
    lines = []
    for line in text.split("\n"):
        if code in line:
            line = line.replace(code, code.replace("-", " ")) + gap + "-"
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("gap", ["", " " * 21])
@pytest.mark.parametrize(("generator", "extract", "fields"), [
    ("legacy_tab", legacy, ("project_code",)), ("legacy_pipe", legacy, ("project_code",)),
    ("legacy_long", legacy, ("project_code",)),
    ("web_detail", detail, ("project_code", "kpi_id")),
    ("web_detail_long", detail, ("kpi_id",))])
@pytest.mark.parametrize("seed", range(3))
def test_a_code_whose_dash_moved_to_the_lines_end_is_the_code(
        seed: int, generator: str, extract: object, fields: tuple[str, ...], gap: str) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    want = generated.tables["projects"][0]
    text = generated.text
    for field in fields:
        code = want[field]
        assert code is not None and "-" in code
        printed = code if code in text else code.translate(_THAI_DIGITS)
        assert printed in text
        text = _displace(text, printed, gap)
    got = records_of(extract, text, ocr_used=False, screened=False)["projects"][0]
    assert {f: getattr(got, f) for f in fields} == {f: want[f] for f in fields}


@pytest.mark.parametrize("seed", range(20))
def test_a_displaced_dash_joins_the_groups_in_thai_or_arabic_digits(seed: int) -> None:
    rng = random.Random(seed)
    groups = [str(rng.randrange(10 ** (n - 1), 10 ** n)) for n in rng.choice(
        [(8, 4), (4, 4), (4, 4, 2)])]
    printed = " ".join(groups) + " " * rng.randrange(0, 30) + " -" * (len(groups) - 1)
    if rng.random() < 0.5:
        printed = printed.translate(_THAI_DIGITS)
    assert parse_code(printed) == "-".join(groups)


@pytest.mark.parametrize("printed", [
    "50120000 3308   - -",   # two dashes for one gap: which joins what is not known
    "5014 0102 01      -",   # one dash for two gaps
])
def test_miscounted_displaced_dashes_are_no_code(printed: str) -> None:
    with pytest.raises(NormalizeError):
        parse_code(printed)
