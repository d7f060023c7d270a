"""Text files saved the way editors, browsers and exporters save them.

breaker16 saved the project's text documents with: lines ended by U+2028 LINE
SEPARATOR, U+2029, U+0085 NEXT LINE, a vertical tab, or a form feed between pages
(quarantined: one long line); a word joiner, ZWNJ or ZWJ inside labels and values
(the label not found: the field lost); a fullwidth colon (U+FF1A) as the label
separator and fullwidth digits (quarantined); every space a no-break space (a
project page's twelve monthly results lost); literal ``&nbsp;`` / ``&quot;`` /
``&#3588;`` entities left in a CMS's text export (``&nbsp;50140000-7215`` stored as
the project code).

Here documents are generated from known values (bench/corpus), damaged the same
way, written as ``.txt`` and read; the truth is the values they were written from.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus import forms, web
from corpus.doc import GeneratedDoc
from read_back import assert_read_as_generated

GENERATORS: dict[str, Callable[[random.Random], GeneratedDoc]] = {
    "legacy": forms.legacy_form, "history": web.progress_history, "detail": web.project_detail,
}
CASES = [(name, k) for name in GENERATORS for k in range(2)]


def _doc(name: str, k: int) -> GeneratedDoc:
    return GENERATORS[name](random.Random(f"textchars-{name}-{k}"))


def _read(doc: GeneratedDoc, text: str, tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0b"])
@pytest.mark.parametrize(("name", "k"), CASES)
def test_lines_ended_by_other_separators(name: str, k: int, separator: str,
                                         tmp_path: Path) -> None:
    doc = _doc(name, k)
    _read(doc, doc.text.replace("\n", separator), tmp_path)


@pytest.mark.parametrize(("name", "k"), CASES)
def test_pages_of_a_text_dump_parted_by_form_feeds(name: str, k: int, tmp_path: Path) -> None:
    doc = _doc(name, k)
    lines = doc.text.split("\n")
    pages = [lines[i:i + 9] for i in range(0, len(lines), 9)]
    _read(doc, "\x0c".join("\n".join(page) for page in pages), tmp_path)


#: Invisible format characters (Unicode ``Cf``) editors leave inside words.
_INVISIBLES = ["\u2060", "\u200c", "\u200d", "\u200e", "\u2063", "\ufeff", "\u00ad"]


def _with_invisibles(text: str, rng: random.Random) -> str:
    """An invisible after the 2nd-4th letter of every run of 5+ Thai letters."""
    def put(m: re.Match[str]) -> str:
        word, at = m.group(), rng.randint(2, 4)
        return word[:at] + rng.choice(_INVISIBLES) + word[at:]
    return re.sub("[\u0e01-\u0e4e]{5,}", put, text)


@pytest.mark.parametrize(("name", "k"), CASES)
def test_invisible_joiners_inside_labels_and_values(name: str, k: int, tmp_path: Path) -> None:
    doc = _doc(name, k)
    _read(doc, _with_invisibles(doc.text, random.Random(k)), tmp_path)


_FULLWIDTH = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, ":": "\uff1a"})


@pytest.mark.parametrize(("name", "k"), CASES)
def test_fullwidth_colons_and_digits(name: str, k: int, tmp_path: Path) -> None:
    doc = _doc(name, k)
    _read(doc, doc.text.translate(_FULLWIDTH), tmp_path)


@pytest.mark.parametrize(("name", "k"), CASES)
def test_every_space_a_no_break_space(name: str, k: int, tmp_path: Path) -> None:
    doc = _doc(name, k)
    _read(doc, doc.text.replace(" ", "\u00a0"), tmp_path)


def _as_entities(text: str, rng: random.Random) -> str:
    """The text as a CMS exports it: ``&amp;``, ``&quot;``, ``&nbsp;`` after colons and
    before บาท, and now and then a Thai letter as a decimal or hex reference."""
    text = text.replace("&", "&amp;").replace('"', "&quot;")
    text = text.replace(" : ", " :&nbsp;").replace(": ", ":&nbsp;").replace(" บาท", "&nbsp;บาท")
    return re.sub("[\u0e01-\u0e2e]", lambda m: rng.choice(
        [m.group(), m.group(), f"&#{ord(m.group())};", f"&#x{ord(m.group()):04X};"]), text)


@pytest.mark.parametrize(("name", "k"), CASES)
def test_html_entities_left_in_a_text_export(name: str, k: int, tmp_path: Path) -> None:
    doc = _doc(name, k)
    _read(doc, _as_entities(doc.text, random.Random(k)), tmp_path)


def test_prose_ampersands_stay() -> None:
    from bma_etl.read.text_chars import plain_text

    prose = "บริษัท A&B จำกัด & หุ้นส่วน R&D;ผลงาน &unknown; 5 &lt 6"
    assert plain_text(prose) == prose


def _mhtml(doc: GeneratedDoc, transfer: str, charset: str) -> bytes:
    """``doc``'s page saved as one file, as Chromium and Edge write it: a MIME
    ``multipart/related`` message, the page a ``text/html`` part in ``transfer``
    encoding, then a style sheet part."""
    import base64
    import quopri
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart

    assert doc.html is not None
    archive = MIMEMultipart("related", type="text/html")
    archive["From"] = "<Saved by Blink>"
    archive["Snapshot-Content-Location"] = "https://pms.bangkok.go.th/project/page.aspx?id=1"
    page = MIMENonMultipart("text", "html", charset=charset)
    raw = doc.html.encode("cp874" if charset == "windows-874" else charset)
    encoded = quopri.encodestring(raw) if transfer == "quoted-printable" \
        else base64.encodebytes(raw)
    page.set_payload(encoded.decode("ascii"))
    page["Content-Transfer-Encoding"] = transfer
    page["Content-Location"] = "https://pms.bangkok.go.th/project/page.aspx?id=1"
    style = MIMENonMultipart("text", "css")
    style.set_payload("body { font-family: 'TH Sarabun New'; }")
    archive.attach(page)
    archive.attach(style)
    return archive.as_bytes().replace(b"\n", b"\r\n")


@pytest.mark.parametrize(("suffix", "transfer", "charset"), [
    (".mhtml", "quoted-printable", "utf-8"), (".mht", "base64", "utf-8"),
    (".mht", "quoted-printable", "windows-874"), (".html", "quoted-printable", "utf-8")])
@pytest.mark.parametrize("name", ["history", "detail", "legacy"])
def test_a_page_saved_as_a_web_archive(name: str, suffix: str, transfer: str, charset: str,
                                       tmp_path: Path) -> None:
    doc = GENERATORS[name](random.Random(f"textchars-mhtml-{name}"))
    if name == "legacy":
        doc = forms.legacy_html(random.Random("textchars-mhtml-legacy"))
    path = tmp_path / f"saved{suffix}"
    path.write_bytes(_mhtml(doc, transfer, charset))
    assert_read_as_generated(path, doc.truth)


def test_a_windows_874_web_archive_warns_of_no_charset_clash(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Internet Explorer saves a Thai page as ``.mht`` in its own charset: the part
    says ``charset=windows-874`` and the page keeps its ``<meta charset=windows-874>``.
    Read as a saved page is, it is Windows-874 Thai; nothing claims a clash."""
    import logging

    seeds = (random.Random(f"textchars-mht-874-{k}") for k in range(50))
    doc = next(d for d in map(web.project_detail, seeds) if d.html_encoding == "windows-874")
    assert doc.html is not None and '<meta charset="windows-874">' in doc.html
    path = tmp_path / "saved.mht"
    path.write_bytes(_mhtml(doc, "quoted-printable", "windows-874"))
    with caplog.at_level(logging.WARNING, logger="bma_etl"):
        assert_read_as_generated(path, doc.truth)
    assert not [r.getMessage() for r in caplog.records if "charset" in r.getMessage()]
