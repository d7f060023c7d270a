"""Values a page wrapped over lines the document model did not join (not a layout).

Stage: extract. A reader joins a wrapped line to the next only when it saw the
wrap (:mod:`bma_etl.rows`); a Thai line that ends short of the margin before a
long word, or a justified line whose gaps the reader took for cells, stays a line
of its own. What belongs to a value is then known only to the layout: the lines
after a labelled value up to the next label or blank line, the lines of a
numbered item up to the next number, the text after a section heading printed on
the heading's own line. The functions here take :class:`~bma_etl.document.Line` s
(physical or already joined) and give ``Line`` s (joined by :func:`join`, so every
piece keeps its offsets and a value read from them keeps its span).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from itertools import pairwise

from bma_etl.document import Line, Raw, RepairedText, joined_line
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.rows import separator

#: A line shaped like ``label : value`` (a label of its own, even one not recognised);
#: not a time's colon between two digits (``2025-10-01 00:00:00``, a value on its own line).
_LABEL_SHAPE = re.compile(r"^[^:=|\t]{1,60}?[.…\s]*(?:(?<![0-9๐-๙]):|:(?![0-9๐-๙]))(?!/)")
#: A list item: its number, then its text.
_ITEM_RE = re.compile(r"^\s*(?P<no>[0-9๐-๙]{1,2})\s*[.)]\s*(?P<body>\S.*?)\s*$")
#: After OCR: an item's number read as one sign or Latin letter (``i\tเพื่อ…``, ``% เพื่อ…``
#: for ``1.`` and ``2.``), apart from the Thai text it opens; never a digit, which a
#: wrapped line may open with (``20 ปี``).
_OCR_ITEM_RE = re.compile(
    r"^\s*(?P<no>[^\s\u0e01-\u0e4e0-9๐-๙(\[\-–•*][.,]?)[ \t]+(?P<body>[\u0e01-\u0e4e].*?)\s*$")
#: After OCR: an item's number read as another digit with its dot lost or read as a
#: sign (``5 เพื่อ…``, ``3!⇥เพื่อ…`` for ``3. เพื่อ…``): an item only when its text opens
#: as every item above does.
_OCR_DIGIT_ITEM_RE = re.compile(
    r"^\s*(?P<no>[0-9๐-๙])[!:;,'|]?[ \t]+(?P<body>[\u0e01-\u0e4e].*?)\s*$")
#: After OCR: the first item's ``1.`` its dot read as a sign (``1: เพื่อ…``), the list's
#: first line.
_OCR_FIRST_ITEM_RE = re.compile(r"^\s*(?P<no>[1๑])[!:;,'|][ \t]+(?P<body>[\u0e01-\u0e4e].*?)\s*$")
#: After OCR: an item's number read as up to three digits, letters or signs, the wide gap
#: before its text read as a tab (``8⇥เพื่อ…``, ``Pe⇥เพื่อ…``, ``3,⇥เพื่อ…``): an item when
#: its text opens as every item above does (the list's first line: always).
_OCR_GAP_ITEM_RE = re.compile(
    r"^\s*(?P<no>[^\s\u0e01-\u0e4e]{1,3})\t[ \t]*(?P<body>[\u0e01-\u0e4e].*?)\s*$")
#: The least opening items share for a digit without its dot to open one (``เพื่อ``).
_OPENING_MIN = 4
#: A blank line between two lines of the document.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: A list number standing alone on its line (``4.``): its item's text is on the next.
_NUMBER_ALONE = re.compile(r"^\s*[0-9๐-๙]{1,2}\s*[.)]\s*$")


def label_values(lines: list[Line], is_label: Callable[[Line], bool],
                 stops: Callable[[Line], bool] = lambda _line: False,
                 wrapped: Collection[int] = ()) -> list[Line]:
    """``lines`` with each labelled line joined to the lines that continue its value.

    A line continues the value above it when it follows it with no blank line
    between, is no label (``is_label``), has no ``label :`` shape of its own and
    is not a line ``stops`` names (a heading, a table row). Lines before the
    first label and blank lines are kept as they are. ``wrapped``: numbers of the
    lines the reader saw wrap (:attr:`~bma_etl.document.RepairedText.wraps`); the
    line after one continues the value even with a ``:`` of its own (``ด้านที่ ๒ –
    มหานครสีเขียว สะดวก`` / ``สบาย : Green City``: a value set after a far tab stop).

    >>> rows = label_values([Line(1, 0, "ชื่อ : โครงการก"), Line(2, 20, "ในเขตบางรัก"),
    ...                      Line(3, 40, ""), Line(4, 41, "รหัส : 1")],
    ...                     lambda ln: ":" in ln.text)
    >>> [r.text for r in rows]
    ['ชื่อ : โครงการกในเขตบางรัก', '', 'รหัส : 1']
    """
    out: list[Line] = []
    run: list[Line] = []

    def close() -> None:
        if run:
            out.append(join(run))
            run.clear()

    for line in lines:
        if not line.text.strip():
            close()
            out.append(line)
        elif is_label(line):
            close()
            run.append(line)
        elif run and (not _LABEL_SHAPE.match(line.text) or (
                line.no - 1 in wrapped and run[-1].no < line.no)) and not stops(line):
            run.append(line)
        else:
            close()
            out.append(line)
    close()
    return out



#: What a strategy issue's English name looks like after its ``:`` (``Green City``,
#: ``Green & Convenient City``): Latin words alone.
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z&'.,\- ]*$")


def unlabelled_wraps(lines: list[Line], is_label: Callable[[Line], bool]) -> frozenset[int]:
    """Numbers of the ``lines`` whose next line goes on with their value, for :func:`label_values`.

    After OCR no wrap is measured (:attr:`~bma_etl.document.RepairedText.wraps` holds
    none): in a form's strategy lines, a value holding a ``:`` of its own (the issue's
    Thai name, then its English one) set after a far tab stop wraps before that ``:``
    (``ด้านที่ ๒ – มหานครสีเขียว สะดวก`` / ``สบาย : Green City``), as a text layer's
    measured wrap joins. A line is read so when it is shaped ``label :``, is no label
    (``is_label``), has Latin words alone after its ``:``, and stands right under a
    line of text whose value holds no ``:`` yet. Another ``label : value`` line a form
    prints there (``แผนงาน : …``, ``รหัสแผน : BMA-01``) is no wrap.

    >>> lines = [Line(1, 0, "ก : ข ค"), Line(2, 8, "ง : Green"), Line(3, 18, "ก : จ"),
    ...          Line(4, 24, "ฉ : ช ซ")]
    >>> sorted(unlabelled_wraps(lines, lambda ln: ln.text.startswith("ก ")))
    [1]
    """
    out = set()
    for above, line in pairwise(lines):
        shape = _LABEL_SHAPE.match(line.text)
        if not above.text.strip() or shape is None or is_label(line) \
                or not _LATIN_NAME.match(line.text[shape.end():].strip()):
            continue
        held = _LABEL_SHAPE.match(above.text)
        if ":" not in above.text[held.end() if held else 0:]:
            out.add(above.no)
    return frozenset(out)


def join(lines: list[Line], sep: str | None = None) -> Line:
    r"""``lines`` (each possibly joined already) as one line, each stripped.

    ``sep`` goes between two lines, or :func:`bma_etl.rows.separator` (nothing
    inside a Thai word a wrap cut) when ``sep`` is None: a value of one line (a
    label's) wrapped where the reader did not see it takes the separator; the
    lines of a list item may be broken on purpose (``"\n"``).

    >>> line = join([Line(1, 0, " ภาคเอก"), Line(2, 8, "ชน และ ")])
    >>> line.text, line.at(6), line.end
    ('ภาคเอกชน และ', 8, 14)
    """
    out: Line | None = None
    for line in lines:
        body = line.text.strip()
        if not body:
            continue
        lead = len(line.text) - len(line.text.lstrip())
        part = (line, lead, lead + len(body))
        if out is None:
            out = joined_line([part])
        else:
            between = separator(out.text, body) if sep is None else sep
            out = joined_line([(out, 0, len(out.text)), part], between)
    return out if out is not None else lines[0]


def rest_of(line: Line, at: int) -> Line | None:
    """``line.text[at:]`` as a line of its own (offsets kept), or None when blank."""
    if not line.text[at:].strip():
        return None
    return joined_line([(line, at, len(line.text))])


#: The next list number inside an item's text, after white space (``… ผู้สูงอายุ 2. เพื่อ…``).
_INLINE_NO = re.compile(r"(?<=\s)(?P<no>[0-9๐-๙]{1,2})\s*[.)]\s*(?=\S{3})")


def inline_items(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each numbered item ``text`` holds, numbers counting on.

    A cell of the page held two items on two lines (a newline in a table cell, which
    the page shows as a space): ``1.เพื่อ… 2. เพื่อ…``. ``text`` opening with the
    number n is cut before ``n+1.``, then ``n+2.``…, each after white space; any other
    number stays in the item's text. One item: ``[(0, len(text))]``.

    >>> t = "1.เพื่อส่งเสริมสุขภาพ 2. เพื่อสร้างเครือข่าย 5 คน"
    >>> [t[a:b] for a, b in inline_items(t)]
    ['1.เพื่อส่งเสริมสุขภาพ ', '2. เพื่อสร้างเครือข่าย 5 คน']
    >>> len(inline_items("เพื่อลด 2. ข้อ")), len(inline_items("1.เพื่อลด 3. ข้อ"))
    (1, 1)
    """
    first = _ITEM_RE.match(text)
    cuts = [0]
    if first is not None:
        want = int(to_arabic_digits(first["no"])) + 1
        for m in _INLINE_NO.finditer(text, first.start("body")):
            if int(to_arabic_digits(m["no"])) == want:
                cuts.append(m.start())
                want += 1
    return list(zip(cuts, [*cuts[1:], len(text)], strict=True))


def number_alone(text: str) -> bool:
    """Whether ``text`` is a list number with nothing after it (``4.``, ``๒)``)."""
    return bool(_NUMBER_ALONE.match(text))


def _blank_above(doc: RepairedText, lines: list[Line], k: int) -> bool:
    """Whether a blank line stands in the document between ``lines[k - 1]`` and ``lines[k]``."""
    return k > 0 and bool(_BLANK_LINE.search(doc.text, lines[k - 1].end, lines[k].start))


def _digit_item(text: str, items: list[list[Line]], item_re: re.Pattern[str] = _OCR_DIGIT_ITEM_RE,
                least: int = 2) -> re.Match[str] | None:
    """``item_re`` on ``text`` if the items above open as its text does.

    ``least`` items or more (two for :data:`_OCR_DIGIT_ITEM_RE`), all opening with
    its text's first :data:`_OPENING_MIN` characters or more (``เพื่อ``); else None.
    """
    m = item_re.match(text)
    if m is None or len(items) < least:
        return None
    return m if _opens_alike(m["body"], items) else None


def _opens_alike(body: str, items: list[list[Line]]) -> bool:
    """Whether ``body`` and every item's text share their first characters (``เพื่อ``).

    :data:`_OPENING_MIN` characters or more.
    """
    firsts = [item[0].text.strip() for item in items] + [body.strip()]
    shared = 0
    while shared < min(map(len, firsts)) and len({f[shared] for f in firsts}) == 1:
        shared += 1
    return shared >= _OPENING_MIN


def numbered_items(doc: RepairedText, lines: list[Line],
                   misread: Collection[Line] = ()) -> list[Raw]:
    """``1. เพื่อ...`` items of ``lines`` (no blank ones), each one value without its number.

    After OCR (``doc.ocr_used``) a number misread as a sign or letter apart from the
    item's Thai text still opens it (:data:`_OCR_ITEM_RE`), and so does a digit whose
    dot was lost or read as a sign where the items above open alike
    (:data:`_OCR_DIGIT_ITEM_RE`; one item above is enough when a blank line parts the
    two, as the form parts its items: ``9 เพื่อ…`` for ``2. เพื่อ…``), or the list's
    first line opens ``1:``.

    A line without a number continues the item above, joined with a line break
    (as the golden files keep an item's lines); a number alone on its line (``4.``)
    opens an item whose text is on the next. Text before the first number is an
    item of its own. A line of ``misread`` (a number alone OCR read as specks) is no
    text: it opens an item when its next line's text opens as every item above does
    (``เพื่อ``), or no item is open yet.
    """
    items: list[list[Line]] = []
    opened = False  # a number alone opened the next item
    for k, line in enumerate(lines):
        if line in misread:
            after = lines[k + 1].text if k + 1 < len(lines) else ""
            opened = opened or (bool(after.strip()) and (not items or _opens_alike(after, items)))
            continue
        m = _ITEM_RE.match(line.text) or (
            _OCR_ITEM_RE.match(line.text)
            or _digit_item(line.text, items, least=1 if _blank_above(doc, lines, k) else 2)
            or _digit_item(line.text, items, _OCR_GAP_ITEM_RE, 0)
            or (None if items else _OCR_FIRST_ITEM_RE.match(line.text))
            if doc.ocr_used else None)
        if number_alone(line.text):
            opened = True
        elif m or not items or opened:
            items.append([rest_of(line, m.start("body")) or line if m else line])
            opened = False
        else:
            items[-1].append(line)
    raws = [doc.raw_in(joined, 0, len(joined.text))
            for joined in (join(item, "\n") for item in items)]
    return [r for r in raws if r is not None]
