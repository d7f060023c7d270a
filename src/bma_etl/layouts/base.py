"""What a layout module provides: its signals, its scorer and its extractor.

Stage: extract. An extractor reads a :class:`~bma_etl.document.RepairedText` and
returns an :class:`~bma_etl.document.Extraction`: rows of *raw* values, each the
exact text it read with its :class:`~bma_etl.provenance.Span` (the shapes live in
:mod:`bma_etl.document`, which belongs to no stage, and are re-exported here).
Turning raw text into numbers and dates is the normalize stage's job
(:mod:`bma_etl.normalize.fields`), chosen by the ``Parse`` marker on each model
field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from bma_etl.document import (
    Derived,
    Extraction,
    FieldValue,
    Finding,
    Line,
    Raw,
    RawRow,
    RepairedText,
)
from bma_etl.matchkey import fuzzy_find, key, key_pattern
from bma_etl.records import Record

__all__ = [
    "Derived",
    "Extraction",
    "FieldValue",
    "Finding",
    "Layout",
    "Line",
    "Raw",
    "RawRow",
    "RepairedText",
    "Signal",
    "score_signals",
]


@dataclass(frozen=True, slots=True)
class Signal:
    r"""A sign of a layout: a regex (multi-line mode) worth ``points`` when found.

    ``within`` limits the search to the text's first characters (a title, say).
    ``needles`` are literal strings of which every match contains at least one: the
    regex runs only when one is in the text. A line-anchored pattern (``^\s*…``)
    costs Python's regex engine a try at every character of a long document; a
    substring test does not. ``core``, the tail of ``pattern`` from a literal on
    (no ``|`` at its top level), is searched first: every match of ``pattern``
    holds a match of it, and a regex that opens with a literal is scanned for fast,
    where an open-ended start (``^[^\n:]*\S\s*:``) backtracks over every line.

    A signal not found in the text is looked for in its key form
    (:mod:`bma_etl.matchkey`: marks, spaces and look-alikes that PDFs and OCR
    change do not count). ``phrase``, a literal of ten letters or more, is then
    looked for approximately when detection finds no layout otherwise.
    """

    pattern: str
    points: float
    within: int | None = None
    needles: tuple[str, ...] = ()
    phrase: str | None = None
    core: str | None = None


@lru_cache(maxsize=4)
def _key_text(text: str) -> str:
    return key(text)


#: A signal's forms: its regex, its needles and its core's regex, as printed and in key form.
_Forms = tuple[re.Pattern[str], tuple[str, ...], re.Pattern[str] | None,
               re.Pattern[str] | None, tuple[str, ...], re.Pattern[str] | None]


@lru_cache(maxsize=1024)
def _forms(signal: Signal) -> _Forms:
    """The signal's regexes compiled and its needles, as printed and in key form (once)."""
    if signal.core is not None and not signal.pattern.endswith(signal.core):
        raise ValueError(f"signal core {signal.core!r} is not the tail of {signal.pattern!r}")
    core = None if signal.core is None else re.compile(signal.core, re.MULTILINE)
    key_core = None if signal.core is None else key_pattern(signal.core)
    return (re.compile(signal.pattern, re.MULTILINE), signal.needles, core,
            key_pattern(signal.pattern), tuple(key(n) for n in signal.needles), key_core)


def _found(text: str, needles: tuple[str, ...], compiled: re.Pattern[str] | None,
           core: re.Pattern[str] | None) -> bool:
    if compiled is None or (needles and not any(needle in text for needle in needles)):
        return False
    if core is not None and core.search(text) is None:
        return False
    return compiled.search(text) is not None


#: Characters (key form) a line may hold before an approximately found phrase of a
#: line-anchored signal: OCR specks and bullets, not words.
LINE_START_SLACK = 4


def _fuzzy_found(signal: Signal, ktext: str) -> bool:
    """Find the signal's phrase approximately in ``ktext``.

    When the signal's pattern is anchored at a line's start, so must the phrase
    be: a manual that quotes a page title mid-line is not that page.
    """
    assert signal.phrase is not None
    found = fuzzy_find(key(signal.phrase), ktext)
    if found is None:
        return False
    if not signal.pattern.startswith("^"):
        return True
    line_start = ktext.rfind("\n", 0, found[0]) + 1
    return len(ktext[line_start:found[0]].strip()) <= LINE_START_SLACK


def score_signals(doc: RepairedText, signals: tuple[Signal, ...], keyed: bool = False,
                  fuzzy: bool = False, at_least: float = 0.0) -> float:
    r"""Sum of the points of the signals found in ``doc``, capped at 1.

    ``keyed`` also looks for each signal not found in the text in its key form;
    ``fuzzy`` (which implies it) then for its ``phrase``, approximately. With
    ``at_least``, a caller that only needs the sum when it reaches that much: the
    search stops once the signals left cannot bring it there, and the sum so far,
    below ``at_least``, is returned.

    >>> score_signals(RepairedText.of("a\nTITLE"), (Signal("^TITLE", 0.6), Signal("x", 0.3)))
    0.6
    >>> damaged = RepairedText.of("รายงานครังที 7")
    >>> [score_signals(damaged, (Signal(r"รายงานครั้งที่\s*7", 0.5),), keyed=k) for k in (0, 1)]
    [0.0, 0.5]
    """
    points = 0.0
    folded: str | None = None
    left = sum(max(signal.points, 0.0) for signal in signals) if at_least > 0 else 0.0
    for signal in signals:
        if at_least > 0:
            if points + left < at_least - _ROUNDING:
                return min(round(points, 6), 1.0)
            left -= max(signal.points, 0.0)
        compiled, needles, core, key_compiled, key_needles, key_core = _forms(signal)
        text = doc.text if signal.within is None else doc.text[:signal.within]
        if _found(text, needles, compiled, core):
            points += signal.points
            continue
        if not (keyed or fuzzy):
            continue
        if folded is None:
            folded = _key_text(doc.text)
        ktext = folded if signal.within is None else folded[:signal.within]
        if _found(ktext, key_needles, key_compiled, key_core):
            points += signal.points
        elif fuzzy and signal.phrase and _fuzzy_found(signal, ktext):
            points += signal.points
    return min(round(points, 6), 1.0)


#: Slack for the rounding of a sum of points (``round(points, 6)``).
_ROUNDING = 1e-6

ScoreFn = Callable[[RepairedText], float]
ExtractFn = Callable[[RepairedText], Extraction]


@dataclass(frozen=True, slots=True)
class Layout:
    """A document layout: how to recognise it and how to read it."""

    layout_id: str
    title: str
    tables: tuple[type[Record], ...]
    score: ScoreFn
    extract: ExtractFn
    #: The scorer's signals, for detection's approximate second look (:func:`score_signals`).
    signals: tuple[Signal, ...] = ()
    #: Whether a later page opens a second document by its own title line alone, its
    #: opening otherwise short (a progress history's print view: its title states the
    #: project's progress); a plan's chapter titles open nothing (:mod:`bma_etl.parts`).
    opens_by_title: bool = False
    #: Whether a later page never opens a second document of this layout: an action
    #: plan's chapter and continuation titles (``แผนปฏิบัติราชการ ประจำปี (ต่อ)``) are
    #: its opening's words, and two plans in one file are not told apart.
    one_per_file: bool = False
    #: The fields that say which project or plan a document is (``table.field``, in the
    #: table's first row; ``a|b``: either will do). A loaded document missing more than
    #: half of them gets a ``sparse_document`` issue (:func:`~bma_etl.checks.sparse_document`).
    core: tuple[str, ...] = ()
    #: The main table and the words (a regex, matched in key form) that show the text
    #: holds it: a loaded document whose text shows them but which has no row of that
    #: table gets the ``sparse_document`` issue too.
    main: tuple[str, str] | None = None
