"""The legacy progress form's report labels: where each report of the table opens.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes the report table's cells (:mod:`bma_etl.layouts.legacy_cells`); gives the
span of a report's number in its ``รายงานครั้งที่ N`` label cell (:func:`report_label`:
as printed, approximately after OCR, an empty span when the number is unknown), the
end of a label a narrow column wrapped (:func:`wrapped_label`), and, after OCR, a
label read as a short run of junk before its date (:func:`junk_label`), the
table's lines parted where a joined line holds a row's label (:func:`parted_at_labels`),
and the numbers OCR lost or misread worked out from the reports' places
(:func:`numbers_by_place`). Never raises.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from bma_etl.document import joined_line
from bma_etl.layouts.base import Derived, FieldValue, Line, Raw
from bma_etl.layouts.legacy_cells import ReportCell
from bma_etl.layouts.legacy_values import BUDGET_LABEL, PROGRESS_LABEL
from bma_etl.matchkey import key, search_key
from bma_etl.normalize.digits import to_arabic_digits

#: A report's label cell (``รายงานครั้งที่ 1``). OCR drops tone marks (รายงานครังที7) and
#: doubles letters (งบประมาณทที่เบิกใช้): the words are matched with those marks optional.
_LABEL_CELL_RE = re.compile(r"^\s*รายงานครั?้?งที่?\s*(?P<no>[0-9๐-๙]{1,3})\s*")


#: What stands between a label's words and its number only when the number is another
#: cell's (a date's, ``รายงานครั้ง`` then ``:: 3/9/2569``).
_NOT_LABEL = re.compile(r"[:/]")
#: A label's first words at a cell's start, and the cell's rest: the row's first
#: cells when the reader saw no gap (``รายงานครั้ง :: 5/9/2566 : ...``).
_LABEL_HEAD_RE = re.compile(r"^\s*(?P<head>[^\s:0-9๐-๙]+)(?=\s*(?:::|$))")


def wrapped_label(filled: list[tuple[ReportCell, bool]], k: int, ocr: bool
                   ) -> tuple[int, tuple[int, int], int] | None:
    """The end of a label a narrow column wrapped: ``(cell, number's span in it, head end)``.

    ``head end``: where the label's words end in cell ``k`` (the rest of that cell
    is the row's). Cell ``k`` leads its row with the label's first words and no
    digit (``รายงาน``, ``รายงานครั้ง``; a ``::`` cell may follow in it); the rest
    with the number (``ครั้งที่๑``, ``ที่1``) is the next cell of its line (the
    reader split the label at a wide gap) or the first cell of the next line (a
    top-aligned row: the label's second line beside the next line of the row's
    other cells). The joined label must read as
    printed; never on an OCR'd page (``ocr``). None when neither completes it.
    """
    if ocr:  # OCR loses a label's number (``| รายงานครั้งที่ |``): the next number is another's
        return None
    cell = filled[k][0]
    m = _LABEL_HEAD_RE.match(cell.text)
    if m is None or len(key(m.group("head"))) < 3 \
            or not _LABEL_WORDS_KEY.startswith(key(m.group("head"))):
        return None
    head = m.group("head")
    same_line = [k + 1] if k + 1 < len(filled) and filled[k + 1][0].line.no == cell.line.no else []
    next_line = [j for j in range(k + 1, len(filled)) if filled[j][1]][:1]
    for j in same_line + next_line:
        after = filled[j][0]
        if after.line.no - cell.line.no > 2:
            continue
        joined = head + after.text.lstrip()
        exact = _LABEL_CELL_RE.match(joined)
        found = exact.span("no") if exact else None
        if found is None or found[0] < len(head) or _NOT_LABEL.search(joined, 0, found[0]):
            continue
        shift = len(head) - (len(after.text) - len(after.text.lstrip()))
        return j, (found[0] - shift, found[1] - shift), m.end("head")
    return None


#: After OCR, a row whose label cell was read as one short run of junk, then the date's
#: ``::`` and a whole date (``Seb :: 21/3/2564 :``), in the same cell or the next one of
#: its line (``| Seb | :: 21/3/2564 :``).
_OCR_JUNK_RE = r"^\s*[^\s:/0-9๐-๙]{1,6}\s*"
_OCR_DATE_CELL_RE = r"(?P<colons>:{1,3})\s*[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{1,2}\s*/\s*[0-9๐-๙]{4}\s*:"
#: In the date's own cell the junk may be as long as the label it was
#: (``ยาานทร์ทีล์ : 26/2/2568 :`` for ``รายงานครั้งที่4 :: 26/2/2568 :``): one token, the
#: cell's rule read as ``|`` after it or not (``รายงาน |:: 20/02/2567 :``, the number wrapped).
_OCR_JUNK_LABEL_RE = re.compile(r"^\s*[^\s:/0-9๐-๙|]{1,16}\s*\|?\s*" + _OCR_DATE_CELL_RE)
_OCR_JUNK_CELL_RE = re.compile(_OCR_JUNK_RE + "$")
_OCR_DATE_CELL_OPEN_RE = re.compile(r"^\s*" + _OCR_DATE_CELL_RE)

#: ... or one or two short tokens of junk, then a date whose ``/`` OCR read as digits or
#: lost (``| ว0 Ls 10722566 : อยู่…`` for 10/2/2566), its year whole, then its ``:``.
_OCR_JUNK_BEFORE_DIGITS_RE = re.compile(
    r"^\s*(?:[^\s:/]{1,3}\s+){1,2}(?P<date>[0-9๐-๙/]{3,6}(?:25|๒๕)[0-9๐-๙]{2})\s*:(?!:)")
_LABEL_WORDS_KEY = key("รายงานครั้งที่")
_FIRST_NUMBER = re.compile(r"[0-9๐-๙]{1,3}")


def junk_label(filled: list[tuple[ReportCell, bool]], k: int) -> tuple[int, int] | None:
    """An empty span where the date's cell starts when leading cell ``k`` is junk, or None.

    The junk is a label OCR lost (:data:`_OCR_JUNK_LABEL_RE`, in its cell or before
    the date's cell of its line; :data:`_OCR_JUNK_BEFORE_DIGITS_RE`, the date's
    ``::`` and ``/`` lost too).

    Called only on an OCR'd page, after a report whose progress or budget was read: a
    whole date behind one short token there opens the next report, its number unknown.
    """
    cell = filled[k][0]
    if (junk := _OCR_JUNK_LABEL_RE.match(cell.text)) is not None:
        return junk.start("colons"), junk.start("colons")
    if (junk := _OCR_JUNK_BEFORE_DIGITS_RE.match(cell.text)) is not None:
        return junk.start("date"), junk.start("date")
    if _OCR_JUNK_CELL_RE.match(cell.text) and k + 1 < len(filled) \
            and filled[k + 1][0].line.no == cell.line.no \
            and _OCR_DATE_CELL_OPEN_RE.match(filled[k + 1][0].text):
        return len(cell.text), len(cell.text)
    return None


def junk_label_cell(text: str) -> bool:
    """Whether ``text`` opens with a label OCR read as junk before its whole date.

    :data:`_OCR_JUNK_LABEL_RE`: ``Seb :: 21/3/2564 :``.
    """
    return _OCR_JUNK_LABEL_RE.match(text) is not None


#: After OCR, a row's opening ``|`` read as a cell of a letter or two (``ba``, ``ร``, ``คร|``).
_OCR_ROW_OPEN_JUNK_RE = re.compile(r"^\s*[^\s0-9๐-๙:/]{1,3}\s*$")


def without_row_open_junk(filled: list[tuple[ReportCell, bool]]
                          ) -> list[tuple[ReportCell, bool]]:
    """``filled`` with a row's opening ``|`` that OCR read as letters let go (scans only).

    A leading cell of one to three letters or signs (:data:`_OCR_ROW_OPEN_JUNK_RE`)
    followed on its line by a report's label with its number (``ba⇥รายงานครั้งที่๑``)
    is no cell of the row: the label leads it.
    """
    out: list[tuple[ReportCell, bool]] = []
    for k, (cell, leading) in enumerate(filled):
        if leading and _OCR_ROW_OPEN_JUNK_RE.match(cell.text) and k + 1 < len(filled) \
                and filled[k + 1][0].line.no == cell.line.no \
                and (found := report_label(filled[k + 1][0].text, True)) is not None \
                and found[0] < found[1]:
            filled[k + 1] = (filled[k + 1][0], True)
            continue
        out.append((cell, leading))
    return out


def values_read(cells: list[ReportCell]) -> bool:
    """Whether a report's ``cells`` reached its progress or budget (the row is past its values)."""
    return any(search_key(PROGRESS_LABEL, c.text) or search_key(BUDGET_LABEL, c.text)
               for c in cells)


#: The label's words with the number's place taken by a letter or sign glued to them:
#: OCR read the number as one (``รายงานครั้งที่ๆ = …``).
_OCR_LABEL_NO_LOST_RE = re.compile(r"^\s*รายงานครั?้?งที่?[^\s0-9๐-๙:]{1,2}(?![^\s:=])")
#: The label's ``ที่`` and number read as one Latin word after ``รายงานครั้ง``, the cell's
#: whole text (``รายงานครั้ง Al`` for ``รายงานครั้งที่1``, a 200 dpi scan): a report of
#: unknown number, no part of its text.
_OCR_LABEL_LATIN_NO_RE = re.compile(r"^\s*รายงานครั?้?ง(?:ที่?)?\s?[A-Za-z][A-Za-z0-9|!]?\s*$")


#: After OCR, the label's ``ครั้งที่`` read as one Latin word (``รายงาน asian []4``: the
#: ``tha+eng`` model took it for English), then the marks of ``ที่`` as brackets, and the
#: number. A ``[1`` or ``ป`` glued before a digit is the mark read as a bracket and a
#: stroke or as a letter (``[15``, ``ป5`` for ``่5``).
_OCR_LABEL_LATIN_RE = re.compile(
    r"^\s*รายงาน\s*[A-Za-z]{2,8}\s*[\[\]()|]*?(?:(?:\[[1๑]|ป[ิี]?)(?=[0-9๐-๙]))?"
    r"(?P<no>[0-9๐-๙]{1,3})(?![0-9๐-๙/])")

#: After OCR, the label's words with the marks of ``ครั้ง`` read as brackets, strokes or
#: letters between ``ครั`` and ``ง`` (``รายงานครั[1งที [15``, ``รายงานครัปงที [12``), then
#: the number as :data:`_OCR_LABEL_LATIN_RE` reads it.
_OCR_LABEL_MARKS_RE = re.compile(
    r"^\s*รายงานครั[\[\]|1ปบโิี]{1,4}งที่?[\s\[\]()|]*?(?:(?:\[[1๑]|ป[ิี]?)(?=[0-9๐-๙]))?"
    r"(?P<no>[0-9๐-๙]{1,3})(?![0-9๐-๙/])")


#: After OCR, a speck or two before a label's words read as letters, digits or quotes
#: (``ร7รายงานครั้งที่ว)``, ``7 ' รายงานครั้งที่13 ::``, ``“4 รายงานครั้งที่4 -``).
_OCR_LABEL_WORDS_RE = re.compile(r"รายงานครั?้?งที่?")
_OCR_SPECKS_BEFORE_RE = re.compile(r"\s*(?:[^\s:/]{1,2}\s+){0,2}[^\s:/]{0,2}\s*")
#: The label's number right after its words, never a date's (``รายงานครั้งที่ 3/9``).
_OCR_NUMBER_AFTER_RE = re.compile(r"\s*(?P<no>[0-9๐-๙]{1,3})(?![0-9๐-๙]|\s*/)")
#: A letter or sign OCR read for the number, glued to the words (``ที่ว)``).
_OCR_NUMBER_JUNK_RE = re.compile(r"[^\s:|0-9๐-๙]{0,3}")


def _label_behind_specks(text: str) -> tuple[int, int] | None:
    """The number's span of a label OCR read behind specks (at most three signs), or None.

    The number unknown (read as a letter, or what follows is a date's): an empty span
    past the letters glued to the words.
    """
    m = _OCR_LABEL_WORDS_RE.search(text)
    if m is None or not 0 < m.start() <= 8:
        return None
    specks = _OCR_SPECKS_BEFORE_RE.fullmatch(text, 0, m.start())
    if specks is None or len("".join(text[:m.start()].split())) > 3:
        return None
    number = _OCR_NUMBER_AFTER_RE.match(text, m.end())
    if number is not None:
        return number.span("no")
    junk = _OCR_NUMBER_JUNK_RE.match(text, m.end())
    end = junk.end() if junk else m.end()
    return end, end


def report_label(text: str, ocr: bool = False) -> tuple[int, int] | None:
    """Span of the number of a ``รายงานครั้งที่ N`` label cell, or None.

    The words are matched as printed, then approximately in key form (OCR reads
    ``ดายงานคร้อที่2``). After OCR (``ocr``) a label whose number was read as a
    letter, the date's ``::`` after it (``รายงานครั้งที่อ:: ๑๐/๑๐/…``), opens a report
    of unknown number (an empty span before the ``::``); so do the label's words with
    a sign or letter glued where the number stands (``รายงานครั้งที่ๆ = …``,
    ``รายงานครั้งที่ๆ 2 9/3/2563``: the digits after it are never the number), the
    words with ``ครั้งที่`` read as a Latin word (``รายงาน asian []4``), ``ที่`` and the
    number read as one (``รายงานครั้ง Al``, the whole cell), or ``ครั้ง``'s marks as
    brackets and strokes (``รายงานครั[1งที [15``), and the
    words behind a speck or two OCR read as signs (:func:`_label_behind_specks`).
    """
    found = _report_label(text, ocr)
    if found is None and ocr:
        found = _label_behind_specks(text)
    return found


def _report_label(text: str, ocr: bool) -> tuple[int, int] | None:
    m = _LABEL_CELL_RE.match(text)
    if m:
        return m.span("no")
    lost = (_OCR_LABEL_NO_LOST_RE.match(text) or _OCR_LABEL_LATIN_NO_RE.match(text)) if ocr \
        else None
    if lost:  # never the digits after the glued sign: they are the date's or specks
        return lost.end(), lost.end()
    misread = (_OCR_LABEL_LATIN_RE.match(text) or _OCR_LABEL_MARKS_RE.match(text)) if ocr \
        else None
    if misread:
        return misread.span("no")
    from rapidfuzz.fuzz import ratio

    number = _FIRST_NUMBER.search(text, 0, 24)
    if number is None:
        # Scans: the number OCR lost (``| รายงานครั้งที่ |``) still opens a report,
        # its number unknown (an empty span), rather than running into the one before.
        words = text.rstrip()
        head = key(words).strip("'\".:;|-_ ")
        if 7 <= len(head) <= 13 and ratio(head, _LABEL_WORDS_KEY) >= 90:
            return len(words), len(words)
        return None
    head = key(text[:number.start()]).strip("'\".:;|-_ ")
    colon = text.find("::", 0, number.start())
    if ocr and colon > 0:  # the number misread or lost: the digits are the date's
        words = key(text[:colon]).strip("'\".:;|-_ ")
        if len(_LABEL_WORDS_KEY) - 1 <= len(words) <= len(_LABEL_WORDS_KEY) + 2 \
                and ratio(words[:len(_LABEL_WORDS_KEY)], _LABEL_WORDS_KEY) >= 90:
            return colon, colon
    if not 7 <= len(head) <= 13 or colon >= 0:
        return None  # ``รายงานครั้ง :: 5/9/2566``: the number is the date's
    return number.span() if ratio(head, _LABEL_WORDS_KEY) >= 75 else None


def parted_at_labels(lines: list[Line], line_starts: list[int]) -> list[Line]:
    """``lines`` with a joined line parted before each of its physical lines a label opens.

    After OCR lost the ``|`` closing a pipe row (``… : เป็นไปตามเป้าหมาย (A``) or read its
    table's ruling as junk (``|----เสกด===--|``), the reader joined the next row's line
    (``“4 รายงานครั้งที่4 - | :% …``) to it: the label would no longer lead its row.
    A physical line opens with a label when its first cell (its ``|`` and white space
    skipped) is one as printed or behind specks (:func:`_label_behind_specks`), its
    number read. ``line_starts``: the document's physical lines' offsets, in order.
    """
    out: list[Line] = []
    for line in lines:
        cut = 0
        for at, _, _ in line.pieces[1:]:
            head = line.text[at:].lstrip("| \t")
            if not (_LABEL_CELL_RE.match(head) or (
                    (found := _label_behind_specks(head)) is not None and found[0] < found[1])):
                continue
            if line.text[cut:at].strip():
                out.append(_part(line, cut, at, line_starts))
            cut = at
        out.append(line if cut == 0 else _part(line, cut, len(line.text), line_starts))
    return out


def _part(line: Line, a: int, b: int, line_starts: list[int]) -> Line:
    """``line.text[a:b]`` as a line of its own, numbered by its first physical line."""
    part = joined_line([(line, a, len(line.text[:b].rstrip()))])
    return replace(part, no=bisect_right(line_starts, part.start))


def _number(label: FieldValue) -> int | None:
    """A report label's number as read (``3``, ``๓``), or None."""
    if not isinstance(label, Raw) or not label.text.strip().isdigit():
        return None
    return int(to_arabic_digits(label.text.strip()))


def numbers_by_place(labels: list[FieldValue]) -> dict[int, Derived | None]:
    """Report numbers OCR lost or misread, worked out from the reports' places.

    ``labels`` are the table's reports' ``seq_label`` values in order; returns index →
    the number, derived. The reports are numbered 1, 2, … down the table, so a report
    whose label reads its place (the third ``3``) says that every report above it was
    read, one row each. A report above such a one whose label reads no number or
    another than its place (``รายงานครั้งที่6`` for the third) is its place. Below the
    last report that reads its place nothing says which, but a number there no greater
    than that report's (``รายงานครั้งที่๒`` under the fifth, the ``๖`` misread) is none
    of the table's: it is unknown (None). A place another report reads is not given
    to a second (``1 3 4 - 5``: the fourth's lost number is not 4). When no report
    reads its place (a row lost and one out of order: ``4 1 2 3 6 7 8``), the
    numbers stay as read. A row OCR put out of order above one that reads its place
    is not told from a misread number, and is numbered by its place.

    Two more misreads are mended where the numbers around say so
    (:func:`_misread_numbers`): a number between two that differ by two
    (``4``, ``75``, ``6``: the one between), and a speck read as a digit before a
    number that reads its place behind it, under a report that reads its own
    (``1``, -, -, ``14``: the fourth).
    """
    read = [_number(label) for label in labels]
    confirmed = max((i for i, no in enumerate(read) if no == i + 1), default=-1)
    out: dict[int, Derived | None] = {}
    for i in range(max(confirmed, 0)):
        no, label = read[i], labels[i]
        if no != i + 1 and (i + 1) not in read:  # a place another reads is not known
            out[i] = Derived(i + 1, f"report {i + 1} of the table, its number read as {no}"
                             if no is not None else f"report {i + 1} of the table, no number read",
                             label.span if isinstance(label, Raw) else None)
    for i in range(confirmed + 1, len(read)) if confirmed >= 0 else ():
        no = read[i]
        if no is not None and no <= confirmed + 1:  # not past the one confirmed above
            out[i] = None
    for i, number in _misread_numbers(read, confirmed).items():
        if i not in out:
            label = labels[i]
            out[i] = Derived(number, f"report {number} of the table, its number read as "
                                     f"{read[i]}", label.span if isinstance(label, Raw) else None)
    return out


def _misread_numbers(read: list[int | None], confirmed: int) -> dict[int, int]:
    """Index → number for reports whose read number the numbers around contradict.

    ``read``: each report's number as read (None: none read); ``confirmed``: the last
    index whose number reads its place (-1: none). Only a number past every other
    the table reads, and past the next one, is taken for a misread: a row OCR put
    out of order keeps a number the table lacks. Such a number outside the one gap
    its neighbours leave (``4`` above, ``6`` below: only ``5`` fits) is that gap's;
    below ``confirmed``, one whose digits end in its place's (``14`` for the fourth,
    a speck before the ``4``), with no number of the table's read between it and
    the report that reads its own, is its place.
    """
    out: dict[int, int] = {}
    numbers = sorted(n for n in read if n is not None)
    for i, no in enumerate(read):
        # past every other number read, and the next: only the largest can be
        if no is None or len(numbers) < 2 or no != numbers[-1] or no <= numbers[-2] + 1:
            continue
        above = read[i - 1] if i > 0 else None
        below = read[i + 1] if i + 1 < len(read) else None
        if above is not None and below is not None and below == above + 2:
            out[i] = above + 1
        elif 0 <= confirmed < i and no > i + 1 and str(no).endswith(str(i + 1)) and all(
                n is None or n <= confirmed + 1 for n in read[confirmed + 1:i]):
            out[i] = i + 1
    return out
