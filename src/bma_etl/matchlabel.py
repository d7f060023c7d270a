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


#: The signs a dotted tab leader (``ไข่ปลา``) is printed with: full stops, an ellipsis,
#: middle dots, one- and two-dot leaders, the midline ellipsis, low lines.
LEADER_SIGNS = ".\u2026\u00b7\u2024\u2025\u22ef_"
#: A leader standing alone between a label and its value (no ``:``): five signs or more,
#: maybe spaced (``ชื่อโครงการ............โครงการ…``, ``ชื่อโครงการ . . . . . โครงการ…``);
#: fewer are the label's own (``รหัสโครงการ...``, then its ``:`` maybe read as a letter).
LEADER = f"[{LEADER_SIGNS}](?:[ \\t]?[{LEADER_SIGNS}]){{4,}}"
#: A leader after a label's separator, up to the value: two signs or more (a short tab
#: leaves two, ``ประเด็นยุทธศาสตร์ย่อย :..๒.๒ - …``), or an ellipsis. A value never opens
#: with them; one full stop may (``.5``) and is kept. A pattern, for label tables'
#: own regexes too (:func:`past_leader` skips it).
LEADER_AFTER = f"[ \\t]*(?:[{LEADER_SIGNS}](?:[ \\t]?[{LEADER_SIGNS}])+|[\u2026\u22ef])[ \\t:]*"
_LEADER_AFTER = re.compile(LEADER_AFTER)


def past_leader(text: str, at: int) -> int:
    """``at``, or past the dotted leader (and spaces) that starts there in ``text``.

    A Word form fills the room between a label and its value with a tab leader
    (``ชื่อผู้รับผิดชอบ :..............นางสาว…``); a PDF's text layer gives its dots
    as text. The leader separates, it is never part of the value; a leader running to
    the line's end is a value left blank (the offset is then the line's end).

    >>> t = "ชื่อ :......2.14 โครงการ"
    >>> t[past_leader(t, 6):]
    '2.14 โครงการ'
    >>> past_leader("ก : .5", 4)
    4
    """
    m = _LEADER_AFTER.match(text, at)
    return m.end() if m else at


#: What a scanned leader's erasing leaves after a label's separator: a dot or a few
#: (or a comma, a quote: how OCR reads a speck), then a gap before the value.
_SPECK = f"[{LEADER_SIGNS},'`]"
_LEADER_REMNANT = re.compile(f"[ \\t]*{_SPECK}(?:[ \\t]?{_SPECK}){{0,3}}[ \\t]+")


def past_leader_remnant(text: str, at: int) -> int:
    """``at``, or past the few dots a scanned leader left there in ``text``, and the gap.

    A scan's leader is erased before OCR (:mod:`bma_etl.read.ocr_leaders`); a dot it
    did not take (one touching the ``:``) reads before the value, a gap after it
    (``ชื่อโครงการ/กิจกรรม :. 2.14 โครงการ…``). A dot then a gap opens no value; a
    value's own point (``.5``) has no gap after it and is kept.

    >>> t = "ชื่อ :. 2.14 โครงการ"
    >>> t[past_leader_remnant(t, 6):]
    '2.14 โครงการ'
    >>> past_leader_remnant("ก : .5", 4)
    4
    """
    m = _LEADER_REMNANT.match(text, at)
    return m.end() if m and m.end() < len(text.rstrip()) else at


#: What may stand between a label and its value: dots, spaces, and a separator
#: (``:``; OCR reads it ``;``, ``+`` or ``i``, or as a Thai mark standing alone between
#: two gaps, ``หน่วยงานที่รับผิดชอบ.\t๊\tสำนัก…``: no word is a mark alone).
_SEPARATOR = re.compile("(?:[\\s.…,'\"\u201c\u201d\u2018\u2019]*"
                        "(?:[:;+=]|\\bi\\b|(?<=\\s)[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e](?=\\s))"
                        f"[\\s:]*|[ \\t]*(?={LEADER}))")


class _Labels:
    """A label table compiled: each label as printed and in key form, and each set as one regex.

    ``plain``: the labels as printed, each with the separator after it (the fast
    first try); ``keyed``: the labels in key form, anchored at the start (those that
    have one). :meth:`joined` gives ``plain`` as one alternation, a group per label
    in the table's order, so its match is the first label's that matches, as trying
    them in turn finds (each alternative is tried whole before the next), and
    ``keyed`` as one alternation, matching where one of them matches; each None
    where the labels cannot be joined (a label's own groups): the labels are then
    tried in turn. They are compiled once the table has been asked
    :data:`JOIN_AFTER` times: compiling costs about what a hundred lines save, so a
    process that reads one form does not pay for them.
    """

    __slots__ = ("_joined", "calls", "keyed", "labels", "plain")

    def __init__(self, labels: tuple[tuple[str, str], ...]) -> None:
        self.labels = labels
        self.plain = [(re.compile(f"^{_PLAIN.format(pattern)}"), name)
                      for pattern, name in labels]
        self.keyed = [(compiled, name) for pattern, name in labels
                      if (compiled := key_pattern(f"^(?:{pattern})")) is not None]
        self.calls = 0
        self._joined: tuple[re.Pattern[str] | None, re.Pattern[str] | None] | None = None

    def joined(self, now: bool = False) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """``(plain, keyed)`` as alternations, or ``(None, None)`` before :data:`JOIN_AFTER` asks.

        ``now``: compile them whatever the count.
        """
        if self._joined is None:
            self.calls += 1
            if self.calls < JOIN_AFTER and not now:
                return None, None
            self._joined = (
                _joined([f"({_PLAIN.format(p)})" for p, _ in self.labels], 0, len(self.labels)),
                _joined([f"(?:{c.pattern})" for c, _ in self.keyed], re.MULTILINE, 0))
        return self._joined


#: Calls of :func:`find_label` with one table after which its labels are matched as
#: one alternation (:meth:`_Labels.joined`).
JOIN_AFTER = 100
#: A label as printed and the separator after it (``{}``: the label's pattern).
_PLAIN = "[ \t]*(?:{})(?:[\\s.…]*[:;][ \t:]*|[ \t]*(?=" + LEADER.replace("{", "{{") \
    .replace("}", "}}") + "))"


def _joined(alternatives: list[str], flags: int, groups: int) -> re.Pattern[str] | None:
    """``^(?:a|b|…)`` compiled, if it compiles with ``groups`` groups; else None."""
    try:
        joined = re.compile(f"^(?:{'|'.join(alternatives)})", flags)
    except re.error:
        return None
    return joined if alternatives and joined.groups == groups else None


@cache
def _compiled(labels: tuple[tuple[str, str], ...]) -> _Labels:
    """The label table ``labels`` compiled (once per table)."""
    return _Labels(labels)


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
    table = _compiled(tuple(labels.items()))
    any_plain, any_key = table.joined()
    if any_plain is not None:
        found = any_plain.match(text)
        if found:  # the group of the first label that matches
            return table.plain[(found.lastindex or 1) - 1][1], past_leader(text, found.end())
    else:
        for plain, name in table.plain:
            found = plain.match(text)
            if found:
                return name, past_leader(text, found.end())
    quick = key(text).lstrip(_JUNK_CHARS)
    candidates = [] if any_key is not None and not any_key.match(quick) else \
        [(compiled, name) for compiled, name in table.keyed if compiled.match(quick)]
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
            return name, past_leader(text, sep.end())
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
    return best[2], past_leader(text, after.end() if after else sep.end())


_JUNK_CHARS = "'\"\u201c\u201d\u2018\u2019.,-_|!*\u00a9\u00ae "
