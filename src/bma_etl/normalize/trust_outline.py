"""A project's strategy outline numbers OCR read that disagree: not loaded.

Stage: normalize (after :func:`~bma_etl.normalize.trust.screen`), for documents read
by OCR. A project's strategy lines number one outline: the issue ``ด้านที่ ๑``, its
sub-issue ``๑.๔ - …``, the goal ``๑.๔.๒ …`` and the indicator ``๑.๔.๒.๓ …``, each
number repeating the one above it. Debian's ``tha`` model misreads Thai digits
(``๑`` as ``๐`` or ``อ``; it has no ``๔ ๖ ๗ ๘ ๙`` at all), so a screenshot of the
tracking page stored ``๐.๕ - …`` for ``๑.๔ - …`` and ``ด้านที่ ๐๑`` for ``ด้านที่ ๑``.

The page states each level of the outline more than once; those statements are
compared (:func:`outline_numbers`, :func:`disagreeing`). Where the fields stating a
level read it differently, OCR misread at least one of them and which is not known:
every field stating that level is NULL with an ``ocr_doubtful_value`` quality issue
quoting what OCR read and the numbers that disagree, but for the issue's number
alone disagreeing with two lines below it or more that agree (:func:`_issue_alone`):
the issue's line alone is NULL. One exception is repaired:
a line whose number lost a dot (``๒๓.๑`` under ``ด้านที่ ๒`` and ``๒.๓``), its digits
those of the lines above it (which agree) followed by one part of its own, is
written with the dot put back (``๒.๓.๑``), with an ``ocr_outline_repaired`` warning
quoting what OCR read (:func:`lost_dot`). A field without an outline
number (an indicator printed without one) is not compared. Numbers read the same
way by every field are kept, but for the issue's number the model read as one
other digit in every line (``๔`` as ``๕``), which the issue's name in the 20-year
plan puts back (:mod:`.trust_issue_names`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from bma_etl.document import Finding
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fields import Normalized
from bma_etl.normalize.trust_drops import Dropped, drop_value, forget_provenance, loaded_values

__all__ = ["OUTLINE_FIELDS", "disagreeing", "drop_outline_misreads", "lost_dot",
           "outline_numbers"]

#: The projects' strategy columns, from the top of the outline down.
OUTLINE_FIELDS = ("strategy_issue", "strategy_sub_issue", "strategy_goal",
                  "strategy_indicator")
#: The issue's number after ``ด้านที่``: up to three signs before a space, dash or colon.
_ISSUE = re.compile("^\\s*\u0e14\u0e49\u0e32\u0e19\u0e17\u0e35\u0e48\\s*"
                    "(?P<n>[^\\s\u2013\\-:.]{1,3})(?=[\\s\u2013\\-:]|$)")
#: A dotted outline number opening a line (``๑.๔``, ``๑.๔.๒.๓``): parts of up to three
#: signs (OCR may read a digit as a letter), followed by a space, a dash or the end.
_DOTTED = re.compile("^\\s*(?P<n>[^\\s.\u2013\\-]{1,3}(?:\\.[^\\s.\u2013\\-]{1,3})+)\\.?"
                     "(?=[\\s\u2013\\-]|$)")
_DIGIT = re.compile("[0-9\u0e50-\u0e59]")
#: A number of digits alone opening a line (``๓๑๐ - …``: ``๓.๑๐`` its one dot lost), read
#: as an outline number in the lines that always print one; an indicator may open with
#: a count (``๕ ชุมชน …``) and is not read so.
_BARE = re.compile("^\\s*(?P<n>[0-9\u0e50-\u0e59]{1,6})(?=[\\s\u2013\\-]|$)")
_BARE_NUMBERED = frozenset({"strategy_sub_issue", "strategy_goal"})


def outline_numbers(field: str, value: str) -> tuple[str, ...] | None:
    """The parts of the outline number opening a strategy ``value``, in Arabic digits.

    None when the value opens with no number (a dotted one holding no digit is none).

    >>> outline_numbers("strategy_goal", "๑.๔.๒ ประชาชนมีทางเดินเท้า")
    ('1', '4', '2')
    >>> outline_numbers("strategy_issue", "ด้านที่ ๐๑ – มหานครปลอดภัย")
    ('01',)
    >>> outline_numbers("strategy_indicator", "ร้อยละของทางเดิน") is None
    True
    """
    issue = field == "strategy_issue"  # after ด้านที่ a sign is the number, misread or not
    match = (_ISSUE if issue else _DOTTED).match(value)
    if match is None and field in _BARE_NUMBERED:
        match = _BARE.match(value)
    if match is None or not (issue or _DIGIT.search(match["n"])):
        return None
    return tuple(to_arabic_digits(part) for part in match["n"].split("."))


def disagreeing(numbers: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Of ``{field: outline parts}``, the fields stating a level others read otherwise.

    Each maps to the message's account of the disagreement (``"level 1 read 0, 1"``). A
    part that holds no number (a sign read for a digit: ``ด้านที่ ©``) puts its own field
    in doubt, not the fields that agree without it.

    >>> disagreeing({"strategy_sub_issue": ("1", "4"), "strategy_goal": ("1", "4", "2")})
    {}
    >>> sorted(disagreeing({"strategy_issue": ("01",), "strategy_sub_issue": ("0", "5"),
    ...                     "strategy_goal": ("1", "5", "2")}))
    ['strategy_goal', 'strategy_issue', 'strategy_sub_issue']
    >>> disagreeing({"strategy_issue": ("\u00a9",), "strategy_sub_issue": ("2", "2"),
    ...              "strategy_goal": ("2", "2", "1")})
    {'strategy_issue': "outline level 1 read '\u00a9', no number"}
    """
    out: dict[str, str] = {}
    for level in range(max((len(parts) for parts in numbers.values()), default=0)):
        stated = {field: parts[level] for field, parts in numbers.items() if len(parts) > level}
        for field, part in stated.items():  # no number read (``ด้านที่ ©``): that line alone
            if not part.isdigit():
                out.setdefault(field, f"outline level {level + 1} read {part!r}, no number")
        read = {field: part for field, part in stated.items() if part.isdigit()}
        readings = sorted(set(read.values()))
        if len(readings) > 1:
            for field in read:
                out.setdefault(field, f"outline level {level + 1} read {', '.join(readings)}")
    return out


def lost_dot(numbers: dict[str, tuple[str, ...]], field: str) -> tuple[str, ...] | None:
    """``field``'s outline parts with a dot OCR lost put back, or None when not so.

    The other fields must agree with each other and state the levels above
    ``field``'s own; ``field``'s digits must be theirs followed by one part more.

    >>> lost_dot({"strategy_issue": ("2",), "strategy_sub_issue": ("2", "3"),
    ...           "strategy_goal": ("23", "1")}, "strategy_goal")
    ('2', '3', '1')
    """
    depth = OUTLINE_FIELDS.index(field) + 1
    parts = numbers[field]
    others = {f: p for f, p in numbers.items() if f != field}
    if len(parts) >= depth or not others or disagreeing(others) \
            or not all(p.isdigit() for p in parts):
        return None
    above = max(others.values(), key=len)[:depth - 1]
    if len(above) != depth - 1:
        return None
    head, joined = "".join(above), "".join(parts)
    rest = joined[len(head):]
    if not joined.startswith(head) or not rest or not joined.endswith(parts[-1]) \
            or len(rest) > len(parts[-1]):
        return None
    return (*above, rest)


def _written(value: str, field: str, parts: tuple[str, ...], thai: bool = False) -> str:
    """``value`` with its opening outline number written as ``parts``.

    In its own digits, or in Thai digits when ``thai`` (the other strategy lines print them).
    """
    match = (_ISSUE if field == "strategy_issue" else _DOTTED).match(value) or _BARE.match(value)
    assert match is not None
    number = ".".join(parts)
    if thai or re.search("[\u0e50-\u0e59]", match["n"]):
        number = "".join(chr(0x0E50 + int(c)) if c.isdigit() else c for c in number)
    return value[:match.start("n")] + number + value[match.end("n"):]


def _thai(found: list[tuple[Any, Any, tuple[str, ...]]]) -> bool:
    """Whether any of a project's strategy lines ``found`` prints Thai digits."""
    return any(re.search("[\u0e50-\u0e59]", str(row.values[prov.field])) for prov, row, _ in found)


def _rewrite(normalized: Normalized, prov: Any, row: Any, numbers: dict[str, tuple[str, ...]],
             mended: tuple[str, ...], thai: bool, why: str) -> None:
    """Write ``row``'s strategy line (``prov.field``) with its outline parts ``mended``.

    In place: the value is rewritten by :func:`_written` (in Thai digits when ``thai``),
    ``numbers`` gets the new parts, and an ``ocr_outline_repaired`` warning names the
    line and quotes what OCR read, followed by ``why`` (the repair's account).
    """
    read = row.values[prov.field]
    row.values[prov.field] = _written(read, prov.field, mended, thai)
    numbers[prov.field] = mended
    line = f"line {prov.line_no}: " if prov.line_no else ""
    normalized.findings.append(Finding(
        prov.table_name, prov.row_ordinal, prov.field, "warning", "ocr_outline_repaired",
        f"{line}OCR read {read!r}: {why}"))


def _name_fixes_issue(normalized: Normalized, found: list[tuple[Any, Any, tuple[str, ...]]],
                      numbers: dict[str, tuple[str, ...]]) -> None:
    """Write the issue's number its name fixes in every strategy line (in place).

    :func:`.trust_issue_names.first_part_repaired` says when; each line rewritten
    gets an ``ocr_outline_repaired`` warning, and ``numbers`` its new parts.
    """
    from bma_etl.normalize.trust_issue_names import first_part_repaired

    issue = next((row.values[prov.field] for prov, row, _ in found
                  if prov.field == "strategy_issue"), None)
    want = first_part_repaired(numbers, issue)
    if want is None:
        return
    for prov, row, parts in found:
        if not parts or parts[0] == want:
            continue
        _rewrite(normalized, prov, row, numbers, (want, *parts[1:]), _thai(found),
                 f"the issue's number its name has in the 20-year plan ({want}) put back, "
                 "a Thai digit the OCR model cannot read")


def _sometimes_misread(normalized: Normalized, found: list[tuple[Any, Any, tuple[str, ...]]],
                       numbers: dict[str, tuple[str, ...]]) -> None:
    """Write a lower level's part as two lines or more read it, where others misread it.

    Each other reading must be a digit the model now and then reads for it
    (:data:`.trust_issue_names.SOMETIMES_AS`), the levels above agreeing; in place, an
    ``ocr_outline_repaired`` warning each line rewritten.
    """
    from bma_etl.normalize.trust_issue_names import SOMETIMES_AS

    for level in range(1, max((len(p) for p in numbers.values()), default=0)):
        if disagreeing({f: p[:level] for f, p in numbers.items()}):
            return
        stated = [p[level] for p in numbers.values() if len(p) > level]
        agreed = {r for r in stated if stated.count(r) >= 2}
        if len(agreed) != 1 or len(set(stated)) == 1:
            continue
        want = agreed.pop()
        if not set(stated) - {want} <= SOMETIMES_AS.get(want, frozenset()):
            continue
        for prov, row, _ in found:
            parts = numbers[prov.field]
            if len(parts) <= level or parts[level] == want:
                continue
            _rewrite(normalized, prov, row, numbers, (*parts[:level], want, *parts[level + 1:]),
                     _thai(found), f"outline level {level + 1} written as the other strategy "
                     f"lines read it ({want}), a Thai digit the OCR model misreads")


def _issue_alone(found: list[tuple[Any, Any, tuple[str, ...]]],
                 numbers: dict[str, tuple[str, ...]], doubts: dict[str, str]) -> dict[str, str]:
    """``doubts`` narrowed to the issue's line where its number alone disagrees.

    The lines below the issue, two or more, must agree with each other, and the
    issue's name must be none of the 20-year plan's (a name of the plan fixes the
    number: :func:`.trust_issue_names.first_part_repaired` put it back where the
    lines below agree with it; where they do not, every line is in doubt), nor the
    issue's number one the model reads for theirs every time (:data:`.trust_issue_names.
    MISREAD_AS`: ``๔`` read right over ``๕.๑`` misread).
    """
    from bma_etl.normalize.trust_issue_names import MISREAD_AS, issue_number

    below = {f: p for f, p in numbers.items() if f != "strategy_issue"}
    issue = next((row.values[prov.field] for prov, row, _ in found
                  if prov.field == "strategy_issue"), None)
    if "strategy_issue" not in doubts or len(below) < 2 or disagreeing(below) \
            or issue is None or issue_number(issue) is not None:
        return doubts
    first = {p[0] for p in below.values()}
    if MISREAD_AS.get(numbers["strategy_issue"][0]) in first:
        return doubts
    return {"strategy_issue": doubts["strategy_issue"]}


def drop_outline_misreads(normalized: Normalized,
                          ocr_pages: Collection[int] | None = None) -> None:
    """NULL each project's strategy values whose outline numbers disagree (in place).

    Each value NULLed loses its provenance row and gets an ``ocr_doubtful_value``
    warning naming its line, what OCR read and the readings that disagree.
    ``ocr_pages``: the 1-based pages OCR read, when a document's other pages have a
    text layer (:attr:`~bma_etl.read.SourceDocument.ocr_pages`); a value read from
    one of those is as its writer wrote it, never compared nor rewritten. None: every
    value was OCR'd.
    """
    dropped: Dropped = set()
    by_row: dict[int, list[tuple[Any, Any, tuple[str, ...]]]] = {}
    for prov, row, _ in loaded_values(normalized):
        value = row.values[prov.field]
        if prov.table_name != "projects" or prov.field not in OUTLINE_FIELDS \
                or not isinstance(value, str) \
                or (ocr_pages is not None and prov.page is not None
                    and prov.page not in ocr_pages):
            continue
        parts = outline_numbers(prov.field, value)
        if parts is not None:
            by_row.setdefault(id(row), []).append((prov, row, parts))
    for found in by_row.values():
        numbers = {prov.field: parts for prov, _, parts in found}
        _name_fixes_issue(normalized, found, numbers)
        _sometimes_misread(normalized, found, numbers)
        doubts = _issue_alone(found, numbers, disagreeing(numbers))
        for prov, row, _ in found:
            mended = lost_dot(numbers, prov.field) if prov.field in doubts else None
            if mended is None or disagreeing({**numbers, prov.field: mended}):
                continue
            _rewrite(normalized, prov, row, numbers, mended, False, "the dot its outline "
                     "number lost put back, as the strategy lines above it number it")
            doubts = _issue_alone(found, numbers, disagreeing(numbers))
        for prov, row, _ in found:
            why = doubts.get(prov.field)
            if why is None:
                continue
            drop_value(normalized, prov, row, dropped, "ocr_doubtful_value",
                       f"OCR read {row.values[prov.field]!r}: the page's strategy lines "
                       f"number one outline, and its {why} (Thai digits, which the OCR "
                       "model cannot all read): not loaded")
    forget_provenance(normalized, dropped)
