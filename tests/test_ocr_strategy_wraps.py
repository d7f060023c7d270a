"""A tracking page's strategy line wrapped by a narrow page, read by OCR: joined whole.

A phone's screenshot of the tracking page wraps its long strategy lines
(``๒.๒.๑ ปริมาณขยะ…ที่ต้องนำไปกำจัดลด`` / ``ลง |``); OCR says nothing of the page's
wraps, and only the last piece (``ลง``) was stored as the goal, the first going into the
target above. Here a generated progress-history page (``bench/corpus`` ``web_history``)
states a goal and an indicator written first (known values), each line cut at a space or
inside a word onto one or two more lines, and is read as OCR'd text (no wraps known):
every strategy column is its line as written, and the objectives and target are
those of the page read without the added lines. A phone's screenshot of a page's head
with strategy lines written here (Chromium, 390 px at twice the pixels) is OCR'd whole:
its long goal and indicator wrap, and read back as written (one page of live OCR).
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest

from bma_etl.layouts import web_progress_history
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.pipeline import process_file
from bma_etl.validate import build_records

from chromium_pages import chromium_font, chromium_phone_shot
from corpus.build import GENERATORS

_GOALS = ("ปริมาณขยะมูลฝอยที่ต้องนำไปกำจัดลดลงอย่างต่อเนื่องทุกปี",
          "พื้นที่ชายฝั่งได้รับการป้องกันการกัดเซาะและฟื้นฟูป่าชายเลน")
_INDICATORS = ("ร้อยละของชุมชนที่คัดแยกขยะอินทรีย์ ณ ต้นทาง",
               "ความยาวชายฝั่งที่ได้รับการป้องกัน (กิโลเมตร)")


def _cut(line: str, rng: random.Random, pieces: int) -> list[str]:
    """``line`` cut into ``pieces`` lines, at spaces or inside words (never before a mark)."""
    out = []
    for _ in range(pieces - 1):
        cut = rng.randrange(len(line) // 3, len(line) - 4)
        while "\u0e30" <= line[cut] <= "\u0e4e":
            cut -= 1
        out.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    return [*out, line]


@pytest.mark.parametrize("seed", range(8))
def test_a_wrapped_strategy_line_read_by_ocr_is_whole(seed: int) -> None:
    rng = random.Random(f"strategy-wraps-{seed}")
    doc = GENERATORS["web_history"](rng)
    lines = doc.text.split("\n")
    at = max(k for k, line in enumerate(lines) if line.endswith(" |"))
    number = lines[at].split()[0]  # the sub-issue's ``๗.๒``
    goal = f"{number}.{rng.choice('๑๒๓')} {rng.choice(_GOALS)}"
    indicator = f"{goal.split()[0]}.{rng.choice('๑๒๓')} {rng.choice(_INDICATORS)}"
    added = [*_cut(f"{goal} |", rng, rng.choice((2, 3))),
             *_cut(f"{indicator} |", rng, rng.choice((1, 2)))]
    issue, sub = lines[at - 1][:-2], lines[at][:-2]
    before = _read(lines)
    lines[at + 1:at + 1] = added
    project = _read(lines)
    assert (project.strategy_issue, project.strategy_sub_issue, project.strategy_goal,
            project.strategy_indicator) == (issue, sub, goal, indicator)
    assert (project.target, project.objectives) == (before.target, before.objectives)


def _read(lines: list[str]) -> Any:
    """The project of a page of ``lines`` read as OCR'd text (no wraps known)."""
    text = RepairedText.of("\n".join(lines), (0,), ocr_used=True)
    normalized = normalize(web_progress_history.extract(text), text.text, (), None)
    (project,) = build_records(normalized, "0" * 64)["projects"]
    return project


#: Strategy lines as a phone shows them; outline digits Debian's ``tha`` reads (it has
#: no ``๔ ๖ ๗ ๘ ๙`` and reads ``๑`` as ``๐๑`` or ``๓`` as ``ต`` now and then).
_PHONE_STRATEGY = ("ด้านที่ ๒ – มหานครสีเขียว สะดวกสบาย : Green City",
                   "๒.๒ - การจัดการขยะมูลฝอย",
                   "๒.๒.๒ ปริมาณขยะมูลฝอยที่ต้องนำไปกำจัดลดลง",
                   "๒.๒.๒.๒ ร้อยละของชุมชนที่คัดแยกขยะอินทรีย์ ณ ต้นทาง")


def test_a_phone_screenshot_s_wrapped_strategy_lines_are_read_whole(tmp_path: Path) -> None:
    font = chromium_font("Noto Sans Thai")
    doc = GENERATORS["web_history"](random.Random("phone-strategy"))
    truth = doc.tables["projects"][0]
    head = [f"ความคืบหน้าโครงการ ร้อยละ {truth['progress_pct']}",
            "โครงการส่งเสริมการคัดแยกขยะ : 50280000-1187",
            f"สำนักงานเขตลาดกระบัง : ({truth['fiscal_year_be']})", truth["division"],
            "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล", f"{truth['unit_code']}/{truth['unit_code']}",
            "เพื่อลดปริมาณขยะอินทรีย์", "ชุมชนในพื้นที่เขตลาดกระบัง",
            *(f"{line} |" for line in _PHONE_STRATEGY)]
    shot = chromium_phone_shot(font, head, tmp_path, 900)
    project = process_file(shot).rows("projects")[0]
    got = (project.strategy_issue, project.strategy_sub_issue, project.strategy_goal,
           project.strategy_indicator)
    # (OCR sets a space or none beside ``ณ``: compared without spaces, as a reader would)
    assert [re.sub(r"\s", "", v or "") for v in got] \
        == [re.sub(r"\s", "", v) for v in _PHONE_STRATEGY]
