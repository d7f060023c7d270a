"""Pages saved as Markdown (html2text) read as the pages themselves.

The tracking system's pages (bench/corpus/web.py) and an action plan (its text's
rows as a table's) are generated from known values, turned into Markdown the way
html2text writes it (:func:`html2text_like`: ``#`` headings, ``**bold**``, pipe
tables without a leading pipe under ``---|---``, a one-cell row under ``---``,
escaped ``1\\.`` and ``\\---``, hard breaks of two spaces; wrapped at 78 columns
or not), saved as ``.md`` and read back as those values.
"""

from __future__ import annotations

import html
import random
import re
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

from bma_etl.read import read_source

from corpus import plans, web
from read_back import assert_read_as_generated

_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "li",
           "dl", "dt", "dd", "hr", "center", "body", "html")


def _escaped(line: str) -> str:
    line = re.sub(r"^(\d+)\.", r"\1\\.", line)
    return re.sub(r"-{3,}", lambda m: "\\" + m.group(0), line)


def _inline(node: Tag | NavigableString) -> str:
    if isinstance(node, NavigableString):
        return re.sub(r"\s+", " ", str(node))
    if node.name == "br":
        return "  \n"
    inner = "".join(_inline(c) for c in node.children)
    if node.name in ("b", "strong") and inner.strip():
        return f"**{inner.strip()}**"
    return inner


def _block(node: Tag, out: list[str], wrap: int) -> None:
    if node.name in ("script", "style", "head", "nav"):
        return
    if node.name == "table":
        rows = [[_escaped(_inline(c).strip()).replace("  \n", "  \n") for c in
                 tr.find_all(["td", "th"], recursive=False)] for tr in node.find_all("tr")]
        lines = ["| ".join(r) + "  " for r in rows if r]
        if lines:
            width = len(rows[0])
            out.append("\n".join([lines[0], "|".join(["---"] * width) + "  ", *lines[1:]]))
        return
    if node.name == "hr":
        out.append("* * *")
        return
    if any(isinstance(c, Tag) and c.name in _BLOCKS for c in node.children):
        run: list[str] = []
        for child in node.children:
            if isinstance(child, Tag) and child.name in _BLOCKS:
                if "".join(run).strip():
                    out.append(_paragraph("".join(run), wrap))
                run = []
                _block(child, out, wrap)
            else:
                run.append(_inline(child))
        if "".join(run).strip():
            out.append(_paragraph("".join(run), wrap))
        return
    text = _paragraph(_inline(node), wrap)
    if text.strip():
        level = int(node.name[1]) if re.fullmatch(r"h[1-6]", node.name or "") else 0
        out.append("#" * level + " " + text if level else text)


def _paragraph(text: str, wrap: int) -> str:
    lines = [_escaped(line.strip()) for line in text.strip().split("  \n")]
    if wrap:
        lines = ["\n".join(textwrap.wrap(line, wrap, break_long_words=False,
                                         break_on_hyphens=False)) for line in lines]
    return "  \n".join(lines)


def html2text_like(page: str, wrap: int = 0) -> str:
    """``page`` as html2text writes it as Markdown (``body_width=wrap``)."""
    soup = BeautifulSoup(page, "html.parser")
    out: list[str] = []
    _block(soup.body or soup, out, wrap)
    return "\n\n".join(out) + "\n"


def _plan_page(text: str) -> str:
    """An action plan's text as a page: its tab-separated rows as tables, a short line
    a bold heading, the rest paragraphs."""
    parts: list[str] = []
    rows: list[str] = []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>"
                                         for c in line.split("\t")) + "</tr>")
            continue
        if rows:
            parts.append("<table>" + "".join(rows) + "</table>")
            rows = []
        if line.strip():
            bold = len(line) < 90 and not re.match("[\u0e50-\u0e59]", line)
            cell = f"<b>{html.escape(line)}</b>" if bold else html.escape(line)
            parts.append(f"<p>{cell}</p>")
    return "<html><body>" + "\n".join(parts) + "</body></html>"


@pytest.mark.parametrize("wrap", [0, 78])
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("make", [web.progress_history, web.project_detail, web.tracking_page])
def test_a_page_saved_as_markdown_reads_as_generated(tmp_path: Path, make, seed: int,
                                                     wrap: int) -> None:
    doc = make(random.Random(seed))
    path = tmp_path / "page.md"
    path.write_text(html2text_like(doc.html, wrap), encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


@pytest.mark.parametrize("wrap", [0, 78])
@pytest.mark.parametrize("seed", range(3))
def test_a_plan_saved_as_markdown_reads_as_generated(tmp_path: Path, seed: int,
                                                     wrap: int) -> None:
    doc = plans.action_plan(random.Random(seed))
    path = tmp_path / "plan.markdown"
    path.write_text(html2text_like(_plan_page(doc.text), wrap), encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=["plan_projects"])


@pytest.mark.parametrize("name", ["legacy_pipe", "legacy_tab", "legacy_long", "web_detail",
                                  "web_history", "plan"])
def test_a_text_report_saved_as_md_is_read_line_for_line(tmp_path: Path, name: str) -> None:
    """Numbered lines, ``**** title ***``, rules of dashes are no Markdown of their own."""
    from corpus.build import GENERATORS

    doc = GENERATORS[name](random.Random(5))
    text, md = tmp_path / "report.txt", tmp_path / "report.md"
    text.write_text(doc.text, encoding="utf-8")
    md.write_text(doc.text, encoding="utf-8")
    assert read_source(md).text == read_source(text).text
    assert read_source(md).media_type == "text/plain"
    assert_read_as_generated(md, doc.truth)
