"""A ruled table's row the page cuts: closed where its column rules end.

Stage: read (:func:`~.ocr_layout.page_layout` runs it on a page's drawn rules before
gathering a ruled table's rows). A table that runs on to the next page has no
rule under its last row on the first page, nor over its first row on the next:
the cut row's column rules stop at the page's foot (or start at its head) with
no rule across them. :func:`~.ocr_layout.page_layout` gathers a row's cells only
between a rule above and a rule below, so the cut row's lines stayed as
Tesseract read them, across the cells (``รายงาน 1:: 28/2/2565 : จัดทำ...`` /
``ครั้งที่3 จ้างภาครัฐ ...``), and the row's label was lost with its report.
A scan whose last rule faded away is the same.

Where :data:`MIN_COLUMN_RULES` column rules or more of one table end together
(within the slack) beyond every rule across them, a rule is drawn across their
ends (:func:`with_cut_rows_closed`): the cut row is a row of the table, read cell
by cell. A rule that ends on a rule across it (a cell spanning rows) is no cut.
"""

from __future__ import annotations

from collections.abc import Callable

from bma_etl.read.ocr_image import PageRules

#: Least column rules (the table's two sides and one between) that end together
#: for their ends to be a cut: as many as a ruled row needs to be read cell by
#: cell (:func:`~.ocr_rule_cells.cell_of`).
MIN_COLUMN_RULES = 3
#: Slack (inches) for rules that end together and for a rule across their ends.
CUT_SLACK = 0.04

Rule = tuple[int, int, int]


def with_cut_rows_closed(rules: PageRules) -> PageRules:
    """``rules`` with a rule drawn across the column rules' open ends, at the foot and head.

    Rules are in pixels (:class:`~.ocr_image.PageRules`): horizontal ``(y, left,
    right)``, vertical ``(x, top, bottom)``. The rules come back as they are when
    no table's column rules end open.
    """
    slack = round(CUT_SLACK * rules.dpi)
    added = [*_closing(rules.vertical, rules.horizontal, slack, bottom=True),
             *_closing(rules.vertical, rules.horizontal, slack, bottom=False)]
    if not added:
        return rules
    return PageRules(tuple(sorted((*rules.horizontal, *added))), rules.vertical, rules.dpi,
                     rules.hidden)


def _closing(vertical: tuple[Rule, ...], horizontal: tuple[Rule, ...], slack: int,
             *, bottom: bool) -> list[Rule]:
    """Rules across the ends (bottom or top) of column rules that end together, open."""
    def end(rule: Rule) -> int:
        return rule[2] if bottom else rule[1]

    out: list[Rule] = []
    for group in _ending_together(sorted(vertical, key=end), end, slack):
        if len(group) < MIN_COLUMN_RULES:
            continue
        left, right = min(v[0] for v in group), max(v[0] for v in group)
        top, foot = max(v[1] for v in group), min(v[2] for v in group)
        across = [h[0] for h in horizontal if h[1] - slack <= left and h[2] + slack >= right
                  and top - slack <= h[0] <= foot + slack]
        if not across:
            continue  # column rules of no table row: a frame, a box of text
        at = round(sum(end(v) for v in group) / len(group))
        if (max(across) < at - slack) if bottom else (min(across) > at + slack):
            out.append((at, left, right))
    return out


def _ending_together(rules: list[Rule], end: Callable[[Rule], int], slack: int
                     ) -> list[list[Rule]]:
    """``rules`` (sorted by ``end``) in groups whose ends lie within ``slack`` of the last."""
    groups: list[list[Rule]] = []
    for rule in rules:
        if groups and end(rule) - end(groups[-1][-1]) <= slack:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    return groups
