"""The annual action plan's SWOT analysis (``plan_swot_items``).

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
Consumes the lines of a :class:`~bma_etl.layouts.base.RepairedText`; produces one
raw row per item listed under a จุดแข็ง / จุดอ่อน / โอกาส / อุปสรรค heading.
"""

from __future__ import annotations

import re

from bma_etl.furniture_marks import printed_by_browser
from bma_etl.layouts.base import Derived, FieldValue, Finding, Line, Raw, RawRow, RepairedText
from bma_etl.layouts.plan_cells import DIGITS_RE, PAGE_NUMBER_RE, blank_tags, is_text_line
from bma_etl.layouts.plan_edge_junk import junk_end
from bma_etl.layouts.plan_swot_forms import (
    OCR,
    OCR_BARE_NUMBER_RE,
    OCR_TAB_ITEM_RE,
    PRINTED,
    Forms,
    ended_short,
    is_next,
    misread_number_item,
    number_of,
    read_back,
    starts_over,
    swot_item,
)
from bma_etl.layouts.plan_swot_headings import PART_HEADING_RE, PART_OPENING_RE
from bma_etl.layouts.plan_swot_headings import spread_kind as _spread_kind
from bma_etl.layouts.plan_swot_headings import swot_kind as _swot_kind
from bma_etl.layouts.plan_swot_junk import (
    NO_JUNK,
    SPECK_CELLS_RE,
    Junk,
    head_specks,
    lone_numbers,
    misread_numbers,
    page_junk,
    speck_lines,
    tab_led,
    unsure_heads,
    unsure_lines,
    unsure_starts,
    without_speck_cells,
)
from bma_etl.layouts.plan_swot_places import number_skipped, seqs_by_place
from bma_etl.layouts.plan_values import finish_text_fields, joined, segments, to_int

#: The heading of the analysis as a whole (การวิเคราะห์สภาพแวดล้อม..., SWOT Analysis).
_SWOT_TITLE_RE = re.compile(r"SWOT|วิเคราะห์\s*สภาพแวดล้อม")


def _words(doc: RepairedText, start: int, end: int) -> list[Raw]:
    """An item's words on one line, ``doc.text[start:end]``, junk OCR read at its end left out."""
    return segments(doc, start, junk_end(doc, start, end))


def _seq(doc: RepairedText, m: re.Match[str], group: str, line: Line) -> Raw | None:
    """The item's number as read; None for what OCR read it as (``©``)."""
    if DIGITS_RE.fullmatch(m.group(group)) is None:
        return None
    return doc.raw_match(m, group, base=line.start)


#: Most items in a row whose numbers OCR lost that a list is read on over.
_UNNUMBERED_MAX = 3


def _is_gap(line: Line, junk: Junk = NO_JUNK) -> bool:
    """A blank line, a page number or a browser's print footer: where a page may have broken.

    ``junk``: on an OCR'd page, the lines that are what OCR made of a page number
    or specks, and the numbers alone that are items' (:class:`.plan_swot_junk.Junk`).
    A text dumped in reading order writes the footer's address mid-page, under the
    page's last line (``file:///…/page.html``), its page number further on.
    """
    return not line.text.strip() or line.no in junk.gaps or (
        PAGE_NUMBER_RE.match(line.text) is not None and line.no not in junk.numbers
    ) or printed_by_browser(line.text, "bottom")


def _carries_on(lines: list[Line], i: int, last_no: int | None, forms: Forms,
                depth: int = 0, junk: Junk = NO_JUNK, last_item: bool = False) -> bool:
    """Tell whether line ``i``, unnumbered and after a gap, continues the item above.

    It does when what follows it (its own unbroken lines, then a gap) is the next
    item of the list (number ``last_no + 1``) or the next SWOT heading: the page
    broke inside the item. Anything else means the list has ended. On an OCR'd
    page what follows may itself be an item whose number OCR lost (up to
    :data:`_UNNUMBERED_MAX` in a row) that the list goes on after, or the list's
    last (the plan's next part following it: ``last_item``).

    ``last_item``: asked for an item whose number OCR lost, the plan's next part
    (:data:`.plan_swot_headings.PART_HEADING_RE`) following counts as well: the
    analysis' last list ends there, its last item's number lost. After a gap; or
    right after the item's lines when the heading's first line opens it
    (:data:`.plan_swot_headings.PART_OPENING_RE`: the gap lost, or a page turned there).
    """
    j = i + 1
    next_no = (last_no or 0) + 1
    while j < len(lines) and not _is_gap(lines[j], junk) and "\t" not in lines[j].text \
            and swot_item(lines[j].text, forms, next_no) is None \
            and _swot_kind(lines[j].text, forms.ocr) is None \
            and not _number_alone(lines[j].text, forms) and not _next_part(lines[j], forms):
        j += 1
    run_end = j  # a run that goes on into the next part's heading is that heading's
    while j < len(lines) and _is_gap(lines[j], junk):
        j += 1
    if last_item and ((j > run_end and _part_follows(lines, j, forms, junk))
                      or (j == run_end < len(lines) and _part_opens(lines[j], forms))):
        return True
    if j >= len(lines) or _next_part(lines[j], forms) \
            or ("\t" in lines[j].text and not _number_alone(lines[j].text, forms)
                           and not (forms.ocr and OCR_TAB_ITEM_RE.match(lines[j].text))):
        return False
    if _swot_kind(lines[j].text, forms.ocr) is not None:
        return True
    alone = _number_alone(lines[j].text, forms)
    if alone is not None:
        return is_next(to_int(alone.group("no")), last_no, forms)
    found = swot_item(lines[j].text, forms, next_no)
    if found is None and forms.ocr and depth < _UNNUMBERED_MAX and is_text_line(lines[j]):
        return _carries_on(lines, j, last_no, forms, depth + 1, junk, last_item=True)
    if found is None or found[1] is None or last_no is None:
        return False
    return is_next(to_int(found[0].group(found[1])), last_no, forms)


#: Most lines of the plan's next part's heading (a lead-in sentence the page wrapped).
_PART_LINES_MAX = 3


def _part_follows(lines: list[Line], j: int, forms: Forms, junk: Junk) -> bool:
    """Whether the paragraph at line ``j`` is the heading of the plan's next part.

    Its first lines or its last (``จากการวิเคราะห์...`` / ``...หน่วยงาน ดังนี้``).
    """
    for k in range(j, min(j + _PART_LINES_MAX, len(lines))):
        if _is_gap(lines[k], junk):
            return False
        if _next_part(lines[k], forms):
            return True
    return False


def _part_opens(line: Line, forms: Forms) -> bool:
    """On an OCR'd page, whether ``line`` is the first line of the plan's next part's heading."""
    return forms.ocr and PART_OPENING_RE.match(blank_tags(line.text)) is not None


def _next_part(line: Line, forms: Forms) -> bool:
    """On an OCR'd page, whether ``line`` heads the plan's next part (no item goes into it)."""
    return forms.ocr and PART_HEADING_RE.match(blank_tags(line.text)) is not None


def _page_broke(doc: RepairedText, lines: list[Line], i: int,
                junk: Junk = NO_JUNK) -> bool:
    """Whether a page break lies between line ``i`` and the last line before it that is no gap."""
    j = i - 1
    while j > 0 and _is_gap(lines[j], junk):
        j -= 1
    return j >= 0 and doc.index.page_of(lines[j].start) != doc.index.page_of(lines[i].start)


#: A short line OCR read unsure (:func:`.plan_swot_junk.unsure_lines`), all of it.
_UNSURE_NUMBER_RE = re.compile(r"^\s*(?P<no>\S.*?)\s*$")


def _bare_number(lines: list[Line], i: int, junk: Junk) -> re.Match[str] | None:
    """On an OCR'd page, line ``i`` as an item's number OCR read without its point.

    Or a short line it read unsure (``junk.unsure``: ``กาต`` for ``๒.``). Only when
    the next line is words of no item of their own (the item's text)
    and line ``i`` is no page number misread (``junk``). Never when the next line is
    a number alone mid-page (``junk.numbers``): a number numbers words, not another
    number, so line ``i`` is the tail of the item above (``ยืน`` over ``3``).
    """
    if lines[i].no in junk.gaps or i + 1 >= len(lines):
        return None
    m = OCR_BARE_NUMBER_RE.match(SPECK_CELLS_RE.sub("", blank_tags(lines[i].text)))
    if m is None and lines[i].no in junk.unsure:  # ``กาต``, ``“| Sie``: read unsure
        m = _UNSURE_NUMBER_RE.match(blank_tags(lines[i].text))
    following = lines[i + 1]
    if m is None or _is_gap(following, junk) or not is_text_line(following) \
            or following.no in junk.numbers \
            or swot_item(following.text, OCR) is not None \
            or _number_alone(following.text, OCR) is not None \
            or _swot_kind(following.text, True) is not None:
        return None
    return m


#: A line whose first word OCR read unsure (:func:`.plan_swot_junk.unsure_starts`):
#: that word, then the item's words.
_UNSURE_START_RE = re.compile(r"^\s*(?P<no>\S{1,5})[ \t]+(?P<body>[ก-ฮเ-ไ].*?)\s*$")


def _unsure_item(line: Line, next_no: int) -> tuple[re.Match[str], str] | None:
    """Line ``line`` as an item whose number OCR read unsure (``ว บุคลากร...``).

    A number read as digits counts only when it is the list's next (``next_no``):
    read unsure, another says nothing.
    """
    m = _UNSURE_START_RE.match(blank_tags(line.text))
    if m is None or (DIGITS_RE.fullmatch(m.group("no")) and to_int(m.group("no")) != next_no):
        return None
    return m, "no"


def _number_like(text: str, under_text: bool) -> bool:
    """On an OCR'd page, whether line ``text`` may be an item's number, read or misread.

    A number read with its point; right under a line of text (``under_text``: no
    blank line between, as a page number has), also one read without it (``Ds``).
    """
    if OCR.alone.match(blank_tags(text)) is not None:
        return True
    return under_text and OCR_BARE_NUMBER_RE.match(
        SPECK_CELLS_RE.sub("", blank_tags(text))) is not None


def _opens_item(text: str) -> bool:
    """On an OCR'd page, whether line ``text`` opens a numbered item or a SWOT heading."""
    found = swot_item(text, OCR)
    return (found is not None and found[1] is not None) or _number_alone(text, OCR) is not None \
        or _swot_kind(text, True) is not None


def _number_alone(text: str, forms: Forms = PRINTED) -> re.Match[str] | None:
    """An item number alone in the first cell of ``text`` (``๑.``, ``๑๐.<tab>words``)."""
    return forms.alone.match(blank_tags(text.split("\t", 1)[0]))


def _alone_on_line(text: str, forms: Forms) -> re.Match[str] | None:
    """An item number alone on its line; on an OCR'd page cells of specks may follow it."""
    blanked = blank_tags(text)
    return forms.alone.match(SPECK_CELLS_RE.sub("", blanked) if forms.ocr else blanked)


def swot_rows(doc: RepairedText, lines: list[Line],
              findings: list[Finding] | None = None) -> list[RawRow]:
    """Read the items under each SWOT heading into ``plan_swot_items`` rows.

    A heading counts when the analysis' own heading (``SWOT``, การวิเคราะห์
    สภาพแวดล้อม) comes before it, or when headings of two kinds or more are found.
    Items are numbered (``seq``) or bulleted (``seq`` NULL); a bullet under a
    numbered item is part of it. A line without a number right under an item
    continues it; after a gap only when the next item or heading follows
    (:func:`_carries_on`). A kind whose items were read is not read again under a
    later heading (a problems section's อุปสรรค, say), unless that heading
    directly continues the same kind.

    On an OCR'd page an item whose number OCR lost (a line of text right under the
    heading, or after a gap on the same page) is an item when the next item or
    heading follows it (``seq`` NULL, or its place: :func:`.plan_swot_places.seqs_by_place`);
    so is a page's first line when the next number read skips one
    (:func:`.plan_swot_places.number_skipped`: its number lost at the page's foot),
    and a line led by a tab (:func:`.plan_swot_junk.tab_led`: the number's gap).

    As printed: a number the page left alone on its line (``๑.``, its words on the
    next) numbers the next line; a line inside an item whose wide gap the reader
    took for a tab is still the item's text; a number that starts over (``๑.``
    after ``๗.``) ends the list; in a PDF whose reader measured the page for wrapped
    lines (:meth:`RepairedText.wraps_known`: even where none wrapped), a line the
    line before did not wrap onto is no part of the item (a paragraph set right
    under the list).
    """
    textual = [is_text_line(ln) for ln in lines]  # wide gaps read as tabs; asked once
    text_lines = [ln for ln, text in zip(lines, textual, strict=True) if text]
    headings = {ln.no: kind for ln, text in zip(lines, textual, strict=True)
                if (kind := _swot_kind(ln.text, doc.ocr_used) if text
                    else _spread_kind(ln.text)) is not None}
    title = next((ln.no for ln in text_lines if _SWOT_TITLE_RE.search(ln.text)), None)
    titled = title is not None and title < min(headings, default=0)
    if not headings or (len(set(headings.values())) < 2 and not titled):
        return []
    forms = OCR if doc.ocr_used else PRINTED
    if forms.ocr:  # specks read as cells of their own: no table's tabs
        lines = without_speck_cells(lines, frozenset(headings), doc)
        heads = unsure_heads(doc, lines, frozenset(headings))  # a running header misread
        lines = [ln for ln in lines if ln.no not in heads]
    junk = Junk(page_junk(doc, lines, _number_like) | speck_lines(doc, lines, _opens_item),
                lone_numbers(doc, lines), unsure_lines(doc, lines) | misread_numbers(doc, lines),
                unsure_starts(doc, lines), tab_led(doc, lines))
    rows: list[RawRow] = []
    tag: Derived | None = None
    heading_kind: str | None = None
    last: RawRow | None = None
    last_no: int | None = None
    gap = False
    bare: tuple[re.Match[str], Line] | None = None
    for i, line in enumerate(lines):
        if tag is None and line.no not in headings:
            continue  # outside a list only a heading counts (it resets ``gap``)
        # A tab in a list line: the reader's reading of a wide gap, not a table.
        tabbed = "\t" in line.text and line.no not in headings and not (tag is not None and (
            _number_alone(line.text, forms) is not None
            or (forms.ocr and OCR_TAB_ITEM_RE.match(blank_tags(line.text)) is not None)
            or (last is not None and not gap and bare is None)
            or (last is not None and bare is None and is_text_line(line)
                and _carries_on(lines, i, last_no, forms, junk=junk))))
        if tabbed or _is_gap(line, junk):
            tag = None if tabbed else tag
            gap, bare = True, None
            continue
        kind = headings.get(line.no)
        if kind is not None:
            said = doc.raw(line.start, line.end)
            again = kind != heading_kind and any(
                isinstance(d := r.fields["kind"], Derived) and d.value == kind for r in rows)
            tag = None if again else Derived(
                kind, f"named by the heading on line {line.no}", said.span if said else None)
            heading_kind, last, last_no, gap = kind, None, None, False
            continue
        if tag is None:
            continue
        if PART_HEADING_RE.match(blank_tags(line.text)) is not None:
            tag, bare, gap = None, None, False  # the plan's next part: no item goes on into it
            continue
        alone = _alone_on_line(line.text, forms) or (
            _bare_number(lines, i, junk) if forms.ocr else None)
        if alone is not None and bare is None:
            read = alone.group("no")  # ``1 i``: no number, though to_int finds a 1 in it
            if starts_over(to_int(read) if DIGITS_RE.fullmatch(read) else None,
                            last_no, forms):
                tag = None  # the numbers start over: another list
                continue
            bare = (alone, line)
            continue
        found = swot_item(line.text, forms, (last_no or 0) + 1)
        if (found is None or found[1] is None) and line.no in junk.starts:
            found = _unsure_item(line, (last_no or 0) + 1) or found
        misread = None
        if found is None and forms.ocr and last is not None and not gap and ended_short(lines, i):
            misread = misread_number_item(line.text)
            found = (misread, "no") if misread is not None else None
        if found is not None and found[1] is not None and last is not None and not gap \
                and i > 0 and lines[i - 1].no in doc.wraps \
                and to_int(found[0].group(found[1])) != (last_no or 0) + 1:
            found = None  # ``(COVID`` / ``19) ...``: a number the page wrapped, not an item's
        if bare is not None:
            m, at = bare
            bare = None
            seq = _seq(doc, m, "no", at)
            if m.re is OCR_BARE_NUMBER_RE and seq is not None and last_no is not None \
                    and to_int(m.group("no")) != last_no + 1:
                seq = None  # no point, out of order (``5`` for ``2``): its place numbers it
            last_no = number_of(m.group("no"), last_no, forms)
            last = RawRow("plan_swot_items", len(rows) + 1, {
                "kind": tag, "seq": seq,
                "text": _words(doc, line.start, line.end)})
            rows.append(last)
            gap = False
            continue
        if found is not None and found[1] is not None and last_no is not None:
            if starts_over(to_int(found[0].group(found[1])), last_no, forms):
                tag = None  # the numbers start over: another list
                continue
        if found is not None and (found[1] is not None or last is None or "seq" not in last.fields):
            m, group = found
            fields: dict[str, FieldValue] = {"kind": tag}
            if group is not None:
                fields["seq"] = _seq(doc, m, group, line)
                if misread is not None or (forms.ocr and read_back(m.group(group), last)):
                    fields["seq"] = None  # misread (``๕`` for ``๔``): its place numbers it
                last_no = number_of(m.group(group), last_no, forms)
            body = m.start("body") + (head_specks(m.group("body")) if forms.ocr and group else 0)
            fields["text"] = _words(doc, line.start + body, line.start + m.end("body"))
            last = RawRow("plan_swot_items", len(rows) + 1, fields)
            rows.append(last)
        elif forms.ocr and is_text_line(line) and ((line.no in junk.led and not gap) or (
                (last is None or (gap and not _page_broke(doc, lines, i, junk)))
                 and _carries_on(lines, i, last_no or 0, forms, junk=junk, last_item=True))
                or (last is not None and _page_broke(doc, lines, i, junk)  # its number lost
                    and number_skipped(lines, i, last, last_no, junk.gaps))):  # at a page foot
            last_no = (last_no or 0) + 1  # OCR lost the item's number: its place numbers it
            last = RawRow("plan_swot_items", len(rows) + 1, {
                "kind": tag, "seq": None, "text": _words(doc, line.start, line.end)})
            rows.append(last)
        elif last is not None and not gap and i > 0 and doc.wraps_known(line.start) \
                and lines[i - 1].no not in doc.wraps and "\t" not in lines[i - 1].text \
                and "\t" not in line.text and not _carries_on(lines, i, last_no, forms, junk=junk):
            tag = None  # a paragraph of its own right under the list
        elif last is not None and (not gap or _carries_on(lines, i, last_no, forms, junk=junk)):
            last.fields["text"] = joined(last.fields.get("text"),
                                         _words(doc, line.start, line.end))
        else:
            tag = None  # the list has ended
        gap = False
    if forms.ocr:
        seqs_by_place(rows, findings)  # a number out of order: ``findings``
    finish_text_fields(doc, rows)
    return rows
