"""A plain-text e-mail reply quoting the document with ``> `` on every line.

A mail client's reply (RFC 3676 section 4.5) writes the answer, an attribution line
and the message it answers behind quote marks: ``> `` before each line, ``>`` alone on
a blank line, ``>> `` or ``> > `` for a message quoted twice (a reply to a reply).
Read as written, a form or a detail page was quarantined and a tracking page read
with ``> `` in every value. Documents generated from known values (bench/corpus), quoted
as a mail client quotes them; the truth is the values they were generated from.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import pytest

from bma_etl.provenance import LineIndex
from bma_etl.read import read_source

from corpus.build import GENERATORS
from read_back import assert_read_as_generated

ATTRIBUTION = "On Fri, 27 Jun 2025 at 16:40 Somchai <somchai@example.com> wrote:"


def quoted(text: str, marks: str, width: int | None = None) -> str:
    """``text`` behind quote ``marks`` (``"> "``, ``">> "``, ``"> > "``) line by line.

    A blank line gets the marks without their trailing space (``>``). With ``width``
    the client first fills each line to ``width`` columns at spaces, the marks
    counted, as a reply to a plain-text message is wrapped before it is quoted.
    """
    out = []
    for line in text.split("\n"):
        if not line.strip():
            out.append(marks.rstrip())
            continue
        pieces = [line] if width is None else textwrap.wrap(
            line, width=width - len(marks), break_long_words=False, break_on_hyphens=False)
        out += [marks + piece for piece in pieces or [line]]
    return "\n".join(out)


def as_reply(text: str, style: str) -> str:
    """``text`` as a plain-text reply of ``style`` quotes it: answer, attribution, quote."""
    answer = "\u0e23\u0e31\u0e1a\u0e17\u0e23\u0e32\u0e1a\u0e04\u0e23\u0e31\u0e1a\n\n"  # noted
    if style == "once":
        return answer + ATTRIBUTION + "\n" + quoted(text, "> ") + "\n"
    if style == "wrapped":
        return answer + ATTRIBUTION + "\n" + quoted(text, "> ", width=76) + "\n\n-- \nSomchai\n"
    if style == "crlf":
        return (answer + ATTRIBUTION + "\n" + quoted(text, "> ") + "\n").replace("\n", "\r\n")
    # a reply to a reply: the first answer quoted once, the document twice
    marks = ">> " if style == "twice" else "> > "
    return (answer + ATTRIBUTION + "\n> " + answer.strip() + "\n>\n> " + ATTRIBUTION + "\n"
            + quoted(text, marks) + "\n")


@pytest.mark.parametrize("generator",
                         ["legacy_pipe", "legacy_tab", "plan", "web_detail", "web_history"])
@pytest.mark.parametrize("style", ["once", "wrapped", "crlf", "twice", "spaced"])
def test_a_reply_quoting_the_document_reads_as_the_document(generator: str, style: str,
                                                             tmp_path: Path) -> None:
    doc = GENERATORS[generator](random.Random(f"reply-{generator}-{style}"))
    path = tmp_path / "reply.txt"
    path.write_bytes(as_reply(doc.text, style).encode("utf-8"))
    assert_read_as_generated(path, doc.truth)


def test_the_reply_s_lines_are_left_empty_and_every_line_stays_where_it_was(
        tmp_path: Path) -> None:
    doc = GENERATORS["web_history"](random.Random("reply-lines"))
    reply = as_reply(doc.text, "twice")
    path = tmp_path / "reply.txt"
    path.write_text(reply, encoding="utf-8")
    text = read_source(path).text
    assert len(text.split("\n")) == len(reply.split("\n"))
    lines = text.split("\n")
    assert lines[:6] == [""] * 6  # answer, attribution, the first answer quoted once
    index = LineIndex(text)
    for no, line in enumerate(reply.split("\n"), start=1):
        if line.startswith(">> "):
            assert text[index.line_start(no):].startswith(line[3:])


@pytest.mark.parametrize("text", [
    "> \u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35\n\u0e0a\u0e37\u0e48\u0e2d : ก\n\u0e1b\u0e35 : 2567\n",
    "ก\n> ข\n> ค\n> ง\n> จ\n> ฉ\nช\nซ\nฌ\nญ\nฎ\nฏ\n",  # a quoted passage in a longer text
    "\u0e23\u0e32\u0e22\u0e01\u0e32\u0e23 => \u0e01\n",
])
def test_a_text_that_is_no_reply_is_left_as_it_is(text: str) -> None:
    from bma_etl.read.text_replies import unquoted_reply

    assert unquoted_reply(text) is None
