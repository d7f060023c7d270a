"""A plain-text e-mail reply that quotes the document with ``> `` on every line.

Stage: read. A mail client's plain-text reply (Gmail, Thunderbird, Outlook; RFC 3676
section 4.5) writes the message it answers under an attribution line
(``On Fri, 27 Jun 2025 at 16:40 … wrote:``), each line behind a quote mark: ``> ``,
``>`` alone on a quoted blank line, ``>> `` or ``> > `` for a message quoted twice.
Read as written, no label matched (each line starts with ``>``): the file was
quarantined, or read with the ``> `` kept in every value and the narratives shifted.

:func:`unquoted_reply` gives the quoted message as the document: each quoted line
with its quote marks (and the one space after them) taken off, the reply's own
lines (the answer above, the attribution, a signature below) left empty. No line
is added or taken away, so a value's line number (:class:`bma_etl.provenance.Span`)
is the line it stands on in the file.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["unquoted_reply"]

#: A line's quote marks: ``>`` repeated (a space may stand between two), then one space.
_MARKS = re.compile(r"(?: ?>)+ ?")
#: Quoted lines with text a reply must hold: a message, not one quoted remark.
MIN_QUOTED = 5
#: Share of the lines with text (quote marks aside) that must be quoted.
MIN_SHARE = 0.5


def _depth(line: str) -> tuple[int, int]:
    """``(depth, width)``: how many quote marks ``line`` opens with, and their characters."""
    m = _MARKS.match(line)
    if m is None or ">" not in m.group():
        return 0, 0
    return m.group().count(">"), m.end()


def unquoted_reply(text: str) -> str | None:
    r"""The message ``text`` quotes, line for line, or None when it is no such reply.

    The message is the lines quoted at the depth most lines with text stand at
    (a reply to a reply quotes the document twice, the first answer once) and
    deeper; every other line is left empty.

    >>> reply = "OK\n\nOn Mon, A wrote:\n" + "".join(f"> line {k}\n" for k in range(5))
    >>> unquoted_reply(reply + ">\n> end\n")
    '\n\n\nline 0\nline 1\nline 2\nline 3\nline 4\n\nend\n'
    >>> unquoted_reply("a\n> b\nc\n") is None
    True
    """
    if ">" not in text:
        return None
    lines = text.split("\n")
    depths = [_depth(line) for line in lines]
    said = [(depth, line[width:].strip()) for (depth, width), line
            in zip(depths, lines, strict=True) if line[width:].strip()]
    quoted = Counter(depth for depth, _ in said if depth)
    if sum(quoted.values()) < max(MIN_QUOTED, MIN_SHARE * len(said)):
        return None
    level = max(quoted, key=lambda depth: (quoted[depth], depth))
    return "\n".join(line[width:] if depth >= level else ""
                     for (depth, width), line in zip(depths, lines, strict=True))
