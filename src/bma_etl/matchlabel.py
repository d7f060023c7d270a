"""Find a form's label at the start of a line, as printed or as PDF and OCR damage it.

Part of the document model (:mod:`bma_etl.document`); belongs to no stage.
Consumes a line of text and a table of label regexes (label as printed → name);
produces the label's name and the offset where its value starts
(:func:`find_label`). A label is matched as printed, then in key form
(:mod:`bma_etl.matchkey`: marks and spaces that OCR loses do not count), then,
where the caller allows it, approximately (RapidFuzz) against the label's
literal words.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from bma_etl.matchkey import MIN_SIMILARITY, key, key_map, key_pattern, literal_of, past_marks


def _with_optionals(pattern: str) -> list[str]:
    r"""``pattern`` with its optional groups' words kept, each group or not (no alternatives).

    >>> [literal_of(p) for p in _with_optionals(r"(?:ชื่อ)?ผู้รับผิดชอบ(?:โครงการ)?")]
    ['ชื่อผู้รับผิดชอบโครงการ', 'ชื่อผู้รับผิดชอบ', 'ผู้รับผิดชอบโครงการ']
    """
    optional = re.compile(r"\(\?:([^()|]*)\)\?")
    groups = list(optional.finditer(pattern))
    out = []
    for keep in itertools.product((True, False), repeat=min(len(groups), 3)):
        if any(keep):
            pieces, at = [], 0
            for group, kept in zip(groups, (*keep, *[False] * len(groups)), strict=False):
                pieces += [pattern[at:group.start()], group.group(1) if kept else ""]
                at = group.end()
            out.append("".join(pieces) + pattern[at:])
    return out


#: What may stand between a label and its value: dots, spaces, and a separator
#: (``:``; OCR reads it ``;``, ``+`` or ``i``, or as a Thai mark standing alone between
#: two gaps, ``หน่วยงานที่รับผิดชอบ.\t๊\tสำนัก…``: no word is a mark alone).
_SEPARATOR = re.compile("[\\s.…,'\"\u201c\u201d\u2018\u2019]*"
                        "(?:[:;+=]|\\bi\\b|(?<=\\s)[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e](?=\\s))"
                        "[\\s:]*")


@cache
def _plain_labels(labels: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str]]:
    """The labels as printed, each with the separator after it (the fast first try)."""
    return [(re.compile(f"^[ \t]*(?:{pattern})[\\s.…]*[:;][ \t:]*"), name)
            for pattern, name in labels]


@cache
def _key_labels(labels: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str]]:
    """The labels in key form, anchored at the start (those that have one)."""
    return [(compiled, name) for pattern, name in labels
            if (compiled := key_pattern(f"^(?:{pattern})")) is not None]


def find_label(text: str, labels: dict[str, str], fuzzy: bool = False
               ) -> tuple[str, int] | None:
    r"""``(name, offset where the value starts)`` of the label ``text`` starts with, or None.

    ``labels`` maps label regexes to names, most specific first. The label is
    matched as printed, then in key form (marks and spaces that OCR loses do not
    count), then, with ``fuzzy``, approximately: the words before the line's
    first separator against each label's literal words.

    >>> find_label("ชือผู รับผิดชอบ... ; นาย ก", {"ผู้รับผิดชอบ": "p", "ชื่อผู้รับผิดชอบ": "q"})
    ('q', 21)
    >>> find_label("' ปืงบประ มาณ พ.ศ.  + 2564", {r"ปีงบประมาณ\s*(?:พ\.ศ\.)?": "y"}, fuzzy=True)
    ('y', 22)
    """
    items = tuple(labels.items())
    for plain, name in _plain_labels(items):
        found = plain.match(text)
        if found:
            return name, found.end()
    quick = key(text).lstrip(_JUNK_CHARS)
    candidates = [(compiled, name) for compiled, name in _key_labels(items)
                  if compiled.match(quick)]
    folded, offsets = key_map(text) if candidates else ("", [])
    for compiled, name in candidates:
        m = compiled.match(folded.lstrip(_JUNK_CHARS))
        if m is None:
            continue
        skipped = len(folded) - len(folded.lstrip(_JUNK_CHARS))
        end = past_marks(text, offsets[skipped + m.end() - 1] + 1) if m.end() \
            else offsets[skipped]
        sep = _SEPARATOR.match(text, end)
        if sep:
            return name, sep.end()
    if not fuzzy:
        return None
    sep = re.search(r"[:;+=]", text[:80])
    if sep is None:
        return None
    head = key(text[:sep.start()]).strip(_JUNK_CHARS + ".…,")
    best: tuple[float, int, str] | None = None
    from rapidfuzz.fuzz import ratio

    for pattern, name in labels.items():
        literal = key(literal_of(pattern))
        if len(literal) < 5:
            continue
        # the label's words with its optional ones too (``ปีงาประมาณ พ.ศ.``: the head
        # holds ``พ.ศ.``, which the bare words lack; a literal has no dots)
        fulls = {key(literal_of(p)) for p in _with_optionals(pattern)} - {literal}
        tries = [(literal, head)] + [(full, head.replace(".", "")) for full in sorted(fulls)]
        for words, against in tries:
            score = ratio(words, against[:len(words) + 2])
            if score >= MIN_SIMILARITY and (best is None or (score, len(literal)) > best[:2]):
                best = (score, len(literal), name)
    if best is None:
        return None
    after = re.compile(r"[:;+=][\s:]*").match(text, sep.start())
    return best[2], after.end() if after else sep.end()


_JUNK_CHARS = "'\"\u201c\u201d\u2018\u2019.,-_|!*\u00a9\u00ae "
