"""Thai clusters that pdfium's text of a browser-printed PDF reads twice, in a text file.

Stage: repair text (whole document, before :func:`bma_etl.textnorm.repair_text`,
whose ``ห้ า`` → ``ห้ำ`` would hide a copy; :func:`bma_etl.pipeline_file.repair`
calls :func:`without_pasted_copies`). A
browser writes each Thai cluster with a mark as an ``/ActualText`` span; pdfium
reads a span again when a mark's glyph is drawn a hair right of the next letter
(:mod:`bma_etl.read.pdf_spans`, which drops such readings by geometry). Text
copied out of a pdfium viewer (Chrome's, Edge's: Ctrl+A, Ctrl+C) has no geometry
left, only the damage: the cluster ``C`` (a consonant and its marks) read again
after the cluster ``N`` that follows it, often with a space pdfium put after the
copy, and ``N``'s own copy right after when ``N`` is a span too:

- ``ร้อร้ ยละ`` (``ร้`` ``อ`` [``ร้ ``] ``ยละ``) is ``ร้อยละ``; ``ครั้งรั้ที่`` is ``ครั้งที่``;
- ``ไม่มีม่ มี`` (``ม่`` ``มี`` [``ม่ ``] [``มี``]) is ``ไม่มี``; ``พิมพิ พ์ข้พ์ อข้ มูล`` is ``พิมพ์ข้อมูล``;
- a line of copies alone (``ชี้ ขื่``), which pdfium put on a line of its own;
- SARA AM with a space after it (``สำ นัก``, ``ทำ ให้``).

The repair is document-level: a text is taken as such a copy only when it
shows the damage often enough (:data:`MIN_COPIES`) where no Thai word is spelled
(:func:`damaged`): ``ตุ๊กตุ๊ก`` and ``ควบคุมคุณภาพ`` repeat a syllable, as words of
pythainlp's list do, and even a damaged text keeps them (:func:`_spelled`).
Characters are removed, and a line pdfium broke inside a word at a copy joined
again; offsets into the repaired text are taken after this stage. Only text
files come here: a PDF's reader drops the copies by geometry, and no other
reader makes them. A space printed right after a cluster pdfium read twice
(``บางบัว ครั้งที่``) looks like pdfium's own after the copy and is dropped too
(1 of the 36 such spaces in an outside tester's three copies was printed).
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["damaged", "dropped", "split_sara_am", "without_pasted_copies"]

_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
#: A cluster pdfium reads as a span: a consonant and its marks, SARA AM with them.
_SPAN = f"(?>[\u0e01-\u0e2e](?:[{_MARK}]*\u0e33|[{_MARK}]+))"
#: Any Thai cluster: a letter, vowel or sign that stands alone, and its marks.
_CLUSTER = f"(?>[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46\u0e4f\u0e5a\u0e5b][{_MARK}]*\u0e33?)"
#: Span clusters alone on a line (``ชี้ ขื่``), as pdfium lines up copies at times.
_COPIES = f"[ \t]*{_SPAN}(?:[ \t]+{_SPAN}){{0,5}}"
#: ``C N C``: a span, what pdfium read after it, the span again (not begun by a mark).
#: ``N`` is the cluster after ``C`` (``ร้อร้``), a sign (``ศาสตร์-ร์ประเด็น``), or either
#: and a space (``จริง ริ เพื่อ``); two clusters when the copy has pdfium's space after it
#: (``ปรับปรั รุง``). A line break (and a line of copies) may part ``C`` and ``N``
#: where pdfium made lines of the copies' heights: ``ตัวชี้วั`` / ``ชี้`` / ``ดวั``.
_COPY = re.compile(
    f"(?P<c>{_SPAN})(?P<gap>(?:[ \t\r]*\n(?:{_COPIES}[ \t\r]*\n)?\\s*)?)"
    f"(?P<n>{_CLUSTER}(?:{_CLUSTER}(?=(?P=c) [\u0e01-\u0e2e\u0e30-\u0e46]))?"
    f"|[^\\s\\w\u0e00-\u0e7f])(?P<sp> ?)(?P=c)(?![{_MARK}\u0e33])")
_SPAN_ONLY = re.compile(f"{_SPAN}")
_CLUSTER_ONLY = re.compile(_CLUSTER)
#: ``N`` ending a word inside: a space after its copy is pdfium's (not after ``ฯ``, ``ๆ``).
_LETTER_END = re.compile("[\u0e01-\u0e2e\u0e30-\u0e45\u0e47-\u0e4e]$")
_THAI_NEXT = re.compile("[\u0e01-\u0e2e\u0e30-\u0e46]")
_COPIES_LINE = re.compile(f"{_COPIES}[ \t\r]*")
#: SARA AM, a space, a Thai letter: ``สำ นัก``.
_AM_SPACE = re.compile("\u0e33 (?=[\u0e01-\u0e2e\u0e40-\u0e44])")
_AM_NEXT = re.compile("\u0e33(?=[\u0e01-\u0e2e\u0e40-\u0e44])")

#: Copies in clusters no Thai word has that make a text a pdfium viewer's copy.
MIN_COPIES = 3
#: ... of at least this many different clusters (a name's one repeat is no damage).
MIN_KINDS = 2
#: SARA AM splits that, with :data:`AM_SHARE`, say a text splits every SARA AM.
MIN_AM_SPLITS = 3
#: Share of SARA AM before a Thai letter that has a space between them.
AM_SHARE = 0.8


#: Letters of the text read on either side of a copy to judge it (:func:`_spelled`).
_REACH = 24
_RUN_START = re.compile("[\u0e01-\u0e4e]*$")
_RUN_END = re.compile(" ?[\u0e01-\u0e4e]*")


def _spelled(text: str, m: re.Match[str]) -> bool:
    """Whether the copy ``m`` found may be ``text``'s own letters, not pdfium's.

    So it is when the Thai around it reads as likelier words with it than without
    it (:func:`~bma_etl.read.ocr_words.reading_cost`: ``ควบคุมคุณภาพ``,
    ``ตุ๊กตุ๊ก``, ``ซ้ำซ้อน``, ``รุ่น รุ่นละ``), and neither ``C`` nor ``N`` is read next
    (``ชี้วัชี้วัด``: ``วั`` again, a copy though ``ชี้วัด`` reads as a word).
    """
    copy, follow = m.group("c"), m.group("n")
    if m.group("gap"):
        return False
    at, end = m.end("sp"), m.end()
    after = end + 1 if text.startswith(" ", end) else end
    if text.startswith(copy, after) or (text.startswith(follow, after)
                                         and _SPAN_ONLY.fullmatch(follow) is not None):
        return False
    from bma_etl.read.ocr_words import reading_cost

    before = _RUN_START.search(text, max(0, m.start() - _REACH), m.start())
    head = text[before.start() if before else m.start():at]
    # what follows with its own copies dropped (the text before is dropped already)
    ahead = dropped(text[m.start("n"):m.start("n") + 3 * _REACH], judge=False)
    if not ahead.startswith(text[m.start("n"):end]):
        return False
    tail = _RUN_END.match(ahead, end - m.start("n"))
    rest = tail.group() if tail else ""
    kept = reading_cost(head + copy + rest)
    return kept < reading_cost(head + (rest[1:] if rest.startswith(" ") else rest))


def dropped(text: str, judge: bool = True) -> str:
    """``text`` without the runs that read a span's cluster again.

    A run is the copy ``C`` after ``C N``, a space after it, and ``N`` again
    when ``N`` is a span itself (its own copy, read next). The scan goes on at
    ``N`` with the run gone: ``N``'s copy may follow the next cluster
    (``ผู้รัผู้ บรั``: ``ผู้`` ``รั`` [``ผู้ ``] ``บ`` [``รั ``]). A word spelled over
    a copy keeps it (:func:`_spelled`) unless not ``judge``.

    >>> dropped("ร้อร้ ยละ ไม่มีม่ มี ให้ผู้ห้ รัผู้ บรั จ้าจ้ง ควบคุมคุณภาพ ควบคุมคุ คุณ")
    'ร้อยละ ไม่มี ให้ผู้รับจ้าง ควบคุมคุณภาพ ควบคุมคุณ'
    """
    at = 0
    while (m := _COPY.search(text, at)) is not None:
        if judge and _spelled(text, m):
            at = m.start("n")
            continue
        start, end = m.end("sp"), m.end()
        if text.startswith(" ", end) and (m.group("sp") or (
                _THAI_NEXT.match(text, end + 1) and _LETTER_END.search(m.group("n")))):
            end += 1  # pdfium's space; one before a sign or digit, or after ฯ, was printed
        follow = m.group("n")
        again = _SPAN_ONLY.match(text, end)
        if again is not None and again.group(0) == follow:
            end += len(follow)
        text = text[:start] + text[end:]
        at = m.start("n")
        if m.group("gap"):  # the line pdfium broke in a word, made whole again
            text = text[:m.end("c")] + text[at:]
            at = m.end("c")
    return text


def damaged(text: str) -> bool:
    """Whether ``text`` shows pdfium's span copies often enough to repair them.

    Counts the copies (:func:`dropped`) no word of the Thai word list spells
    (:func:`_spelled`): at least :data:`MIN_COPIES`, of :data:`MIN_KINDS` clusters.

    >>> damaged("ตุ๊กตุ๊ก ตุ๊กตุ๊ก ควบคุมคุณภาพ การกักกันโรค ซ้ำซ้อน 3 รุ่น รุ่นละ 50 คน")
    False
    """
    found = list(_COPY.finditer(text))
    if len(found) < MIN_COPIES or len({m.group("c") for m in found}) < MIN_KINDS:
        return False  # too few to tell: the word list is not loaded for them
    kinds: set[str] = set()
    count = 0
    for m in found:
        if not _spelled(text, m):
            count += 1
            kinds.add(m.group("c"))
    return count >= MIN_COPIES and len(kinds) >= MIN_KINDS


def split_sara_am(text: str, least: int = MIN_AM_SPLITS) -> bool:
    """Whether ``text`` puts a space after nearly every SARA AM before a Thai letter.

    ``least``: how many such spaces it takes (one in a text :func:`damaged` shows is
    a pdfium copy, which splits them all).

    >>> split_sara_am("สำ นัก ทำ ให้ จำ เป็น ดำ เนิน"), split_sara_am("สำนัก ทำ ให้")
    (True, False)
    """
    split = len(_AM_SPACE.findall(text))
    return split >= least and split >= AM_SHARE * (split + len(_AM_NEXT.findall(text)))


def _lines_of_copies(lines: list[str]) -> list[str]:
    """``lines`` with each line of span clusters alone (``ชี้ ขื่``) emptied.

    So is a line whose clusters the lines beside it spell, one of them no word
    of the Thai word list: a table head's ``ที่`` wrapped alone stays. A line of
    copies inside a word pdfium broke is joined over (:data:`_COPY`).
    """
    out = list(lines)
    for i, line in enumerate(lines):
        if not line.strip() or not _COPIES_LINE.fullmatch(line):
            continue
        near = "".join(lines[max(0, i - 2):i] + lines[i + 1:i + 3])
        pieces = line.split()
        if all(piece in near for piece in pieces) \
                and any(piece not in _words() for piece in pieces):
            out[i] = ""
    return out


@cache
def _words() -> frozenset[str]:
    """The Thai word list of pythainlp (62k words; loaded once per process)."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def without_pasted_copies(pages: list[str]) -> list[str]:
    """``pages`` (one document's repaired text, page by page) with pdfium's copies dropped.

    Unchanged unless the whole document shows the damage (:func:`damaged`,
    :func:`split_sara_am`).

    >>> without_pasted_copies(["ความคืบหน้าน้โครงการ ร้อร้ ยละ 70 ทำ ให้",
    ...                        "ครั้งรั้ที่1 สำ นักนั งาน จำ เป็น"])
    ['ความคืบหน้าโครงการ ร้อยละ 70 ทำให้', 'ครั้งที่1 สำนักงาน จำเป็น']
    >>> without_pasted_copies(["ตุ๊กตุ๊ก ริมริมคลอง"])
    ['ตุ๊กตุ๊ก ริมริมคลอง']
    """
    whole = "\n".join(pages)
    has_copies = damaged(whole)
    has_am = split_sara_am(whole, 1 if has_copies else MIN_AM_SPLITS)
    if not (has_copies or has_am):
        return pages
    out = []
    for page in pages:
        if has_copies:
            page = "\n".join(_lines_of_copies(page.split("\n")))
            page = dropped(page)
        if has_am:
            page = _AM_SPACE.sub("\u0e33", page)
        out.append(page)
    return out
