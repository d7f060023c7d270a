"""A web page saved as one file (MHTML: ``.mhtml``, ``.mht``): the HTML page inside it.

Stage: read. Chromium's "Webpage, single file", Edge and Internet Explorer's "Web
Archive, single file" write a MIME message (``multipart/related``): the page as a
``text/html`` part (quoted-printable or base64, in its charset), then its style
sheets and images as parts of their own. Consumes the file's bytes; produces the
HTML part's bytes as saved, the charset its part names and the address the archive
names for the page, for :func:`bma_etl.read.html.read_html` to read as the page it
is (the part's charset standing where an HTTP header would). The standard
library's :mod:`email` parses the MIME.

A file is taken as MHTML by its content, not its name: a user who renamed it
``.html`` still gets the page read.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass

from bma_etl.errors import ReadError

__all__ = ["ArchivedPage", "is_mhtml", "page_in_archive"]

#: A MIME message's headers at the top of the file declaring a multipart body.
_MIME_HEAD = re.compile(rb"^(?:[\x21-\x7e]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?"
                        rb"content-type:\s*multipart/related", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ArchivedPage:
    """The HTML page an MHTML archive holds: its bytes, its charset, its address.

    ``html`` is the part's bytes as saved, in ``charset`` (the label its part declares,
    None when it declares none); ``url`` the address the archive names for the page.
    """

    html: bytes
    url: str | None
    charset: str | None = None


def is_mhtml(data: bytes) -> bool:
    r"""Whether ``data`` is a MIME ``multipart/related`` message (an MHTML archive).

    >>> is_mhtml(b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
    ...          b"Content-Type: multipart/related;\r\n\ttype=\"text/html\"\r\n")
    True
    >>> is_mhtml(b"<html><body>Content-Type: multipart/related</body></html>")
    False
    """
    return _MIME_HEAD.match(data[:8192].replace(b"\r\n", b"\n")) is not None


def page_in_archive(data: bytes, name: str = "file") -> ArchivedPage:
    """The first ``text/html`` part of an MHTML archive; ReadError when it has none.

    Its transfer encoding (quoted-printable, base64) is undone; its address is the
    part's ``Content-Location`` or the archive's ``Snapshot-Content-Location``.
    """
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        url = part.get("Content-Location") or message.get("Snapshot-Content-Location")
        return ArchivedPage(payload, str(url).strip() if url else None,
                            part.get_content_charset())
    raise ReadError(f"{name}: a web archive (MHTML) with no HTML page in it; "
                    "save the page again as HTML or as text")
