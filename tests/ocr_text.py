"""Text laid out as a page or OCR gives it: wrapped lines, pages, words and confidences.

Built from known text by the tests of wrapped values, paged documents and OCR'd
lines: Thai cut as a page wraps it, pages of lines with their start offsets, an OCR
page of one line with its word boxes, words with their OCR confidences.
"""

from __future__ import annotations

import re
from typing import Any


def letters_and_spaces(text: str) -> tuple[str, set[int]]:
    """``text`` without white space, and where (before which letter) white space stood."""
    letters: list[str] = []
    at: set[int] = set()
    for ch in " ".join(text.split()):
        if ch == " ":
            at.add(len(letters))
        else:
            letters.append(ch)
    return "".join(letters), at


_THAI_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_NUMBER = re.compile(r"[0-9๐-๙.,]+")


def thai_wrapped(line: str, width: int) -> list[str]:
    """``line`` cut every ``width`` letters, inside a word too, as a page wraps Thai.

    A mark stays with its letter and a number whole; a number is never left alone on
    the last line (that is a page number's look): it goes on the line before.
    """
    out: list[str] = []
    while len(line) > width:
        cut = width
        while cut < len(line) and (_THAI_MARK.match(line[cut]) or _NUMBER.match(line, cut - 1)):
            cut += 1
        out.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    if out and _NUMBER.fullmatch(line.strip()):
        return [*out[:-1], f"{out[-1]} {line}"]
    return [*out, line] if line else out


def paged(pages: list[list[str]]) -> tuple[str, tuple[int, ...]]:
    """Pages of lines as one text (a newline between pages) and each page's start offset."""
    texts = ["\n".join(p) for p in pages]
    starts, at = [], 0
    for t in texts:
        starts.append(at)
        at += len(t) + 1
    return "\n".join(texts), tuple(starts)


def ocr_line(line: str) -> tuple[str, tuple[Any, ...]]:
    """An OCR page of one line: its text and a word at each space (OcrWord).

    Boxes are 25 px a letter with 20 px between words; every word read sure (91).
    """
    from bma_etl.read.ocr_layout import OcrWord

    words: list[OcrWord] = []
    at, left = 0, 100
    for text in line.split(" "):
        words.append(OcrWord(text, 91.0, (left, 100, left + 25 * len(text), 160), at))
        at += len(text) + 1
        left += 25 * len(text) + 20
    return line, tuple(words)


def words_unsure_on_lines(text: str, unsure: set[int], low: float, high: float
                          ) -> tuple[tuple[int, int, float], ...]:
    """``text``'s words ``(start, end, confidence)`` as OCR gives them: read sure (88-96),
    but those of the lines ``unsure`` (0-based) at ``low``-``high``; confidences drawn
    from ``random.Random(len(text))`` in reading order, to two places."""
    import random

    rng = random.Random(len(text))
    out: list[tuple[int, int, float]] = []
    base = 0
    for no, line in enumerate(text.split("\n")):
        for m in re.finditer(r"\S+", line):
            conf = rng.uniform(low, high) if no in unsure else rng.uniform(88, 96)
            out.append((base + m.start(), base + m.end(), round(conf, 2)))
        base += len(line) + 1
    return tuple(out)
