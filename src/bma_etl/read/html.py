"""Read a saved web page: decode its bytes, parse the markup, render plain lines.

Stage: read. Consumes the bytes of an ``.html``/``.htm`` file saved from the BMA
project-tracking system; produces the text the layout extractors read, in the
same shape as the system's text dumps:

- every block element (``p``, ``div``, ``li``, ``br``...) ends a line;
- every table row is one line, its cells joined by a tab, so a label cell and
  its value cell stay on one line (``รหัสโครงการ<TAB>04160000-6961``) and an
  empty value cell still leaves its tab (``ผลงานเดือนที่ 10<TAB>``): the cell
  boundary the text dumps lose is kept; a label and its value in other elements
  (``<dt>``/``<dd>``, a grid row's columns, a form control beside its label) are
  such a line too, and a form control's value is text the page shows
  (:mod:`bma_etl.read.html_render`);
- ``script``, ``style``, ``head`` and navigation (``nav``, ``role=navigation``,
  menu/breadcrumb blocks) are dropped; blank lines are dropped;
- a spreadsheet saved as a web page (Google Sheets' "Web page" download) loses
  the sheet's column letters and row numbers it wrote as cells
  (:mod:`bma_etl.read.html_sheet`).

The markup is parsed with BeautifulSoup's ``html.parser``, never with regular
expressions. The charset is taken from a byte order mark, then from valid UTF-8,
then from the page's ``<meta charset>`` / ``http-equiv`` declaration unless the
bytes read as Thai in Windows-874 and not in it, then from the Thai legacy
encodings and ``charset-normalizer`` (see :func:`decode_html`).
Thai legacy labels (``windows-874``, ``tis-620``, ``iso-8859-11``) all decode
as cp874, as browsers do (the WHATWG encoding standard maps them together).
A page that ends before its ``</body>``/``</html>`` (:func:`cut_short`: saved or
downloaded only in part) is read as far as it goes, marked :attr:`SavedPage.cut`:
the pipeline leaves out what the cut may have halved (:mod:`bma_etl.normalize.trust_cut`).
Raises :class:`~bma_etl.errors.ReadError` when the bytes cannot be decoded, the
markup nests too deeply or the page has no text (a cut page: as truncated).
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup
from bs4.dammit import EncodingDetector
from bs4.element import Comment, Tag

from bma_etl.errors import ReadError
from bma_etl.read.html_render import render_lines
from bma_etl.read.html_sheet import drop_sheet_headings
from bma_etl.read.text import (
    Decoded,
    decode_thai_runs,
    is_thai_reading,
    looks_thai,
    read_text,
    utf16_unmarked,
)

__all__ = ["SavedPage", "cut_message", "cut_short", "decode_html", "html_to_text", "page_url",
           "read_html", "render_text"]

log = logging.getLogger(__name__)

#: Charset labels that browsers decode as Windows-874 (a superset of TIS-620).
THAI_LABELS = frozenset({
    "windows-874", "x-windows-874", "cp874", "dos-874", "ibm874",
    "tis-620", "tis620", "tis_620", "iso-8859-11", "iso8859-11", "iso_8859-11",
})
#: Labels browsers decode as Windows-1252 rather than what they say.
LATIN_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii",
                          "us-ascii"})

_TAG = re.compile(r"<[^<>]*>")
#: The bytes but the control bytes (0-8, 14-31): ``len(sample.translate(None, it))``
#: counts a sample's control bytes in C, not a byte at a time.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _codec_for(label: str) -> str | None:
    """Python codec for a declared charset label, as a browser would read it."""
    key = label.strip().strip("\"'").lower()
    if key in THAI_LABELS:
        return "cp874"
    if key in LATIN_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def decode_html(data: bytes, name: str = "page") -> str:
    r"""Bytes of a saved page → str, choosing the charset as described above.

    A page that is valid UTF-8 is UTF-8 whatever its ``<meta>`` says (browsers
    re-save pages as UTF-8 and often keep the old declaration; legacy Thai bytes
    are practically never valid UTF-8). A page that declares another charset but
    whose bytes read as Thai in Windows-874 and not in that charset is Thai (a page
    saved as Windows-874 keeps the declaration of the page it was copied from).
    ``<meta charset="utf-16">`` on bytes that are not is read as UTF-8, as browsers
    do.

    >>> page = '<meta charset="windows-874"><p>สำนัก</p>'
    >>> decode_html(page.encode("cp874")) == page
    True
    >>> page = '<meta charset="iso-8859-1"><p>สำนักงานเขต</p>'
    >>> decode_html(page.encode("cp874")) == page
    True
    >>> decode_html(b"<p>\x00\x01\x02\xff</p>")
    Traceback (most recent call last):
    ...
    bma_etl.errors.ReadError: page: looks binary (NUL or control bytes), not a saved web page
    """
    return _decode(data, name).text


def _decode(data: bytes, name: str, charset: str | None = None) -> Decoded:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise ReadError(
                    f"{name}: starts with a {codec} byte order mark but does not decode as "
                    f"{codec} (byte {exc.start}); re-save it as UTF-8") from exc
    unmarked = utf16_unmarked(data, name)
    if unmarked is not None:
        return unmarked
    sample = data[:65536]
    if b"\x00" in sample or len(sample.translate(None, _NOT_CONTROL)) > 0.01 * len(sample):
        raise ReadError(f"{name}: looks binary (NUL or control bytes), not a saved web page")
    declared_label = charset if charset and _codec_for(charset) else \
        EncodingDetector.find_declared_encoding(data, is_html=True)
    declared = _codec_for(declared_label) if declared_label else None
    if declared is not None and declared.startswith("utf-16"):
        declared = "utf-8"  # no BOM, no NULs: not UTF-16 (WHATWG reads the label as UTF-8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared not in (None, "utf-8") and not data.isascii():
            log.warning("%s: declares charset %s but is valid UTF-8; read as UTF-8",
                        name, declared_label)
        return Decoded(text, "utf-8")
    if declared == "cp874":
        return decode_thai_runs(data, name)
    if declared is not None and declared != "utf-8":
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            log.warning("%s: declared charset %s does not decode it; guessing", name,
                        declared_label)
        else:
            thai = decode_thai_runs(data, name)
            if is_thai_reading(thai.text, _visible(thai.text)) and not looks_thai(_visible(text)):
                log.warning("%s: declares charset %s but its bytes are Windows-874 Thai; "
                            "read as Thai", name, declared_label)
                return thai
            return Decoded(text, declared)
    thai = decode_thai_runs(data, name)
    if is_thai_reading(thai.text, _visible(thai.text)):  # judged on its text, not its markup
        return thai
    try:
        return read_text(data, name)
    except ReadError as exc:
        if declared_label is None:
            raise
        raise ReadError(f"{exc} (it declares charset {declared_label!r}, which does not "
                        "decode it either)") from exc


def _visible(html: str) -> str:
    """The page's text between its tags, roughly: enough to judge its language."""
    return _TAG.sub(" ", _HIDDEN.sub(" ", html))


@dataclass(frozen=True, slots=True)
class SavedPage(Decoded):
    """A saved page's text, encodings, what did not decode, and the address it names."""

    url: str | None = None
    #: The element a page cut short opens and never closes (``body``), None for a whole page.
    cut: str | None = None
    #: Pictures the page's content shows (:func:`content_images`): a table pasted as one.
    images: int = 0


#: ``<!-- saved from url=(0075)https://… -->``: the mark a browser leaves on a page
#: it saved ("Web page, complete"); the number is the address's length.
_SAVED_FROM = re.compile(r"saved\s+from\s+url=\(\d+\)\s*(?P<url>\S+)", re.IGNORECASE)
#: The elements that may name a page's address (:func:`page_url`).
_URL_TAGS = frozenset({"link", "meta", "base"})


def page_url(soup: BeautifulSoup) -> str | None:
    """The address a saved page names for itself, or None.

    In order: the browser's ``saved from url`` comment, ``<link rel="canonical">``,
    ``<meta property="og:url">``, ``<base href>``.

    >>> page_url(BeautifulSoup('<!-- saved from url=(0022)https://x.example/a?pid=1 -->'
    ...                        '<p>x</p>', "html.parser"))
    'https://x.example/a?pid=1'
    >>> page_url(BeautifulSoup('<link rel="canonical" href="https://x.example/b">',
    ...                        "html.parser"))
    'https://x.example/b'
    """
    comments: list[Comment] = []
    held: set[tuple[str, str]] = set()  # (element, attribute) of the link, meta, base tags
    for node in soup.descendants:  # one walk; a search below only where it may find
        if isinstance(node, Comment):
            comments.append(node)
        elif isinstance(node, Tag) and node.name in _URL_TAGS:
            held.update((node.name, attr) for attr in node.attrs)
    for comment in comments:
        m = _SAVED_FROM.search(str(comment))
        if m:
            return m.group("url")
    for tag, attr, wanted, key in (("link", "rel", "canonical", "href"),
                                   ("meta", "property", "og:url", "content"),
                                   ("base", "href", True, "href")):
        if (tag, attr) not in held:
            continue
        found = soup.find(tag, attrs={attr: wanted})
        value = found.get(key) if isinstance(found, Tag) else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def cut_short(html: str) -> str | None:
    """The element (``html`` or ``body``) a page opens but never closes, else None.

    A page saved or downloaded only in part ends mid-element: its ``</body>`` and
    ``</html>`` are lost with the rest. Browsers and the system's pages write both;
    a page that never opened them (a fragment) is not judged.
    """
    lower = html.lower()
    for name in ("body", "html"):
        if re.search(rf"<{name}[\s>]", lower) and f"</{name}" not in lower:
            return name
    return None


#: Elements whose pictures are the site's, not the document's (logos, icons, menus).
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "a", "button"})


def content_images(soup: BeautifulSoup) -> int:
    """How many ``<img>`` the page's content shows, outside its links and site chrome.

    A plan whose tables were pasted as pictures (a writer's "paste as picture", a
    screenshot) is saved with an ``<img>`` where the table stands, and no text of it:
    a reader that finds no table says so (:func:`bma_etl.pipeline_file.process_file`).

    >>> content_images(BeautifulSoup('<header><img src="logo.png"></header>'
    ...                              '<p>ตาราง</p><p><img src="t1.png"></p>', "html.parser"))
    1
    """
    return sum(1 for img in soup.find_all("img")
               if not any(parent.name in _CHROME_TAGS for parent in img.parents))


def _parse(html: str) -> tuple[str, str | None, int]:
    soup = BeautifulSoup(html, "html.parser")
    drop_sheet_headings(soup)  # a sheet saved as a page: its row numbers are no text
    return render_lines(soup), page_url(soup), content_images(soup)


def render_text(html: str) -> str:
    r"""Markup → the plain lines described in the module docstring.

    >>> render_text("<table><tr><th>ปี</th><td>2566</td></tr>"
    ...             "<tr><td>ผลงานเดือนที่ 10</td><td></td></tr></table>")
    'ปี\t2566\nผลงานเดือนที่ 10\t'
    >>> render_text("<nav>หน้าหลัก</nav><p>(1) ร้อยละ 100<br>29/09/2566 : เสร็จ</p>")
    '(1) ร้อยละ 100\n29/09/2566 : เสร็จ'
    """
    return _parse(html)[0]


def html_to_text(data: bytes, name: str = "page") -> str:
    """Bytes of a saved tracking-system page → the text the extractors read.

    Raises ReadError when the bytes do not decode, the markup nests too deeply
    to walk, or no text is left once markup and boilerplate are removed.
    """
    return read_html(data, name).text


def read_html(data: bytes, name: str = "page", charset: str | None = None) -> SavedPage:
    """Like :func:`html_to_text`, with more of what was read.

    The charset, what did not decode, and the address the page names for itself
    (:func:`page_url`). ``charset`` is the label the page's carrier declares (an
    MHTML part's ``Content-Type``, as a browser takes an HTTP header): when it names
    a known codec it stands where the page's ``<meta charset>`` would.
    """
    page = _decode(data, name, charset)
    cut = cut_short(page.text)
    try:
        text, url, images = _parse(page.text)
    except RecursionError as exc:
        raise ReadError(f"{name}: markup nests too deeply to read; save the page again "
                        "or as text") from exc
    if not text.strip():
        if cut is not None:
            raise ReadError(f"{name}: {cut_message(cut)}; save or download it again")
        raise ReadError(f"{name}: no text left after removing markup, scripts and "
                        "navigation; was the page saved before it finished loading?")
    return SavedPage(text, page.encoding, page.warnings, url, cut, images)


def cut_message(cut: str) -> str:
    """What a page cut short (:func:`cut_short` gave ``cut``) is, for a message."""
    return f"HTML page is truncated (it opens <{cut}> but ends before its </{cut}>)"
