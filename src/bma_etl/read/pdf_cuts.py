"""Where a line of a table's cell was cut: inside a word, inside an amount, at a column.

Stage: read. Pure helpers on the text and positions of
:class:`~.pdf_layout.TextLine` (x in points) for :mod:`.pdf_borderless` and
:mod:`.pdf_columns`: a word processor wraps a narrow cell's text anywhere, in
the middle of a Thai word (``รายงา`` / ``นครั้ง``) or of an amount (``๗`` /
``,๓๖๘,๓๐๐.๐`` / ``๐ บาท``), and sets a row whose gaps are too narrow for tabs
as one cell. Cutting a line where the next table starts, and a table's columns,
are in :mod:`.pdf_cutrows`.
"""

from __future__ import annotations

import re

from bma_etl.read.pdf_layout import TextLine
from bma_etl.read.pdf_line import replaced
from bma_etl.read.pdf_tabstops import ON_GRID, on_tab_grid

_THAI_LETTER = re.compile("[\u0e01-\u0e2e\u0e30-\u0e4e]")
_THAI_TAIL = re.compile("[\u0e01-\u0e2e\u0e30-\u0e4e]+$")
_THAI_HEAD = re.compile("[\u0e01-\u0e2e\u0e30-\u0e4e]+")


def thai_ends(left: str, right: str) -> bool:
    """Whether ``left`` ends and ``right`` starts with a Thai letter."""
    left, right = left.rstrip(), right.lstrip()
    return bool(left and right and _THAI_LETTER.match(left[-1]) and _THAI_LETTER.match(right[0]))


_DIGITS_END = re.compile("[0-9\u0e50-\u0e59]{1,3}$")
#: A row's number alone in its cell (Arabic or Thai digits).
_NUMBER_ALONE = re.compile("[0-9]{1,3}|[\u0e50-\u0e59]{1,3}")
_ARABIC = frozenset("0123456789")


def label_again(cell: str, text: str) -> bool:
    """Whether ``text`` (a next page's first cell) opens the numbered label ``cell`` holds whole.

    ``cell`` (a row's first cell at a page's foot) is letters and the number that
    ends them (``รายงานครั้งที่๗``); ``text`` starts with the same letters
    (``รายงาน``, ``รายงานครั้งที่๘``) and no digit: the next row's label, not
    the rest of a label that already ended in its number. Spaces do not count. A
    ``cell`` that is a row's number alone (``๕``) is whole too: words under it
    (``รวมงบประมาณทั้งสิ้น``, the table's total row on the next page) open a row,
    and so does the number next to it alone, written alike (``3`` / ``2``: a
    scoring table's levels count down, a list's numbers up).

    >>> [label_again(a, b) for a, b in [("รายงานครั้งที่๗", "รายงาน"),
    ...     ("รายงาน ครั้งที่ 7", "รายงานครั้งที่ 8"), ("รายงาน", "ครั้งที่๘"),
    ...     ("ครั้งที่๗", "๘"), ("รายงานครั้งที่๗", "ผลการดำเนินงาน"), ("๕", "รวมทั้งสิ้น")]]
    [True, True, False, False, False, True]
    >>> [label_again(a, b) for a, b in [("3", "2"), ("๓", "๔"), ("3", "5"), ("3", "๒")]]
    [True, True, False, False]
    """
    label, head = "".join(cell.split()), "".join(text.split())
    if _NUMBER_ALONE.fullmatch(label) and _NUMBER_ALONE.fullmatch(head) \
            and (label[0] in _ARABIC) == (head[0] in _ARABIC):
        return abs(int(label) - int(head)) == 1
    number = _DIGITS_END.search(label)
    if number is None or len(head) < 2 or head[0].isdigit():
        return False
    if number.start() == 0:  # a row's number alone
        return True
    letters = label[:number.start()]
    head = head[:len(letters)]
    return len(head) >= 2 and letters.startswith(head)


def cut_inside_word(left: str, right: str) -> bool:
    """Whether ``left`` + ``right`` (a cell's text cut at a line's end) was cut in a word.

    A Thai word: Thai letters on both sides, and no word boundary there (pythainlp's
    dictionary segmentation of the joined runs of Thai letters either side: a mark
    after them, ``มน.``, would bend the segmentation across the cut).

    >>> cut_inside_word("รายงา", "นครั้ง"), cut_inside_word("รายงานครั้ง", "ที่1")
    (True, False)
    >>> cut_inside_word("มาตรการ", "มน. การส่งเสริม")
    False
    """
    cut = _over_cut(left, right)
    return cut is not None and bool(cut[1])


def _over_cut(left: str, right: str) -> tuple[str, str] | None:
    """The Thai run that ends ``left`` and the word segmentation puts over the cut.

    None when either side has no Thai letter at the cut; the word is ``""`` when the
    segmentation of the joined runs (12 letters a side at most) has a boundary there.
    """
    left, right = left.rstrip(), right.lstrip()
    if not thai_ends(left, right):
        return None
    from pythainlp.tokenize import word_tokenize

    ends, starts = _THAI_TAIL.search(left[-12:]), _THAI_HEAD.match(right[:12])
    tail, head = ends.group() if ends else "", starts.group() if starts else ""
    at = 0
    for word in word_tokenize(tail + head, engine="newmm", keep_whitespace=True):
        at += len(word)
        if at >= len(tail):
            return tail, word if at != len(tail) else ""
    return tail, ""


def word_across(left: str, right: str) -> bool:
    """Whether a dictionary word of :data:`ACROSS_LETTERS` letters or more runs over the cut.

    Stricter than :func:`cut_inside_word`: ``left`` alone ends in a piece no word
    list holds (``ความสำเ``: ``เ``; not ``เป็นไปตาม``, whole before ``ที่``), and the
    word the segmentation of the joined Thai runs puts over the cut is one
    pythainlp's word list holds, not a short word a stray vowel borrowed (``สำเ`` +
    ``การ`` gives ``เกา``).

    >>> word_across("ระดับความสำเ", "ร็จในการ"), word_across("ระดับความสำเ", "การพัฒนา")
    (True, False)
    >>> word_across("เป็นไปตาม", "ที่๒")
    False
    """
    cut = _over_cut(left, right)
    if cut is None or not cut[1]:
        return False
    from pythainlp.corpus import thai_words
    from pythainlp.tokenize import word_tokenize

    tail, word = cut
    return word_tokenize(tail, engine="newmm")[-1] not in thai_words() \
        and len(word) >= ACROSS_LETTERS and word in thai_words()


#: Fewest letters of a word :func:`word_across` takes as running over a cut.
ACROSS_LETTERS = 4


_DIGITS = "0-9\u0e50-\u0e59"
_TAIL = re.compile(f"[{_DIGITS},.]+$")
_HEAD = re.compile(f"[{_DIGITS},.]+")
#: An amount, or the end of one a line cut before (``,๓๖๘,๓๐๐.๐``): groups of three
#: digits after a comma, at most two decimals; its last group may be cut again
#: (``,๑๒๖,๐`` / ``๐๐.๐๐``).
_AMOUNT = re.compile(f"(?:[{_DIGITS}]{{1,3}}|(?=,))(?:,[{_DIGITS}]{{3}})*"
                     f"(?:,[{_DIGITS}]{{0,2}}|\\.[{_DIGITS}]{{0,2}})?")


def cut_inside_number(left: str, right: str) -> bool:
    """Whether ``left`` + ``right`` (a cell's text cut at a line's end) was cut in an amount.

    A narrow amount column wraps ``๗,๓๖๘,๓๐๐.๐๐ บาท`` anywhere: ``๗`` /
    ``,๓๖๘,๓๐๐.๐`` / ``๐ บาท``. The digits, commas and point at the end of ``left``
    and the start of ``right`` make one amount (thousands grouped by commas, two
    decimals at most; ``right`` may end at a comma, cut again), and the cut falls at a
    comma or point, inside a group of digits that a comma or point opened, or inside
    the first group when ``left`` is those digits alone (``๕`` / ``๗,๔๕๐,``); two
    numbers each whole on its line (``๑`` / ``๒``, a row number under another) are
    no cut.

    >>> cut_inside_number("๗", ",๓๖๘,๓๐๐.๐"), cut_inside_number(",๓๖๘,๓๐๐.๐", "๐ บาท")
    (True, True)
    >>> cut_inside_number("๑", "๒"), cut_inside_number("๑,๒๐๐", "๓๐๐")
    (False, False)
    >>> cut_inside_number("๕", "๗,๔๕๐,"), cut_inside_number("๕", ",๑๒๖,๐")
    (True, True)
    >>> cut_inside_number("๒๐๐", "๑,๕๐๐"), cut_inside_number("๑๒", "๓๔")
    (False, False)
    """
    tail, head = _TAIL.search(left.rstrip()), _HEAD.match(right.lstrip())
    if tail is None or head is None:
        return False
    a, b = tail.group(), head.group()
    if not _AMOUNT.fullmatch(a + b):
        return False
    if a[-1] in ",." or b[0] in ",.":
        return True
    opened = max(a.rfind(","), a.rfind("."))
    if opened < 0:  # a line of a cell's leading digits only, the rest's group unclosed
        lead = re.match(f"[{_DIGITS}]+", b)
        return a == left.strip() and lead is not None and b[lead.end():lead.end() + 1] == "," \
            and len(a) + lead.end() <= 3
    return len(a) - opened - 1 < (3 if a[opened] == "," else 2)


_NUMBER = re.compile(f"[{_DIGITS}][{_DIGITS},]*(?:\\.[{_DIGITS}]+)?")
#: Numbers alone, one or more a word space apart (``๓๐ ๑๐๐``: two columns set too
#: close for a tab between them).
_NUMBERS = re.compile(f"{_NUMBER.pattern}(?: {_NUMBER.pattern})*")


def numbers_apart(above: dict[int, str], here: dict[int, str]) -> bool:
    """Whether a column holds numbers alone on both lines, and they are no amount cut.

    ``above``, ``here``: two lines' pieces by column. One value per cell: ``218.5``
    over ``330`` in a column of monthly results (right-aligned, each flush with the
    column's edge as a wrapped cell's lines are) are two rows' values, not one cell
    wrapped (:func:`cut_inside_number` tells an amount the line cut); so are the
    values of two columns set a word space apart (``๓๐ ๑๐๐`` over ``๑๐๐ ๑๐๐``).
    So are two lines whose piece in one column each ends with an amount in baht
    (``…เขตปทุมวัน 13,924,200 บาท`` over ``รวมงบประมาณทั้งสิ้น 13,924,200 บาท``: a flowing
    print's project row and its table's total, the amounts' tab stops read as spaces):
    a cell states its amount once, at its end.

    >>> numbers_apart({0: "ผลงาน", 1: "218.5"}, {0: "ผลงาน", 1: "330"})
    True
    >>> numbers_apart({0: "แผน", 1: "๓๐ ๑๐๐"}, {0: "รวม ๓ ขั้นตอน", 1: "๑๐๐ ๑๐๐"})
    True
    >>> numbers_apart({0: "ค่า", 1: "๗"}, {1: ",๓๖๘,๓๐๐.๐"}), numbers_apart({1: "ร้อยละ"}, {1: "๘๐"})
    (False, False)
    >>> numbers_apart({0: "ในพื้นที่เขตปทุมวัน 13,924,200 บาท", 1: "ส่วนคดี"},
    ...               {0: "รวมงบประมาณทั้งสิ้น 13,924,200 บาท"})
    True

    So is a line whose first piece is a total's label and which states a number in
    another column or at that piece's end (``…เขตลาดกระบัง`` ⇥ ``ไม่ใช้งบประมาณ`` over
    ``รวมงบประมาณทั้งสิ้น`` ⇥ ``๒๙,๕๘๕,๙๐๐.- บาท``; a step table's ``รวม 4 ขั้นตอน
    คิดเป็นร้อยละ 100 100``, its values set too close for tabs): a table's total row is
    never the rest of a row above.

    >>> numbers_apart({0: "ในพื้นที่เขตลาดกระบัง", 1: "ไม่ใช้งบประมาณ", 2: "กองคลัง"},
    ...               {0: "รวมงบประมาณทั้งสิ้น", 1: "๒๙,๕๘๕,๙๐๐.- บาท"})
    True
    >>> numbers_apart({0: "4. จัดทำรายงานผล", 2: "20", 3: "100"},
    ...               {0: "รวม 4 ขั้นตอน คิดเป็นร้อยละ 100 100"})
    True
    >>> numbers_apart({0: "โครงการส่งเสริมการ", 1: "ส่วนคดี"}, {0: "รวมกลุ่มอาชีพ ๒๐ ราย"})
    False
    """
    if 0 in here and _TOTAL_LABEL.match(here[0].strip()) is not None \
            and (re.search(f"[{_DIGITS}]$", here[0].strip()) is not None
                 or any(k > 0 and re.search(f"[{_DIGITS}]", text) for k, text in here.items())):
        return True
    return any(k in above and ((_NUMBERS.fullmatch(above[k].strip()) is not None
                                and _NUMBERS.fullmatch(text.strip()) is not None
                                and not cut_inside_number(above[k], text))
                               or (_BAHT_END.search(above[k]) is not None
                                   and _BAHT_END.search(text) is not None))
               for k, text in here.items())


#: A total row's label opening a piece: รวม alone or before a space, a digit, งบประมาณ,
#: เงิน, ทั้งสิ้น or ทั้งหมด (not a word that starts with รวม: รวมกลุ่ม, รวมทั้งวิเคราะห์).
_TOTAL_LABEL = re.compile(f"รวม(?:$|\\s|[{_DIGITS}]|งบประมาณ|เงิน|ทั้งส[ิี]|ทั้งหมด)")
#: An amount in baht ending a piece: digits in comma groups (satang optional), บาท.
_BAHT_END = re.compile(r"(?<![0-9\u0e50-\u0e59,.])[0-9\u0e50-\u0e59]{1,3}"
                       r"(?:,[0-9\u0e50-\u0e59]{3})+(?:\.[0-9\u0e50-\u0e59]{2})? ?บาท\s*$")


#: Two Buddhist-era years or more alone, a word space apart (``2561 2562``).
_YEARS = re.compile("(?:25[0-9]{2}|\u0e52\u0e55[\u0e50-\u0e59]{2})(?: (?:25[0-9]{2}|"
                    "\u0e52\u0e55[\u0e50-\u0e59]{2}))+")
_YEAR = re.compile("25[0-9]{2}|\u0e52\u0e55[\u0e50-\u0e59]{2}")


def years_row(here: dict[int, str], under_header: bool = False) -> bool:
    """Whether a line's pieces (by column) are each two years or more alone.

    A multi-year target's header row (``2561 2562`` under ``ค่าเป้าหมาย``), its
    years set too close for a tab: a row of its own, no wrapped cell's rest (a
    cell's words that wrap leave one year at most to a line: ``พ.ศ.`` / ``2562``).
    ``under_header``: the line stands right under a table's first line, its header;
    there two pieces or more of one year each are its years too (``๒๕๖๖`` | ``๒๕๖๗``
    set at tab stops under ``ตัวชี้วัด`` | ``ค่าเป้าหมาย``, which a long header pushed
    right: a cell's rest under a header's words is no year).

    >>> years_row({1: "2561 2562"}), years_row({1: "๒๕๖๑ ๒๕๖๒ ๒๕๖๓"}), years_row({1: "2562"})
    (True, True, False)
    >>> years_row({1: "2566", 2: "2567"}), years_row({1: "2566", 2: "2567"}, under_header=True)
    (False, True)
    """
    if under_header and len(here) >= 2 and all(
            _YEAR.fullmatch(text.strip()) is not None for text in here.values()):
        return True
    return bool(here) and all(_YEARS.fullmatch(text.strip()) is not None
                              for text in here.values())


#: A cell of a row whose gaps are too narrow for tabs starts within this many font
#: sizes of its column's start (a column's cells start at its left padding).
SPLIT_EM = 0.3


def split_at_columns(line: TextLine, anchors: list[float]) -> TextLine | None:
    """``line``, one cell, cut into cells where its spaces fall at the columns ``anchors``.

    A row of a borderless table in distributed justification whose cells stand
    closer than a tab's gap (two font sizes) is one cell, and a row alone at a page's
    foot or head has no neighbours to give its columns. Cut at a space where the
    text after it starts within :data:`SPLIT_EM` font sizes of a column's start
    (``anchors``, points), when each column start inside the line has such a space
    and the line starts at one of the columns (a row that leaves the first columns
    empty starts at a later one). In a line set at tab stops (text after a space
    starts on a default stop, :func:`.pdf_tabstops.on_tab_grid`, from the first
    column: a pen moved there), a column that starts on a stop is cut only where the
    text after a space starts on it; a space near it that ends past it is a word's,
    inside a piece that runs over the stop (``พ.ศ. ๒๕๖๓`` ⇥
    ``๒๘ กิจกรรม ภายในปี…``: ``ภายในปี`` follows a word space a little past the next
    stop). None: not such a row.
    """
    size = line.size or 1.0
    start = next((k for k, x in enumerate(anchors) if abs(line.left - x) <= SPLIT_EM * size),
                 None)
    if len(line.cells) != 1 or "\t" in line.text or not line.gaps or start is None:
        return None
    inside = [x for x in anchors[start + 1:] if line.left + size < x < line.right - size]
    cuts = []
    tab_set = any(on_tab_grid([b], anchors[0]) for _, b in line.gaps)  # a piece at a stop
    for x in inside:
        near = [n for n, (_, start) in enumerate(line.gaps) if abs(start - x) <= SPLIT_EM * size]
        if not near:
            return None
        if tab_set and on_tab_grid([x], anchors[0]):  # a pen moved there starts it on it
            near = [n for n in near if abs(line.gaps[n][1] - x) <= ON_GRID]  # (else a word
        cuts += near[:1]  # space past the stop: a piece set at a stop before runs over it)
    if not cuts:
        return None
    runs = list(re.finditer("[ \u00a0]+", line.text))
    if len(runs) != len(line.gaps):
        return None
    text, done = "", 0
    for n in cuts:
        text += line.text[done:runs[n].start()] + "\t"
        done = runs[n].end()
    text += line.text[done:]
    cells = (line.cells[0], *(line.gaps[n][1] for n in cuts))
    ends = (*(line.gaps[n][0] for n in cuts), line.right)
    return replaced(line, text=text, cells=cells, ends=ends, heights=(), spaces=(), gaps=())


def split_cells_at_columns(line: TextLine, anchors: list[float], edge: float = 1.0) -> TextLine:
    """``line`` with each cell cut where its spaces fall at the columns ``anchors`` inside it.

    In a borderless table in distributed justification, two cells may stand closer
    than a tab's gap (two font sizes): a narrow first column's header run into the
    next (``ลำดับที่ ด้าน/แผนงาน``), an amount set beside the last line of a long name
    (``…ในชุมชน ๖,๘๕๗,๐๐๐``), a row's weight, work and score run together. The
    columns come from the other rows (``anchors``, points: where two rows or more
    start a cell); a cell is cut only when each column start inside it (more than a
    font size from its ends) has a space whose right side lies within
    :data:`SPLIT_EM` font sizes of it, so a paragraph spanning the table stays whole
    unless its spaces fall on every column (``edge``: that many font sizes from a
    cell's ends, 1.0 unless told). In a line set at tab stops from its start (a cell
    or the text after a space on a stop), a column on a stop is cut only where the
    text after a space starts on it, as in :func:`split_at_columns` (``เพิ่มขึ้น ๑๙
    ราย…``: ``ราย`` a point left of the next year's stop is a word's). The line
    unchanged when there is no such cell or its spaces' positions are unknown
    (:attr:`TextLine.gaps` empty).
    """
    size = line.size or 1.0
    runs = list(re.finditer("[ \u00a0]+", line.text))
    if not line.gaps or len(runs) != len(line.gaps) or len(line.ends) != len(line.cells):
        return line
    cuts: list[int] = []  # indexes into runs / gaps
    tabs = [m.start() for m in re.finditer("\t", line.text)]
    bounds = [-1, *tabs, len(line.text)]
    pen = line.cells[0]  # a piece at a stop: the line is set at tab stops from its start
    tab_set = any(on_tab_grid([x], pen) for x in [*line.cells[1:], *(b for _, b in line.gaps)])
    for k, (left, right) in enumerate(zip(line.cells, line.ends, strict=True)):
        inside = [x for x in anchors if left + edge * size < x < right - edge * size]
        mine = [n for n, run in enumerate(runs) if bounds[k] < run.start() < bounds[k + 1]]
        found: list[int] = []
        for x in inside:
            near = [n for n in mine if abs(line.gaps[n][1] - x) <= SPLIT_EM * size]
            if not near:
                found = []
                break
            if tab_set and on_tab_grid([x], pen):  # a pen moved there starts it on it (else
                near = [n for n in near if abs(line.gaps[n][1] - x) <= ON_GRID]  # a word space)
            found += near[:1]
        cuts += found
    if not cuts:
        return line
    cuts.sort()
    text, done, cells, ends = "", 0, list(line.cells), list(line.ends)
    heights = list(line.heights) if len(line.heights) == len(line.cells) else []
    spaces = list(line.spaces) if len(line.spaces) == len(line.cells) else []
    for n in cuts:
        text += line.text[done:runs[n].start()] + "\t"
        done = runs[n].end()
        k = sum(1 for t in tabs if t < runs[n].start()) + sum(1 for m in cuts if m < n)
        cells.insert(k + 1, line.gaps[n][1])
        ends.insert(k, line.gaps[n][0])
        if heights:
            heights.insert(k + 1, heights[k])
        if spaces:
            spaces.insert(k, False)
    text += line.text[done:]
    gaps = tuple(g for n, g in enumerate(line.gaps) if n not in cuts)
    return replaced(line, text=text, cells=tuple(cells), ends=tuple(ends),
                    heights=tuple(heights) if heights else line.heights,
                    spaces=tuple(spaces) if spaces else line.spaces, gaps=gaps)
