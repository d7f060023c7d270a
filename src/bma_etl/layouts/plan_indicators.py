"""Indicator tables of the annual action plan: targets, scoring levels, definitions.

Stage: extract (a helper of :mod:`bma_etl.layouts.annual_action_plan`, not a layout).
Consumes the :class:`~bma_etl.layouts.plan_tables.Table` s of kind ``targets``,
``scoring`` and ``kpi``; produces raw rows for ``plan_indicators`` (one per
indicator per year column), ``plan_scoring_levels`` (levels 5..1 of a
เกณฑ์การให้คะแนน table) and ``plan_kpi_definitions`` (tables with a
นิยาม/คำอธิบายตัวชี้วัด column). Columns are found by their header words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bma_etl.layouts.base import (
    Derived,
    FieldValue,
    Finding,
    Line,
    Raw,
    RawRow,
    RepairedText,
)
from bma_etl.layouts.plan_cells import (
    DIGIT,
    DIGIT_RE,
    NUMBER_RE,
    Row,
    few_letters,
    find_col,
    is_calendar_row,
    is_year,
    squash,
    unplaced,
)
from bma_etl.layouts.plan_level_quotes import (
    HEADING_GAP_MAX,
    HEADING_LINES_MAX,
    closed_below,
    quote_after_foot_heading,
    quote_over_table,
    turned_close,
    turned_quote,
    unclosed_quote,
    unopened_quote,
)
from bma_etl.layouts.plan_tables import Table, kind_of
from bma_etl.layouts.plan_values import (
    cell_pieces,
    cell_segments,
    first_match,
    joined,
    to_int,
    value,
)
from bma_etl.matchkey import KeyRegex, key, key_pattern
from bma_etl.rows import join_lines

# ---------------------------------------------------------------------------
# Indicator targets per year (plan_indicators)
# ---------------------------------------------------------------------------

_YEAR_IN_CELL_RE = re.compile(rf"[๒2][๔-๖4-6]{DIGIT}{{2}}")


def read_target_table(doc: RepairedText, table: Table, findings: list[Finding]) -> list[RawRow]:
    """Read one row per indicator per year column (``name``, ``year_be``, ``target_text``)."""
    header = table.rows[0]
    seq_col, name_col = _seq_and_name_cols(header, table.rows[1:])
    years: dict[int, FieldValue] = {}
    for row in table.rows[:2]:
        for i, cell in enumerate(row.cells):
            found = is_year(cell.plain) if i != name_col else None
            if found is None:
                continue
            year: FieldValue = first_match(doc, _YEAR_IN_CELL_RE, cell)
            if year is None:  # ``๒๕ ๕๘``: the PDF set a gap between its digits
                said = doc.raw(cell.start, cell.start + len(cell.text))
                number = to_int(found.group("year"))
                year = None if number is None else Derived(
                    number, "a year whose digits the PDF set apart", said.span if said else None)
            if year is not None:
                years.setdefault(i, year)
    header_words = [squash(t) for t in header.filled()]
    indicators: list[tuple[FieldValue, dict[int, FieldValue]]] = []
    numbered = False  # the row above has its number: a row without one continues it
    for row in table.rows:
        repeat = [squash(t) for t in row.filled()] == header_words
        if not row.filled() or is_calendar_row(row) or repeat:
            continue
        name = cell_pieces(doc, row.cell(name_col))
        targets: dict[int, FieldValue] = {i: value(cell_pieces(doc, row.cell(i))) for i in years}
        stated = {i: v for i, v in targets.items() if isinstance(v, Raw | list)}
        # A ruled row the reader gives line by line (narrow cells, every one wrapped):
        # its next lines have words in the name and target cells but no number. In a
        # table whose rows state no number, the rest of wrapped targets has no number.
        if indicators and not row.plain(seq_col) and (
                not name or not stated or numbered
                or _rest_of_targets(row, list(years), indicators[-1][1])):
            last_name, last_targets = indicators[-1]
            if name:
                indicators[-1] = (joined(last_name, name), last_targets)
            stated = _spread_rest(doc, row, list(years), stated)
            for i, v in stated.items():
                extra = v if isinstance(v, list) else [v]
                last_targets[i] = joined(last_targets.get(i), extra)
            continue
        if not name:
            findings.append(unplaced("plan_indicators", row, "targets without an indicator"))
            continue
        numbered = bool(row.plain(seq_col))
        indicators.append((value(name), targets))
    rows: list[RawRow] = []
    for name_value, targets in indicators:
        for i, year in years.items():
            rows.append(RawRow("plan_indicators", None, {
                "name": name_value, "year_be": year, "target_text": targets.get(i)}))
    return rows


#: The number column's header cell naming the indicator column too (``ลำดับที่ ตัวชี้วัด``,
#: squashed): the gap between the two was read as a space or none. Matched in key
#: form (:func:`~bma_etl.matchkey.key`): OCR drops marks (``ลำดับที ตัวชีวัด``).
_SEQ_THEN_NAME_KEY_RE = key_pattern(r"ลำดับ.*ตัวชี้วัด")
_BARE_NUMBER_RE = re.compile(rf"{DIGIT}+\.?")


def _seq_and_name_cols(header: Row, rows: Sequence[Row] = ()) -> tuple[int | None, int | None]:
    r"""The number and indicator columns of a target table's ``header``.

    A header cell naming both (``ลำดับที่ ตัวชี้วัด``: a print set the narrow number
    column's words up to the next column's) before an empty cell, over rows whose
    cell in its column (``rows``: the table's rows after the header; the first with
    words there) is a bare number: the number is that cell's column, the indicator
    the next one (rows ``๑ | ระดับความสำเร็จ… | ร้อยละ ๘๐``).

    >>> from bma_etl.layouts.base import Line
    >>> from bma_etl.layouts.plan_cells import row_of
    >>> rows = [row_of(Line(2, 0, "๑\tระดับความสำเร็จ\tร้อยละ ๘๐"))]
    >>> _seq_and_name_cols(row_of(Line(1, 0, "ลำดับที่ ตัวชี้วัด\t\tค่าเป้าหมาย\t")), rows)
    (0, 1)
    >>> _seq_and_name_cols(row_of(Line(1, 0, "ลำดับที ตัวชีวัด\t\tค่าเป้าหมาย\t")), rows)
    (0, 1)
    >>> _seq_and_name_cols(row_of(Line(1, 0, "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย")))
    (0, 1)
    """
    name_col = find_col(header, "ตัวชี้วัด")
    seq_col = find_col(header, "ลำดับ", skip=(name_col,))
    if seq_col is None and name_col is not None and name_col + 1 < len(header.squashed) \
            and _SEQ_THEN_NAME_KEY_RE is not None \
            and _SEQ_THEN_NAME_KEY_RE.search(key(header.squashed[name_col])) is not None \
            and not header.plain(name_col + 1):
        said = next((row.plain(name_col).strip() for row in rows if row.plain(name_col).strip()),
                    "")
        if _BARE_NUMBER_RE.fullmatch(said):
            return name_col, name_col + 1
    return seq_col, name_col


def _rest_of_targets(row: Row, columns: list[int], above: dict[int, FieldValue]) -> bool:
    """Whether ``row`` (no number) holds the rest of the targets of the row above.

    Each target of the row above states a number (``ร้อยละ ๖๘ ของเครือข่าย``) and
    none of this row's target cells does (``ทั้งหมด``): the words a wrap carried
    over, not a row of its own, whose targets would state theirs.
    """
    cells = [row.plain(i) for i in columns if row.plain(i)]
    texts = [" ".join(r.text for r in (v if isinstance(v, list) else [v]))
             for v in (above.get(i) for i in columns) if isinstance(v, Raw | list)]
    return bool(cells) and len(texts) == len(columns) \
        and all(DIGIT_RE.search(t) for t in texts) and not any(DIGIT_RE.search(c) for c in cells)


_WORD_RE = re.compile(r"\S+")


def _spread_rest(doc: RepairedText, row: Row, columns: list[int],
                 stated: dict[int, Raw | list[Raw]]) -> dict[int, Raw | list[Raw]]:
    """The continued target cells of ``row``, a cell run over the empty ones after it cut.

    Target cells closer than a tab come as one cell (``ทั้งหมด ทั้งหมด ทั้งหมด``, the
    next year columns empty): when it holds as many words as the columns it
    spans, each word goes to its column.
    """
    out = dict(stated)
    for k, i in enumerate(columns):
        cell = row.cell(i)
        if i not in stated or cell is None or "<" in cell.text:
            continue
        span = 1
        while k + span < len(columns) and not row.plain(columns[k + span]):
            span += 1
        words = list(_WORD_RE.finditer(cell.text))
        if span < 2 or len(words) != span:
            continue
        for j, m in enumerate(words):
            raw = doc.raw(cell.start + m.start(), cell.start + m.end())
            if raw is not None:
                out[columns[k + j]] = raw
    return out


# ---------------------------------------------------------------------------
# Scoring levels (plan_scoring_levels)
# ---------------------------------------------------------------------------

_QUOTED_RE = re.compile(r"[“\"](?P<name>[^“”\"]+)[”\"]")  # the innermost quote
_SCORING_HEADING_RE = KeyRegex(r"เกณฑ์การให้คะแนน\s*(?:ตัวชี้วัด)?\s*:?\s*(?P<name>\S.*?)?\s*$")


def scoring_indicator(doc: RepairedText, headings: list[Line]) -> Raw | None:
    """Find the indicator a เกณฑ์การให้คะแนน heading names (the quoted words when quoted).

    A quote the page wrapped (``“ระดับ...`` on one line, ``...ต่างประเทศ”`` on the
    next ones, or the whole quote on the line after the heading words) is read
    across the heading's lines. On an OCR'd page a quote whose ``”`` OCR lost runs
    to the end of its lines (:func:`.unclosed_quote`), one whose ``“`` OCR lost ends
    at its ``”``, and a quote alone on a line, or after heading words misread past
    their pattern, names the indicator (:func:`.quote_over_table`).
    """
    for i in range(len(headings) - 1, -1, -1):
        line = headings[i]
        m = _SCORING_HEADING_RE.search(line.text)
        if not m:
            continue
        opened = line.text.find("“", m.start())
        after = headings[i + 1].text.lstrip() if i + 1 < len(headings) else ""
        name = m.group("name")  # a speck OCR read after the heading words names nothing
        named = bool(name) and not (doc.ocr_used and few_letters(str(name)))
        if (opened >= 0 and "”" not in line.text[opened:]
                and not (doc.ocr_used and turned_close(line.text) > opened)) or (
                not named and after.startswith("“")) or closed_below(doc, headings, i):
            run = [line]
            for nxt in headings[i + 1:i + HEADING_LINES_MAX]:
                # the next line, or the next after a page break (its furniture left out)
                if nxt.no - run[-1].no > HEADING_GAP_MAX:
                    break
                run.append(nxt)
                if "”" in nxt.text or (doc.ocr_used and turned_close(nxt.text) >= 0):
                    line = join_lines(run)
                    m = _SCORING_HEADING_RE.search(line.text)
                    break
        if m is None:
            continue
        quoted = _QUOTED_RE.search(line.text, m.start())
        if quoted:
            return doc.raw_match(quoted, "name", line=line)
        if doc.ocr_used and (turned := turned_quote(
                doc, line, m.start("name") if m.group("name") else m.end())) is not None:
            return turned  # its ``”`` read as ``“``
        if doc.ocr_used and (unclosed := unclosed_quote(doc, headings, i)) is not None:
            return unclosed
        if doc.ocr_used and not named:
            return unopened_quote(doc, headings, i)
        if not named:
            return None
        start, end = m.span("name")
        closed = line.text.rfind("”", start, end) if doc.ocr_used else -1
        return doc.raw_in(line, start, closed if closed > start else end)  # its “ lost
    if (after_foot := quote_after_foot_heading(doc, headings)) is not None:
        return after_foot  # the heading words alone at a page's foot, taken for furniture
    return quote_over_table(doc, headings) if doc.ocr_used else None


def read_scoring_table(doc: RepairedText, table: Table, findings: list[Finding]) -> list[RawRow]:
    """Read levels 5..1: ``level``, ``weight_pct``, ``description``, ``score``, ``indicator``."""
    header = table.rows[0]
    level_col = find_col(header, "ระดับ")
    weight_col = find_col(header, "ร้อยละ", "น้ำหนัก", "เกณฑ์", skip=(level_col,))
    score_col = find_col(header, "คะแนน", skip=(level_col, weight_col))
    desc_col = find_col(header, "ดำเนินงาน", "รายละเอียด", "ผลงาน", "คำอธิบาย", ".",
                        skip=(level_col, weight_col, score_col))
    indicator = scoring_indicator(doc, table.headings)
    rows: list[RawRow] = []
    for row in table.rows:
        if not row.filled() or kind_of(row, None) == "scoring":
            continue
        level_text = row.plain(level_col).removesuffix(".")  # ``5.`` as ``5``
        desc = cell_pieces(doc, row.cell(desc_col))
        if not level_text and rows and desc:  # a description continued on the next page
            last = rows[-1].fields
            last["description"] = joined(last.get("description"), desc)
            if last.get("score") is None:
                last["score"] = first_match(doc, NUMBER_RE, row.cell(score_col))
            continue
        level = to_int(level_text) if DIGIT_RE.fullmatch(level_text) else None
        if level is None or not 1 <= level <= 5:
            findings.append(unplaced("plan_scoring_levels", row, "not a level 1..5"))
            continue
        rows.append(RawRow("plan_scoring_levels", None, {
            "indicator": indicator,
            "level": first_match(doc, DIGIT_RE, row.cell(level_col)),
            "weight_pct": first_match(doc, NUMBER_RE, row.cell(weight_col)),
            "description": value(desc),
            "score": first_match(doc, NUMBER_RE, row.cell(score_col)),
        }))
    return rows


# ---------------------------------------------------------------------------
# Indicator definitions (plan_kpi_definitions)
# ---------------------------------------------------------------------------

KPI_TABLE = "plan_kpi_definitions"


def kpi_columns(header: Row) -> dict[str, int | None]:
    """Column of each ``plan_kpi_definitions`` field in a definition table's header.

    ``มาตรการ | ตัวชี้วัดมาตรการ | นิยาม/คำอธิบายตัวชี้วัด | โครงการ/กิจกรรม`` or, without
    measures, ``ตัวชี้วัด | นิยาม/คำอธิบายตัวชี้วัด | โครงการ/กิจกรรมและส่วนราชการ...``.
    """
    definition = find_col(header, "^นิยาม", "^คำอธิบาย", "นิยาม")
    activities = find_col(header, "^โครงการ", "^กิจกรรม", "โครงการ", "กิจกรรม", skip=(definition,))
    indicator = find_col(header, "^ตัวชี้วัด", "ตัวชี้วัด", skip=(definition, activities))
    measure = find_col(header, "^มาตรการ", "มาตรการ", skip=(definition, activities, indicator))
    return {"measure": measure, "indicator": indicator, "definition": definition,
            "activities": activities}


#: How an indicator is worded at its start: ``ระดับความสำเร็จ...``, ``ร้อยละ...``,
#: ``จำนวน...``, ``มีแผน...``, or its number (``๕.๑``); and a definition's start.
_INDICATOR_START_RE = re.compile(
    rf"^(?:{DIGIT}+(?:\.{DIGIT}+)*\s*)?(?:ระดับ|ร้อยละ|จำนวน|ความ|อัตรา|สัดส่วน|ค่าเฉลี่ย|มี"
    r"|ดัชนี|คะแนน|ผล)")
_DEFINITION_START_RE = re.compile(rf"^(?:นิยาม|คำอธิบาย|{DIGIT}+\s*[.)])|หมายถึง")


def _continues(row: Row, columns: dict[str, int | None]) -> bool:
    """Whether a row right under another one holds the next lines of its cells.

    A reader may give a ruled row's wrapped lines one by one (a row at a page's
    top, every cell still running, or the rest of a row a page break cut, after
    the browser's footer): such a line has words in its indicator cell
    too, but they do not start an indicator (its wording or number), and its
    definition cell starts no definition (``นิยาม``, a term ``... หมายถึง``, an item).
    """
    indicator = row.plain(columns["indicator"])
    definition = row.plain(columns["definition"])
    return bool(indicator) and not _INDICATOR_START_RE.match(indicator) \
        and not _DEFINITION_START_RE.search(definition)


def read_kpi_table(doc: RepairedText, table: Table, findings: list[Finding],
                   carry: RawRow | None = None) -> list[RawRow]:
    """Read one row per definition: ``measure``, ``indicator``, ``definition``, ``activities``.

    A row whose indicator cell is empty continues the definition above, cell by
    cell (a row broken over a page comes back after the repeated header with its
    first cells empty). So does the first row after a page break that has an
    indicator but no measure while the table has a measure column: the indicator
    cell itself ran over the page. ``carry`` is the last definition of the table
    just before, which a table opening with such a row continues. Fields hold the
    segments read (:func:`segments`) until :func:`finish_text_fields`.
    """
    columns = kpi_columns(table.rows[0])
    key = columns["indicator"] if columns["indicator"] is not None else columns["measure"]
    measure = columns["measure"]
    rows: list[RawRow] = []
    last = carry
    after_break = True
    previous_line: int | None = None
    for row in table.rows:
        if kind_of(row, None) == "kpi":  # the header, or its repeat on the next page
            after_break = True
            continue
        if not row.filled():
            continue
        if previous_line is not None and row.line.no != previous_line + 1:
            after_break = True  # a block without a repeated header
        previous_line = row.line.no
        page_start, after_break = after_break, False
        cells = {name: cell_segments(doc, row.cell(col)) for name, col in columns.items()}
        if not any(cells.values()):
            findings.append(unplaced(KPI_TABLE, row, "text outside the definition columns"))
            continue
        if not row.plain(key) and last is None:
            findings.append(unplaced(KPI_TABLE, row, "text before the first definition"))
            continue
        if last is not None and (not row.plain(key) or (
                page_start and measure is not None and measure != key
                and not row.plain(measure)) or _continues(row, columns)):
            for name, parts in cells.items():
                if parts:
                    last.fields[name] = joined(last.fields.get(name), parts)
            continue
        last = RawRow(KPI_TABLE, None, {name: list(parts) for name, parts in cells.items()})
        rows.append(last)
    return rows

