"""Numbers whose digit groups are set apart: ``1 500 000``, with a no-break space too.

Stage: normalize. For :mod:`bma_etl.normalize.digits`, whose parsers find a text's
numbers first and then ask here whether several of them are one number spaced out:
thousands groups set apart by a space (SI style, French and other locales, or OCR
that read the commas as gaps) and a few shapes OCR gives an amount.
"""

from __future__ import annotations

import re

# "1 500 000", "1,354 000": OCR put spaces where the (or some) thousands commas were,
# or a space after or before one ("282, 500", "1 ,686,000").
_SPACED_GROUPS = re.compile(r"[0-9]{1,3}(?:(?: ?, ?| )[0-9]{3})+(?:\.[0-9]+|\. [0-9]{2})?")
# "7 1,000.00": OCR put a space inside the digits before the first comma (71,000.00):
# together they are that group's one to three digits.
_SPLIT_HEAD = re.compile(r"(?P<head>[0-9]{1,2} [0-9]{1,2})(?:,[0-9]{3})+(?:\.[0-9]{2})?")
# "74. 00", "5,049,100. 00": OCR put a space after a decimal point (two decimals, as
# percents and satang are printed).
_SPACED_POINT = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\. [0-9]{2}")
# "12 450 000" with U+00A0, U+202F or U+2009 (SI style, French and other locales); a
# comma after such groups before two digits ends them: the decimal comma.
_GROUP_MARK = re.compile(r"[0-9][ \u00a0\u202f\u2009][0-9]{3}")
_GROUP_SPACE = re.compile(r"(?<=[0-9])[\u00a0\u202f\u2009](?=[0-9]{3}(?![0-9]))")
_GROUPS_COMMA = re.compile(r"(?<![0-9,.])[0-9]{1,3}(?: [0-9]{3})+,[0-9]{2}(?![0-9,.])")


def as_spaced_groups(text: str) -> str:
    """``text`` with no-break, narrow or thin spaces between thousands groups as spaces.

    A decimal comma after groups so set apart (``1 212 450,50``, French style) is
    written as a point; the length is kept, so offsets stay offsets in ``text``.
    """
    if not _GROUP_MARK.search(text):
        return text
    text = _GROUP_SPACE.sub(" ", text)
    return _GROUPS_COMMA.sub(lambda m: m.group()[:-3] + "." + m.group()[-2:], text)


def joined_groups(
    text: str, found: list[tuple[str, int, int]]
) -> tuple[str, int, int] | None:
    """Read ``1 500 000`` (``1,354 000``, ``74. 00``, ``7 1,000.00``) as one number.

    ``found``: all the text's numbers; None when they are no one number so spaced.
    """
    start, end = found[0][1], found[-1][2]
    run = text[start:end]
    if _SPACED_POINT.fullmatch(run) and len(found) == 2:
        return run.replace(" ", "").replace(",", ""), start, end
    split = _SPLIT_HEAD.fullmatch(run)
    if split and len(found) == 2 and len(split["head"]) <= 4:
        return run.replace(" ", "").replace(",", ""), start, end
    if found[0][0].startswith("-") or not _SPACED_GROUPS.fullmatch(run):
        return None
    return run.replace(" ", "").replace(",", ""), start, end
