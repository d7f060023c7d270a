"""A tracking page's project name wrapped onto its ``<name> : <code>`` line.

A print narrower than the name sets its first words on a line of their own and the
rest before the code (``โครงการปรับปรุงครุภัณฑ์…ในสังกัด`` / ``(2562) : 16522290-1351``,
fpdf2 at 16 pt). The code's line is complete in itself and joins no other line, so
the project was named ``(2562)``. The reader saw the first line wrap: it is the
name's first part (:func:`bma_etl.layouts.history_header.with_wrapped_name`).

The pages are generated (bench/corpus ``web_tracking``); the name
is cut at a space or inside a word, and the truth is the name as generated.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts import web_progress_history
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS

_NAME_CODE = re.compile(r"^(?P<name>\S.*?) : (?P<code>[0-9]{6,10}-[0-9]{3,5})$")


def page_with_name_code(rng: random.Random) -> tuple[Any, list[str], int]:
    """A generated tracking page that states ``<name> : <code>``: it, its lines, that line's index.

    A page may state no name: the first of 20 drawn that does.
    """
    for _ in range(20):
        doc = GENERATORS["web_tracking"](rng)
        lines = doc.text.split("\n")
        at = next((k for k, line in enumerate(lines) if _NAME_CODE.match(line)), None)
        if at is not None:
            return doc, lines, at
    raise AssertionError("no page drawn states its name and code")


@pytest.mark.parametrize("seed", range(8))
def test_a_name_wrapped_onto_its_code_line_reads_whole(seed: int) -> None:
    rng = random.Random(f"wrapped-name-{seed}")
    doc, lines, at = page_with_name_code(rng)
    want = doc.truth["tables"]["projects"][0]["project_name"]
    name = _NAME_CODE.match(lines[at])["name"]  # type: ignore[index]
    spaces = [k for k, ch in enumerate(name) if ch == " "]
    at_space = bool(spaces) and rng.random() < 0.5
    cut = rng.choice(spaces) if at_space else rng.randrange(len(name) // 3, len(name) - 2)
    while not at_space and "\u0e30" <= name[cut] <= "\u0e4e":  # no mark opens a line
        cut -= 1
    lines[at:at + 1] = [lines[at][:cut].rstrip(), lines[at][cut:].lstrip()]
    wrapped = frozenset({at + 1})
    text = RepairedText.of("\n".join(lines), (0,), wraps=wrapped,
                           spaced=wrapped if at_space else frozenset(), judged=frozenset({1}))
    normalized = normalize(web_progress_history.extract(text), text.text, (), None)
    projects = build_records(normalized, "0" * 64)["projects"]
    assert [p.project_name for p in projects] == [want]


@pytest.mark.parametrize("seed", range(4))
def test_a_name_cut_before_its_year_reads_whole_with_no_wrap_seen(seed: int) -> None:
    # Word's distributed alignment spreads the name's first line letter by letter to the
    # margin (LibreOffice's print of the page as a Word file): no wrap shows, and the
    # code's line names ``(2564)`` alone, which no project is named. The line above is the
    # name's first part all the same.
    rng = random.Random(f"year-alone-{seed}")
    for _ in range(200):  # the first page drawn whose name ends with its year
        doc = GENERATORS["web_tracking"](rng)
        lines = doc.text.split("\n")
        at = next((k for k, line in enumerate(lines) if (m := _NAME_CODE.match(line))
                   and re.search(r" \([0-9]{4}\)$", m["name"])), None)
        if at is not None:
            break
    assert at is not None, "no page drawn names its year"
    want = doc.truth["tables"]["projects"][0]["project_name"]
    cut = lines[at].rindex(" (")
    lines[at:at + 1] = [lines[at][:cut], lines[at][cut + 1:]]
    text = RepairedText.of("\n".join(lines), (0,), wraps=frozenset(),
                           spaced=frozenset(), judged=frozenset({1}))
    normalized = normalize(web_progress_history.extract(text), text.text, (), None)
    projects = build_records(normalized, "0" * 64)["projects"]
    assert [p.project_name for p in projects] == [want]
