"""A progress-history page copied as text and cut inside its last entry.

Stage: extract (a helper of :func:`bma_etl.pipeline_file.process_file`, not a layout).
A saved page cut short is known by its markup (it opens ``<body>`` and never closes
it: :func:`bma_etl.read.html.cut_short`); a text copy has no markup, and a copy that
stopped inside an entry (a selection dragged short, a download stopped, a paste
cut at a message's limit) loaded its half entry as a whole one (``16/12/2566 :
ซ่อมแซมโคมไฟ``, no problems, no issue). The page prints every entry with its
``** ปัญหาของโครงการ :`` and ``** อุปสรรคของโครงการ :`` lines and a separator after
it, and closes with its indicators and evaluation: when the text ends inside the last
entry, and that entry lacks a label every other entry has, the copy was cut there
(:func:`cut_entry`) and is treated as a saved page cut short is
(:func:`bma_etl.normalize.trust_cut.drop_cut_end`). Never raises.
"""

from __future__ import annotations

from itertools import pairwise

from bma_etl.layouts.history_entry_heads import ENTRY_RE, EVALUATION_RE, SEPARATOR_RE
from bma_etl.layouts.history_kpi_block import KPI_RE
from bma_etl.layouts.history_labels import ENTRY_LABEL_RES

__all__ = ["MIN_ENTRIES", "cut_entry"]

#: Whole entries the labels are learned from: with fewer, no cut is judged.
MIN_ENTRIES = 2


def _labels(lines: list[str]) -> frozenset[str]:
    """The entry labels' columns (``problems``, ``obstacles``) among ``lines``."""
    return frozenset(column for line in lines for regex, column in ENTRY_LABEL_RES
                     if regex.match(line))


def cut_entry(text: str) -> str | None:
    """Why the history page's ``text`` ends inside its last entry, or None when it does not.

    Cut: at least :data:`MIN_ENTRIES` entries before the last one, all with the same
    labels; the last entry has fewer of them, and no separator, indicator block or
    evaluation heading follows its heading (nothing of the page after the entries).
    """
    lines = text.split("\n")
    heads = [i for i, line in enumerate(lines) if ENTRY_RE.match(line)]
    if len(heads) <= MIN_ENTRIES:
        return None
    segments = [lines[a + 1:b] for a, b in pairwise([*heads, len(lines)])]
    *whole, last = segments
    common = frozenset.intersection(*(_labels(s) for s in whole))
    if not common or _labels(last) >= common or any(
            SEPARATOR_RE.match(line) or EVALUATION_RE.match(line) or KPI_RE.match(line)
            for line in last):
        return None
    missing = " and ".join(sorted(common - _labels(last)))
    return (f"the text ends inside its last entry (line {heads[-1] + 1}): its {missing} "
            "line(s), which every other entry has, are missing (a copy cut short)")
