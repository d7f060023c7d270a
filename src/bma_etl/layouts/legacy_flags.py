"""The legacy form's plan and target flags (``เป็นไปตามแผน``, ``ไม่เป็นไปตามเป้าหมาย``).

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes the text of a report's cells; produces ``(column, start, end)`` spans
of the flags (``on_plan``, ``on_target``) as printed (:func:`trailing_flags`,
:func:`flags_in_tail`) and, after OCR, flags whose words matched only
approximately (:func:`approx_flags`) or by their place after the budget
(:func:`placed_flags`); :func:`put_approx_flags` stores those as
:class:`~bma_etl.layouts.base.Derived` booleans. A flag is never guessed: a
negation OCR made unreadable leaves it unread.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bma_etl.layouts.base import Derived, Line, RawRow, RepairedText
from bma_etl.matchkey import LINE_CACHE, key, key_map, matches_key, past_marks, search_key

#: The plan and target flags, in a cell of their own or after an entry's budget.
PLAN_FLAG = r"(?:ไม่)?เป็นไปตามแผน"
TARGET_FLAG = r"(?:ไม่)?เป็นไปตามเป้าหมาย"
_FLAG_CELL_RE = re.compile(r"^[\s:.'\u2019]*(?P<flag>\S.*?)[\s:.'\u2019]*$")
#: Each flag's pattern compiled, and the cut between a report's cells (``:`` or ``|``).
_FLAG_RES = {PLAN_FLAG: re.compile(PLAN_FLAG), TARGET_FLAG: re.compile(TARGET_FLAG)}
_CELL_CUT = re.compile(r"([:|])")


def _flag(text: str, pattern: str) -> tuple[int, int] | None:
    """Span of a plan or target flag filling ``text`` (a cell), in key form."""
    m = _FLAG_CELL_RE.match(text)
    if m is None:
        return None
    flag = m.group("flag")
    if _FLAG_RES[pattern].fullmatch(flag) or (len(flag) < 40
                                              and matches_key(pattern, flag, full=True)):
        return m.span("flag")
    return None


#: Marks a form puts at an option's box: ticked (a filled PDF form's ticked box,
#: :data:`bma_etl.read.pdf_widgets.TICK`, or a tick typed or printed) and not
#: (:data:`bma_etl.read.pdf_widgets.BOX`, or an empty ballot box).
TICKS = "\u2713\u2714\u2611\u2612"
BOXES = "\u274f\u2610"
_OPTION = rf"(?:{PLAN_FLAG}|{TARGET_FLAG})"
_OPTION_RE = re.compile(_OPTION)
_TARGET_RE = re.compile(TARGET_FLAG)
#: An option with its box before its words, and one with its box after them.
_BOXED = (re.compile(rf"(?P<mark>[{TICKS}{BOXES}])[ \t]*(?P<flag>{_OPTION})"),
          re.compile(rf"(?P<flag>{_OPTION})[ \t]*(?P<mark>[{TICKS}{BOXES}])"))


def ticked_flags(text: str) -> list[tuple[str, int, int]] | None:
    """The flags a form's ticked boxes choose among the options it prints; None with no tick.

    ``❏ เป็นไปตามแผน ✔ ไม่เป็นไปตามแผน : ✔ เป็นไปตามเป้าหมาย ❏ ไม่เป็นไปตามเป้าหมาย``
    → ``[("on_plan", a, b), ("on_target", c, d)]``, the spans of the options ticked.
    Every option must have its box on the same side of its words (before them, or
    after them: ``เป็นไปตามแผน ✔ ไม่เป็นไปตามแผน ❏`` ticks the first); a tick whose
    option the text cannot tell (no box beside the other option, boxes on both
    sides) reads no flag, nor does a flag ticked twice: a flag is never guessed.
    """
    if not any(tick in text for tick in TICKS):
        return None
    options = len(_OPTION_RE.findall(text))
    readings = []
    for boxed in _BOXED:
        found = list(boxed.finditer(text))
        if len(found) == options:
            chosen: dict[str, list[tuple[int, int]]] = {}
            for m in found:
                if m["mark"] in TICKS:
                    column = "on_target" if _TARGET_RE.fullmatch(m["flag"]) else "on_plan"
                    chosen.setdefault(column, []).append(m.span("flag"))
            readings.append([(column, *spans[0]) for column, spans in chosen.items()
                             if len(spans) == 1])
    return readings[0] if len(readings) == 1 or (readings and readings[0] == readings[1]) \
        else []


#: Other wording a typed form may print for a flag after its ``:`` (``ตามแผน``,
#: ``ล่าช้ากว่าแผน``, ``เร็วกว่าแผน``, ``ไม่บรรลุเป้าหมาย``, ``ตามเป้าหมาย``): a word or
#: two ending in แผน (the plan's flag) or เป้าหมาย (the target's), filling the cell.
_OTHER_WORDING = (("on_target", re.compile(r"[\u0e01-\u0e4e]{2,12}เป้าหมายฯ?")),
                  ("on_plan", re.compile(r"[\u0e01-\u0e4e]{2,12}แผนฯ?")))


def _other_wording(part: str) -> tuple[str, int, int] | None:
    """``(column, start, end)`` of a flag in other wording filling ``part``, or None."""
    m = _FLAG_CELL_RE.match(part)
    if m is None:
        return None
    for column, wording in _OTHER_WORDING:
        if wording.fullmatch(m["flag"]):
            return column, *m.span("flag")
    return None


def trailing_flags(text: str, other_wording: bool = False) -> list[tuple[str, int, int]]:
    """Flags filling ``text``: a flag cell, or the flags after an entry's budget.

    ``: เป็นไปตามแผน : เป็นไปตามเป้าหมาย`` → ``[("on_plan", a, b), ("on_target", c, d)]``.
    Options a form ticks: :func:`ticked_flags`. With ``other_wording`` (typed text, not
    OCR's, whose misread negation such a reading would drop), a flag in other words
    after a ``:`` (:data:`_OTHER_WORDING`) too: the normalizer reads those it knows, and
    raises for the others (``เร็วกว่าแผน``: NULL with an issue naming it).
    """
    return list(_trailing_flags(text, other_wording))


@lru_cache(maxsize=LINE_CACHE)
def _trailing_flags(text: str, other_wording: bool) -> tuple[tuple[str, int, int], ...]:
    """:func:`trailing_flags`, kept per text (a form's reports ask it of each cell)."""
    ticked = ticked_flags(text)
    if ticked is not None:
        return tuple(ticked)
    out: list[tuple[str, int, int]] = []
    at = 0
    parts = _CELL_CUT.split(text)
    for i, part in enumerate(parts):
        if i == 0 and key(part).strip(" .") == "บาท":
            pass  # the budget's unit, when the amount was read without it
        elif part not in (":", "|"):
            for column, pattern in (("on_target", TARGET_FLAG), ("on_plan", PLAN_FLAG)):
                found = _flag(part, pattern)
                if found is not None:
                    out.append((column, at + found[0], at + found[1]))
                    break
            else:
                other = _other_wording(part) if other_wording and i and parts[i - 1] == ":" \
                    else None
                if other is not None:
                    out.append((other[0], at + other[1], at + other[2]))
                elif part.strip(" \t.'\u2019"):
                    return ()  # something other than flags follows
        at += len(part)
    return tuple(out)


def flags_in_tail(text: str) -> list[tuple[str, int, int]]:
    """Flags anywhere after an entry's budget, with OCR's junk around them.

    Not the words of a flag after a ไม่ OCR misread (``ไท่เป็นไปตามแผน``,
    ``เม่เป็นไปตามเป้าหมาย``): read alone
    they would say the opposite (:func:`approx_flags` reads such a flag).
    """
    ticked = ticked_flags(text)
    if ticked is not None:
        return ticked
    out: list[tuple[str, int, int]] = []
    for column, pattern in (("on_plan", PLAN_FLAG), ("on_target", TARGET_FLAG)):
        found = search_key(pattern, text)
        if found is not None and not _NEGATION_MISREAD.search(key(text[:found[0]])):
            out.append((column, *found))
    return out


#: The flags' words as printed, whole: what a flag a narrow column wrapped must make.
FLAG_WORDS = ("ไม่เป็นไปตามแผน", "เป็นไปตามแผน", "ไม่เป็นไปตามเป้าหมาย", "เป็นไปตามเป้าหมาย")

_PART_RE = re.compile(r"[^:]+")


def flag_starts(text: str) -> list[tuple[int, int]]:
    """Spans of the flags' first words in a cell of nothing else (``: ไม่เป็นไป : เป็นไปตาม``).

    Empty unless every ``:`` part is a flag's start, not the whole flag.
    """
    parts = [m for m in _PART_RE.finditer(text) if m.group().strip()]
    spans = []
    for m in parts:
        word = m.group().strip()
        if not any(f.startswith(word) and f != word for f in FLAG_WORDS):
            return []
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        spans.append((start, start + len(word)))
    return spans


#: A cell that is a flag alone (``: เป็นไปตามแผน``).
FLAG_ONLY_RE = re.compile(rf"^[\s:]*(?:{PLAN_FLAG}|{TARGET_FLAG})[\s:]*$")

#: The flags' words without ไม่, in key form, the longer first: an approximate match
#: of the plan's words must not be the target's (both open with เป็นไปตาม).
_FLAG_CORES = (("on_target", key("เป็นไปตามเป้าหมาย")), ("on_plan", key("เป็นไปตามแผน")))
_NEGATION_KEY = key("ไม่")
#: ไม่ with its ม read as another letter (``ไห้``, ``ไท่``), or its ไ as another leading
#: vowel (``เม่``), alone before the flag's words in its cell: no other word stands there
#: (ได้ is one: not taken for ไม่).
_NEGATION_MISREAD = re.compile("(?:\u0e44[\u0e01-\u0e13\u0e15-\u0e2e]|[\u0e40-\u0e43]\u0e21)$")
#: What may stand before a flag read approximately, for it to be read as affirmative:
#: nothing, the separator of its cell, the budget's unit (its ``:`` after it read as a
#: speck: ``…บาท . เป็น[ปตามแผน``) or the other flag whole (the target's flag on the
#: line after the plan's, its ``:`` lost: ``…บาท : เป็นไปตามแผน`` / ``เป็นไปดามเป้าหมาย``).
_FLAG_OPENS = re.compile(r"(?:^|[:|;]|บาท|เป็นไปตาม(?:แผน|เป้าหมาย))[\s.'\u2019]*$")
#: What an approximate match may take in at its start that is no letter of the flag.
_NOT_LETTERS = " \t\n:|;.'\u2019"
#: Least similarity (0..100) of a flag read approximately to its words.
FLAG_SIMILARITY = 80.0


def approx_flags(text: str) -> list[tuple[str, bool, int, int]]:
    """Flags OCR read with letters wrong (``เป็นไปตามเบ้าหมาย``): ``(column, value, a, b)``.

    ``แป็นไปตามแผน``, the first letter read wrong, is a flag too
    (:func:`_with_first_letter`).

    The words after ไม่ are matched approximately in key form; the flag is
    negative when ไม่ (in key form) stands right before them (the alignment may
    take in its letters: the words are then taken from their own first letters), or
    ไ and one letter do alone in the cell (``ไห้เป็นไปตามแน่``: ไม่ with its ม misread;
    ``เม่เป็นไปตามเป้าหมาย``: its ไ misread),
    affirmative when nothing or a cell separator does, and not read at all otherwise:
    OCR may have made anything of a ไม่, and a flag is never guessed. Nor is one whose
    first letter OCR lost, the cell opening at its second (``: ป็นไปย่างเป้าหมาย``, at a
    wrapped line's start): a ไม่ before it may have been lost with it.
    """
    from rapidfuzz.fuzz import partial_ratio_alignment

    folded, offsets = key_map(text)
    out: list[tuple[str, bool, int, int]] = []
    for column, core in _FLAG_CORES:
        found = partial_ratio_alignment(core, folded, score_cutoff=FLAG_SIMILARITY)
        if found is None or found.dest_end - found.dest_start < len(core) - 3:
            continue
        a, b = found.dest_start, found.dest_end
        while a < b and folded[a] in _NOT_LETTERS:  # the cell's separator, aligned too
            a += 1
        while b > a and folded[b - 1] in _NOT_LETTERS:  # the next cell's, aligned too
            b -= 1
        a = _with_first_letter(core, folded, a, b)
        opens = folded.find(core[:2], max(0, a - 2), a + 4)  # the alignment may take in
        a = opens if opens >= 0 else a                       # ไม่'s letters, or drop one
        if _nearer_other(column, folded[a:b]):
            continue  # the other flag's words (a short cell aligns inside the longer core)
        start = offsets[a]
        if folded[:a].endswith(_NEGATION_KEY):
            value, start = False, offsets[a - len(_NEGATION_KEY)]
        elif _NEGATION_MISREAD.search(folded[:a]) and _FLAG_OPENS.search(text[:offsets[a - 2]]):
            value, start = False, offsets[a - 2]  # ไม่ its ม misread (``ไห้เป็นไปตามแน่``)
        elif _FLAG_OPENS.search(text[:start]) and not (
                folded[a] == core[1] and (a == 0 or folded[a - 1] in _NOT_LETTERS)):
            value = True
        else:  # its first letter lost (``: ป็นไปย่างเป้าหมาย``): a ไม่ before it may be too
            continue
        out.append((column, value, start, past_marks(text, offsets[b - 1] + 1)))
        folded = folded[:a] + "#" * (b - a) + folded[b:]  # the plan's words are not these
    return out


def _nearer_other(column: str, words: str) -> bool:
    """Whether ``words`` (key form) are nearer the other flag's words than ``column``'s.

    A cell shorter than the target's words aligns inside them: ``เป็นไปตามแผน`` matches
    ``เป็นไปตามเป้าหมาย`` at 80 and is the plan's flag, whole.
    """
    from rapidfuzz.fuzz import ratio

    own, other = (core for name, core in sorted(_FLAG_CORES, key=lambda c: c[0] != column))
    return ratio(words, other) > ratio(words, own)


def _with_first_letter(core: str, folded: str, a: int, b: int) -> int:
    """``a`` moved back over the flag's first letter when OCR read it as another letter.

    The alignment leaves out a letter read wrong at a match's start (``แป็นไปตามแผน``
    aligns from ``ป``), and the letter before the match then stands between the
    flag and its cell's separator. That letter is the flag's own when the match is
    shorter than the flag, does not open with its first letter, and taking the
    letter in keeps as few edits (Levenshtein) between the match and the flag.
    """
    from rapidfuzz.distance import Levenshtein

    if a == 0 or folded[a - 1] in _NOT_LETTERS or folded[a] == core[0] or b - a >= len(core):
        return a
    wider = Levenshtein.distance(core, folded[a - 1:b])
    return a - 1 if wider <= Levenshtein.distance(core, folded[a:b]) else a


#: Least similarity (0..100) of a cell in a flag's place to that flag's words.
PLACED_SIMILARITY = 70.0
#: A cell after the budget: a flag is one run of Thai letters, cut from the next at
#: a ``:`` or ``|`` (or the dash or gap OCR read for one).
_PLACED_CELL_RE = re.compile(r"[^\s:|;.'\u2019\-\u2013\u2014]+")
_THAI_LETTER_RE = re.compile("[\u0e01-\u0e2e]")


def placed_flags(text: str) -> list[tuple[str, bool, int, int]]:
    """Flags read by their place: ``(column, value, a, b)`` of the cells after the budget.

    The form prints two cells after a report's budget, the plan's flag, then the
    target's. When ``text`` (the rest of the budget's cell on, its unit ``บาท``
    aside) holds exactly two cells of Thai letters, each is its place's flag when
    it opens as the flag does, ``เป`` (affirmative) or ``ไม่`` (negative, or ไม่
    misread as :data:`_NEGATION_MISREAD` reads), and its letters are
    :data:`PLACED_SIMILARITY` like that flag's words: ``เปไปด้กมแผน``,
    ``ไม่เป็นไปตมาฒน``, ``เป็นไปตามเป๋าตุมาอ``. A cell that opens otherwise or is
    less like its flag (``เป็นไปด้วคน``, ``ไม่เก็น111สหมาัน``) is left unread.
    """
    from rapidfuzz.fuzz import ratio

    cells = [m for m in _PLACED_CELL_RE.finditer(text) if _THAI_LETTER_RE.search(m.group())]
    if cells and key(cells[0].group()) == key("บาท"):
        cells = cells[1:]
    if len(cells) != 2:
        return []
    out: list[tuple[str, bool, int, int]] = []
    for (column, core), cell in zip(sorted(_FLAG_CORES, key=lambda c: c[0] != "on_plan"),
                                    cells, strict=True):
        folded = key(cell.group())
        negation = folded[:2] if _NEGATION_MISREAD.search(folded[:2]) else _NEGATION_KEY
        if folded.startswith(negation) and folded[len(negation):].startswith(core[:2]):
            value, words = False, _NEGATION_KEY + core
        elif folded.startswith(core[:2]):
            value, words = True, core
        else:
            continue
        if ratio(folded, words) >= PLACED_SIMILARITY:
            out.append((column, value, cell.start(), cell.end()))
    return out


def put_approx_flags(doc: RepairedText, line: Line, a: int, b: int, row: RawRow) -> None:
    """Flags still missing, read approximately or by their place from ``line.text[a:b]``.

    OCR only: :func:`approx_flags` first, then :func:`placed_flags`.
    """
    text = line.text[a:b]
    for (column, value, x, y), how in [*((f, "its words matched approximately")
                                         for f in approx_flags(text)),
                                       *((f, "read by its place after the budget")
                                         for f in placed_flags(text))]:
        if column in row.fields:
            continue
        raw = doc.raw_in(line, a + x, a + y)
        if raw is not None:
            row.fields[column] = Derived(value, f"OCR read the flag {raw.text!r}: {how}",
                                         raw.span)
