"""A plan saved as a web page whose budget tables were pasted as pictures.

A writer pastes the plan's tables as pictures (or screenshots) and saves the page:
the HTML holds an ``<img>`` where each table stands and no text of it. The plan was
quarantined "no budget table after the summary heading", which does not tell a
person what to do; the reason now says the page's content shows pictures where the
tables might be (:func:`bma_etl.read.html.content_images`). A site's logo in its
header is no such picture.

The plan is generated (bench/corpus ``plan``); its tab rows (the tables) are written as
pictures, the rest as paragraphs.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from bma_etl.errors import ExtractError

from corpus.build import GENERATORS, _rng


def _page(text: str, header_logo: bool) -> str:
    """``text`` as a page: a ``<p>`` a line, each run of tab rows one ``<img>``."""
    out, in_table, pictures = [], False, 0
    for line in text.split("\n"):
        if "\t" in line:
            if not in_table:
                pictures += 1
                out.append(f'<p><img src="plan_files/image{pictures}.png" width="640"></p>')
            in_table = True
            continue
        in_table = False
        out.append(f"<p>{html.escape(line)}</p>")
    logo = '<header><img src="logo.png"> <a href="/"><img src="home.png"></a></header>' \
        if header_logo else ""
    return f"<html><body>{logo}{''.join(out)}</body></html>"


@pytest.mark.parametrize(("k", "header_logo"), [(0, False), (1, True)])
def test_a_plan_whose_tables_are_pictures_says_so(
        k: int, header_logo: bool, tmp_path: Path) -> None:
    from bma_etl.pipeline import process_file

    doc = GENERATORS["plan"](_rng(439, "plan", k))
    path = tmp_path / "plan.html"
    path.write_text(_page(doc.text, header_logo), encoding="utf-8")
    with pytest.raises(ExtractError, match=r"picture\(s\) \(<img>\).*tables pasted as images"):
        process_file(path)


def test_a_plan_page_with_only_a_logo_does_not_blame_pictures(tmp_path: Path) -> None:
    from bma_etl.pipeline import process_file

    doc = GENERATORS["plan"](_rng(439, "plan", 2))
    text = "\n".join(line for line in doc.text.split("\n") if "\t" not in line)
    path = tmp_path / "plan.html"
    path.write_text(f"<html><body><header><img src='logo.png'></header><p>"
                    f"{'</p><p>'.join(html.escape(x) for x in text.split(chr(10)))}</p>"
                    "</body></html>", encoding="utf-8")
    with pytest.raises(ExtractError) as raised:
        process_file(path)
    assert "<img>" not in str(raised.value)
