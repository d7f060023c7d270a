"""An entry's system date OCR read with a dash as a point, its report date misread too.

History and tracking pages are generated from known values (``bench/corpus``,
``web_history``, ``web_tracking``); one entry's heading system date (``(2021-04-07)``)
is then read the way Tesseract read it on a 200 dpi 1-bit scan, one dash as a point
(``(2021-04.07)``), and its report date line (``07/04/2564 : …``) with a year's digit
misread (``07/04/2566``). The system date was lost and the misread report date loaded,
a wrong date. The truth is the generated values: the system date is read from its
digits, and of the two readings the one between the dates of the entries below and
above is the date.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from bma_etl.layouts.web_progress_history import extract

from corpus.build import GENERATORS
from read_back import records_of

_HEAD_DATE = re.compile(r"^(?P<head>\([0-9]+\) ความคืบหน้าโครงการฯ .*\()(?P<y>[0-9]{4})-"
                        r"(?P<m>[0-9]{2})-(?P<d>[0-9]{2})\)\n(?P<be>[0-9]{2}/[0-9]{2}/)"
                        r"(?P<by>[0-9]{4}) : ", re.M)


def _generated(name: str, rng: random.Random) -> object:
    generated = GENERATORS[name](rng)
    while len(_HEAD_DATE.findall(generated.text)) < 3:
        generated = GENERATORS[name](rng)
    return generated


@pytest.mark.parametrize("name", ["web_history", "web_tracking"])
@pytest.mark.parametrize("seed", range(6))
def test_system_date_with_a_point_for_a_dash_still_tells_the_date(name: str, seed: int) -> None:
    rng = random.Random(f"{name}-{seed}")
    generated = _generated(name, rng)
    found = list(_HEAD_DATE.finditer(generated.text))  # type: ignore[attr-defined]
    m = found[rng.randrange(1, len(found) - 1)]  # an entry with entries above and below it
    iso = rng.choice((f"{m['y']}-{m['m']}.{m['d']}", f"{m['y']}.{m['m']}-{m['d']}"))
    year = int(m["by"]) + rng.choice((2, 20, -30))  # a digit misread: years off
    text = (generated.text[:m.start()]  # type: ignore[attr-defined]
            + f"{m['head']}{iso})\n{m['be']}{year} : "
            + generated.text[m.end():])  # type: ignore[attr-defined]
    rows = records_of(extract, text, screened=False)["progress_updates"]
    want = [date.fromisoformat(w["report_date"])
            for w in generated.tables["progress_updates"]]  # type: ignore[attr-defined]
    assert [r.report_date for r in rows] == want
